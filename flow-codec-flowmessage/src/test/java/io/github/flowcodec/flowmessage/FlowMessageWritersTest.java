package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.proto.FlowProto;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The JSON line and the protobuf message of the same records, and what writing them costs. */
class FlowMessageWritersTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final ExportContext V9 = TestContexts.templated(FlowProtocol.NETFLOW_V9,
            new InetSocketAddress("192.0.2.9", 2055), 0);

    private static FieldSpec f(String name) {
        return FieldSpec.of(IANA.require(name));
    }

    private static FlowRecord record() throws IOException {
        Template t = Template.of(256, f("sourceIPv6Address"), f("destinationIPv6Address"), f("octetDeltaCount"),
                f("packetDeltaCount"), f("protocolIdentifier"), f("sourceTransportPort"), f("destinationIPv6PrefixLength"),
                f("destinationMacAddress"), f("ipNextHopIPv4Address"));
        return FlowRecord.builder(t).setAddress(0, InetAddress.getByName("2001:db8::1"))
                .setAddress(1, InetAddress.getByName("2001:db8:0:0:1:0:0:1")).setLong(2, -1L).setLong(3, 2)
                .setLong(4, 6).setLong(5, 443).setLong(6, 33).setMacAddress(7, 0xa0b0c0d0e0f0L)
                .setAddress(8, InetAddress.getByName("10.0.0.254")).build();
    }

    @Test
    void jsonLinesHaveGoflow2sKeysInOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter json = new FlowMessageJsonWriter(out)) {
            FlowMessageView m = new FlowMessageView().fill(V9, record(), 1_700_000_000_123_456_789L);
            json.write(m);
            json.write(m, members -> members.write("\"extra\":1".getBytes(StandardCharsets.UTF_8)));
            json.write(m, members -> { });
        }
        String line = "{\"type\":\"NETFLOW_V9\",\"time_received_ns\":1700000000123456789,\"sequence_num\":42,"
                + "\"sampling_rate\":0,\"sampler_address\":\"192.0.2.9\",\"bytes\":18446744073709551615,\"packets\":2,"
                + "\"src_addr\":\"2001:db8::1\",\"dst_addr\":\"2001:db8::1:0:0:1\",\"etype\":34525,\"proto\":6,"
                + "\"src_port\":443,\"dst_mac\":\"a0:b0:c0:d0:e0:f0\",\"next_hop\":\"10.0.0.254\","
                + "\"dst_net\":\"2001:db8::/33\",\"observation_domain_id\":7";
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line + "}\n" + line + ",\"extra\":1}\n" + line + "}\n");
    }

    @Test
    void anEmptyMessageIsAnEmptyObjectAndAnEmptyMessage() throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream pb = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter j = new FlowMessageJsonWriter(json); FlowMessageProtobufWriter p = new FlowMessageProtobufWriter(pb)) {
            j.write(FlowMessage.builder().build());
            p.write(FlowMessage.builder().build());
        }
        assertThat(json.toString(StandardCharsets.UTF_8)).isEqualTo("{}\n");
        assertThat(pb.toByteArray()).containsExactly(0);
    }

    @Test
    void protobufIsGoflow2sFlowMessageLengthDelimited() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FlowMessageView m = new FlowMessageView().fill(V9, record(), 1_700_000_000_123_456_789L);
        try (FlowMessageProtobufWriter pb = new FlowMessageProtobufWriter(out)) {
            pb.write(m);
            pb.write(m.toMessage());
        }
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        for (int i = 0; i < 2; i++) {
            FlowProto.FlowMessage p = FlowProto.FlowMessage.parseDelimitedFrom(in);
            assertThat(p.getType()).isEqualTo(FlowProto.FlowMessage.FlowType.NETFLOW_V9);
            assertThat(p.getTimeReceivedNs()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(p.getSequenceNum()).isEqualTo(42);
            assertThat(p.getSamplerAddress()).isEqualTo(ByteString.copyFrom(new byte[] {(byte) 192, 0, 2, 9}));
            assertThat(p.getBytes()).isEqualTo(-1L);
            assertThat(p.getPackets()).isEqualTo(2);
            assertThat(p.getSrcAddr().toByteArray()).isEqualTo(InetAddress.getByName("2001:db8::1").getAddress());
            assertThat(p.getEtype()).isEqualTo(0x86DD);
            assertThat(p.getProto()).isEqualTo(6);
            assertThat(p.getSrcPort()).isEqualTo(443);
            assertThat(p.getDstNet()).isEqualTo(33);
            assertThat(p.getDstMac()).isEqualTo(0xa0b0c0d0e0f0L);
            assertThat(p.getNextHop().toByteArray()).isEqualTo(new byte[] {10, 0, 0, (byte) 254});
            assertThat(p.getObservationDomainId()).isEqualTo(7);
            assertThat(p.getUnknownFields().asMap()).isEmpty();
        }
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void sflowSampleHeaderFieldsAreOurOwnNumbers() throws IOException {
        Template t = Template.of(1, f("sourceIPv4Address"));
        FlowRecord r = FlowRecord.builder(t).setAddress(0, InetAddress.getByName("172.21.32.254")).build();
        FlowMessageView m = new FlowMessageView().fill(TestContexts.sflow(InetAddress.getByName("172.21.35.17"),
                new InetSocketAddress("192.0.2.1", 6343)), r, 5);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ByteArrayOutputStream pb = new ByteArrayOutputStream();
        try (FlowMessageJsonWriter j = new FlowMessageJsonWriter(json); FlowMessageProtobufWriter p = new FlowMessageProtobufWriter(pb)) {
            j.write(m);
            p.write(m);
        }
        assertThat(json.toString(StandardCharsets.UTF_8)).startsWith("{\"type\":\"SFLOW_5\",\"time_received_ns\":5,"
                + "\"sequence_num\":418,\"sampling_rate\":2048,\"sampler_address\":\"172.21.35.17\","
                + "\"agent_address\":\"172.21.35.17\",\"sub_agent_id\":1,\"sample_type\":\"flow\",\"sample_seq\":6,");
        FlowProto.FlowMessage p = FlowProto.FlowMessage.parseDelimitedFrom(new ByteArrayInputStream(pb.toByteArray()));
        assertThat(p.getAgentAddress()).isEqualTo(p.getSamplerAddress());
        assertThat(p.getSampleType()).isEqualTo("flow");
        assertThat(p.getSampleSeq()).isEqualTo(6);
        assertThat(p.getSubAgentId()).isEqualTo(1);
    }

    /** The zero-copy path: filling the view and writing both formats (JSON in both layouts) allocates nothing per record. */
    @Test
    void fillingAndWritingAllocateNothing() throws IOException {
        FlowRecord r = record();
        FlowMessageView m = new FlowMessageView();
        FlowMessageJsonWriter json = new FlowMessageJsonWriter(java.io.OutputStream.nullOutputStream());
        FlowMessageJsonWriter goflow2 = new FlowMessageJsonWriter(java.io.OutputStream.nullOutputStream(), JsonLayout.GOFLOW2);
        FlowMessageProtobufWriter pb = new FlowMessageProtobufWriter(java.io.OutputStream.nullOutputStream());
        for (int i = 0; i < 20_000; i++) {
            json.write(m.fill(V9, r, i));
            goflow2.write(m);
            pb.write(m);
        }
        int n = 200_000;
        long before = threadAllocatedBytes();
        Assumptions.assumeTrue(before >= 0, "this JVM does not count allocated bytes");
        for (int i = 0; i < n; i++) {
            json.write(m.fill(V9, r, i));
            goflow2.write(m);
            pb.write(m);
        }
        long allocated = threadAllocatedBytes() - before;
        // a few kilobytes once (the JIT's doing), nothing per record
        assertThat(allocated).as("bytes allocated for %d records", n).isLessThan(n / 4);
    }

    /** What this thread allocated so far, or -1: through reflection, as the module reads no java.management. */
    static long threadAllocatedBytes() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes")
                    .invoke(threads);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }
}
