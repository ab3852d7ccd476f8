package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.CounterRecordTypes;
import io.github.flowcodec.sflow.internal.FixedLayout;
import io.github.flowcodec.sflow.internal.FlowRecordTypes;
import io.github.flowcodec.sflow.internal.RecordType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of typed sFlow datagrams over every sample and record type, and of sampled frames. */
final class SflowArbitraries {

    private SflowArbitraries() {
    }

    /** A test extension: pmacct-style tag record (enterprise 8800, flow format 1), one 64-bit tag. */
    record Tag(long tag) {
    }

    /** A test extension: a vendor counter record (enterprise 4413, counter format 7), a name and a counter. */
    record VendorCounters(String name, long value) {
    }

    static final SflowExtension<Tag> TAG = SflowExtension.flowRecord(8800, 1, Tag.class,
            data -> new Tag(data.getLong(0)), (v, out) -> out.putLong(v.tag()), v -> 8);

    static final SflowExtension<VendorCounters> VENDOR = SflowExtension.counterRecord(4413, 7, VendorCounters.class,
            data -> {
                int n = data.getInt(0);
                if (n < 0 || n > data.limit() - 12) {
                    throw new IllegalArgumentException("name length " + n);
                }
                byte[] b = new byte[n];
                data.get(4, b);
                return new VendorCounters(new String(b, java.nio.charset.StandardCharsets.UTF_8), data.getLong(4 + n));
            },
            (v, out) -> {
                byte[] b = v.name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.putInt(b.length).put(b).putLong(v.value());
            },
            v -> 12 + v.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

    static final SflowExtensions EXTENSIONS = SflowExtensions.builder().add(TAG).add(VENDOR).build();

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL).edgeCases(c -> c.includeOnly(0L, 1L, 0xFFFF_FFFFL));
    }

    static Arbitrary<Long> u64() {
        return Arbitraries.longs();
    }

    static Arbitrary<Long> mac() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFF_FFFFL);
    }

    static Arbitrary<Inet4Address> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> {
            try {
                return (Inet4Address) InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Arbitrary<Inet6Address> ipv6() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> {
            try {
                return Inet6Address.getByAddress(null, b, -1);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An address of either family, or null (address type 0). */
    static Arbitrary<InetAddress> address() {
        return Arbitraries.oneOf(ipv4().map(a -> (InetAddress) a), ipv6().map(a -> (InetAddress) a)).injectNull(0.1);
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00e0', '\u00ff').withCharRange('\u03b1', '\u03c9')
                .withCharRange('\u4e00', '\u4e20').ofMaxLength(24);
    }

    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    static Arbitrary<List<Long>> u32List(int max) {
        return u32().list().ofMaxSize(max);
    }

    // ------------------------------------------------------------------ flow records

    static Arbitrary<FlowData> flowData() {
        return flowData(0);
    }

    /**
     * Flow records inside {@code depth} 0:1016 aggregations (none deeper than the decoder accepts): every standard
     * structure of {@link FlowRecordTypes#ALL} through {@link #generator}, sampled headers more often (as in real
     * traffic), a registered extension and unknown records.
     */
    static Arbitrary<FlowData> flowData(int depth) {
        List<Arbitrary<FlowData>> standard = new ArrayList<>();
        for (RecordType<? extends FlowData> t : FlowRecordTypes.ALL) {
            if (t.type() != FlowData.Ieee80211Aggregation.class || depth < Sflow.MAX_AGGREGATION_DEPTH) {
                standard.add(generator(t, depth).map(FlowData.class::cast));
            }
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(depth == 0 ? 12 : 4, Arbitraries.oneOf(standard)),
                net.jqwik.api.Tuple.of(4, rawHeader()),
                net.jqwik.api.Tuple.of(1, u64().map(t -> (FlowData) new FlowData.Extension(8800, 1, new Tag(t)))),
                net.jqwik.api.Tuple.of(1, unknownFlow()));
    }

    /**
     * The generator of one standard record structure: from its field sizes for a fixed layout, else from
     * {@link #STANDARD} (a test checks every structure has one).
     */
    static Arbitrary<?> generator(RecordType<?> type, int depth) {
        if (type.fixedLayout() != null) {
            return fixed(type.fixedLayout());
        }
        java.util.function.IntFunction<Arbitrary<?>> g = STANDARD.get(type.type());
        if (g == null) {
            throw new IllegalStateException("no generator for " + type);
        }
        return g.apply(depth);
    }

    /** The generators of the standard structures that are not fixed layouts, by record type (depth: of 0:1016 nesting). */
    static final Map<Class<?>, java.util.function.IntFunction<Arbitrary<?>>> STANDARD = Map.ofEntries(
            Map.entry(FlowData.RawPacketHeader.class, depth -> rawHeader()),
            Map.entry(FlowData.EthernetFrame.class, depth -> ethernet()),
            Map.entry(FlowData.Ipv4Data.class, depth -> ipv4Data()),
            Map.entry(FlowData.Ipv6Data.class, depth -> ipv6Data()),
            Map.entry(FlowData.ExtendedRouter.class, depth -> Combinators.combine(address(), u32(), u32()).as(FlowData.ExtendedRouter::new)),
            Map.entry(FlowData.ExtendedGateway.class, depth -> gateway()),
            Map.entry(FlowData.ExtendedUser.class, depth -> Combinators.combine(u32(), text(), u32(), text()).as(FlowData.ExtendedUser::new)),
            Map.entry(FlowData.ExtendedUrl.class, depth -> Combinators.combine(u32(), text(), text()).as(FlowData.ExtendedUrl::new)),
            Map.entry(FlowData.ExtendedMpls.class, depth -> Combinators.combine(address(), u32List(4), u32List(4))
                    .as(FlowData.ExtendedMpls::new)),
            Map.entry(FlowData.ExtendedNat.class, depth -> Combinators.combine(address(), address()).as(FlowData.ExtendedNat::new)),
            Map.entry(FlowData.ExtendedMplsTunnel.class, depth -> Combinators.combine(text(), u32(), u32())
                    .as(FlowData.ExtendedMplsTunnel::new)),
            Map.entry(FlowData.ExtendedMplsVc.class, depth -> Combinators.combine(text(), u32(), u32()).as(FlowData.ExtendedMplsVc::new)),
            Map.entry(FlowData.ExtendedMplsFtn.class, depth -> Combinators.combine(text(), u32()).as(FlowData.ExtendedMplsFtn::new)),
            Map.entry(FlowData.ExtendedVlanTunnel.class, depth -> u32List(4).map(FlowData.ExtendedVlanTunnel::new)),
            Map.entry(FlowData.TunnelEthernet.class, depth -> Combinators.combine(ingress(), ethernet()).as(FlowData.TunnelEthernet::new)),
            Map.entry(FlowData.TunnelIpv4.class, depth -> Combinators.combine(ingress(), ipv4Data()).as(FlowData.TunnelIpv4::new)),
            Map.entry(FlowData.TunnelIpv6.class, depth -> Combinators.combine(ingress(), ipv6Data()).as(FlowData.TunnelIpv6::new)),
            Map.entry(FlowData.TunnelDecapsulation.class, depth -> Combinators.combine(ingress(), u32())
                    .as(FlowData.TunnelDecapsulation::new)),
            Map.entry(FlowData.TunnelVni.class, depth -> Combinators.combine(ingress(), u32()).as(FlowData.TunnelVni::new)),
            Map.entry(FlowData.Ieee80211Payload.class, depth -> Combinators.combine(u32(), rawHeader())
                    .as((c, h) -> new FlowData.Ieee80211Payload(c, (FlowData.RawPacketHeader) h))),
            Map.entry(FlowData.Ieee80211Rx.class, depth -> Combinators.combine(text(), mac(), u32(), u32(), u64(), u32(), u32(), u32())
                    .as(FlowData.Ieee80211Rx::new)),
            Map.entry(FlowData.Ieee80211Tx.class, depth -> Combinators.combine(text(), mac(), u32(), u32(), u32(), u32(), u32(), u64())
                    .flatAs((ssid, bssid, v, t, pd, rd, ch, speed) -> u32()
                            .map(p -> new FlowData.Ieee80211Tx(ssid, bssid, v, t, pd, rd, ch, speed, p)))),
            Map.entry(FlowData.Ieee80211Aggregation.class, depth -> Arbitraries.lazy(() -> flowData(depth + 1)).list().ofMaxSize(3)
                    .list().ofMaxSize(3).map(FlowData.Ieee80211Aggregation::new)),
            Map.entry(FlowData.DropFunction.class, depth -> text().map(FlowData.DropFunction::new)),
            Map.entry(FlowData.HardwareTrap.class, depth -> Combinators.combine(text(), text()).as(FlowData.HardwareTrap::new)),
            Map.entry(FlowData.LinuxDropReason.class, depth -> text().map(FlowData.LinuxDropReason::new)),
            Map.entry(FlowData.ExtendedSocket.class, depth -> socket()),
            Map.entry(FlowData.ExtendedProxySocket.class, depth -> proxySocket()),
            Map.entry(FlowData.Memcache.class, depth -> Combinators.combine(u32(), u32(), text(), u32(), u32(), u32(), u32())
                    .as(FlowData.Memcache::new)),
            Map.entry(FlowData.HttpRequest.class, depth -> http()),
            Map.entry(FlowData.AppOperation.class, depth -> Combinators.combine(text(), text(), text(), text(), u64(), u64(), u32(), u32())
                    .as(FlowData.AppOperation::new)),
            Map.entry(FlowData.AppContext.class, depth -> Combinators.combine(text(), text(), text()).as(FlowData.AppContext::new)),
            Map.entry(FlowData.AppActor.class, depth -> Combinators.combine(Arbitraries.of(true, false), text()).as(FlowData.AppActor::new)),
            Map.entry(CounterData.Lacp.class, depth -> Combinators.combine(mac(), mac(), u32().list().ofSize(10)).as((a, p, v) ->
                    new CounterData.Lacp(a, p, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8),
                            v.get(9)))),
            Map.entry(CounterData.Sfp.class, depth -> Combinators.combine(u32(), u32(), u32(), Arbitraries.integers(), u32().list()
                    .ofSize(10).map(v -> new CounterData.SfpLane(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
                            v.get(7), v.get(8), v.get(9))).list().ofMaxSize(4)).as(CounterData.Sfp::new)),
            Map.entry(CounterData.PortName.class, depth -> text().map(CounterData.PortName::new)),
            Map.entry(CounterData.HostDescription.class, depth -> Combinators.combine(text(), Arbitraries.longs(), Arbitraries.longs(),
                    u32(), u32(), text()).as((h, a, b, m, o, r) -> new CounterData.HostDescription(h, new UUID(a, b), m, o, r))),
            Map.entry(CounterData.HostAdapters.class, depth -> Combinators.combine(u32(), mac().list().ofMaxSize(3))
                    .as(CounterData.HostAdapter::new).list().ofMaxSize(3).map(CounterData.HostAdapters::new)),
            Map.entry(CounterData.HostCpu.class, depth -> hostCpu()),
            Map.entry(CounterData.AppOperations.class, depth -> Combinators.combine(text(), u32().list().ofSize(11)).as((a, v) ->
                    new CounterData.AppOperations(a, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                            v.get(8), v.get(9), v.get(10)))));

    private static Arbitrary<Boolean> ingress() {
        return Arbitraries.of(true, false);
    }

    private static Arbitrary<FlowData.EthernetFrame> ethernet() {
        return Combinators.combine(u32(), mac(), mac(), u32()).as(FlowData.EthernetFrame::new);
    }

    private static Arbitrary<FlowData.Ipv4Data> ipv4Data() {
        return Combinators.combine(u32(), u32(), ipv4(), ipv4(), u32(), u32(), u32(), u32()).as(FlowData.Ipv4Data::new);
    }

    private static Arbitrary<FlowData.Ipv6Data> ipv6Data() {
        return Combinators.combine(u32(), u32(), ipv6(), ipv6(), u32(), u32(), u32(), u32()).as(FlowData.Ipv6Data::new);
    }

    static Arbitrary<FlowData> http() {
        Arbitrary<List<String>> strings = text().list().ofSize(7);
        Arbitrary<List<Long>> numbers = Combinators.combine(u32(), u32(), u64(), u64(), u32(), u32()).as(List::of);
        return Combinators.combine(Arbitraries.of(true, false), strings, numbers).as((v2, t, n) -> new FlowData.HttpRequest(v2,
                n.get(0), n.get(1), t.get(0), t.get(1), t.get(2), t.get(3), v2 ? t.get(4) : "", t.get(5), t.get(6),
                v2 ? n.get(2) : 0, n.get(3), n.get(4), n.get(5)));
    }

    static Arbitrary<FlowData> proxySocket() {
        Arbitrary<FlowData> v4 = Combinators.combine(u32(), ipv4(), ipv4(), u32(), u32())
                .as((p, l, r, lp, rp) -> new FlowData.ExtendedProxySocket(p, l, r, lp, rp));
        Arbitrary<FlowData> v6 = Combinators.combine(u32(), ipv6(), ipv6(), u32(), u32())
                .as((p, l, r, lp, rp) -> new FlowData.ExtendedProxySocket(p, l, r, lp, rp));
        return Arbitraries.oneOf(v4, v6);
    }

    static Arbitrary<FlowData> rawHeader() {
        Arbitrary<FlowData> random = Combinators.combine(Arbitraries.of(1L, 11L, 12L, 13L, 2L, 7L), u32(), u32(), bytes(140))
                .as(FlowData.RawPacketHeader::new);
        Arbitrary<FlowData> frames = frames().map(f -> (FlowData) SampledFrameBuilder.rawHeader(f.headerProtocol(), f.bytes(), 128));
        return Arbitraries.oneOf(random, frames, frames);
    }

    static Arbitrary<FlowData> gateway() {
        Arbitrary<FlowData.AsPathSegment> segment = Combinators.combine(Arbitraries.of(1L, 2L), u32List(5))
                .as(FlowData.AsPathSegment::new);
        return Combinators.combine(address(), u32(), u32(), u32(), segment.list().ofMaxSize(3), u32List(4), u32())
                .as(FlowData.ExtendedGateway::new);
    }

    static Arbitrary<FlowData> socket() {
        Arbitrary<FlowData> v4 = Combinators.combine(u32(), ipv4(), ipv4(), u32(), u32())
                .as((p, l, r, lp, rp) -> new FlowData.ExtendedSocket(p, l, r, lp, rp));
        Arbitrary<FlowData> v6 = Combinators.combine(u32(), ipv6(), ipv6(), u32(), u32())
                .as((p, l, r, lp, rp) -> new FlowData.ExtendedSocket(p, l, r, lp, rp));
        return Arbitraries.oneOf(v4, v6);
    }

    static Arbitrary<FlowData> unknownFlow() {
        Arbitrary<Long> enterprise = Arbitraries.longs().between(1, Sflow.MAX_ENTERPRISE).filter(e -> e != 8800);
        Arbitrary<FlowData> vendor = Combinators.combine(enterprise, Arbitraries.integers().between(0, Sflow.MAX_FORMAT), bytes(40))
                .as(FlowData.Unknown::new);
        Arbitrary<FlowData> newer = Combinators.combine(Arbitraries.integers().between(1031, 2099)
                        .filter(f -> f != 1036 && (f < 1038 || f > 1042)), bytes(40))
                .as((f, b) -> new FlowData.Unknown(0, f, b));
        return Arbitraries.oneOf(vendor, newer);
    }

    /** A record of a fixed layout: one unsigned 32-bit or any 64-bit value per component. */
    static Arbitrary<Object> fixed(FixedLayout layout) {
        List<Arbitrary<Long>> parts = new ArrayList<>();
        for (int size : layout.sizes()) {
            parts.add(size == 4 ? u32() : u64());
        }
        return Combinators.combine(parts).as(values -> {
            long[] v = new long[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            return layout.create(v);
        });
    }

    // ------------------------------------------------------------------ counter records

    /** Counter records: every structure of {@link CounterRecordTypes#ALL}, a registered extension and unknown records. */
    static Arbitrary<CounterData> counterData() {
        List<Arbitrary<CounterData>> standard = new ArrayList<>();
        for (RecordType<? extends CounterData> t : CounterRecordTypes.ALL) {
            standard.add(generator(t, 0).map(CounterData.class::cast));
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.oneOf(standard)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(text(), u64())
                        .as((n, v) -> new CounterData.Extension(4413, 7, new VendorCounters(n, v)))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.longs().between(1, Sflow.MAX_ENTERPRISE).filter(e -> e != 4413),
                        Arbitraries.integers().between(0, Sflow.MAX_FORMAT), bytes(40)).as(CounterData.Unknown::new)));
    }

    static Arbitrary<CounterData> hostCpu() {
        Arbitrary<Float> f = Arbitraries.integers().map(Float::intBitsToFloat);
        return Combinators.combine(f.list().ofSize(3), u32().list().ofSize(14), Arbitraries.of(true, false), u32().list().ofSize(3))
                .as((loads, v, ext, extra) -> new CounterData.HostCpu(loads.get(0), loads.get(1), loads.get(2), v.get(0),
                        v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9), v.get(10),
                        v.get(11), v.get(12), v.get(13), ext, ext ? extra.get(0) : 0, ext ? extra.get(1) : 0,
                        ext ? extra.get(2) : 0));
    }

    // ------------------------------------------------------------------ samples and datagrams

    static Arbitrary<SflowSample> sample() {
        Arbitrary<long[]> compactHead = Combinators.combine(u32(), Arbitraries.longs().between(0, 255),
                Arbitraries.longs().between(0, 0xFF_FFFF), u32(), u32(), u32()).as((a, b, c, d, e, f) -> new long[] {a, b, c, d, e, f});
        Arbitrary<long[]> compactIf = Combinators.combine(Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 0x3FFF_FFFF),
                Arbitraries.longs().between(0, 3), Arbitraries.longs().between(0, 0x3FFF_FFFF)).as((a, b, c, d) -> new long[] {a, b, c, d});
        Arbitrary<long[]> expandedHead = Combinators.combine(u32(), u32(), u32(), u32(), u32(), u32())
                .as((a, b, c, d, e, f) -> new long[] {a, b, c, d, e, f});
        Arbitrary<long[]> expandedIf = Combinators.combine(u32(), u32(), u32(), u32()).as((a, b, c, d) -> new long[] {a, b, c, d});
        Arbitrary<SflowSample> compactFlow = Combinators.combine(compactHead, compactIf, flowData().list().ofMaxSize(5))
                .as((h, f, recs) -> flow(false, h, f, recs));
        Arbitrary<SflowSample> expandedFlow = Combinators.combine(expandedHead, expandedIf, flowData().list().ofMaxSize(5))
                .as((h, f, recs) -> flow(true, h, f, recs));
        Arbitrary<SflowSample> compactCounter = Combinators.combine(u32(), Arbitraries.integers().between(0, 255),
                Arbitraries.longs().between(0, 0xFF_FFFF), counterData().list().ofMaxSize(4))
                .as((seq, t, i, recs) -> (SflowSample) new CounterSample(false, seq, t, i, recs));
        Arbitrary<SflowSample> expandedCounter = Combinators.combine(u32(), Arbitraries.integers(), u32(),
                counterData().list().ofMaxSize(4)).as((seq, t, i, recs) -> (SflowSample) new CounterSample(true, seq, t, i, recs));
        Arbitrary<SflowSample> unknown = Combinators.combine(Arbitraries.longs().between(0, Sflow.MAX_ENTERPRISE),
                Arbitraries.integers().between(5, Sflow.MAX_FORMAT), bytes(60))
                .filter((e, f, b) -> e != 0 || f != Sflow.SAMPLE_DISCARDED_PACKET).as(UnknownSample::new);
        Arbitrary<SflowSample> discarded = Combinators.combine(u32(), u32(), u32(), u32(), u32(), u32(), u32(),
                flowData().list().ofMaxSize(4)).as((seq, t, i, dr, in, out, r, recs) ->
                        (SflowSample) new DiscardedPacket(seq, t, i, dr, in, out, r, recs));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, compactFlow), net.jqwik.api.Tuple.of(2, expandedFlow),
                net.jqwik.api.Tuple.of(2, compactCounter), net.jqwik.api.Tuple.of(1, expandedCounter),
                net.jqwik.api.Tuple.of(1, unknown), net.jqwik.api.Tuple.of(1, discarded));
    }

    private static SflowSample flow(boolean expanded, long[] h, long[] f, List<FlowData> records) {
        return new FlowSample(expanded, h[0], (int) h[1], h[2], h[3], h[4], h[5], (int) f[0], f[1], (int) f[2], f[3], records);
    }

    static Arbitrary<SflowDatagram> datagram() {
        return Combinators.combine(address(), u32(), u32(), u32(), sample().list().ofMaxSize(6)).as(SflowDatagram::new);
    }

    /** Encoded datagrams (with the test extensions). */
    static Arbitrary<byte[]> datagramBytes() {
        return datagram().map(d -> SflowEncoder.toBytes(d, EXTENSIONS));
    }

    /** Datagram bytes, mutated: bytes flipped, cut, words overwritten with lying lengths and counts. */
    static Arbitrary<byte[]> mutated() {
        return Combinators.combine(datagramBytes(), Arbitraries.integers().between(0, 5), Arbitraries.randomValue(r -> r))
                .as((bytes, kind, random) -> {
                    byte[] b = bytes.clone();
                    if (b.length == 0) {
                        return b;
                    }
                    int at = random.nextInt(b.length);
                    switch (kind) {
                        case 0:
                            b[at] ^= (byte) (1 << random.nextInt(8));
                            return b;
                        case 1:
                            return java.util.Arrays.copyOf(b, at);
                        case 2: {
                            int p = at & ~3;
                            if (p + 4 <= b.length) {
                                ByteBuffer.wrap(b).putInt(p, random.nextBoolean() ? random.nextInt() : random.nextInt(512));
                            }
                            return b;
                        }
                        case 3:
                            for (int i = 0; i < 4; i++) {
                                b[random.nextInt(b.length)] = (byte) random.nextInt();
                            }
                            return b;
                        case 4: {
                            int p = at & ~3;
                            if (p + 4 <= b.length) {
                                ByteBuffer.wrap(b).putInt(p, -1 - random.nextInt(4));
                            }
                            return b;
                        }
                        default: {
                            byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + random.nextInt(16));
                            return longer;
                        }
                    }
                });
    }

    // ------------------------------------------------------------------ sampled frames

    /** A frame and what its headers hold. */
    record Frame(byte[] bytes, int headerProtocol, long srcMac, long dstMac, List<Integer> vlans, int ipVersion,
            InetAddress src, InetAddress dst, int tos, int ttl, int l4, int srcPort, int dstPort, int flags, int icmpType,
            int icmpCode, int extensions) {
    }

    private record Layers(boolean eth, long sm, long dm, List<Integer> vlans, int v, InetAddress src, InetAddress dst) {
    }

    static Arbitrary<Frame> frames() {
        Arbitrary<Boolean> ethernet = Arbitraries.of(true, true, false);
        Arbitrary<InetAddress> v4 = ipv4().map(a -> (InetAddress) a);
        Arbitrary<InetAddress> v6 = ipv6().map(a -> (InetAddress) a);
        Arbitrary<Layers> layers = Combinators.combine(ethernet, mac(), mac(), Arbitraries.integers().between(0, 4095).list().ofMaxSize(2),
                Arbitraries.of(4, 6)).flatAs((eth, sm, dm, vlans, v) -> Combinators.combine(v == 4 ? v4 : v6, v == 4 ? v4 : v6)
                        .as((src, dst) -> new Layers(eth, sm, dm, vlans, v, src, dst)));
        return Combinators.combine(layers, Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 255),
                Arbitraries.of(6, 17, 1, 47))
                .flatAs((layer, tos, ttl, l4) ->
                        Combinators.combine(Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(0, 65535),
                                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 2),
                                Arbitraries.integers().between(0, 300)).as((sp, dp, flags, ext, payload) -> {
                                    boolean eth = layer.eth();
                                    int v = layer.v();
                                    SampledFrameBuilder b = eth ? SampledFrameBuilder.ethernet(layer.sm(), layer.dm()) : SampledFrameBuilder.rawIp();
                                    List<Integer> tags = eth ? layer.vlans() : List.of();
                                    for (int id : tags) {
                                        b.vlan(id);
                                    }
                                    InetAddress src = layer.src();
                                    InetAddress dst = layer.dst();
                                    int exts = v == 6 ? ext : 0;
                                    if (v == 4) {
                                        b.ipv4((Inet4Address) src, (Inet4Address) dst);
                                    } else {
                                        b.ipv6((Inet6Address) src, (Inet6Address) dst);
                                        for (int i = 0; i < exts; i++) {
                                            b.ipv6Extension(i == 0 ? 0 : 60);
                                        }
                                    }
                                    b.tos(tos).ttl(ttl);
                                    int icmpType = 0;
                                    int icmpCode = 0;
                                    switch (l4) {
                                        case 6: b.tcp(sp, dp, flags); break;
                                        case 17: b.udp(sp, dp); break;
                                        case 1:
                                            icmpType = flags & 0x7F;
                                            icmpCode = sp & 0xF;
                                            b.icmp(icmpType, icmpCode);
                                            break;
                                        default: b.protocol(l4); break;
                                    }
                                    b.payload(payload);
                                    int protocol = l4 == 1 && v == 6 ? 58 : l4;
                                    return new Frame(b.build(), b.headerProtocol(), layer.sm(), layer.dm(), tags, v, src, dst, tos, ttl, protocol,
                                            sp, dp, flags, icmpType, icmpCode, exts);
                                }));
    }
}
