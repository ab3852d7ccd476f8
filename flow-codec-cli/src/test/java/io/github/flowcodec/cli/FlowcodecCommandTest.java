package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.pcap.CaptureReader;
import io.github.flowcodec.cli.internal.pcap.CapturedPacket;
import io.github.flowcodec.cli.internal.pcap.PcapWriter;
import io.github.flowcodec.cli.internal.pcap.UdpDatagramExtractor;
import io.github.flowcodec.cli.internal.generate.ExportEncoder;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.cli.internal.generate.TrafficModel;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.JsonLayout;
import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.SampledFrameBuilder;
import io.github.flowcodec.sflow.SflowDatagramBuilder;
import io.github.flowcodec.netflow5.Netflow5Decoder;
import io.github.flowcodec.netflow5.Netflow5PacketBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FlowcodecCommandTest {

    @TempDir
    Path dir;

    /** Runs the command with captured standard output and error. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = FlowcodecCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void generateWritesAPcapThatDecodeReadsBack() throws IOException {
        Path pcap = dir.resolve("flows.pcap");
        Run gen = run("generate", "--protocol", "netflow5", "--flows", "95", "--pcap", pcap.toString(), "--sampling", "10");
        assertThat(gen.exit()).isZero();
        assertThat(gen.err()).contains("wrote 4 netflow5 packets (95 flows)");

        long packets = 0;
        try (CaptureReader r = CaptureReader.open(pcap)) {
            Optional<CapturedPacket> p;
            while ((p = r.next()).isPresent()) {
                packets++;
                new Netflow5Decoder().decode(UdpDatagramExtractor.extract(p.get()).orElseThrow().payload(), null);
            }
        }
        assertThat(packets).isEqualTo(4);

        Run dec = run("decode", pcap.toString());
        assertThat(dec.exit()).isZero();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).hasSize(95);
        // the default JSON: goflow2's record, every key, etype and proto by name
        assertThat(lines).allSatisfy(m -> {
            assertThat(m).containsEntry("type", "NETFLOW_V5").containsEntry("sampler_address", "192.0.2.1")
                    .containsEntry("sampling_rate", "10").containsEntry("etype", "IPv4");
            assertThat(m.keySet()).containsExactlyElementsOf(JsonLayout.GOFLOW2.keys());
        });
        // varied, realistic traffic: several protocols, many hosts and ports
        assertThat(lines.stream().map(m -> m.get("proto")).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(lines).extracting(m -> m.get("proto")).allMatch(p -> !p.isEmpty() && !Character.isDigit(p.charAt(0)))
                .contains("TCP", "UDP");
        assertThat(lines.stream().map(m -> m.get("src_addr")).distinct().count()).isGreaterThan(20);
        assertThat(lines.stream().map(m -> m.get("bytes")).distinct().count()).isGreaterThan(50);
    }

    @Test
    void generateNetflow9WithSamplingThatDecodeReadsBack() throws IOException {
        Path pcap = dir.resolve("v9.pcap");
        Run gen = run("generate", "--protocol", "netflow9", "--flows", "500", "--pcap", pcap.toString(), "--sampling", "64");
        assertThat(gen.exit()).isZero();
        assertThat(gen.err()).containsPattern("wrote \\d+ netflow9 packets \\(500 flows, \\d options records?\\)");
        Run dec = run("decode", pcap.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).hasSize(500).allSatisfy(m -> {
            // the rate comes from the sampler options record, joined on the sampler id each record names
            assertThat(m).containsEntry("type", "NETFLOW_V9").containsEntry("sampling_rate", "64");
            assertThat(m).containsKeys("src_addr", "dst_addr", "bytes", "packets", "time_flow_start_ns", "time_flow_end_ns", "proto");
        });
        assertThat(lines).anySatisfy(m -> assertThat(m.get("src_addr")).contains(":"));
        assertThat(lines).anySatisfy(m -> assertThat(m.get("src_addr")).doesNotContain(":"));
    }

    @Test
    void generateSflowThatDecodeReadsBackWithTheGeneratedValues() throws IOException {
        Path pcap = dir.resolve("sflow.pcap");
        Run gen = run("generate", "--protocol", "sflow", "--flows", "400", "--pcap", pcap.toString(), "--sampling", "512",
                "--seed", "5", "--exporter", "198.51.100.7");
        assertThat(gen.exit()).isZero();
        assertThat(gen.err()).containsPattern("wrote \\d+ sflow packets \\(400 flows, 100 counter samples\\)");
        Run dec = run("decode", "--format", "json-compact", pcap.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).hasSize(400); // one line per flow sample; the counter samples are not flows

        // The same seed gives the same flows: what the generator meant to export, by IANA element.
        ExportEncoder encoder = ExportProtocol.sflow.newEncoder(java.time.Clock.systemUTC(), 512);
        List<FlowRecord> sent = encoder.records(new TrafficModel(5, ExportProtocol.sflow.ipv6Fraction()).flows(400, 0));
        InformationElementRegistry iana = InformationElementRegistry.iana();
        for (int i = 0; i < sent.size(); i++) {
            FlowRecord r = sent.get(i);
            Template t = r.template();
            Map<String, String> m = lines.get(i);
            boolean v6 = t.indexOf(iana.require("sourceIPv6Address")) >= 0;
            assertThat(m).containsEntry("type", "SFLOW_5").containsEntry("sampler_address", "198.51.100.7")
                    .containsEntry("agent_address", "198.51.100.7").containsEntry("sample_type", "flow")
                    .containsEntry("sampling_rate", "512").containsEntry("packets", "1")
                    .containsEntry("etype", v6 ? "34525" : "2048")
                    .containsEntry("time_flow_start_ns", m.get("time_received_ns"))
                    .containsEntry("time_flow_end_ns", m.get("time_received_ns"));
            assertThat(parsed(m.get("src_addr"))).isEqualTo(
                    r.getAddress(t.indexOf(iana.require(v6 ? "sourceIPv6Address" : "sourceIPv4Address"))));
            assertThat(parsed(m.get("dst_addr"))).isEqualTo(
                    r.getAddress(t.indexOf(iana.require(v6 ? "destinationIPv6Address" : "destinationIPv4Address"))));
            assertThat(parsed(m.get("next_hop"))).isEqualTo(
                    r.getAddress(t.indexOf(iana.require(v6 ? "ipNextHopIPv6Address" : "ipNextHopIPv4Address"))));
            for (String[] k : new String[][] {{"bytes", "octetDeltaCount"}, {"proto", "protocolIdentifier"},
                    {"in_if", "ingressInterface"}, {"out_if", "egressInterface"}, {"src_as", "bgpSourceAsNumber"},
                    {"dst_as", "bgpDestinationAsNumber"}, {"src_vlan", "vlanId"}, {"dst_vlan", "postVlanId"},
                    {"vlan_id", "dot1qVlanId"}, {"ip_tos", "ipClassOfService"}, {"src_port", "sourceTransportPort"},
                    {"dst_port", "destinationTransportPort"}, {"tcp_flags", "tcpControlBits"}}) {
                int at = t.indexOf(iana.require(k[1]));
                if (at >= 0) {
                    assertThat(m.get(k[0])).as("%s of flow sample %d", k[0], i).isEqualTo(Long.toString(r.getLong(at)));
                } else {
                    assertThat(m).as("flow sample %d", i).doesNotContainKey(k[0]);
                }
            }
        }
        // realistic switch traffic: TCP, UDP and ICMP, IPv4 and IPv6, many hosts, 128-byte headers of varied frames
        assertThat(lines.stream().map(m -> m.get("proto")).distinct()).contains("6", "17", "1", "58");
        assertThat(lines).anySatisfy(m -> assertThat(m.get("src_addr")).contains(":"));
        assertThat(lines).anySatisfy(m -> assertThat(m).containsKeys("icmp_type", "icmp_code"));
        assertThat(lines.stream().map(m -> m.get("bytes")).distinct().count()).isGreaterThan(100);
        // sample pools grow by the sampling rate, per data source, with the sample sequence numbers
        assertThat(lines.stream().map(m -> m.get("sample_seq")).distinct().count()).isGreaterThan(50);
    }

    /** The address a JSON value names (a literal: no lookup). */
    private static InetAddress parsed(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    @Test
    void decodeFindsSflowByContentOnAnyPortBesideNetflowAndLeavesCounterSamplesOut() throws IOException {
        Path pcap = dir.resolve("sflow-mixed.pcap");
        InetAddress agent = InetAddress.getByName("192.0.2.7");
        InetAddress collector = InetAddress.getByName("192.0.2.250");
        byte[] frame = SampledFrameBuilder.ethernet(0x0200_0000_0001L, 0x0200_0000_0002L).vlan(42)
                .ipv4((Inet4Address) InetAddress.getByName("10.1.2.3"), (Inet4Address) InetAddress.getByName("10.9.8.7"))
                .tos(0xB8).ttl(61).udp(5060, 5061).payload(300).build();
        byte[] switchDatagram = SflowDatagramBuilder.create().agent(agent).subAgentId(3).sequence(901).uptime(5_000)
                .sample(FlowSample.compact(77, 0, 10, 2048, 2048 * 77, 0, 10, 20,
                        List.of(SampledFrameBuilder.rawHeader(frame, 128), new FlowData.ExtendedSwitch(42, 0, 43, 0))))
                .sample(CounterSample.compact(5, 0, 10, List.of(new CounterData.Vlan(42, 1000, 10, 1, 1, 0))))
                .toBytes();
        byte[] icmp6 = SampledFrameBuilder.ethernet(0x0200_0000_0003L, 0x0200_0000_0004L)
                .ipv6((Inet6Address) InetAddress.getByName("2001:db8::a"), (Inet6Address) InetAddress.getByName("2001:db8::b"))
                .icmp(128, 0).payload(56).build();
        byte[] v6Agent = SflowDatagramBuilder.create().agent(InetAddress.getByName("2001:db8::7")).sequence(12)
                .sample(new FlowSample(true, 9, 0, 70_000, 4096, 4096 * 9, 0, 0, 70_000, 0, 70_001,
                        List.of(SampledFrameBuilder.rawHeader(icmp6, 128))))
                .toBytes();
        byte[] countersOnly = SflowDatagramBuilder.create().agent(agent).sequence(902)
                .sample(CounterSample.compact(6, 0, 10, List.of(new CounterData.Vlan(42, 2000, 20, 1, 1, 0)))).toBytes();
        try (PcapWriter w = PcapWriter.open(Files.newOutputStream(pcap))) {
            w.writeUdp(1_000_000_000L, agent, 40000, collector, 9999, switchDatagram);
            w.writeUdp(2_000_000_000L, agent, 40000, collector, 6343,
                    Netflow5PacketBuilder.create().record(r -> r.srcAddr("10.0.0.1")).toBytes()); // v5 on the sFlow port
            w.writeUdp(3_000_000_000L, agent, 40000, collector, 6343, countersOnly);
            w.writeUdp(4_000_000_000L, InetAddress.getByName("2001:db8::7"), 40000, InetAddress.getByName("2001:db8::250"),
                    6343, v6Agent);
        }
        Run dec = run("decode", "--format", "json-compact", pcap.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).extracting(m -> m.get("type")).containsExactly("SFLOW_5", "NETFLOW_V5", "SFLOW_5");
        assertThat(lines.get(0)).containsEntry("sampler_address", "192.0.2.7").containsEntry("agent_address", "192.0.2.7")
                .containsEntry("sub_agent_id", "3").containsEntry("sequence_num", "901").containsEntry("sample_type", "flow")
                .containsEntry("sample_seq", "77").containsEntry("sampling_rate", "2048").containsEntry("in_if", "10")
                .containsEntry("out_if", "20").containsEntry("src_vlan", "42").containsEntry("dst_vlan", "43")
                .containsEntry("vlan_id", "42").containsEntry("bytes", Integer.toString(frame.length + 4))
                .containsEntry("packets", "1").containsEntry("src_mac", "02:00:00:00:00:01")
                .containsEntry("dst_mac", "02:00:00:00:00:02").containsEntry("etype", "2048").containsEntry("src_addr", "10.1.2.3")
                .containsEntry("dst_addr", "10.9.8.7").containsEntry("proto", "17").containsEntry("src_port", "5060")
                .containsEntry("dst_port", "5061").containsEntry("ip_tos", "184").containsEntry("ip_ttl", "61")
                .containsEntry("time_received_ns", "1000000000").containsEntry("time_flow_start_ns", "1000000000")
                .containsEntry("time_flow_end_ns", "1000000000");
        assertThat(lines.get(2)).containsEntry("sampler_address", "2001:db8::7").containsEntry("agent_address", "2001:db8::7")
                .containsEntry("sample_type", "expanded").containsEntry("in_if", "70000").containsEntry("out_if", "70001")
                .containsEntry("proto", "58").containsEntry("icmp_type", "128").containsEntry("icmp_code", "0")
                .containsEntry("src_addr", "2001:db8::a").containsEntry("etype", "34525")
                .doesNotContainKeys("vlan_id", "src_vlan", "dst_vlan", "src_port", "dst_port");
    }

    @Test
    void generateSendsToAUdpTarget() throws IOException {
        try (java.nio.channels.DatagramChannel collector = java.nio.channels.DatagramChannel.open()) {
            collector.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((java.net.InetSocketAddress) collector.getLocalAddress()).getPort();
            Run gen = run("generate", "--flows", "60", "--target", "127.0.0.1:" + port, "--rate", "0");
            assertThat(gen.exit()).isZero();
            assertThat(gen.err()).contains("sent 2 netflow5 packets (60 flows)");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(65536);
            int records = 0;
            for (int i = 0; i < 2; i++) {
                buf.clear();
                collector.receive(buf);
                buf.flip();
                records += new Netflow5Decoder().decode(buf, null).records().size();
            }
            assertThat(records).isEqualTo(60);
        }
        assertThat(run("generate", "--flows", "1", "--target", "no-port").exit()).isEqualTo(2);
    }

    @Test
    void decodeReportsBadPayloadsOnStandardErrorAndGoesOn() throws IOException {
        Path pcap = dir.resolve("mixed.pcap");
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        try (PcapWriter w = PcapWriter.open(Files.newOutputStream(pcap))) {
            w.writeUdp(1_000_000_000L, a, 5000, b, 2055, Netflow5PacketBuilder.create().record(r -> r.srcAddr("10.0.0.1")).toBytes());
            w.writeUdp(2_000_000_000L, a, 5000, b, 2055, new byte[] {0, 42, 1, 2, 3});
            w.writeUdp(3_000_000_000L, a, 5000, b, 2055, Netflow5PacketBuilder.create().record(r -> r.srcAddr("10.0.0.1")).truncateTo(30).toBytes());
            w.writeUdp(4_000_000_000L, a, 5000, b, 2055, Netflow5PacketBuilder.create().record(r -> r.srcAddr("10.0.0.2")).toBytes());
        }
        Run dec = run("decode", "--all-fields", pcap.toString());
        assertThat(dec.exit()).isZero();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).extracting(m -> m.get("src_addr")).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(lines.get(0)).containsEntry("fields", "<nested>").containsEntry("time_received_ns", "1000000000");
        String[] errLines = dec.err().strip().split("\n");
        assertThat(errLines).hasSize(2);
        assertThat(errLines[0]).contains("packet 2").contains("version 42");
        assertThat(errLines[1]).contains("packet 3").contains("repaired");
        assertThat(dec.err()).doesNotContain("Exception").doesNotContain("\tat ");

        Run strict = run("decode", "--strict", pcap.toString());
        assertThat(JsonLines.parse(strict.out())).hasSize(2);
        assertThat(strict.err().strip().split("\n")).hasSize(2);
    }

    @Test
    void exitCodesTellUsageErrorsAndUnreadableFilesApart() throws IOException {
        assertThat(run("decode").exit()).isEqualTo(2);
        assertThat(run("no-such-command").exit()).isEqualTo(2);
        assertThat(run("generate", "--flows", "1").exit()).isEqualTo(2);
        Run missing = run("decode", dir.resolve("missing.pcap").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("missing.pcap: cannot read: no such file");
        Path garbage = Files.write(dir.resolve("garbage.pcap"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Run bad = run("decode", garbage.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("garbage.pcap: cannot read").doesNotContain("\tat ");
        assertThat(run("--help").exit()).isZero();
        assertThat(run("generate", "--help").out()).contains("Examples:");
    }

    @Test
    void demoSendsDecodesAndComparesEverything() {
        Run demo = run("demo", "--flows", "200", "--show", "3");
        assertThat(demo.exit()).isZero();
        assertThat(demo.out()).contains("netflow5: sent 200 flows in 7 packets, received 200 flows, decode errors 0, equal: true");
        assertThat(demo.out()).containsPattern("netflow9: sent 200 flows in \\d+ packets, received 200 flows, decode errors 0, equal: true");
        assertThat(demo.out()).containsPattern("ipfix: sent 200 flows in \\d+ packets, received 200 flows, decode errors 0, equal: true");
        assertThat(demo.out().lines().filter(l -> l.startsWith("{\"type\":\"IPFIX\""))).hasSize(3);
        assertThat(demo.out()).containsPattern(
                "sflow: sent 200 flows in \\d+ packets \\(with 50 counter samples\\), received 200 flows, decode errors 0, equal: true");
        assertThat(demo.out().lines().filter(l -> l.startsWith("{\"type\":\"SFLOW_5\"")))
                .hasSize(3).allSatisfy(l -> assertThat(l).contains("\"agent_address\":\"192.0.2.1\"", "\"sample_type\":\"flow\""));
        assertThat(demo.out().lines().filter(l -> l.startsWith("{"))).hasSize(3 * ExportProtocol.values().length);
    }
}
