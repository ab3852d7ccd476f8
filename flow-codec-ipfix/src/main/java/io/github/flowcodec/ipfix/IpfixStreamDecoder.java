package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes an IPFIX byte stream (TCP, SCTP, or a file: RFC 7011 section 10, RFC 5655): frames the messages
 * by their length field and hands each whole message to an {@link IpfixDecoder}, whatever way the bytes
 * were cut into reads: a message split across reads is kept (in one buffer of at most 65535 bytes, allocated
 * once) until its last byte comes. Messages that arrive whole in one read are decoded in place.
 *
 * <p>A message whose version is not 10 or whose length is below 16 puts the stream out of step (there is no
 * way to find the next message): a {@link FlowCodecException} with the stream offset, and every later call
 * throws too. An error inside a message (strict mode) is thrown after the message was consumed, so the
 * stream stays in step. Not thread-safe: one per connection. Templates do not time out on a stream (RFC 7011
 * section 8.4 applies the template lifetime to UDP only): give the decoder a store built with
 * {@code TemplateStore.builder().lifetime(Duration.ZERO)}, and a scope policy with the port
 * ({@code TemplateScopePolicy.ADDRESS_PORT_AND_DOMAIN}) when one exporter opens several sessions.
 *
 * <pre>{@code
 * IpfixStreamDecoder stream = new IpfixStreamDecoder(new IpfixDecoder(options), peer);
 * while (channel.read(buffer) > 0) {
 *     buffer.flip();
 *     stream.feed(buffer, handler);   // consumes the buffer
 *     buffer.clear();
 * }
 * }</pre>
 */
public final class IpfixStreamDecoder {

    private final IpfixDecoder decoder;
    private final InetSocketAddress exporter;
    private final byte[] partial = new byte[Ipfix.MAX_MESSAGE_LENGTH];
    private final ByteBuffer partialBuffer = ByteBuffer.wrap(partial);
    private int partialLength;
    private long offset;
    private FlowCodecException failure;
    private long messages;
    private FlowRecordHandler<? super IpfixContext> currentHandler;
    private int currentCount;
    private final MessageSink handlerSink = buffer -> currentCount += decoder().decode(buffer, exporter(), currentHandler);

    /**
     * @param decoder the decoder every message goes to (its template store keeps the session's templates)
     * @param exporter the other end of the connection: the exporter of every message
     */
    public IpfixStreamDecoder(IpfixDecoder decoder, InetSocketAddress exporter) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.exporter = exporter;
    }

    /**
     * The decoder the messages go to.
     *
     * @return the decoder
     */
    public IpfixDecoder decoder() {
        return decoder;
    }

    private InetSocketAddress exporter() {
        return exporter;
    }

    /**
     * Bytes of an unfinished message held for the next read.
     *
     * @return the number of bytes held, less than one message
     */
    public int buffered() {
        return partialLength;
    }

    /**
     * Bytes consumed since the stream began.
     *
     * @return the number of bytes fed so far
     */
    public long offset() {
        return offset;
    }

    /**
     * Whole messages decoded.
     *
     * @return the number of messages decoded so far
     */
    public long messages() {
        return messages;
    }

    /**
     * Consumes every byte of {@code chunk} (its position moves to its limit) and hands the records of each
     * message it completes to {@code handler}, on the zero-copy path.
     *
     * @return how many data records were handed over
     * @param chunk the next bytes read from the TCP connection or SCTP stream, of any size
     * @param handler receives each record
     * @throws FlowCodecException for a message the decoder rejects, or a stream out of step
     */
    public int feed(ByteBuffer chunk, FlowRecordHandler<? super IpfixContext> handler) {
        Objects.requireNonNull(handler, "handler");
        currentHandler = handler;
        currentCount = 0;
        try {
            feed(chunk, handlerSink);
        } finally {
            currentHandler = null;
        }
        return currentCount;
    }

    /**
     * Consumes {@code chunk} like {@link #feed(ByteBuffer, FlowRecordHandler)}, materializing each message it
     * completes.
     *
     * @param chunk the next bytes read from the stream, of any size
     * @return the messages completed by this chunk, in stream order (empty if none)
     */
    public List<IpfixMessage> feed(ByteBuffer chunk) {
        List<IpfixMessage> out = new ArrayList<>(2);
        feed(chunk, (buffer) -> out.add(decoder.decode(buffer, exporter)));
        return out;
    }

    private interface MessageSink {
        void message(ByteBuffer message);
    }

    private void feed(ByteBuffer chunk, MessageSink sink) {
        if (failure != null) {
            throw new FlowCodecException(FlowProtocol.IPFIX, failure.offset(), "the stream is out of step since byte "
                    + failure.offset() + ": " + failure.reason());
        }
        while (chunk.hasRemaining()) {
            if (partialLength == 0 && chunk.remaining() >= 4) {
                int p = chunk.position();
                int length = check(chunk.get(p), chunk.get(p + 1), chunk.get(p + 2), chunk.get(p + 3));
                if (chunk.remaining() >= length) {
                    int limit = chunk.limit();
                    chunk.limit(p + length);
                    offset += length;
                    messages++;
                    try {
                        sink.message(chunk);
                    } finally {
                        chunk.limit(limit);
                        chunk.position(p + length);
                    }
                    continue;
                }
            }
            int need = partialLength < 4 ? 4 - partialLength : messageLength() - partialLength;
            int n = Math.min(need, chunk.remaining());
            chunk.get(partial, partialLength, n);
            partialLength += n;
            offset += n;
            if (partialLength == 4) {
                check(partial[0], partial[1], partial[2], partial[3]);
            }
            if (partialLength >= 4 && partialLength == messageLength()) {
                partialBuffer.limit(partialLength).position(0);
                partialLength = 0;
                messages++;
                sink.message(partialBuffer);
            }
        }
    }

    private int messageLength() {
        return ((partial[2] & 0xFF) << 8) | (partial[3] & 0xFF);
    }

    /** The message length, after checking version and length. */
    private int check(byte v0, byte v1, byte l0, byte l1) {
        int version = ((v0 & 0xFF) << 8) | (v1 & 0xFF);
        int length = ((l0 & 0xFF) << 8) | (l1 & 0xFF);
        long at = offset - partialLength;
        if (version != Ipfix.VERSION) {
            failure = new UnsupportedVersionException(FlowProtocol.IPFIX, at, "version " + version
                    + " where an IPFIX message should start: the stream is out of step");
            throw failure;
        }
        if (length < Ipfix.HEADER_LENGTH) {
            failure = new MalformedPacketException(FlowProtocol.IPFIX, at + 2, "message length " + length
                    + " is below 16: the stream cannot be framed");
            throw failure;
        }
        return length;
    }
}
