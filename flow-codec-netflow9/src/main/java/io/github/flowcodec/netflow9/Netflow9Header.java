package io.github.flowcodec.netflow9;

/**
 * The 20-byte NetFlow v9 packet header.
 *
 * <pre>{@code
 * Netflow9Header h = new Netflow9Header(9, 3, 360_000L, 1_700_000_000L, 42L, 0L);
 * h.exportTimeMillis(); // 1_700_000_000_000
 * }</pre>
 *
 * @param version 9
 * @param count the header's record count (template, options template and data records; unreliable on
 *              real devices, so decoders never trust it)
 * @param sysUptimeMillis the exporter's uptime in milliseconds (unsigned 32-bit)
 * @param unixSeconds seconds since the Unix epoch (unsigned 32-bit)
 * @param sequence packet sequence number (unsigned 32-bit)
 * @param sourceId the source id (unsigned 32-bit)
 */
public record Netflow9Header(int version, int count, long sysUptimeMillis, long unixSeconds, long sequence, long sourceId) {

    public Netflow9Header {
        if (version < 0 || version > 0xFFFF || count < 0 || count > 0xFFFF) {
            throw new IllegalArgumentException("version and count are unsigned 16-bit");
        }
        checkU32("sysUptimeMillis", sysUptimeMillis);
        checkU32("unixSeconds", unixSeconds);
        checkU32("sequence", sequence);
        checkU32("sourceId", sourceId);
    }

    private static void checkU32(String name, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is unsigned 32-bit: " + v);
        }
    }

    /** The export time in milliseconds since the epoch. */
    public long exportTimeMillis() {
        return unixSeconds * 1000L;
    }
}
