package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One flow record of a {@link FlowSample}: the sampled header, sampled Ethernet/IPv4/IPv6 data, the
 * standard extended records, a record of a registered enterprise format ({@link Extension}) or any other
 * record kept as its bytes ({@link Unknown}).
 *
 * <p>Addresses in records are {@code null} where the agent sent address type 0 (unknown). IPv6 addresses
 * are always {@link java.net.Inet6Address}es (an IPv4-mapped IPv6 address stays IPv6). Unsigned 32-bit
 * values are held in {@code long}s.
 *
 * <pre>{@code
 * for (FlowData d : flowSample.records()) {
 *     if (d instanceof FlowData.RawPacketHeader h) {
 *         SampledHeaderView parsed = h.parse();
 *         if (parsed.hasPorts()) ports.add(parsed.sourcePort(), parsed.destinationPort());
 *     } else if (d instanceof FlowData.ExtendedSwitch sw) {
 *         vlans.add(sw.sourceVlan());
 *     }
 * }
 * }</pre>
 */
public sealed interface FlowData {

    /** The enterprise of the record's data format. */
    long enterprise();

    /** The format of the record's data format. */
    int format();

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
    record RawPacketHeader(long headerProtocol, long frameLength, long stripped, byte[] header) implements FlowData {
        public RawPacketHeader {
            Checks.u32(headerProtocol, "headerProtocol");
            Checks.u32(frameLength, "frameLength");
            Checks.u32(stripped, "stripped");
            header = header.clone();
        }

        /** A copy of the header bytes. */
        @Override
        public byte[] header() {
            return header.clone();
        }

        /** The header's length in bytes. */
        public int headerLength() {
            return header.length;
        }

        /** Writes the header bytes at the buffer's position (advancing it), without copying them first. */
        public void writeHeader(ByteBuffer dst) {
            dst.put(header);
        }

