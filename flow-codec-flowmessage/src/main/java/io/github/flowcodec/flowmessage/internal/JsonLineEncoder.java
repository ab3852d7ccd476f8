package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a flow message as one JSON object with goflow2's keys, the keys in {@link FlowField} order, without
 * allocating: numbers, addresses ({@link AddressFormat}), MACs and prefixes are formatted straight into the
 * sink's array. One instance per thread.
 */
public final class JsonLineEncoder {

    /** The longest object: every field set, each at its longest (a key, a prefix of 45 + 1 + 20 bytes, quotes). */
    private static final int MAX_OBJECT = MessageSlots.FIELDS * 100 + 8;

    private static final FlowField[] FIELDS = FlowField.values();
    /** Per field: {@code ,"key":} in little-endian 8-byte words, written a word at a time. */
    private static final long[][] KEY_WORDS = new long[FIELDS.length][];
    private static final int[] KEY_LENGTHS = new int[FIELDS.length];
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int SRC_NET = FlowField.SRC_NET.ordinal();
    private static final int DST_NET = FlowField.DST_NET.ordinal();
    /** Per field: its kind's ordinal. */
    private static final int[] KINDS = new int[FIELDS.length];
    private static final int TYPE = FlowField.Kind.TYPE.ordinal();
    private static final int UINT64 = FlowField.Kind.UINT64.ordinal();
    private static final int UINT32 = FlowField.Kind.UINT32.ordinal();
    private static final int ADDRESS = FlowField.Kind.ADDRESS.ordinal();
    private static final int MAC = FlowField.Kind.MAC.ordinal();
    private static final int PREFIX = FlowField.Kind.PREFIX.ordinal();
    private static final byte[][] TYPE_NAMES = ascii("\"FLOWUNKNOWN\"", "\"SFLOW_5\"", "\"NETFLOW_V5\"", "\"NETFLOW_V9\"", "\"IPFIX\"");
    private static final byte[][] SAMPLE_TYPES = ascii("\"unknown\"", "\"flow\"", "\"counter\"", "\"expanded\"", "\"expanded_counter\"");
    /** 10^n for n = 0 to 18. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** The tens and the ones digit of 0 to 99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (FlowField f : FIELDS) {
            byte[] key = (",\"" + f.jsonKey() + "\":").getBytes(StandardCharsets.US_ASCII);
            byte[] padded = java.util.Arrays.copyOf(key, (key.length + 7) / 8 * 8);
            KEY_WORDS[f.ordinal()] = new long[padded.length / 8];
            for (int w = 0; w < padded.length / 8; w++) {
                KEY_WORDS[f.ordinal()][w] = (long) WORDS.get(padded, w * 8);
            }
            KEY_LENGTHS[f.ordinal()] = key.length;
            KINDS[f.ordinal()] = f.kind().ordinal();
        }
        POWERS_OF_TEN[0] = 1;
        for (int n = 1; n < POWERS_OF_TEN.length; n++) {
            POWERS_OF_TEN[n] = POWERS_OF_TEN[n - 1] * 10;
        }
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final int[] groups = new int[8];
    private final byte[] masked = new byte[16];
    /**
     * Per field, the last address (or prefix) written and its text: exporters, next hops and networks repeat
     * record after record, and copying their text is cheaper than formatting it again.
     */
    private final long[] lastHigh = new long[FIELDS.length];
    private final long[] lastLow = new long[FIELDS.length];
    /** Per field: the last address's length, 0 for none; the prefix length in the high bits for prefixes. */
    private final long[] lastShape = new long[FIELDS.length];
    private final byte[][] lastText = new byte[FIELDS.length][AddressFormat.MAX_TEXT];
    private final int[] lastTextLength = new int[FIELDS.length];

