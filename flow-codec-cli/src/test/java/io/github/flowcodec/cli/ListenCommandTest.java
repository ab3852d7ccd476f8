package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow5.Netflow5;
import io.github.flowcodec.netflow5.Netflow5Encoder;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowcodec listen} as a collector: real UDP on loopback, several protocols and exporters, bad datagrams. */
class ListenCommandTest {

    @TempDir
    Path dir;

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();

    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code flowcodec listen args} on another thread; its exit status, with standard error in {@code err}. */
    static CompletableFuture<Integer> listen(StringWriter err, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            CommandLine cl = FlowcodecCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of("listen"));
            all.addAll(List.of(args));
            return cl.execute(all.toArray(String[]::new));
        });
    }

    static void awaitListening(StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!err.toString().contains("listening on")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("listen did not start: " + err);
            }
            Thread.sleep(10);
        }
    }

    private static List<FlowRecord> v5Records(int n) throws Exception {
        List<FlowRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FlowRecord.builder(Netflow5.TEMPLATE)
                    .setAddress(Netflow5.SRC_ADDR, InetAddress.getByName("10.0.0." + (i + 1)))
                    .setAddress(Netflow5.DST_ADDR, InetAddress.getByName("192.0.2.7"))
                    .setLong(Netflow5.PACKETS, 3).setLong(Netflow5.OCTETS, 1000 + i).setLong(Netflow5.PROTOCOL, 6).build());
        }
        return out;
    }

    private static List<FlowRecord> v9Records(int n) throws Exception {
        Template t = Template.builder(300).field(IANA.require("sourceIPv4Address")).field(IANA.require("destinationIPv4Address"))
                .field(IANA.require("octetDeltaCount"), 4).field(IANA.require("protocolIdentifier")).build();
        List<FlowRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FlowRecord.builder(t).setAddress(0, InetAddress.getByName("10.9.0." + (i + 1)))
                    .setAddress(1, InetAddress.getByName("198.51.100.1")).setLong(2, 500 + i).setLong(3, 17).build());
        }
        return out;
    }

    @Test
    void decodesEveryProtocolFromSeveralExportersAndSurvivesBadDatagrams() throws Exception {
        int port = freePort();
        Path out = dir.resolve("flows.jsonl");
        List<ByteBuffer> v5 = Netflow5Encoder.builder().build().encode(v5Records(40));          // 2 datagrams
        List<ByteBuffer> v9 = Netflow9Encoder.builder().sourceId(3).build().encode(v9Records(25)); // template first
        List<byte[]> bad = List.of(new byte[] {0, 9, 0, 1}, "not a flow packet".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        int datagrams = v5.size() + v9.size() + bad.size();

        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = listen(err, "-l", "127.0.0.1:" + port, "--count", Integer.toString(datagrams),
                "--workers", "2", "--stats-interval", "0", "-o", out.toString());
        awaitListening(err);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramChannel a = DatagramChannel.open(); DatagramChannel b = DatagramChannel.open()) {
            for (ByteBuffer d : v9) {
                a.send(d, target);
            }
            for (byte[] d : bad) {
                a.send(ByteBuffer.wrap(d), target);
            }
            for (ByteBuffer d : v5) {
                b.send(d, target);
            }
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();

        List<Map<String, String>> lines = JsonLines.parse(Files.readString(out));
        assertThat(lines).hasSize(65);
        assertThat(lines.stream().filter(m -> "NETFLOW_V5".equals(m.get("type")))).hasSize(40);
        assertThat(lines.stream().filter(m -> "NETFLOW_V9".equals(m.get("type")))
                .map(m -> m.get("src_addr")).distinct()).hasSize(25);
        String stats = err.toString();
        assertThat(stats).contains(datagrams + " datagrams").contains("65 records").contains("NETFLOW_V5 40")
                .contains("NETFLOW_V9 25").contains("3 decode errors").contains("(2 not flow protocols)");
    }

    /**
     * {@code generate --target} into {@code listen --count} on loopback, from several exporters: listen prints, per
     * exporter and in order, the flows {@code decode} prints from a pcap generated with the same seed (flow k goes to
     * exporter k % N both ways), and sees no loss, no missing template, no decode error. At most 300 flows per
     * exporter: over UDP generate encodes 300 at a time, so beyond that its packets are cut elsewhere than in a pcap.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ipfix, 3, observation_domain_id", "sflow, 2, agent_address", "netflow9, 2, observation_domain_id"})
    void listensToWhatGenerateSends(String protocol, int exporters, String exporterKey) throws Exception {
        String[] common = {"generate", "--protocol", protocol, "--flows", "600", "--sampling", "16", "--seed", "4",
                "--exporters", Integer.toString(exporters)};
        Path pcap = dir.resolve(protocol + ".pcap");
        List<String> toPcap = new ArrayList<>(List.of(common));
        toPcap.addAll(List.of("--pcap", pcap.toString()));
        assertThat(CommandRun.run(toPcap.toArray(String[]::new)).exit()).isZero();
        int datagrams = CommandRun.datagrams(pcap).size();
        List<Map<String, String>> fromPcap = JsonLines.parse(CommandRun.run("decode", "--format", "json-compact", pcap.toString()).out());
        assertThat(fromPcap).hasSize(600);

        int port = freePort();
        Path out = dir.resolve(protocol + ".jsonl");
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = listen(err, "-l", "127.0.0.1:" + port, "--count", Integer.toString(datagrams),
                "--workers", "2", "--stats-interval", "0", "--format", "json-compact", "-o", out.toString());
        awaitListening(err);
        List<String> toTarget = new ArrayList<>(List.of(common));
        toTarget.addAll(List.of("--target", "127.0.0.1:" + port, "--rate", "2000", "--progress", "0"));
        CommandRun gen = CommandRun.run(toTarget.toArray(String[]::new));
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.err()).contains("sent " + datagrams + " " + protocol + " packets (600 flows");
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();

        List<Map<String, String>> heard = JsonLines.parse(Files.readString(out));
        assertThat(heard).hasSize(600);
        assertThat(err.toString()).contains(datagrams + " datagrams").contains("600 records").contains("0 decode errors")
                .contains("0 data sets missing templates, 0 lost sequence numbers");
        Map<String, List<Map<String, String>>> heardBy = heard.stream().collect(java.util.stream.Collectors.groupingBy(
                m -> m.get(exporterKey), java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        Map<String, List<Map<String, String>>> pcapBy = fromPcap.stream().collect(java.util.stream.Collectors.groupingBy(
                m -> m.get(exporterKey), java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        assertThat(heardBy).hasSize(exporters);
        assertThat(heardBy.keySet()).isEqualTo(pcapBy.keySet());
        List<String> keys = List.of("type", "sampling_rate", "src_addr", "dst_addr", "src_port", "dst_port", "proto", "bytes",
                "packets", "in_if", "out_if", "src_as", "dst_as", "next_hop", "observation_domain_id", "sequence_num");
        Set<String> udpSources = new java.util.HashSet<>();
        heardBy.forEach((exporter, records) -> {
            List<Map<String, String>> expected = pcapBy.get(exporter);
            assertThat(records).as("records of exporter %s", exporter).hasSameSizeAs(expected);
            for (int i = 0; i < records.size(); i++) {
                for (String k : keys) {
                    assertThat(records.get(i).get(k)).as("%s of record %d of exporter %s", k, i, exporter)
                            .isEqualTo(expected.get(i).get(k));
                }
                // the UDP source (each exporter its own loopback address, the first's 127.0.0.1), but for sFlow:
                // the agent address (goflow2's rule, issue 15)
                boolean sflow = "SFLOW_5".equals(records.get(i).get("type"));
                String sampler = sflow ? records.get(i).get("agent_address") : records.get(0).get("sampler_address");
                assertThat(sampler).isNotNull();
                assertThat(records.get(i)).containsEntry("sampler_address", sampler).containsEntry("sampling_rate", "16");
                if (!sflow) {
                    udpSources.add(sampler);
                }
            }
        });
        if (!"sflow".equals(protocol)) {
            // where the system has the loopback addresses (Linux), one an exporter; else every exporter's is 127.0.0.1
            assertThat(udpSources).as("UDP source addresses").hasSize(ownLoopbackAddresses() ? exporters : 1)
                    .contains("127.0.0.1").allSatisfy(a -> assertThat(a).startsWith("127.0.0."));
        }
    }

    /** {@code --format csv} with two workers: the header row once, first, then one row a flow. */
    @Test
    void csvHasItsHeaderOnceWhateverTheWorkers() throws Exception {
        String[] common = {"generate", "--protocol", "netflow9", "--flows", "200", "--seed", "5", "--exporters", "2"};
        Path pcap = dir.resolve("csv.pcap");
        List<String> toPcap = new ArrayList<>(List.of(common));
        toPcap.addAll(List.of("--pcap", pcap.toString()));
        assertThat(CommandRun.run(toPcap.toArray(String[]::new)).exit()).isZero();
        int datagrams = CommandRun.datagrams(pcap).size();
        int port = freePort();
        Path out = dir.resolve("flows.csv");
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = listen(err, "-l", "127.0.0.1:" + port, "--count", Integer.toString(datagrams),
                "--workers", "2", "--stats-interval", "0", "--format", "csv", "-o", out.toString());
        awaitListening(err);
        List<String> toTarget = new ArrayList<>(List.of(common));
        toTarget.addAll(List.of("--target", "127.0.0.1:" + port, "--rate", "2000", "--progress", "0"));
        CommandRun gen = CommandRun.run(toTarget.toArray(String[]::new));
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        List<List<String>> rows = CsvCorpusTest.parseCsv(Files.readString(out));
        List<String> keys = io.github.flowcodec.flowmessage.JsonLayout.GOFLOW2.keys();
        assertThat(rows).hasSize(201);
        assertThat(rows.get(0)).isEqualTo(keys);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
            assertThat(r).hasSize(keys.size()).isNotEqualTo(keys);
            assertThat(r.get(0)).isEqualTo("NETFLOW_V9");
        });
    }

    private static boolean ownLoopbackAddresses() {
        try (java.nio.channels.DatagramChannel c = java.nio.channels.DatagramChannel.open()) {
            c.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.3"), 0));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void stopsAfterItsDurationAndPrintsFinalStats() throws Exception {
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        CompletableFuture<Integer> exit = listen(err, "-l", "127.0.0.1:0", "--duration", "1", "--stats-interval", "0",
                "-o", dir.resolve("none.jsonl").toString());
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(err.toString()).contains("listening on").contains("0 datagrams").contains("0 records");
        assertThat(Files.readString(dir.resolve("none.jsonl"))).isEmpty();
    }

    @Test
    void refusesBadOptions() {
        StringWriter err = new StringWriter();
        CommandLine cl = FlowcodecCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("listen", "-l", "127.0.0.1:99999")).isEqualTo(2);
        assertThat(err.toString()).contains("--listen takes HOST:PORT or PORT");
        assertThat(cl.execute("listen", "--workers", "0")).isEqualTo(2);
        assertThat(cl.execute("listen", "--format", "csv", "--kafka", "127.0.0.1:9", "--topic", "flows")).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka publishes protobuf or JSON messages");
        assertThat(cl.execute("listen", "--format", "csv", "--http", "http://127.0.0.1:9/")).isEqualTo(2);
        assertThat(err.toString()).contains("--http posts JSON");
        assertThat(cl.execute("listen", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format takes json, json-compact, protobuf, csv, not xml");
    }

    @Test
    void sigtermStopsItCleanlyWithItsFinalStats() throws Exception {
        int port = freePort();
        Path out = dir.resolve("signal.jsonl");
        Path err = dir.resolve("signal.err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FlowcodecCommand.class.getName(), "listen", "-l",
                "127.0.0.1:" + port, "--stats-interval", "1", "-o", out.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(err) || !Files.readString(err).contains("listening on")) {
                assertThat(System.nanoTime()).as("listen did not start").isLessThan(deadline);
                Thread.sleep(20);
            }
            List<ByteBuffer> v5 = Netflow5Encoder.builder().build().encode(v5Records(30));
            try (DatagramChannel c = DatagramChannel.open()) {
                for (ByteBuffer d : v5) {
                    c.send(d, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                }
            }
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(err).contains("30 records")) { // a stats line once the datagram was decoded
                assertThat(System.nanoTime()).as("listen did not decode the datagram").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            p.destroy(); // SIGTERM
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(err);
        assertThat(lines.get(lines.size() - 1)).as("the final stats line").startsWith("stopped, listen: ")
                .contains("1 datagrams").contains("30 records").contains("NETFLOW_V5 30");
        assertThat(Files.readAllLines(out)).hasSize(30);
    }
}
