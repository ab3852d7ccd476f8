package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.proto.FlowProto;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.SampledFrameBuilder;
import io.github.flowcodec.sflow.SampledHeaderView;
import io.github.flowcodec.sflow.SflowDatagramBuilder;
import io.github.flowcodec.sflow.SflowDecoder;
import io.github.flowcodec.sflow.SflowSampleHandler;
import io.github.flowcodec.sflow.SflowSampleView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list fields: MPLS labels of NetFlow v9 and IPFIX, AS path and BGP communities of sFlow's extended gateway. */
class FlowMessageListsTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.9", 2055);

    private static FieldSpec f(String name) {
        return FieldSpec.of(IANA.require(name));
    }

    /** A label stack entry of three bytes: label, experimental bits, bottom of stack. */
    private static long entry(int label, int exp, boolean bottom) {
        return (long) label << 4 | exp << 1 | (bottom ? 1 : 0);
    }

    @Test
    void mplsLabelsComeFromTheLabelStackSectionsAsGoflow2ReadsThem() throws IOException {
        Template t = Template.of(256, f("octetDeltaCount"), f("mplsTopLabelStackSection"), f("mplsLabelStackSection2"),
                f("mplsLabelStackSection3"), f("mplsLabelStackSection4"));
        FlowRecord r = FlowRecord.builder(t).setLong(0, 1).setLong(1, entry(16, 0, false)).setLong(2, entry(1048575, 7, false))
                .setLong(3, entry(299776, 0, true)).setLong(4, entry(5, 0, true)).build();
        FlowMessageView m = new FlowMessageView().fill(TestContexts.templated(FlowProtocol.IPFIX, EXPORTER, 0), r, 1);
        // goflow2 reads the top three sections only
        assertThat(m.get(FlowField.MPLS_LABEL)).isEqualTo(3);
        assertThat(List.of(m.listValue(FlowField.MPLS_LABEL, 0), m.listValue(FlowField.MPLS_LABEL, 1),
                m.listValue(FlowField.MPLS_LABEL, 2))).containsExactly(16L, 1048575L, 299776L);
        assertThat(json(m, JsonLayout.GOFLOW2)).contains("\"mpls_ttl\":[],\"mpls_label\":[16,1048575,299776],\"mpls_ip\":[]");
        assertThat(json(m, JsonLayout.COMPACT)).contains(",\"mpls_label\":[16,1048575,299776]");
        assertThat(protobuf(m).getMplsLabelList()).containsExactly(16, 1048575, 299776);

        // a deeper section without the top one: the top is 0, as in goflow2's list
        Template second = Template.of(257, f("mplsLabelStackSection2"));
        FlowMessageView m2 = new FlowMessageView().fill(TestContexts.templated(FlowProtocol.NETFLOW_V9, EXPORTER, 0),
                FlowRecord.builder(second).setLong(0, entry(100, 0, true)).build(), 1);
        assertThat(json(m2, JsonLayout.GOFLOW2)).contains("\"mpls_label\":[0,100]");

        // none: goflow2's empty array, and nothing in the compact line or the protobuf message
        Template none = Template.of(258, f("octetDeltaCount"));
        FlowMessageView m3 = new FlowMessageView().fill(TestContexts.templated(FlowProtocol.IPFIX, EXPORTER, 0),
                FlowRecord.builder(none).setLong(0, 5).build(), 1);
        assertThat(m3.has(FlowField.MPLS_LABEL)).isFalse();
        assertThat(json(m3, JsonLayout.GOFLOW2)).contains("\"bgp_communities\":[],\"as_path\":[],\"mpls_ttl\":[],\"mpls_label\":[]");
        assertThat(json(m3, JsonLayout.COMPACT)).doesNotContain("mpls_label");
        assertThat(protobuf(m3).getMplsLabelCount()).isZero();
    }

    @Test
    void sflowsExtendedGatewayGivesTheAsPathAndCommunities() throws IOException {
        FlowSample s = FlowSample.compact(9, 0, 3, 512, 5120, 0, 3, 7, List.of(
                SampledFrameBuilder.rawHeader(SampledFrameBuilder.ethernet(0xAAL, 0xBBL)
                        .ipv4((Inet4Address) InetAddress.getByName("10.0.0.1"), (Inet4Address) InetAddress.getByName("10.0.0.2"))
                        .build(), 128),
                new FlowData.ExtendedGateway(InetAddress.getByName("192.0.2.254"), 64496, 64497, 64498,
                        List.of(new FlowData.AsPathSegment(2, List.of(64498L, 64499L)), new FlowData.AsPathSegment(1, List.of(4200000000L))),
                        List.of(0xFDE8_0001L, 0xFFFF_FF01L), 100)));
        InetAddress agent = InetAddress.getByName("198.51.100.7");
        byte[] datagram = SflowDatagramBuilder.create().agent(agent).sample(s).toBytes();
        List<String> goflow2 = new ArrayList<>();
        List<String> compact = new ArrayList<>();
        List<FlowProto.FlowMessage> pb = new ArrayList<>();
        FlowMessageView m = new FlowMessageView();
        int n = new SflowDecoder().decode(ByteBuffer.wrap(datagram), EXPORTER, (ctx, record) -> {
            m.fill(ctx, record, 1);
            assertThat(m.listValue(FlowField.AS_PATH, 2)).isEqualTo(4200000000L);
            goflow2.add(json(m, JsonLayout.GOFLOW2));
            compact.add(json(m, JsonLayout.COMPACT));
            pb.add(protobuf(m));
        });
        assertThat(n).isEqualTo(1);
        assertThat(goflow2.get(0)).contains("\"sampler_address\":\"198.51.100.7\"", "\"next_hop_as\":64498",
                "\"bgp_next_hop\":\"192.0.2.254\"", "\"bgp_communities\":[4259840001,4294967041],\"as_path\":[64498,64499,4200000000]");
        assertThat(compact.get(0)).contains("\"bgp_communities\":[4259840001,4294967041]", "\"as_path\":[64498,64499,4200000000]");
        assertThat(pb.get(0).getAsPathList()).containsExactly(64498, 64499, (int) 4200000000L);
        assertThat(pb.get(0).getBgpCommunitiesList()).containsExactly(0xFDE8_0001, 0xFFFF_FF01);
        assertThat(pb.get(0).getNextHopAs()).isEqualTo(64498);
        assertThat(m.toMessage().toString()).contains("as_path=[64498,64499,4200000000]");
    }

    @Test
    void sflowsSampledLabelStackGivesTheMplsLabelsAndTtlsAsGoflow2() throws IOException {
        Inet4Address src = (Inet4Address) InetAddress.getByName("10.0.0.1");
        Inet4Address dst = (Inet4Address) InetAddress.getByName("10.0.0.2");
        List<FlowSample> samples = List.of(
                FlowSample.compact(1, 0, 3, 512, 5120, 0, 3, 7, List.of(SampledFrameBuilder.rawHeader(
                        SampledFrameBuilder.ethernet(0xAAL, 0xBBL).mpls(16).mpls(299776).ipv4(src, dst).udp(53, 53).build(), 128))),
                // a reserved label (3, implicit null) ends the stack as goflow2 reads it, though its S bit is clear
                FlowSample.compact(2, 0, 3, 512, 5120, 0, 3, 7, List.of(SampledFrameBuilder.rawHeader(
                        SampledFrameBuilder.ethernet(0xAAL, 0xBBL).mpls(3).mpls(100).ipv4(src, dst).build(), 128))),
                FlowSample.compact(3, 0, 3, 512, 5120, 0, 3, 7, List.of(SampledFrameBuilder.rawHeader(
                        SampledFrameBuilder.ethernet(0xAAL, 0xBBL).ipv4(src, dst).build(), 128))));
        SflowDatagramBuilder builder = SflowDatagramBuilder.create().agent(InetAddress.getByName("198.51.100.7"));
        samples.forEach(builder::sample);
        byte[] datagram = builder.toBytes();
        List<String> goflow2 = new ArrayList<>();
        List<FlowProto.FlowMessage> pb = new ArrayList<>();
        FlowMessageView m = new FlowMessageView();
        int n = new SflowDecoder().decode(ByteBuffer.wrap(datagram), EXPORTER, (ctx, record) -> {
            m.fill(ctx, record, 1);
            goflow2.add(json(m, JsonLayout.GOFLOW2));
            pb.add(protobuf(m));
        });
        assertThat(n).isEqualTo(3);
        assertThat(goflow2.get(0)).contains("\"mpls_ttl\":[64,64],\"mpls_label\":[16,299776]", "\"src_addr\":\"10.0.0.1\"",
                "\"etype\":\"IPv4\"");
        assertThat(pb.get(0).getMplsLabelList()).containsExactly(16, 299776);
        assertThat(pb.get(0).getMplsTtlList()).containsExactly(64, 64);
        assertThat(goflow2.get(1)).contains("\"mpls_ttl\":[64],\"mpls_label\":[3]");
        assertThat(goflow2.get(2)).contains("\"mpls_ttl\":[],\"mpls_label\":[]");
    }

    @Test
    void aSamplesHeaderIsParsedOnRequestOutsideTheRecordPath() throws IOException {
        FlowSample s = FlowSample.compact(1, 0, 3, 512, 5120, 0, 3, 7, List.of(SampledFrameBuilder.rawHeader(
                SampledFrameBuilder.ethernet(0xAAL, 0xBBL).mpls(42).ipv4((Inet4Address) InetAddress.getByName("10.0.0.1"),
                        (Inet4Address) InetAddress.getByName("10.0.0.2")).build(), 128)));
        FlowSample plain = FlowSample.compact(2, 0, 3, 512, 5120, 0, 3, 7, List.of());
        byte[] datagram = SflowDatagramBuilder.create().agent(InetAddress.getByName("198.51.100.7")).sample(s).sample(plain).toBytes();
        List<Integer> labels = new ArrayList<>();
        new SflowDecoder().decode(ByteBuffer.wrap(datagram), EXPORTER, new SflowSampleHandler() {
            @Override
            public void onFlowSample(SflowSampleView v) {
                SampledHeaderView h = v.sampledHeader();
                labels.add(h == null ? -1 : h.mplsLabelCount() == 0 ? 0 : h.mplsLabelStackEntry(0) >>> 12);
            }
        });
        assertThat(labels).containsExactly(42, -1);
    }

    @Test
    void aGatewayRecordWhoseLengthsDoNotAddUpGivesNoLists() throws IOException {
        FlowData.ExtendedGateway g = new FlowData.ExtendedGateway(InetAddress.getByName("192.0.2.254"), 64496, 64497, 64498,
                List.of(new FlowData.AsPathSegment(2, List.of(64498L, 64499L))), List.of(0xFDE8_0001L), 100);
        byte[] good = SflowDatagramBuilder.flowRecordData(g);
        byte[] moreSegments = good.clone();
        moreSegments[8 + 12 + 3] = 9; // nine AS path segments announced, one present
        byte[] badAddressType = good.clone();
        badAddressType[3] = 7;
        for (byte[] gateway : List.of(good, moreSegments, badAddressType)) {
            byte[] sample = SflowDatagramBuilder.flowSampleData(FlowSample.compact(9, 0, 3, 512, 5120, 0, 3, 7, List.of()), 2,
                    SflowDatagramBuilder.record(io.github.flowcodec.sflow.Sflow.FLOW_RAW_HEADER, SflowDatagramBuilder.flowRecordData(
                            SampledFrameBuilder.rawHeader(SampledFrameBuilder.ethernet(0xAAL, 0xBBL).ipv4(
                                    (Inet4Address) InetAddress.getByName("10.0.0.1"), (Inet4Address) InetAddress.getByName("10.0.0.2"))
                                    .build(), 128))),
                    SflowDatagramBuilder.record(io.github.flowcodec.sflow.Sflow.FLOW_EXTENDED_GATEWAY, gateway));
            byte[] datagram = SflowDatagramBuilder.create().rawSample(io.github.flowcodec.sflow.Sflow.SAMPLE_FLOW, sample).toBytes();
            List<FlowMessage> got = new ArrayList<>();
            FlowMessageView m = new FlowMessageView();
            // lenient: the decoder reports the broken record and hands the sample on
            new SflowDecoder(io.github.flowcodec.core.DecoderOptions.builder().mode(io.github.flowcodec.core.DecodeMode.LENIENT)
                    .problemListener(p -> { }).build())
                    .decode(ByteBuffer.wrap(datagram), EXPORTER, (ctx, record) -> got.add(m.fill(ctx, record, 1).toMessage()));
            assertThat(got).hasSize(1);
            boolean whole = gateway == good;
            assertThat(got.get(0).has(FlowField.AS_PATH)).as("as_path").isEqualTo(whole);
            assertThat(got.get(0).has(FlowField.BGP_COMMUNITIES)).as("bgp_communities").isEqualTo(whole);
            assertThat(got.get(0).has(FlowField.NEXT_HOP_AS)).as("next_hop_as").isEqualTo(whole);
            assertThat(got.get(0).address(FlowField.SRC_ADDR)).isEqualTo(InetAddress.getByName("10.0.0.1"));
        }
    }

    @Test
    void theBuilderSetsListsAndKeepsThemApart() {
        FlowMessage a = FlowMessage.builder().list(FlowField.AS_PATH, 1, 2, 3).build();
        FlowMessage b = a.toBuilder().list(FlowField.AS_PATH, 1, 2).build();
        assertThat(a.get(FlowField.AS_PATH)).isEqualTo(3);
        assertThat(b.get(FlowField.AS_PATH)).isEqualTo(2);
        assertThat(a).isNotEqualTo(b).isEqualTo(a.toBuilder().build()).hasSameHashCodeAs(a.toBuilder().build());
        assertThatThrownBy(() -> a.listValue(FlowField.AS_PATH, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> FlowMessage.builder().list(FlowField.AS_PATH, new long[FlowMessageFields.MAX_LIST + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().list(FlowField.AS_PATH, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().set(FlowField.MPLS_LABEL, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The message as one line of {@code layout}. */
    static String json(FlowMessageFields m, JsonLayout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter w = new FlowMessageJsonWriter(out, layout)) {
            w.write(m);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The message written length-delimited, read back with protobuf-java's generated parser. */
    static FlowProto.FlowMessage protobuf(FlowMessageFields m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageProtobufWriter w = new FlowMessageProtobufWriter(out)) {
            w.write(m);
            w.flush();
            return FlowProto.FlowMessage.parseDelimitedFrom(new ByteArrayInputStream(out.toByteArray()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
