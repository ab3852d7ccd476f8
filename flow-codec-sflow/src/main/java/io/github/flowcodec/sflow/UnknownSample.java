package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.OpaqueData;

/**
 * A sample whose (enterprise, format) the decoder does not know (an enterprise sample, a newer standard
 * sample, or in lenient mode a discarded-packet event 0:5 whose content did not parse ...), kept as its bytes and re-encoded as they were.
 *
 * <pre>{@code
 * UnknownSample u = new UnknownSample(4300, 1002, sampleBytes);
 * u.data();   // a copy of the sample data, without the XDR padding
 * }</pre>
 *
 * @param enterprise the enterprise (20 bits)
 * @param format the format (12 bits)
 * @param data the sample data, as sent (without padding)
 */
public record UnknownSample(long enterprise, int format, byte[] data) implements SflowSample {

    /**
     * Checks that the enterprise fits 20 bits and the format 12, and copies the lists and arrays given (the record
     * keeps its own).
     *
     * @param enterprise the enterprise (20 bits)
     * @param format the format (12 bits)
     * @param data the sample data, as sent (without padding)
     */
    public UnknownSample {
        Sflow.dataFormat(enterprise, format);
        data = data.clone();
    }

    /**
     * A copy of the sample data.
     *
     * @return a new array of the sample data, as sent (without XDR padding)
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The length of the sample data in bytes.
     *
     * @return the sample data's length in bytes
     */
    public int length() {
        return data.length;
    }

    /**
     * Writes the data at the buffer's position (advancing it), without copying it first.
     *
     * @param dst the buffer written into, from its position
     */
    public void writeData(java.nio.ByteBuffer dst) {
        dst.put(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownSample u && OpaqueData.equal(enterprise, format, data, u.enterprise, u.format, u.data);
    }

    @Override
    public int hashCode() {
        return OpaqueData.hash(enterprise, format, data);
    }

    @Override
    public String toString() {
        return OpaqueData.text("UnknownSample", enterprise, format, data);
    }
}
