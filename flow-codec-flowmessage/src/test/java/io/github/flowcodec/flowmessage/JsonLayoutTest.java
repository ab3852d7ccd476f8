package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonLayout#GOFLOW2}: one record of each protocol against goflow2 v2's default JSON formatter, the whole
 * line written out by its rules (every key of its FlowMessage in flow.proto's order; etype and proto as names,
 * addresses as text or "" when absent, MACs as text, nets as prefixes of the address, repeated fields as []).
 */
class JsonLayoutTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final long RECEIVED = 1_700_000_000_123_456_789L;

    private static FieldSpec f(String name) {
        return FieldSpec.of(IANA.require(name));
    }

    private static String goflow2(ExportContext ctx, FlowFields record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter json = new FlowMessageJsonWriter(out, JsonLayout.GOFLOW2)) {
            json.write(new FlowMessageView().fill(ctx, record, RECEIVED));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** goflow2's line for the values given in its key order, from "type" to "observation_point_id". */
    private static String line(Object... values) {
        List<String> keys = JsonLayout.GOFLOW2.keys();
        StringBuilder s = new StringBuilder("{");
        int v = 0;
        for (String key : keys) {
            s.append(s.length() > 1 ? "," : "").append('"').append(key).append("\":");
            switch (key) {
                case "bgp_communities", "as_path", "mpls_ttl", "mpls_label", "mpls_ip", "layer_stack", "layer_size",
                        "ipv6_routing_header_addresses" -> s.append("[]");
                case "ipv6_routing_header_seg_left" -> s.append('0');
                default -> {
                    Object value = values[v++];
                    s.append(value instanceof String text ? "\"" + text + "\"" : value);
                }
            }
        }
        assertThat(v).as("values given").isEqualTo(values.length);
        return s.append("}\n").toString();
    }

    @Test
    void goflow2sKeysInFlowProtoOrder() {
        assertThat(JsonLayout.GOFLOW2.keys()).containsExactly("type", "time_received_ns", "sequence_num", "sampling_rate",
                "sampler_address", "time_flow_start_ns", "time_flow_end_ns", "bytes", "packets", "src_addr", "dst_addr",
                "etype", "proto", "src_port", "dst_port", "in_if", "out_if", "src_mac", "dst_mac", "src_vlan", "dst_vlan",
                "vlan_id", "ip_tos", "forwarding_status", "ip_ttl", "ip_flags", "tcp_flags", "icmp_type", "icmp_code",
                "ipv6_flow_label", "fragment_id", "fragment_offset", "src_as", "dst_as", "next_hop", "next_hop_as",
                "src_net", "dst_net", "bgp_next_hop", "bgp_communities", "as_path", "mpls_ttl", "mpls_label", "mpls_ip",
                "observation_domain_id", "observation_point_id", "layer_stack", "layer_size",
                "ipv6_routing_header_addresses", "ipv6_routing_header_seg_left");
    }

    @Test
    void netflowV5() throws IOException {
        Template t = Template.of(0, f("sourceIPv4Address"), f("destinationIPv4Address"), f("ipNextHopIPv4Address"),
                f("ingressInterface"), f("egressInterface"), f("packetDeltaCount"), f("octetDeltaCount"),
                f("sourceTransportPort"), f("destinationTransportPort"), f("tcpControlBits"), f("protocolIdentifier"),
                f("ipClassOfService"), f("bgpSourceAsNumber"), f("bgpDestinationAsNumber"), f("sourceIPv4PrefixLength"),
                f("destinationIPv4PrefixLength"));
        FlowRecord r = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("10.1.2.3"))
                .setAddress(1, InetAddress.getByName("192.168.7.9")).setAddress(2, InetAddress.getByName("0.0.0.0"))
                .setLong(3, 3).setLong(4, 5).setLong(5, 10).setLong(6, 4200).setLong(7, 51000).setLong(8, 443)
                .setLong(9, 0x18).setLong(10, 6).setLong(11, 0).setLong(12, 64500).setLong(13, 15169).setLong(14, 16)
                .setLong(15, 24).build();
        ExportContext v5 = TestContexts.templated(FlowProtocol.NETFLOW_V5, new InetSocketAddress("192.0.2.5", 2055), 10);
        String json = goflow2(v5, r);
        // the record has no flow times: goflow2 writes 0 for them as for any field the exporter did not send
        assertThat(json).isEqualTo(line("NETFLOW_V5", RECEIVED, 42, 10, "192.0.2.5", 0, 0, 4200, 10,
                "10.1.2.3", "192.168.7.9", "IPv4", "TCP", 51000, 443, 3, 5, "00:00:00:00:00:00", "00:00:00:00:00:00",
                0, 0, 0, 0, 0, 0, 0, 24, 0, 0, 0, 0, 0, 64500, 15169, "0.0.0.0", 0, "10.1.0.0/16", "192.168.7.0/24", "", 7, 0));
    }

    @Test
    void netflowV9() throws IOException {
        Template t = Template.of(256, f("sourceIPv6Address"), f("destinationIPv6Address"), f("octetDeltaCount"),
                f("packetDeltaCount"), f("protocolIdentifier"), f("sourceTransportPort"), f("destinationIPv6PrefixLength"),
                f("destinationMacAddress"), f("ipNextHopIPv4Address"), f("ingressInterface"));
        FlowRecord r = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("2001:db8::1"))
                .setAddress(1, InetAddress.getByName("2001:db8:0:0:1:0:0:1")).setLong(2, -1L).setLong(3, 2)
                .setLong(4, 132).setLong(5, 443).setLong(6, 33).setMacAddress(7, 0xa0b0c0d0e0f0L)
                .setAddress(8, InetAddress.getByName("10.0.0.254")).setLong(9, 7).build();
        String json = goflow2(TestContexts.templated(FlowProtocol.NETFLOW_V9, new InetSocketAddress("192.0.2.9", 2055), 0), r);
        // bytes: a uint64, written whole; src_net without a mask: "::/0"; dst_net the /33 network of dst_addr; SCTP ports
        assertThat(json).isEqualTo(line("NETFLOW_V9", RECEIVED, 42, 0, "192.0.2.9", 0, 0, "18446744073709551615", 2,
                "2001:db8::1", "2001:db8::1:0:0:1", "IPv6", "SCTP", 443, 0, 7, 0, "00:00:00:00:00:00", "a0:b0:c0:d0:e0:f0",
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "10.0.0.254", 0, "::/0", "2001:db8::/33", "", 7, 0)
                .replace("\"18446744073709551615\"", "18446744073709551615"));
    }

    @Test
    void ipfix() throws IOException {
        Template t = Template.of(300, f("sourceIPv4Address"), f("destinationIPv4Address"), f("octetDeltaCount"),
                f("protocolIdentifier"), f("icmpTypeCodeIPv4"), f("ethernetType"), f("sourceIPv4PrefixLength"),
                f("bgpNextHopIPv4Address"), f("sourceMacAddress"), f("forwardingStatus"), f("ipTTL"),
                f("observationPointId"));
        FlowRecord r = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("172.16.0.1"))
                .setAddress(1, InetAddress.getByName("172.16.0.2")).setLong(2, 84).setLong(3, 1).setLong(4, 0x0800)
                .setLong(5, 0x0800).setLong(6, 40).setAddress(7, InetAddress.getByName("198.51.100.1"))
                .setMacAddress(8, 0x02_00_00_00_00_01L).setLong(9, 64).setLong(10, 63).setLong(11, 9).build();
        String json = goflow2(TestContexts.templated(FlowProtocol.IPFIX, new InetSocketAddress("203.0.113.4", 4739), 0), r);
        // ICMP echo (type 8 code 0); a /40 does not fit an IPv4 address: the mapping leaves it out, "0.0.0.0/0"
        assertThat(json).isEqualTo(line("IPFIX", RECEIVED, 42, 0, "203.0.113.4", 0, 0, 84, 0,
                "172.16.0.1", "172.16.0.2", "IPv4", "ICMP", 0, 0, 0, 0, "02:00:00:00:00:01", "00:00:00:00:00:00",
                0, 0, 0, 0, 64, 63, 0, 0, 8, 0, 0, 0, 0, 0, 0, "", 0, "0.0.0.0/0", "0.0.0.0/0", "198.51.100.1", 7, 9));
    }

    @Test
    void sflowFlowSample() throws IOException {
        Template t = Template.of(1, f("sourceIPv4Address"), f("destinationIPv4Address"), f("protocolIdentifier"),
                f("ethernetType"), f("octetDeltaCount"));
        FlowRecord r = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("172.21.32.254"))
                .setAddress(1, InetAddress.getByName("::ffff:10.0.0.1")).setLong(2, 200).setLong(3, 0x8847)
                .setLong(4, 1514).build();
        String json = goflow2(TestContexts.sflow(InetAddress.getByName("172.21.35.17"), new InetSocketAddress("192.0.2.1", 6343)), r);
        // sampler_address: the agent; an etype goflow2 has no name for: ""; protocol 200: "unassigned"; no
        // agent_address, sub_agent_id, sample_type or sample_seq (flowcodec's own keys)
        assertThat(json).isEqualTo(line("SFLOW_5", RECEIVED, 418, 2048, "172.21.35.17", RECEIVED, RECEIVED, 1514, 0,
                "172.21.32.254", "10.0.0.1", "", "unassigned", 0, 0, 0, 0, "00:00:00:00:00:00", "00:00:00:00:00:00",
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0, "0.0.0.0/0", "0.0.0.0/0", "", 1, 0));
        assertThat(json).doesNotContain("agent_address", "sample_type");
    }

    /** goflow2 renders a net whose length does not fit its address, and a net without an address, "invalid Prefix". */
    @Test
    void aNetThatDoesNotFitItsAddressIsAnInvalidPrefix() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter json = new FlowMessageJsonWriter(out, JsonLayout.GOFLOW2)) {
            json.write(FlowMessage.builder().address(FlowField.SRC_ADDR, InetAddress.getByName("10.9.8.7"))
                    .set(FlowField.SRC_NET, 33).address(FlowField.DST_ADDR, InetAddress.getByName("2001:db8::ff"))
                    .set(FlowField.DST_NET, 128).build());
            json.write(FlowMessage.builder().address(FlowField.SRC_ADDR, InetAddress.getByName("10.9.8.7"))
                    .set(FlowField.SRC_NET, 32).address(FlowField.DST_ADDR, InetAddress.getByName("10.1.1.1"))
                    .set(FlowField.DST_NET, 8).clear(FlowField.DST_ADDR).build());
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
                first -> assertThat(first).contains("\"src_net\":\"invalid Prefix\",\"dst_net\":\"2001:db8::ff/128\""),
                second -> assertThat(second).contains("\"src_net\":\"10.9.8.7/32\",\"dst_net\":\"invalid Prefix\""));
    }

    /** Every key whatever is set; a uint32 of goflow2's message (in_if) cut to 32 bits; members after the keys. */
    @Test
    void anEmptyMessageHasEveryKey() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter json = new FlowMessageJsonWriter(out, JsonLayout.GOFLOW2)) {
            json.write(FlowMessage.builder().build());
            json.write(FlowMessage.builder().set(FlowField.TYPE, 4).set(FlowField.IN_IF, 0x1_0000_0007L).build(), members -> members.write("\"x\":1".getBytes(StandardCharsets.UTF_8)));
        }
        String empty = line("FLOWUNKNOWN", 0, 0, 0, "", 0, 0, 0, 0, "", "", "", "HOPOPT", 0, 0, 0, 0,
                "00:00:00:00:00:00", "00:00:00:00:00:00", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0,
                "invalid Prefix", "invalid Prefix", "", 0, 0);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(empty
                + empty.replace("FLOWUNKNOWN", "IPFIX").replace("\"in_if\":0", "\"in_if\":7").replace("}\n", ",\"x\":1}\n"));
    }
}
