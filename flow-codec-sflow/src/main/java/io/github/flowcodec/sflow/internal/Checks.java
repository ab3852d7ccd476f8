package io.github.flowcodec.sflow.internal;

/** Argument checks shared by the model's records (not API: the package is not exported). */
public final class Checks {

    private Checks() {
    }

    public static void u32(long v, String name) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is not an unsigned 32-bit value: " + v);
        }
    }

    public static void range(long v, long min, long max, String name) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + v);
        }
    }

    public static <T> T notNull(T v, String name) {
        if (v == null) {
            throw new NullPointerException(name);
        }
        return v;
    }
}
