package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Writes NetFlow v5 packets: at most 30 records each, the header's flow_sequence kept as the running
 * count of flows exported before the packet, engine and sampling fields as configured, export time and
 * uptime from the configured clocks.
 *
 * <p>Records must be on {@link Netflow5#TEMPLATE} (decoded v5 records, or ones made with
 * {@link Netflow5RecordBuilder}); they are copied as they are. Not thread-safe: one encoder per exporter
 * stream, since it owns the sequence.
 *
 * <pre>{@code
 * Netflow5Encoder encoder = Netflow5Encoder.builder().engineId(1).sampling(1, 100).build();
 * for (ByteBuffer packet : encoder.encode(records)) {
 *     channel.send(packet, collector);
 * }
 * // or, into a buffer of your own:
 * int written = encoder.encode(records, 0, buffer);
 * }</pre>
 */
public final class Netflow5Encoder implements DatagramEncoder<FlowRecord> {

    private final int engineType;
    private final int engineId;
    private final int samplingMode;
    private final int samplingInterval;
    private final LongSupplier clock;
    private final LongSupplier uptimeMillis;
    private final int maxRecords;
    private long flowSequence;

    private Netflow5Encoder(Builder b) {
        this.engineType = b.engineType;
        this.engineId = b.engineId;
        this.samplingMode = b.samplingMode;
        this.samplingInterval = b.samplingInterval;
        this.clock = b.clock;
        this.uptimeMillis = b.uptimeMillis != null ? b.uptimeMillis : startedAt(b.clock);
        this.maxRecords = (b.maxDatagramSize - Netflow5.HEADER_LENGTH) / Netflow5.RECORD_LENGTH;
        this.flowSequence = b.flowSequence;
    }

    private static LongSupplier startedAt(LongSupplier clock) {
        long start = clock.getAsLong();
        return () -> clock.getAsLong() - start;
    }

    /**
     * A builder with engine 0/0, no sampling, the system clock, uptime counted from the encoder's creation,
     * packets of up to 30 records.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The flow_sequence the next packet will carry: flows sent so far (unsigned 32-bit). */
    @Override
    public long nextSequence() {
        return flowSequence;
    }

    /** The largest packet this encoder writes: the header and as many records as {@link Builder#maxDatagramSize} allows. */
    @Override
    public int maxDatagramSize() {
        return Netflow5.HEADER_LENGTH + maxRecords * Netflow5.RECORD_LENGTH;
    }

    /**
     * Writes one packet with up to 30 records from {@code records}, starting at index {@code from}, at the
     * buffer's position (advanced past the packet).
     *
     * @return how many records it took
     * @param records the records, each on {@link Netflow5#TEMPLATE}
     * @param from the index of the first record to write
     * @param dst where the packet goes
     * @throws EncodingException if the buffer has no room for the header and one record, or a record is not a v5 record
     */
    @Override
    public int encode(List<? extends FlowRecord> records, int from, ByteBuffer dst) {
        int n = Math.min(maxRecords, records.size() - from);
        if (n < 0) {
            throw new IndexOutOfBoundsException("from " + from + " beyond " + records.size() + " records");
        }
        int room = (dst.remaining() - Netflow5.HEADER_LENGTH) / Netflow5.RECORD_LENGTH;
        if (room < Math.min(n, 1)) {
            throw new EncodingException(FlowProtocol.NETFLOW_V5, dst.position(),
                    "a buffer of " + dst.remaining() + " bytes has no room for a v5 header and a record");
        }
        n = Math.min(n, room);
        checkTemplates(records, from, from + n);
        long now = clock.getAsLong();
        writeHeader(dst, n, uptimeMillis.getAsLong() & 0xFFFF_FFFFL, (now / 1000) & 0xFFFF_FFFFL,
                (now % 1000) * 1_000_000L, flowSequence, engineType, engineId, (samplingMode << 14) | samplingInterval);
        for (int i = from; i < from + n; i++) {
            records.get(i).writeTo(dst);
        }
        flowSequence = (flowSequence + n) & 0xFFFF_FFFFL;
        return n;
    }

