package io.github.flowcodec.ipfix;

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

    public IpfixHeader {
        if (version < 0 || version > 0xFFFF || length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("version and length are unsigned 16-bit");
        }
        checkU32("exportTimeSeconds", exportTimeSeconds);
        checkU32("sequence", sequence);
        checkU32("observationDomainId", observationDomainId);
    }

    private static void checkU32(String name, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is unsigned 32-bit: " + v);
        }
    }

    /** The export time in milliseconds since the epoch. */
    public long exportTimeMillis() {
        return exportTimeSeconds * 1000L;
    }
}
