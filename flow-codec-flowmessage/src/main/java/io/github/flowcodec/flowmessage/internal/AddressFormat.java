package io.github.flowcodec.flowmessage.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses as text the way tshark and goflow2 write them, straight into an array: IPv4 dotted, IPv6 in
 * RFC 5952's canonical form (lower case, leading zeros dropped, the longest run of two or more zero groups as
 * "::", the first such run on a tie; IPv4-mapped addresses as ::ffff:a.b.c.d), MACs as aa:bb:cc:dd:ee:ff.
 * Each method writes at a position of an array with room enough and returns the position after the text; an
 * address may write one byte of scratch past its text (room for it: {@link #MAX_TEXT} holds).
 */
public final class AddressFormat {

    /** The longest address text: an IPv6 address of 8 groups of 4 digits with 7 colons, or IPv4-mapped (45). */
    public static final int MAX_TEXT = 45;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAPPED = "::ffff:".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * 0 to 255 in decimal followed by a dot, in the low 32 bits as the four bytes one little-endian int store
     * writes, and the number of digits above them: an IPv4 octet is one load and one store.
     */
    private static final long[] OCTETS = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            byte[] text = (i + ".").getBytes(StandardCharsets.US_ASCII);
            long packed = 0;
            for (int k = 0; k < text.length; k++) {
                packed |= (long) (text[k] & 0xFF) << (8 * k);
            }
            OCTETS[i] = packed | (long) (text.length - 1) << 32;
        }
    }

    private AddressFormat() {
    }

    /** {@code len} (4 or 16) bytes of {@code a} from {@code at} as text; {@code groups}: 8 ints of scratch. */
    public static int address(byte[] b, int p, byte[] a, int at, int len, int[] groups) {
        if (len == 4) {
            return ipv4(b, p, a, at);
        }
        int[] g = groups;
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[at + 2 * i] & 0xFF) << 8) | (a[at + 2 * i + 1] & 0xFF);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
            System.arraycopy(MAPPED, 0, b, p, MAPPED.length);
            return ipv4(b, p + MAPPED.length, a, at + 12);
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
        int start = p;
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b[p++] = ':';
                b[p++] = ':';
                i += bestLen - 1;
                continue;
            }
            if (p > start && b[p - 1] != ':') {
                b[p++] = ':';
            }
            p = hex(b, p, g[i]);
        }
        return p;
    }

    private static int hex(byte[] b, int p, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (v >> shift) & 0xF;
            if (d != 0 || started || shift == 0) {
                b[p++] = HEX[d];
                started = true;
            }
        }
        return p;
    }

    /** The dotted quad; the last octet's store writes a dot past the text (scratch). */
    private static int ipv4(byte[] b, int p, byte[] a, int at) {
        for (int k = 0; k < 3; k++) {
            long octet = OCTETS[a[at + k] & 0xFF];
            INTS.set(b, p, (int) octet);
            p += (int) (octet >>> 32) + 1;
        }
        long last = OCTETS[a[at + 3] & 0xFF];
        INTS.set(b, p, (int) last);
        return p + (int) (last >>> 32);
    }

    /** A MAC address in the low 48 bits as "aa:bb:cc:dd:ee:ff" (17 bytes). */
    public static int mac(byte[] b, int p, long mac) {
        for (int k = 5; k >= 0; k--) {
            int octet = (int) (mac >>> (8 * k)) & 0xFF;
            b[p++] = HEX[octet >> 4];
            b[p++] = HEX[octet & 0xF];
            if (k > 0) {
                b[p++] = ':';
            }
        }
        return p;
    }
}
