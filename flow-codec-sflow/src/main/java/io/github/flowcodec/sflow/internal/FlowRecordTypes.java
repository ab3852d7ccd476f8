package io.github.flowcodec.sflow.internal;

import static io.github.flowcodec.sflow.internal.RecordType.fixedFlow;
import static io.github.flowcodec.sflow.internal.RecordType.flow;
import static io.github.flowcodec.sflow.internal.RecordType.fours;

import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.Sflow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard flow record structures of sFlow v5 and its extensions, one {@link RecordType} each: the
 * sampled packet records and the forwarding, MPLS and tunnel records here, the 802.11, drop, host and
 * application records in {@link ServiceFlowRecordTypes}.
 *
 * <pre>{@code
 * Map<Class<?>, List<Integer>> formats = new HashMap<>();
 * for (RecordType<? extends FlowData> t : FlowRecordTypes.ALL) {
 *     formats.put(t.type(), t.formats());
 * }
 * }</pre>
 */
public final class FlowRecordTypes {

    private FlowRecordTypes() {
    }

    /** 0:1, the sampled header. */
    public static final RecordType<FlowData.RawPacketHeader> RAW_PACKET_HEADER = flow(FlowData.RawPacketHeader.class,
            (in, f, x, d) -> rawHeader(in, "the sampled header"), (out, h, x) -> writeRawHeader(out, h),
            (h, x) -> rawHeaderLength(h), Sflow.FLOW_RAW_HEADER);

    /** 0:1001, extended switch (fixed: written straight by the codec as the most common extended record). */
    public static final RecordType<FlowData.ExtendedSwitch> EXTENDED_SWITCH =
            fixedFlow(FlowData.ExtendedSwitch.class, Sflow.FLOW_EXTENDED_SWITCH, fours(4));

