package io.github.flowcodec.sflow.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Big-endian reads and writes on a byte array through byte-array views: one bounds check and one load or store a
 * value, where a {@link ByteBuffer} accessor adds its own index and scope checks. The decoder reads a datagram
 * through its heap buffer's array, or through one bulk copy of a direct buffer ({@link #arrayOf}); the encoder
 * writes samples into an array.
 *
 * <pre>{@code
 * byte[] a = Bytes.arrayOf(buffer, base, end, scratch);   // the buffer's own array, or scratch filled
 * int shift = Bytes.shift(buffer, base);
 * long sequence = Bytes.u32(a, shift + p);                 // buffer index p
 * }</pre>
 */
public final class Bytes {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    /**
     * The array holding the bytes of {@code buffer} from {@code base} to {@code end}: the heap buffer's own array,
     * else {@code scratch} (or a larger new array) with those bytes copied to its start. Index {@code p} of the
     * buffer is index {@code shift(buffer, base) + p} of the array.
     */
    public static byte[] arrayOf(ByteBuffer buffer, int base, int end, byte[] scratch) {
        if (buffer.hasArray()) {
            return buffer.array();
        }
        byte[] a = scratch.length >= end - base ? scratch : new byte[Math.max(end - base, 2 * scratch.length)];
        buffer.get(base, a, 0, end - base);
        return a;
    }

    /** What to add to an index of {@code buffer} to find its byte in the array {@link #arrayOf} gave. */
    public static int shift(ByteBuffer buffer, int base) {
        return buffer.hasArray() ? buffer.arrayOffset() : -base;
    }

    /** The 4 bytes at {@code i} as an int. */
    public static int i32(byte[] a, int i) {
        return (int) INT.get(a, i);
    }

    /** The 4 bytes at {@code i} as an unsigned value. */
    public static long u32(byte[] a, int i) {
        return (int) INT.get(a, i) & 0xFFFF_FFFFL;
    }

    /** The 2 bytes at {@code i} as an unsigned value. */
    public static int u16(byte[] a, int i) {
        return (short) SHORT.get(a, i) & 0xFFFF;
    }

    /** The 8 bytes at {@code i}. */
    public static long i64(byte[] a, int i) {
        return (long) LONG.get(a, i);
    }

    /** Writes {@code v} in the 4 bytes at {@code i}. */
    public static void put32(byte[] a, int i, int v) {
        INT.set(a, i, v);
    }

    /** Writes {@code v} in the 2 bytes at {@code i}. */
    public static void put16(byte[] a, int i, int v) {
        SHORT.set(a, i, (short) v);
    }

    /** Writes {@code v} in the 8 bytes at {@code i}. */
    public static void put64(byte[] a, int i, long v) {
        LONG.set(a, i, v);
    }
}