    /**
     * Writes exactly this header and these records at the buffer's position: the count written is
     * {@code header.count()}, whatever the number of records (a way to craft packets that lie).
     *
     * @param header the header to write, as is
     * @param records the records, each on {@link Netflow5#TEMPLATE}
     * @param dst where the packet goes
     * @throws EncodingException if a record is not on {@link Netflow5#TEMPLATE} or the buffer is too small
     */
    public static void write(Netflow5Header header, List<? extends FlowRecord> records, ByteBuffer dst) {
        int need = Netflow5.HEADER_LENGTH + records.size() * Netflow5.RECORD_LENGTH;
        if (dst.remaining() < need) {
            throw new EncodingException(FlowProtocol.NETFLOW_V5, dst.position(),
                    "the packet needs " + need + " bytes, the buffer has " + dst.remaining());
        }
        checkTemplates(records, 0, records.size());
        writeHeader(dst, header.count(), header.sysUptimeMillis(), header.unixSeconds(), header.unixNanos(),
                header.flowSequence(), header.engineType(), header.engineId(), header.samplingField());
        for (FlowRecord r : records) {
            r.writeTo(dst);
        }
    }

    private static void checkTemplates(List<? extends FlowRecord> records, int from, int to) {
        for (int i = from; i < to; i++) {
            Template t = records.get(i).template();
            if (t != Netflow5.TEMPLATE && !t.sameLayout(Netflow5.TEMPLATE)) {
                throw new EncodingException(FlowProtocol.NETFLOW_V5, Netflow5.HEADER_LENGTH + (long) (i - from) * Netflow5.RECORD_LENGTH,
                        "record " + i + " is not on the NetFlow v5 template (build it with Netflow5RecordBuilder)");
            }
        }
    }

    private static void writeHeader(ByteBuffer dst, int count, long uptime, long seconds, long nanos, long sequence,
            int engineType, int engineId, int samplingField) {
        int base = dst.position();
        dst.putShort(base + Netflow5Layout.VERSION, (short) Netflow5.VERSION)
                .putShort(base + Netflow5Layout.COUNT, (short) count)
                .putInt(base + Netflow5Layout.SYS_UPTIME, (int) uptime)
                .putInt(base + Netflow5Layout.UNIX_SECS, (int) seconds)
                .putInt(base + Netflow5Layout.UNIX_NSECS, (int) nanos)
                .putInt(base + Netflow5Layout.FLOW_SEQUENCE, (int) sequence)
                .put(base + Netflow5Layout.ENGINE_TYPE, (byte) engineType)
                .put(base + Netflow5Layout.ENGINE_ID, (byte) engineId)
                .putShort(base + Netflow5Layout.SAMPLING_INTERVAL, (short) samplingField)
                .position(base + Netflow5.HEADER_LENGTH);
    }

    /**
     * Writes a decoded packet back as it was sent: its header as decoded, the count included even where it
     * lies, then its records. For a valid datagram these are the bytes it was decoded from. For a datagram
     * that lenient mode repaired, they are its first {@code 24 + 48 * records().size()} bytes: what followed
     * the records read (trailing bytes, a partial record, records beyond the count) is not part of the
     * packet.
     *
     * <pre>{@code
     * Netflow5Packet packet = new Netflow5Decoder().decode(datagram, exporter);
     * ByteBuffer same = Netflow5Encoder.write(packet);   // datagram's bytes, ready to send or compare
     * }</pre>
     *
     * @param packet a decoded packet
     * @return a buffer of the packet's bytes, position 0
     */
    public static ByteBuffer write(Netflow5Packet packet) {
        ByteBuffer b = ByteBuffer.allocate(Netflow5.HEADER_LENGTH + packet.records().size() * Netflow5.RECORD_LENGTH);
        write(packet.header(), packet.records(), b);
        return b.flip();
    }

