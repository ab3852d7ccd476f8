package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import io.github.flowcodec.flowmessage.PacketLayer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers and fixed text written straight into an array, for the JSON encoders: each method writes at a
 * position of an array with room enough and returns the position after what it wrote.
 */
final class JsonText {

    /** 10^n for n = 0 to 18. */
    private static final long[] POWERS_OF_TEN = new long[19];
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** The two digits of 0 to 99 (00 to 99) as one little-endian short store writes them. */
    private static final short[] PAIRS = new short[100];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int n = 1; n < POWERS_OF_TEN.length; n++) {
            POWERS_OF_TEN[n] = POWERS_OF_TEN[n - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            PAIRS[i] = (short) (('0' + i / 10) | ('0' + i % 10) << 8);
        }
    }

    private JsonText() {
    }

    /** Each text in US-ASCII. */
    static byte[][] ascii(String... texts) {
        byte[][] b = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            b[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return b;
    }

    static int put(byte[] b, int p, byte[] text) {
        System.arraycopy(text, 0, b, p, text.length);
        return p + text.length;
    }

    /** {@code v} as an unsigned decimal (at most 20 bytes) at {@code p}; the position after it. */
    static int unsigned(byte[] b, int p, long v) {
        if (v >= 0 && v < 10) {
            b[p] = (byte) ('0' + v);
            return p + 1;
        }
        if (v < 0) {
            long q = Long.divideUnsigned(v, 10);
            p = unsigned(b, p, q);
            b[p++] = (byte) ('0' + (v - q * 10));
            return p;
        }
        int end = p + digits(v);
        int at = end;
        while (v > Integer.MAX_VALUE) {
            long q = divideBy1e8(v);
            at = eightDigits(b, at, (int) (v - q * 100_000_000L));
            v = q;
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            at -= 2;
            SHORTS.set(b, at, PAIRS[i - q * 100]);
            i = q;
        }
        if (i >= 10) {
            SHORTS.set(b, at - 2, PAIRS[i]);
        } else {
            b[at - 1] = (byte) ('0' + i);
        }
        return end;
    }

    /** The longest text of {@link #list}: brackets and {@link MessageSlots#MAX_LIST} numbers of 10 digits with commas. */
    static final int MAX_LIST_TEXT = 2 + MessageSlots.MAX_LIST * 11;

    /** The first {@code n} numbers of {@code list}, unsigned 32-bit, as a JSON array. */
    static int list(byte[] b, int p, int[] list, int n) {
        b[p++] = '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b[p++] = ',';
            }
            p = unsigned(b, p, list[i] & 0xFFFF_FFFFL);
        }
        b[p++] = ']';
        return p;
    }

    /** The quoted names of goflow2's LayerStack numbers (0 to 99; {@link #NO_LAYER_NAME} for a number it does not name). */
    private static final byte[][] LAYER_NAMES = new byte[100][];
    /** A number goflow2's LayerStack does not name, as goflow2 prints one: {@code ""}. */
    private static final byte[] NO_LAYER_NAME = {'"', '"'};
    /** The longest quoted layer name. */
    private static final int LONGEST_LAYER_NAME;

    static {
        int longest = 0;
        Arrays.fill(LAYER_NAMES, NO_LAYER_NAME);
        for (PacketLayer l : PacketLayer.values()) {
            LAYER_NAMES[l.number()] = ("\"" + l.goflow2Name() + "\"").getBytes(StandardCharsets.US_ASCII);
            longest = Math.max(longest, LAYER_NAMES[l.number()].length);
        }
        LONGEST_LAYER_NAME = longest;
    }

    /** The longest text of {@link #layers}: brackets and {@link MessageSlots#MAX_LIST} quoted names with commas. */
    static final int MAX_LAYER_LIST_TEXT = 2 + MessageSlots.MAX_LIST * (LONGEST_LAYER_NAME + 1);

    /** The longest text of an address list: brackets and {@link MessageSlots#MAX_LIST} quoted addresses with commas. */
    static final int MAX_ADDRESS_LIST_TEXT = 2 + MessageSlots.MAX_LIST * (AddressFormat.MAX_TEXT + 3);

    /** The longest text of a list field of {@code kind}. */
    static int maxListText(FlowField.Kind kind) {
        return switch (kind) {
            case ADDRESS_LIST -> MAX_ADDRESS_LIST_TEXT;
            case LAYER_LIST -> MAX_LAYER_LIST_TEXT;
            default -> MAX_LIST_TEXT;
        };
    }

    /** The first {@code n} layer numbers of {@code list} as a JSON array of goflow2's names. */
    static int layers(byte[] b, int p, int[] list, int n) {
        b[p++] = '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b[p++] = ',';
            }
            int layer = list[i];
            p = put(b, p, layer >= 0 && layer < LAYER_NAMES.length ? LAYER_NAMES[layer] : NO_LAYER_NAME);
        }
        b[p++] = ']';
        return p;
    }

    /**
     * The first {@code n} entries of an address list as a JSON array of quoted address texts ({@code ""} for an entry
     * of neither 4 nor 16 bytes, as goflow2 renders one): entry i's {@code lengths[i]} bytes at {@code 16 * i} of
     * {@code bytes}; {@code groups}: 8 ints of scratch.
     */
    static int addresses(byte[] b, int p, int[] lengths, byte[] bytes, int n, int[] groups) {
        b[p++] = '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b[p++] = ',';
            }
            b[p++] = '"';
            int len = lengths[i];
            if (len == 4 || len == 16) {
                p = AddressFormat.address(b, p, bytes, 16 * i, len, groups);
            }
            b[p++] = '"';
        }
        b[p++] = ']';
        return p;
    }

    static int signed(byte[] b, int p, long v) {
        if (v < 0) {
            b[p++] = '-';
            return unsigned(b, p, v == Long.MIN_VALUE ? v : -v);
        }
        return unsigned(b, p, v);
    }

    /** {@code v} (0 to 99,999,999) as eight digits ending before {@code end}; where they start. */
    private static int eightDigits(byte[] b, int end, int v) {
        int at = end;
        for (int k = 0; k < 4; k++) {
            int q = v / 100;
            at -= 2;
            SHORTS.set(b, at, PAIRS[v - q * 100]);
            v = q;
        }
        return at;
    }

    /**
     * {@code v / 100_000_000} for a non-negative {@code v}, by a multiplication: the high 64 bits of {@code v}
     * times the unsigned reciprocal 0xABCC77118461CEFD (2^90 / 10^8 rounded up), shifted by 26. A 64-bit
     * division instruction takes 40 to 90 cycles on common x86 cores, and C2 does not strength-reduce this one
     * (profiling put two thirds of a goflow2 JSON line's time on it: three 19-digit nanosecond times a line).
     * {@code Math.multiplyHigh} is signed; the reciprocal's top bit set adds {@code v} back.
     */
    static long divideBy1e8(long v) {
        return (Math.multiplyHigh(v, 0xABCC77118461CEFDL) + v) >>> 26;
    }

    /** How many decimal digits a non-negative {@code v} has. */
    private static int digits(long v) {
        if (v < 10) {
            return 1;
        }
        int guess = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12; // bits * log10(2): the digits, or one less
        return guess + (v >= POWERS_OF_TEN[guess] ? 1 : 0);
    }
}
