package io.github.flowcodec.cli.internal.json;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.FlowMessageProtobufWriter;
import io.github.flowcodec.flowmessage.FlowMessageView;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;

/** Flow records as goflow2's length-delimited protobuf {@code FlowMessage}s ({@code --format protobuf}). */
final class FlowProtobufOutput implements FlowOutput {

    private final FlowMessageView message = new FlowMessageView();
    private final FlowMessageProtobufWriter protobuf;

    FlowProtobufOutput(OutputStream out) {
        this.protobuf = new FlowMessageProtobufWriter(out);
    }

    @Override
    public void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) throws IOException {
        protobuf.write(message.fill(ctx, record, receivedNanos, sampler));
    }

    @Override
    public void flush() throws IOException {
        protobuf.flush();
    }

    @Override
    public void close() throws IOException {
        protobuf.close();
    }
}
