package io.github.flowcodec.sflow;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes kept as they were sent: the data of a record or sample the decoder does not know ({@link OpaqueData}).
 * Immutable (it keeps its own copy and hands out copies), compared by content, shown as hex.
 *
 * <pre>{@code
 * OpaqueBytes b = OpaqueBytes.copyOf(new byte[] {0, 42});
 * b.length();     // 2
 * b.toString();   // "002a"
 * }</pre>
 */
public final class OpaqueBytes {

    private final byte[] bytes;

    private OpaqueBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The bytes given, copied.
     *
     * @param bytes the bytes, as sent (without XDR padding)
     * @return a value holding its own copy of {@code bytes}
     */
    public static OpaqueBytes copyOf(byte[] bytes) {
        return new OpaqueBytes(bytes.clone());
    }

    /**
     * A copy of the bytes.
     *
     * @return a new array of the bytes
     */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /**
     * The number of bytes.
     *
     * @return the length in bytes
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Writes the bytes at the buffer's position (advancing it), without copying them first.
     *
     * @param dst the buffer written into, from its position
     */
    public void writeTo(ByteBuffer dst) {
        dst.put(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaqueBytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The bytes in hex, two lower-case digits a byte ({@code "002a"}). */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
