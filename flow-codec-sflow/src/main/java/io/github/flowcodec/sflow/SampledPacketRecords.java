package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The sampled-packet flow records (0:1 to 0:4): the packet's first bytes and its Ethernet, IPv4 or IPv6 data.
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var h = new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1518, 4, first128Bytes);
 * }</pre>
 */
public sealed interface SampledPacketRecords permits FlowData {

    /**
     * 0:1, the first bytes of the sampled packet.
     *
     * <pre>{@code
     * var h = new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1518, 4, first128Bytes);
     * h.parse().protocol();  // 6 for TCP
     * }</pre>
     *
     * @param headerProtocol the header's protocol ({@link Sflow#HEADER_ETHERNET}, {@link Sflow#HEADER_IPV4} ...)
     * @param frameLength the length of the whole packet
     * @param stripped bytes removed from the packet before the header was taken (FCS, encapsulations)
     * @param header the header bytes (without XDR padding)
     */
    record RawPacketHeader(long headerProtocol, long frameLength, long stripped, byte[] header) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, and copies the lists and arrays given (the
         * record keeps its own).
         *
         * @param headerProtocol the header's protocol ({@link Sflow#HEADER_ETHERNET}, {@link Sflow#HEADER_IPV4} ...)
         * @param frameLength the length of the whole packet
         * @param stripped bytes removed from the packet before the header was taken (FCS, encapsulations)
         * @param header the header bytes (without XDR padding)
         */
        public RawPacketHeader {
            Checks.u32s("headerProtocol frameLength stripped", headerProtocol, frameLength, stripped);
            header = header.clone();
        }

        /**
         * A copy of the header bytes.
         *
         * @return a new array of the sampled header's bytes, as the record holds them
         */
        @Override
        public byte[] header() {
            return header.clone();
        }

        /**
         * The header's length in bytes.
         *
         * @return the number of sampled header bytes
         */
        public int headerLength() {
            return header.length;
        }

        /**
         * Writes the header bytes at the buffer's position (advancing it), without copying them first.
         *
         * @param dst the buffer written into, from its position
         */
        public void writeHeader(ByteBuffer dst) {
            dst.put(header);
        }

        /**
         * Copies the header bytes into {@code dst} from index {@code offset} (no padding): one array copy from the
         * record's own bytes, where {@link #header()} would return a copy of them first.
         *
         * @param dst the array written into
         * @param offset where the first header byte goes
         * @return the index after the last header byte: {@code offset + headerLength()}
         * @throws IndexOutOfBoundsException if the header does not fit in {@code dst} from {@code offset}
         */
        public int writeHeader(byte[] dst, int offset) {
            System.arraycopy(header, 0, dst, offset, header.length);
            return offset + header.length;
        }

        /**
         * The header parsed: Ethernet, VLAN tags, MPLS, IPv4/IPv6 and the transport header, as far as they are
         * present.
         *
         * @return a new view on the header
         */
        public SampledHeaderView parse() {
            SampledHeaderView v = new SampledHeaderView();
            v.parse(header, 0, header.length, (int) headerProtocol);
            return v;
        }


        @Override
        public boolean equals(Object o) {
            return o instanceof RawPacketHeader h && h.headerProtocol == headerProtocol && h.frameLength == frameLength
                    && h.stripped == stripped && Arrays.equals(h.header, header);
        }

        @Override
        public int hashCode() {
            return Objects.hash(headerProtocol, frameLength, stripped) * 31 + Arrays.hashCode(header);
        }

