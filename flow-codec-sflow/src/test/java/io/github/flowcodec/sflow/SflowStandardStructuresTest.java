package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.MalformedPacketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 802.11, drop, transit, application and Host sFlow structures and the discarded packet sample: each
 * layout written here by hand from the specification text (sflow_80211.txt, sflow_drops.txt,
 * sflow_application.txt, Host sFlow), decoded into the expected record and re-encoded to the same bytes;
 * and every new count or length that lies gives a FlowCodecException (strict) or the bytes kept (lenient), fast.
 */
class SflowStandardStructuresTest {

    private static final Duration FAST = Duration.ofSeconds(2);

    private final List<DecodeProblem> problems = new ArrayList<>();
    private final SflowDecoder lenient = SflowDecoder.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build();

    // ------------------------------------------------------------------ layouts

    @Test
    void ieee80211RxAndTx() {
        ByteBuffer rx = ByteBuffer.allocate(44);
        rx.putInt(3).put("lab".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);           // ssid, padded
        rx.put(new byte[] {0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0, 0});                      // bssid + 2 pad
        rx.putInt(4).putInt(36).putLong(300_000_000L).putInt(30).putInt(120).putInt(85);   // version channel speed rsni rcpi duration
        assertThat(flowRoundTrip(Sflow.FLOW_IEEE80211_RX, rx.array()))
                .isEqualTo(new FlowData.Ieee80211Rx("lab", 0x0a0b_0c0d_0e0fL, 4, 36, 300_000_000L, 30, 120, 85));

        ByteBuffer tx = ByteBuffer.allocate(48);
        tx.putInt(4).put("wifi".getBytes(StandardCharsets.US_ASCII));
        tx.put(new byte[] {1, 2, 3, 4, 5, 6, 0, 0});
        tx.putInt(3).putInt(2).putInt(85).putInt(40).putInt(11).putLong(54_000_000L).putInt(100);
        assertThat(flowRoundTrip(Sflow.FLOW_IEEE80211_TX, tx.array()))
                .isEqualTo(new FlowData.Ieee80211Tx("wifi", 0x0102_0304_0506L, 3, 2, 85, 40, 11, 54_000_000L, 100));
    }

    @Test
    void ieee80211PayloadAndAggregation() {
        ByteBuffer payload = ByteBuffer.allocate(4 + 16 + 8);
        payload.putInt(0x000F_AC04).putInt(Sflow.HEADER_IPV4).putInt(1500).putInt(0).putInt(5).put(new byte[] {0x45, 0, 0, 1, 2}).put(new byte[3]);
        assertThat(flowRoundTrip(Sflow.FLOW_IEEE80211_PAYLOAD, payload.array())).isEqualTo(new FlowData.Ieee80211Payload(
                0x000F_AC04L, new FlowData.RawPacketHeader(Sflow.HEADER_IPV4, 1500, 0, new byte[] {0x45, 0, 0, 1, 2})));

        // two PDUs: the first with an extended switch record, the second with an egress queue and a vendor record
        ByteBuffer agg = ByteBuffer.allocate(4 + 4 + 24 + 4 + 12 + 12);
        agg.putInt(2);
        agg.putInt(1).putInt(Sflow.FLOW_EXTENDED_SWITCH).putInt(16).putInt(10).putInt(1).putInt(20).putInt(2);
        agg.putInt(2).putInt(Sflow.FLOW_EGRESS_QUEUE).putInt(4).putInt(7);
        agg.putInt(Sflow.dataFormat(9, 9)).putInt(3).put(new byte[] {1, 2, 3, 0});
        assertThat(flowRoundTrip(Sflow.FLOW_IEEE80211_AGGREGATION, agg.array())).isEqualTo(new FlowData.Ieee80211Aggregation(List.of(
                List.of(new FlowData.ExtendedSwitch(10, 1, 20, 2)),
                List.of(new FlowData.EgressQueue(7), new FlowData.Unknown(9, 9, new byte[] {1, 2, 3})))));
    }

