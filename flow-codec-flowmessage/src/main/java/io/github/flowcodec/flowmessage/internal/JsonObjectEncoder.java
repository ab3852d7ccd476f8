package io.github.flowcodec.flowmessage.internal;

/**
 * Writes a flow message as one JSON object into a sink, in one layout, without allocating. One instance per
 * thread: an encoder may remember what it wrote last.
 */
public interface JsonObjectEncoder {

    /** Writes the object without its closing brace, so a caller may add members after a comma. */
    void open(MessageSlots message, ByteSink out);

    /** Closes the object and the line. */
    default void close(ByteSink out) {
        out.ensure(2);
        out.buf[out.pos++] = '}';
        out.buf[out.pos++] = '\n';
    }
}