        @Override
        public String toString() {
            return "RawPacketHeader[protocol=" + headerProtocol + ", frameLength=" + frameLength + ", stripped=" + stripped
                    + ", header=" + HexFormat.of().formatHex(header) + "]";
        }
    }

    /**
     * 0:2, the sampled packet's Ethernet frame data.
     *
     * <pre>{@code
     * new FlowData.EthernetFrame(1518, 0x0016_3cc2_a9abL, 0x00d0_01ff_5800L, 0x0800);
     * }</pre>
     *
     * @param length the frame length (without the FCS? as the agent sends it)
     * @param sourceMac the source MAC in the low 48 bits
     * @param destinationMac the destination MAC in the low 48 bits
     * @param type the Ethernet type
     */
    record EthernetFrame(long length, long sourceMac, long destinationMac, long type) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and MAC addresses fit 48 bits.
         *
         * @param length the frame length (without the FCS? as the agent sends it)
         * @param sourceMac the source MAC in the low 48 bits
         * @param destinationMac the destination MAC in the low 48 bits
         * @param type the Ethernet type
         */
        public EthernetFrame {
            Checks.u32(length, "length");
            Checks.range(sourceMac, 0, 0xFFFF_FFFF_FFFFL, "sourceMac");
            Checks.range(destinationMac, 0, 0xFFFF_FFFF_FFFFL, "destinationMac");
            Checks.u32(type, "type");
        }
    }

    /**
     * 0:3, the sampled packet's IPv4 data.
     *
     * <pre>{@code
     * new FlowData.Ipv4Data(1390, 17, src, dst, 46622, 58631, 0, 0);
     * }</pre>
     *
     * @param length the IP packet length
     * @param protocol the IP protocol
     * @param source the source address
     * @param destination the destination address
     * @param sourcePort the source port (TCP/UDP), else 0
     * @param destinationPort the destination port, else 0
     * @param tcpFlags the TCP flags
     * @param tos the IPv4 type of service
     */
    record Ipv4Data(long length, long protocol, java.net.Inet4Address source, java.net.Inet4Address destination,
            long sourcePort, long destinationPort, long tcpFlags, long tos) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and both addresses are given.
         *
         * @param length the IP packet length
         * @param protocol the IP protocol
         * @param source the source address
         * @param destination the destination address
         * @param sourcePort the source port (TCP/UDP), else 0
         * @param destinationPort the destination port, else 0
         * @param tcpFlags the TCP flags
         * @param tos the IPv4 type of service
         */
        public Ipv4Data {
            Checks.ipData(length, protocol, source, destination, sourcePort, destinationPort, tcpFlags, tos, "tos");
        }
    }

    /**
     * 0:4, the sampled packet's IPv6 data.
     *
     * <pre>{@code
     * new FlowData.Ipv6Data(1460, 6, src6, dst6, 443, 50000, 0x18, 0);
     * }</pre>
     *
     * <p>The fields are those of {@link FlowData.Ipv4Data}, but for the IPv6 addresses, the length (of the IP payload),
     * the protocol (the IP next header) and the priority in the place of the TOS.
     *
     * @param priority the IPv6 priority / traffic class
     * @param length the IP payload length in bytes
     * @param protocol the next header, 0 to 255 (6 TCP, 17 UDP, 58 ICMPv6)
     * @param source the source address
     * @param destination the destination address
     * @param sourcePort the TCP/UDP source port, 0 to 65535 (0 for other protocols)
     * @param destinationPort the TCP/UDP destination port, 0 to 65535
     * @param tcpFlags the TCP flags, 0 to 255 (0 for other protocols)
     */
    record Ipv6Data(long length, long protocol, java.net.Inet6Address source, java.net.Inet6Address destination,
            long sourcePort, long destinationPort, long tcpFlags, long priority) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and both addresses are given.
         *
         * @param priority the IPv6 priority / traffic class
         * @param length the IP payload length in bytes
         * @param protocol the next header, 0 to 255 (6 TCP, 17 UDP, 58 ICMPv6)
         * @param source the source address
         * @param destination the destination address
         * @param sourcePort the TCP/UDP source port, 0 to 65535 (0 for other protocols)
         * @param destinationPort the TCP/UDP destination port, 0 to 65535
         * @param tcpFlags the TCP flags, 0 to 255 (0 for other protocols)
         */
        public Ipv6Data {
            Checks.ipData(length, protocol, source, destination, sourcePort, destinationPort, tcpFlags, priority, "priority");
        }
    }
}
