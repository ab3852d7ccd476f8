package io.github.flowcodec.kafka.internal;

import io.github.flowcodec.flowmessage.FlowMessageFields;
import io.github.flowcodec.flowmessage.FlowMessageJsonWriter;
import io.github.flowcodec.flowmessage.FlowMessageProtobufWriter;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One flow message as a record value: the flowmessage writers' bytes, a JSON line without its line end. */
public final class MessageBytes {

    private final Out out = new Out();
    private final FlowMessageJsonWriter json;
    private final FlowMessageProtobufWriter protobuf;

    /** @param jsonLayout the JSON layout, or null for length-delimited protobuf */
    public MessageBytes(JsonLayout jsonLayout) {
        this.json = jsonLayout != null ? new FlowMessageJsonWriter(out, jsonLayout) : null;
        this.protobuf = jsonLayout != null ? null : new FlowMessageProtobufWriter(out);
    }

    /** The message's bytes (a new array: the record keeps it until sent). */
    public byte[] of(FlowMessageFields message) {
        out.reset();
        try {
            if (json != null) {
                json.write(message);
                json.flush();
            } else {
                protobuf.write(message);
                protobuf.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e); // a ByteArrayOutputStream does not
        }
        return out.value(json != null);
    }

    private static final class Out extends ByteArrayOutputStream {
        byte[] value(boolean dropLineEnd) {
            int n = dropLineEnd && count > 0 && buf[count - 1] == '\n' ? count - 1 : count;
            return java.util.Arrays.copyOf(buf, n);
        }
    }
}