    private static byte[][] ascii(String... texts) {
        byte[][] b = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            b[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return b;
    }

    /** Writes {@code {"type":...,...} } without the closing brace, so a caller may add members. */
    public void open(MessageSlots m, ByteSink out) {
        out.ensure(MAX_OBJECT);
        byte[] b = out.buf;
        int p = out.pos;
        int open = p;
        byte[] addresses = m.addressBytes();
        for (long set = m.present(); set != 0; set &= set - 1) {
            int field = Long.numberOfTrailingZeros(set);
            long[] words = KEY_WORDS[field];
            for (int w = 0; w < words.length; w++) {
                WORDS.set(b, p + 8 * w, words[w]); // past the key: bytes the value then overwrites (MAX_OBJECT has room)
            }
            p += KEY_LENGTHS[field];
            long v = m.value(field);
            int kind = KINDS[field];
            if (kind == UINT64 || kind == UINT32) {
                p = unsigned(b, p, v);
            } else if (kind == ADDRESS) {
                b[p++] = '"';
                p = address(b, p, field, addresses, field * 16, (int) v, v);
                b[p++] = '"';
            } else if (kind == PREFIX) {
                p = prefix(b, p, m, FIELDS[field].prefixOf(), v);
            } else if (kind == MAC) {
                b[p++] = '"';
                p = AddressFormat.mac(b, p, v);
                b[p++] = '"';
            } else if (kind == TYPE) {
                p = put(b, p, TYPE_NAMES[v >= 0 && v < TYPE_NAMES.length ? (int) v : 0]);
            } else {
                p = put(b, p, SAMPLE_TYPES[v >= 0 && v < SAMPLE_TYPES.length ? (int) v : 0]);
            }
        }
        b[open] = '{'; // the first key's comma
        out.pos = Math.max(p, open + 1);
    }

    /** Closes the object and the line. */
    public void close(ByteSink out) {
        out.ensure(2);
        out.buf[out.pos++] = '}';
        out.buf[out.pos++] = '\n';
    }

    private static int put(byte[] b, int p, byte[] text) {
        System.arraycopy(text, 0, b, p, text.length);
        return p + text.length;
    }

    /** {@code v} as an unsigned decimal (at most 20 bytes) at {@code p}; the position after it. */
    static int unsigned(byte[] b, int p, long v) {
        if (v < 0) {
            long q = Long.divideUnsigned(v, 10);
            p = unsigned(b, p, q);
            b[p++] = (byte) ('0' + (v - q * 10));
            return p;
        }
        int end = p + digits(v);
        int at = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100_000_000L; // one long division for eight digits
            at = eightDigits(b, at, (int) (v - q * 100_000_000L));
            v = q;
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            int r = i - q * 100;
            b[--at] = ONES[r];
            b[--at] = TENS[r];
            i = q;
        }
        b[--at] = ONES[i];
        if (i >= 10) {
            b[--at] = TENS[i];
        }
        return end;
    }

    /** {@code v} (0 to 99,999,999) as eight digits ending before {@code end}; where they start. */
    private static int eightDigits(byte[] b, int end, int v) {
        int at = end;
        for (int k = 0; k < 4; k++) {
            int q = v / 100;
            int r = v - q * 100;
            b[--at] = ONES[r];
            b[--at] = TENS[r];
            v = q;
        }
        return at;
    }

    /** How many decimal digits a non-negative {@code v} has. */
    private static int digits(long v) {
        int n = 1;
        while (n < POWERS_OF_TEN.length && v >= POWERS_OF_TEN[n]) {
            n++;
        }
        return n;
    }

    private static int signed(byte[] b, int p, long v) {
        if (v < 0) {
            b[p++] = '-';
            return unsigned(b, p, v == Long.MIN_VALUE ? v : -v);
        }
        return unsigned(b, p, v);
    }

    /**
     * {@code len} bytes of {@code a} from {@code at} as text, from the cache of {@code field} when it wrote the
     * same address last ({@code shape}: the length, and anything else that must match).
     */
    private int address(byte[] b, int p, int field, byte[] a, int at, int len, long shape) {
        long high = len == 4 ? (int) INTS.get(a, at) : (long) LONGS.get(a, at);
        long low = len == 4 ? 0 : (long) LONGS.get(a, at + 8);
        byte[] text = lastText[field];
        if (shape == lastShape[field] && high == lastHigh[field] && low == lastLow[field]) {
            int n = lastTextLength[field];
            System.arraycopy(text, 0, b, p, n);
            return p + n;
        }
        int end = AddressFormat.address(b, p, a, at, len, groups);
        System.arraycopy(b, p, text, 0, end - p);
        lastTextLength[field] = end - p;
        lastHigh[field] = high;
        lastLow[field] = low;
        lastShape[field] = shape;
        return end;
    }

    /** "network/length": the address field {@code of} with the bits past {@code bits} cleared. */
    private int prefix(byte[] b, int p, MessageSlots m, FlowField of, long bits) {
        int len = (int) m.get(of);
        int at = of.ordinal() * 16;
        byte[] addresses = m.addressBytes();
        for (int k = 0; k < len; k++) {
            int keep = (int) Math.max(0, Math.min(8, bits - 8L * k));
            masked[k] = (byte) (addresses[at + k] & (0xFF << (8 - keep)));
        }
        b[p++] = '"';
        p = address(b, p, of.ordinal() == FlowField.SRC_ADDR.ordinal() ? SRC_NET : DST_NET, masked, 0, len, len);
        b[p++] = '/';
        p = signed(b, p, bits);
        b[p++] = '"';
        return p;
    }
}
