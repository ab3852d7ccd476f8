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
     * 0:1013, extended 802.11 payload (sflow_80211.txt): the cipher suite the frame was encrypted with and its
     * header after decryption, in the form of a sampled header record.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Payload(0x000F_AC04L, new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1500, 0, first128));
     * }</pre>
     *
     * @param cipherSuite the 802.11i cipher suite selector (OUI in the top three bytes, suite type in the last)
     * @param header the decrypted header
     */
    record Ieee80211Payload(long cipherSuite, RawPacketHeader header) implements FlowData {
        public Ieee80211Payload {
            Checks.u32(cipherSuite, "cipherSuite");
            Checks.notNull(header, "header");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_IEEE80211_PAYLOAD;
        }
    }

    /**
     * 0:1014, extended 802.11 rx (sflow_80211.txt): how the sampled frame was received.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Rx("office", 0x0016_3cc2_a9abL, 4, 36, 300_000_000L, 30, 120, 85);
     * }</pre>
     *
     * @param ssid the SSID
     * @param bssid the BSSID in the low 48 bits
     * @param version the 802.11 version (1 = a, 2 = b, 3 = g, 4 = n)
     * @param channel the channel number
     * @param speed the speed in bits per second
     * @param rsni the received signal to noise ratio (IEEE 802.11-2007 RSNI)
     * @param rcpi the received channel power indicator
     * @param packetDurationMicros the time the frame occupied the medium, in microseconds
     */
    record Ieee80211Rx(String ssid, long bssid, long version, long channel, long speed, long rsni, long rcpi,
            long packetDurationMicros) implements FlowData {
        public Ieee80211Rx {
            Checks.notNull(ssid, "ssid");
            Checks.range(bssid, 0, 0xFFFF_FFFF_FFFFL, "bssid");
            Checks.u32(version, "version");
            Checks.u32(channel, "channel");
            Checks.u32(rsni, "rsni");
            Checks.u32(rcpi, "rcpi");
            Checks.u32(packetDurationMicros, "packetDurationMicros");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_IEEE80211_RX;
        }
    }

    /**
     * 0:1015, extended 802.11 tx (sflow_80211.txt): how the sampled frame was transmitted.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Tx("office", 0x0016_3cc2_a9abL, 4, 1, 85, 0, 36, 300_000_000L, 50);
     * }</pre>
     *
     * @param ssid the SSID
     * @param bssid the BSSID in the low 48 bits
     * @param version the 802.11 version (1 = a, 2 = b, 3 = g, 4 = n)
     * @param transmissions 0 unknown, 1 sent at the first attempt, n: n - 1 retransmissions
     * @param packetDurationMicros the time the successful transmission occupied the medium, in microseconds
     * @param retransmissionDurationMicros the time failed attempts occupied the medium, in microseconds
     * @param channel the channel number
     * @param speed the speed in bits per second
     * @param powerMilliwatts the transmit power in mW
     */
    record Ieee80211Tx(String ssid, long bssid, long version, long transmissions, long packetDurationMicros,
            long retransmissionDurationMicros, long channel, long speed, long powerMilliwatts) implements FlowData {
        public Ieee80211Tx {
            Checks.notNull(ssid, "ssid");
            Checks.range(bssid, 0, 0xFFFF_FFFF_FFFFL, "bssid");
            Checks.u32(version, "version");
            Checks.u32(transmissions, "transmissions");
            Checks.u32(packetDurationMicros, "packetDurationMicros");
            Checks.u32(retransmissionDurationMicros, "retransmissionDurationMicros");
            Checks.u32(channel, "channel");
            Checks.u32(powerMilliwatts, "powerMilliwatts");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_IEEE80211_TX;
        }
    }

    /**
     * 0:1016, extended 802.11 aggregation (sflow_80211.txt): the PDUs of an aggregated frame, each described by
     * its own flow records (typically a sampled header each). Aggregations nest at most
     * {@link Sflow#MAX_AGGREGATION_DEPTH} deep (counting this one): deeper ones are refused here and by the decoder.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Aggregation(List.of(
     *         List.of(new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1500, 0, pdu1)),
     *         List.of(new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 600, 0, pdu2))));
     * }</pre>
     *
     * @param pdus the flow records of each PDU, in order
     */
    record Ieee80211Aggregation(List<List<FlowData>> pdus) implements FlowData {
        public Ieee80211Aggregation {
            pdus = pdus.stream().map(List::copyOf).toList();
            if (depth(pdus) > Sflow.MAX_AGGREGATION_DEPTH) {
                throw new IllegalArgumentException("802.11 aggregations nest at most " + Sflow.MAX_AGGREGATION_DEPTH + " deep");
            }
        }

        /** How deep aggregations nest in these PDUs, counting this one (1 when none is inside). */
        private static int depth(List<List<FlowData>> pdus) {
            int inner = 0;
            for (List<FlowData> pdu : pdus) {
                for (FlowData d : pdu) {
                    if (d instanceof Ieee80211Aggregation a) {
                        inner = Math.max(inner, depth(a.pdus()));
                    }
                }
            }
            return 1 + inner;
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_IEEE80211_AGGREGATION;
        }
    }

    /**
     * 0:1020, extended NAT port: the source and destination ports after translation (the addresses go in 0:1007).
     *
     * <pre>{@code
     * new FlowData.ExtendedNatPort(61000, 443);
     * }</pre>
     */
    record ExtendedNatPort(long sourcePort, long destinationPort) implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_NAT_PORT;
        }
    }

    /**
     * 0:1036, extended egress queue (sflow_drops.txt): the egress queue the packet was (to be) put on.
     *
     * <pre>{@code
     * new FlowData.EgressQueue(3);
     * }</pre>
     */
    record EgressQueue(long queue) implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EGRESS_QUEUE;
        }
    }

    /**
     * 0:1038, extended function (sflow_drops.txt): the symbol of the (kernel) function that dropped the packet.
     *
     * <pre>{@code
     * new FlowData.DropFunction("__udp4_lib_rcv+0xbed/0xd90");
     * }</pre>
     */
    record DropFunction(String symbol) implements FlowData {
        public DropFunction {
            Checks.notNull(symbol, "symbol");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_FUNCTION;
        }
    }

    /**
     * 0:1039, extended transit delay (sflow_transit.txt): the time the packet spent in the device, in nanoseconds.
     *
     * <pre>{@code
     * new FlowData.TransitDelay(4_200);
     * }</pre>
     */
    record TransitDelay(long delayNanos) implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_TRANSIT;
        }
    }

    /**
     * 0:1040, extended queue depth (sflow_transit.txt): the bytes queued ahead of the packet on its egress queue.
     *
     * <pre>{@code
     * new FlowData.QueueDepth(96_000);
     * }</pre>
     */
    record QueueDepth(long depthBytes) implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_QUEUE_DEPTH;
        }
    }

    /**
     * 0:1041, extended hardware trap (sflow_drops.txt): the trap group and trap (devlink names) that dropped the packet.
     *
     * <pre>{@code
     * new FlowData.HardwareTrap("l2_drops", "ingress_vlan_filter");
     * }</pre>
     */
    record HardwareTrap(String group, String trap) implements FlowData {
        public HardwareTrap {
            Checks.notNull(group, "group");
            Checks.notNull(trap, "trap");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_HW_TRAP;
        }
    }

    /**
     * 0:1042, extended Linux drop reason (sflow_drops.txt): the kernel's {@code skb_drop_reason} name.
     *
     * <pre>{@code
     * new FlowData.LinuxDropReason("NO_SOCKET");
     * }</pre>
     */
    record LinuxDropReason(String reason) implements FlowData {
        public LinuxDropReason {
            Checks.notNull(reason, "reason");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_LINUX_DROP_REASON;
        }
    }

    /**
     * 0:2102 / 0:2103, extended proxy socket (Host sFlow): the back-end socket a proxy opened for the sampled
     * transaction. IPv4 addresses make a 0:2102 record, IPv6 addresses a 0:2103 record.
     *
     * <pre>{@code
     * new FlowData.ExtendedProxySocket(6, local, backend, 41000, 8080);
     * }</pre>
     */
    record ExtendedProxySocket(long protocol, InetAddress localAddress, InetAddress remoteAddress, long localPort,
            long remotePort) implements FlowData {
        public ExtendedProxySocket {
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
            return localAddress.getAddress().length == 4 ? Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV4
                    : Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV6;
        }
    }

    /**
     * 0:2200, a memcache operation (sflow_memcache.txt).
     *
     * <pre>{@code
     * new FlowData.Memcache(1, 7, "session:42", 1, 512, 180, 1);   // ASCII GET, OK
     * }</pre>
     *
     * @param protocol 0 other, 1 ASCII, 2 binary
     * @param command the command (1 set ... 7 get ...)
     * @param key the key
     * @param keys the number of keys
     * @param valueBytes the size of the value
     * @param durationMicros the duration in microseconds
     * @param status the status (1 OK ...)
     */
    record Memcache(long protocol, long command, String key, long keys, long valueBytes, long durationMicros, long status)
            implements FlowData {
        public Memcache {
            Checks.notNull(key, "key");
            long[] v = {protocol, command, keys, valueBytes, durationMicros, status};
            for (long x : v) {
                Checks.u32(x, "memcache field");
            }
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_MEMCACHE;
        }
    }

    /**
     * 0:2201 / 0:2206, an HTTP request (sflow_http.txt). The first version (0:2201, {@code extended} false) has
     * no X-Forwarded-For and no request bytes: they must be {@code ""} and 0.
     *
     * <pre>{@code
     * new FlowData.HttpRequest(true, 2, 1001, "/index.html", "example.com", "", "curl/8", "10.0.0.9", "", "text/html",
     *         0, 5120, 850, 200);
     * }</pre>
     *
     * @param extended true for 0:2206, false for 0:2201
     * @param method the method (1 OPTIONS, 2 GET, 3 HEAD, 4 POST ...)
     * @param protocol the HTTP version times 1000 plus the minor (1001 for 1.1)
     * @param durationMicros the duration in microseconds
     * @param status the HTTP status code
     */
    record HttpRequest(boolean extended, long method, long protocol, String uri, String host, String referrer, String userAgent,
            String xForwardedFor, String authUser, String mimeType, long requestBytes, long responseBytes,
            long durationMicros, long status) implements FlowData {
        public HttpRequest {
            Checks.u32(method, "method");
            Checks.u32(protocol, "protocol");
            Checks.notNull(uri, "uri");
            Checks.notNull(host, "host");
            Checks.notNull(referrer, "referrer");
            Checks.notNull(userAgent, "userAgent");
            Checks.notNull(xForwardedFor, "xForwardedFor");
            Checks.notNull(authUser, "authUser");
            Checks.notNull(mimeType, "mimeType");
            Checks.u32(durationMicros, "durationMicros");
            Checks.u32(status, "status");
            if (!extended && (!xForwardedFor.isEmpty() || requestBytes != 0)) {
                throw new IllegalArgumentException("a 0:2201 HTTP record has no X-Forwarded-For and no request bytes");
            }
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return extended ? Sflow.FLOW_HTTP2 : Sflow.FLOW_HTTP;
        }
    }

    /**
     * 0:2202, an application operation (sflow_application.txt).
     *
     * <pre>{@code
     * new FlowData.AppOperation("payments", "authorize", "card=visa", "", 310, 120, 4_500, 0);   // SUCCESS
     * }</pre>
     *
     * @param status 0 SUCCESS, 1 OTHER, 2 TIMEOUT, 3 INTERNAL_ERROR ... 10 UNAUTHORIZED
     */
    record AppOperation(String application, String operation, String attributes, String statusDescription,
            long requestBytes, long responseBytes, long durationMicros, long status) implements FlowData {
        public AppOperation {
            Checks.notNull(application, "application");
            Checks.notNull(operation, "operation");
            Checks.notNull(attributes, "attributes");
            Checks.notNull(statusDescription, "statusDescription");
            Checks.u32(durationMicros, "durationMicros");
            Checks.u32(status, "status");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_APP_OPERATION;
        }
    }

    /**
     * 0:2203, the application context enclosing an operation (sflow_application.txt).
     *
     * <pre>{@code
     * new FlowData.AppContext("payments", "checkout", "shop=eu");
     * }</pre>
     */
    record AppContext(String application, String operation, String attributes) implements FlowData {
        public AppContext {
            Checks.notNull(application, "application");
            Checks.notNull(operation, "operation");
            Checks.notNull(attributes, "attributes");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_APP_CONTEXT;
        }
    }

    /**
     * 0:2204 / 0:2205, an application actor (sflow_application.txt): the initiator or the target of an operation.
     *
     * <pre>{@code
     * new FlowData.AppActor(false, "customer-17");   // 0:2204, initiator
     * }</pre>
     *
     * @param target true for 0:2205 (target), false for 0:2204 (initiator)
     */
    record AppActor(boolean target, String actor) implements FlowData {
        public AppActor {
            Checks.notNull(actor, "actor");
        }

        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return target ? Sflow.FLOW_APP_ACTOR_TARGET : Sflow.FLOW_APP_ACTOR_INITIATOR;
        }
    }

    /**
     * 0:2209, extended TCP info (Host sFlow): the socket's TCP state when the packet was sampled (Linux
     * {@code struct tcp_info}).
     *
     * <pre>{@code
     * t.rttMicros();
     * }</pre>
     *
     * @param direction 0 unknown, 1 received, 2 sent
     */
    record ExtendedTcpInfo(long direction, long sendMss, long receiveMss, long unacked, long lost, long retransmitted,
            long pathMtu, long rttMicros, long rttVarianceMicros, long sendCongestionWindow, long reordering,
            long minRttMicros) implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_TCP_INFO;
        }
    }

    /**
     * 0:2210, extended entities (Host sFlow): the data sources (class and index) the packet came from and went to.
     *
     * <pre>{@code
     * new FlowData.ExtendedEntities(3, 17, 0, 2);
     * }</pre>
     */
    record ExtendedEntities(long sourceDsClass, long sourceDsIndex, long destinationDsClass, long destinationDsIndex)
            implements FlowData {
        @Override
        public long enterprise() {
            return 0;
        }

        @Override
        public int format() {
            return Sflow.FLOW_EXTENDED_ENTITIES;
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
