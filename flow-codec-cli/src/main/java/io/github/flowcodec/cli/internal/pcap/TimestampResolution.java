package io.github.flowcodec.cli.internal.pcap;

import java.math.BigInteger;

/**
 * The unit of a pcapng interface's timestamps, from its {@code if_tsresol} option: 10<sup>-n</sup>
 * or 2<sup>-n</sup> seconds.
 *
 * @param binary true for a power of two, false for a power of ten
 * @param exponent the exponent {@code n}, 0 to 127
 */
record TimestampResolution(boolean binary, int exponent) {

    /** The default when an interface has no {@code if_tsresol} option: microseconds. */
    static final TimestampResolution MICROSECONDS = new TimestampResolution(false, 6);

    private static final BigInteger NANOS = BigInteger.valueOf(Timestamps.NANOS_PER_SECOND);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Decodes the one-byte value of an {@code if_tsresol} option. */
    static TimestampResolution fromOption(byte value) {
        return new TimestampResolution((value & 0x80) != 0, value & 0x7F);
    }

    /**
     * Converts a timestamp in this unit to nanoseconds, clamping at {@link Long#MAX_VALUE}.
     *
     * @param units the timestamp, read as an unsigned 64-bit number
     * @return the timestamp in nanoseconds
     */
    long toNanos(long units) {
        if (!binary && exponent <= 9 && units >= 0) {
            long factor = pow10(9 - exponent);
            return Math.multiplyHigh(units, factor) == 0 && units * factor >= 0
                    ? units * factor
                    : Long.MAX_VALUE;
        }
        BigInteger unitsPerSecond =
                binary ? BigInteger.ONE.shiftLeft(exponent) : BigInteger.TEN.pow(exponent);
        BigInteger nanos =
                new BigInteger(Long.toUnsignedString(units)).multiply(NANOS).divide(unitsPerSecond);
        return nanos.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : nanos.longValue();
    }

    private static long pow10(int n) {
        long result = 1;
        for (int i = 0; i < n; i++) {
            result *= 10;
        }
        return result;
    }
}
