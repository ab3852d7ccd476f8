package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.internal.templated.TemplatedWireFields;

/**
 * The 16-byte IPFIX message header (RFC 7011 section 3.1).
 *
 * <pre>{@code
 * IpfixHeader h = new IpfixHeader(10, 120, 1_700_000_000L, 42L, 7L);
 * h.exportTimeMillis(); // 1_700_000_000_000
 * }</pre>
 *
 * @param version 10
 * @param length the message length in bytes, header included
 * @param exportTimeSeconds export time, seconds since the Unix epoch (unsigned 32-bit)
 * @param sequence the count of data records sent before this message in the domain (unsigned 32-bit)
 * @param observationDomainId the observation domain (unsigned 32-bit)
 */
public record IpfixHeader(int version, int length, long exportTimeSeconds, long sequence, long observationDomainId) {

    /**
     * Checks the ranges of the header fields (length 0 to 65535, the 32-bit fields unsigned).
     *
     * @param version 10
     * @param length the message length in bytes, header included
     * @param exportTimeSeconds export time, seconds since the Unix epoch (unsigned 32-bit)
     * @param sequence the count of data records sent before this message in the domain (unsigned 32-bit)
     * @param observationDomainId the observation domain (unsigned 32-bit)
     */
    public IpfixHeader {
        TemplatedWireFields.requireHeader(version, "length", length, "exportTimeSeconds", exportTimeSeconds, sequence,
                "observationDomainId", observationDomainId);
    }

    /**
     * The export time in milliseconds since the epoch.
     *
     * @return exportTimeSeconds * 1000
     */
    public long exportTimeMillis() {
        return exportTimeSeconds * 1000L;
    }
}
