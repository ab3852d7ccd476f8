package io.github.flowcodec.cli.internal.json;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.FlowMessageJsonWriter;
import io.github.flowcodec.flowmessage.FlowMessageView;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Writes flow records as JSON lines with goflow2's keys, one object per record: the flow message of the record
 * ({@link FlowMessageView}, written by {@link FlowMessageJsonWriter} in a {@link JsonLayout}: goflow2's record or
 * the compact one), and with {@code --all-fields} every field under its information element's name
 * ({@link AllFieldsMembers}). Closing it flushes but leaves the underlying stream or writer open.
 *
 * <p>In the compact layout sFlow flow samples get the keys of their sample header too ({@code agent_address}
 * when the agent sent one, {@code sub_agent_id}, {@code sample_type}, {@code sample_seq}); as goflow2 does, their
 * {@code sampler_address} is the agent address, their flow start and end are the time received (sFlow
 * samples one packet, with no flow times), {@code src_vlan}/{@code dst_vlan} are the extended switch VLANs
 * and {@code vlan_id} is the sampled header's 802.1Q tag only.
 */
public final class FlowJsonWriter implements FlowOutput {

    private final FlowMessageView message = new FlowMessageView();
    private final FlowMessageJsonWriter json;
    private final AllFieldsMembers allFields;

    /** JSON lines to a stream, UTF-8. */
    public FlowJsonWriter(OutputStream out, JsonLayout layout, boolean allFields) {
        this.json = new FlowMessageJsonWriter(out, layout);
        this.allFields = allFields ? new AllFieldsMembers() : null;
    }

    /** JSON lines to a character writer (the demo, tests): slower than to a stream. */
    public FlowJsonWriter(Writer out, JsonLayout layout, boolean allFields) {
        this(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(new String(b, off, len, StandardCharsets.UTF_8)); // whole lines: no character is cut
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        }, layout, allFields);
    }

    @Override
    public void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) throws IOException {
        message.fill(ctx, record, receivedNanos, sampler);
        if (allFields == null) {
            json.write(message);
        } else {
            json.write(message, allFields.of(record));
        }
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
