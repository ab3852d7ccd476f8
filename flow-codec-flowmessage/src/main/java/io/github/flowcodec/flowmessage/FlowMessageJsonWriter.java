package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.ByteSink;
import io.github.flowcodec.flowmessage.internal.JsonObjectEncoder;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes flow messages as JSON lines with goflow2's keys, one object per line, in a {@link JsonLayout}:
 * {@link JsonLayout#GOFLOW2}, goflow2's own record (every key, {@code etype} and {@code proto} as names), or
 * {@link JsonLayout#COMPACT}, the set fields only, in {@link FlowField} order, numbers as unsigned decimals.
 * Either way addresses are text (RFC 5952 for IPv6), MACs {@code "aa:bb:cc:dd:ee:ff"},
 * {@code src_net}/{@code dst_net} {@code "network/length"}. Lines are
 * gathered in a buffer and written to the stream when it fills, on {@link #flush()} and on
 * {@link #close()} (which leaves the stream open). Writing allocates nothing; one instance per thread.
 *
 * <pre>{@code
 * try (FlowMessageJsonWriter json = new FlowMessageJsonWriter(out, JsonLayout.GOFLOW2)) {
 *     decoder.decode(datagram, exporter, (ctx, record) -> json.write(view.fill(ctx, record, now)));
 * }
 * // {"type":"NETFLOW_V9","time_received_ns":...,"bytes":1500,...,"etype":"IPv4","proto":"TCP",...}
 * }</pre>
 */
public final class FlowMessageJsonWriter implements Closeable, Flushable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final ByteSink line = new ByteSink(BUFFER + 4096);
    private final JsonObjectEncoder encoder;

    /**
     * Writes to {@code out}, buffered, in the {@link JsonLayout#COMPACT} layout.
     *
     * @param out where the JSON lines go (a file, a socket's stream, a {@link java.io.ByteArrayOutputStream})
     */
    public FlowMessageJsonWriter(OutputStream out) {
        this(out, JsonLayout.COMPACT);
    }

    /**
     * Writes to {@code out}, buffered, in {@code layout}.
     *
     * @param out where the JSON lines go
     * @param layout {@link JsonLayout#GOFLOW2} for goflow2's record, {@link JsonLayout#COMPACT} for the lean one
     */
    public FlowMessageJsonWriter(OutputStream out, JsonLayout layout) {
        this.out = out;
        this.encoder = layout.newEncoder();
    }

    /**
     * Writes one message as a line.
     *
     * @param message the message, written as one JSON object and a newline
     * @throws IOException if writing to the stream fails
     */
    public void write(FlowMessageFields message) throws IOException {
        encoder.open(message.slots(), line);
        encoder.close(line);
        drainWhenFull();
    }

    /**
     * Writes one message as a line, with {@code members} after its own keys.
     *
     * @param message the message
     * @param members extra members written inside the object, after the message's keys
     * @throws IOException if writing to the stream fails
     */
    public void write(FlowMessageFields message, JsonMembers members) throws IOException {
        encoder.open(message.slots(), line);
        int before = line.size();
        line.write(',');
        members.writeTo(line);
        if (line.size() == before + 1) {
            line.reset(before); // no members after all: no comma
        }
        encoder.close(line);
        drainWhenFull();
    }

    private void drainWhenFull() throws IOException {
        if (line.size() >= BUFFER) {
            line.drainTo(out);
        }
    }

    /** Writes the buffered lines to the stream and flushes it. */
    @Override
    public void flush() throws IOException {
        line.drainTo(out);
        out.flush();
    }

    /** Flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