    @Test
    void dropTransitAndHostRecords() {
        ByteBuffer trap = ByteBuffer.allocate(4 + 8 + 4 + 20);
        trap.putInt(8).put("l2_drops".getBytes(StandardCharsets.US_ASCII)).putInt(19)
                .put("ingress_vlan_filter".getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        assertThat(flowRoundTrip(Sflow.FLOW_HW_TRAP, trap.array())).isEqualTo(new FlowData.HardwareTrap("l2_drops", "ingress_vlan_filter"));
        assertThat(flowRoundTrip(Sflow.FLOW_EXTENDED_NAT_PORT, ByteBuffer.allocate(8).putInt(61000).putInt(443).array()))
                .isEqualTo(new FlowData.ExtendedNatPort(61000, 443));
        assertThat(flowRoundTrip(Sflow.FLOW_TRANSIT, ByteBuffer.allocate(4).putInt(4200).array())).isEqualTo(new FlowData.TransitDelay(4200));
        assertThat(flowRoundTrip(Sflow.FLOW_QUEUE_DEPTH, ByteBuffer.allocate(4).putInt(-1).array()))
                .isEqualTo(new FlowData.QueueDepth(0xFFFF_FFFFL));

        ByteBuffer proxy = ByteBuffer.allocate(20).putInt(6).put(new byte[] {10, 0, 0, 1}).put(new byte[] {10, 0, 0, 2}).putInt(41000).putInt(8080);
        assertThat(flowRoundTrip(Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV4, proxy.array()))
                .isEqualTo(new FlowData.ExtendedProxySocket(6, Samples.v4("10.0.0.1"), Samples.v4("10.0.0.2"), 41000, 8080));
        ByteBuffer proxy6 = ByteBuffer.allocate(44).putInt(17).put(Samples.v6("2001:db8::1").getAddress())
                .put(Samples.v6("2001:db8::2").getAddress()).putInt(53).putInt(5353);
        assertThat(flowRoundTrip(Sflow.FLOW_EXTENDED_PROXY_SOCKET_IPV6, proxy6.array())).isEqualTo(new FlowData.ExtendedProxySocket(17,
                Samples.v6("2001:db8::1"), Samples.v6("2001:db8::2"), 53, 5353));

        ByteBuffer tcp = ByteBuffer.allocate(48);
        for (int i = 1; i <= 12; i++) {
            tcp.putInt(i);
        }
        assertThat(flowRoundTrip(Sflow.FLOW_EXTENDED_TCP_INFO, tcp.array()))
                .isEqualTo(new FlowData.ExtendedTcpInfo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(flowRoundTrip(Sflow.FLOW_EXTENDED_ENTITIES, ByteBuffer.allocate(16).putInt(3).putInt(17).putInt(0).putInt(2).array()))
                .isEqualTo(new FlowData.ExtendedEntities(3, 17, 0, 2));
    }

    @Test
    void applicationFlowRecords() {
        ByteBuffer mc = ByteBuffer.allocate(8 + 12 + 16).putInt(1).putInt(7).putInt(5).put("k:42".getBytes(StandardCharsets.US_ASCII))
                .put(new byte[] {'x', 0, 0, 0}).putInt(1).putInt(512).putInt(180).putInt(1);
        assertThat(flowRoundTrip(Sflow.FLOW_MEMCACHE, mc.array())).isEqualTo(new FlowData.Memcache(1, 7, "k:42x", 1, 512, 180, 1));

        // 0:2201: method, protocol, uri, host, referrer, user agent, auth user, MIME type, response bytes, duration, status
        ByteBuffer h1 = ByteBuffer.allocate(8 + 8 + 8 + 4 + 8 + 4 + 8 + 16);
        h1.putInt(2).putInt(1001).putInt(2).put(new byte[] {'/', 'a', 0, 0}).putInt(4).put("x.io".getBytes(StandardCharsets.US_ASCII))
                .putInt(0).putInt(4).put("curl".getBytes(StandardCharsets.US_ASCII)).putInt(0)
                .putInt(4).put("text".getBytes(StandardCharsets.US_ASCII)).putLong(5120).putInt(850).putInt(200);
        assertThat(flowRoundTrip(Sflow.FLOW_HTTP, h1.array())).isEqualTo(new FlowData.HttpRequest(false, 2, 1001, "/a", "x.io", "",
                "curl", "", "", "text", 0, 5120, 850, 200));
        // 0:2206 adds X-Forwarded-For after the user agent and request bytes before the response bytes
        ByteBuffer h2 = ByteBuffer.allocate(8 + 8 + 8 + 4 + 8 + 8 + 4 + 8 + 24);
        h2.putInt(4).putInt(2000).putInt(2).put(new byte[] {'/', 'b', 0, 0}).putInt(4).put("y.io".getBytes(StandardCharsets.US_ASCII))
                .putInt(0).putInt(4).put("wget".getBytes(StandardCharsets.US_ASCII)).putInt(4).put(new byte[] {10, 0, 0, 9})
                .putInt(0).putInt(4).put("json".getBytes(StandardCharsets.US_ASCII)).putLong(300).putLong(20).putInt(99).putInt(201);
        assertThat(flowRoundTrip(Sflow.FLOW_HTTP2, h2.array())).isEqualTo(new FlowData.HttpRequest(true, 4, 2000, "/b", "y.io", "",
                "wget", new String(new byte[] {10, 0, 0, 9}, StandardCharsets.UTF_8), "", "json", 300, 20, 99, 201));

        ByteBuffer op = ByteBuffer.allocate(8 + 8 + 4 + 4 + 24).putInt(3).put(new byte[] {'p', 'a', 'y', 0}).putInt(4)
                .put("auth".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(0).putLong(310).putLong(120).putInt(4500).putInt(2);
        assertThat(flowRoundTrip(Sflow.FLOW_APP_OPERATION, op.array()))
                .isEqualTo(new FlowData.AppOperation("pay", "auth", "", "", 310, 120, 4500, 2));
        ByteBuffer ctx = ByteBuffer.allocate(8 + 4 + 8).putInt(3).put(new byte[] {'p', 'a', 'y', 0}).putInt(0).putInt(1).put(new byte[] {'k', 0, 0, 0});
        assertThat(flowRoundTrip(Sflow.FLOW_APP_CONTEXT, ctx.array())).isEqualTo(new FlowData.AppContext("pay", "", "k"));
        byte[] actor = ByteBuffer.allocate(8).putInt(2).put(new byte[] {'c', '1', 0, 0}).array();
        assertThat(flowRoundTrip(Sflow.FLOW_APP_ACTOR_INITIATOR, actor)).isEqualTo(new FlowData.AppActor(false, "c1"));
        assertThat(flowRoundTrip(Sflow.FLOW_APP_ACTOR_TARGET, actor)).isEqualTo(new FlowData.AppActor(true, "c1"));
    }

    @Test
    void radioAndApplicationCounters() {
        assertThat(counterRoundTrip(Sflow.COUNTER_RADIO_UTILIZATION, ByteBuffer.allocate(12).putInt(30_000).putInt(29_500).putInt(6_000).array()))
                .isEqualTo(new CounterData.RadioUtilization(30_000, 29_500, 6_000));

        ByteBuffer ops = ByteBuffer.allocate(12 + 44);
        ops.putInt(8).put("payments".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 11; i++) {
            ops.putInt(100 + i);
        }
        assertThat(counterRoundTrip(Sflow.COUNTER_APP_OPERATIONS, ops.array()))
                .isEqualTo(new CounterData.AppOperations("payments", 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110));

        ByteBuffer res = ByteBuffer.allocate(40).putInt(1).putInt(2).putLong(3L << 32).putLong(4L << 32).putInt(5).putInt(6).putInt(7).putInt(8);
        assertThat(counterRoundTrip(Sflow.COUNTER_APP_RESOURCES, res.array()))
                .isEqualTo(new CounterData.AppResources(1, 2, 3L << 32, 4L << 32, 5, 6, 7, 8));
        assertThat(counterRoundTrip(Sflow.COUNTER_APP_WORKERS, ByteBuffer.allocate(20).putInt(12).putInt(4).putInt(16).putInt(1).putInt(0).array()))
                .isEqualTo(new CounterData.AppWorkers(12, 4, 16, 1, 0));
    }

    @Test
    void lagAndOpticsCounters() {
        ByteBuffer lacp = ByteBuffer.allocate(56);
        lacp.put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0}).put(new byte[] {0x66, 0x77, (byte) 0x88, (byte) 0x99, 0, 1, 0, 0});
        lacp.putInt(1000).putInt(0x3D3D_3C3C);
        for (int i = 1; i <= 8; i++) {
            lacp.putInt(i);
        }
        assertThat(counterRoundTrip(Sflow.COUNTER_LACP, lacp.array())).isEqualTo(new CounterData.Lacp(0x0011_2233_4455L,
                0x6677_8899_0001L, 1000, 0x3D3D_3C3CL, 1, 2, 3, 4, 5, 6, 7, 8));

        ByteBuffer sfp = ByteBuffer.allocate(20 + 80).putInt(49).putInt(4).putInt(3_300_000).putInt(-5_000).putInt(2);
        for (int lane = 1; lane <= 2; lane++) {
            for (int i = 0; i < 10; i++) {
                sfp.putInt(lane * 100 + i);
            }
        }
        assertThat(counterRoundTrip(Sflow.COUNTER_SFP, sfp.array())).isEqualTo(new CounterData.Sfp(49, 4, 3_300_000, -5_000, List.of(
                new CounterData.SfpLane(100, 101, 102, 103, 104, 105, 106, 107, 108, 109),
                new CounterData.SfpLane(200, 201, 202, 203, 204, 205, 206, 207, 208, 209))));
    }

    @Test
    void discardedPacketSample() {
        byte[] reason = SflowDatagramBuilder.record(Sflow.FLOW_LINUX_DROP_REASON,
                ByteBuffer.allocate(12).putInt(8).put("NO_ROUTE".getBytes(StandardCharsets.US_ASCII)).array());
        byte[] fn = SflowDatagramBuilder.record(Sflow.FLOW_FUNCTION,
                ByteBuffer.allocate(12).putInt(7).put("ip_rcv".getBytes(StandardCharsets.US_ASCII)).put((byte) 'x').array());
        byte[] d = discardDatagram(2, reason, fn);
        SflowDatagram decoded = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d));
        assertThat(decoded.samples()).containsExactly(new DiscardedPacket(9, 0, 3, 1, 3, 0, 258, List.of(
                new FlowData.LinuxDropReason("NO_ROUTE"), new FlowData.DropFunction("ip_rcvx"))));
        assertThat(SflowEncoder.toBytes(decoded)).isEqualTo(d);
        // the record-level paths do not map events, they skip them as other samples
        assertThat(new SflowDecoder().decode(ByteBuffer.wrap(d), null, (c, r) -> { })).isZero();
    }

    // ------------------------------------------------------------------ hostile input

    @Test
    void aggregationCountsAndLengthsThatLie() {
        ByteBuffer pdus = ByteBuffer.allocate(8).putInt(-1).putInt(0);                       // 4 billion PDUs
        ByteBuffer records = ByteBuffer.allocate(8).putInt(1).putInt(1_000_000_000);         // one PDU, a billion records
        ByteBuffer past = ByteBuffer.allocate(20).putInt(1).putInt(1).putInt(Sflow.FLOW_EGRESS_QUEUE).putInt(4000).putInt(7);
        ByteBuffer huge = ByteBuffer.allocate(20).putInt(1).putInt(1).putInt(Sflow.FLOW_EGRESS_QUEUE).putInt(-4).putInt(7);
        for (ByteBuffer data : List.of(pdus, records, past, huge)) {
            keptAsBytes(flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_IEEE80211_AGGREGATION, data.array())),
                    "count", "announces", "bytes left", "remain");
        }
    }

    @Test
    void aggregationsNestedTooDeep() {
        byte[] inner = SflowDatagramBuilder.record(Sflow.FLOW_EGRESS_QUEUE, ByteBuffer.allocate(4).putInt(1).array());
        for (int level = 0; level <= Sflow.MAX_AGGREGATION_DEPTH; level++) {
            inner = SflowDatagramBuilder.record(Sflow.FLOW_IEEE80211_AGGREGATION,
                    ByteBuffer.allocate(8 + inner.length).putInt(1).putInt(1).put(inner).array());
        }
        keptAsBytes(flowDatagram(inner), "nested deeper than " + Sflow.MAX_AGGREGATION_DEPTH);

        // one level less decodes
        FlowData ok = new FlowData.EgressQueue(1);
        for (int level = 0; level < Sflow.MAX_AGGREGATION_DEPTH; level++) {
            ok = new FlowData.Ieee80211Aggregation(List.of(List.of(ok)));
        }
        SflowDatagram d = new SflowDatagram(null, 0, 1, 2, List.of(Samples.flowSample(1, List.of(ok))));
        assertThat(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(SflowEncoder.toBytes(d)))).isEqualTo(d);
        // and the model refuses to build the deeper one, so whatever encodes decodes
        FlowData tooDeep = ok;
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new FlowData.Ieee80211Aggregation(List.of(List.of(tooDeep))))
                .withMessageContaining("at most " + Sflow.MAX_AGGREGATION_DEPTH);
    }

    @Test
    void stringsWithHugeDeclaredSizes() {
        ByteBuffer rx = ByteBuffer.allocate(44).putInt(0x7FFF_FFFF);
        ByteBuffer trap = ByteBuffer.allocate(16).putInt(4).putInt(0).putInt(-8);
        keptAsBytes(flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_IEEE80211_RX, rx.array())), "runs past its record");
        keptAsBytes(flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_HW_TRAP, trap.array())), "runs past its record");
        ByteBuffer payload = ByteBuffer.allocate(24).putInt(1).putInt(1).putInt(1500).putInt(0).putInt(5000);
        keptAsBytes(flowDatagram(SflowDatagramBuilder.record(Sflow.FLOW_IEEE80211_PAYLOAD, payload.array())), "runs past its record");
        ByteBuffer app = ByteBuffer.allocate(48).putInt(-1);
        byte[] counters = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_COUNTER, SflowDatagramBuilder.counterSampleData(
                Samples.counterSample(1), 1, SflowDatagramBuilder.record(Sflow.COUNTER_APP_OPERATIONS, app.array()))).toBytes();
        keptAsBytes(counters, "runs past its record");
    }

    @Test
    void sfpLaneCountsThatLie() {
        for (int lanes : new int[] {-1, 1_000_000, 2}) {   // 4 billion, a million, and two where one fits
            ByteBuffer sfp = ByteBuffer.allocate(20 + 40).putInt(1).putInt(4).putInt(0).putInt(0).putInt(lanes);
            byte[] d = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_COUNTER, SflowDatagramBuilder.counterSampleData(
                    Samples.counterSample(1), 1, SflowDatagramBuilder.record(Sflow.COUNTER_SFP, sfp.array()))).toBytes();
            keptAsBytes(d, "SFP lane count");
        }
    }

    @Test
    void discardedPacketCountsAndLengthsThatLie() {
        byte[] queue = SflowDatagramBuilder.record(Sflow.FLOW_EGRESS_QUEUE, ByteBuffer.allocate(4).putInt(1).array());
        for (byte[] d : List.of(
                discardDatagram(1_000_000_000L, queue),                                                  // a billion records
                discardDatagram(0xFFFF_FFFFL),                                                           // 4 billion, none there
                discardDatagram(1, SflowDatagramBuilder.record(Sflow.FLOW_EGRESS_QUEUE, 4000, new byte[4])),   // length past the sample
                discardDatagram(1, queue, queue),                                                        // bytes after the records
                SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_DISCARDED_PACKET, new byte[20]).toBytes())) {   // header cut short
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(FAST, () -> {
                FlowCodecException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d)), FlowCodecException.class);
                assertThat(e).isInstanceOf(MalformedPacketException.class);
                problems.clear();
                SflowDatagram kept = lenient.decodeDatagram(ByteBuffer.wrap(d));
                assertThat(kept.samples()).singleElement().isInstanceOfSatisfying(UnknownSample.class,
                        u -> assertThat(u.format()).isEqualTo(Sflow.SAMPLE_DISCARDED_PACKET));
                assertThat(problems).singleElement();
                assertThat(SflowEncoder.toBytes(kept)).isEqualTo(d);
            });
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Strict: MalformedPacketException naming one of the reasons; lenient: the record kept as bytes, reported, re-encoded as it was. */
    private void keptAsBytes(byte[] d, String... reasons) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(FAST, () -> {
            FlowCodecException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d)), FlowCodecException.class);
            assertThat(e).isInstanceOf(MalformedPacketException.class);
            assertThat(e.reason()).containsAnyOf(reasons);
            problems.clear();
            SflowDatagram kept = lenient.decodeDatagram(ByteBuffer.wrap(d));
            Object record = kept.samples().get(0) instanceof FlowSample f ? f.records().get(0)
                    : ((CounterSample) kept.samples().get(0)).records().get(0);
            assertThat(record).isInstanceOfAny(FlowData.Unknown.class, CounterData.Unknown.class);
            assertThat(problems).isNotEmpty();
            assertThat(SflowEncoder.toBytes(kept)).isEqualTo(d);
        });
    }

    private static byte[] flowDatagram(byte[]... records) {
        return SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_FLOW,
                SflowDatagramBuilder.flowSampleData(Samples.flowSample(1, List.of()), records.length, records)).toBytes();
    }

    /** A 0:5 sample: sequence 9, source 0:3, 1 drop, input 3, output 0, reason 258, then the record count and records. */
    private static byte[] discardDatagram(long declaredRecords, byte[]... records) {
        int n = 32;
        for (byte[] r : records) {
            n += r.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n).putInt(9).putInt(0).putInt(3).putInt(1).putInt(3).putInt(0).putInt(258)
                .putInt((int) declaredRecords);
        for (byte[] r : records) {
            b.put(r);
        }
        return SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_DISCARDED_PACKET, b.array()).toBytes();
    }

    /** Decodes a one-record flow datagram strictly, checks it re-encodes to the same bytes, and returns the record. */
    private static FlowData flowRoundTrip(int format, byte[] data) {
        byte[] d = flowDatagram(SflowDatagramBuilder.record(format, data));
        SflowDatagram decoded = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d));
        assertThat(SflowEncoder.toBytes(decoded)).isEqualTo(d);
        return ((FlowSample) decoded.samples().get(0)).records().get(0);
    }

    private static CounterData counterRoundTrip(int format, byte[] data) {
        byte[] d = SflowDatagramBuilder.create().rawSample(Sflow.SAMPLE_COUNTER, SflowDatagramBuilder.counterSampleData(
                Samples.counterSample(1), 1, SflowDatagramBuilder.record(format, data))).toBytes();
        SflowDatagram decoded = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d));
        assertThat(SflowEncoder.toBytes(decoded)).isEqualTo(d);
        return ((CounterSample) decoded.samples().get(0)).records().get(0);
    }
}
