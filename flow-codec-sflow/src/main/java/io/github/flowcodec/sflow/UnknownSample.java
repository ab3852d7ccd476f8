package io.github.flowcodec.sflow;

import java.util.Objects;

/**
 * A sample whose (enterprise, format) the decoder does not know (an enterprise sample, a newer standard
 * sample, or in lenient mode a discarded-packet event 0:5 whose content did not parse ...), kept as its bytes
 * and re-encoded as they were.
 *
 * <pre>{@code
 * UnknownSample u = new UnknownSample(4300, 1002, sampleBytes);
 * u.data();   // a copy of the sample data, without the XDR padding
 * }</pre>
 *
 * @param enterprise the enterprise (20 bits)
 * @param format the format (12 bits)
 * @param bytes the sample data, as sent (without padding)
 */
public record UnknownSample(long enterprise, int format, OpaqueBytes bytes) implements SflowSample, OpaqueData {

    /**
     * A sample of a copy of {@code data}.
     *
     * @param enterprise the enterprise (20 bits)
     * @param format the format (12 bits)
     * @param data the sample data, as sent (without padding)
     */
    public UnknownSample(long enterprise, int format, byte[] data) {
        this(enterprise, format, OpaqueBytes.copyOf(data));
    }

    /**
     * Checks that the enterprise fits 20 bits and the format 12.
     *
     * @param enterprise the enterprise (20 bits)
     * @param format the format (12 bits)
     * @param bytes the sample data, as sent (without padding)
     */
    public UnknownSample {
        Sflow.dataFormat(enterprise, format);
        Objects.requireNonNull(bytes, "bytes");
    }
}
