package io.github.flowcodec.sflow;

import io.github.flowcodec.core.DecoderCounters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.sflow.internal.FlowMapper;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SflowDecoderTest {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.99", 40000);

    private static byte[] typicalDatagram(long sequence) {
        return SflowDatagramBuilder.create().agent(Samples.v4("192.0.2.1")).subAgentId(3).sequence(sequence)
                .uptime(123_456).sample(Samples.typicalFlowSample(10)).sample(Samples.counterSample(20)).toBytes();
    }

    @Test
    void aFlowSampleBecomesARecordOfIanaElementsWithItsContext() {
        SflowDecoder decoder = SflowDecoder.builder().clock(() -> 1_700_000_000_000L).build();
        List<String> seen = new ArrayList<>();
        int n = decoder.decode(ByteBuffer.wrap(typicalDatagram(77)), EXPORTER, (ctx, r) -> {
            SflowSampleContext s = (SflowSampleContext) ctx;
            assertThat(s.protocol()).isEqualTo(FlowProtocol.SFLOW_V5);
            assertThat(s.exporter()).isEqualTo(EXPORTER);
            assertThat(s.agentAddress()).isEqualTo(Samples.v4("192.0.2.1"));
            assertThat(s.subAgentId()).isEqualTo(3);
            assertThat(s.observationDomainId()).isEqualTo(3);
            assertThat(s.sequenceNumber()).isEqualTo(77);
            assertThat(s.systemUptimeMillis()).isEqualTo(123_456);
            assertThat(s.exportTimeMillis()).isEqualTo(1_700_000_000_000L);
            assertThat(s.uptimeToEpochMillis(123_000)).isEqualTo(1_700_000_000_000L - 456);
            assertThat(s.sampleTypeName()).isEqualTo("flow");
            assertThat(s.sampleSequenceNumber()).isEqualTo(10);
            assertThat(s.sourceIdType()).isZero();
            assertThat(s.sourceIdIndex()).isEqualTo(7);
            assertThat(s.samplingRate()).isEqualTo(1024);
            assertThat(s.samplePool()).isEqualTo(1_000_000);
            assertThat(s.drops()).isEqualTo(3);
            assertThat(s.inputInterface()).isEqualTo(7);
            assertThat(s.outputInterface()).isEqualTo(9);
            FlowRecord rec = r.toRecord();
            seen.add(rec.toString());
            assertThat(rec.getAddress(rec.template().indexOf(FlowMapper.SRC_IPV4))).isEqualTo(Samples.v4("198.51.100.1"));
            assertThat(rec.getAddress(rec.template().indexOf(FlowMapper.DST_IPV4))).isEqualTo(Samples.v4("203.0.113.2"));
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.SRC_PORT))).isEqualTo(443);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.DST_PORT))).isEqualTo(51000);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.PROTOCOL))).isEqualTo(6);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.TCP_FLAGS))).isEqualTo(0x18);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.TOS))).isEqualTo(0x28);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.TTL))).isEqualTo(63);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.FRAGMENT_ID))).isEqualTo(0x1234);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.OCTETS))).isEqualTo(1004);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.DOT1Q_VLAN))).isEqualTo(100);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.VLAN))).isEqualTo(100);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.POST_VLAN))).isEqualTo(200);
            assertThat(rec.getLong(rec.template().indexOf(FlowMapper.ETHERNET_TYPE))).isEqualTo(0x0800);
            assertThat(rec.template().indexOf(FlowMapper.SRC_IPV6)).isNegative();
            assertThat(rec.template().indexOf(FlowMapper.NEXT_HOP_V4)).isNegative();
        });
        assertThat(n).isEqualTo(1);
        assertThat(seen).singleElement().asString().contains("sourceIPv4Address=198.51.100.1");
        DecoderCounters s = decoder.counters();
        assertThat(s.datagrams()).isEqualTo(1);
        assertThat(s.extra("flowSamples")).isEqualTo(1);
        assertThat(s.extra("counterSamples")).isEqualTo(1);
        assertThat(s.extra("flowRecords")).isEqualTo(2);
        assertThat(s.extra("counterRecords")).isEqualTo(2);
        assertThat(decoder.statistics()).containsEntry("sflow5.flowSamples", 1L).containsEntry("sflow5.lostDatagrams", 0L);
    }

    @Test
    void withoutAClockThereIsNoExportTime() {
        SflowPacket p = new SflowDecoder().decode(ByteBuffer.wrap(typicalDatagram(1)), EXPORTER);
        assertThat(p.exportTimeMillis()).isEqualTo(ExportContext.NO_TIME);
        assertThat(p.uptimeToEpochMillis(5)).isEqualTo(ExportContext.NO_TIME);
        assertThat(p.sampleInfos().get(0).uptimeToEpochMillis(5)).isEqualTo(ExportContext.NO_TIME);
        assertThat(p.samplingRate(p.records().get(0))).isEqualTo(1024);
        assertThat(p.agentAddress()).isEqualTo(Samples.v4("192.0.2.1"));
    }

    @Test
    void routerAndGatewayRecordsGiveNextHopAndAses() {
        FlowSample s = Samples.flowSample(1, List.of(SampledFrameBuilder.rawHeader(Samples.tcpFrame(), 128),
                new FlowData.ExtendedRouter(Samples.v6("2001:db8::fe"), 48, 64),
                new FlowData.ExtendedGateway(Samples.v4("192.0.2.254"), 64496, 64497, 64498,
                        List.of(new FlowData.AsPathSegment(2, List.of(64498L, 64499L)), new FlowData.AsPathSegment(1, List.of(65001L))),
                        List.of(0xFDE8_0001L, 0xFDE8_0002L), 100)));
        byte[] d = SflowDatagramBuilder.create().sample(s).toBytes();
        FlowRecord r = new SflowDecoder().decode(ByteBuffer.wrap(d), EXPORTER).records().get(0);
        assertThat(r.getAddress(r.template().indexOf(FlowMapper.NEXT_HOP_V6))).isEqualTo(Samples.v6("2001:db8::fe"));
        assertThat(r.getLong(r.template().indexOf(FlowMapper.SRC_AS))).isEqualTo(64497);
        assertThat(r.getLong(r.template().indexOf(FlowMapper.DST_AS))).isEqualTo(65001);
        assertThat(((FlowData.ExtendedGateway) s.records().get(2)).lastDestinationAs()).isEqualTo(65001);
    }

    @Test
    void dataRecordsStandInForAMissingHeader() {
        FlowSample s = Samples.flowSample(1, List.of(new FlowData.EthernetFrame(1518, 0xAAL, 0xBBL, 0x86DD),
                new FlowData.Ipv6Data(1400, 17, Samples.v6("2001:db8::1"), Samples.v6("2001:db8::2"), 5353, 53, 0, 0xB8)));
        FlowRecord r = new SflowDecoder().decode(ByteBuffer.wrap(SflowDatagramBuilder.create().sample(s).toBytes()), EXPORTER)
                .records().get(0);
        assertThat(r.getAddress(r.template().indexOf(FlowMapper.SRC_IPV6))).isEqualTo(Samples.v6("2001:db8::1"));
        assertThat(r.getLong(r.template().indexOf(FlowMapper.DST_PORT))).isEqualTo(53);
        assertThat(r.getLong(r.template().indexOf(FlowMapper.TOS))).isEqualTo(0xB8);
        assertThat(r.getLong(r.template().indexOf(FlowMapper.OCTETS))).isEqualTo(1518);
        assertThat(r.getBytes(r.template().indexOf(FlowMapper.SRC_MAC))).containsExactly(0, 0, 0, 0, 0, 0xAA);
        assertThat(r.template().indexOf(FlowMapper.TTL)).isNegative();
        assertThat(r.template().indexOf(FlowMapper.TCP_FLAGS)).isNegative();
    }

    @Test
    void enterpriseRecordsAreSkippedByTheirLengthAndKept() {
        byte[] data = SflowDatagramBuilder.flowSampleData(Samples.flowSample(1, List.of()), 3,
                SflowDatagramBuilder.record(Sflow.dataFormat(8800, 1), new byte[] {0, 0, 0, 0, 0, 0, 0, 42}),
                SflowDatagramBuilder.record(Sflow.dataFormat(0, 1017), new byte[] {1, 2, 3}),
                SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER, SflowDatagramBuilder.flowRecordData(
                        SampledFrameBuilder.rawHeader(Samples.tcpFrame(), 128))));
        byte[] d = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_FLOW, data).sample(Samples.counterSample(2)).toBytes();
        SflowDecoder decoder = new SflowDecoder();
        List<Long> ports = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(d), EXPORTER, (ctx, r) -> ports.add(r.getLong(r.template().indexOf(FlowMapper.SRC_PORT))));
        assertThat(ports).containsExactly(443L);
        assertThat(decoder.counters().extra("unknownRecords")).isEqualTo(2);
        SflowDatagram typed = decoder.decodeDatagram(ByteBuffer.wrap(d));
        assertThat(((FlowSample) typed.samples().get(0)).records().subList(0, 2)).containsExactly(
                new FlowData.Unknown(8800, 1, new byte[] {0, 0, 0, 0, 0, 0, 0, 42}), new FlowData.Unknown(0, 1017, new byte[] {1, 2, 3}));
        assertThat(typed.samples().get(1)).isEqualTo(Samples.counterSample(2));
        assertThat(SflowEncoder.toBytes(typed)).isEqualTo(d);

        // with a registered codec the record is typed
        SflowDatagram withTag = SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).build().decodeDatagram(ByteBuffer.wrap(d));
        assertThat(((FlowSample) withTag.samples().get(0)).records().get(0))
                .isEqualTo(new FlowData.Extension(8800, 1, new SflowArbitraries.Tag(42)));
        assertThat(SflowEncoder.toBytes(withTag, SflowArbitraries.EXTENSIONS)).isEqualTo(d);
    }

    @Test
    void anExtensionThatFailsIsStrictErrorOrLenientBytes() {
        byte[] d = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_FLOW, SflowDatagramBuilder.flowSampleData(
                Samples.flowSample(1, List.of()), 1, SflowDatagramBuilder.record(Sflow.dataFormat(8800, 1), new byte[4]))).toBytes();
        assertThatThrownBy(() -> SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).build().decodeDatagram(ByteBuffer.wrap(d)))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("8800:1");
        List<DecodeProblem> problems = new ArrayList<>();
        SflowDatagram kept = SflowDecoder.builder().extensions(SflowArbitraries.EXTENSIONS).mode(DecodeMode.LENIENT)
                .problemListener(problems::add).build().decodeDatagram(ByteBuffer.wrap(d));
        assertThat(((FlowSample) kept.samples().get(0)).records()).containsExactly(new FlowData.Unknown(8800, 1, new byte[4]));
        assertThat(problems).hasSize(1);
    }

    @Test
    void sequenceNumbersAreTrackedPerAgentSubAgentAndSource() {
        SflowDecoder decoder = new SflowDecoder();
        long[] datagramSequences = {1, 2, 5, 4, 6, 6};     // 3 and 4 missing, 4 arrives late, 6 twice
        long sample = 100;
        for (long seq : datagramSequences) {
            byte[] d = SflowDatagramBuilder.create().agent(Samples.v4("192.0.2.1")).subAgentId(1).sequence(seq)
                    .sample(Samples.typicalFlowSample(sample)).toBytes();
            sample += seq == 2 ? 11 : 1;   // 10 flow samples of source 7 lost after datagram 2
            decoder.decode(ByteBuffer.wrap(d), EXPORTER, (c, r) -> { });
        }
        // another sub-agent of the same agent has its own sequence
        decoder.decode(ByteBuffer.wrap(SflowDatagramBuilder.create().agent(Samples.v4("192.0.2.1")).subAgentId(2).sequence(900)
                .toBytes()), EXPORTER, (c, r) -> { });
        DecoderCounters s = decoder.counters();
        assertThat(s.extra("lostDatagrams")).isEqualTo(1);   // 3 (4 came late)
        assertThat(s.extra("lostSamples")).isEqualTo(10);
        List<SflowSequenceState> states = decoder.sequenceStates();
        assertThat(states).filteredOn(SflowSequenceState::isDatagramSequence).hasSize(2);
        SflowSequenceState sub1 = states.stream().filter(x -> x.isDatagramSequence() && x.subAgentId() == 1).findFirst().orElseThrow();
        assertThat(sub1.agentAddress()).isEqualTo(Samples.v4("192.0.2.1"));
        assertThat(sub1.lastSequence()).isEqualTo(6);
        assertThat(sub1.lost()).isEqualTo(1);
        assertThat(sub1.reordered()).isEqualTo(1);
        assertThat(sub1.duplicates()).isEqualTo(1);
        assertThat(states).filteredOn(x -> !x.isDatagramSequence()).singleElement().satisfies(x -> {
            assertThat(x.sampleFormat()).isEqualTo(Sflow.SAMPLE_FLOW);
            assertThat(x.sourceIdIndex()).isEqualTo(7);
            assertThat(x.lost()).isEqualTo(10);
            assertThat(x.received()).isEqualTo(6);
        });
        // an agent restart (sequence back to 1) is no loss
        decoder.decode(ByteBuffer.wrap(SflowDatagramBuilder.create().agent(Samples.v4("192.0.2.1")).subAgentId(1).sequence(50_000_000)
                .toBytes()), EXPORTER, (c, r) -> { });
        decoder.decode(ByteBuffer.wrap(SflowDatagramBuilder.create().agent(Samples.v4("192.0.2.1")).subAgentId(1).sequence(1)
                .toBytes()), EXPORTER, (c, r) -> { });
        assertThat(decoder.counters().extra("lostDatagrams")).isEqualTo(1);
        assertThat(decoder.counters().restarts()).isEqualTo(2);
    }

    @Test
    void theProviderIsFoundAndAutoDetectionPicksIt() {
        assertThat(FlowDecoders.provider(FlowProtocol.SFLOW_V5)).isPresent();
        DatagramDecoder<?> auto = FlowDecoders.autoDetecting(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        int[] n = {0};
        auto.decode(ByteBuffer.wrap(typicalDatagram(1)), EXPORTER, (ctx, r) -> {
            n[0]++;
            assertThat(ctx).isInstanceOf(SflowSampleContext.class);
        });
        assertThat(n[0]).isEqualTo(1);
        assertThat(auto.decode(ByteBuffer.wrap(typicalDatagram(2)), EXPORTER)).isInstanceOf(SflowPacket.class);
        assertThat(new io.github.flowcodec.sflow.internal.SflowDecoderProvider().recognizes(ByteBuffer.wrap(new byte[] {0, 5, 0, 0})))
                .isFalse();
    }

    @Test
    void theDefaultOptionsGiveAWorkingDecoderEvenInLenientUse() {
        // DecoderOptions.DEFAULT has no problem listener (null): the decoder must not fail on it
        DatagramDecoder<?> auto = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT);
        assertThat(auto.decode(ByteBuffer.wrap(typicalDatagram(1)), EXPORTER).records()).hasSize(1);
        SflowDecoder lenient = new SflowDecoder(DecoderOptions.DEFAULT.toBuilder().mode(DecodeMode.LENIENT).build());
        byte[] withTrailing = SflowDatagramBuilder.create().agent(Samples.v4("192.0.2.1")).sample(Samples.typicalFlowSample(1))
                .trailing(new byte[8]).toBytes();
        assertThat(lenient.decode(ByteBuffer.wrap(withTrailing), EXPORTER).records()).hasSize(1);
        assertThat(lenient.counters().repaired()).isEqualTo(1);
    }

    @Test
    void buffersAreReadInPlaceWhateverTheirOrderAndKind() {
        byte[] d = typicalDatagram(1);
        SflowDatagram expected = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d));
        ByteBuffer little = ByteBuffer.allocateDirect(d.length + 10).order(ByteOrder.LITTLE_ENDIAN);
        little.position(10);
        little.put(d).position(10);
        assertThat(new SflowDecoder().decodeDatagram(little)).isEqualTo(expected);
        assertThat(little.position()).isEqualTo(10);
        assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d).asReadOnlyBuffer())).isEqualTo(expected);
    }

    @Test
    void theSampleViewWalksRecordsWithoutCopying() {
        byte[] d = typicalDatagram(1);
        List<String> seen = new ArrayList<>();
        new SflowDecoder().decode(ByteBuffer.wrap(d), EXPORTER, new SflowSampleHandler() {
            @Override
            public void onFlowSample(SflowSampleView s) {
                assertThat(s.recordCount()).isEqualTo(2);
                SflowRecordView r = s.records();
                assertThatThrownBy(r::format).isInstanceOf(IllegalStateException.class);
                while (r.next()) {
                    if (r.isStandard(Sflow.FLOW_RAW_HEADER)) {
                        SampledHeaderView h = r.sampledHeader();
                        seen.add("header " + r.frameLength() + " " + h.sourcePort() + ">" + h.destinationPort() + " vlan " + h.vlanId(0));
                    } else {
                        seen.add("switch " + r.u32(0) + " " + r.u32(8));
                        assertThatThrownBy(r::sampledHeader).isInstanceOf(IllegalStateException.class);
                        assertThatThrownBy(() -> r.u32(16)).isInstanceOf(IndexOutOfBoundsException.class);
                    }
                }
                assertThat(s.toFlowRecord()).isNotNull();
            }

            @Override
            public void onCounterSample(SflowSampleView s) {
                seen.add("counters " + s.sourceIdIndex() + " " + s.sampleTypeName());
                assertThat(s.toSample()).isEqualTo(Samples.counterSample(20));
                assertThat(s.toFlowRecord()).isNull();
            }
        });
        assertThat(seen).containsExactly("header 1004 443>51000 vlan 100", "switch 100 200", "counters 7 counter");
    }

    @Test
    void theZeroCopyPathAllocatesNothingPerDatagram() {
        org.junit.jupiter.api.Assumptions.assumeTrue(allocatedBytes() >= 0, "no per-thread allocation counter in this JVM");
        ByteBuffer[] datagrams = new ByteBuffer[8];
        for (int i = 0; i < datagrams.length; i++) {
            SflowDatagramBuilder b = SflowDatagramBuilder.create().sequence(i + 1L);
            for (int k = 0; k < 6; k++) {
                b.sample(Samples.typicalFlowSample(i * 6L + k));
            }
            datagrams[i] = b.sample(Samples.counterSample(i)).toBuffer();
        }
        SflowDecoder decoder = new SflowDecoder();
        long[] sum = {0};
        io.github.flowcodec.core.FlowRecordHandler<ExportContext> handler = (ctx, r) -> sum[0] += r.getLong(0) + r.getLong(6);
        SflowSampleHandler samples = new SflowSampleHandler() {
            @Override
            public void onFlowSample(SflowSampleView s) {
                SflowRecordView r = s.records();
                while (r.next()) {
                    if (r.isStandard(Sflow.FLOW_RAW_HEADER)) {
                        sum[0] += r.sampledHeader().sourcePort();
                    }
                }
            }
        };
        for (int i = 0; i < 30_000; i++) {
            decoder.decode(datagrams[i & 7], EXPORTER, handler);
            decoder.decode(datagrams[i & 7], EXPORTER, samples);
        }
        long before = allocatedBytes();
        int rounds = 20_000;
        for (int i = 0; i < rounds; i++) {
            decoder.decode(datagrams[i & 7], EXPORTER, handler);
            decoder.decode(datagrams[i & 7], EXPORTER, samples);
        }
        long allocated = allocatedBytes() - before;
        assertThat(sum[0]).isPositive();
        assertThat(allocated / rounds).as("bytes allocated per datagram (%d in all)", allocated).isLessThan(8);
    }

    @Test
    void theSampledHeaderParser() {
        // QinQ, then MPLS, then IPv4 with options
        byte[] f = SampledFrameBuilder.ethernet(1, 2).vlan(0x88A8, 10, 3).vlan(0x8100, 20, 0).mpls(100).mpls(200)
                .ipv4(Samples.v4("10.0.0.1"), Samples.v4("10.0.0.2"), new byte[] {1, 1, 1, 1, 1, 1}).udp(1000, 2000).build();
        SampledHeaderView h = new SampledHeaderView().parse(ByteBuffer.wrap(f), 0, f.length, Sflow.HEADER_ETHERNET);
        assertThat(h.vlanCount()).isEqualTo(2);
        assertThat(h.vlanId(0)).isEqualTo(10);
        assertThat(h.vlanPriority(0)).isEqualTo(3);
        assertThat(h.vlanId(1)).isEqualTo(20);
        assertThat(h.ethernetType()).isEqualTo(0x8847);
        assertThat(h.mplsLabelCount()).isEqualTo(2);
        assertThat(h.mplsLabelStackEntry(0) >>> 12).isEqualTo(100);
        assertThat(h.mplsLabelStackEntry(1) & 0x100).isNotZero();
        assertThat(h.ipVersion()).isEqualTo(4);
        assertThat(h.sourcePort()).isEqualTo(1000);
        assertThat(h.destinationPort()).isEqualTo(2000);
        assertThat(h.transportOffset()).isEqualTo(14 + 8 + 8 + 28);

        // a header cut inside the IPv4 addresses yields what is before the cut
        byte[] t = Samples.tcpFrame();
        SampledHeaderView cut = new SampledHeaderView().parse(ByteBuffer.wrap(t), 0, 18 + 16, Sflow.HEADER_ETHERNET);
        assertThat(cut.hasSourceAddress()).isTrue();
        assertThat(cut.hasDestinationAddress()).isFalse();
        assertThat(cut.ttl()).isEqualTo(63);
        assertThat(cut.hasPorts()).isFalse();
        assertThat(cut.problem()).isNull();

        // a non-first IPv4 fragment has no transport header
        byte[] frag = SampledFrameBuilder.rawIp().ipv4(Samples.v4("10.0.0.1"), Samples.v4("10.0.0.2")).fragment(7, 185, false)
                .udp(1, 2).build();
        SampledHeaderView fh = new SampledHeaderView().parse(ByteBuffer.wrap(frag), 0, frag.length, Sflow.HEADER_IPV4);
        assertThat(fh.fragmentOffset()).isEqualTo(185);
        assertThat(fh.hasPorts()).isFalse();
        assertThat(fh.protocol()).isEqualTo(17);

        // IPv6 with hop-by-hop and a first fragment: ICMPv6 found
        byte[] v6 = SampledFrameBuilder.rawIp().ipv6(Samples.v6("2001:db8::1"), Samples.v6("ff02::1")).flowLabel(0xABCDE)
                .ipv6Extension(0).fragment(99, 0, true).ipv6Extension(44).icmp(135, 0).build();
        SampledHeaderView h6 = new SampledHeaderView().parse(ByteBuffer.wrap(v6), 0, v6.length, Sflow.HEADER_IPV6);
        assertThat(h6.firstNextHeader()).isZero();
        assertThat(h6.protocol()).isEqualTo(58);
        assertThat(h6.icmpType()).isEqualTo(135);
        assertThat(h6.fragmentId()).isEqualTo(99);
        assertThat(h6.moreFragments()).isTrue();
        assertThat(h6.flowLabel()).isEqualTo(0xABCDE);
        assertThat(h6.destinationAddress()).isEqualTo(Samples.v6("ff02::1"));

        // LLC/SNAP carrying IPv4
        ByteBuffer snap = ByteBuffer.allocate(14 + 8 + 20);
        snap.put(new byte[12]).putShort((short) 28).put(new byte[] {(byte) 0xAA, (byte) 0xAA, 3, 0, 0, 0, 8, 0}).put((byte) 0x45);
        SampledHeaderView sh = new SampledHeaderView().parse(snap, 0, snap.capacity(), Sflow.HEADER_ETHERNET);
        assertThat(sh.ethernetType()).isEqualTo(0x0800);
        assertThat(sh.ipVersion()).isEqualTo(4);
    }

    @Test
    void recordViewsOfTheGenericPathAreReused() {
        RecordView[] views = new RecordView[2];
        byte[] d = SflowDatagramBuilder.create().sample(Samples.typicalFlowSample(1)).sample(Samples.typicalFlowSample(2)).toBytes();
        int[] i = {0};
        new SflowDecoder().decode(ByteBuffer.wrap(d), EXPORTER, (ctx, r) -> views[i[0]++] = r);
        assertThat(views[0]).isSameAs(views[1]);
    }

    /** The current thread's allocated bytes (com.sun.management, through reflection: the module does not read it), or -1. */
    private static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
            if (!sun.isInstance(bean)) {
                return -1;
            }
            return (long) sun.getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
