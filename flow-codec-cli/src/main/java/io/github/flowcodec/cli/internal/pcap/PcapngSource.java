package io.github.flowcodec.cli.internal.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the pcapng format: a sequence of sections, each a section header block followed by
 * interface description blocks and packet blocks, in the byte order its header declares.
 *
 * <p>Enhanced, simple and obsolete packet blocks yield packets; every other block type is skipped
 * by its length. Simple packet blocks carry no timestamp and are given 0.
 */
final class PcapngSource implements PacketSource {

    /** The block type of a section header block, identical in both byte orders. */
    static final int SECTION_HEADER = 0x0A0D0D0A;

    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 0x00000001;
    private static final int OBSOLETE_PACKET = 0x00000002;
    private static final int SIMPLE_PACKET = 0x00000003;
    private static final int ENHANCED_PACKET = 0x00000006;
    private static final int MIN_BLOCK_LENGTH = 12;
    private static final int MIN_SECTION_HEADER_LENGTH = 28;

    private final CaptureInput in;
    private final byte[] blockHeader = new byte[8];
    private final byte[] trailer = new byte[4];
    /** How many bytes of the last packet block body {@link #readPacketBody} read (its array may be longer). */
    private int bodyLength;
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private ByteOrder order;

    PcapngSource(CaptureInput in) {
        this.in = in;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    public CapturedPacket next(long packetNumber) throws IOException {
        while (true) {
            long start = in.offset();
            if (!in.readHeader(blockHeader, "a pcapng block header")) {
                return null;
            }
            int type = (int) Bytes.u32(blockHeader, 0, ByteOrder.BIG_ENDIAN);
            if (type == SECTION_HEADER) {
                readSectionHeader(start);
                continue;
            }
            if (order == null) {
                throw new CaptureFormatException("pcapng file does not start with a section header", start);
            }
            type = (int) Bytes.u32(blockHeader, 0, order);
            long length = checkedLength(Bytes.u32(blockHeader, 4, order), start, MIN_BLOCK_LENGTH);
            CapturedPacket packet =
                    switch (type) {
                        case INTERFACE_DESCRIPTION -> {
                            interfaces.add(PcapngInterface.parse(readBody(start, length, 8), order, start));
                            yield null;
                        }
                        case ENHANCED_PACKET -> timestampedPacket(readPacketBody(start, length), true, start, packetNumber);
                        case OBSOLETE_PACKET -> timestampedPacket(readPacketBody(start, length), false, start, packetNumber);
                        case SIMPLE_PACKET -> simplePacket(readPacketBody(start, length), start, packetNumber);
                        default -> {
                            in.skipFully(length - 12, "a pcapng block");
                            checkTrailer(start, length);
                            yield null;
                        }
                    };
            if (packet != null) {
                return packet;
            }
        }
    }

    private void readSectionHeader(long start) throws IOException {
        byte[] magic = in.readFully(4, "a pcapng section header");
        if (Bytes.u32(magic, 0, ByteOrder.BIG_ENDIAN) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (Bytes.u32(magic, 0, ByteOrder.LITTLE_ENDIAN) == BYTE_ORDER_MAGIC) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else {
            throw new CaptureFormatException("pcapng section header has a bad byte-order magic", start);
        }
        long length =
                checkedLength(Bytes.u32(blockHeader, 4, order), start, MIN_SECTION_HEADER_LENGTH);
        byte[] body = readBody(start, length, 12);
        int major = Bytes.u16(body, 0, order);
        if (major != 1) {
            throw new CaptureFormatException("unsupported pcapng major version " + major, start);
        }
        interfaces.clear();
    }

    /**
     * An enhanced packet block ({@code enhanced}: a 4-byte interface id) or an obsolete packet block (a 2-byte
     * interface id and a 2-byte drops count): then both hold the timestamp, the captured and the original length.
     */
    private CapturedPacket timestampedPacket(byte[] body, boolean enhanced, long start, long packetNumber)
            throws CaptureFormatException {
        requireBody(20, enhanced ? "enhanced packet block" : "obsolete packet block", start);
        PcapngInterface itf = interfaceOf(enhanced ? Bytes.u32(body, 0, order) : Bytes.u16(body, 0, order), start);
        long units = Bytes.u32(body, 4, order) << 32 | Bytes.u32(body, 8, order);
        return packet(body, 20, Bytes.u32(body, 12, order), Bytes.u32(body, 16, order),
                itf, itf.toEpochNanos(units), start, packetNumber);
    }

    private CapturedPacket simplePacket(byte[] body, long start, long packetNumber)
            throws CaptureFormatException {
        requireBody(4, "simple packet block", start);
        PcapngInterface itf = interfaceOf(0, start);
        long originalLength = Bytes.u32(body, 0, order);
        long captured = Math.min(originalLength, bodyLength - 4);
        if (itf.snapLength() > 0) {
            captured = Math.min(captured, itf.snapLength());
        }
        return packet(body, 4, captured, originalLength, itf, 0, start, packetNumber);
    }

    private CapturedPacket packet(
            byte[] body,
            int dataStart,
            long capturedLength,
            long originalLength,
            PcapngInterface itf,
            long timestampNanos,
            long start,
            long packetNumber)
            throws CaptureFormatException {
        if (capturedLength > bodyLength - dataStart) {
            throw new CaptureFormatException(
                    "packet block claims " + capturedLength + " captured bytes but holds only "
                            + (bodyLength - dataStart),
                    start);
        }
        return new CapturedPacket(
                packetNumber,
                timestampNanos,
                itf.linkType(),
                (int) Math.min(originalLength, Integer.MAX_VALUE),
                ByteBuffer.wrap(body, dataStart, (int) capturedLength));
    }

    private PcapngInterface interfaceOf(long interfaceId, long start) throws CaptureFormatException {
        if (interfaceId >= interfaces.size()) {
            throw new CaptureFormatException(
                    "packet block refers to undeclared interface " + interfaceId, start);
        }
        return interfaces.get((int) interfaceId);
    }

    private long checkedLength(long length, long start, int minimum) throws CaptureFormatException {
        if (length < minimum || length % 4 != 0 || length > CaptureInput.MAX_RECORD_LENGTH) {
            throw new CaptureFormatException("pcapng block has an invalid length of " + length, start);
        }
        in.requireWithinFile(start, length, "pcapng block");
        return length;
    }

    /** Reads what is left of a block after {@code consumed} bytes, and checks its trailer. */
    private byte[] readBody(long start, long length, int consumed) throws IOException {
        byte[] body = in.readFully((int) length - consumed - 4, "a pcapng block");
        checkTrailer(start, length);
        return body;
    }

    /**
     * Reads what is left of a packet block after its type and length, into the reused array when the reader
     * reuses buffers (then valid until the next packet), and checks its trailer; {@link #bodyLength} is its length.
     */
    private byte[] readPacketBody(long start, long length) throws IOException {
        bodyLength = (int) length - 12;
        byte[] body = in.readPacket(bodyLength, "a pcapng block");
        checkTrailer(start, length);
        return body;
    }

    private void checkTrailer(long start, long length) throws IOException {
        in.readFully(4, "a pcapng block trailer", trailer);
        long repeated = Bytes.u32(trailer, 0, order);
        if (repeated != length) {
            throw new CaptureFormatException(
                    "pcapng block ends with length " + repeated + " instead of " + length, start);
        }
    }

    private void requireBody(int minimum, String what, long start) throws CaptureFormatException {
        if (bodyLength < minimum) {
            throw new CaptureFormatException(what + " is too short", start);
        }
    }
}
