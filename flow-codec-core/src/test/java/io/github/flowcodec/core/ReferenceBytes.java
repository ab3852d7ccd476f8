package io.github.flowcodec.core;

import java.nio.ByteBuffer;

/**
 * What the view properties compare against: the kinds of buffer a decoder may be handed, and integers read
 * from the bytes one at a time.
 */
final class ReferenceBytes {

    private ReferenceBytes() {
    }

    /**
     * {@code content} in a buffer of one kind. 0: a whole heap array; 1: a heap slice with an array offset;
     * 2: read-only; 3: direct.
     */
    static ByteBuffer buffer(byte[] content, int kind) {
        switch (kind) {
            case 0:
                return ByteBuffer.wrap(content);
            case 1: {
                byte[] bigger = new byte[content.length + 5];
                System.arraycopy(content, 0, bigger, 3, content.length);
                return ByteBuffer.wrap(bigger, 3, content.length).slice();
            }
            case 2:
                return ByteBuffer.wrap(content).asReadOnlyBuffer();
            default: {
                ByteBuffer d = ByteBuffer.allocateDirect(content.length);
                d.put(content).clear();
                return d;
            }
        }
    }

    /** The big-endian integer of {@code length} bytes at {@code at}, sign-extended when {@code signed}. */
    static long integer(byte[] bytes, int at, int length, boolean signed) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (bytes[at + i] & 0xFF);
        }
        if (signed && length > 0 && length < 8 && (bytes[at] & 0x80) != 0) {
            v |= -1L << (8 * length);
        }
        return v;
    }
}