        /** The header parsed: Ethernet, VLAN tags, MPLS, IPv4/IPv6 and the transport header, as far as they are present. */
        public SampledHeaderView parse() {
            SampledHeaderView v = new SampledHeaderView();
            v.parse(ByteBuffer.wrap(header), 0, header.length, (int) headerProtocol);
            return v;
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_RAW_HEADER;
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
    record EthernetFrame(long length, long sourceMac, long destinationMac, long type) implements FlowData {
        public EthernetFrame {
            Checks.u32(length, "length");
            Checks.range(sourceMac, 0, 0xFFFF_FFFF_FFFFL, "sourceMac");
            Checks.range(destinationMac, 0, 0xFFFF_FFFF_FFFFL, "destinationMac");
            Checks.u32(type, "type");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_ETHERNET;
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
            long sourcePort, long destinationPort, long tcpFlags, long tos) implements FlowData {
        public Ipv4Data {
            Checks.u32(length, "length");
            Checks.u32(protocol, "protocol");
            Checks.notNull(source, "source");
            Checks.notNull(destination, "destination");
            Checks.u32(sourcePort, "sourcePort");
            Checks.u32(destinationPort, "destinationPort");
            Checks.u32(tcpFlags, "tcpFlags");
            Checks.u32(tos, "tos");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_IPV4;
        }
    }

    /**
     * 0:4, the sampled packet's IPv6 data.
     *
     * <pre>{@code
     * new FlowData.Ipv6Data(1460, 6, src6, dst6, 443, 50000, 0x18, 0);
     * }</pre>
     *
     * @param length the IP payload length
     * @param protocol the IP next header
     * @param source the source address
     * @param destination the destination address
     * @param sourcePort the source port (TCP/UDP), else 0
     * @param destinationPort the destination port, else 0
     * @param tcpFlags the TCP flags
     * @param priority the IPv6 priority / traffic class
     */
    record Ipv6Data(long length, long protocol, java.net.Inet6Address source, java.net.Inet6Address destination,
            long sourcePort, long destinationPort, long tcpFlags, long priority) implements FlowData {
        public Ipv6Data {
            Checks.u32(length, "length");
            Checks.u32(protocol, "protocol");
            Checks.notNull(source, "source");
            Checks.notNull(destination, "destination");
            Checks.u32(sourcePort, "sourcePort");
            Checks.u32(destinationPort, "destinationPort");
            Checks.u32(tcpFlags, "tcpFlags");
            Checks.u32(priority, "priority");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_IPV6;
        }
    }

    /**
     * 0:1001, extended switch: the 802.1Q VLAN and priority in and out.
     *
     * <pre>{@code
     * new FlowData.ExtendedSwitch(100, 0, 200, 0);
     * }</pre>
     */
    record ExtendedSwitch(long sourceVlan, long sourcePriority, long destinationVlan, long destinationPriority) implements FlowData {
        public ExtendedSwitch {
            Checks.u32(sourceVlan, "sourceVlan");
            Checks.u32(sourcePriority, "sourcePriority");
            Checks.u32(destinationVlan, "destinationVlan");
            Checks.u32(destinationPriority, "destinationPriority");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_SWITCH;
        }
    }

    /**
     * 0:1002, extended router: the next hop and the source and destination prefix lengths.
     *
     * <pre>{@code
     * new FlowData.ExtendedRouter(InetAddress.getByName("192.0.2.254"), 24, 16);
     * }</pre>
     *
     * @param nextHop the next hop, or null when its address type is unknown
     */
    record ExtendedRouter(InetAddress nextHop, long sourceMaskLength, long destinationMaskLength) implements FlowData {
        public ExtendedRouter {
            Checks.u32(sourceMaskLength, "sourceMaskLength");
            Checks.u32(destinationMaskLength, "destinationMaskLength");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_ROUTER;
        }
    }

    /**
     * One segment of a BGP AS path.
     *
     * <pre>{@code
     * new FlowData.AsPathSegment(FlowData.AsPathSegment.AS_SEQUENCE, List.of(64500L, 64501L));
     * }</pre>
     *
     * @param type {@link #AS_SET} (1) or {@link #AS_SEQUENCE} (2), as sent
     * @param asNumbers the AS numbers
     */
    record AsPathSegment(long type, List<Long> asNumbers) {
        /** An unordered set of ASes. */
        public static final long AS_SET = 1;
        /** An ordered sequence of ASes. */
        public static final long AS_SEQUENCE = 2;

        public AsPathSegment {
            Checks.u32(type, "type");
            asNumbers = List.copyOf(asNumbers);
            for (Long as : asNumbers) {
                Checks.u32(as, "AS number");
            }
        }
    }

    /**
     * 0:1003, extended gateway: BGP next hop, ASes, AS path, communities and local preference.
     *
     * <pre>{@code
     * var g = new FlowData.ExtendedGateway(nextHop, 64496, 64497, 64498,
     *         List.of(new FlowData.AsPathSegment(FlowData.AsPathSegment.AS_SEQUENCE, List.of(64498L, 64499L))),
     *         List.of(0xFDE8_0001L), 100);
     * g.lastDestinationAs();   // 64499
     * }</pre>
     *
     * @param nextHop the BGP next hop, or null when its address type is unknown
     * @param as the router's own AS
     * @param sourceAs the source's AS
     * @param sourcePeerAs the source peer's AS
     * @param path the AS path to the destination
     * @param communities the BGP communities
     * @param localPreference the local preference
     */
    record ExtendedGateway(InetAddress nextHop, long as, long sourceAs, long sourcePeerAs, List<AsPathSegment> path,
            List<Long> communities, long localPreference) implements FlowData {
        public ExtendedGateway {
            Checks.u32(as, "as");
            Checks.u32(sourceAs, "sourceAs");
            Checks.u32(sourcePeerAs, "sourcePeerAs");
            path = List.copyOf(path);
            communities = List.copyOf(communities);
            for (Long c : communities) {
                Checks.u32(c, "community");
            }
            Checks.u32(localPreference, "localPreference");
        }

        /** The last AS of the path (the destination's AS, as tshark and most collectors report it), or 0 for an empty path. */
        public long lastDestinationAs() {
            for (int i = path.size() - 1; i >= 0; i--) {
                List<Long> a = path.get(i).asNumbers();
                if (!a.isEmpty()) {
                    return a.get(a.size() - 1);
                }
            }
            return 0;
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_GATEWAY;
        }
    }

    /**
     * 0:1004, extended user: the source and destination user names and their character sets (IANA MIBenum).
     *
     * <pre>{@code
     * new FlowData.ExtendedUser(106, "alice", 106, "bob");   // 106 = UTF-8
     * }</pre>
     */
    record ExtendedUser(long sourceCharset, String sourceUser, long destinationCharset, String destinationUser) implements FlowData {
        public ExtendedUser {
            Checks.u32(sourceCharset, "sourceCharset");
            Checks.notNull(sourceUser, "sourceUser");
            Checks.u32(destinationCharset, "destinationCharset");
            Checks.notNull(destinationUser, "destinationUser");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_USER;
        }
    }

    /**
     * 0:1005, extended URL.
     *
     * <pre>{@code
     * new FlowData.ExtendedUrl(1, "/index.html", "example.com");   // 1 = source address is the server
     * }</pre>
     */
    record ExtendedUrl(long direction, String url, String host) implements FlowData {
        public ExtendedUrl {
            Checks.u32(direction, "direction");
            Checks.notNull(url, "url");
            Checks.notNull(host, "host");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_URL;
        }
    }

    /**
     * 0:1006, extended MPLS: next hop and the label stacks in and out (each entry a 32-bit label stack entry).
     *
     * <pre>{@code
     * new FlowData.ExtendedMpls(nextHop, List.of(0x0001_0140L), List.of());
     * }</pre>
     */
    record ExtendedMpls(InetAddress nextHop, List<Long> inLabels, List<Long> outLabels) implements FlowData {
        public ExtendedMpls {
            inLabels = List.copyOf(inLabels);
            outLabels = List.copyOf(outLabels);
            inLabels.forEach(l -> Checks.u32(l, "label"));
            outLabels.forEach(l -> Checks.u32(l, "label"));
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_MPLS;
        }
    }

    /**
     * 0:1007, extended NAT: the source and destination addresses after translation.
     *
     * <pre>{@code
     * new FlowData.ExtendedNat(InetAddress.getByName("198.51.100.7"), InetAddress.getByName("203.0.113.9"));
     * }</pre>
     */
    record ExtendedNat(InetAddress source, InetAddress destination) implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_NAT;
        }
    }

