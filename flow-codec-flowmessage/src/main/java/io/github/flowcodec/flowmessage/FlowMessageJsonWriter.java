package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.ByteSink;
import io.github.flowcodec.flowmessage.internal.JsonLineEncoder;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes flow messages as JSON lines with goflow2's keys, one object per line, the set fields only, in
 * {@link FlowField} order: numbers as unsigned decimals, addresses as text (RFC 5952 for IPv6), MACs as
 * {@code "aa:bb:cc:dd:ee:ff"}, {@code src_net}/{@code dst_net} as {@code "network/length"}. Lines are
 * gathered in a buffer and written to the stream when it fills, on {@link #flush()} and on
 * {@link #close()} (which leaves the stream open). Writing allocates nothing; one instance per thread.
 *
 * <pre>{@code
 * try (FlowMessageJsonWriter json = new FlowMessageJsonWriter(out)) {
 *     decoder.decode(datagram, exporter, (ctx, record) -> json.write(view.fill(ctx, record, now)));
 * }
 * // {"type":"NETFLOW_V9","time_received_ns":...,"bytes":1500,...,"observation_domain_id":0}
 * }</pre>
 */
public final class FlowMessageJsonWriter implements Closeable, Flushable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final ByteSink line = new ByteSink(BUFFER + 4096);
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    /**
     * Writes to {@code out}, buffered.
     *
     * @param out the stream of JSON lines (not closed by the writer until {@link #close()})
     */
    public FlowMessageJsonWriter(OutputStream out) {
        this.out = out;
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
