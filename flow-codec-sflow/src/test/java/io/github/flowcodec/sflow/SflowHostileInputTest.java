package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.sflow.internal.FlowMapper;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each item of the "Hostile input" list: a clear FlowCodecException (strict) or a reported skip (lenient), fast. */
class SflowHostileInputTest {

    private final List<DecodeProblem> problems = new ArrayList<>();
    private final SflowDecoder lenient = SflowDecoder.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build();

    private static final Duration FAST = Duration.ofSeconds(2);

    private static FlowCodecException strictFails(byte[] datagram) {
        ByteBuffer b = ByteBuffer.wrap(datagram);
        FlowCodecException first = null;
        for (int path = 0; path < 3; path++) {
            int p = path;
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> {
                SflowDecoder d = new SflowDecoder();
                if (p == 0) {
                    d.decodeDatagram(b);
                } else if (p == 1) {
                    d.decode(b, null);
                } else {
                    d.decode(b, null, (ctx, r) -> { });
                }
            });
            assertThat(t).as("path " + p).isInstanceOf(FlowCodecException.class);
            if (first == null) {
                first = (FlowCodecException) t;
            }
        }
        return first;
    }

    @Test
    void sampleLengthPastTheDatagram() {
        byte[] d = SflowDatagramBuilder.create().sample(Samples.counterSample(1))
                .rawSample(Sflow.SAMPLE_FLOW, 100_000, new byte[40]).toBytes();
        FlowCodecException e = strictFails(d);
        assertThat(e).isInstanceOf(TruncatedPacketException.class);
        assertThat(e.reason()).contains("sample 1 announces 100000 bytes");
        assertThat(e.offset()).isEqualTo(28 + 8 + TypedSize.of(Samples.counterSample(1)) + 4);

        SflowDatagram kept = lenient.decodeDatagram(ByteBuffer.wrap(d));
        assertThat(kept.samples()).containsExactly(Samples.counterSample(1));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("100000 bytes"));
    }

    @Test
    void recordLengthPastTheSample() {
        byte[] data = SflowDatagramBuilder.flowSampleData(Samples.flowSample(5, List.of()), 2,
                SflowDatagramBuilder.record(Sflow.FLOW_EXTENDED_SWITCH, new byte[16]),
                SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER, 4000, new byte[20]));
        byte[] d = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_FLOW, data).toBytes();
        FlowCodecException e = strictFails(d);
        assertThat(e).isInstanceOf(MalformedPacketException.class);
        assertThat(e.reason()).contains("record 1 announces 4000 bytes");

        SflowDatagram kept = lenient.decodeDatagram(ByteBuffer.wrap(d));
        assertThat(kept.samples()).singleElement().isInstanceOf(UnknownSample.class);
        assertThat(SflowEncoder.toBytes(kept)).isEqualTo(d);   // kept as bytes, re-encoded as they were
        assertThat(lenient.decode(ByteBuffer.wrap(d), null, (ctx, r) -> { })).isZero();
        assertThat(lenient.counters().extra("brokenSamples")).isEqualTo(2);
    }

    @Test
    void sampleCountsThatLie() {
        byte[] high = SflowDatagramBuilder.create().sample(Samples.typicalFlowSample(1)).declaredCount(0xFFFF_FFFFL).toBytes();
        FlowCodecException e = strictFails(high);
        assertThat(e.reason()).contains("announces 4294967295 samples but the datagram ends after 1");
        assertThat(lenient.decode(ByteBuffer.wrap(high), null, (ctx, r) -> { })).isEqualTo(1);

        byte[] low = SflowDatagramBuilder.create().sample(Samples.typicalFlowSample(1)).sample(Samples.typicalFlowSample(2))
                .declaredCount(1).toBytes();
        problems.clear();
        SflowDatagram one = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(low));
        assertThat(one.samples()).hasSize(1);
        assertThat(lenient.decodeDatagram(ByteBuffer.wrap(low)).samples()).hasSize(1);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("follow the last of the 1 samples"));

        byte[] records = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_COUNTER,
                SflowDatagramBuilder.counterSampleData(Samples.counterSample(1), 1_000_000_000L)).toBytes();
        assertThat(strictFails(records).reason()).contains("announces 1000000000 records but ends after 0");
    }

    @Test
    void xdrStringsAndArraysWithHugeDeclaredSizes() {
        // an extended user record whose first string claims 2 GB
        ByteBuffer user = ByteBuffer.allocate(12).putInt(106).putInt(0x7FFF_FFFF).putInt(0);
        // an extended gateway record with a billion AS path segments
        ByteBuffer gateway = ByteBuffer.allocate(28).putInt(1).put(new byte[4]).putInt(1).putInt(2).putInt(3).putInt(1_000_000_000).putInt(0);
        // a host adapters counter record with 4 billion adapters
        ByteBuffer adapters = ByteBuffer.allocate(8).putInt(-1).putInt(0);
        for (byte[] d : List.of(
                flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_EXTENDED_USER, user.array())),
                flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_EXTENDED_GATEWAY, gateway.array())),
                SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_COUNTER, SflowDatagramBuilder.counterSampleData(
                        Samples.counterSample(1), 1, SflowDatagramBuilder.record(Sflow.COUNTER_HOST_ADAPTERS, adapters.array()))).toBytes())) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(FAST, () -> {
                FlowCodecException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d)), FlowCodecException.class);
                assertThat(e).isInstanceOf(MalformedPacketException.class);
                assertThat(e.reason()).containsAnyOf("runs past its record", "count", "bytes left");
                problems.clear();
                SflowDatagram kept = lenient.decodeDatagram(ByteBuffer.wrap(d));
                Object record = kept.samples().get(0) instanceof FlowSample f ? f.records().get(0)
                        : ((CounterSample) kept.samples().get(0)).records().get(0);
                assertThat(record).isInstanceOfAny(FlowData.Unknown.class, CounterData.Unknown.class);
                assertThat(problems).isNotEmpty();
                assertThat(SflowEncoder.toBytes(kept)).isEqualTo(d);
            });
        }
        // the generic path reads the gateway record too: same rule
        byte[] g = flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_EXTENDED_GATEWAY, gateway.array()));
        assertThatThrownBy(() -> new SflowDecoder().decode(ByteBuffer.wrap(g), null, (c, r) -> { }))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("AS path segments");
        assertThat(lenient.decode(ByteBuffer.wrap(g), null, (c, r) -> assertThat(r.template().indexOf(FlowMapper.SRC_AS)).isNegative()))
                .isEqualTo(1);
    }

    @Test
    void headerLengthsBeyondTheRecord() {
        ByteBuffer raw = ByteBuffer.allocate(16 + 40).putInt(Sflow.HEADER_ETHERNET).putInt(1500).putInt(4).putInt(5000);
        raw.put(Samples.tcpFrame(), 0, 40);
        byte[] d = flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER, raw.array()));
        assertThat(strictFails(d).reason()).containsAnyOf("sampled header announces 5000 bytes but its record holds 40",
                "the sampled header of 5000 bytes runs past its record");
        problems.clear();
        List<Long> ports = new ArrayList<>();
        lenient.decode(ByteBuffer.wrap(d), null, (ctx, r) -> {
            int i = r.template().indexOf(FlowMapper.SRC_PORT);
            ports.add(i < 0 ? -1 : r.getLong(i));
            assertThat(r.getLong(r.template().indexOf(FlowMapper.SRC_MAC))).isNotNull();
        });
        assertThat(ports).containsExactly(-1L);   // 40 bytes: Ethernet, VLAN, IPv4 up to the addresses, no TCP
        assertThat(problems).anySatisfy(p -> assertThat(p.reason()).contains("5000"));
        assertThat(lenient.decodeDatagram(ByteBuffer.wrap(d)).samples().get(0)).isInstanceOfSatisfying(FlowSample.class,
                f -> assertThat(f.records().get(0)).isInstanceOf(FlowData.Unknown.class));
    }

    @Test
    void zeroLengthRecords() {
        byte[] d = flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER, new byte[0]),
                SflowDatagramBuilder.record(Sflow.dataFormat(8800, 1), new byte[0]),
                SflowDatagramBuilder.record(Sflow.FLOW_EXTENDED_SWITCH, new byte[0]));
        assertThat(strictFails(d).reason()).containsAnyOf("shorter than its 16-byte header", "needs 4 bytes, 0 left");
        problems.clear();
        SflowDatagram kept = lenient.decodeDatagram(ByteBuffer.wrap(d));
        assertThat(((FlowSample) kept.samples().get(0)).records()).containsExactly(
                new FlowData.Unknown(0, 1, new byte[0]), new FlowData.Unknown(8800, 1, new byte[0]),
                new FlowData.Unknown(0, 1001, new byte[0]));
        assertThat(problems).hasSize(2);   // the enterprise record is no problem
        assertThat(lenient.decode(ByteBuffer.wrap(d), null, (c, r) -> { })).isEqualTo(1);
    }

    @Test
    void ipHeaderLengthsBelowTheMinimum() {
        byte[] frame = Samples.tcpFrame();
        frame[18] = 0x42;   // IPv4, IHL 2 (8 bytes)
        byte[] d = flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER,
                SflowDatagramBuilder.flowRecordData(SampledFrameBuilder.rawHeader(frame, 128))));
        for (SflowDecoder decoder : List.of(SflowDecoder.builder().problemListener(problems::add).build(), lenient)) {
            problems.clear();
            int[] seen = {0};
            decoder.decode(ByteBuffer.wrap(d), null, (ctx, r) -> {
                seen[0]++;
                assertThat(r.template().indexOf(FlowMapper.SRC_IPV4)).isNegative();
                assertThat(r.template().indexOf(FlowMapper.DOT1Q_VLAN)).isNotNegative();
            });
            assertThat(seen[0]).isEqualTo(1);
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("below the 20-byte minimum"));
            assertThat(decoder.counters().extra("headerProblems")).isEqualTo(1);
        }
    }

    @Test
    void endlessIpv6ExtensionChains() {
        SampledFrameBuilder b = SampledFrameBuilder.ethernet(1, 2).ipv6(Samples.v6("2001:db8::1"), Samples.v6("2001:db8::2"));
        for (int i = 0; i < 150; i++) {
            b.ipv6Extension(60);
        }
        byte[] frame = b.udp(53, 53).build();
        byte[] d = flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_RAW_HEADER,
                SflowDatagramBuilder.flowRecordData(SampledFrameBuilder.rawHeader(frame, 2000))));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(FAST, () -> {
            problems.clear();
            lenient.decode(ByteBuffer.wrap(d), null, (ctx, r) -> {
                assertThat(r.template().indexOf(FlowMapper.SRC_IPV6)).isNotNegative();
                assertThat(r.template().indexOf(FlowMapper.PROTOCOL)).isNegative();   // never reached
            });
            assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("more than 16 IPv6 extension headers"));
        });
        SampledHeaderView h = ((FlowData.RawPacketHeader) ((FlowSample) new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d))
                .samples().get(0)).records().get(0)).parse();
        assertThat(h.extensionHeaderCount()).isEqualTo(SampledHeaderView.MAX_IPV6_EXTENSIONS);
        assertThat(h.hasProtocol()).isFalse();
    }

    @Test
    void headersTooShortOrWrong() {
        assertThat(strictFails(new byte[7])).isInstanceOf(TruncatedPacketException.class);
        assertThat(strictFails(new byte[] {0, 0, 0, 4, 0, 0, 0, 1})).isInstanceOf(io.github.flowcodec.core.UnsupportedVersionException.class);
        byte[] badType = SflowDatagramBuilder.create().agentRaw(7, new byte[4]).toBytes();
        assertThat(strictFails(badType).reason()).contains("agent address type 7");
        byte[] cut = SflowDatagramBuilder.create().agent(Samples.v6("2001:db8::1")).truncateTo(30).toBytes();
        assertThat(strictFails(cut)).isInstanceOf(TruncatedPacketException.class);
        // and lenient mode cannot decode them either: nothing of them is usable
        assertThatThrownBy(() -> lenient.decodeDatagram(ByteBuffer.wrap(badType))).isInstanceOf(FlowCodecException.class);
        assertThat(lenient.counters().rejected()).isEqualTo(1);
    }

    private static byte[] flowDatagram(byte[]... records) {
        return SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_FLOW,
                SflowDatagramBuilder.flowSampleData(Samples.flowSample(1, List.of()), records.length, records)).toBytes();
    }

    /** The encoded size of a sample's data. */
    static final class TypedSize {
        static int of(SflowSample s) {
            return io.github.flowcodec.sflow.internal.TypedCodec.sampleLength(s, SflowExtensions.none());
        }
    }
}