    /**
     * 0:1008, extended MPLS tunnel.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsTunnel("lsp-a", 7, 0);
     * }</pre>
     */
    record ExtendedMplsTunnel(String name, long tunnelId, long tunnelCos) implements FlowData {
        public ExtendedMplsTunnel {
            Checks.notNull(name, "name");
            Checks.u32(tunnelId, "tunnelId");
            Checks.u32(tunnelCos, "tunnelCos");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_MPLS_TUNNEL;
        }
    }

    /**
     * 0:1009, extended MPLS virtual circuit.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsVc("vc-1", 100, 0);
     * }</pre>
     */
    record ExtendedMplsVc(String instanceName, long vcId, long vcLabelCos) implements FlowData {
        public ExtendedMplsVc {
            Checks.notNull(instanceName, "instanceName");
            Checks.u32(vcId, "vcId");
            Checks.u32(vcLabelCos, "vcLabelCos");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_MPLS_VC;
        }
    }

    /**
     * 0:1010, extended MPLS FEC-to-NHLFE.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsFtn("ftn", 24);
     * }</pre>
     */
    record ExtendedMplsFtn(String description, long mask) implements FlowData {
        public ExtendedMplsFtn {
            Checks.notNull(description, "description");
            Checks.u32(mask, "mask");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_MPLS_FTN;
        }
    }

    /**
     * 0:1011, extended MPLS LDP FEC.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsLdpFec(24);
     * }</pre>
     */
    record ExtendedMplsLdpFec(long prefixLength) implements FlowData {
        public ExtendedMplsLdpFec {
            Checks.u32(prefixLength, "prefixLength");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_MPLS_LDP_FEC;
        }
    }

    /**
     * 0:1012, extended VLAN tunnel: the 802.1Q tag stack (TPID and TCI per 32-bit entry), outermost first.
     *
     * <pre>{@code
     * new FlowData.ExtendedVlanTunnel(List.of(0x8100_0064L));
     * }</pre>
     */
    record ExtendedVlanTunnel(List<Long> stack) implements FlowData {
        public ExtendedVlanTunnel {
            stack = List.copyOf(stack);
            stack.forEach(l -> Checks.u32(l, "stack entry"));
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_VLAN_TUNNEL;
        }
    }

    /**
     * 0:1021 / 0:1022, extended L2 tunnel egress / ingress: the Ethernet header outside (egress: added,
     * ingress: removed) the sampled packet, in the form of an Ethernet frame record.
     *
     * <pre>{@code
     * new FlowData.TunnelEthernet(false, new FlowData.EthernetFrame(1550, srcMac, dstMac, 0x0800));
     * }</pre>
     *
     * @param ingress true for 1022 (ingress), false for 1021 (egress)
     */
    record TunnelEthernet(boolean ingress, EthernetFrame frame) implements FlowData {
        public TunnelEthernet {
            Checks.notNull(frame, "frame");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return ingress ? Sflow.FLOW_TUNNEL_L2_INGRESS : Sflow.FLOW_TUNNEL_L2_EGRESS;
        }
    }

    /**
     * 0:1023 / 0:1024, extended IPv4 tunnel egress / ingress: the outer IPv4 header, in the form of an IPv4
     * data record.
     *
     * <pre>{@code
     * new FlowData.TunnelIpv4(true, new FlowData.Ipv4Data(1550, 17, vtepA, vtepB, 49152, 4789, 0, 0));
     * }</pre>
     */
    record TunnelIpv4(boolean ingress, Ipv4Data header) implements FlowData {
        public TunnelIpv4 {
            Checks.notNull(header, "header");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return ingress ? Sflow.FLOW_TUNNEL_IPV4_INGRESS : Sflow.FLOW_TUNNEL_IPV4_EGRESS;
        }
    }

