package io.github.flowcodec.cli.internal.pcap;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builders for hand-made capture files and frames used by the tests. */
final class TestCaptures {

    private TestCaptures() {}

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** An IPv4 or IPv6 packet holding a UDP datagram, with correct checksums. */
    static byte[] udpPacket(String src, int srcPort, String dst, int dstPort, byte[] payload) {
        return UdpFrameBuilder.ipPacket(
                ip(src), srcPort, ip(dst), dstPort, ByteBuffer.wrap(payload), 0x1234);
    }

    /**
     * An Ethernet frame whose EtherType is preceded by one tag (TPID, TCI) per given tag protocol
     * identifier.
     */
    static byte[] ethernet(byte[] ipPacket, int... tagTypes) {
        ByteBuffer frame = ByteBuffer.allocate(14 + 4 * tagTypes.length + ipPacket.length);
        frame.put(new byte[] {0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1});
        for (int i = 0; i < tagTypes.length; i++) {
            frame.putShort((short) tagTypes[i]).putShort((short) (100 + i)); // TPID, then TCI
        }
        frame.putShort((short) etherType(ipPacket)).put(ipPacket);
        return frame.array();
    }

    /** A Linux cooked (SLL, link type 113) frame. */
    static byte[] sll(byte[] ipPacket) {
        ByteBuffer frame = ByteBuffer.allocate(16 + ipPacket.length);
        frame.putShort((short) 0).putShort((short) 1).putShort((short) 6);
        frame.put(new byte[] {0x02, 0, 0, 0, 0, 1, 0, 0});
        frame.putShort((short) etherType(ipPacket)).put(ipPacket);
        return frame.array();
    }

    /** A Linux cooked v2 (SLL2, link type 276) frame. */
    static byte[] sll2(byte[] ipPacket) {
        ByteBuffer frame = ByteBuffer.allocate(20 + ipPacket.length);
        frame.putShort((short) etherType(ipPacket)).putShort((short) 0).putInt(3);
        frame.putShort((short) 1).put((byte) 0).put((byte) 6);
        frame.put(new byte[] {0x02, 0, 0, 0, 0, 1, 0, 0}).put(ipPacket);
        return frame.array();
    }

    /** A BSD loopback (link type 0) frame with the address family in the given byte order. */
    static byte[] loopback(int family, ByteOrder order, byte[] ipPacket) {
        ByteBuffer frame = ByteBuffer.allocate(4 + ipPacket.length).order(order);
        frame.putInt(family).put(ipPacket);
        return frame.array();
    }

    static int etherType(byte[] ipPacket) {
        return (ipPacket[0] & 0xF0) == 0x40 ? 0x0800 : 0x86DD;
    }

    /** Builds a classic pcap file. */
    static final class ClassicPcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteOrder order;

        ClassicPcap(int magic, ByteOrder order, int linkType) {
            this.order = order;
            ByteBuffer header = ByteBuffer.allocate(24).order(order);
            header.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
            header.putInt(65535).putInt(linkType);
            out.writeBytes(header.array());
        }

        ClassicPcap record(long seconds, long fraction, byte[] data) {
            return record(seconds, fraction, data.length, data.length, data);
        }

        ClassicPcap record(
                long seconds, long fraction, long capturedLength, long originalLength, byte[] data) {
            ByteBuffer header = ByteBuffer.allocate(16).order(order);
            header.putInt((int) seconds).putInt((int) fraction);
            header.putInt((int) capturedLength).putInt((int) originalLength);
            out.writeBytes(header.array());
            out.writeBytes(data);
            return this;
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    /** Builds a pcapng file block by block. */
    static final class Pcapng {
        static final int SHB = 0x0A0D0D0A;
        static final int IDB = 1;
        static final int OPB = 2;
        static final int SPB = 3;
        static final int EPB = 6;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order = ByteOrder.BIG_ENDIAN;

        /** Starts a section, with an shb_userappl option. */
        Pcapng section(ByteOrder sectionOrder) {
            this.order = sectionOrder;
            ByteBuffer body = ByteBuffer.allocate(16 + 12 + 4).order(order);
            body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
            body.putShort((short) 4).putShort((short) 5).put("tests".getBytes()).put(new byte[3]);
            body.putShort((short) 0).putShort((short) 0);
            return block(SHB, body.array());
        }

        /** Adds an interface; {@code tsresol} and {@code tsoffset} may be null. */
        Pcapng interfaceBlock(int linkType, int snapLength, Integer tsresol, Long tsoffset) {
            ByteBuffer body = ByteBuffer.allocate(8 + 12 + 8 + 12 + 4).order(order);
            body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
            body.putShort((short) 2).putShort((short) 4).put("eth0".getBytes()); // if_name
            if (tsresol != null) {
                body.putShort((short) 9).putShort((short) 1).put(tsresol.byteValue()).put(new byte[3]);
            }
            if (tsoffset != null) {
                body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
            }
            body.putShort((short) 0).putShort((short) 0);
            return block(IDB, slice(body));
        }

        /** Adds an enhanced packet block with an opt_comment option. */
        Pcapng enhancedPacket(int interfaceId, long units, byte[] data) {
            ByteBuffer body = ByteBuffer.allocate(20 + pad(data.length) + 12).order(order);
            body.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units);
            body.putInt(data.length).putInt(data.length + 10).put(data);
            body.position(20 + pad(data.length));
            body.putShort((short) 1).putShort((short) 2).put("hi".getBytes()).put(new byte[2]);
            body.putShort((short) 0).putShort((short) 0);
            return block(EPB, body.array());
        }

        Pcapng obsoletePacket(int interfaceId, long units, byte[] data) {
            ByteBuffer body = ByteBuffer.allocate(20 + pad(data.length)).order(order);
            body.putShort((short) interfaceId).putShort((short) 0);
            body.putInt((int) (units >>> 32)).putInt((int) units);
            body.putInt(data.length).putInt(data.length).put(data);
            return block(OPB, body.array());
        }

        Pcapng simplePacket(byte[] data) {
            ByteBuffer body = ByteBuffer.allocate(4 + pad(data.length)).order(order);
            body.putInt(data.length).put(data);
            return block(SPB, body.array());
        }

        /** Adds a block of any type, padding its body to 4 bytes. */
        Pcapng block(int type, byte[] body) {
            int total = 12 + pad(body.length);
            ByteBuffer block = ByteBuffer.allocate(total).order(order);
            block.putInt(type).putInt(total).put(body);
            block.putInt(total - 4, total);
            out.writeBytes(block.array());
            return this;
        }

        /** Adds raw bytes, for corrupt files. */
        Pcapng raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        ByteOrder order() {
            return order;
        }

        byte[] build() {
            return out.toByteArray();
        }

        private static byte[] slice(ByteBuffer body) {
            byte[] bytes = new byte[body.position()];
            body.flip().get(bytes);
            return bytes;
        }

        private static int pad(int length) {
            return (length + 3) & ~3;
        }
    }
}
