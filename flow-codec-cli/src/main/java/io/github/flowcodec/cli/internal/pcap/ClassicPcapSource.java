package io.github.flowcodec.cli.internal.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the classic libpcap format: a 24-byte file header followed by records of a 16-byte header
 * and the captured bytes.
 *
 * <p>Accepts microsecond (a1b2c3d4) and nanosecond (a1b23c4d) magic numbers in both byte orders,
 * and the "modified" format of Alexey Kuznetzov's patches (a1b2cd34) with its 24-byte record
 * headers. The time zone field of the file header is ignored, as libpcap does.
 */
final class ClassicPcapSource implements PacketSource {

    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int MAGIC_MODIFIED = 0xA1B2CD34;
    private static final int FILE_HEADER_LENGTH = 24;

    private final CaptureInput in;
    private final ByteOrder order;
    private final boolean nanosecond;
    private final int linkType;
    private final byte[] recordHeader;

    private ClassicPcapSource(
            CaptureInput in, ByteOrder order, boolean nanosecond, boolean modified, int linkType) {
        this.in = in;
        this.order = order;
        this.nanosecond = nanosecond;
        this.linkType = linkType;
        this.recordHeader = new byte[modified ? 24 : 16];
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAP;
    }

    /** Tells whether the first four bytes of a file, read big-endian, are a classic pcap magic. */
    static boolean isMagic(int magic) {
        return magicOf(magic) != 0 || magicOf(Integer.reverseBytes(magic)) != 0;
    }

    /** Reads the file header and returns a source positioned at the first record. */
    static ClassicPcapSource open(CaptureInput in) throws IOException {
        byte[] header = in.readFully(FILE_HEADER_LENGTH, "the pcap file header");
        int magicBigEndian = (int) Bytes.u32(header, 0, ByteOrder.BIG_ENDIAN);
        int magic = magicOf(magicBigEndian);
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        if (magic == 0) {
            magic = magicOf(Integer.reverseBytes(magicBigEndian));
            order = ByteOrder.LITTLE_ENDIAN;
        }
        if (magic == 0) {
            throw new CaptureFormatException(
                    String.format("unknown pcap magic number 0x%08x", magicBigEndian), 0);
        }
        int major = Bytes.u16(header, 4, order);
        if (major != 2) {
            throw new CaptureFormatException("unsupported pcap major version " + major, 4);
        }
        // The low 16 bits hold the link type; the high bits may describe a frame check sequence.
        int linkType = (int) (Bytes.u32(header, 20, order) & 0xFFFF);
        return new ClassicPcapSource(
                in, order, magic == MAGIC_NANOS, magic == MAGIC_MODIFIED, linkType);
    }

    @Override
    public CapturedPacket next(long packetNumber) throws IOException {
        long start = in.offset();
        if (!in.readHeader(recordHeader, "a pcap record header")) {
            return null;
        }
        long seconds = Bytes.u32(recordHeader, 0, order);
        long fraction = Bytes.u32(recordHeader, 4, order);
        long capturedLength = Bytes.u32(recordHeader, 8, order);
        long originalLength = Bytes.u32(recordHeader, 12, order);
        if (capturedLength > CaptureInput.MAX_RECORD_LENGTH) {
            throw new CaptureFormatException(
                    "pcap record claims an absurd captured length of " + capturedLength + " bytes", start);
        }
        in.requireWithinFile(in.offset(), capturedLength, "pcap record data");
        byte[] data = in.readPacket((int) capturedLength, "pcap record data");
        long nanos = nanosecond ? fraction : fraction * 1_000L;
        return new CapturedPacket(
                packetNumber,
                Timestamps.fromSeconds(seconds, nanos),
                linkType,
                (int) Math.min(originalLength, Integer.MAX_VALUE),
                ByteBuffer.wrap(data, 0, (int) capturedLength).slice());
    }

    private static int magicOf(int value) {
        return switch (value) {
            case MAGIC_MICROS, MAGIC_NANOS, MAGIC_MODIFIED -> value;
            default -> 0;
        };
    }
}
