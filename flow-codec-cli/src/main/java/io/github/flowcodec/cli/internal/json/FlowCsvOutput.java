package io.github.flowcodec.cli.internal.json;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.FlowMessageCsvWriter;
import io.github.flowcodec.flowmessage.FlowMessageView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;

/** Flow records as CSV rows of goflow2's record ({@code --format csv}); the header row is the command's to write, once. */
final class FlowCsvOutput implements FlowOutput {

    private final FlowMessageView message = new FlowMessageView();
    private final FlowMessageCsvWriter csv;

    FlowCsvOutput(OutputStream out) {
        this.csv = new FlowMessageCsvWriter(out);
    }

    /** The header row: goflow2's keys. */
    static byte[] header() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (FlowMessageCsvWriter w = new FlowMessageCsvWriter(b)) {
            w.writeHeader();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return b.toByteArray();
    }

    @Override
    public void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) throws IOException {
        csv.write(message.fill(ctx, record, receivedNanos, sampler));
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
