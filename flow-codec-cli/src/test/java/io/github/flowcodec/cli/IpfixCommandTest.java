package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.generate.ExportEncoder;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.cli.internal.generate.SyntheticFlow;
import io.github.flowcodec.cli.internal.generate.TrafficModel;
import io.github.flowcodec.cli.internal.pcap.PcapWriter;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.IpfixEncoder;
import io.github.flowcodec.ipfix.IpfixFileWriter;
import io.github.flowcodec.netflow5.Netflow5PacketBuilder;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPFIX through the command: decode (pcap on any port, RFC 5655 files), generate, and back. */
class IpfixCommandTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    /** Seconds between 1900 (NTP) and 1970. */
    private static final long NTP_OFFSET = 2_208_988_800L;

    @TempDir
    Path dir;

    /** dateTimeMicroseconds / dateTimeNanoseconds in NTP form (RFC 7011 section 6.1.9-10). */
    private static long ntp(Instant t) {
        return ((t.getEpochSecond() + NTP_OFFSET) << 32) | (((long) t.getNano() << 32) / 1_000_000_000L);
    }

    private static List<FlowRecord> records() throws IOException {
        Template t = Template.builder(300).field(IANA.require("sourceIPv6Address")).field(IANA.require("destinationIPv6Address"))
                .field(IANA.require("sourceTransportPort")).field(IANA.require("destinationTransportPort"))
                .field(IANA.require("protocolIdentifier")).field(IANA.require("octetDeltaCount"), 4)
                .field(IANA.require("packetDeltaCount"), 4).field(IANA.require("flowStartMicroseconds"))
                .field(IANA.require("flowEndNanoseconds")).field(IANA.require("samplingInterval"), 2).build();
        Instant start = Instant.parse("2026-03-01T10:00:00.123456Z");
        Instant end = Instant.parse("2026-03-01T10:00:02.987654321Z");
        return List.of(
                FlowRecord.builder(t).setAddress(0, InetAddress.getByName("2001:db8::1")).setAddress(1, InetAddress.getByName("2001:db8::2"))
                        .setLong(2, 50000).setLong(3, 443).setLong(4, 6).setLong(5, 123456).setLong(6, 99)
                        .setLong(7, ntp(start)).setLong(8, ntp(end)).setLong(9, 1000).build(),
                FlowRecord.builder(t).setAddress(0, InetAddress.getByName("2001:db8::3")).setAddress(1, InetAddress.getByName("2001:db8::4"))
                        .setLong(2, 53).setLong(3, 40000).setLong(4, 17).setLong(5, 80).setLong(6, 1)
                        .setLong(7, ntp(start)).setLong(8, ntp(end)).setLong(9, 1000).build());
    }

    @Test
    void decodeFindsIpfixOnAnyPortWithItsDomainSequenceAndFineTimes() throws IOException {
        List<ByteBuffer> messages = IpfixEncoder.builder().observationDomainId(77).firstSequence(1000)
                .clock(() -> 1_772_359_200_000L).build().encode(records());
        assertThat(messages).hasSize(1);
        Path pcap = dir.resolve("ipfix.pcap");
        InetAddress exporter = InetAddress.getByName("198.51.100.9");
        InetAddress collector = InetAddress.getByName("198.51.100.250");
        byte[] m = new byte[messages.get(0).remaining()];
        messages.get(0).get(m);
        try (PcapWriter w = PcapWriter.open(Files.newOutputStream(pcap))) {
            w.writeUdp(5_000_000_000L, exporter, 50000, collector, 2055, m); // IPFIX on the NetFlow port
            w.writeUdp(6_000_000_000L, exporter, 50001, collector, 4739,
                    Netflow5PacketBuilder.create().record(r -> r.srcAddr("10.0.0.1")).toBytes()); // and v5 on the IPFIX port
        }
        CommandRun dec = CommandRun.run("decode", "--format", "json-compact", pcap.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).extracting(l -> l.get("type")).containsExactly("IPFIX", "IPFIX", "NETFLOW_V5");
        assertThat(lines.get(0)).containsEntry("sampler_address", "198.51.100.9").containsEntry("observation_domain_id", "77")
                .containsEntry("sequence_num", "1000").containsEntry("time_received_ns", "5000000000")
                .containsEntry("src_addr", "2001:db8::1").containsEntry("dst_addr", "2001:db8::2").containsEntry("etype", "34525")
                .containsEntry("src_port", "50000").containsEntry("dst_port", "443").containsEntry("proto", "6")
                .containsEntry("bytes", "123456").containsEntry("packets", "99").containsEntry("sampling_rate", "1000")
                .containsKeys("time_flow_start_ns", "time_flow_end_ns");
        // microseconds and nanoseconds kept, not cut to milliseconds (dateTimeMicroseconds: the low 11 bits of the
        // NTP fraction carry nothing, RFC 7011 section 6.1.9, so up to 477 ns go)
        long start = Long.parseLong(lines.get(0).get("time_flow_start_ns"));
        long startNs = Instant.parse("2026-03-01T10:00:00Z").getEpochSecond() * 1_000_000_000L + 123_456_000L;
        assertThat(start).isBetween(startNs - 1_000, startNs);
        long end = Long.parseLong(lines.get(0).get("time_flow_end_ns"));
        assertThat(end - Instant.parse("2026-03-01T10:00:02Z").getEpochSecond() * 1_000_000_000L).isBetween(987_654_320L, 987_654_321L);
        assertThat(lines.get(1)).containsEntry("sequence_num", "1000").containsEntry("proto", "17").containsEntry("src_port", "53");
    }

    @Test
    void decodeReadsAnIpfixFileAndReportsOneCutShort() throws IOException {
        IpfixEncoder encoder = IpfixEncoder.builder().observationDomainId(5).clock(() -> 1_772_359_200_000L).build();
        Path file = dir.resolve("flows.ipfix");
        try (IpfixFileWriter w = IpfixFileWriter.create(file)) {
            for (ByteBuffer m : encoder.encode(records())) {
                w.write(m);
            }
            for (ByteBuffer m : encoder.encode(records())) {
                w.write(m);
            }
        }
        CommandRun dec = CommandRun.run("decode", "--format", "json-compact", file.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).containsEntry("type", "IPFIX")
                .containsEntry("observation_domain_id", "5").doesNotContainKey("sampler_address")
                // a file has no receive time: the message's export time stands for it
                .containsEntry("time_received_ns", Long.toString(1_772_359_200_000L * 1_000_000L)));
        assertThat(lines).extracting(l -> l.get("sequence_num")).containsExactly("0", "0", "2", "2");
        assertThat(lines).extracting(l -> l.get("src_addr")).containsExactly("2001:db8::1", "2001:db8::3", "2001:db8::1", "2001:db8::3");

        byte[] all = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.ipfix"), java.util.Arrays.copyOf(all, all.length - 10));
        CommandRun bad = CommandRun.run("decode", cut.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(JsonLines.parse(bad.out())).hasSize(2); // the first message is whole
        assertThat(bad.err()).contains("cut.ipfix: cannot read: not a whole IPFIX file").doesNotContain("\tat ");
    }

    @Test
    void generateIpfixWithSamplingDecodesBackToTheGeneratedFlows() throws IOException {
        Path pcap = dir.resolve("gen.pcap");
        long before = System.currentTimeMillis();
        CommandRun gen = CommandRun.run("generate", "--protocol", "ipfix", "--flows", "400", "--sampling", "100", "--seed", "9",
                "--pcap", pcap.toString(), "--exporter", "203.0.113.5");
        assertThat(gen.exit()).isZero();
        assertThat(gen.err()).containsPattern("wrote (\\d+) ipfix packets \\(400 flows, \\d+ options records?\\)");
        List<io.github.flowcodec.cli.internal.pcap.UdpDatagram> datagrams = CommandRun.datagrams(pcap);
        assertThat(datagrams).allSatisfy(d -> assertThat(d.dstPort()).isEqualTo(4739));
        CommandRun dec = CommandRun.run("decode", "--format", "json-compact", pcap.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).hasSize(400);

        // the same seed gives the same flows: what the generator meant to export
        List<SyntheticFlow> flows = new TrafficModel(9, ExportProtocol.ipfix.ipv6Fraction()).flows(400, 0);
        for (int i = 0; i < flows.size(); i++) {
            SyntheticFlow f = flows.get(i);
            Map<String, String> m = lines.get(i);
            boolean v6 = f.srcAddr() instanceof Inet6Address;
            boolean icmp = f.protocol() == 1;
            assertThat(m).as("flow %d", i).containsEntry("type", "IPFIX").containsEntry("sampler_address", "203.0.113.5")
                    .containsEntry("observation_domain_id", "1")
                    .containsEntry("sampling_rate", "100") // from the selector's options record (RFC 5476), by selectorId
                    .containsEntry("etype", v6 ? "34525" : "2048")
                    .containsEntry("proto", Integer.toString(icmp && v6 ? 58 : f.protocol()))
                    .containsEntry("bytes", Long.toString(f.octets())).containsEntry("packets", Long.toString(f.packets()))
                    .containsEntry("in_if", Integer.toString(f.inputInterface()))
                    .containsEntry("out_if", Integer.toString(f.outputInterface()))
                    .containsEntry("src_as", Integer.toString(f.srcAs())).containsEntry("dst_as", Integer.toString(f.dstAs()))
                    .containsEntry("ip_tos", Integer.toString(f.tos())).containsEntry("tcp_flags", Integer.toString(f.tcpFlags()));
            assertThat(InetAddress.getByName(m.get("src_addr"))).isEqualTo(f.srcAddr());
            assertThat(InetAddress.getByName(m.get("dst_addr"))).isEqualTo(f.dstAddr());
            assertThat(InetAddress.getByName(m.get("next_hop"))).isEqualTo(f.nextHop());
            assertThat(m.get("src_net")).endsWith("/" + f.srcMask());
            assertThat(m.get("dst_net")).endsWith("/" + f.dstMask());
            if (icmp) {
                int typeCode = v6 ? (f.dstPort() == 0 ? 129 << 8 : 128 << 8) : f.dstPort();
                assertThat(m).containsEntry("icmp_type", Integer.toString(typeCode >> 8))
                        .containsEntry("icmp_code", Integer.toString(typeCode & 0xFF))
                        .containsEntry("src_port", "0").containsEntry("dst_port", "0");
            } else {
                assertThat(m).containsEntry("src_port", Integer.toString(f.srcPort()))
                        .containsEntry("dst_port", Integer.toString(f.dstPort()));
            }
            // absolute flowStart/EndMilliseconds: the flow's duration, ending in the minute before it was generated
            long start = Long.parseLong(m.get("time_flow_start_ns")) / 1_000_000L;
            long end = Long.parseLong(m.get("time_flow_end_ns")) / 1_000_000L;
            assertThat(end - start).isEqualTo(f.endMillis() - f.startMillis());
            assertThat(end).isBetween(before - 61_000, System.currentTimeMillis());
        }
        assertThat(lines.stream().map(m -> m.get("proto")).distinct()).contains("6", "17", "1", "58");
        assertThat(lines).anySatisfy(m -> assertThat(m.get("src_addr")).contains(":"));
        // sequence numbers count data records (options records included), per RFC 7011
        assertThat(lines.get(0)).containsEntry("sequence_num", "0");
    }

    /** Helper for readable failures: an encoder of the generate command decodes to its own records. */
    @Test
    void theGeneratedRecordsAreWhatTheEncoderSends() {
        ExportEncoder e = ExportProtocol.ipfix.newEncoder(java.time.Clock.systemUTC(), 1);
        List<FlowRecord> sent = e.records(new TrafficModel(3, 0.3).flows(50, System.currentTimeMillis()));
        List<FlowRecord> back = new java.util.ArrayList<>();
        io.github.flowcodec.ipfix.IpfixDecoder decoder = new io.github.flowcodec.ipfix.IpfixDecoder();
        for (ByteBuffer m : e.encode(sent)) {
            decoder.decode(m, new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 9), (ctx, r) -> back.add(r.toRecord()));
        }
        assertThat(back).isEqualTo(sent);
    }
}
