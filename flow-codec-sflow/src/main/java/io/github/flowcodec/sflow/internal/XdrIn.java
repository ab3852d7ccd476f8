package io.github.flowcodec.sflow.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked XDR reader over one record or sample (absolute reads between {@code pos} and
 * {@code end}); every failure is a {@link ContentException}. Counts are checked against the bytes left
 * before anything is allocated, so no allocation is sized by a declared count alone.
 *
 * <pre>{@code
 * XdrIn in = new XdrIn(buffer, offset, offset + length);
 * long charset = in.u32();
 * String user = in.string("the source user");
 * in.done("flow record 0:1004");
 * }</pre>
 */
public final class XdrIn {

    private final ByteBuffer buf;
    private int pos;
    private final int end;
    private CharsetDecoder utf8;

    public XdrIn(ByteBuffer buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    /** The buffer read from (absolute positions). */
    public ByteBuffer buffer() {
        return buf;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n, String what) {
        if (n < 0 || end - pos < n) {
            throw new ContentException(pos, what + " needs " + Integer.toUnsignedString(n) + " bytes, " + (end - pos) + " left");
        }
    }

    public long u32() {
        need(4, "a 32-bit value");
        long v = buf.getInt(pos) & 0xFFFF_FFFFL;
        pos += 4;
        return v;
    }

    public long u64() {
        need(8, "a 64-bit value");
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    public float f32() {
        need(4, "a float");
        float v = Float.intBitsToFloat(buf.getInt(pos));
        pos += 4;
        return v;
    }

    /** A count of elements of at least {@code minSize} bytes each, checked against the bytes left. */
    public int count(int minSize, String what) {
        int at = pos;
        long n = u32();
        if (n * minSize > end - pos) {
            throw new ContentException(at, what + " count " + n + " needs at least " + (n * minSize) + " bytes, "
                    + (end - pos) + " left");
        }
        return (int) n;
    }

    /**
     * {@code n} bytes followed by XDR padding. The padding's content is not checked: some agents send
     * garbage there (the corpus has one), and the encoder writes zeros.
     */
    public byte[] opaque(int n, String what) {
        int padded = (n + 3) & ~3;
        if (n < 0 || padded < 0) {
            throw new ContentException(pos, what + " of " + Integer.toUnsignedString(n) + " bytes is too long");
        }
        need(padded, what);
        byte[] b = new byte[n];
        buf.get(pos, b, 0, n);
        pos += padded;
        return b;
    }

    /** A variable-length opaque: length then bytes then padding. */
    public byte[] varOpaque(String what) {
        int at = pos;
        long n = u32();
        if (n > end - pos) {
            throw new ContentException(at, what + " of " + n + " bytes runs past its record (" + (end - pos) + " bytes left)");
        }
        return opaque((int) n, what);
    }

    /** Skips a variable-length opaque, returning its length (bytes start at {@code position() - padded}). */
    public String string(String what) {
        int at = pos;
        byte[] b = varOpaque(what);
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer c = utf8.reset().decode(ByteBuffer.wrap(b));
            return c.toString();
        } catch (CharacterCodingException e) {
            throw new ContentException(at, what + " is not valid UTF-8");
        }
    }

    public Inet4Address ipv4() {
        need(4, "an IPv4 address");
        byte[] b = new byte[4];
        buf.get(pos, b, 0, 4);
        pos += 4;
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: 4-byte address", e);
        }
    }

    public Inet6Address ipv6() {
        need(16, "an IPv6 address");
        byte[] b = new byte[16];
        buf.get(pos, b, 0, 16);
        pos += 16;
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: 16-byte address", e);
        }
    }

    /** An sFlow address: type 1 IPv4, 2 IPv6, 0 unknown (null). */
    public InetAddress address(String what) {
        int at = pos;
        long type = u32();
        if (type == 1) {
            return ipv4();
        }
        if (type == 2) {
            return ipv6();
        }
        if (type == 0) {
            return null;
        }
        throw new ContentException(at, what + " has address type " + type + " (0, 1 or 2 expected)");
    }

    /** A MAC address: 6 bytes and 2 bytes of padding (not checked). */
    public long mac() {
        need(8, "a MAC address");
        long m = ((buf.getShort(pos) & 0xFFFFL) << 32) | (buf.getInt(pos + 2) & 0xFFFF_FFFFL);
        pos += 8;
        return m;
    }

    /** Skips {@code n} bytes, which must be within the bounds. */
    public void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    /** Fails unless every byte was read. */
    public void done(String what) {
        if (pos != end) {
            throw new ContentException(pos, (end - pos) + " bytes left over after " + what);
        }
    }
}