    /** The sampled packet, forwarding, MPLS and tunnel records. */
    static final List<RecordType<? extends FlowData>> PACKET = List.of(
            RAW_PACKET_HEADER,
            flow(FlowData.EthernetFrame.class, (in, f, x, d) -> ethernet(in), (out, e, x) -> write(out, e), (e, x) -> 24,
                    Sflow.FLOW_ETHERNET),
            flow(FlowData.Ipv4Data.class, (in, f, x, d) -> ipv4(in), (out, v, x) -> write(out, v), (v, x) -> 32, Sflow.FLOW_IPV4),
            flow(FlowData.Ipv6Data.class, (in, f, x, d) -> ipv6(in), (out, v, x) -> write(out, v), (v, x) -> 56, Sflow.FLOW_IPV6),
            EXTENDED_SWITCH,
            flow(FlowData.ExtendedRouter.class,
                    (in, f, x, d) -> new FlowData.ExtendedRouter(in.address("the next hop"), in.u32(), in.u32()),
                    (out, r, x) -> {
                        XdrOut.address(out, r.nextHop());
                        out.putInt((int) r.sourceMaskLength()).putInt((int) r.destinationMaskLength());
                    },
                    (r, x) -> XdrOut.addressLength(r.nextHop()) + 8, Sflow.FLOW_EXTENDED_ROUTER),
            flow(FlowData.ExtendedGateway.class, (in, f, x, d) -> gateway(in), (out, g, x) -> write(out, g),
                    (g, x) -> gatewayLength(g), Sflow.FLOW_EXTENDED_GATEWAY),
            flow(FlowData.ExtendedUser.class,
                    (in, f, x, d) -> new FlowData.ExtendedUser(in.u32(), in.string("the source user"), in.u32(),
                            in.string("the destination user")),
                    (out, u, x) -> {
                        out.putInt((int) u.sourceCharset());
                        XdrOut.string(out, u.sourceUser());
                        out.putInt((int) u.destinationCharset());
                        XdrOut.string(out, u.destinationUser());
                    },
                    (u, x) -> 8 + XdrOut.stringLength(u.sourceUser()) + XdrOut.stringLength(u.destinationUser()),
                    Sflow.FLOW_EXTENDED_USER),
            flow(FlowData.ExtendedUrl.class,
                    (in, f, x, d) -> new FlowData.ExtendedUrl(in.u32(), in.string("the URL"), in.string("the host")),
                    (out, u, x) -> {
                        out.putInt((int) u.direction());
                        XdrOut.string(out, u.url());
                        XdrOut.string(out, u.host());
                    },
                    (u, x) -> 4 + XdrOut.stringLength(u.url()) + XdrOut.stringLength(u.host()), Sflow.FLOW_EXTENDED_URL),
            flow(FlowData.ExtendedMpls.class,
                    (in, f, x, d) -> new FlowData.ExtendedMpls(in.address("the next hop"), u32List(in, "MPLS label"),
                            u32List(in, "MPLS label")),
                    (out, m, x) -> {
                        XdrOut.address(out, m.nextHop());
                        putU32s(out, m.inLabels());
                        putU32s(out, m.outLabels());
                    },
                    (m, x) -> XdrOut.addressLength(m.nextHop()) + 8 + 4 * (m.inLabels().size() + m.outLabels().size()),
                    Sflow.FLOW_EXTENDED_MPLS),
            flow(FlowData.ExtendedNat.class,
                    (in, f, x, d) -> new FlowData.ExtendedNat(in.address("the source"), in.address("the destination")),
                    (out, n, x) -> {
                        XdrOut.address(out, n.source());
                        XdrOut.address(out, n.destination());
                    },
                    (n, x) -> XdrOut.addressLength(n.source()) + XdrOut.addressLength(n.destination()), Sflow.FLOW_EXTENDED_NAT),
            flow(FlowData.ExtendedMplsTunnel.class,
                    (in, f, x, d) -> new FlowData.ExtendedMplsTunnel(in.string("the tunnel name"), in.u32(), in.u32()),
                    (out, t, x) -> {
                        XdrOut.string(out, t.name());
                        out.putInt((int) t.tunnelId()).putInt((int) t.tunnelCos());
                    },
                    (t, x) -> XdrOut.stringLength(t.name()) + 8, Sflow.FLOW_EXTENDED_MPLS_TUNNEL),
            flow(FlowData.ExtendedMplsVc.class,
                    (in, f, x, d) -> new FlowData.ExtendedMplsVc(in.string("the VC instance name"), in.u32(), in.u32()),
                    (out, v, x) -> {
                        XdrOut.string(out, v.instanceName());
                        out.putInt((int) v.vcId()).putInt((int) v.vcLabelCos());
                    },
                    (v, x) -> XdrOut.stringLength(v.instanceName()) + 8, Sflow.FLOW_EXTENDED_MPLS_VC),
            flow(FlowData.ExtendedMplsFtn.class,
                    (in, f, x, d) -> new FlowData.ExtendedMplsFtn(in.string("the FTN description"), in.u32()),
                    (out, t, x) -> {
                        XdrOut.string(out, t.description());
                        out.putInt((int) t.mask());
                    },
                    (t, x) -> XdrOut.stringLength(t.description()) + 4, Sflow.FLOW_EXTENDED_MPLS_FTN),
            fixedFlow(FlowData.ExtendedMplsLdpFec.class, Sflow.FLOW_EXTENDED_MPLS_LDP_FEC, 4),
            flow(FlowData.ExtendedVlanTunnel.class,
                    (in, f, x, d) -> new FlowData.ExtendedVlanTunnel(u32List(in, "VLAN stack entry")),
                    (out, v, x) -> putU32s(out, v.stack()), (v, x) -> 4 + 4 * v.stack().size(), Sflow.FLOW_EXTENDED_VLAN_TUNNEL),
            fixedFlow(FlowData.ExtendedNatPort.class, Sflow.FLOW_EXTENDED_NAT_PORT, 4, 4),
            flow(FlowData.TunnelEthernet.class,
                    (in, f, x, d) -> new FlowData.TunnelEthernet(f == Sflow.FLOW_TUNNEL_L2_INGRESS, ethernet(in)),
                    (out, t, x) -> write(out, t.frame()), (t, x) -> 24,
                    Sflow.FLOW_TUNNEL_L2_EGRESS, Sflow.FLOW_TUNNEL_L2_INGRESS).chosenBy(t -> t.ingress() ? 1 : 0),
            flow(FlowData.TunnelIpv4.class,
                    (in, f, x, d) -> new FlowData.TunnelIpv4(f == Sflow.FLOW_TUNNEL_IPV4_INGRESS, ipv4(in)),
                    (out, t, x) -> write(out, t.header()), (t, x) -> 32,
                    Sflow.FLOW_TUNNEL_IPV4_EGRESS, Sflow.FLOW_TUNNEL_IPV4_INGRESS).chosenBy(t -> t.ingress() ? 1 : 0),
            flow(FlowData.TunnelIpv6.class,
                    (in, f, x, d) -> new FlowData.TunnelIpv6(f == Sflow.FLOW_TUNNEL_IPV6_INGRESS, ipv6(in)),
                    (out, t, x) -> write(out, t.header()), (t, x) -> 56,
                    Sflow.FLOW_TUNNEL_IPV6_EGRESS, Sflow.FLOW_TUNNEL_IPV6_INGRESS).chosenBy(t -> t.ingress() ? 1 : 0),
            flow(FlowData.TunnelDecapsulation.class,
                    (in, f, x, d) -> new FlowData.TunnelDecapsulation(f == Sflow.FLOW_DECAPSULATE_INGRESS, in.u32()),
                    (out, t, x) -> out.putInt((int) t.innerHeaderOffset()), (t, x) -> 4,
                    Sflow.FLOW_DECAPSULATE_EGRESS, Sflow.FLOW_DECAPSULATE_INGRESS).chosenBy(t -> t.ingress() ? 1 : 0),
            flow(FlowData.TunnelVni.class,
                    (in, f, x, d) -> new FlowData.TunnelVni(f == Sflow.FLOW_VNI_INGRESS, in.u32()),
                    (out, t, x) -> out.putInt((int) t.vni()), (t, x) -> 4, Sflow.FLOW_VNI_EGRESS, Sflow.FLOW_VNI_INGRESS)
                    .chosenBy(t -> t.ingress() ? 1 : 0));

