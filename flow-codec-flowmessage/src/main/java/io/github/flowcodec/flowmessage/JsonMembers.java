package io.github.flowcodec.flowmessage;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Members a caller adds to a JSON line after the message's own: UTF-8 JSON text, each member
 * {@code "key":value}, separated by commas, without the braces.
 *
 * <pre>{@code
 * json.write(message, out -> out.write("\"collector\":\"edge-1\"".getBytes(StandardCharsets.UTF_8)));
 * }</pre>
 */
@FunctionalInterface
public interface JsonMembers {

    /**
     * Writes the members to {@code out} (the line being written; do not close it).
     *
     * @param out the stream, just after the message's last member
     * @throws IOException if writing to the stream fails
     */
    void writeTo(OutputStream out) throws IOException;
}
