package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an IPFIX file (RFC 5655: IPFIX messages back to back, nothing else) message by message.
 *
 * <p>{@link #next()} gives each message in one reused buffer (valid until the next call); a file that ends
 * inside a message, or a message whose version is not 10 or whose length is below 16, gives a
 * {@link io.github.flowcodec.core.FlowCodecException} with the file offset.
 *
 * <pre>{@code
 * try (IpfixFileReader reader = IpfixFileReader.open(Path.of("flows.ipfix"))) {
 *     IpfixDecoder decoder = new IpfixDecoder();
 *     reader.decode(decoder, (ctx, record) -> sink.accept(record.toRecord()));
 * }
 * }</pre>
 */
public final class IpfixFileReader implements Closeable {

    /** The exporter given to the decoder for a file's messages (a file has no transport). */
    public static final InetSocketAddress FILE_EXPORTER = new InetSocketAddress(0);

    private final InputStream in;
    private final byte[] message = new byte[Ipfix.MAX_MESSAGE_LENGTH];
    private final ByteBuffer buffer = ByteBuffer.wrap(message);
    private long offset;

    /**
     * A reader of the stream (buffered here; closed with the reader).
     *
     * @param in the file's bytes, RFC 5655: IPFIX messages one after the other
     */
    public IpfixFileReader(InputStream in) {
        this.in = new BufferedInputStream(Objects.requireNonNull(in, "in"), 1 << 16);
    }

    /**
     * Opens a file.
     *
     * @param file the file
     * @return a reader at the file's first message
     * @throws IOException if the file cannot be opened
     */
    public static IpfixFileReader open(Path file) throws IOException {
        return new IpfixFileReader(Files.newInputStream(file));
    }

    /**
     * The file offset of the next message.
     *
     * @return the byte offset in the file where the next message starts
     */
    public long offset() {
        return offset;
    }

    /**
     * The next message (a reused buffer, valid until the next call), or empty at the end of the file.
     *
     * @return the message's bytes, or empty at the end of the file
     * @throws IOException if reading fails
     * @throws io.github.flowcodec.core.FlowCodecException if the file ends inside a message or a message is not
     *     IPFIX
     */
    public Optional<ByteBuffer> next() throws IOException {
        int n = in.readNBytes(message, 0, 4);
        if (n == 0) {
            return Optional.empty();
        }
        if (n < 4) {
            throw new TruncatedPacketException(FlowProtocol.IPFIX, offset, "the file ends " + n + " bytes into a message header");
        }
        int version = ((message[0] & 0xFF) << 8) | (message[1] & 0xFF);
        int length = ((message[2] & 0xFF) << 8) | (message[3] & 0xFF);
        if (version != Ipfix.VERSION) {
            throw new UnsupportedVersionException(FlowProtocol.IPFIX, offset, "version " + version + " where a message should start");
        }
        if (length < Ipfix.HEADER_LENGTH) {
            throw new MalformedPacketException(FlowProtocol.IPFIX, offset + 2, "message length " + length + " is below 16");
        }
        int rest = in.readNBytes(message, 4, length - 4);
        if (rest < length - 4) {
            throw new TruncatedPacketException(FlowProtocol.IPFIX, offset, "the file ends inside a message of " + length
                    + " bytes (" + (4 + rest) + " present)");
        }
        offset += length;
        buffer.limit(length).position(0);
        return Optional.of(buffer);
    }

    /**
     * Decodes every remaining message on the zero-copy path; how many data records were handed over.
     *
     * @param decoder the decoder; its template store learns the file's templates
     * @param handler receives each record, with the message's {@link IpfixContext}
     * @return how many data records were handed over
     * @throws IOException if reading fails
     */
    public long decode(IpfixDecoder decoder, FlowRecordHandler<? super IpfixContext> handler) throws IOException {
        long n = 0;
        for (Optional<ByteBuffer> m = next(); m.isPresent(); m = next()) {
            n += decoder.decode(m.get(), FILE_EXPORTER, handler);
        }
        return n;
    }

    /**
     * Decodes every remaining message, materialized.
     *
     * @param decoder the decoder; its template store learns the file's templates
     * @return the messages, in file order
     * @throws IOException if reading fails
     */
    public List<IpfixMessage> decodeAll(IpfixDecoder decoder) throws IOException {
        List<IpfixMessage> out = new ArrayList<>();
        for (Optional<ByteBuffer> m = next(); m.isPresent(); m = next()) {
            out.add(decoder.decode(m.get(), FILE_EXPORTER));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
