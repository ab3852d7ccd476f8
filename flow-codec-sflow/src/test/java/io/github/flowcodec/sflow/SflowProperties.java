package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.sflow.internal.FlowMapper;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SflowProperties {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 6343);

    @Provide
    Arbitrary<SflowDatagram> datagrams() {
        return SflowArbitraries.datagram();
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return SflowArbitraries.mutated();
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> sflowish = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> {
            byte[] out = java.util.Arrays.copyOf(b, b.length + 8);
            System.arraycopy(b, 0, out, 8, b.length);
            ByteBuffer.wrap(out).putInt(0, 5).putInt(4, b.length % 3);
            return out;
        });
        return Arbitraries.oneOf(any, sflowish);
    }

    @Provide
    Arbitrary<SflowArbitraries.Frame> frames() {
        return SflowArbitraries.frames();
    }

    @Property(tries = 300)
    void decodeOfEncodeIsTheDatagram(@ForAll("datagrams") SflowDatagram datagram) {
        byte[] bytes = SflowEncoder.toBytes(datagram, SflowArbitraries.EXTENSIONS);
        SflowDecoder decoder = SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).build();
        assertThat(decoder.decodeDatagram(ByteBuffer.wrap(bytes))).isEqualTo(datagram);
        assertThat(decoder.counters().repaired()).isZero();
        // and from a direct buffer, at a non-zero position
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 5);
        direct.position(5);
        direct.put(bytes).position(5);
        assertThat(decoder.decodeDatagram(direct)).isEqualTo(datagram);
        assertThat(direct.position()).isEqualTo(5);
    }

    @Property(tries = 300)
    void heapAndDirectBuffersGetTheSameDatagrams(@ForAll("datagrams") SflowDatagram datagram,
            @ForAll @IntRange(min = 64, max = 2000) int maxSize) {
        // The common samples go the encoder's straight way into a heap buffer's array, everything goes the general
        // way into a direct buffer: the same samples must fit and the same bytes come out.
        List<SflowSample> samples = datagram.samples();
        ByteBuffer heap = ByteBuffer.allocate(4096);
        ByteBuffer direct = ByteBuffer.allocateDirect(4096);
        int from = 0;
        while (from < samples.size()) {
            int h = encodeOrFail(samples, from, heap, maxSize);
            int d = encodeOrFail(samples, from, direct, maxSize);
            assertThat(h).isEqualTo(d);
            byte[] a = new byte[heap.flip().remaining()];
            byte[] b = new byte[direct.flip().remaining()];
            heap.get(a).clear();
            direct.get(b).clear();
            assertThat(a).isEqualTo(b);
            if (h <= 0) {
                return;
            }
            from += h;
        }
    }

    /** How many samples {@code encode} took, or -1 when it threw (with the buffer's position unchanged). */
    private static int encodeOrFail(List<SflowSample> samples, int from, ByteBuffer out, int maxSize) {
        SflowEncoder e = SflowEncoder.builder(Samples.v4("192.0.2.1")).uptimeMillis(() -> 7).maxDatagramSize(maxSize)
                .extensions(SflowArbitraries.EXTENSIONS).build();
        try {
            return e.encode(samples, from, out);
        } catch (FlowCodecException x) {
            assertThat(out.position()).isZero();
            return -1;
        }
    }

    @Property(tries = 300)
    void encodeOfDecodeIsTheBytes(@ForAll("datagrams") SflowDatagram datagram) {
        // Encoded with the extensions, decoded without them: extension records come back as unknown records
        // (bytes) and must re-encode byte for byte.
        byte[] bytes = SflowEncoder.toBytes(datagram, SflowArbitraries.EXTENSIONS);
        SflowDatagram decoded = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(bytes));
        assertThat(SflowEncoder.toBytes(decoded)).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void withTheExtensionsEncodeOfDecodeIsTheBytes(@ForAll("datagrams") SflowDatagram datagram) {
        // The same both ways with the extensions registered: bytes -> typed -> the same bytes.
        byte[] bytes = SflowEncoder.toBytes(datagram, SflowArbitraries.EXTENSIONS);
        SflowDecoder decoder = SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).build();
        assertThat(SflowEncoder.toBytes(decoder.decodeDatagram(ByteBuffer.wrap(bytes)), SflowArbitraries.EXTENSIONS))
                .isEqualTo(bytes);
    }

    @Property(tries = 200)
    void thePathsAgree(@ForAll("datagrams") SflowDatagram datagram) {
        byte[] bytes = SflowEncoder.toBytes(datagram, SflowArbitraries.EXTENSIONS);
        SflowDecoder decoder = new SflowDecoder();
        List<FlowRecord> zeroCopy = new ArrayList<>();
        List<SflowSampleInfo> contexts = new ArrayList<>();
        int n = decoder.decode(ByteBuffer.wrap(bytes), EXPORTER, (ctx, r) -> {
            zeroCopy.add(r.toRecord());
            contexts.add(((SflowSampleView) ctx).toInfo());
        });
        SflowPacket packet = decoder.decode(ByteBuffer.wrap(bytes), EXPORTER);
        assertThat(packet.records()).isEqualTo(zeroCopy);
        assertThat(packet.sampleInfos()).isEqualTo(contexts);
        long flows = datagram.samples().stream().filter(s -> s instanceof FlowSample).count();
        assertThat(n).isEqualTo(flows);
        int[] handed = {0};
        List<SflowSample> viaViews = new ArrayList<>();
        int samples = decoder.decode(ByteBuffer.wrap(bytes), EXPORTER, new SflowSampleHandler() {
            @Override
            public void onFlowSample(SflowSampleView s) {
                handed[0]++;
                viaViews.add(s.toSample());
            }

            @Override
            public void onCounterSample(SflowSampleView s) {
                handed[0]++;
                viaViews.add(s.toSample());
            }

            @Override
            public void onOtherSample(SflowSampleView s) {
                handed[0]++;
                viaViews.add(s.toSample());
            }
        });
        assertThat(samples).isEqualTo(datagram.samples().size()).isEqualTo(handed[0]);
        assertThat(viaViews).isEqualTo(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(bytes)).samples());
        // each flow sample's context carries its sample header
        int i = 0;
        for (SflowSample s : datagram.samples()) {
            if (s instanceof FlowSample f) {
                SflowSampleInfo c = packet.sampleInfos().get(i++);
                assertThat(c.sampleSequenceNumber()).isEqualTo(f.sequenceNumber());
                assertThat(c.samplingRate()).isEqualTo(f.samplingRate());
                assertThat(c.inputInterface()).isEqualTo(f.inputInterface());
                assertThat(c.outputInterface()).isEqualTo(f.outputInterface());
                assertThat(c.expanded()).isEqualTo(f.expanded());
                assertThat(c.agentAddress()).isEqualTo(datagram.agentAddress());
            }
        }
    }

    @Property(tries = 300)
    void arbitraryBytesGiveAResultOrAFlowCodecException(@ForAll("noise") byte[] bytes) {
        everyPath(bytes);
    }

    @Property(tries = 500)
    void mutatedDatagramsGiveAResultOrAFlowCodecException(@ForAll("mutated") byte[] bytes) {
        everyPath(bytes);
        // what lenient mode keeps re-encodes, and decodes again to the same
        SflowDatagram kept;
        try {
            kept = lenient().decodeDatagram(ByteBuffer.wrap(bytes));
        } catch (FlowCodecException headerBroken) {
            return;
        }
        byte[] again = SflowEncoder.toBytes(kept);
        assertThat(lenient().decodeDatagram(ByteBuffer.wrap(again))).isEqualTo(kept);
    }

    private static SflowDecoder lenient() {
        return SflowDecoder.builder().mode(DecodeMode.LENIENT).build();
    }

    private static void everyPath(byte[] bytes) {
        for (SflowDecoder d : List.of(new SflowDecoder(), lenient(),
                SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).mode(DecodeMode.LENIENT).build())) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            attempt(() -> d.decode(b, EXPORTER, (ctx, r) -> r.toRecord().toString()));
            attempt(() -> d.decode(b, EXPORTER));
            attempt(() -> d.decodeDatagram(b));
            attempt(() -> d.decode(b, EXPORTER, new SflowSampleHandler() {
                @Override
                public void onFlowSample(SflowSampleView s) {
                    SflowRecordView r = s.records();
                    while (r.next()) {
                        if (r.isStandard(Sflow.FLOW_RAW_HEADER)) {
                            r.sampledHeader().toString();
                        }
                        r.toFlowData();
                    }
                    s.toFlowRecord();
                }

                @Override
                public void onCounterSample(SflowSampleView s) {
                    s.toSample();
                }
            }));
            assertThat(b.position()).isZero();
            assertThat(b.limit()).isEqualTo(bytes.length);
        }
    }

    private static void attempt(Runnable r) {
        try {
            r.run();
        } catch (FlowCodecException expected) {
            assertThat(expected.reason()).isNotBlank();
            assertThat(expected.protocol()).contains(io.github.flowcodec.core.FlowProtocol.SFLOW_V5);
        }
    }

    @Property(tries = 200)
    void encoderSplitsByTheMaximumSize(@ForAll("datagrams") SflowDatagram datagram, @ForAll @IntRange(min = 600, max = 2000) int max) {
        List<SflowSample> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            samples.addAll(datagram.samples());
        }
        SflowEncoder encoder = SflowEncoder.builder(datagram.agentAddress()).subAgentId(9).firstSequence(0xFFFF_FFFEL)
                .uptimeMillis(() -> 1234).maxDatagramSize(max).extensions(SflowArbitraries.EXTENSIONS).build();
        SflowDecoder decoder = SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).build();
        List<SflowSample> back = new ArrayList<>();
        long expected = 0xFFFF_FFFEL;
        try {
            for (ByteBuffer b : encoder.encode(samples)) {
                assertThat(b.remaining()).isLessThanOrEqualTo(max);
                SflowDatagram d = decoder.decodeDatagram(b);
                assertThat(d.sequenceNumber()).isEqualTo(expected);
                assertThat(d.subAgentId()).isEqualTo(9);
                assertThat(d.uptimeMillis()).isEqualTo(1234);
                assertThat(d.samples()).isNotEmpty();
                expected = (expected + 1) & 0xFFFF_FFFFL;
                back.addAll(d.samples());
            }
        } catch (io.github.flowcodec.core.EncodingException tooBig) {
            // a single sample larger than max: the only reason to refuse
            assertThat(tooBig.reason()).contains("does not fit");
            return;
        }
        assertThat(back).isEqualTo(samples);
        assertThat(decoder.counters().extra("lostDatagrams")).isZero();
    }

    @Property(tries = 400)
    void sampledHeadersMapOntoTheFlowRecord(@ForAll("frames") SflowArbitraries.Frame frame) {
        FlowSample sample = FlowSample.compact(1, 0, 3, 512, 10_000, 2, 3, 4,
                List.of(SampledFrameBuilder.rawHeader(frame.headerProtocol(), frame.bytes(), 256)));
        byte[] bytes = SflowEncoder.toBytes(new SflowDatagram(null, 0, 1, 0, List.of(sample)));
        SflowPacket p = new SflowDecoder().decode(ByteBuffer.wrap(bytes), EXPORTER);
        assertThat(p.records()).hasSize(1);
        FlowRecord r = p.records().get(0);
        var t = r.template();
        assertThat(r.getLong(t.indexOf(FlowMapper.INGRESS_INTERFACE))).isEqualTo(3);
        assertThat(r.getLong(t.indexOf(FlowMapper.EGRESS_INTERFACE))).isEqualTo(4);
        assertThat(r.getLong(t.indexOf(FlowMapper.SAMPLING_INTERVAL))).isEqualTo(512);
        assertThat(r.getLong(t.indexOf(FlowMapper.SAMPLE_POOL))).isEqualTo(10_000);
        assertThat(r.getLong(t.indexOf(FlowMapper.DROPS))).isEqualTo(2);
        assertThat(r.getLong(t.indexOf(FlowMapper.PACKETS))).isEqualTo(1);
        int fcs = frame.headerProtocol() == Sflow.HEADER_ETHERNET ? 4 : 0;
        assertThat(r.getLong(t.indexOf(FlowMapper.OCTETS))).isEqualTo(frame.bytes().length + fcs);
        boolean v4 = frame.src() instanceof Inet4Address;
        assertThat(r.getAddress(t.indexOf(v4 ? FlowMapper.SRC_IPV4 : FlowMapper.SRC_IPV6))).isEqualTo(frame.src());
        assertThat(r.getAddress(t.indexOf(v4 ? FlowMapper.DST_IPV4 : FlowMapper.DST_IPV6))).isEqualTo(frame.dst());
        assertThat(t.indexOf(v4 ? FlowMapper.SRC_IPV6 : FlowMapper.SRC_IPV4)).isNegative();
        assertThat(r.getLong(t.indexOf(FlowMapper.PROTOCOL))).isEqualTo(frame.l4());
        assertThat(r.getLong(t.indexOf(FlowMapper.TOS))).isEqualTo(frame.tos());
        assertThat(r.getLong(t.indexOf(FlowMapper.TTL))).isEqualTo(frame.ttl());
        assertThat(r.getLong(t.indexOf(FlowMapper.IP_VERSION))).isEqualTo(v4 ? 4 : 6);
        if (frame.headerProtocol() == Sflow.HEADER_ETHERNET) {
            assertThat(mac(r.getBytes(t.indexOf(FlowMapper.SRC_MAC)))).isEqualTo(frame.srcMac());
            assertThat(mac(r.getBytes(t.indexOf(FlowMapper.DST_MAC)))).isEqualTo(frame.dstMac());
            assertThat(r.getLong(t.indexOf(FlowMapper.ETHERNET_TYPE))).isEqualTo(v4 ? 0x0800 : 0x86DD);
        } else {
            assertThat(t.indexOf(FlowMapper.SRC_MAC)).isNegative();
        }
        if (frame.vlans().isEmpty()) {
            assertThat(t.indexOf(FlowMapper.DOT1Q_VLAN)).isNegative();
        } else {
            assertThat(r.getLong(t.indexOf(FlowMapper.DOT1Q_VLAN))).isEqualTo((long) frame.vlans().get(0));
        }
        if (frame.vlans().size() > 1) {
            assertThat(r.getLong(t.indexOf(FlowMapper.DOT1Q_CUSTOMER_VLAN))).isEqualTo((long) frame.vlans().get(1));
        }
        switch (frame.l4()) {
            case 6:
                assertThat(r.getLong(t.indexOf(FlowMapper.TCP_FLAGS))).isEqualTo(frame.flags());
                // fall through: TCP has ports too
            case 17:
                assertThat(r.getLong(t.indexOf(FlowMapper.SRC_PORT))).isEqualTo(frame.srcPort());
                assertThat(r.getLong(t.indexOf(FlowMapper.DST_PORT))).isEqualTo(frame.dstPort());
                break;
            case 1:
            case 58:
                assertThat(r.getLong(t.indexOf(v4 ? FlowMapper.ICMP_V4 : FlowMapper.ICMP_V6)))
                        .isEqualTo(frame.icmpType() << 8 | frame.icmpCode());
                assertThat(t.indexOf(FlowMapper.SRC_PORT)).isNegative();
                break;
            default:
                assertThat(t.indexOf(FlowMapper.SRC_PORT)).isNegative();
                assertThat(t.indexOf(FlowMapper.TCP_FLAGS)).isNegative();
                break;
        }
        // the typed path parses the same header the same way
        FlowData.RawPacketHeader h = (FlowData.RawPacketHeader) ((FlowSample) new SflowDecoder()
                .decodeDatagram(ByteBuffer.wrap(bytes)).samples().get(0)).records().get(0);
        SampledHeaderView parsed = h.parse();
        assertThat(parsed.protocol()).isEqualTo(frame.l4());
        assertThat(parsed.extensionHeaderCount()).isEqualTo(frame.extensions());
        assertThat(parsed.problem()).isNull();
    }

    @Property(tries = 500)
    void theHeaderParserTakesAnyBytes(@ForAll byte[] header, @ForAll @IntRange(min = 0, max = 15) int protocol) {
        SampledHeaderView v = new SampledHeaderView();
        v.parse(ByteBuffer.wrap(header), 0, header.length, protocol);
        assertThat(v.toString()).isNotEmpty();
        if (v.hasPorts()) {
            assertThat(v.transportOffset()).isBetween(0, header.length - 4);
        }
        // the same bytes with a prefix parse the same, offsets relative to the header
        byte[] shifted = new byte[header.length + 3];
        System.arraycopy(header, 0, shifted, 3, header.length);
        SampledHeaderView w = new SampledHeaderView().parse(ByteBuffer.wrap(shifted), 3, header.length, protocol);
        assertThat(w.toString()).isEqualTo(v.toString());
        assertThat(w.ipOffset()).isEqualTo(v.ipOffset());
    }

    private static long mac(byte[] b) {
        long m = 0;
        for (byte x : b) {
            m = m << 8 | (x & 0xFF);
        }
        return m;
    }

}
