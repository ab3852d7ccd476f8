package io.github.flowcodec.ipfix;

import io.github.flowcodec.ipfix.internal.IpfixLayout;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes an IPFIX file (RFC 5655): messages back to back, each checked to be one whole IPFIX message
 * (version 10, a length field equal to its bytes). Encode with an {@link IpfixEncoder} built with
 * {@code templateRefreshDatagrams(0)} and {@code templateRefreshInterval(Duration.ZERO)}: a file, like a
 * stream, needs each template once.
 *
 * <pre>{@code
 * try (IpfixFileWriter writer = IpfixFileWriter.create(Path.of("flows.ipfix"))) {
 *     for (ByteBuffer m : encoder.encode(records)) {
 *         writer.write(m);
 *     }
 * }
 * }</pre>
 */
public final class IpfixFileWriter implements Closeable, Flushable {

    private final OutputStream out;
    private long offset;

    /**
     * A writer to the stream (buffered here; closed with the writer).
     *
     * @param out where the messages go, one after the other (RFC 5655)
     */
    public IpfixFileWriter(OutputStream out) {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
    }

    /**
     * Creates (or replaces) a file.
     *
     * @param file the file
     * @return a writer at the file's start
     * @throws IOException if the file cannot be created
     */
    public static IpfixFileWriter create(Path file) throws IOException {
        return new IpfixFileWriter(Files.newOutputStream(file));
    }

    /**
     * Bytes written so far.
     *
     * @return the number of bytes written
     */
    public long offset() {
        return offset;
    }

    /**
     * Writes the message between the buffer's position and limit (the position is left as it was).
     *
     * @param message one IPFIX message, from its position to its limit
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if the bytes are not one IPFIX message
     */
    public void write(ByteBuffer message) throws IOException {
        int p = message.position();
        int n = message.remaining();
        if (n < IpfixLayout.HEADER_LENGTH) {
            throw new IllegalArgumentException("an IPFIX message has at least 16 bytes, not " + n);
        }
        int version = unsigned16(message, p + IpfixLayout.VERSION);
        int length = unsigned16(message, p + IpfixLayout.LENGTH);
        if (version != Ipfix.VERSION || length != n) {
            throw new IllegalArgumentException("not one IPFIX message: version " + version + ", length field " + length
                    + ", " + n + " bytes");
        }
        if (message.hasArray()) {
            out.write(message.array(), message.arrayOffset() + p, n);
        } else {
            byte[] copy = new byte[n];
            message.get(p, copy, 0, n);
            out.write(copy);
        }
        offset += n;
    }

    /** The big-endian 16-bit field at {@code at}, whatever the buffer's byte order. */
    private static int unsigned16(ByteBuffer b, int at) {
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
