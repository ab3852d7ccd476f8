package io.github.flowcodec.cli.internal.pcap;

import java.io.IOException;

/**
 * Signals that a capture file is truncated or corrupt: an unknown magic number, an impossible
 * block or record length, or a file that ends in the middle of a record.
 *
 * <p>The message always names the byte offset, counted from the start of the file, of the
 * structure that could not be read; {@link #offset()} returns it too.
 */
public final class CaptureFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The byte offset of the offending structure. */
    private final long offset;

    /**
     * Creates an exception for a problem found at a byte offset.
     *
     * @param problem what is wrong, without the offset
     * @param offset the byte offset, from the start of the file, of the offending structure
     */
    public CaptureFormatException(String problem, long offset) {
        super(problem + " at byte offset " + offset);
        this.offset = offset;
    }

    /**
     * Returns the byte offset, from the start of the file, of the structure that could not be read.
     *
     * @return the byte offset
     */
    public long offset() {
        return offset;
    }
}
