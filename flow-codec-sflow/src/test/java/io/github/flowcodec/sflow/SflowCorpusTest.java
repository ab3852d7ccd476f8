package io.github.flowcodec.sflow;

import io.github.flowcodec.core.DecoderCounters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sFlow capture and raw payload of the shared corpus, decoded by this module and compared with
 * tshark 4.0.17's decode ({@code expected/*.flows.jsonl}) on every key tshark wrote, record by record.
 *
 * <p>Where we disagree with tshark, on purpose (listed in {@link #KNOWN}):
 * <ul>
 *   <li>{@code dst_as} with BGP communities (akvorado_1140 sample 4, tcpdump_sflow_expanded): tshark 4.0 dissects
 *       the communities with the {@code sflow_245.dstAS} field, so "the last dstAS" it gives is the last
 *       community; ours is the last AS of the AS path.</li>
 *   <li>{@code proto} of an IPv6 sampled header with extension headers: tshark's {@code ipv6.nxt} is the first
 *       next header (0, hop-by-hop); we report the upper-layer protocol after the extension headers (58,
 *       ICMPv6), which is what protocolIdentifier means for a flow (telegraf_sflow_issue_15918, 3rd sample).</li>
 * </ul>
 * Bytes after the announced samples are reported and ignored (both modes, as tshark does):
 * {@code cistern_flow_samples_2} has a second datagram glued after the first, the akvorado
 * discard/local/multiple-interface captures have 964 bytes after their one sample. The NEGATIVE
 * {@code tcpdump_sflow_print_segv} (fuzzed) must give a FlowCodecException in strict mode.
 */
class SflowCorpusTest {

    /** capture#record-index#key -> why we differ from tshark. */
    private static final Map<String, String> KNOWN = Map.of(
            "telegraf_sflow_issue_15918.wrapped#2#proto", "IPv6 hop-by-hop: upper-layer protocol 58, tshark's ipv6.nxt 0",
            "akvorado_1140#3#dst_as", "tshark 4.0 labels the communities with the dstAS field, so the 'last dstAS' is"
                    + " the last community (4259900001); the last AS of the path is 26615",
            "tcpdump_sflow_expanded#0#dst_as", "same tshark mislabel: 1911671290 is the last community; the last AS of"
                    + " the path is 203361");

    /** Negative files: every path must end in a FlowCodecException or a result, nothing else. */
    private static final Set<String> NEGATIVE = Set.of("tcpdump_sflow_print_segv.pcap");

    /**
     * Files whose agents put garbage in XDR padding (after odd-length sampled headers): the encoder writes
     * zero padding, so re-encoding gives the same datagram but for those bytes.
     */
    private static final Set<String> GARBAGE_PADDING = Set.of("cistern_flow_sample_3.dat", "cistern_flow_sample_3.wrapped.pcap",
            "cistern_flow_samples_2.dat", "cistern_flow_samples_2.wrapped.pcap", "akvorado_icmpv6.pcap",
            "tcpdump_sflow_expanded.pcap");

    private static final Set<String> ROUNDTRIP_DIFFERENCES = new java.util.TreeSet<>();

    private static final Set<String> STRICT_REJECTS = Set.of();

    private static final Map<String, Integer> FIGURES = new TreeMap<>();
    private static final List<String> DISAGREEMENTS = new ArrayList<>();

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of("sflow5/cistern_counter_sample.dat", "cistern_counter_sample.wrapped"),
                Arguments.of("sflow5/cistern_event_discarded_packet.dat", "cistern_event_discarded_packet.wrapped"),
                Arguments.of("sflow5/cistern_flow_sample.dat", "cistern_flow_sample.wrapped"),
                Arguments.of("sflow5/cistern_flow_sample_3.dat", "cistern_flow_sample_3.wrapped"),
                Arguments.of("sflow5/cistern_flow_samples_2.dat", "cistern_flow_samples_2.wrapped"),
                Arguments.of("sflow5/cistern_host_sample.dat", "cistern_host_sample.wrapped"),
                Arguments.of("sflow5/telegraf_sflow_dell_s4048_dnos9_counters_message.bin", "telegraf_sflow_dell_s4048_dnos9_counters.wrapped"),
                Arguments.of("sflow5/telegraf_sflow_issue_15375_sflow_drop_1036.bin", "telegraf_sflow_issue_15375.wrapped"),
                Arguments.of("sflow5/telegraf_sflow_issue_15918_message.bin", "telegraf_sflow_issue_15918.wrapped"),
                Arguments.of("sflow5/telegraf_sflow_v5_example_sflow_v5.bin", "telegraf_sflow_v5_example.wrapped"));
    }

    static Stream<Arguments> captures() throws IOException {
        return CorpusSupport.sflowFiles(".pcap");
    }

    private static void assumeCorpus() {
        Assumptions.assumeTrue(Files.isDirectory(CorpusSupport.CORPUS),
                "../shared/corpus is absent: skipping the sFlow corpus conformance test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void rawPayloadsAgreeWithTshark(String payload, String expected) throws IOException {
        assumeCorpus();
        byte[] bytes = Files.readAllBytes(CorpusSupport.CORPUS.resolve(payload));
        List<Map<String, String>> ours = decodeAll(payload, List.of(new CorpusSupport.Udp(1, null, 50000, 6343, bytes)), "127.0.0.1");
        compare(expected, ours, CorpusSupport.expected(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void capturesAgreeWithTshark(String capture) throws IOException {
        assumeCorpus();
        List<CorpusSupport.Udp> datagrams = CorpusSupport.readPcap(CorpusSupport.CORPUS.resolve(capture));
        assertThat(datagrams).isNotEmpty();
        String name = Path.of(capture).getFileName().toString().replaceFirst("\\.pcap$", "");
        List<Map<String, String>> ours = decodeAll(capture, datagrams, null);
        List<Map<String, String>> theirs = new ArrayList<>(CorpusSupport.expected(name));
        theirs.removeIf(line -> !"SFLOW_5".equals(line.get("type"))); // mixed/ also holds NetFlow v5 records
        compare(name, ours, theirs);
    }

    private List<Map<String, String>> decodeAll(String file, List<CorpusSupport.Udp> datagrams, String sampler) {
        List<DecodeProblem> problems = new ArrayList<>();
        SflowDecoder lenient = SflowDecoder.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build();
        List<Map<String, String>> out = new ArrayList<>();
        String fileName = Path.of(file).getFileName().toString();
        for (CorpusSupport.Udp u : datagrams) {
            ByteBuffer b = ByteBuffer.wrap(u.payload());
            if (b.remaining() < 4 || b.getInt(0) != 5) {
                continue; // the NetFlow v5 datagrams of mixed/
            }
            if (NEGATIVE.contains(fileName)) {
                assertThatThrownBy(() -> new SflowDecoder().decode(b, null)).isInstanceOf(FlowCodecException.class);
                try {
                    lenient.decodeDatagram(b);
                } catch (FlowCodecException expected) {
                    // a result or a FlowCodecException: both fine for a fuzzed datagram
                }
                continue;
            }
            String samplerAddress = sampler != null ? sampler : CorpusSupport.address(u.source());
            InetSocketAddress exporter = new InetSocketAddress(u.source() == null ? java.net.InetAddress.getLoopbackAddress()
                    : u.source(), u.sourcePort());
            List<Map<String, String>> zeroCopy = new ArrayList<>();
            lenient.decode(b, exporter, (ctx, r) -> zeroCopy.add(
                    CorpusSupport.keys((SflowSampleContext) ctx, r, samplerAddress)));
            SflowPacket packet = lenient.decode(b, exporter);
            List<Map<String, String>> materialized = new ArrayList<>();
            for (int i = 0; i < packet.records().size(); i++) {
                FlowRecord r = packet.records().get(i);
                materialized.add(CorpusSupport.keys(packet.sampleInfos().get(i), r, samplerAddress));
            }
            assertThat(materialized).as("materialized path = zero-copy path").isEqualTo(zeroCopy);
            out.addAll(zeroCopy);

            // the typed path: every sample decodes, and re-encodes to the same bytes
            SflowDatagram typed = lenient.decodeDatagram(b);
            byte[] again = SflowEncoder.toBytes(typed);
            if (STRICT_REJECTS.contains(fileName)) {
                assertThatThrownBy(() -> new SflowDecoder().decode(b, exporter)).isInstanceOf(FlowCodecException.class);
                assertThat(problems).as("lenient mode reports what it skipped").isNotEmpty();
            } else {
                SflowDatagram strict = new SflowDecoder().decodeDatagram(b);
                assertThat(strict).isEqualTo(typed);
                boolean trailing = problems.stream().anyMatch(p -> p.reason().contains("follow the last of the"));
                problems.clear();
                byte[] original = trailing ? java.util.Arrays.copyOf(u.payload(), again.length) : u.payload();
                assertThat(again).hasSameSizeAs(original);
                if (!java.util.Arrays.equals(again, original)) {
                    synchronized (ROUNDTRIP_DIFFERENCES) {
                        ROUNDTRIP_DIFFERENCES.add(fileName);
                    }
                    assertThat(GARBAGE_PADDING).as("encode(decode(b)) == b for " + file).contains(fileName);
                    for (int k = 0; k < again.length; k++) {
                        if (again[k] != original[k]) {
                            assertThat(again[k]).as("byte " + k + " differs only as zeroed XDR padding").isZero();
                        }
                    }
                }
                assertThat(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(again))).isEqualTo(typed);
            }
            assertThat(b.position()).isZero();
            assertThat(b.limit()).isEqualTo(u.payload().length);
        }
        return out;
    }

    private void compare(String name, List<Map<String, String>> ours, List<Map<String, String>> theirs) {
        assertThat(ours).as(name + ": flow samples").hasSize(theirs.size());
        int keys = 0;
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < theirs.size(); i++) {
            for (Map.Entry<String, String> e : theirs.get(i).entrySet()) {
                String key = e.getKey();
                if (key.equals("frame")) {
                    continue;
                }
                keys++;
                String mine = ours.get(i).get(key);
                if (!e.getValue().equals(mine)) {
                    String id = name + "#" + i + "#" + key;
                    String line = id + ": tshark " + e.getValue() + ", we " + mine;
                    synchronized (DISAGREEMENTS) {
                        DISAGREEMENTS.add(line + (KNOWN.containsKey(id) ? " (known: " + KNOWN.get(id) + ")" : ""));
                    }
                    if (!KNOWN.containsKey(id)) {
                        unexpected.add(line);
                    }
                }
            }
        }
        synchronized (FIGURES) {
            FIGURES.merge("records", theirs.size(), Integer::sum);
            FIGURES.merge("keys", keys, Integer::sum);
        }
        assertThat(unexpected).as(name + ": disagreements with tshark").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void hostSflowStructuresAndDiscardEventsDecode() throws IOException {
        assumeCorpus();
        SflowDatagram host = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(
                Files.readAllBytes(CorpusSupport.CORPUS.resolve("sflow5/cistern_host_sample.dat"))));
        List<CounterData> records = ((CounterSample) host.samples().get(0)).records();
        assertThat(records).extracting(r -> r.getClass().getSimpleName()).containsExactly("HostAdapters", "HostDiskIo",
                "HostMemory", "HostCpu", "HostNetIo", "HostDescription");
        assertThat(records.get(5)).isInstanceOfSatisfying(CounterData.HostDescription.class, d -> {
            assertThat(d.hostname()).isEqualTo("fractal");
            assertThat(d.osRelease()).isEqualTo("3.13.0-29-generic");
        });
        assertThat(records.get(3)).isInstanceOfSatisfying(CounterData.HostCpu.class, c -> {
            assertThat(c.cpuNum()).isEqualTo(4);
            assertThat(c.extended()).isFalse();
        });
    }

    /**
     * The two discard events of the corpus (host-sflow's dropmon output, telegraf's issue 15375) decode as typed
     * 0:5 samples with their drop records, and re-encode byte for byte. The expected values are read off the
     * capture bytes by hand (sflow_drops.txt layout: sequence, source class, index, drops, input, output,
     * reason, records).
     */
    @org.junit.jupiter.api.Test
    void discardEventsDecodeTypedAndReencodeByteForByte() throws IOException {
        assumeCorpus();
        byte[] cistern = Files.readAllBytes(CorpusSupport.CORPUS.resolve("sflow5/cistern_event_discarded_packet.dat"));
        SflowDatagram d = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(cistern));
        assertThat(d.samples()).singleElement().isInstanceOfSatisfying(DiscardedPacket.class, p -> {
            assertThat(p.sequenceNumber()).isEqualTo(0x42F9);
            assertThat(p.sourceIdType()).isZero();
            assertThat(p.sourceIdIndex()).isEqualTo(2);
            assertThat(p.drops()).isEqualTo(0x707);
            assertThat(p.inputInterface()).isEqualTo(2);
            assertThat(p.outputInterface()).isZero();
            assertThat(p.reason()).isEqualTo(0x121);
            assertThat(p.records()).hasSize(3);
            assertThat(p.records().get(0)).isEqualTo(new FlowData.LinuxDropReason("NOT_SPECIFIED"));
            assertThat(p.records().get(1)).isEqualTo(new FlowData.DropFunction("__udp4_lib_rcv+0xbed/0xd90"));
            assertThat(p.records().get(2)).isInstanceOfSatisfying(FlowData.RawPacketHeader.class, h -> {
                assertThat(h.headerProtocol()).isEqualTo(Sflow.HEADER_ETHERNET);
                assertThat(h.frameLength()).isEqualTo(56);
                assertThat(h.stripped()).isEqualTo(4);
                assertThat(h.parse().destinationMac()).isEqualTo(0xFFFF_FFFF_FFFFL);
            });
        });
        assertThat(SflowEncoder.toBytes(d)).isEqualTo(cistern);

        byte[] telegraf = Files.readAllBytes(CorpusSupport.CORPUS.resolve("sflow5/telegraf_sflow_issue_15375_sflow_drop_1036.bin"));
        SflowDatagram t = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(telegraf));
        assertThat(t.samples()).containsExactly(new DiscardedPacket(2, 0, 1, 256, 1, 2, 1, List.of(new FlowData.EgressQueue(42))));
        assertThat(SflowEncoder.toBytes(t)).isEqualTo(telegraf);
    }

    /** Our sample counts per capture against tshark's (expected/SUMMARY.tsv), where tshark did not stop on a malformed PDU. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void sampleCountsAgreeWithTshark(String capture) throws IOException {
        assumeCorpus();
        Map<String, String> row = null;
        List<String> lines = Files.readAllLines(CorpusSupport.CORPUS.resolve("expected/SUMMARY.tsv"));
        List<String> header = List.of(lines.stream().filter(l -> l.startsWith("file\t")).findFirst().orElseThrow().split("\t"));
        for (String l : lines) {
            if (l.startsWith(capture + "\t")) {
                String[] cells = l.split("\t");
                row = new java.util.HashMap<>();
                for (int i = 0; i < cells.length && i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
            }
        }
        assertThat(row).as("SUMMARY row of " + capture).isNotNull();
        SflowDecoder d = SflowDecoder.builder().mode(DecodeMode.LENIENT).build();
        for (CorpusSupport.Udp u : CorpusSupport.readPcap(CorpusSupport.CORPUS.resolve(capture))) {
            ByteBuffer b = ByteBuffer.wrap(u.payload());
            if (b.remaining() >= 4 && b.getInt(0) == 5) {
                try {
                    d.decode(b, null, (ctx, r) -> { });
                } catch (FlowCodecException e) {
                    assertThat(NEGATIVE).contains(Path.of(capture).getFileName().toString());
                }
            }
        }
        DecoderCounters s = d.counters();
        long flows = s.extra("flowSamples") + s.extra("expandedFlowSamples");
        long counters = s.extra("counterSamples") + s.extra("expandedCounterSamples");
        long theirFlows = Long.parseLong(row.get("sflow_flow_samples"));
        long theirCounters = Long.parseLong(row.get("sflow_counter_samples"));
        long theirOthers = Long.parseLong(row.get("sflow_other_samples"));
        if ("0".equals(row.get("malformed"))) {
            assertThat(flows).as("flow samples").isEqualTo(theirFlows);
            assertThat(counters).as("counter samples").isEqualTo(theirCounters);
            assertThat(s.extra("otherSamples")).as("other samples").isEqualTo(theirOthers);
            assertThat(s.extra("brokenSamples")).isZero();
        } else {
            // tshark stopped dissecting a PDU (it misreads Host sFlow and some HP counter records): it counts at most ours
            assertThat(flows).as("flow samples").isGreaterThanOrEqualTo(theirFlows);
            assertThat(counters + s.extra("otherSamples") + s.extra("brokenSamples")).as("counter samples").isGreaterThanOrEqualTo(theirCounters);
            synchronized (FIGURES) {
                FIGURES.merge("samples where tshark stopped: ours " + capture, (int) (flows + counters + s.extra("otherSamples")), Integer::sum);
                FIGURES.merge("samples where tshark stopped: tshark's " + capture, (int) (theirFlows + theirCounters + theirOthers),
                        Integer::sum);
            }
        }
    }

    @AfterAll
    static void figures() {
        // Test output for the report (surefire keeps it in target/surefire-reports).
        System.out.println("sFlow corpus: " + FIGURES + " compared; disagreements: " + DISAGREEMENTS
                + "; re-encoded with zero padding: " + ROUNDTRIP_DIFFERENCES);
    }
}
