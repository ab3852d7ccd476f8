package io.github.flowcodec.sflow;

import java.nio.ByteBuffer;

/**
 * A typed codec for one enterprise flow or counter record format, registered with
 * {@link SflowExtensions}. Records of that (enterprise, format) then decode to {@link FlowData.Extension}
 * or {@link CounterData.Extension} holding the value, and encode back through {@link #encode}.
 *
 * <p>{@link #decode} gets a read-only big-endian buffer holding exactly the record data (position 0,
 * limit the record length). If it throws, or if {@link #encodedLength} of its result is not the record
 * length, the record is kept as bytes ({@link FlowData.Unknown}) and the problem reported; strict decoders
 * throw a {@link io.github.flowcodec.core.MalformedPacketException} instead.
 *
 * <pre>{@code
 * // pmacct's tag record (enterprise 8800, flow format 1): one 64-bit tag
 * record PmacctTag(long tag) {}
 * SflowExtension<PmacctTag> tag = SflowExtension.flowRecord(8800, 1, PmacctTag.class,
 *         data -> new PmacctTag(data.getLong(0)),
 *         (value, out) -> out.putLong(value.tag()),
 *         value -> 8);
 * SflowExtensions extensions = SflowExtensions.builder().add(tag).build();
 * }</pre>
 *
 * @param <T> the decoded value's type
 */
public interface SflowExtension<T> {

    /**
     * Whether the format is a flow record or a counter record format.
     *
     * <pre>{@code
     * if (extension.kind() == SflowExtension.Kind.FLOW_RECORD) { ... }
     * }</pre>
     */
    enum Kind {
        /** A flow record of flow samples. */
        FLOW_RECORD,
        /** A counter record of counter samples. */
        COUNTER_RECORD
    }

    /**
     * Flow or counter record.
     *
     * @return whether the extension reads flow records or counter records
     */
    Kind kind();

    /**
     * The enterprise (20 bits).
     *
     * @return the enterprise number of the record's data_format, 0 to 1048575 (0 for sFlow.org's own)
     */
    long enterprise();

    /**
     * The format (12 bits).
     *
     * @return the format number of the record's data_format, 0 to 4095
     */
    int format();

    /**
     * The type of the values.
     *
     * @return the class of the decoded values
     */
    Class<T> type();

    /**
     * Decodes the record data (see the class comment for the buffer it gets).
     *
     * @param data the record data, from its position to its limit (big-endian, without padding)
     * @return the value
     */
    T decode(ByteBuffer data);

    /**
     * Writes {@code value}'s record data (without padding) at the buffer's position, advancing it.
     *
     * @param value the value
     * @param out where the record data goes
     */
    void encode(T value, ByteBuffer out);

    /**
     * The length in bytes {@link #encode} writes for {@code value}.
     *
     * @param value the value
     * @return the record data's length in bytes, without XDR padding
     */
    int encodedLength(T value);

    /**
     * Decodes a record's data.
     *
     * <pre>{@code
     * SflowExtension.Decoder<PmacctTag> d = data -> new PmacctTag(data.getLong(0));
     * }</pre>
     */
    @FunctionalInterface
    interface Decoder<T> {
        /**
         * The value of the record in {@code data}.
         *
         * @param data the record data, from its position to its limit
         * @return the value
         */
        T decode(ByteBuffer data);
    }

    /**
     * Encodes a value.
     *
     * <pre>{@code
     * SflowExtension.Encoder<PmacctTag> e = (tag, out) -> out.putLong(tag.tag());
     * }</pre>
     */
    @FunctionalInterface
    interface Encoder<T> {
        /**
         * Writes the value.
         *
         * @param value the value
         * @param out where the record data goes, from its position
         */
        void encode(T value, ByteBuffer out);
    }

    /**
     * Tells a value's encoded length.
     *
     * <pre>{@code
     * SflowExtension.Length<PmacctTag> n = tag -> 8;
     * }</pre>
     */
    @FunctionalInterface
    interface Length<T> {
        /**
         * The encoded length of the value.
         *
         * @param value the value
         * @return the record data's length in bytes, without XDR padding
         */
        int of(T value);
    }

    /**
     * An extension for a flow record format, from three functions.
     *
     * @param <T> the type of the decoded values
     * @param enterprise the enterprise number, 0 to 1048575
     * @param format the format number, 0 to 4095
     * @param type the class of the decoded values
     * @param decoder reads a value from the record data
     * @param encoder writes a value's record data
     * @param length gives a value's record data length
     * @return the extension
     */
    static <T> SflowExtension<T> flowRecord(long enterprise, int format, Class<T> type, Decoder<T> decoder,
            Encoder<T> encoder, Length<T> length) {
        return of(Kind.FLOW_RECORD, enterprise, format, type, decoder, encoder, length);
    }

    /**
     * An extension for a counter record format, from three functions.
     *
     * @param <T> the type of the decoded values
     * @param enterprise the enterprise number, 0 to 1048575
     * @param format the format number, 0 to 4095
     * @param type the class of the decoded values
     * @param decoder reads a value from the record data
     * @param encoder writes a value's record data
     * @param length gives a value's record data length
     * @return the extension
     */
    static <T> SflowExtension<T> counterRecord(long enterprise, int format, Class<T> type, Decoder<T> decoder,
            Encoder<T> encoder, Length<T> length) {
        return of(Kind.COUNTER_RECORD, enterprise, format, type, decoder, encoder, length);
    }

    private static <T> SflowExtension<T> of(Kind kind, long enterprise, int format, Class<T> type, Decoder<T> decoder,
            Encoder<T> encoder, Length<T> length) {
        Sflow.dataFormat(enterprise, format);
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(decoder, "decoder");
        java.util.Objects.requireNonNull(encoder, "encoder");
        java.util.Objects.requireNonNull(length, "length");
        return new SflowExtension<>() {
            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public long enterprise() {
                return enterprise;
            }

            @Override
            public int format() {
                return format;
            }

            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public T decode(ByteBuffer data) {
                return decoder.decode(data);
            }

            @Override
            public void encode(T value, ByteBuffer out) {
                encoder.encode(value, out);
            }

            @Override
            public int encodedLength(T value) {
                return length.of(value);
            }

            @Override
            public String toString() {
                return "SflowExtension[" + kind + " " + enterprise + ":" + format + " -> " + type.getSimpleName() + "]";
            }
        };
    }
}
