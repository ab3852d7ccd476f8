package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.ByteSink;
import io.github.flowcodec.flowmessage.internal.CsvRowEncoder;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes flow messages as CSV (RFC 4180, {@code \n} line breaks): an optional header row of goflow2's keys
 * ({@link #writeHeader()}, the keys of {@link JsonLayout#GOFLOW2} in its order), then one row per message whose
 * cells are the values of goflow2's JSON record, in the same order: numbers as unsigned decimals, the JSON strings
 * without their quotes (addresses, {@code etype} and {@code proto} names, MACs, networks), lists as JSON arrays. A
 * cell with a comma or a quote in it is quoted, its quotes doubled, so a list of more than one entry reads
 * {@code "[65001,65002]"} and a list of names {@code "[""Ethernet"",""IPv4""]"}: any CSV reader gives back the
 * JSON value. Rows are gathered in a buffer and written to the stream when it fills, on {@link #flush()} and on
 * {@link #close()} (which leaves the stream open). Writing allocates nothing; one instance per thread.
 *
 * <pre>{@code
 * try (FlowMessageCsvWriter csv = new FlowMessageCsvWriter(out)) {
 *     csv.writeHeader();   // type,time_received_ns,sequence_num,...
 *     decoder.decode(datagram, exporter, (ctx, record) -> csv.write(view.fill(ctx, record, now)));
 * }
 * // NETFLOW_V9,1700000000000000000,42,...,10.0.0.1,...,IPv4,TCP,...
 * }</pre>
 */
public final class FlowMessageCsvWriter implements Closeable, Flushable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final ByteSink rows = new ByteSink(BUFFER + 4096);
    private final CsvRowEncoder encoder = new CsvRowEncoder();

    /**
     * Writes to {@code out}, buffered.
     *
     * @param out where the rows go (a file, a socket's stream, a {@link java.io.ByteArrayOutputStream})
     */
    public FlowMessageCsvWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * The columns, in order: goflow2's keys.
     *
     * @return the keys of the header row
     */
    public static List<String> columns() {
        return JsonLayout.GOFLOW2.keys();
    }

    /**
     * Writes the header row: goflow2's keys, comma-separated. Call it once, before the first row, where the
     * reader expects one (a file; not each part of a stream that several writers share).
     *
     * @throws IOException if writing to the stream fails
     */
    public void writeHeader() throws IOException {
        rows.write(CsvRowEncoder.HEADER, 0, CsvRowEncoder.HEADER.length);
        drainWhenFull();
    }

    /**
     * Writes one message as a row.
     *
     * @param message the message
     * @throws IOException if writing to the stream fails
     */
    public void write(FlowMessageFields message) throws IOException {
        encoder.write(message.slots(), rows);
        drainWhenFull();
    }

    private void drainWhenFull() throws IOException {
        if (rows.size() >= BUFFER) {
            rows.drainTo(out);
        }
    }

    /** Writes the buffered rows to the stream and flushes it. */
    @Override
    public void flush() throws IOException {
        rows.drainTo(out);
        out.flush();
    }

    /** Flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
