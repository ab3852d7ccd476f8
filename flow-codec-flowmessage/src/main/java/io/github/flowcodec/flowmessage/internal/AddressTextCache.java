package io.github.flowcodec.flowmessage.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Address text with a memory: per slot (one per address or prefix field), the last address written and its
 * text. Exporters, next hops and networks repeat record after record, and copying their text is cheaper than
 * formatting it again. One instance per encoder, so per thread.
 */
final class AddressTextCache {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final int[] groups = new int[8];
    private final byte[] masked = new byte[16];
    private final long[] lastHigh;
    private final long[] lastLow;
    /** Per slot: the last address's length, 0 for none; the prefix length in the high bits for prefixes. */
    private final long[] lastShape;
    private final byte[][] lastText;
    private final int[] lastTextLength;

    AddressTextCache(int slots) {
        lastHigh = new long[slots];
        lastLow = new long[slots];
        lastShape = new long[slots];
        lastText = new byte[slots][AddressFormat.MAX_TEXT];
        lastTextLength = new int[slots];
    }

    /**
     * {@code len} (4 or 16) bytes of {@code a} from {@code at} as text, copied from the slot's memory when it
     * wrote the same address last ({@code shape}: the length, and anything else that must match).
     */
    int address(byte[] b, int p, int slot, byte[] a, int at, int len, long shape) {
        long high = len == 4 ? (int) INTS.get(a, at) : (long) LONGS.get(a, at);
        long low = len == 4 ? 0 : (long) LONGS.get(a, at + 8);
        byte[] text = lastText[slot];
        if (shape == lastShape[slot] && high == lastHigh[slot] && low == lastLow[slot]) {
            int n = lastTextLength[slot];
            System.arraycopy(text, 0, b, p, n);
            return p + n;
        }
        int end = AddressFormat.address(b, p, a, at, len, groups);
        System.arraycopy(b, p, text, 0, end - p);
        lastTextLength[slot] = end - p;
        lastHigh[slot] = high;
        lastLow[slot] = low;
        lastShape[slot] = shape;
        return end;
    }

    /**
     * The network of {@code len} bytes of {@code a} from {@code at} with the bits past {@code bits} cleared,
     * as text, without the "/length" (a {@code bits} past the address keeps every bit).
     */
    int network(byte[] b, int p, int slot, byte[] a, int at, int len, long bits) {
        for (int k = 0; k < len; k++) {
            int keep = (int) Math.max(0, Math.min(8, bits - 8L * k));
            masked[k] = (byte) (a[at + k] & (0xFF << (8 - keep)));
        }
        return address(b, p, slot, masked, 0, len, len);
    }
}
