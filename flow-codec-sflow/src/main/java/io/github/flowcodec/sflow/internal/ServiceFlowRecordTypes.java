package io.github.flowcodec.sflow.internal;

import static io.github.flowcodec.sflow.internal.RecordType.fixedFlow;
import static io.github.flowcodec.sflow.internal.RecordType.flow;
import static io.github.flowcodec.sflow.internal.RecordType.fours;

import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.Sflow;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The flow record structures of the sFlow extensions beyond forwarding: 802.11 (sflow_80211.txt), drops and
 * transit (sflow_drops.txt, sflow_transit.txt), Host sFlow sockets, TCP info and entities, memcache, HTTP and
 * application operations. Part of {@link FlowRecordTypes#ALL}.
 *
 * <pre>{@code
 * ServiceFlowRecordTypes.SERVICE.size();
 * }</pre>
 */
final class ServiceFlowRecordTypes {

    private ServiceFlowRecordTypes() {
    }

    static final List<RecordType<? extends FlowData>> SERVICE = List.of(
            flow(FlowData.Ieee80211Payload.class,
                    (in, f, x, d) -> new FlowData.Ieee80211Payload(in.u32(), FlowRecordTypes.rawHeader(in, "the decrypted header")),
                    (out, p, x) -> {
                        out.putInt((int) p.cipherSuite());
                        FlowRecordTypes.writeRawHeader(out, p.header());
                    },
                    (p, x) -> 4 + FlowRecordTypes.rawHeaderLength(p.header()), Sflow.FLOW_IEEE80211_PAYLOAD),
            flow(FlowData.Ieee80211Rx.class,
                    (in, f, x, d) -> new FlowData.Ieee80211Rx(in.string("the SSID"), in.mac(), in.u32(), in.u32(), in.u64(),
                            in.u32(), in.u32(), in.u32()),
                    (out, r, x) -> {
                        XdrOut.string(out, r.ssid());
                        XdrOut.mac(out, r.bssid());
                        out.putInt((int) r.version()).putInt((int) r.channel()).putLong(r.speed()).putInt((int) r.rsni())
                                .putInt((int) r.rcpi()).putInt((int) r.packetDurationMicros());
                    },
                    (r, x) -> XdrOut.stringLength(r.ssid()) + 36, Sflow.FLOW_IEEE80211_RX),
            flow(FlowData.Ieee80211Tx.class,
                    (in, f, x, d) -> new FlowData.Ieee80211Tx(in.string("the SSID"), in.mac(), in.u32(), in.u32(), in.u32(),
                            in.u32(), in.u32(), in.u64(), in.u32()),
                    (out, t, x) -> {
                        XdrOut.string(out, t.ssid());
                        XdrOut.mac(out, t.bssid());
                        out.putInt((int) t.version()).putInt((int) t.transmissions()).putInt((int) t.packetDurationMicros())
                                .putInt((int) t.retransmissionDurationMicros()).putInt((int) t.channel()).putLong(t.speed())
                                .putInt((int) t.powerMilliwatts());
                    },
                    (t, x) -> XdrOut.stringLength(t.ssid()) + 40, Sflow.FLOW_IEEE80211_TX),
            flow(FlowData.Ieee80211Aggregation.class, ServiceFlowRecordTypes::aggregation,
                    (out, a, x) -> {
                        out.putInt(a.pdus().size());
                        for (List<FlowData> pdu : a.pdus()) {
                            TypedCodec.writeFlowList(out, pdu, x);
                        }
                    },
                    (a, x) -> {
                        int n = 4;
                        for (List<FlowData> pdu : a.pdus()) {
                            n += TypedCodec.flowListLength(pdu, x);
                        }
                        return n;
                    },
                    Sflow.FLOW_IEEE80211_AGGREGATION),
            fixedFlow(FlowData.EgressQueue.class, Sflow.FLOW_EGRESS_QUEUE, 4),
            flow(FlowData.DropFunction.class, (in, f, x, d) -> new FlowData.DropFunction(in.string("the function symbol")),
                    (out, r, x) -> XdrOut.string(out, r.symbol()), (r, x) -> XdrOut.stringLength(r.symbol()), Sflow.FLOW_FUNCTION),
            fixedFlow(FlowData.TransitDelay.class, Sflow.FLOW_TRANSIT, 4),
            fixedFlow(FlowData.QueueDepth.class, Sflow.FLOW_QUEUE_DEPTH, 4),
            flow(FlowData.HardwareTrap.class,
                    (in, f, x, d) -> new FlowData.HardwareTrap(in.string("the trap group"), in.string("the trap")),
                    (out, t, x) -> {
                        XdrOut.string(out, t.group());
                        XdrOut.string(out, t.trap());
                    },
                    (t, x) -> XdrOut.stringLength(t.group()) + XdrOut.stringLength(t.trap()), Sflow.FLOW_HW_TRAP),
            flow(FlowData.LinuxDropReason.class, (in, f, x, d) -> new FlowData.LinuxDropReason(in.string("the drop reason")),
                    (out, r, x) -> XdrOut.string(out, r.reason()), (r, x) -> XdrOut.stringLength(r.reason()),
                    Sflow.FLOW_LINUX_DROP_REASON),
            flow(FlowData.ExtendedSocket.class,
                    (in, f, x, d) -> f == Sflow.FLOW_EXTENDED_SOCKET_IPV4
                            ? new FlowData.ExtendedSocket(in.u32(), in.ipv4(), in.ipv4(), in.u32(), in.u32())
                            : new FlowData.ExtendedSocket(in.u32(), in.ipv6(), in.ipv6(), in.u32(), in.u32()),
                    (out, s, x) -> out.putInt((int) s.protocol()).put(s.localAddress().getAddress())
                            .put(s.remoteAddress().getAddress()).putInt((int) s.localPort()).putInt((int) s.remotePort()),
                    (s, x) -> 12 + 2 * s.localAddress().getAddress().length,
                    Sflow.FLOW_EXTENDED_SOCKET_IPV4, Sflow.FLOW_EXTENDED_SOCKET_IPV6)
                    .chosenBy(s -> s.localAddress() instanceof Inet4Address ? 0 : 1),
            flow(FlowData.ExtendedProxySocket.class,
                    (in, f, x, d) -> f == Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV4
                            ? new FlowData.ExtendedProxySocket(in.u32(), in.ipv4(), in.ipv4(), in.u32(), in.u32())
                            : new FlowData.ExtendedProxySocket(in.u32(), in.ipv6(), in.ipv6(), in.u32(), in.u32()),
                    (out, s, x) -> out.putInt((int) s.protocol()).put(s.localAddress().getAddress())
                            .put(s.remoteAddress().getAddress()).putInt((int) s.localPort()).putInt((int) s.remotePort()),
                    (s, x) -> 12 + 2 * s.localAddress().getAddress().length,
                    Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV4, Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV6)
                    .chosenBy(s -> s.localAddress() instanceof Inet4Address ? 0 : 1),
            fixedFlow(FlowData.ExtendedTcpInfo.class, Sflow.FLOW_EXTENDED_TCP_INFO, fours(12)),
            fixedFlow(FlowData.ExtendedEntities.class, Sflow.FLOW_EXTENDED_ENTITIES, fours(4)),
            flow(FlowData.Memcache.class,
                    (in, f, x, d) -> new FlowData.Memcache(in.u32(), in.u32(), in.string("the memcache key"), in.u32(), in.u32(),
                            in.u32(), in.u32()),
                    (out, m, x) -> {
                        out.putInt((int) m.protocol()).putInt((int) m.command());
                        XdrOut.string(out, m.key());
                        out.putInt((int) m.keys()).putInt((int) m.valueBytes()).putInt((int) m.durationMicros())
                                .putInt((int) m.status());
                    },
                    (m, x) -> XdrOut.stringLength(m.key()) + 24, Sflow.FLOW_MEMCACHE),
            flow(FlowData.HttpRequest.class, (in, f, x, d) -> http(in, f == Sflow.FLOW_HTTP2),
                    (out, h, x) -> write(out, h), (h, x) -> httpLength(h), Sflow.FLOW_HTTP, Sflow.FLOW_HTTP2)
                    .chosenBy(h -> h.extended() ? 1 : 0),
            flow(FlowData.AppOperation.class,
                    (in, f, x, d) -> new FlowData.AppOperation(in.string("the application"), in.string("the operation"),
                            in.string("the attributes"), in.string("the status description"), in.u64(), in.u64(), in.u32(),
                            in.u32()),
                    (out, a, x) -> {
                        XdrOut.string(out, a.application());
                        XdrOut.string(out, a.operation());
                        XdrOut.string(out, a.attributes());
                        XdrOut.string(out, a.statusDescription());
                        out.putLong(a.requestBytes()).putLong(a.responseBytes()).putInt((int) a.durationMicros())
                                .putInt((int) a.status());
                    },
                    (a, x) -> XdrOut.stringLength(a.application()) + XdrOut.stringLength(a.operation())
                            + XdrOut.stringLength(a.attributes()) + XdrOut.stringLength(a.statusDescription()) + 24,
                    Sflow.FLOW_APP_OPERATION),
            flow(FlowData.AppContext.class,
                    (in, f, x, d) -> new FlowData.AppContext(in.string("the application"), in.string("the operation"),
                            in.string("the attributes")),
                    (out, c, x) -> {
                        XdrOut.string(out, c.application());
                        XdrOut.string(out, c.operation());
                        XdrOut.string(out, c.attributes());
                    },
                    (c, x) -> XdrOut.stringLength(c.application()) + XdrOut.stringLength(c.operation())
                            + XdrOut.stringLength(c.attributes()),
                    Sflow.FLOW_APP_CONTEXT),
            flow(FlowData.AppActor.class,
                    (in, f, x, d) -> new FlowData.AppActor(f == Sflow.FLOW_APP_ACTOR_TARGET, in.string("the actor")),
                    (out, a, x) -> XdrOut.string(out, a.actor()), (a, x) -> XdrOut.stringLength(a.actor()),
                    Sflow.FLOW_APP_ACTOR_INITIATOR, Sflow.FLOW_APP_ACTOR_TARGET).chosenBy(a -> a.target() ? 1 : 0));

    private static FlowData.Ieee80211Aggregation aggregation(XdrIn in, int format, io.github.flowcodec.sflow.SflowExtensions ext,
            int depth) {
        if (depth >= Sflow.MAX_AGGREGATION_DEPTH) {
            throw new ContentException(in.position(), "802.11 aggregation nested deeper than " + Sflow.MAX_AGGREGATION_DEPTH);
        }
        int pdus = in.count(4, "PDU");
        List<List<FlowData>> list = new ArrayList<>(pdus);
        for (int i = 0; i < pdus; i++) {
            list.add(TypedCodec.readFlowList(in, ext, depth + 1));
        }
        return new FlowData.Ieee80211Aggregation(list);
    }

    private static FlowData.HttpRequest http(XdrIn in, boolean v2) {
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
        return new FlowData.HttpRequest(v2, method, protocol, uri, host, referrer, agent, xff, user, mime, requestBytes,
                in.u64(), in.u32(), in.u32());
    }

    private static void write(ByteBuffer out, FlowData.HttpRequest h) {
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
    }

    private static int httpLength(FlowData.HttpRequest h) {
        int n = 8 + XdrOut.stringLength(h.uri()) + XdrOut.stringLength(h.host()) + XdrOut.stringLength(h.referrer())
                + XdrOut.stringLength(h.userAgent()) + XdrOut.stringLength(h.authUser()) + XdrOut.stringLength(h.mimeType())
                + 16;
        return h.extended() ? n + XdrOut.stringLength(h.xForwardedFor()) + 8 : n;
    }
}
