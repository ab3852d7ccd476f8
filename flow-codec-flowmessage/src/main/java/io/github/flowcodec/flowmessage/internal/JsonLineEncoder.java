package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.nio.charset.StandardCharsets;

/**
 * Writes a flow message as one JSON object with goflow2's keys, the keys in {@link FlowField} order, without
 * allocating: numbers, addresses (IPv4 dotted, IPv6 in RFC 5952's canonical form, IPv4-mapped as
 * ::ffff:a.b.c.d), MACs and prefixes are formatted straight into the sink. One instance per thread.
 */
public final class JsonLineEncoder {

    private static final FlowField[] FIELDS = FlowField.values();
    /** Per field: {@code ,"key":}. */
    private static final byte[][] KEYS = new byte[FIELDS.length][];
    private static final byte[][] TYPE_NAMES = ascii("\"FLOWUNKNOWN\"", "\"SFLOW_5\"", "\"NETFLOW_V5\"", "\"NETFLOW_V9\"", "\"IPFIX\"");
    private static final byte[][] SAMPLE_TYPES = ascii("\"unknown\"", "\"flow\"", "\"counter\"", "\"expanded\"", "\"expanded_counter\"");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

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
                    address(out, m.addressBytes(), f.ordinal() * 16, (int) v);
                    out.buf[out.pos++] = '"';
                    break;
                case MAC:
                    mac(out, v);
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

    private static void mac(ByteSink out, long mac) {
        out.buf[out.pos++] = '"';
        for (int k = 5; k >= 0; k--) {
            int b = (int) (mac >>> (8 * k)) & 0xFF;
            out.buf[out.pos++] = HEX[b >> 4];
            out.buf[out.pos++] = HEX[b & 0xF];
            if (k > 0) {
                out.buf[out.pos++] = ':';
            }
        }
        out.buf[out.pos++] = '"';
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
        address(out, masked, 0, len);
        out.buf[out.pos++] = '/';
        signed(out, bits);
        out.buf[out.pos++] = '"';
    }

    /** An address as text (at most 45 bytes). */
    private void address(ByteSink out, byte[] b, int at, int len) {
        if (len == 4) {
            ipv4(out, b, at);
            return;
        }
        int[] g = groups;
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[at + 2 * i] & 0xFF) << 8) | (b[at + 2 * i + 1] & 0xFF);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
            put(out, MAPPED);
            ipv4(out, b, at + 12);
            return;
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        int start = out.pos;
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.buf[out.pos++] = ':';
                out.buf[out.pos++] = ':';
                i += bestLen - 1;
                continue;
            }
            if (out.pos > start && out.buf[out.pos - 1] != ':') {
                out.buf[out.pos++] = ':';
            }
            hex(out, g[i]);
        }
    }

    private static final byte[] MAPPED = "::ffff:".getBytes(StandardCharsets.US_ASCII);

    private static void hex(ByteSink out, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (v >> shift) & 0xF;
            if (d != 0 || started || shift == 0) {
                out.buf[out.pos++] = HEX[d];
                started = true;
            }
        }
    }

    private static void ipv4(ByteSink out, byte[] b, int at) {
        for (int k = 0; k < 4; k++) {
            if (k > 0) {
                out.buf[out.pos++] = '.';
            }
            unsigned(out, b[at + k] & 0xFF);
        }
    }
}
