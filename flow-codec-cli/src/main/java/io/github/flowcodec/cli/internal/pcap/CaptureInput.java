package io.github.flowcodec.cli.internal.pcap;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered byte source that knows its offset in the file and reports truncation as {@link
 * CaptureFormatException}.
 *
 * <p>Large reads grow their buffer only as bytes actually arrive, so a hostile length field
 * cannot make it allocate much more than the data present.
 */
final class CaptureInput implements Closeable {

    /** The largest block or record this package accepts: 256 MiB. */
    static final int MAX_RECORD_LENGTH = 256 << 20;

    private static final int BUFFER_SIZE = 64 << 10;
    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final long size;
    private long offset;
    /** The array packets are read into once {@link #reusePacketArrays()} was called; else null. */
    private byte[] packetArray;

    /**
     * Wraps a stream positioned at the start of a capture file.
     *
     * @param in the stream; this object takes ownership of it
     * @param size the length of the file in bytes, or -1 when unknown
     */
    CaptureInput(InputStream in, long size) {
        this.in = new BufferedInputStream(in, BUFFER_SIZE);
        this.size = size;
    }

    /** Returns the offset of the next byte to be read. */
    long offset() {
        return offset;
    }

    /**
     * Returns the first {@code n} bytes of the stream without consuming them; fewer at the end of
     * the stream. Only valid before anything has been read.
     */
    byte[] peek(int n) throws IOException {
        in.mark(n);
        byte[] bytes = new byte[n];
        int read = fill(bytes, 0, n);
        in.reset();
        offset -= read;
        return read == n ? bytes : Arrays.copyOf(bytes, read);
    }

    /**
     * Reads a fixed-size header that may be absent because the file ends cleanly.
     *
     * @return false if the stream was at its end, true if {@code buffer} was filled
     * @throws CaptureFormatException if the stream ends part way through the header
     */
    boolean readHeader(byte[] buffer, String what) throws IOException {
        long start = offset;
        int read = fill(buffer, 0, buffer.length);
        if (read == 0) {
            return false;
        }
        if (read < buffer.length) {
            throw truncated(what, start, buffer.length, read);
        }
        return true;
    }

    /**
     * Reads exactly {@code length} bytes.
     *
     * @throws CaptureFormatException if the stream ends first
     */
    byte[] readFully(int length, String what) throws IOException {
        long start = offset;
        byte[] bytes = new byte[Math.min(length, CHUNK)];
        int filled = 0;
        while (true) {
            int read = fill(bytes, filled, bytes.length - filled);
            filled += read;
            if (filled < bytes.length) {
                throw truncated(what, start, length, filled);
            }
            if (filled == length) {
                return bytes;
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
        }
    }

    /**
     * From now on {@link #readPacket} reads each packet into the array of the one before (grown to the longest
     * packet so far), for a caller done with a packet before it reads the next.
     */
    void reusePacketArrays() {
        if (packetArray == null) {
            packetArray = new byte[2048];
        }
    }

    /**
     * Reads a packet's {@code length} bytes: into the reused array once {@link #reusePacketArrays()} was called,
     * else into a new one.
     *
     * @throws CaptureFormatException if the stream ends first
     */
    byte[] readPacket(int length, String what) throws IOException {
        byte[] bytes = readFully(length, what, packetArray);
        if (packetArray != null) {
            packetArray = bytes;
        }
        return bytes;
    }

    /**
     * Reads exactly {@code length} bytes into {@code reuse} when it is long enough (else into a new array, as
     * {@link #readFully(int, String)}), and returns the array read into.
     *
     * @throws CaptureFormatException if the stream ends first
     */
    byte[] readFully(int length, String what, byte[] reuse) throws IOException {
        if (reuse == null || reuse.length < length) {
            return readFully(length, what);
        }
        long start = offset;
        int read = fill(reuse, 0, length);
        if (read < length) {
            throw truncated(what, start, length, read);
        }
        return reuse;
    }

    /**
     * Skips exactly {@code length} bytes.
     *
     * @throws CaptureFormatException if the stream ends first
     */
    void skipFully(long length, String what) throws IOException {
        long start = offset;
        long remaining = length;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw truncated(what, start, length, length - remaining);
                }
                skipped = 1;
            }
            remaining -= skipped;
            offset += skipped;
        }
    }

    /**
     * Checks, when the file size is known, that {@code length} bytes starting at {@code start} lie
     * within the file.
     *
     * @throws CaptureFormatException if they do not
     */
    void requireWithinFile(long start, long length, String what) throws CaptureFormatException {
        if (size >= 0 && start + length > size) {
            throw new CaptureFormatException(
                    what + " of " + length + " bytes runs past the end of the file (" + size + " bytes)",
                    start);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int fill(byte[] buffer, int from, int length) throws IOException {
        int filled = 0;
        while (filled < length) {
            int read = in.read(buffer, from + filled, length - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        offset += filled;
        return filled;
    }

    private static CaptureFormatException truncated(
            String what, long start, long wanted, long got) {
        return new CaptureFormatException(
                "file ends inside " + what + " (" + got + " of " + wanted + " bytes present)", start);
    }
}
