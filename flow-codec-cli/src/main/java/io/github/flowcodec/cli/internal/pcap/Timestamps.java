package io.github.flowcodec.cli.internal.pcap;

/** Saturating arithmetic for nanosecond timestamps built from untrusted fields. */
final class Timestamps {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Timestamps() {}

    /** Returns {@code seconds * 1e9 + nanos}, clamped to the range of a long. */
    static long fromSeconds(long seconds, long nanos) {
        long high = Math.multiplyHigh(seconds, NANOS_PER_SECOND);
        long low = seconds * NANOS_PER_SECOND;
        if ((high != 0 || low < 0) && (high != -1 || low >= 0)) {
            return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return add(low, nanos);
    }

    /** Returns {@code a + b}, clamped to the range of a long. */
    static long add(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}
