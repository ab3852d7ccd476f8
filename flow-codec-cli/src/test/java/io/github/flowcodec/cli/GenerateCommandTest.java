package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.cli.internal.pcap.UdpDatagram;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowDecoders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code flowcodec generate}'s options: several exporters, template refresh, continuous sending at a rate. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    /** The set ids of a NetFlow v9 (header 20 bytes) or IPFIX (16) packet, walked by their lengths. */
    private static List<Integer> setIds(byte[] p) {
        int version = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
        int at = version == 9 ? 20 : 16;
        int end = version == 9 ? p.length : Math.min(p.length, ((p[2] & 0xFF) << 8) | (p[3] & 0xFF));
        List<Integer> ids = new ArrayList<>();
        while (at + 4 <= end) {
            int id = ((p[at] & 0xFF) << 8) | (p[at + 1] & 0xFF);
            int len = ((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF);
            assertThat(len).as("set length").isGreaterThanOrEqualTo(4);
            ids.add(id);
            at += len;
        }
        return ids;
    }

    /** Whether the packet holds a template set (v9: 0 and 1; IPFIX: 2 and 3). */
    private static boolean hasTemplates(byte[] p) {
        return setIds(p).stream().anyMatch(id -> id < 256);
    }

    @ParameterizedTest
    @EnumSource(ExportProtocol.class)
    void severalExportersInAPcapAreSeveralAddressesSourceIdsAndSequences(ExportProtocol protocol) throws IOException {
        Path pcap = dir.resolve(protocol + ".pcap");
        CommandRun gen = CommandRun.run("generate", "--protocol", protocol.name(), "--flows", "900", "--exporters", "3",
                "--exporter", "192.0.2.10", "--pcap", pcap.toString());
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.err()).containsPattern("wrote \\d+ " + protocol + " packets \\(900 flows.*\\) to .* from 3 exporters");
        List<UdpDatagram> datagrams = CommandRun.datagrams(pcap);
        assertThat(datagrams.stream().map(d -> d.srcAddress().getHostAddress()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("192.0.2.10", "192.0.2.11", "192.0.2.12");
        // interleaved, as exporters running side by side send
        assertThat(datagrams.subList(0, 3)).extracting(d -> d.srcAddress().getHostAddress())
                .containsExactly("192.0.2.10", "192.0.2.11", "192.0.2.12");

        CommandRun dec = CommandRun.run("decode", "--format", "json-compact", pcap.toString());
        assertThat(dec.exit()).isZero();
        assertThat(dec.err()).as("no loss, no missing template, no restart").isEmpty();
        List<Map<String, String>> lines = JsonLines.parse(dec.out());
        assertThat(lines).hasSize(900);
        Map<String, Set<String>> idsByExporter = new HashMap<>();
        Map<String, Long> flowsByExporter = lines.stream().collect(Collectors.groupingBy(m -> m.get("sampler_address"), Collectors.counting()));
        assertThat(flowsByExporter).containsOnlyKeys("192.0.2.10", "192.0.2.11", "192.0.2.12").allSatisfy((k, v) -> assertThat(v).isEqualTo(300));
        for (Map<String, String> m : lines) {
            String id = switch (protocol) {
                case sflow -> m.get("agent_address");
                default -> m.get("observation_domain_id");
            };
            idsByExporter.computeIfAbsent(m.get("sampler_address"), k -> new TreeSet<>()).add(id);
        }
        Map<String, String> expected = switch (protocol) {
            case netflow5 -> Map.of("192.0.2.10", "0", "192.0.2.11", "1", "192.0.2.12", "2");     // engine id
            case sflow -> Map.of("192.0.2.10", "192.0.2.10", "192.0.2.11", "192.0.2.11", "192.0.2.12", "192.0.2.12"); // agent
            default -> Map.of("192.0.2.10", "1", "192.0.2.11", "2", "192.0.2.12", "3");           // source id / domain
        };
        expected.forEach((exporter, id) -> assertThat(idsByExporter.get(exporter)).as("ids of %s", exporter).containsExactly(id));

        // each exporter keeps its own sequence numbers: they start afresh for each
        Map<String, String> firstSequence = new HashMap<>();
        for (Map<String, String> m : lines) {
            firstSequence.putIfAbsent(m.get("sampler_address"), m.get("sequence_num"));
        }
        assertThat(new HashSet<>(firstSequence.values())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = ExportProtocol.class, names = {"netflow9", "ipfix"})
    void templatesAreResentEveryNPacketsOfEachExporter(ExportProtocol protocol) throws IOException {
        for (int refresh : new int[] {4, 0}) {
            Path pcap = dir.resolve(protocol + "-" + refresh + ".pcap");
            CommandRun gen = CommandRun.run("generate", "--protocol", protocol.name(), "--flows", "1200", "--exporters", "2",
                    "--sampling", "32", "--template-refresh", Integer.toString(refresh), "--pcap", pcap.toString());
            assertThat(gen.exit()).as(gen.err()).isZero();
            Map<String, List<byte[]>> byExporter = new HashMap<>();
            for (UdpDatagram d : CommandRun.datagrams(pcap)) {
                byExporter.computeIfAbsent(d.srcAddress().getHostAddress(), k -> new ArrayList<>()).add(d.payloadBytes());
            }
            assertThat(byExporter).hasSize(2);
            for (List<byte[]> packets : byExporter.values()) {
                assertThat(packets.size()).isGreaterThan(12);
                for (int i = 0; i < packets.size(); i++) {
                    boolean due = refresh == 0 ? i == 0 : i % refresh == 0;
                    assertThat(hasTemplates(packets.get(i))).as("%s, refresh %d: templates in packet %d", protocol, refresh, i)
                            .isEqualTo(due);
                }
            }
            // the sampling options record goes with the templates: every packet with templates has options data
            // (set id 258), and every record decodes with its rate
            for (List<byte[]> packets : byExporter.values()) {
                for (byte[] p : packets) {
                    assertThat(setIds(p).contains(258)).isEqualTo(hasTemplates(p));
                }
            }
            CommandRun dec = CommandRun.run("decode", pcap.toString());
            assertThat(dec.err()).isEmpty();
            assertThat(JsonLines.parse(dec.out())).hasSize(1200).allSatisfy(m -> assertThat(m).containsEntry("sampling_rate", "32"));
            long options = byExporter.values().stream().mapToLong(ps -> ps.stream().filter(GenerateCommandTest::hasTemplates).count()).sum();
            assertThat(gen.err()).contains("1200 flows, " + options + " options record");
        }
    }

    @Test
    void sendsContinuouslyAtTheRateFromSeveralSocketsUntilTheDurationWithProgress() throws Exception {
        try (DatagramChannel collector = DatagramChannel.open()) {
            collector.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            collector.configureBlocking(false);
            int port = ((InetSocketAddress) collector.getLocalAddress()).getPort();
            long start = System.nanoTime();
            CompletableFuture<CommandRun> gen = CompletableFuture.supplyAsync(() -> CommandRun.run("generate", "--protocol", "ipfix",
                    "--target", "127.0.0.1:" + port, "--rate", "200", "--exporters", "3", "--duration", "2", "--progress", "1"));
            DatagramDecoder<?> decoder = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT);
            ByteBuffer buf = ByteBuffer.allocate(65536);
            Set<Integer> sourcePorts = new HashSet<>();
            Set<String> sourceAddresses = new HashSet<>();
            Set<Long> domains = new HashSet<>();
            long datagrams = 0;
            long[] records = new long[1];
            while (!gen.isDone() || buf.position() > 0) {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) collector.receive(buf);
                if (from == null) {
                    Thread.sleep(2);
                    buf.clear();
                    if (gen.isDone()) {
                        break;
                    }
                    continue;
                }
                buf.flip();
                datagrams++;
                sourcePorts.add(from.getPort());
                sourceAddresses.add(from.getAddress().getHostAddress());
                records[0] += decoder.decode(buf, from, (ctx, r) -> domains.add(ctx.observationDomainId()));
                buf.clear();
            }
            CommandRun run = gen.get(30, TimeUnit.SECONDS);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(elapsedMs).isBetween(1_900L, 20_000L);
            String err = run.err();
            assertThat(err).contains("sending ipfix to").contains("from 3 exporters at 200 packets/s (for 2 s; Ctrl-C to stop)");
            List<String> progress = err.lines().filter(l -> l.matches("\\s*\\d+ s: [\\d,]+ packets \\([\\d,]+/s\\), [\\d,]+ flows \\([\\d,]+/s\\), 3 exporters"))
                    .toList();
            assertThat(progress).hasSizeBetween(1, 3);
            java.util.regex.Matcher summary = java.util.regex.Pattern
                    .compile("sent (\\d+) ipfix packets \\((\\d+) flows\\) to 127.0.0.1:\\d+ from 3 exporters in [\\d.]+ s").matcher(err);
            assertThat(summary.find()).as(err).isTrue();
            long sent = Long.parseLong(summary.group(1));
            // 200 packets a second for 2 seconds, paced
            assertThat(sent).isBetween(300L, 420L);
            assertThat(datagrams).isBetween(sent * 9 / 10, sent); // loopback may drop a few
            assertThat(sourcePorts).hasSize(3);
            // to a loopback collector each exporter has its own address, as devices do (where the system has them)
            if (canBind("127.0.0.3")) {
                assertThat(sourceAddresses).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2", "127.0.0.3");
            }
            assertThat(domains).containsExactlyInAnyOrder(1L, 2L, 3L);
            assertThat(records[0]).isPositive();
        }
    }

    private static boolean canBind(String address) {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void refusesOptionsThatCannotWork() {
        Path pcap = dir.resolve("x.pcap");
        assertThat(CommandRun.run("generate", "--pcap", pcap.toString(), "--duration", "5").err()).contains("need --target");
        assertThat(CommandRun.run("generate", "--pcap", pcap.toString(), "--exporters", "0").exit()).isEqualTo(2);
        assertThat(CommandRun.run("generate", "--pcap", pcap.toString(), "--template-refresh", "-1").exit()).isEqualTo(2);
        assertThat(CommandRun.run("generate", "--pcap", pcap.toString(), "--sampling", "20000").exit()).isEqualTo(2); // v5: 14 bits
        assertThat(CommandRun.run("generate", "--protocol", "ipfix", "--flows", "10", "--pcap", pcap.toString(), "--sampling", "20000")
                .exit()).isZero();
        CommandRun note = CommandRun.run("generate", "--protocol", "sflow", "--flows", "10", "--pcap", pcap.toString(), "--template-refresh", "3");
        assertThat(note.exit()).isZero();
        assertThat(note.err()).contains("--template-refresh applies to netflow9 and ipfix only");
        String help = CommandRun.run("generate", "--help").out();
        assertThat(help).contains("--exporters", "--template-refresh", "--duration", "--continuous", "--progress", "Examples:",
                "-p ipfix", "--duration 60");
    }
}
