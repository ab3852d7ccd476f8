package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.pcap.CaptureReader;
import io.github.flowcodec.cli.internal.pcap.CapturedPacket;
import io.github.flowcodec.cli.internal.pcap.PcapWriter;
import io.github.flowcodec.cli.internal.pcap.UdpDatagramExtractor;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.netflow5.Netflow5Decoder;
import io.github.flowcodec.netflow5.Netflow5PacketBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
            CommandLine cl = new CommandLine(new FlowcodecCommand());
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
        assertThat(lines).allSatisfy(m -> {
            assertThat(m).containsEntry("type", "NETFLOW_V5").containsEntry("sampler_address", "192.0.2.1")
                    .containsEntry("sampling_rate", "10").containsEntry("etype", "2048");
            assertThat(m).containsKeys("src_addr", "dst_addr", "bytes", "packets", "time_flow_start_ns", "proto");
        });
        // varied, realistic traffic: several protocols, many hosts and ports
        assertThat(lines.stream().map(m -> m.get("proto")).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(lines.stream().map(m -> m.get("src_addr")).distinct().count()).isGreaterThan(20);
        assertThat(lines.stream().map(m -> m.get("bytes")).distinct().count()).isGreaterThan(50);
    }

    @Test
    void generateNetflow9WithSamplingThatDecodeReadsBack() throws IOException {
        Path pcap = dir.resolve("v9.pcap");
        Run gen = run("generate", "--protocol", "netflow9", "--flows", "500", "--pcap", pcap.toString(), "--sampling", "64");
        assertThat(gen.exit()).isZero();
        assertThat(gen.err()).containsPattern("wrote \\d+ netflow9 packets \\(500 flows\\)");
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
            w.writeUdp(1_000_000_000L, a, 5000, b, 2055, new Netflow5PacketBuilder().record(r -> r.srcAddr("10.0.0.1")).build());
            w.writeUdp(2_000_000_000L, a, 5000, b, 2055, new byte[] {0, 42, 1, 2, 3});
            w.writeUdp(3_000_000_000L, a, 5000, b, 2055, new Netflow5PacketBuilder().record(r -> r.srcAddr("10.0.0.1")).truncateTo(30).build());
            w.writeUdp(4_000_000_000L, a, 5000, b, 2055, new Netflow5PacketBuilder().record(r -> r.srcAddr("10.0.0.2")).build());
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
        assertThat(demo.out().lines().filter(l -> l.startsWith("{"))).hasSize(3 * ExportProtocol.values().length);
    }
}
