package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.nio.charset.StandardCharsets;

/**
 * Writes a flow message as one JSON object with goflow2's keys, the keys in {@link FlowField} order, without
 * allocating: numbers, addresses ({@link AddressFormat}), MACs and prefixes are formatted straight into the
 * sink. One instance per thread.
 */
public final class JsonLineEncoder {

    private static final FlowField[] FIELDS = FlowField.values();
    /** Per field: {@code ,"key":}. */
    private static final byte[][] KEYS = new byte[FIELDS.length][];
    private static final byte[][] TYPE_NAMES = ascii("\"FLOWUNKNOWN\"", "\"SFLOW_5\"", "\"NETFLOW_V5\"", "\"NETFLOW_V9\"", "\"IPFIX\"");
    private static final byte[][] SAMPLE_TYPES = ascii("\"unknown\"", "\"flow\"", "\"counter\"", "\"expanded\"", "\"expanded_counter\"");

    static {
        for (FlowField f : FIELDS) {
            KEYS[f.ordinal()] = (",\"" + f.jsonKey() + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final int[] groups = new int[8];
    private final byte[] masked = new byte[16];

    private static byte[][] ascii(String... texts) {
        byte[][] b = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            b[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return b;
    }

    /** Writes {@code {"type":...,...} } without the closing brace, so a caller may add members. */
    public void open(MessageSlots m, ByteSink out) {
        out.ensure(1);
        out.buf[out.pos++] = '{';
        boolean first = true;
        for (FlowField f : FIELDS) {
            if (!m.has(f)) {
                continue;
            }
            byte[] key = KEYS[f.ordinal()];
            int skip = first ? 1 : 0;
            first = false;
            out.ensure(key.length + 96);
            System.arraycopy(key, skip, out.buf, out.pos, key.length - skip);
            out.pos += key.length - skip;
            long v = m.get(f);
            switch (f.kind()) {
                case TYPE:
                    put(out, TYPE_NAMES[v >= 0 && v < TYPE_NAMES.length ? (int) v : 0]);
                    break;
                case UINT64:
                case UINT32:
                    unsigned(out, v);
                    break;
                case ADDRESS:
                    out.buf[out.pos++] = '"';
                    AddressFormat.address(out, m.addressBytes(), f.ordinal() * 16, (int) v, groups);
                    out.buf[out.pos++] = '"';
                    break;
                case MAC:
                    out.buf[out.pos++] = '"';
                    AddressFormat.mac(out, v);
                    out.buf[out.pos++] = '"';
                    break;
                case PREFIX:
                    prefix(out, m, f.prefixOf(), v);
                    break;
                default:
                    put(out, SAMPLE_TYPES[v >= 0 && v < SAMPLE_TYPES.length ? (int) v : 0]);
                    break;
            }
        }
    }

    /** Closes the object and the line. */
    public void close(ByteSink out) {
        out.ensure(2);
        out.buf[out.pos++] = '}';
        out.buf[out.pos++] = '\n';
    }

    private static void put(ByteSink out, byte[] b) {
        out.ensure(b.length);
        System.arraycopy(b, 0, out.buf, out.pos, b.length);
        out.pos += b.length;
    }

    /** {@code v} as an unsigned decimal. */
    static void unsigned(ByteSink out, long v) {
        if (v < 0) {
            long q = Long.divideUnsigned(v, 10);
            unsigned(out, q);
            out.buf[out.pos++] = (byte) ('0' + (v - q * 10));
            return;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = out.pos + digits;
        for (int i = end - 1; i >= out.pos; i--) {
            out.buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        out.pos = end;
    }

    private static void signed(ByteSink out, long v) {
        if (v < 0) {
            out.buf[out.pos++] = '-';
            if (v == Long.MIN_VALUE) {
                unsigned(out, v);
                return;
            }
            v = -v;
        }
        unsigned(out, v);
    }

    /** "network/length": the address field {@code of} with the bits past {@code bits} cleared. */
    private void prefix(ByteSink out, MessageSlots m, FlowField of, long bits) {
        int len = (int) m.get(of);
        int at = of.ordinal() * 16;
        for (int k = 0; k < len; k++) {
            int keep = (int) Math.max(0, Math.min(8, bits - 8L * k));
            masked[k] = (byte) (m.addressBytes()[at + k] & (0xFF << (8 - keep)));
        }
        out.buf[out.pos++] = '"';
        AddressFormat.address(out, masked, 0, len, groups);
        out.buf[out.pos++] = '/';
        signed(out, bits);
        out.buf[out.pos++] = '"';
    }

}
