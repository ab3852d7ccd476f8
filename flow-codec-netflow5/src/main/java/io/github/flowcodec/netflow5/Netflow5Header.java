package io.github.flowcodec.netflow5;

/**
 * The 24-byte NetFlow v5 header, immutable.
 *
 * <pre>{@code
 * Netflow5Header h = new Netflow5Header(2, 360_000, 1_700_000_000, 0, 1234, 0, 1, 1, 100);
 * h.exportTimeMillis(); // 1_700_000_000_000
 * }</pre>
 *
 * @param count the number of records the header announces (as sent: it may lie)
 * @param sysUptimeMillis milliseconds since the exporter booted (unsigned 32-bit)
 * @param unixSeconds export time, seconds since the Unix epoch (unsigned 32-bit)
 * @param unixNanos residual nanoseconds of the export time
 * @param flowSequence sequence counter of total flows seen (unsigned 32-bit)
 * @param engineType type of flow-switching engine
 * @param engineId slot number of the flow-switching engine
 * @param samplingMode the first two bits of the sampling field (0 none, 1 deterministic, 2 random)
 * @param samplingInterval the remaining 14 bits: one packet in this many is sampled
 */
public record Netflow5Header(int count, long sysUptimeMillis, long unixSeconds, long unixNanos, long flowSequence,
        int engineType, int engineId, int samplingMode, int samplingInterval) {

    /**
     * Checks each field's range (count 0 to 65535, the 32-bit fields unsigned, engine fields 0 to 255, sampling mode
     * 0 to 3 and interval 0 to 16383).
     *
     * @param count the number of records the header announces (as sent: it may lie)
     * @param sysUptimeMillis milliseconds since the exporter booted (unsigned 32-bit)
     * @param unixSeconds export time, seconds since the Unix epoch (unsigned 32-bit)
     * @param unixNanos residual nanoseconds of the export time
     * @param flowSequence sequence counter of total flows seen (unsigned 32-bit)
     * @param engineType type of flow-switching engine
     * @param engineId slot number of the flow-switching engine
     * @param samplingMode the first two bits of the sampling field (0 none, 1 deterministic, 2 random)
     * @param samplingInterval the remaining 14 bits: one packet in this many is sampled
     */
    public Netflow5Header {
        check("count", count, 0xFFFF);
        check("sysUptimeMillis", sysUptimeMillis, 0xFFFF_FFFFL);
        check("unixSeconds", unixSeconds, 0xFFFF_FFFFL);
        check("unixNanos", unixNanos, 0xFFFF_FFFFL);
        check("flowSequence", flowSequence, 0xFFFF_FFFFL);
        check("engineType", engineType, 0xFF);
        check("engineId", engineId, 0xFF);
        check("samplingMode", samplingMode, 3);
        check("samplingInterval", samplingInterval, 0x3FFF);
    }

    private static void check(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range 0.." + max + ": " + value);
        }
    }

    /**
     * The export time in milliseconds since the Unix epoch.
     *
     * @return unixSeconds * 1000 + unixNanos / 1000000
     */
    public long exportTimeMillis() {
        return unixSeconds * 1000L + unixNanos / 1_000_000L;
    }

    /**
     * The 16-bit sampling field as sent: mode in the top two bits, interval below.
     *
     * @return {@code samplingMode << 14 | samplingInterval}, as sent
     */
    public int samplingField() {
        return (samplingMode << 14) | samplingInterval;
    }
}
