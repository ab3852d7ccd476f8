package io.github.flowcodec.flowmessage.internal;

import java.nio.charset.StandardCharsets;

/**
 * Addresses as text the way tshark and goflow2 write them, straight into a sink: IPv4 dotted, IPv6 in
 * RFC 5952's canonical form (lower case, leading zeros dropped, the longest run of two or more zero groups as
 * "::", the first such run on a tie; IPv4-mapped addresses as ::ffff:a.b.c.d), MACs as aa:bb:cc:dd:ee:ff.
 */
public final class AddressFormat {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAPPED = "::ffff:".getBytes(StandardCharsets.US_ASCII);

    private AddressFormat() {
    }

    /** {@code len} (4 or 16) bytes of {@code b} from {@code at} as text; {@code groups}: 8 ints of scratch. */
    public static void address(ByteSink out, byte[] b, int at, int len, int[] groups) {
        out.ensure(45);
        if (len == 4) {
            ipv4(out, b, at);
            return;
        }
        int[] g = groups;
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[at + 2 * i] & 0xFF) << 8) | (b[at + 2 * i + 1] & 0xFF);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
            System.arraycopy(MAPPED, 0, out.buf, out.pos, MAPPED.length);
            out.pos += MAPPED.length;
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
            JsonLineEncoder.unsigned(out, b[at + k] & 0xFF);
        }
    }

    /** A MAC address in the low 48 bits as "aa:bb:cc:dd:ee:ff". */
    public static void mac(ByteSink out, long mac) {
        out.ensure(17);
        for (int k = 5; k >= 0; k--) {
            int b = (int) (mac >>> (8 * k)) & 0xFF;
            out.buf[out.pos++] = HEX[b >> 4];
            out.buf[out.pos++] = HEX[b & 0xF];
            if (k > 0) {
                out.buf[out.pos++] = ':';
            }
        }
    }
}
