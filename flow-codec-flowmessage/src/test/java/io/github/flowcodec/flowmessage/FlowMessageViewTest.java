package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** goflow2's mapping rules, record by record. */
class FlowMessageViewTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.9", 2055);

    private static FieldSpec f(String name) {
        return FieldSpec.of(IANA.require(name));
    }

    @Test
    void aNetflow9RecordTakesItsElementsAndTheHeader() throws Exception {
        Template t = Template.of(256, f("sourceIPv4Address"), f("destinationIPv4Address"), f("sourceIPv6Address"),
                f("octetDeltaCount"), f("packetDeltaCount"), f("protocolIdentifier"), f("sourceTransportPort"),
                f("destinationTransportPort"), f("sourceIPv4PrefixLength"), f("icmpTypeCodeIPv4"), f("flowStartSysUpTime"),
                f("flowEndSysUpTime"), f("ingressInterface"), f("sourceMacAddress"));
        FlowRecord r = FlowRecord.builder(t)
                .setAddress(0, InetAddress.getByName("10.1.2.3")).setAddress(1, InetAddress.getByName("10.9.9.9"))
                .setAddress(2, InetAddress.getByName("::")).setLong(3, 1500).setLong(4, 3).setLong(5, 1)
                .setLong(6, 0).setLong(7, 0).setLong(8, 16).setLong(9, 3 * 256 + 1)
                .setLong(10, TestContexts.UPTIME_MILLIS - 2000).setLong(11, TestContexts.UPTIME_MILLIS - 1000)
                .setLong(12, 5).setMacAddress(13, 0x0a1b2c3d4e5fL).build();
        FlowMessageView m = new FlowMessageView()
                .fill(TestContexts.templated(FlowProtocol.NETFLOW_V9, EXPORTER, 100), r, 123L);

        assertThat(m.get(FlowField.TYPE)).isEqualTo(3);
        assertThat(m.get(FlowField.TIME_RECEIVED_NS)).isEqualTo(123L);
        assertThat(m.get(FlowField.SEQUENCE_NUM)).isEqualTo(42);
        assertThat(m.get(FlowField.SAMPLING_RATE)).isEqualTo(100);
        assertThat(m.address(FlowField.SAMPLER_ADDRESS)).isEqualTo(InetAddress.getByName("192.0.2.9"));
        // the IPv4 address, not the all-zero IPv6 one beside it
        assertThat(m.address(FlowField.SRC_ADDR)).isEqualTo(InetAddress.getByName("10.1.2.3"));
        assertThat(m.get(FlowField.ETYPE)).isEqualTo(0x0800);
        assertThat(m.get(FlowField.BYTES)).isEqualTo(1500);
        assertThat(m.get(FlowField.SRC_NET)).isEqualTo(16);
        assertThat(m.has(FlowField.DST_NET)).isFalse();
        assertThat(m.get(FlowField.ICMP_TYPE)).isEqualTo(3);
        assertThat(m.get(FlowField.ICMP_CODE)).isEqualTo(1);
        assertThat(m.get(FlowField.TIME_FLOW_START_NS)).isEqualTo((TestContexts.EXPORT_MILLIS - 2000) * 1_000_000L);
        assertThat(m.get(FlowField.TIME_FLOW_END_NS)).isEqualTo((TestContexts.EXPORT_MILLIS - 1000) * 1_000_000L);
        assertThat(m.get(FlowField.SRC_MAC)).isEqualTo(0x0a1b2c3d4e5fL);
        assertThat(m.get(FlowField.OBSERVATION_DOMAIN_ID)).isEqualTo(7);
        assertThat(m.has(FlowField.AGENT_ADDRESS)).isFalse();
        assertThat(m.has(FlowField.NEXT_HOP)).isFalse();
        assertThat(m.has(FlowField.VLAN_ID)).isFalse();
    }

    @Test
    void ipfixKeepsTheNanosecondsOfItsFlowTimes() throws Exception {
        Template t = Template.of(300, f("flowStartNanoseconds"), f("flowEndMilliseconds"));
        Instant start = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        FlowRecord r = FlowRecord.builder(t).setInstant(0, start).setLong(1, 1_700_000_001_000L).build();
        FlowMessageView m = new FlowMessageView().fill(TestContexts.templated(FlowProtocol.IPFIX, EXPORTER, 0), r, 0);
        Instant sent = r.getInstant(0); // NTP's fraction of a second holds the nanoseconds to within one
        assertThat(m.get(FlowField.TIME_FLOW_START_NS)).isEqualTo(sent.getEpochSecond() * 1_000_000_000L + sent.getNano())
                .isCloseTo(1_700_000_000_123_456_789L, org.assertj.core.data.Offset.offset(1L));
        assertThat(m.get(FlowField.TIME_FLOW_END_NS)).isEqualTo(1_700_000_001_000_000_000L);
    }

    @Test
    void aRecordWithoutExporterHasNoSampler() {
        Template t = Template.of(256, f("octetDeltaCount"));
        FlowRecord r = FlowRecord.builder(t).setLong(0, 1).build();
        FlowMessageView m = new FlowMessageView()
                .fill(TestContexts.templated(FlowProtocol.IPFIX, new InetSocketAddress(0), 0), r, 0);
        assertThat(m.has(FlowField.SAMPLER_ADDRESS)).isFalse();
        assertThat(m.fill(TestContexts.templated(FlowProtocol.IPFIX, EXPORTER, 0), r, 0, null).has(FlowField.SAMPLER_ADDRESS))
                .isFalse();
    }

    @Test
    void sflowsSamplerIsTheAgentNotTheUdpSource() throws Exception {
        Template t = Template.of(1, f("dot1qVlanId"), f("vlanId"), f("sourceIPv4Address"));
        FlowRecord r = FlowRecord.builder(t).setLong(0, 32).setLong(1, 5)
                .setAddress(2, InetAddress.getByName("172.21.32.254")).build();
        InetAddress agent = InetAddress.getByName("172.21.35.17");
        FlowMessageView m = new FlowMessageView().fill(TestContexts.sflow(agent, EXPORTER), r, 99L);
        assertThat(m.address(FlowField.SAMPLER_ADDRESS)).isEqualTo(agent);
        assertThat(m.address(FlowField.AGENT_ADDRESS)).isEqualTo(agent);
        assertThat(m.get(FlowField.TYPE)).isEqualTo(1);
        assertThat(m.get(FlowField.SAMPLE_TYPE)).isEqualTo(1);
        assertThat(m.get(FlowField.SAMPLE_SEQ)).isEqualTo(6);
        // no flow times in sFlow: the time received
        assertThat(m.get(FlowField.TIME_FLOW_START_NS)).isEqualTo(99L);
        assertThat(m.get(FlowField.TIME_FLOW_END_NS)).isEqualTo(99L);
        // vlan_id is the sampled header's 802.1Q tag; vlanId is the switch's input VLAN
        assertThat(m.get(FlowField.VLAN_ID)).isEqualTo(32);
        assertThat(m.get(FlowField.SRC_VLAN)).isEqualTo(5);
        // an agent that sent no address: the UDP source
        FlowMessageView noAgent = new FlowMessageView().fill(TestContexts.sflow(null, EXPORTER), r, 99L);
        assertThat(noAgent.address(FlowField.SAMPLER_ADDRESS)).isEqualTo(EXPORTER.getAddress());
        assertThat(noAgent.has(FlowField.AGENT_ADDRESS)).isFalse();
    }

    @Test
    void aKeptMessageDoesNotChangeWithTheView() throws Exception {
        Template t = Template.of(256, f("octetDeltaCount"));
        FlowMessageView view = new FlowMessageView();
        FlowMessage kept = view.fill(TestContexts.templated(FlowProtocol.NETFLOW_V9, EXPORTER, 0),
                FlowRecord.builder(t).setLong(0, 1).build(), 0).toMessage();
        view.fill(TestContexts.templated(FlowProtocol.NETFLOW_V9, EXPORTER, 0), FlowRecord.builder(t).setLong(0, 2).build(), 0);
        assertThat(kept.get(FlowField.BYTES)).isEqualTo(1);
        assertThat(view.get(FlowField.BYTES)).isEqualTo(2);
        assertThat(kept).isEqualTo(kept.toBuilder().build()).hasSameHashCodeAs(kept.toBuilder().build())
                .isNotEqualTo(view.toMessage());
    }

    @Test
    void theBuilderMakesMessages() throws Exception {
        FlowMessage m = FlowMessage.builder().set(FlowField.TYPE, 3)
                .address(FlowField.SRC_ADDR, InetAddress.getByName("10.0.0.1")).set(FlowField.SRC_NET, 8)
                .set(FlowField.BYTES, 1500).build();
        assertThat(m.get(FlowField.BYTES)).isEqualTo(1500);
        assertThat(m.address(FlowField.SRC_ADDR)).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(m.has(FlowField.PACKETS)).isFalse();
        assertThat(m.toBuilder().clear(FlowField.BYTES).build().has(FlowField.BYTES)).isFalse();
        assertThat(m.toString()).contains("bytes=1500", "src_addr=10.0.0.1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowMessage.builder().set(FlowField.DST_NET, 8))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlowMessage.builder().set(FlowField.SRC_ADDR, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
