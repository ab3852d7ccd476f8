package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.internal.templated.TemplatedWireFields;

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

    /**
     * Checks the ranges of the header's fields (count 0 to 65535, the 32-bit fields unsigned).
     *
     * @param version 9
     * @param count the header's record count (template, options template and data records; unreliable on real
     *     devices, so decoders never trust it)
     * @param sysUptimeMillis the exporter's uptime in milliseconds (unsigned 32-bit)
     * @param unixSeconds seconds since the Unix epoch (unsigned 32-bit)
     * @param sequence packet sequence number (unsigned 32-bit)
     * @param sourceId the source id (unsigned 32-bit)
     */
    public Netflow9Header {
        TemplatedWireFields.requireHeader(version, "count", count, "unixSeconds", unixSeconds, sequence, "sourceId", sourceId);
        TemplatedWireFields.requireUnsigned32("sysUptimeMillis", sysUptimeMillis);
    }

    /**
     * The export time in milliseconds since the epoch.
     *
     * @return unixSeconds * 1000
     */
    public long exportTimeMillis() {
        return unixSeconds * 1000L;
    }
}
