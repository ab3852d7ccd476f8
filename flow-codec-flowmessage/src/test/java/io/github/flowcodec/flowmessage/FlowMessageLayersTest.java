package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.proto.FlowProto;
import io.github.flowcodec.ipfix.IpfixDecoder;
import io.github.flowcodec.ipfix.IpfixEncoder;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.SampledFrameBuilder;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowDatagramBuilder;
import io.github.flowcodec.sflow.SflowDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * goflow2's remaining fields: mpls_ip from NetFlow v9 and IPFIX records, layer_stack and layer_size (and the SRv6
 * fields) from sFlow's sampled Ethernet header, through the decoders, the mapping and every writer.
 */
class FlowMessageLayersTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.9", 2055);

    private static FieldSpec f(String name) {
        return FieldSpec.of(IANA.require(name));
    }

    /** Each record encoded by {@code encoder}, decoded by {@code decoder} (zero-copy) and mapped. */
    private static List<FlowMessage> roundTrip(DatagramEncoder<FlowRecord> encoder, DatagramDecoder<?> decoder,
            List<FlowRecord> records) {
        List<FlowMessage> out = new ArrayList<>();
        FlowMessageView m = new FlowMessageView();
        for (ByteBuffer d : encoder.encode(records)) {
            decoder.decode(d, EXPORTER, (ExportContext ctx, io.github.flowcodec.core.RecordView r) -> out.add(m.fill(ctx, r, 1).toMessage()));
        }
        return out;
    }

    /**
     * A materialized record maps through the mapping's own view over a copy of its bytes: the same message as the
     * decoder's view gives, for fixed- and variable-length templates, fields in and past the record's first 8 bytes.
     */
    @Test
    void aRecordAndItsViewMapToTheSameMessage() throws IOException {
        Template fixed = Template.of(310, f("protocolIdentifier"), f("sourceIPv4Address"), f("destinationIPv4Address"),
                f("sourceTransportPort"), f("octetDeltaCount"), f("mplsTopLabelIPv4Address"));
        Template variable = Template.of(311, f("sourceIPv6Address"), f("applicationName"), f("destinationIPv6Address"),
                f("packetDeltaCount"), f("interfaceName"), f("ingressInterface"));
        List<FlowRecord> records = List.of(
                FlowRecord.builder(fixed).setLong(0, 6).setAddress(1, InetAddress.getByName("10.1.2.3"))
                        .setAddress(2, InetAddress.getByName("10.9.8.7")).setLong(3, 443).setLong(4, 1500)
                        .setAddress(5, InetAddress.getByName("192.0.2.1")).build(),
                FlowRecord.builder(variable).setAddress(0, InetAddress.getByName("2001:db8::1")).setString(1, "https")
                        .setAddress(2, InetAddress.getByName("2001:db8::2")).setLong(3, 7).setString(4, "Gi0/0/1")
                        .setLong(5, 12).build());
        List<DatagramDecoder<?>> decoders = List.of(new Netflow9Decoder(), new IpfixDecoder());
        List<DatagramEncoder<FlowRecord>> encoders = List.of(Netflow9Encoder.builder().sourceId(7).build(),
                IpfixEncoder.builder().observationDomainId(7).build());
        for (int k = 0; k < 2; k++) {
            FlowMessageView fromView = new FlowMessageView();
            FlowMessageView fromRecord = new FlowMessageView();
            List<FlowMessage[]> pairs = new ArrayList<>();
            for (ByteBuffer d : encoders.get(k).encode(records)) {
                decoders.get(k).decode(d, EXPORTER, (ExportContext ctx, io.github.flowcodec.core.RecordView r) -> pairs.add(
                        new FlowMessage[] {fromView.fill(ctx, r, 5).toMessage(), fromRecord.fill(ctx, r.toRecord(), 5).toMessage()}));
            }
            assertThat(pairs).hasSize(2);
            for (FlowMessage[] p : pairs) {
                assertThat(p[1]).isEqualTo(p[0]);
            }
            assertThat(pairs.get(0)[0].get(FlowField.PROTO)).isEqualTo(6);
            assertThat(pairs.get(0)[1].address(FlowField.SRC_ADDR)).isEqualTo(InetAddress.getByName("10.1.2.3"));
            assertThat(pairs.get(1)[1].address(FlowField.DST_ADDR)).isEqualTo(InetAddress.getByName("2001:db8::2"));
            assertThat(pairs.get(1)[1].get(FlowField.IN_IF)).isEqualTo(12);
        }
    }

    @Test
    void mplsIpIsEveryTopLabelAddressTheRecordHasInTemplateOrder() throws IOException {
        // IPv6 first in the template: goflow2 appends in the record's order
        Template t = Template.of(300, f("octetDeltaCount"), f("mplsTopLabelIPv6Address"), f("mplsTopLabelIPv4Address"));
        FlowRecord r = FlowRecord.builder(t).setLong(0, 99).setAddress(1, InetAddress.getByName("2001:db8::1"))
                .setAddress(2, InetAddress.getByName("10.0.0.1")).build();
        Template v4only = Template.of(301, f("octetDeltaCount"), f("mplsTopLabelIPv4Address"));
        FlowRecord r4 = FlowRecord.builder(v4only).setLong(0, 1).setAddress(1, InetAddress.getByName("192.0.2.77")).build();
        List<FlowMessage> v9 = roundTrip(Netflow9Encoder.builder().sourceId(7).build(), new Netflow9Decoder(), List.of(r, r4));
        List<FlowMessage> ipfix = roundTrip(IpfixEncoder.builder().observationDomainId(7).build(), new IpfixDecoder(), List.of(r, r4));
        for (List<FlowMessage> got : List.of(v9, ipfix)) {
            assertThat(got).hasSize(2);
            FlowMessage m = got.get(0);
            assertThat(m.mplsIp()).containsExactly(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("10.0.0.1"));
            assertThat(json(m, JsonLayout.GOFLOW2)).contains("\"mpls_label\":[],\"mpls_ip\":[\"2001:db8::1\",\"10.0.0.1\"],");
            assertThat(json(m, JsonLayout.COMPACT)).contains(",\"mpls_ip\":[\"2001:db8::1\",\"10.0.0.1\"]");
            assertThat(protobuf(m).getMplsIpList()).containsExactly(ByteString.copyFrom(InetAddress.getByName("2001:db8::1").getAddress()),
                    ByteString.copyFrom(new byte[] {10, 0, 0, 1}));
            assertThat(got.get(1).mplsIp()).containsExactly(InetAddress.getByName("192.0.2.77"));
            assertThat(m.toString()).contains("mpls_ip=[2001:db8:0:0:0:0:0:1,10.0.0.1]");
            assertThat(m.layerStack()).isEmpty();
            assertThat(m.layerSize()).isEmpty();
        }
        // none: goflow2's empty array, nothing in the compact line or the protobuf message
        FlowMessage none = roundTrip(Netflow9Encoder.builder().build(), new Netflow9Decoder(),
                List.of(FlowRecord.builder(Template.of(302, f("octetDeltaCount"))).setLong(0, 1).build())).get(0);
        assertThat(none.has(FlowField.MPLS_IP)).isFalse();
        assertThat(json(none, JsonLayout.GOFLOW2)).contains("\"mpls_ip\":[]");
        assertThat(json(none, JsonLayout.COMPACT)).doesNotContain("mpls_ip");
        assertThat(protobuf(none).getMplsIpCount()).isZero();
    }

    @Test
    void anMplsIpElementOfAnotherLengthIsKeptAsGoflow2KeepsIt() throws IOException {
        // an exporter's mplsTopLabelIPv4Address of 2 bytes: goflow2 appends the bytes and its JSON writes ""
        Template t = Template.of(303, f("octetDeltaCount"), FieldSpec.of(IANA.require("mplsTopLabelIPv4Address"), 2));
        FlowMessage m = roundTrip(Netflow9Encoder.builder().build(), new Netflow9Decoder(),
                List.of(FlowRecord.builder(t).setLong(0, 1).setLong(1, 0x0a0b).build())).get(0);
        assertThat(m.get(FlowField.MPLS_IP)).isEqualTo(1);
        assertThat(m.mplsIp()).containsExactly((InetAddress) null);
        byte[] b = new byte[16];
        assertThat(m.copyListAddress(FlowField.MPLS_IP, 0, b, 0)).isEqualTo(2);
        assertThat(json(m, JsonLayout.GOFLOW2)).contains("\"mpls_ip\":[\"\"]");
        assertThat(protobuf(m).getMplsIpList()).containsExactly(ByteString.copyFrom(new byte[] {10, 11}));
    }

    private static byte[] sflowDatagram(FlowData.RawPacketHeader... headers) throws IOException {
        SflowDatagramBuilder b = SflowDatagramBuilder.create().agent(InetAddress.getByName("198.51.100.7"));
        int seq = 1;
        for (FlowData.RawPacketHeader h : headers) {
            b.sample(FlowSample.compact(seq++, 0, 3, 512, 5120, 0, 3, 7, List.of(h)));
        }
        return b.toBytes();
    }

    private static List<FlowMessage> sflow(ByteBuffer datagram) {
        List<FlowMessage> out = new ArrayList<>();
        FlowMessageView m = new FlowMessageView();
        new SflowDecoder().decode(datagram, EXPORTER, (ctx, r) -> out.add(m.fill(ctx, r, 1).toMessage()));
        return out;
    }

    @Test
    void sflowsSampledEthernetHeaderGivesItsLayersInEveryWriter() throws IOException {
        Inet4Address src = (Inet4Address) InetAddress.getByName("10.0.0.1");
        Inet4Address dst = (Inet4Address) InetAddress.getByName("10.0.0.2");
        byte[] datagram = sflowDatagram(
                SampledFrameBuilder.rawHeader(SampledFrameBuilder.ethernet(0xAAL, 0xBBL).vlan(100).ipv4(src, dst)
                        .tcp(443, 51000, 0x10).payload(30).build(), 128),
                SampledFrameBuilder.rawHeader(SampledFrameBuilder.ethernet(0xAAL, 0xBBL).mpls(16).mpls(299776).ipv6(
                        (Inet6Address) InetAddress.getByName("2001:db8::1"), (Inet6Address) InetAddress.getByName("2001:db8::2"))
                        .udp(53, 53).build(), 128),
                SampledFrameBuilder.rawHeader(Sflow.HEADER_IPV4, SampledFrameBuilder.rawIp().ipv4(src, dst).udp(53, 53).build(), 128));
        ByteBuffer direct = ByteBuffer.allocateDirect(datagram.length).put(datagram).flip();
        List<FlowMessage> heap = sflow(ByteBuffer.wrap(datagram));
        assertThat(sflow(direct)).isEqualTo(heap);
        assertThat(heap).hasSize(3);

        FlowMessage tcp = heap.get(0);
        assertThat(tcp.layerStack()).containsExactly(PacketLayer.ETHERNET, PacketLayer.DOT1Q, PacketLayer.IPV4, PacketLayer.TCP);
        assertThat(tcp.layerSize()).containsExactly(14, 4, 20, 24); // TCP: goflow2's 20 + 4 * (ACK's flags nibble 1)
        assertThat(json(tcp, JsonLayout.GOFLOW2)).contains("\"observation_point_id\":0,"
                + "\"layer_stack\":[\"Ethernet\",\"Dot1Q\",\"IPv4\",\"TCP\"],\"layer_size\":[14,4,20,24],"
                + "\"ipv6_routing_header_addresses\":[],\"ipv6_routing_header_seg_left\":0}");
        assertThat(json(tcp, JsonLayout.COMPACT)).contains(",\"layer_stack\":[\"Ethernet\",\"Dot1Q\",\"IPv4\",\"TCP\"],"
                + "\"layer_size\":[14,4,20,24]").doesNotContain("ipv6_routing_header");
        FlowProto.FlowMessage pb = protobuf(tcp);
        assertThat(pb.getLayerStackList()).containsExactly(FlowProto.FlowMessage.LayerStack.Ethernet,
                FlowProto.FlowMessage.LayerStack.Dot1Q, FlowProto.FlowMessage.LayerStack.IPv4, FlowProto.FlowMessage.LayerStack.TCP);
        assertThat(pb.getLayerSizeList()).containsExactly(14, 4, 20, 24);
        assertThat(pb.getUnknownFields().asMap()).isEmpty();
        assertThat(tcp.toString()).contains("layer_stack=[Ethernet,Dot1Q,IPv4,TCP], layer_size=[14,4,20,24]");
        // the other fields stay the decoder's
        assertThat(tcp.get(FlowField.VLAN_ID)).isEqualTo(100);
        assertThat(tcp.get(FlowField.SRC_PORT)).isEqualTo(443);

        FlowMessage mpls = heap.get(1);
        assertThat(mpls.layerStack()).containsExactly(PacketLayer.ETHERNET, PacketLayer.MPLS, PacketLayer.IPV6, PacketLayer.UDP);
        assertThat(mpls.layerSize()).containsExactly(14, 8, 40, 8);
        assertThat(mpls.get(FlowField.MPLS_LABEL)).isEqualTo(2);

        // goflow2 walks Ethernet headers only
        FlowMessage raw = heap.get(2);
        assertThat(raw.has(FlowField.LAYER_STACK)).isFalse();
        assertThat(raw.has(FlowField.LAYER_SIZE)).isFalse();
        assertThat(json(raw, JsonLayout.GOFLOW2)).contains("\"layer_stack\":[],\"layer_size\":[]");
    }

    @Test
    void aCutSampledHeaderEndsInAZeroSize() throws IOException {
        byte[] frame = SampledFrameBuilder.ethernet(0xAAL, 0xBBL).ipv4((Inet4Address) InetAddress.getByName("10.0.0.1"),
                (Inet4Address) InetAddress.getByName("10.0.0.2")).udp(53, 53).build();
        byte[] datagram = SflowDatagramBuilder.create().agent(InetAddress.getByName("198.51.100.7"))
                .sample(FlowSample.compact(1, 0, 3, 512, 5120, 0, 3, 7, List.of(SampledFrameBuilder.rawHeader(frame, 30)))).toBytes();
        FlowMessage m = sflow(ByteBuffer.wrap(datagram)).get(0);
        assertThat(m.layerStack()).containsExactly(PacketLayer.ETHERNET);
        assertThat(m.layerSize()).containsExactly(14, 0);
        assertThat(json(m, JsonLayout.GOFLOW2)).contains("\"layer_stack\":[\"Ethernet\"],\"layer_size\":[14,0]");
        assertThat(protobuf(m).getLayerSizeList()).containsExactly(14, 0);
    }

    @Test
    void theSrv6FieldsAreWrittenByEveryWriter() throws IOException {
        FlowMessage m = FlowMessage.builder().set(FlowField.TYPE, 1)
                .layers(PacketLayer.ETHERNET, PacketLayer.IPV6, PacketLayer.IPV6_HEADER_ROUTING, PacketLayer.UDP)
                .list(FlowField.LAYER_SIZE, 14, 40, 40, 8)
                .addresses(FlowField.IPV6_ROUTING_HEADER_ADDRESSES, InetAddress.getByName("2001:db8::1"), InetAddress.getByName("2001:db8::2"))
                .set(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT, 1).build();
        assertThat(json(m, JsonLayout.GOFLOW2)).endsWith("\"layer_stack\":[\"Ethernet\",\"IPv6\",\"IPv6HeaderRouting\",\"UDP\"],"
                + "\"layer_size\":[14,40,40,8],\"ipv6_routing_header_addresses\":[\"2001:db8::1\",\"2001:db8::2\"],"
                + "\"ipv6_routing_header_seg_left\":1}\n");
        assertThat(json(m, JsonLayout.COMPACT)).isEqualTo("{\"type\":\"SFLOW_5\","
                + "\"layer_stack\":[\"Ethernet\",\"IPv6\",\"IPv6HeaderRouting\",\"UDP\"],\"layer_size\":[14,40,40,8],"
                + "\"ipv6_routing_header_addresses\":[\"2001:db8::1\",\"2001:db8::2\"],\"ipv6_routing_header_seg_left\":1}\n");
        FlowProto.FlowMessage pb = protobuf(m);
        assertThat(pb.getIpv6RoutingHeaderAddressesList()).containsExactly(
                ByteString.copyFrom(InetAddress.getByName("2001:db8::1").getAddress()),
                ByteString.copyFrom(InetAddress.getByName("2001:db8::2").getAddress()));
        assertThat(pb.getIpv6RoutingHeaderSegLeft()).isEqualTo(1);
        assertThat(pb.getLayerStack(2)).isEqualTo(FlowProto.FlowMessage.LayerStack.IPv6HeaderRouting);
        assertThat(m.ipv6RoutingHeaderAddresses()).containsExactly(InetAddress.getByName("2001:db8::1"),
                InetAddress.getByName("2001:db8::2"));
        assertThat(m).isEqualTo(m.toBuilder().build()).hasSameHashCodeAs(m.toBuilder().build())
                .isNotEqualTo(m.toBuilder().addresses(FlowField.IPV6_ROUTING_HEADER_ADDRESSES, InetAddress.getByName("2001:db8::1"),
                        InetAddress.getByName("2001:db8::3")).build())
                .isNotEqualTo(m.toBuilder().layers(PacketLayer.ETHERNET).build());
        // a kept message's lists grow when its builder appends past them
        FlowMessage longer = m.toBuilder().list(FlowField.LAYER_SIZE, new long[FlowMessageFields.MAX_LIST]).build();
        assertThat(longer.layerSize()).hasSize(FlowMessageFields.MAX_LIST);
    }

    /** The sFlow zero-copy path with a sampled header walked: filling and writing allocate nothing per record. */
    @Test
    void walkingTheSampledHeaderAllocatesNothing() throws IOException {
        byte[] srv6 = concat(SampledFrameBuilder.ethernet(0xAAL, 0xBBL).vlan(7).build(),
                new byte[] {0x60, 0, 0, 0, 0, 48, 43, 64}, new byte[32], // IPv6 to a routing header, 48 bytes of payload
                new byte[] {17, 4, 4, 1, 1, 0, 0, 0}, InetAddress.getByName("2001:db8::1").getAddress(),
                InetAddress.getByName("2001:db8::2").getAddress(), new byte[] {0, 53, 0, 53, 0, 8, 0, 0});
        srv6[12] = (byte) 0x81; // the Ethernet type after the builder's tag: IPv6
        srv6[13] = 0x00;
        srv6[16] = (byte) 0x86;
        srv6[17] = (byte) 0xDD;
        for (ByteBuffer datagram : List.of(ByteBuffer.wrap(sflowDatagram(SampledFrameBuilder.rawHeader(srv6, 128))),
                ByteBuffer.allocateDirect(1500).put(sflowDatagram(SampledFrameBuilder.rawHeader(srv6, 128))).flip())) {
            FlowMessageView m = new FlowMessageView();
            FlowMessageJsonWriter json = new FlowMessageJsonWriter(java.io.OutputStream.nullOutputStream());
            FlowMessageJsonWriter goflow2 = new FlowMessageJsonWriter(java.io.OutputStream.nullOutputStream(), JsonLayout.GOFLOW2);
            FlowMessageProtobufWriter pb = new FlowMessageProtobufWriter(java.io.OutputStream.nullOutputStream());
            SflowDecoder decoder = new SflowDecoder();
            io.github.flowcodec.core.FlowRecordHandler<io.github.flowcodec.sflow.SflowSampleContext> handler = (ctx, r) -> {
                try {
                    json.write(m.fill(ctx, r, 1));
                    goflow2.write(m);
                    pb.write(m);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            for (int i = 0; i < 20_000; i++) {
                decoder.decode(datagram, EXPORTER, handler);
            }
            assertThat(m.ipv6RoutingHeaderAddresses()).containsExactly(InetAddress.getByName("2001:db8::1"),
                    InetAddress.getByName("2001:db8::2"));
            assertThat(m.layerStack()).containsExactly(PacketLayer.ETHERNET, PacketLayer.DOT1Q, PacketLayer.IPV6,
                    PacketLayer.IPV6_HEADER_ROUTING, PacketLayer.UDP);
            assertThat(m.get(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isEqualTo(1);
            int n = 200_000;
            long before = FlowMessageWritersTest.threadAllocatedBytes();
            org.junit.jupiter.api.Assumptions.assumeTrue(before >= 0, "this JVM does not count allocated bytes");
            for (int i = 0; i < n; i++) {
                decoder.decode(datagram, EXPORTER, handler);
            }
            long allocated = FlowMessageWritersTest.threadAllocatedBytes() - before;
            assertThat(allocated).as("bytes allocated for %d records of a %s buffer", n, datagram.isDirect() ? "direct" : "heap")
                    .isLessThan(n / 4);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void theListSettersRefuseWhatIsNotTheirs() throws IOException {
        assertThatThrownBy(() -> FlowMessage.builder().set(FlowField.LAYER_STACK, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().set(FlowField.MPLS_IP, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().addresses(FlowField.SRC_ADDR, InetAddress.getByName("10.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().list(FlowField.MPLS_IP, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().build().listValue(FlowField.MPLS_IP, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlowMessage.builder().build().addressList(FlowField.AS_PATH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PacketLayer.of(50)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PacketLayer.of(99)).isEqualTo(PacketLayer.CUSTOM);
        // PacketLayer's numbers and names are flow.proto's
        for (PacketLayer l : PacketLayer.values()) {
            assertThat(FlowProto.FlowMessage.LayerStack.forNumber(l.number()).name()).isEqualTo(l.goflow2Name());
        }
        // every field is one bit of a long, and flow.proto has every field at its number
        assertThat(FlowField.values().length).isLessThanOrEqualTo(64);
        for (FlowField f : FlowField.values()) {
            assertThat(FlowProto.FlowMessage.getDescriptor().findFieldByNumber(f.protobufNumber()).getName()).isEqualTo(f.jsonKey());
        }
    }

    private static String json(FlowMessageFields m, JsonLayout layout) {
        return FlowMessageListsTest.json(m, layout);
    }

    private static FlowProto.FlowMessage protobuf(FlowMessageFields m) {
        return FlowMessageListsTest.protobuf(m);
    }
}