    /** Every standard flow record structure. */
    public static final List<RecordType<? extends FlowData>> ALL = concat(PACKET, ServiceFlowRecordTypes.SERVICE);

    private static List<RecordType<? extends FlowData>> concat(List<RecordType<? extends FlowData>> a,
            List<RecordType<? extends FlowData>> b) {
        List<RecordType<? extends FlowData>> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    // ------------------------------------------------------------------ shared by several structures

    /** A sampled header's protocol, frame length, stripped bytes and header bytes (0:1, and inside 0:1013). */
    static FlowData.RawPacketHeader rawHeader(XdrIn in, String what) {
        long proto = in.u32();
        long frame = in.u32();
        long stripped = in.u32();
        return new FlowData.RawPacketHeader(proto, frame, stripped, in.varOpaque(what));
    }

    /** Writes a sampled header record's data. */
    public static void writeRawHeader(ByteBuffer out, FlowData.RawPacketHeader h) {
        out.putInt((int) h.headerProtocol()).putInt((int) h.frameLength()).putInt((int) h.stripped());
        int n = h.headerLength();
        out.putInt(n);
        h.writeHeader(out);
        for (int i = n; (i & 3) != 0; i++) {
            out.put((byte) 0);
        }
    }

    /** The data length of an extended switch record. */
    public static final int SWITCH_LENGTH = 16;

    /** Writes an extended switch record's data. */
    public static void writeSwitch(ByteBuffer out, FlowData.ExtendedSwitch sw) {
        out.putInt((int) sw.sourceVlan()).putInt((int) sw.sourcePriority()).putInt((int) sw.destinationVlan())
                .putInt((int) sw.destinationPriority());
    }

    /** The data length of a sampled header record. */
    public static int rawHeaderLength(FlowData.RawPacketHeader h) {
        return 12 + XdrOut.varOpaqueLength(h.headerLength());
    }

    private static FlowData.EthernetFrame ethernet(XdrIn in) {
        return new FlowData.EthernetFrame(in.u32(), in.mac(), in.mac(), in.u32());
    }

    private static FlowData.Ipv4Data ipv4(XdrIn in) {
        return new FlowData.Ipv4Data(in.u32(), in.u32(), in.ipv4(), in.ipv4(), in.u32(), in.u32(), in.u32(), in.u32());
    }

    private static FlowData.Ipv6Data ipv6(XdrIn in) {
        return new FlowData.Ipv6Data(in.u32(), in.u32(), in.ipv6(), in.ipv6(), in.u32(), in.u32(), in.u32(), in.u32());
    }

    private static void write(ByteBuffer out, FlowData.EthernetFrame e) {
        out.putInt((int) e.length());
        XdrOut.mac(out, e.sourceMac());
        XdrOut.mac(out, e.destinationMac());
        out.putInt((int) e.type());
    }

    private static void write(ByteBuffer out, FlowData.Ipv4Data v) {
        out.putInt((int) v.length()).putInt((int) v.protocol()).put(v.source().getAddress()).put(v.destination().getAddress())
                .putInt((int) v.sourcePort()).putInt((int) v.destinationPort()).putInt((int) v.tcpFlags()).putInt((int) v.tos());
    }

    private static void write(ByteBuffer out, FlowData.Ipv6Data v) {
        out.putInt((int) v.length()).putInt((int) v.protocol()).put(v.source().getAddress()).put(v.destination().getAddress())
                .putInt((int) v.sourcePort()).putInt((int) v.destinationPort()).putInt((int) v.tcpFlags()).putInt((int) v.priority());
    }

    private static FlowData.ExtendedGateway gateway(XdrIn in) {
        var nextHop = in.address("the next hop");
        long as = in.u32();
        long srcAs = in.u32();
        long srcPeerAs = in.u32();
        int segments = in.count(8, "AS path segment");
        List<FlowData.AsPathSegment> path = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            long type = in.u32();
            path.add(new FlowData.AsPathSegment(type, u32List(in, "AS")));
        }
        List<Long> communities = u32List(in, "community");
        return new FlowData.ExtendedGateway(nextHop, as, srcAs, srcPeerAs, path, communities, in.u32());
    }

    private static void write(ByteBuffer out, FlowData.ExtendedGateway g) {
        XdrOut.address(out, g.nextHop());
        out.putInt((int) g.as()).putInt((int) g.sourceAs()).putInt((int) g.sourcePeerAs());
        out.putInt(g.path().size());
        for (FlowData.AsPathSegment s : g.path()) {
            out.putInt((int) s.type());
            putU32s(out, s.asNumbers());
        }
        putU32s(out, g.communities());
        out.putInt((int) g.localPreference());
    }

    private static int gatewayLength(FlowData.ExtendedGateway g) {
        int n = XdrOut.addressLength(g.nextHop()) + 12 + 4;
        for (FlowData.AsPathSegment s : g.path()) {
            n += 8 + 4 * s.asNumbers().size();
        }
        return n + 4 + 4 * g.communities().size() + 4;
    }

    /** A counted list of unsigned 32-bit values. */
    static List<Long> u32List(XdrIn in, String what) {
        int n = in.count(4, what);
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.u32());
        }
        return out;
    }

    /** Writes a counted list of unsigned 32-bit values. */
    static void putU32s(ByteBuffer out, List<Long> values) {
        out.putInt(values.size());
        for (long v : values) {
            out.putInt((int) v);
        }
    }
}
