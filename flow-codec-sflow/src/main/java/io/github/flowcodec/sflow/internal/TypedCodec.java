package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.DiscardedPacket;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowDatagram;
import io.github.flowcodec.sflow.SflowExtension;
import io.github.flowcodec.sflow.SflowExtensions;
import io.github.flowcodec.sflow.SflowSample;
import io.github.flowcodec.sflow.UnknownSample;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the content of known flow and counter records into the typed model, and writes the typed model
 * (records, samples, datagrams) with XDR padding. Reading throws {@link ContentException}; the decoder
 * decides what that means (strict or lenient).
 *
 * <pre>{@code
 * ByteBuffer out = ByteBuffer.allocate(TypedCodec.sampleRecordLength(sample, SflowExtensions.none()));
 * TypedCodec.writeSample(out, sample, SflowExtensions.none());
 * }</pre>
 */
public final class TypedCodec {

    private TypedCodec() {
    }

    // ------------------------------------------------------------------ reading

    /** The typed flow record of {@code len} bytes at {@code off}; unknown formats come back as {@link FlowData.Unknown}. */
    public static FlowData readFlow(ByteBuffer b, int dataFormat, int off, int len, SflowExtensions ext) {
        return readFlow(b, dataFormat, off, len, ext, 0);
    }

    /** {@link #readFlow(ByteBuffer, int, int, int, SflowExtensions)} inside {@code depth} 0:1016 aggregations. */
    private static FlowData readFlow(ByteBuffer b, int dataFormat, int off, int len, SflowExtensions ext, int depth) {
        long enterprise = Sflow.enterprise(dataFormat);
        int format = Sflow.format(dataFormat);
        SflowExtension<?> x = ext.flowRecord(dataFormat);
        if (x != null) {
            return new FlowData.Extension(enterprise, format, readExtension(x, b, off, len));
        }
        FixedLayouts.Layout layout = FixedLayouts.flow(dataFormat);
        if (layout != null) {
            return (FlowData) layout.read(b, off, len);
        }
        if (enterprise != 0) {
            return new FlowData.Unknown(enterprise, format, bytes(b, off, len));
        }
        XdrIn in = new XdrIn(b, off, off + len);
        FlowData d;
        switch (format) {
            case Sflow.FLOW_RAW_HEADER: {
                long proto = in.u32();
                long frame = in.u32();
                long stripped = in.u32();
                d = new FlowData.RawPacketHeader(proto, frame, stripped, in.varOpaque("the sampled header"));
                break;
            }
            case Sflow.FLOW_ETHERNET:
                d = ethernet(in);
                break;
            case Sflow.FLOW_IPV4:
                d = ipv4(in);
                break;
            case Sflow.FLOW_IPV6:
                d = ipv6(in);
                break;
            case Sflow.FLOW_TUNNEL_L2_EGRESS:
            case Sflow.FLOW_TUNNEL_L2_INGRESS:
                d = new FlowData.TunnelEthernet(format == Sflow.FLOW_TUNNEL_L2_INGRESS, ethernet(in));
                break;
            case Sflow.FLOW_TUNNEL_IPV4_EGRESS:
            case Sflow.FLOW_TUNNEL_IPV4_INGRESS:
                d = new FlowData.TunnelIpv4(format == Sflow.FLOW_TUNNEL_IPV4_INGRESS, ipv4(in));
                break;
            case Sflow.FLOW_TUNNEL_IPV6_EGRESS:
            case Sflow.FLOW_TUNNEL_IPV6_INGRESS:
                d = new FlowData.TunnelIpv6(format == Sflow.FLOW_TUNNEL_IPV6_INGRESS, ipv6(in));
                break;
            case Sflow.FLOW_DECAPSULATE_EGRESS:
            case Sflow.FLOW_DECAPSULATE_INGRESS:
                d = new FlowData.TunnelDecapsulation(format == Sflow.FLOW_DECAPSULATE_INGRESS, in.u32());
                break;
            case Sflow.FLOW_VNI_EGRESS:
            case Sflow.FLOW_VNI_INGRESS:
                d = new FlowData.TunnelVni(format == Sflow.FLOW_VNI_INGRESS, in.u32());
                break;
            case Sflow.FLOW_EXTENDED_ROUTER:
                d = new FlowData.ExtendedRouter(in.address("the next hop"), in.u32(), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_GATEWAY: {
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
                d = new FlowData.ExtendedGateway(nextHop, as, srcAs, srcPeerAs, path, communities, in.u32());
                break;
            }
            case Sflow.FLOW_EXTENDED_USER:
                d = new FlowData.ExtendedUser(in.u32(), in.string("the source user"), in.u32(), in.string("the destination user"));
                break;
            case Sflow.FLOW_EXTENDED_URL:
                d = new FlowData.ExtendedUrl(in.u32(), in.string("the URL"), in.string("the host"));
                break;
            case Sflow.FLOW_EXTENDED_MPLS:
                d = new FlowData.ExtendedMpls(in.address("the next hop"), u32List(in, "MPLS label"), u32List(in, "MPLS label"));
                break;
            case Sflow.FLOW_EXTENDED_NAT:
                d = new FlowData.ExtendedNat(in.address("the source"), in.address("the destination"));
                break;
            case Sflow.FLOW_EXTENDED_MPLS_TUNNEL:
                d = new FlowData.ExtendedMplsTunnel(in.string("the tunnel name"), in.u32(), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_MPLS_VC:
                d = new FlowData.ExtendedMplsVc(in.string("the VC instance name"), in.u32(), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_MPLS_FTN:
                d = new FlowData.ExtendedMplsFtn(in.string("the FTN description"), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_VLAN_TUNNEL:
                d = new FlowData.ExtendedVlanTunnel(u32List(in, "VLAN stack entry"));
                break;
            case Sflow.FLOW_EXTENDED_SOCKET_IPV4:
                d = new FlowData.ExtendedSocket(in.u32(), in.ipv4(), in.ipv4(), in.u32(), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_SOCKET_IPV6:
                d = new FlowData.ExtendedSocket(in.u32(), in.ipv6(), in.ipv6(), in.u32(), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV4:
                d = new FlowData.ExtendedProxySocket(in.u32(), in.ipv4(), in.ipv4(), in.u32(), in.u32());
                break;
            case Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV6:
                d = new FlowData.ExtendedProxySocket(in.u32(), in.ipv6(), in.ipv6(), in.u32(), in.u32());
                break;
            case Sflow.FLOW_IEEE80211_PAYLOAD: {
                long cipher = in.u32();
                long proto = in.u32();
                long frame = in.u32();
                long stripped = in.u32();
                d = new FlowData.Ieee80211Payload(cipher, new FlowData.RawPacketHeader(proto, frame, stripped,
                        in.varOpaque("the decrypted header")));
                break;
            }
            case Sflow.FLOW_IEEE80211_RX:
                d = new FlowData.Ieee80211Rx(in.string("the SSID"), in.mac(), in.u32(), in.u32(), in.u64(), in.u32(),
                        in.u32(), in.u32());
                break;
            case Sflow.FLOW_IEEE80211_TX:
                d = new FlowData.Ieee80211Tx(in.string("the SSID"), in.mac(), in.u32(), in.u32(), in.u32(), in.u32(),
                        in.u32(), in.u64(), in.u32());
                break;
            case Sflow.FLOW_IEEE80211_AGGREGATION: {
                if (depth >= Sflow.MAX_AGGREGATION_DEPTH) {
                    throw new ContentException(off, "802.11 aggregation nested deeper than " + Sflow.MAX_AGGREGATION_DEPTH);
                }
                int pdus = in.count(4, "PDU");
                List<List<FlowData>> list = new ArrayList<>(pdus);
                for (int i = 0; i < pdus; i++) {
                    list.add(readFlowList(in, b, ext, depth + 1));
                }
                d = new FlowData.Ieee80211Aggregation(list);
                break;
            }
            case Sflow.FLOW_MEMCACHE:
                d = new FlowData.Memcache(in.u32(), in.u32(), in.string("the memcache key"), in.u32(), in.u32(), in.u32(),
                        in.u32());
                break;
            case Sflow.FLOW_HTTP:
            case Sflow.FLOW_HTTP2: {
                boolean v2 = format == Sflow.FLOW_HTTP2;
                long method = in.u32();
                long protocol = in.u32();
                String uri = in.string("the URI");
                String host = in.string("the host");
                String referrer = in.string("the referrer");
                String agent = in.string("the user agent");
                String xff = v2 ? in.string("the X-Forwarded-For") : "";
                String user = in.string("the authenticated user");
                String mime = in.string("the MIME type");
                long requestBytes = v2 ? in.u64() : 0;
                d = new FlowData.HttpRequest(v2, method, protocol, uri, host, referrer, agent, xff, user, mime, requestBytes,
                        in.u64(), in.u32(), in.u32());
                break;
            }
            case Sflow.FLOW_APP_OPERATION:
                d = new FlowData.AppOperation(in.string("the application"), in.string("the operation"),
                        in.string("the attributes"), in.string("the status description"), in.u64(), in.u64(), in.u32(), in.u32());
                break;
            case Sflow.FLOW_APP_CONTEXT:
                d = new FlowData.AppContext(in.string("the application"), in.string("the operation"), in.string("the attributes"));
                break;
            case Sflow.FLOW_APP_ACTOR_INITIATOR:
            case Sflow.FLOW_APP_ACTOR_TARGET:
                d = new FlowData.AppActor(format == Sflow.FLOW_APP_ACTOR_TARGET, in.string("the actor"));
                break;
            case Sflow.FLOW_FUNCTION:
                d = new FlowData.DropFunction(in.string("the function symbol"));
                break;
            case Sflow.FLOW_HW_TRAP:
                d = new FlowData.HardwareTrap(in.string("the trap group"), in.string("the trap"));
                break;
            case Sflow.FLOW_LINUX_DROP_REASON:
                d = new FlowData.LinuxDropReason(in.string("the drop reason"));
                break;
            default:
                return new FlowData.Unknown(enterprise, format, bytes(b, off, len));
        }
        in.done("flow record 0:" + format);
        return d;
    }

    /** The typed counter record of {@code len} bytes at {@code off}; unknown formats come back as {@link CounterData.Unknown}. */
    public static CounterData readCounter(ByteBuffer b, int dataFormat, int off, int len, SflowExtensions ext) {
        long enterprise = Sflow.enterprise(dataFormat);
        int format = Sflow.format(dataFormat);
        SflowExtension<?> x = ext.counterRecord(dataFormat);
        if (x != null) {
            return new CounterData.Extension(enterprise, format, readExtension(x, b, off, len));
        }
        FixedLayouts.Layout layout = FixedLayouts.counter(dataFormat);
        if (layout != null) {
            return (CounterData) layout.read(b, off, len);
        }
        if (enterprise != 0) {
            return new CounterData.Unknown(enterprise, format, bytes(b, off, len));
        }
        XdrIn in = new XdrIn(b, off, off + len);
        CounterData d;
        switch (format) {
            case Sflow.COUNTER_PORT_NAME:
                d = new CounterData.PortName(in.string("the port name"));
                break;
            case Sflow.COUNTER_HOST_DESCRIPTION: {
                String host = in.string("the host name");
                byte[] u = in.opaque(16, "the UUID");
                ByteBuffer ub = ByteBuffer.wrap(u);
                d = new CounterData.HostDescription(host, new UUID(ub.getLong(0), ub.getLong(8)), in.u32(), in.u32(),
                        in.string("the OS release"));
                break;
            }
            case Sflow.COUNTER_LACP: {
                long actor = in.mac();
                long partner = in.mac();
                long[] v = new long[10];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.u32();
                }
                d = new CounterData.Lacp(actor, partner, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
                break;
            }
            case Sflow.COUNTER_SFP: {
                long id = in.u32();
                long total = in.u32();
                long voltage = in.u32();
                int temperature = (int) in.u32();
                int n = in.count(40, "SFP lane");
                List<CounterData.SfpLane> lanes = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    lanes.add(new CounterData.SfpLane(in.u32(), in.u32(), in.u32(), in.u32(), in.u32(), in.u32(), in.u32(),
                            in.u32(), in.u32(), in.u32()));
                }
                d = new CounterData.Sfp(id, total, voltage, temperature, lanes);
                break;
            }
            case Sflow.COUNTER_APP_OPERATIONS: {
                String app = in.string("the application");
                long[] v = new long[11];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.u32();
                }
                d = new CounterData.AppOperations(app, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
                break;
            }
            case Sflow.COUNTER_HOST_ADAPTERS: {
                int n = in.count(8, "adapter");
                List<CounterData.HostAdapter> adapters = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    long ifIndex = in.u32();
                    int macs = in.count(8, "MAC address");
                    List<Long> list = new ArrayList<>(macs);
                    for (int j = 0; j < macs; j++) {
                        list.add(in.mac());
                    }
                    adapters.add(new CounterData.HostAdapter(ifIndex, list));
                }
                d = new CounterData.HostAdapters(adapters);
                break;
            }
            case Sflow.COUNTER_HOST_CPU: {
                if (len != 68 && len != 80) {
                    throw new ContentException(off, "a host CPU record is 68 or 80 bytes, not " + len);
                }
                float l1 = in.f32();
                float l5 = in.f32();
                float l15 = in.f32();
                long[] v = new long[14];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.u32();
                }
                boolean ext80 = len == 80;
                long steal = ext80 ? in.u32() : 0;
                long guest = ext80 ? in.u32() : 0;
                long guestNice = ext80 ? in.u32() : 0;
                d = new CounterData.HostCpu(l1, l5, l15, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                        v[11], v[12], v[13], ext80, steal, guest, guestNice);
                break;
            }
            default:
                return new CounterData.Unknown(enterprise, format, bytes(b, off, len));
        }
        in.done("counter record 0:" + format);
        return d;
    }

    /**
     * A counted list of flow records (format, length, data, padding) as in a flow sample, a discarded packet or
     * an aggregation PDU. The count is checked against the bytes left (8 at least per record) before anything
     * is allocated, and each record's length against the bytes left.
     */
    private static List<FlowData> readFlowList(XdrIn in, ByteBuffer b, SflowExtensions ext, int depth) {
        int n = in.count(8, "flow record");
        List<FlowData> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int format = (int) in.u32();
            int at = in.position();
            long len = in.u32();
            long padded = (len + 3) & ~3L;
            if (padded > in.remaining()) {
                throw new ContentException(at, "flow record " + i + " announces " + len + " bytes but " + in.remaining()
                        + " remain");
            }
            out.add(readFlow(b, format, in.position(), (int) len, ext, depth));
            in.skip((int) padded, "a flow record");
        }
        return out;
    }

    /** The discarded packet event (sample 0:5) whose data is {@code len} bytes at {@code off}. */
    public static DiscardedPacket readDiscarded(ByteBuffer b, int off, int len, SflowExtensions ext) {
        XdrIn in = new XdrIn(b, off, off + len);
        long sequence = in.u32();
        long type = in.u32();
        long index = in.u32();
        long drops = in.u32();
        long input = in.u32();
        long output = in.u32();
        long reason = in.u32();
        List<FlowData> records = readFlowList(in, b, ext, 0);
        in.done("discarded packet sample");
        return new DiscardedPacket(sequence, type, index, drops, input, output, reason, records);
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

    private static Object readExtension(SflowExtension<?> x, ByteBuffer b, int off, int len) {
        ByteBuffer data = b.duplicate().limit(off + len).position(off).slice().asReadOnlyBuffer();
        Object v;
        try {
            v = x.decode(data);
        } catch (RuntimeException e) {
            throw new ContentException(off, x + " failed: " + e.getMessage());
        }
        if (v == null) {
            throw new ContentException(off, x + " decoded nothing");
        }
        int n = extensionLength(x, v);
        if (n != len) {
            throw new ContentException(off, x + " would re-encode " + n + " bytes of a " + len + "-byte record");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static <T> int extensionLength(SflowExtension<T> x, Object v) {
        return x.encodedLength((T) x.type().cast(v));
    }

    private static List<Long> u32List(XdrIn in, String what) {
        int n = in.count(4, what);
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.u32());
        }
        return out;
    }

    /** A copy of {@code len} bytes at {@code off}. */
    public static byte[] bytes(ByteBuffer b, int off, int len) {
        byte[] out = new byte[len];
        b.get(off, out, 0, len);
        return out;
    }

    // ------------------------------------------------------------------ lengths

    /** The encoded data length (without format, length and padding) of a flow record. */
    public static int flowLength(FlowData d, SflowExtensions ext) {
        if (d instanceof FlowData.RawPacketHeader h) {
            return 12 + XdrOut.varOpaqueLength(h.headerLength());
        } else if (d instanceof FlowData.ExtendedSwitch) {
            return 16;
        }
        FixedLayouts.Layout layout = FixedLayouts.of(d.getClass());
        if (layout != null) {
            return layout.length();
        }
        if (d instanceof FlowData.EthernetFrame || d instanceof FlowData.TunnelEthernet) {
            return 24;
        } else if (d instanceof FlowData.Ipv4Data || d instanceof FlowData.TunnelIpv4) {
            return 32;
        } else if (d instanceof FlowData.Ipv6Data || d instanceof FlowData.TunnelIpv6) {
            return 56;
        } else if (d instanceof FlowData.TunnelDecapsulation || d instanceof FlowData.TunnelVni) {
            return 4;
        } else if (d instanceof FlowData.ExtendedRouter r) {
            return XdrOut.addressLength(r.nextHop()) + 8;
        } else if (d instanceof FlowData.ExtendedGateway g) {
            int n = XdrOut.addressLength(g.nextHop()) + 12 + 4;
            for (FlowData.AsPathSegment s : g.path()) {
                n += 8 + 4 * s.asNumbers().size();
            }
            return n + 4 + 4 * g.communities().size() + 4;
        } else if (d instanceof FlowData.ExtendedUser u) {
            return 4 + XdrOut.stringLength(u.sourceUser()) + 4 + XdrOut.stringLength(u.destinationUser());
        } else if (d instanceof FlowData.ExtendedUrl u) {
            return 4 + XdrOut.stringLength(u.url()) + XdrOut.stringLength(u.host());
        } else if (d instanceof FlowData.ExtendedMpls m) {
            return XdrOut.addressLength(m.nextHop()) + 8 + 4 * (m.inLabels().size() + m.outLabels().size());
        } else if (d instanceof FlowData.ExtendedNat n) {
            return XdrOut.addressLength(n.source()) + XdrOut.addressLength(n.destination());
        } else if (d instanceof FlowData.ExtendedMplsTunnel t) {
            return XdrOut.stringLength(t.name()) + 8;
        } else if (d instanceof FlowData.ExtendedMplsVc v) {
            return XdrOut.stringLength(v.instanceName()) + 8;
        } else if (d instanceof FlowData.ExtendedMplsFtn f) {
            return XdrOut.stringLength(f.description()) + 4;
        } else if (d instanceof FlowData.ExtendedVlanTunnel v) {
            return 4 + 4 * v.stack().size();
        } else if (d instanceof FlowData.ExtendedSocket s) {
            return 12 + 2 * s.localAddress().getAddress().length;
        } else if (d instanceof FlowData.ExtendedProxySocket s) {
            return 12 + 2 * s.localAddress().getAddress().length;
        } else if (d instanceof FlowData.Ieee80211Payload p) {
            return 16 + XdrOut.varOpaqueLength(p.header().headerLength());
        } else if (d instanceof FlowData.Ieee80211Rx r) {
            return XdrOut.stringLength(r.ssid()) + 36;
        } else if (d instanceof FlowData.Ieee80211Tx t) {
            return XdrOut.stringLength(t.ssid()) + 40;
        } else if (d instanceof FlowData.Ieee80211Aggregation a) {
            int n = 4;
            for (List<FlowData> pdu : a.pdus()) {
                n += flowListLength(pdu, ext);
            }
            return n;
        } else if (d instanceof FlowData.DropFunction f) {
            return XdrOut.stringLength(f.symbol());
        } else if (d instanceof FlowData.Memcache m) {
            return XdrOut.stringLength(m.key()) + 24;
        } else if (d instanceof FlowData.HttpRequest h) {
            int n = 8 + XdrOut.stringLength(h.uri()) + XdrOut.stringLength(h.host()) + XdrOut.stringLength(h.referrer())
                    + XdrOut.stringLength(h.userAgent()) + XdrOut.stringLength(h.authUser()) + XdrOut.stringLength(h.mimeType())
                    + 16;
            return h.extended() ? n + XdrOut.stringLength(h.xForwardedFor()) + 8 : n;
        } else if (d instanceof FlowData.AppOperation a) {
            return XdrOut.stringLength(a.application()) + XdrOut.stringLength(a.operation()) + XdrOut.stringLength(a.attributes())
                    + XdrOut.stringLength(a.statusDescription()) + 24;
        } else if (d instanceof FlowData.AppContext c) {
            return XdrOut.stringLength(c.application()) + XdrOut.stringLength(c.operation()) + XdrOut.stringLength(c.attributes());
        } else if (d instanceof FlowData.AppActor a) {
            return XdrOut.stringLength(a.actor());
        } else if (d instanceof FlowData.HardwareTrap t) {
            return XdrOut.stringLength(t.group()) + XdrOut.stringLength(t.trap());
        } else if (d instanceof FlowData.LinuxDropReason r) {
            return XdrOut.stringLength(r.reason());
        } else if (d instanceof FlowData.Extension e) {
            return extensionLength(extension(ext.flowRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        } else if (d instanceof FlowData.Unknown u) {
            return u.length();
        }
        throw new IllegalStateException("no codec for " + d.getClass());
    }

    /** The encoded data length of a counter record. */
    public static int counterLength(CounterData d, SflowExtensions ext) {
        FixedLayouts.Layout layout = FixedLayouts.of(d.getClass());
        if (layout != null) {
            return layout.length();
        }
        if (d instanceof CounterData.PortName p) {
            return XdrOut.stringLength(p.name());
        } else if (d instanceof CounterData.AppOperations a) {
            return XdrOut.stringLength(a.application()) + 44;
        } else if (d instanceof CounterData.Lacp) {
            return 56;
        } else if (d instanceof CounterData.Sfp f) {
            return 20 + 40 * f.lanes().size();
        } else if (d instanceof CounterData.HostDescription h) {
            return XdrOut.stringLength(h.hostname()) + 16 + 8 + XdrOut.stringLength(h.osRelease());
        } else if (d instanceof CounterData.HostAdapters a) {
            int n = 4;
            for (CounterData.HostAdapter x : a.adapters()) {
                n += 8 + 8 * x.macAddresses().size();
            }
            return n;
        } else if (d instanceof CounterData.HostCpu c) {
            return c.extended() ? 80 : 68;
        } else if (d instanceof CounterData.Extension e) {
            return extensionLength(extension(ext.counterRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        } else if (d instanceof CounterData.Unknown u) {
            return u.length();
        }
        throw new IllegalStateException("no codec for " + d.getClass());
    }

    private static SflowExtension<?> extension(SflowExtension<?> x, long enterprise, int format, Object value) {
        if (x == null) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, EncodingException.NO_OFFSET, "no extension registered for "
                    + enterprise + ":" + format + " to encode " + value.getClass().getName());
        }
        if (!x.type().isInstance(value)) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, EncodingException.NO_OFFSET, x + " cannot encode a "
                    + value.getClass().getName());
        }
        return x;
    }

    /** The encoded length of a counted list of flow records (count, then format, length, data and padding each). */
    private static int flowListLength(List<FlowData> records, SflowExtensions ext) {
        int n = 4;
        for (FlowData d : records) {
            n += 8 + pad(flowLength(d, ext));
        }
        return n;
    }

    /** The encoded length of a sample's data. */
    public static int sampleLength(SflowSample s, SflowExtensions ext) {
        if (s instanceof FlowSample f) {
            int n = (f.expanded() ? 40 : 28) + 4;
            for (FlowData d : f.records()) {
                n += 8 + pad(flowLength(d, ext));
            }
            return n;
        } else if (s instanceof DiscardedPacket p) {
            return 28 + flowListLength(p.records(), ext);
        } else if (s instanceof CounterSample c) {
            int n = (c.expanded() ? 12 : 8) + 4;
            for (CounterData d : c.records()) {
                n += 8 + pad(counterLength(d, ext));
            }
            return n;
        }
        return ((UnknownSample) s).length();
    }

    /** The encoded length of a whole sample: format, length, data and padding. */
    public static int sampleRecordLength(SflowSample s, SflowExtensions ext) {
        return 8 + pad(sampleLength(s, ext));
    }

    /** The length of a datagram header with this agent address. */
    public static int headerLength(java.net.InetAddress agent) {
        return 4 + XdrOut.addressLength(agent) + 16;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    // ------------------------------------------------------------------ writing

    /** Writes a datagram header. */
    public static void writeHeader(ByteBuffer out, java.net.InetAddress agent, long subAgent, long sequence, long uptime, int samples) {
        writeHeader(out, agent == null ? null : agent.getAddress(), subAgent, sequence, uptime, samples);
    }

    /** Writes a datagram header with the agent address as its 4 or 16 bytes (null for address type 0). */
    public static void writeHeader(ByteBuffer out, byte[] agent, long subAgent, long sequence, long uptime, int samples) {
        out.putInt(Sflow.VERSION);
        if (agent == null) {
            out.putInt(Sflow.ADDRESS_UNKNOWN);
        } else {
            out.putInt(agent.length == 4 ? Sflow.ADDRESS_IPV4 : Sflow.ADDRESS_IPV6).put(agent);
        }
        XdrOut.u32(out, subAgent, "sub-agent id");
        XdrOut.u32(out, sequence, "sequence number");
        XdrOut.u32(out, uptime, "uptime");
        out.putInt(samples);
    }

    /** Writes a whole datagram. */
    public static void writeDatagram(ByteBuffer out, SflowDatagram d, SflowExtensions ext) {
        writeHeader(out, d.agentAddress(), d.subAgentId(), d.sequenceNumber(), d.uptimeMillis(), d.samples().size());
        for (SflowSample s : d.samples()) {
            writeSample(out, s, ext);
        }
    }

    /** Writes one sample: format, length, data, padding. */
    public static void writeSample(ByteBuffer out, SflowSample s, SflowExtensions ext) {
        out.putInt(Sflow.dataFormat(s.enterprise(), s.format()));
        out.putInt(sampleLength(s, ext));
        if (s instanceof FlowSample f) {
            out.putInt((int) f.sequenceNumber());
            if (f.expanded()) {
                out.putInt(f.sourceIdType());
                out.putInt((int) f.sourceIdIndex());
            } else {
                out.putInt(f.sourceIdType() << 24 | (int) f.sourceIdIndex());
            }
            out.putInt((int) f.samplingRate());
            out.putInt((int) f.samplePool());
            out.putInt((int) f.drops());
            if (f.expanded()) {
                out.putInt(f.inputFormat());
                out.putInt((int) f.inputInterface());
                out.putInt(f.outputFormat());
                out.putInt((int) f.outputInterface());
            } else {
                out.putInt(f.inputFormat() << 30 | (int) f.inputInterface());
                out.putInt(f.outputFormat() << 30 | (int) f.outputInterface());
            }
            writeFlowList(out, f.records(), ext);
        } else if (s instanceof DiscardedPacket p) {
            XdrOut.u32(out, p.sequenceNumber(), "sequence number");
            out.putInt((int) p.sourceIdType()).putInt((int) p.sourceIdIndex()).putInt((int) p.drops())
                    .putInt((int) p.inputInterface()).putInt((int) p.outputInterface()).putInt((int) p.reason());
            writeFlowList(out, p.records(), ext);
        } else if (s instanceof CounterSample c) {
            out.putInt((int) c.sequenceNumber());
            if (c.expanded()) {
                out.putInt(c.sourceIdType());
                out.putInt((int) c.sourceIdIndex());
            } else {
                out.putInt(c.sourceIdType() << 24 | (int) c.sourceIdIndex());
            }
            out.putInt(c.records().size());
            for (CounterData d : c.records()) {
                out.putInt(Sflow.dataFormat(d.enterprise(), d.format()));
                int len = counterLength(d, ext);
                out.putInt(len);
                int start = out.position();
                writeCounter(out, d, ext);
                padTo(out, start, len);
            }
        } else {
            UnknownSample u = (UnknownSample) s;
            u.writeData(out);
            for (int i = u.length(); (i & 3) != 0; i++) {
                out.put((byte) 0);
            }
        }
    }

    /** Writes a counted list of flow records: count, then format, length, data and padding each. */
    private static void writeFlowList(ByteBuffer out, List<FlowData> records, SflowExtensions ext) {
        out.putInt(records.size());
        for (FlowData d : records) {
            out.putInt(Sflow.dataFormat(d.enterprise(), d.format()));
            int len = flowLength(d, ext);
            out.putInt(len);
            int start = out.position();
            writeFlow(out, d, ext);
            padTo(out, start, len);
        }
    }

    private static void padTo(ByteBuffer out, int start, int len) {
        if (out.position() - start != len) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, start, "a record announced " + len + " bytes but wrote "
                    + (out.position() - start));
        }
        for (int i = len; (i & 3) != 0; i++) {
            out.put((byte) 0);
        }
    }

    /** Writes a flow record's data (without padding). */
    public static void writeFlow(ByteBuffer out, FlowData d, SflowExtensions ext) {
        if (d instanceof FlowData.RawPacketHeader h) {
            out.putInt((int) h.headerProtocol()).putInt((int) h.frameLength()).putInt((int) h.stripped());
            int n = h.headerLength();
            out.putInt(n);
            h.writeHeader(out);
            for (int i = n; (i & 3) != 0; i++) {
                out.put((byte) 0);
            }
            return;
        } else if (d instanceof FlowData.ExtendedSwitch sw) {
            out.putInt((int) sw.sourceVlan()).putInt((int) sw.sourcePriority()).putInt((int) sw.destinationVlan())
                    .putInt((int) sw.destinationPriority());
            return;
        }
        FixedLayouts.Layout layout = FixedLayouts.of(d.getClass());
        if (layout != null) {
            layout.write(d, out);
        } else if (d instanceof FlowData.EthernetFrame e) {
            write(out, e);
        } else if (d instanceof FlowData.Ipv4Data v) {
            write(out, v);
        } else if (d instanceof FlowData.Ipv6Data v) {
            write(out, v);
        } else if (d instanceof FlowData.TunnelEthernet t) {
            write(out, t.frame());
        } else if (d instanceof FlowData.TunnelIpv4 t) {
            write(out, t.header());
        } else if (d instanceof FlowData.TunnelIpv6 t) {
            write(out, t.header());
        } else if (d instanceof FlowData.TunnelDecapsulation t) {
            out.putInt((int) t.innerHeaderOffset());
        } else if (d instanceof FlowData.TunnelVni t) {
            out.putInt((int) t.vni());
        } else if (d instanceof FlowData.ExtendedRouter r) {
            XdrOut.address(out, r.nextHop());
            out.putInt((int) r.sourceMaskLength()).putInt((int) r.destinationMaskLength());
        } else if (d instanceof FlowData.ExtendedGateway g) {
            XdrOut.address(out, g.nextHop());
            out.putInt((int) g.as()).putInt((int) g.sourceAs()).putInt((int) g.sourcePeerAs());
            out.putInt(g.path().size());
            for (FlowData.AsPathSegment s : g.path()) {
                out.putInt((int) s.type());
                putU32s(out, s.asNumbers());
            }
            putU32s(out, g.communities());
            out.putInt((int) g.localPreference());
        } else if (d instanceof FlowData.ExtendedUser u) {
            out.putInt((int) u.sourceCharset());
            XdrOut.string(out, u.sourceUser());
            out.putInt((int) u.destinationCharset());
            XdrOut.string(out, u.destinationUser());
        } else if (d instanceof FlowData.ExtendedUrl u) {
            out.putInt((int) u.direction());
            XdrOut.string(out, u.url());
            XdrOut.string(out, u.host());
        } else if (d instanceof FlowData.ExtendedMpls m) {
            XdrOut.address(out, m.nextHop());
            putU32s(out, m.inLabels());
            putU32s(out, m.outLabels());
        } else if (d instanceof FlowData.ExtendedNat n) {
            XdrOut.address(out, n.source());
            XdrOut.address(out, n.destination());
        } else if (d instanceof FlowData.ExtendedMplsTunnel t) {
            XdrOut.string(out, t.name());
            out.putInt((int) t.tunnelId()).putInt((int) t.tunnelCos());
        } else if (d instanceof FlowData.ExtendedMplsVc v) {
            XdrOut.string(out, v.instanceName());
            out.putInt((int) v.vcId()).putInt((int) v.vcLabelCos());
        } else if (d instanceof FlowData.ExtendedMplsFtn f) {
            XdrOut.string(out, f.description());
            out.putInt((int) f.mask());
        } else if (d instanceof FlowData.ExtendedVlanTunnel v) {
            putU32s(out, v.stack());
        } else if (d instanceof FlowData.ExtendedSocket s) {
            out.putInt((int) s.protocol()).put(s.localAddress().getAddress()).put(s.remoteAddress().getAddress())
                    .putInt((int) s.localPort()).putInt((int) s.remotePort());
        } else if (d instanceof FlowData.ExtendedProxySocket s) {
            out.putInt((int) s.protocol()).put(s.localAddress().getAddress()).put(s.remoteAddress().getAddress())
                    .putInt((int) s.localPort()).putInt((int) s.remotePort());
        } else if (d instanceof FlowData.Ieee80211Payload p) {
            out.putInt((int) p.cipherSuite());
            writeFlow(out, p.header(), ext);
        } else if (d instanceof FlowData.Ieee80211Rx r) {
            XdrOut.string(out, r.ssid());
            XdrOut.mac(out, r.bssid());
            out.putInt((int) r.version()).putInt((int) r.channel()).putLong(r.speed()).putInt((int) r.rsni())
                    .putInt((int) r.rcpi()).putInt((int) r.packetDurationMicros());
        } else if (d instanceof FlowData.Ieee80211Tx t) {
            XdrOut.string(out, t.ssid());
            XdrOut.mac(out, t.bssid());
            out.putInt((int) t.version()).putInt((int) t.transmissions()).putInt((int) t.packetDurationMicros())
                    .putInt((int) t.retransmissionDurationMicros()).putInt((int) t.channel()).putLong(t.speed())
                    .putInt((int) t.powerMilliwatts());
        } else if (d instanceof FlowData.Ieee80211Aggregation a) {
            out.putInt(a.pdus().size());
            for (List<FlowData> pdu : a.pdus()) {
                writeFlowList(out, pdu, ext);
            }
        } else if (d instanceof FlowData.DropFunction f) {
            XdrOut.string(out, f.symbol());
        } else if (d instanceof FlowData.Memcache m) {
            out.putInt((int) m.protocol()).putInt((int) m.command());
            XdrOut.string(out, m.key());
            out.putInt((int) m.keys()).putInt((int) m.valueBytes()).putInt((int) m.durationMicros()).putInt((int) m.status());
        } else if (d instanceof FlowData.HttpRequest h) {
            out.putInt((int) h.method()).putInt((int) h.protocol());
            XdrOut.string(out, h.uri());
            XdrOut.string(out, h.host());
            XdrOut.string(out, h.referrer());
            XdrOut.string(out, h.userAgent());
            if (h.extended()) {
                XdrOut.string(out, h.xForwardedFor());
            }
            XdrOut.string(out, h.authUser());
            XdrOut.string(out, h.mimeType());
            if (h.extended()) {
                out.putLong(h.requestBytes());
            }
            out.putLong(h.responseBytes()).putInt((int) h.durationMicros()).putInt((int) h.status());
        } else if (d instanceof FlowData.AppOperation a) {
            XdrOut.string(out, a.application());
            XdrOut.string(out, a.operation());
            XdrOut.string(out, a.attributes());
            XdrOut.string(out, a.statusDescription());
            out.putLong(a.requestBytes()).putLong(a.responseBytes()).putInt((int) a.durationMicros()).putInt((int) a.status());
        } else if (d instanceof FlowData.AppContext c) {
            XdrOut.string(out, c.application());
            XdrOut.string(out, c.operation());
            XdrOut.string(out, c.attributes());
        } else if (d instanceof FlowData.AppActor a) {
            XdrOut.string(out, a.actor());
        } else if (d instanceof FlowData.HardwareTrap t) {
            XdrOut.string(out, t.group());
            XdrOut.string(out, t.trap());
        } else if (d instanceof FlowData.LinuxDropReason r) {
            XdrOut.string(out, r.reason());
        } else if (d instanceof FlowData.Extension e) {
            writeExtension(out, extension(ext.flowRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        } else if (d instanceof FlowData.Unknown u) {
            u.writeData(out);
        } else {
            throw new IllegalStateException("no codec for " + d.getClass());
        }
    }

    /** Writes a counter record's data (without padding). */
    public static void writeCounter(ByteBuffer out, CounterData d, SflowExtensions ext) {
        FixedLayouts.Layout layout = FixedLayouts.of(d.getClass());
        if (layout != null) {
            layout.write(d, out);
        } else if (d instanceof CounterData.PortName p) {
            XdrOut.string(out, p.name());
        } else if (d instanceof CounterData.Lacp l) {
            XdrOut.mac(out, l.actorSystemId());
            XdrOut.mac(out, l.partnerSystemId());
            long[] v = {l.attachedAggId(), l.portState(), l.lacpdusRx(), l.markerPdusRx(), l.markerResponsePdusRx(),
                l.unknownRx(), l.illegalRx(), l.lacpdusTx(), l.markerPdusTx(), l.markerResponsePdusTx()};
            for (long x : v) {
                out.putInt((int) x);
            }
        } else if (d instanceof CounterData.Sfp f) {
            out.putInt((int) f.moduleId()).putInt((int) f.moduleTotalLanes()).putInt((int) f.moduleSupplyVoltage())
                    .putInt(f.moduleTemperature()).putInt(f.lanes().size());
            for (CounterData.SfpLane l : f.lanes()) {
                out.putInt((int) l.index()).putInt((int) l.txBiasCurrent()).putInt((int) l.txPower()).putInt((int) l.txPowerMin())
                        .putInt((int) l.txPowerMax()).putInt((int) l.txWavelength()).putInt((int) l.rxPower())
                        .putInt((int) l.rxPowerMin()).putInt((int) l.rxPowerMax()).putInt((int) l.rxWavelength());
            }
        } else if (d instanceof CounterData.AppOperations a) {
            XdrOut.string(out, a.application());
            long[] v = {a.success(), a.other(), a.timeout(), a.internalError(), a.badRequest(), a.forbidden(), a.tooLarge(),
                a.notImplemented(), a.notFound(), a.unavailable(), a.unauthorized()};
            for (long x : v) {
                out.putInt((int) x);
            }
        } else if (d instanceof CounterData.HostDescription h) {
            XdrOut.string(out, h.hostname());
            out.putLong(h.uuid().getMostSignificantBits()).putLong(h.uuid().getLeastSignificantBits());
            out.putInt((int) h.machineType()).putInt((int) h.osName());
            XdrOut.string(out, h.osRelease());
        } else if (d instanceof CounterData.HostAdapters a) {
            out.putInt(a.adapters().size());
            for (CounterData.HostAdapter x : a.adapters()) {
                out.putInt((int) x.ifIndex());
                out.putInt(x.macAddresses().size());
                for (long m : x.macAddresses()) {
                    XdrOut.mac(out, m);
                }
            }
        } else if (d instanceof CounterData.HostCpu c) {
            out.putFloat(c.loadOne()).putFloat(c.loadFive()).putFloat(c.loadFifteen());
            long[] v = {c.procRun(), c.procTotal(), c.cpuNum(), c.cpuSpeed(), c.uptime(), c.cpuUser(), c.cpuNice(),
                c.cpuSystem(), c.cpuIdle(), c.cpuWio(), c.cpuIntr(), c.cpuSintr(), c.interrupts(), c.contexts()};
            for (long x : v) {
                XdrOut.u32(out, x, "host CPU counter");
            }
            if (c.extended()) {
                XdrOut.u32(out, c.cpuSteal(), "cpuSteal");
                XdrOut.u32(out, c.cpuGuest(), "cpuGuest");
                XdrOut.u32(out, c.cpuGuestNice(), "cpuGuestNice");
            }
        } else if (d instanceof CounterData.Extension e) {
            writeExtension(out, extension(ext.counterRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        } else if (d instanceof CounterData.Unknown u) {
            u.writeData(out);
        } else {
            throw new IllegalStateException("no codec for " + d.getClass());
        }
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

    @SuppressWarnings("unchecked")
    private static <T> void writeExtension(ByteBuffer out, SflowExtension<T> x, Object value) {
        x.encode((T) x.type().cast(value), out);
    }

    private static void putU32s(ByteBuffer out, List<Long> values) {
        out.putInt(values.size());
        for (long v : values) {
            out.putInt((int) v);
        }
    }
}
