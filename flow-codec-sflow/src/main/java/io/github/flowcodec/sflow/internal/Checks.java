package io.github.flowcodec.sflow.internal;

import java.net.InetAddress;

/** Argument checks shared by the model's records (not API: the package is not exported). */
public final class Checks {

    private Checks() {
    }

    public static void u32(long v, String name) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is not an unsigned 32-bit value: " + v);
        }
    }

    /**
     * {@link #u32} of each value, named by the word of {@code names} at its place: the checks of a record's unsigned
     * 32-bit components in one call.
     *
     * <pre>{@code
     * Checks.u32s("sourceVlan sourcePriority", sourceVlan, sourcePriority);
     * }</pre>
     *
     * <p>The forms of 2 to 7 values make no array unless a value does not fit (a varargs array is not
     * scalar-replaced: the typed decoder builds these records for every sample).
     *
     * @param names the values' names in order, separated by single spaces (split only when a value does not fit)
     */
    public static void u32s(String names, long... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] >>> 32 != 0) {
                u32(values[i], name(names, i, values.length));
            }
        }
    }

    public static void u32s(String names, long a, long b) {
        if (((a | b) >>> 32) != 0) {
            u32s(names, new long[] {a, b});
        }
    }

    public static void u32s(String names, long a, long b, long c) {
        if (((a | b | c) >>> 32) != 0) {
            u32s(names, new long[] {a, b, c});
        }
    }

    public static void u32s(String names, long a, long b, long c, long d) {
        if (((a | b | c | d) >>> 32) != 0) {
            u32s(names, new long[] {a, b, c, d});
        }
    }

    public static void u32s(String names, long a, long b, long c, long d, long e) {
        if (((a | b | c | d | e) >>> 32) != 0) {
            u32s(names, new long[] {a, b, c, d, e});
        }
    }

    public static void u32s(String names, long a, long b, long c, long d, long e, long f) {
        if (((a | b | c | d | e | f) >>> 32) != 0) {
            u32s(names, new long[] {a, b, c, d, e, f});
        }
    }

    public static void u32s(String names, long a, long b, long c, long d, long e, long f, long g) {
        if (((a | b | c | d | e | f | g) >>> 32) != 0) {
            u32s(names, new long[] {a, b, c, d, e, f, g});
        }
    }

    /** {@link #notNull} of each value, named by the word of {@code names} at its place (as for {@link #u32s}). */
    public static void notNulls(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(name(names, i, values.length));
            }
        }
    }

    public static void notNulls(String names, Object a, Object b) {
        if (a == null || b == null) {
            notNulls(names, new Object[] {a, b});
        }
    }

    public static void notNulls(String names, Object a, Object b, Object c) {
        if (a == null || b == null || c == null) {
            notNulls(names, new Object[] {a, b, c});
        }
    }

    public static void notNulls(String names, Object a, Object b, Object c, Object d) {
        if (a == null || b == null || c == null || d == null) {
            notNulls(names, new Object[] {a, b, c, d});
        }
    }

    public static void notNulls(String names, Object a, Object b, Object c, Object d, Object e, Object f, Object g) {
        if (a == null || b == null || c == null || d == null || e == null || f == null || g == null) {
            notNulls(names, new Object[] {a, b, c, d, e, f, g});
        }
    }

    /** The {@code i}-th of the {@code count} space-separated {@code names} (on the failure path only). */
    private static String name(String names, int i, int count) {
        String[] n = names.split(" ");
        if (n.length != count) {
            throw new IllegalStateException(count + " values checked but " + n.length + " names: " + names);
        }
        return n[i];
    }

    public static void range(long v, long min, long max, String name) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + v);
        }
    }

    /** The checks of a flow or counter sample's source id in the compact form (0:1, 0:2): an 8-bit type, a 24-bit index. */
    public static void compactSourceId(int sourceIdType, long sourceIdIndex) {
        range(sourceIdType, 0, 0xFF, "sourceIdType of a compact sample");
        range(sourceIdIndex, 0, 0xFF_FFFF, "sourceIdIndex of a compact sample");
    }

    /** The checks of sampled IPv4 or IPv6 data (0:3, 0:4): unsigned 32-bit values and both addresses; {@code last} is the TOS or priority. */
    public static void ipData(long length, long protocol, Object source, Object destination, long sourcePort,
            long destinationPort, long tcpFlags, long last, String lastName) {
        u32(length, "length");
        u32(protocol, "protocol");
        notNull(source, "source");
        notNull(destination, "destination");
        u32(sourcePort, "sourcePort");
        u32(destinationPort, "destinationPort");
        u32(tcpFlags, "tcpFlags");
        u32(last, lastName);
    }

    /** The checks of a socket record (0:2100 to 0:2103): unsigned 32-bit values and two addresses of one family. */
    public static void socket(long protocol, InetAddress local, InetAddress remote, long localPort, long remotePort) {
        u32(protocol, "protocol");
        notNull(local, "localAddress");
        notNull(remote, "remoteAddress");
        if (local.getAddress().length != remote.getAddress().length) {
            throw new IllegalArgumentException("local and remote addresses of a socket are of one family");
        }
        u32(localPort, "localPort");
        u32(remotePort, "remotePort");
    }

    public static <T> T notNull(T v, String name) {
        if (v == null) {
            throw new NullPointerException(name);
        }
        return v;
    }
}
