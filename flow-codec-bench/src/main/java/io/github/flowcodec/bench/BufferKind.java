package io.github.flowcodec.bench;

import java.nio.ByteBuffer;

/**
 * The {@code buffer} parameter of the benchmarks: heap or direct buffers for the measured messages and the
 * encode buffer. For example {@code BufferKind.of("direct").copyOf(bytes)} is a direct buffer holding
 * {@code bytes}, position 0, limit its length.
 */
enum BufferKind {
    /** {@link ByteBuffer#wrap} and {@link ByteBuffer#allocate}. */
    HEAP,
    /** {@link ByteBuffer#allocateDirect}. */
    DIRECT;

    /** The kind a {@code buffer} parameter names: {@code heap} or {@code direct}. */
    static BufferKind of(String param) {
        return switch (param) {
            case "heap" -> HEAP;
            case "direct" -> DIRECT;
            default -> throw new IllegalArgumentException("buffer must be heap or direct, not " + param);
        };
    }

    /** A buffer of this kind holding a copy of {@code bytes}, ready to read. */
    ByteBuffer copyOf(byte[] bytes) {
        if (this == HEAP) {
            return ByteBuffer.wrap(bytes.clone());
        }
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return b;
    }

    /** An empty buffer of this kind. */
    ByteBuffer allocate(int capacity) {
        return this == HEAP ? ByteBuffer.allocate(capacity) : ByteBuffer.allocateDirect(capacity);
    }

    /** The parameter's name of this kind, as the setup checks' messages give it. */
    @Override
    public String toString() {
        return this == HEAP ? "heap" : "direct";
    }
}
