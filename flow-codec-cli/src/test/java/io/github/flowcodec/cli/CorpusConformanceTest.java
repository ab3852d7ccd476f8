package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowJsonWriter;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every capture of the shared corpus goes through {@code flowcodec decode}; for the protocols this build
 * decodes, each flow record agrees with tshark's reference decode ({@code expected/*.flows.jsonl}) on every
 * key present there, record by record in capture order, but for the disagreements listed in
 * {@link #DISAGREEMENTS}, each with the reason tshark is wrong there, checked against tshark's own full
 * dissection ({@code expected/*.tshark.json}).
 */
class CorpusConformanceTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    /** The record types this build decodes; the others' datagrams are reported, not compared. */
    private static final Set<String> DECODED_TYPES = Set.of("NETFLOW_V5", "NETFLOW_V9", "SFLOW_5");

    /**
     * Captures where we decode more records than tshark, and how many more: tshark is wrong or stops early
     * there (see ../shared/corpus/README.md, "Caveats"). Every record tshark decodes must still be among
     * ours, in order, with the same values.
     */
    private static final Map<String, Integer> MORE_THAN_TSHARK = Map.ofEntries(
            // H3C puts IE 130 (exporterIPv4Address) at length 2; tshark gives up on the datagram after the
            // first record ("Trying to fetch an IPv4 address with length 2"). We keep the 2 bytes as octets.
            Map.entry("netflow9/logstash_netflow9_h3c.wrapped", 15),
            // The header says count=2; tshark trusts it and ignores the sets after the two template records.
            // We walk the FlowSets by their lengths (RFC 3954 section 5.1 warns the count is unreliable).
            Map.entry("netflow9/logstash_netflow9_invalid01.wrapped", 2),
            // Juniper MX960: data set 257 comes before template 257 in the same datagram. tshark (single
            // pass) cannot decode it; we hold it and decode it when the template comes a few bytes later.
            Map.entry("netflow9/akvorado_data_and_templates", 11));
    /**
     * Where our value differs from the reference on purpose: what tshark got wrong, and a check, on tshark's own
     * full dissection of the capture ({@code expected/*.tshark.json}), that the value we give is the right one.
     */
    private record Disagreement(String reason, java.util.function.BiPredicate<String, String> proof) {
    }

    /** capture (without extension) # record index # key -> why we differ from tshark (sFlow v5 only). */
    private static final Map<String, Disagreement> DISAGREEMENTS = Map.of(
            // sFlow v5 (sFlow.org, 2004), extended_gateway: "as_path_type dst_as_path<>" then "unsigned int
            // communities<>" and localpref. tshark 4.0 dissects both lists with the field sflow_245.dstAS, so
            // the reference's "last dstAS" is the last BGP community. We report the last AS of the AS path
            // (as goflow2 does): tshark's own tree shows it as the last entry of as_type_tree.
            "sflow5/akvorado_1140#3#dst_as", new Disagreement("tshark's last dstAS is the last BGP community, not the last AS"
                    + " of the path", CorpusConformanceTest::lastAsOfPathNotCommunity),
            "sflow5/tcpdump_sflow_expanded#0#dst_as", new Disagreement("the same: tshark's last dstAS is a community",
                    CorpusConformanceTest::lastAsOfPathNotCommunity),
            // An IPv6 sampled header with a hop-by-hop extension header (MLDv2 report): tshark's ipv6.nxt is 0,
            // the first next header; proto is the upper-layer protocol after the extension headers (58, ICMPv6),
            // as protocolIdentifier means for a flow and as goflow2 reports it.
            "sflow5/telegraf_sflow_issue_15918.wrapped#2#proto", new Disagreement("tshark's ipv6.nxt is the hop-by-hop"
                    + " header (0); the upper-layer protocol is ICMPv6", CorpusConformanceTest::upperLayerAfterHopByHop));

    /** tshark's value is the last of the communities, ours the last AS of the path, both as tshark's tree shows them. */
    private static boolean lastAsOfPathNotCommunity(String tsharkJson, String tsharkAndOurs) {
        String[] v = tsharkAndOurs.split("\\|");
        return lastOfLists(tsharkJson, "sflow_245.communityEntries_tree").contains(v[0])
                && lastOfLists(tsharkJson, "sflow.as_type_tree").contains(v[1]);
    }

    /** tshark's value is ipv6.nxt, ours the hop-by-hop header's next header, both in tshark's tree. */
    private static boolean upperLayerAfterHopByHop(String tsharkJson, String tsharkAndOurs) {
        String[] v = tsharkAndOurs.split("\\|");
        return fieldValues(tsharkJson, "ipv6.nxt").contains(v[0]) && v[0].equals("0")
                && fieldValues(tsharkJson, "ipv6.hopopts.nxt").contains(v[1]);
    }

    /** The last element of each {@code "tree":{"sflow_245.dstAS":[...]}} list of a tshark JSON text. */
    private static Set<String> lastOfLists(String json, String tree) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(tree)
                + "\":\\{\"sflow_245.dstAS\":(?:\\[([^\\]]*)\\]|\"(\\d+)\")").matcher(json);
        Set<String> out = new java.util.HashSet<>();
        while (m.find()) {
            String list = m.group(1) != null ? m.group(1) : "\"" + m.group(2) + "\"";
            String[] items = list.split(",");
            out.add(items[items.length - 1].replace("\"", "").strip());
        }
        return out;
    }

    /** Every value of a field in a tshark JSON text. */
    private static Set<String> fieldValues(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(field)
                + "\":\"([^\"]*)\"").matcher(json);
        Set<String> out = new java.util.HashSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Per protocol: captures with records, records and keys compared, disagreements (printed after the run). */
    private static final Map<String, long[]> FIGURES = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Keys of the reference that describe tshark's dissection rather than the record. */
    private static final Set<String> TSHARK_ONLY = Set.of("frame", "template_id", "source_id");

    /** tshark's count of data sets it could not decode for want of a template, per capture (SUMMARY.tsv). */
    private static Map<String, Integer> tsharkUndecodedSets() throws IOException {
        Map<String, Integer> m = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("expected/SUMMARY.tsv"));
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            List<String> cols = List.of(line.split("\t", -1));
            if (header == null) {
                header = cols;
                continue;
            }
            m.put(cols.get(header.indexOf("file")), Integer.parseInt(cols.get(header.indexOf("undecoded_sets"))));
        }
        return m;
    }

    private static List<Path> captures() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .filter(p -> !p.startsWith(CORPUS.resolve("expected")))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static String baseName(Path capture) {
        String n = capture.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static Map<String, Integer> UNDECODED;

    @TestFactory
    Stream<DynamicTest> everyCaptureDecodesAndAgreesWithTshark() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the corpus conformance tests");
        UNDECODED = tsharkUndecodedSets();
        return captures().stream().map(capture -> DynamicTest.dynamicTest(CORPUS.relativize(capture).toString(), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            try (FlowJsonWriter json = new FlowJsonWriter(out, true)) {
                new CaptureDecoding(json, new PrintWriter(err), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                        .decodeFile(capture);
            }
            assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            // Data left without a template: only where tshark could not find one either (data-only captures,
            // README caveat 4, the malformed libnetflow9 files); where tshark failed but the template does come
            // later in the capture (caveat 3), we must have decoded it.
            if (err.toString().contains("missing templates:")) {
                assertThat(UNDECODED.get(CORPUS.relativize(capture).toString()))
                        .as("%s reports missing templates but tshark found every template", capture).isPositive();
            }
            Path expectedFile = CORPUS.resolve("expected/" + baseName(capture) + ".flows.jsonl");
            if (!Files.exists(expectedFile)) {
                return;
            }
            List<Map<String, String>> expected = JsonLines.parse(Files.readString(expectedFile)).stream()
                    .filter(m -> DECODED_TYPES.contains(m.get("type"))).collect(Collectors.toList());
            List<Map<String, String>> ours = JsonLines.parse(out.toString()).stream()
                    .filter(m -> DECODED_TYPES.contains(m.get("type"))).collect(Collectors.toList());
            String relative = CORPUS.relativize(capture).toString();
            String name = relative.substring(0, relative.lastIndexOf('.'));
            int more = MORE_THAN_TSHARK.getOrDefault(name, 0);
            if (!MORE_THAN_TSHARK.containsKey(name)) {
                assertThat(ours).as("records of %s", capture).hasSize(expected.size());
            } else {
                assertThat(ours.size()).as("records of %s (we decode %d more than tshark)", capture, more)
                        .isEqualTo(expected.size() + more);
            }
            // Every tshark record, in order, among ours (exactly ours when the counts are equal).
            int j = 0;
            for (int i = 0; i < expected.size(); i++) {
                Map<String, String> want = new java.util.TreeMap<>(expected.get(i));
                want.keySet().removeAll(TSHARK_ONLY);
                while (j < ours.size() && more > 0 && !ours.get(j).entrySet().containsAll(want.entrySet())) {
                    j++;
                }
                assertThat(j).as("record %d (frame %s) of %s: %s not found", i, expected.get(i).get("frame"), capture, want)
                        .isLessThan(ours.size());
                Map<String, String> got = ours.get(j);
                for (String key : List.copyOf(want.keySet())) {
                    Disagreement d = DISAGREEMENTS.get(name + "#" + i + "#" + key);
                    if (d != null) {
                        assertThat(got.get(key)).as("%s#%d#%s: a listed disagreement (%s) that is no longer one", name, i, key,
                                d.reason()).isNotEqualTo(want.get(key)).isNotNull();
                        String tsharkJson = Files.readString(CORPUS.resolve("expected/" + baseName(capture) + ".tshark.json"));
                        assertThat(d.proof().test(tsharkJson, want.get(key) + "|" + got.get(key)))
                                .as("%s#%d#%s: tshark %s, we %s: %s (as tshark's own tree shows)", name, i, key, want.get(key),
                                        got.get(key), d.reason()).isTrue();
                        want.remove(key);
                        FIGURES.computeIfAbsent(want.get("type") + " disagreements", k -> new long[1])[0]++;
                    }
                }
                assertThat(got).as("record %d (frame %s) of %s", i, expected.get(i).get("frame"), capture)
                        .containsAllEntriesOf(want);
                FIGURES.computeIfAbsent(want.get("type") + " records", k -> new long[1])[0]++;
                FIGURES.computeIfAbsent(want.get("type") + " keys", k -> new long[1])[0] += want.size();
                j++;
            }
            expected.stream().map(m -> m.get("type")).distinct()
                    .forEach(t -> FIGURES.computeIfAbsent(t + " captures", k -> new long[1])[0]++);
        }));
    }

    @org.junit.jupiter.api.AfterAll
    static void figures() {
        // For the README's conformance figures (surefire keeps test output in target/surefire-reports).
        StringBuilder sb = new StringBuilder("corpus conformance:");
        FIGURES.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v[0]));
        System.out.println(sb);
    }
}
