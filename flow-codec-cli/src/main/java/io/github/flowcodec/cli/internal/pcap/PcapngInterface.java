package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteOrder;

/**
 * What a pcapng interface description block says about the packets of its interface.
 *
 * @param linkType the link-layer header type
 * @param snapLength the maximum captured length, 0 for no limit
 * @param resolution the unit of the timestamps ({@code if_tsresol})
 * @param offsetSeconds the seconds to add to every timestamp ({@code if_tsoffset})
 */
record PcapngInterface(
        int linkType, long snapLength, TimestampResolution resolution, long offsetSeconds) {

    private static final int OPT_END = 0;
    private static final int OPT_TSRESOL = 9;
    private static final int OPT_TSOFFSET = 14;

    /**
     * Parses the body of an interface description block (without block type, lengths and trailer).
     *
     * @param body the block body
     * @param order the byte order of the section
     * @param blockStart the file offset of the block, for error messages
     */
    static PcapngInterface parse(byte[] body, ByteOrder order, long blockStart)
            throws CaptureFormatException {
        if (body.length < 8) {
            throw new CaptureFormatException("interface description block is too short", blockStart);
        }
        int linkType = Bytes.u16(body, 0, order);
        long snapLength = Bytes.u32(body, 4, order);
        TimestampResolution resolution = TimestampResolution.MICROSECONDS;
        long offsetSeconds = 0;
        int at = 8;
        while (at + 4 <= body.length) {
            int code = Bytes.u16(body, at, order);
            int length = Bytes.u16(body, at + 2, order);
            if (code == OPT_END) {
                break;
            }
            if (at + 4 + length > body.length) {
                throw new CaptureFormatException(
                        "interface description option " + code + " runs past the end of its block",
                        blockStart + 8 + at);
            }
            if (code == OPT_TSRESOL && length >= 1) {
                resolution = TimestampResolution.fromOption(body[at + 4]);
            } else if (code == OPT_TSOFFSET && length >= 8) {
                offsetSeconds = Bytes.u64(body, at + 4, order);
            }
            at += 4 + ((length + 3) & ~3);
        }
        return new PcapngInterface(linkType, snapLength, resolution, offsetSeconds);
    }

    /** Converts a raw timestamp of this interface to nanoseconds since the epoch. */
    long toEpochNanos(long units) {
        return Timestamps.add(resolution.toNanos(units), Timestamps.fromSeconds(offsetSeconds, 0));
    }
}
