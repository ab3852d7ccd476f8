package io.github.flowcodec.flowmessage.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer the encoders write into: what {@link #drainTo} hands on to a stream, or what a
 * caller reads in place ({@link #array()}, {@link #size()}). Also an {@link OutputStream}, for writers that
 * add their own bytes to a line.
 */
public final class ByteSink extends OutputStream {

    byte[] buf;
    int pos;

    public ByteSink(int capacity) {
        this.buf = new byte[capacity];
    }

    /** Makes room for {@code n} more bytes. */
    void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** The bytes written since the last drain or reset. */
    public int size() {
        return pos;
    }

    /** The buffer: its first {@link #size()} bytes are what was written. */
    public byte[] array() {
        return buf;
    }

    /** Forgets what was written. */
    public void reset() {
        pos = 0;
    }

    /** Forgets what was written past the first {@code size} bytes. */
    public void reset(int size) {
        pos = Math.min(pos, size);
    }

    /** Writes what was written to {@code out}, and forgets it. */
    public void drainTo(OutputStream out) throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