    /** Configures a {@link Netflow5Encoder}. */
    public static final class Builder {
        private int engineType;
        private int engineId;
        private int samplingMode;
        private int samplingInterval;
        private LongSupplier clock = System::currentTimeMillis;
        private LongSupplier uptimeMillis;
        private int maxDatagramSize = Netflow5.HEADER_LENGTH + Netflow5.MAX_RECORDS * Netflow5.RECORD_LENGTH;
        private long flowSequence;

        private Builder() {
        }

        /**
         * The engine type written in every header (0..255).
         *
         * @param engineType engine_type, 0 to 255
         * @return this builder
         */
        public Builder engineType(int engineType) {
            this.engineType = range("engineType", engineType, 0xFF);
            return this;
        }

        /**
         * The engine id written in every header (0..255).
         *
         * @param engineId engine_id, 0 to 255
         * @return this builder
         */
        public Builder engineId(int engineId) {
            this.engineId = range("engineId", engineId, 0xFF);
            return this;
        }

        /**
         * The sampling mode (0..3) and interval (0..16383) written in every header.
         *
         * @param mode the sampling mode, 0 to 3
         * @param interval the sampling interval, 0 to 16383
         * @return this builder
         */
        public Builder sampling(int mode, int interval) {
            this.samplingMode = range("sampling mode", mode, 3);
            this.samplingInterval = range("sampling interval", interval, 0x3FFF);
            return this;
        }

        /**
         * The wall clock in epoch milliseconds: the header's export time (default: the system clock).
         *
         * @param epochMillis the wall clock in epoch milliseconds: the header's export time (default: the system clock)
         * @return this builder
         */
        public Builder clock(LongSupplier epochMillis) {
            this.clock = Objects.requireNonNull(epochMillis, "epochMillis");
            return this;
        }

        /**
         * Largest packet in bytes: the 24-byte header and as many 48-byte records as fit, at least one and at
         * most 30 (default 1464, 30 records).
         *
         * @param bytes largest packet in bytes: the 24-byte header and as many 48-byte records as fit, at least one and at most 30 (default 1464, 30 records)
         * @return this builder
         */
        public Builder maxDatagramSize(int bytes) {
            int min = Netflow5.HEADER_LENGTH + Netflow5.RECORD_LENGTH;
            if (bytes < min) {
                throw new IllegalArgumentException("maxDatagramSize " + bytes + " is below one header and one record (" + min + ")");
            }
            this.maxDatagramSize = Math.min(bytes, Netflow5.HEADER_LENGTH + Netflow5.MAX_RECORDS * Netflow5.RECORD_LENGTH);
            return this;
        }

        /**
         * Where the header's uptime comes from (default: milliseconds since the encoder was built).
         *
         * @param uptimeMillis gives SysUptime for each packet, in milliseconds
         * @return this builder
         */
        public Builder uptimeMillis(LongSupplier uptimeMillis) {
            this.uptimeMillis = Objects.requireNonNull(uptimeMillis, "uptimeMillis");
            return this;
        }

        /**
         * The flow_sequence of the first packet (default 0).
         *
         * @param flowSequence the flow_sequence of the first packet (default 0)
         * @return this builder
         */
        public Builder firstSequence(long flowSequence) {
            if (flowSequence < 0 || flowSequence > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("flowSequence out of range: " + flowSequence);
            }
            this.flowSequence = flowSequence;
            return this;
        }

        private static int range(String name, int v, int max) {
            if (v < 0 || v > max) {
                throw new IllegalArgumentException(name + " out of range 0.." + max + ": " + v);
            }
            return v;
        }

        /**
         * The encoder.
         *
         * @return the encoder (one per thread: it counts flow_sequence)
         */
        public Netflow5Encoder build() {
            return new Netflow5Encoder(this);
        }
    }
}