    /**
     * 0:1025 / 0:1026, extended IPv6 tunnel egress / ingress: the outer IPv6 header, in the form of an IPv6
     * data record.
     *
     * <pre>{@code
     * new FlowData.TunnelIpv6(false, new FlowData.Ipv6Data(1550, 17, vtepA6, vtepB6, 49152, 4789, 0, 0));
     * }</pre>
     */
    record TunnelIpv6(boolean ingress, Ipv6Data header) implements FlowData {
        public TunnelIpv6 {
            Checks.notNull(header, "header");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return ingress ? Sflow.FLOW_TUNNEL_IPV6_INGRESS : Sflow.FLOW_TUNNEL_IPV6_EGRESS;
        }
    }

    /**
     * 0:1027 / 0:1028, extended decapsulate egress / ingress: where the inner header starts in the sampled header.
     *
     * <pre>{@code
     * new FlowData.TunnelDecapsulation(true, 50);
     * }</pre>
     */
    record TunnelDecapsulation(boolean ingress, long innerHeaderOffset) implements FlowData {
        public TunnelDecapsulation {
            Checks.u32(innerHeaderOffset, "innerHeaderOffset");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return ingress ? Sflow.FLOW_DECAPSULATE_INGRESS : Sflow.FLOW_DECAPSULATE_EGRESS;
        }
    }

    /**
     * 0:1029 / 0:1030, extended VNI egress / ingress: the VXLAN / Geneve virtual network identifier.
     *
     * <pre>{@code
     * new FlowData.TunnelVni(true, 10_042);
     * }</pre>
     */
    record TunnelVni(boolean ingress, long vni) implements FlowData {
        public TunnelVni {
            Checks.u32(vni, "vni");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return ingress ? Sflow.FLOW_VNI_INGRESS : Sflow.FLOW_VNI_EGRESS;
        }
    }

    /**
     * 0:2100 / 0:2101, extended socket (Host sFlow): the local and remote ends of the socket the packet belongs to.
     * IPv4 addresses make a 0:2100 record, IPv6 addresses a 0:2101 record.
     *
     * <pre>{@code
     * new FlowData.ExtendedSocket(6, local, remote, 443, 50123);
     * }</pre>
     */
    record ExtendedSocket(long protocol, InetAddress localAddress, InetAddress remoteAddress, long localPort, long remotePort)
            implements FlowData {
        public ExtendedSocket {
            Checks.u32(protocol, "protocol");
            Checks.notNull(localAddress, "localAddress");
            Checks.notNull(remoteAddress, "remoteAddress");
            if (localAddress.getAddress().length != remoteAddress.getAddress().length) {
                throw new IllegalArgumentException("local and remote addresses of a socket are of one family");
            }
            Checks.u32(localPort, "localPort");
            Checks.u32(remotePort, "remotePort");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return localAddress.getAddress().length == 4 ? Sflow.FLOW_EXTENDED_SOCKET_IPV4 : Sflow.FLOW_EXTENDED_SOCKET_IPV6;
        }
    }

    /**
     * A record of an enterprise format registered with {@link SflowExtensions}: its decoded value.
     *
     * <pre>{@code
     * if (d instanceof FlowData.Extension e && e.value() instanceof PmacctTag tag) { ... }
     * }</pre>
     *
     * @param value what the registered {@link SflowExtension} decoded; encoded by the same extension
     */
    record Extension(long enterprise, int format, Object value) implements FlowData {
        public Extension {
            Sflow.dataFormat(enterprise, format);
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A record the decoder does not know (an enterprise format, a newer standard one, or a known one whose
     * content did not parse in lenient mode), kept as its bytes and re-encoded byte for byte.
     *
     * <pre>{@code
     * new FlowData.Unknown(8800, 1, new byte[] {0, 0, 0, 0, 0, 0, 0, 42});
     * }</pre>
     *
     * @param data the record data, without XDR padding
     */
    record Unknown(long enterprise, int format, byte[] data) implements FlowData {
        public Unknown {
            Sflow.dataFormat(enterprise, format);
            data = data.clone();
        }

        /** A copy of the record data. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The data's length. */
        public int length() {
            return data.length;
        }

        /** Writes the data at the buffer's position (advancing it), without copying it first. */
        public void writeData(ByteBuffer dst) {
            dst.put(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.enterprise == enterprise && u.format == format && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(enterprise) * 31 + format) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "FlowData.Unknown[" + enterprise + ":" + format + ", " + HexFormat.of().formatHex(data) + "]";
        }
    }
}
