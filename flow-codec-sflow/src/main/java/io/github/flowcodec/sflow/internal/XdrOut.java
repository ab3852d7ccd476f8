package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** XDR writing helpers; the caller has checked the room. *
 * <pre>{@code
 * XdrOut.string(out, "eno1");            // length, bytes, zero padding
 * XdrOut.address(out, nextHop);          // type and address
 * }</pre>
 */
public final class XdrOut {

    private XdrOut() {
    }

    public static void u32(ByteBuffer out, long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, out.position(), what + " " + v + " is not an unsigned 32-bit value");
        }
        out.putInt((int) v);
    }

    public static void opaque(ByteBuffer out, byte[] b) {
        out.put(b);
        for (int i = b.length; (i & 3) != 0; i++) {
            out.put((byte) 0);
        }
    }

    public static void varOpaque(ByteBuffer out, byte[] b) {
        out.putInt(b.length);
        opaque(out, b);
    }

    public static int varOpaqueLength(int n) {
        return 4 + ((n + 3) & ~3);
    }

    public static void string(ByteBuffer out, String s) {
        varOpaque(out, s.getBytes(StandardCharsets.UTF_8));
    }

    public static int stringLength(String s) {
        return varOpaqueLength(utf8Length(s));
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // encoded as '?'
            } else {
                n += 3;
            }
        }
        return n;
    }

    public static void address(ByteBuffer out, InetAddress a) {
        if (a == null) {
            out.putInt(0);
            return;
        }
        byte[] b = a.getAddress();
        out.putInt(b.length == 4 ? 1 : 2);
        out.put(b);
    }

    public static int addressLength(InetAddress a) {
        return a == null ? 4 : 4 + a.getAddress().length;
    }

    public static void mac(ByteBuffer out, long mac) {
        out.putShort((short) (mac >>> 32));
        out.putInt((int) mac);
        out.putShort((short) 0);
    }
}
