package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.ByteSink;
import io.github.flowcodec.flowmessage.internal.ProtobufEncoder;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes flow messages as length-delimited protobuf: each goflow2 {@code FlowMessage} (the {@code flow.proto}
 * in this jar, package {@code flowpb}) preceded by its length as a varint, as goflow2's {@code -format=bin}
 * does and as protobuf-java's {@code parseDelimitedFrom} and ClickHouse's {@code Protobuf} input read. The
 * set fields are written, but those of value 0 (proto3 does not tell 0 from unset); {@code src_net} and
 * {@code dst_net} are prefix lengths. Buffered as {@link FlowMessageJsonWriter} is; writing allocates
 * nothing; one instance per thread.
 *
 * <pre>{@code
 * try (FlowMessageProtobufWriter pb = new FlowMessageProtobufWriter(kafkaBatch)) {
 *     decoder.decode(datagram, exporter, (ctx, record) -> pb.write(view.fill(ctx, record, now)));
 * }
 * }</pre>
 */
public final class FlowMessageProtobufWriter implements Closeable, Flushable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final ByteSink buffer = new ByteSink(BUFFER + 2048);
    private final ProtobufEncoder encoder = new ProtobufEncoder();

    /**
     * Writes to {@code out}, buffered.
     *
     * @param out the stream of length-delimited messages (not closed by the writer until {@link #close()})
     */
    public FlowMessageProtobufWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes one message, its length first.
     *
     * @param message the message, written as its varint length and its protobuf bytes (goflow2's flow.proto)
     * @throws IOException if writing to the stream fails
     */
    public void write(FlowMessageFields message) throws IOException {
        encoder.write(message.slots(), buffer);
        if (buffer.size() >= BUFFER) {
            buffer.drainTo(out);
        }
    }

    /** Writes the buffered messages to the stream and flushes it. */
    @Override
    public void flush() throws IOException {
        buffer.drainTo(out);
        out.flush();
    }

    /** Flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
