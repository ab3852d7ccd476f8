package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowJsonWriter;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.flowmessage.JsonLayout;
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
    private static final Set<String> DECODED_TYPES = Set.of("NETFLOW_V5", "NETFLOW_V9", "IPFIX", "SFLOW_5");

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
            Map.entry("netflow9/akvorado_data_and_templates", 11),
            // Cisco IOS XR (pmacct test 112): the capture starts before the templates (README caveat 4); tshark,
            // single pass, shows 6 data sets as "no template found". We hold them (bounded buffer) and decode
            // them when their templates come: 9 records of template 347 that tshark never decodes (RFC 7011
            // section 8 lets a collector do so). They keep their own message's header (sequence number).
            Map.entry("ipfix/pmacct_112_ipfix_cisco_options_map_reassignment", 9));

    /**
     * IPFIX captures where we report problems (stderr lines "repaired: ...") while tshark decodes the same
     * records: how many, and why the exporter is at fault. Every other IPFIX capture must decode without one.
     */
    private static final Map<String, Integer> IPFIX_PROBLEMS_REPORTED = Map.of(
            // telegraf #14370: the exporter declares flowStartSeconds/flowEndSeconds (150/151) at length 0 in both
            // templates (4 reports: RFC 7011 gives a field of length 0 no meaning; lenient mode keeps the
            // templates), its message length (290) is 2 bytes short of its last set (1 report: the set is read up
            // to the message length), and 18 and 16 non-zero bytes follow the last whole record of the two data
            // sets (2 reports: too long and not zero for padding, RFC 7011 section 3.3.1). Like tshark we follow
            // the templates, so both give the same 2 records with the same values; tshark says nothing.
            "ipfix/telegraf_ipfix_issue_14370.wrapped", 7);
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

    private static final java.util.regex.Pattern TSHARK_TIME = java.util.regex.Pattern.compile(
            "\"cflow\\.abstime(start|end)\":\"(\\w{3}) +(\\d+), (\\d{4}) (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{9}) UTC\"");
    private static final java.util.regex.Pattern FRAME_NUMBER = java.util.regex.Pattern.compile("\"frame\\.number\":\"(\\d+)\"");

    /**
     * The absolute flow start and end times tshark shows in each frame of a capture ({@code cflow.abstimestart},
     * {@code cflow.abstimeend}: flowStart/End Seconds, Milliseconds, Microseconds, Nanoseconds), in epoch
     * nanoseconds: frame -> "start"/"end" -> times.
     */
    private static Map<Long, Map<String, Set<Long>>> tsharkAbsoluteTimes(Path tsharkJson) throws IOException {
        Map<Long, Map<String, Set<Long>>> byFrame = new java.util.HashMap<>();
        if (!Files.exists(tsharkJson)) {
            return byFrame;
        }
        for (String line : Files.readAllLines(tsharkJson)) {
            java.util.regex.Matcher f = FRAME_NUMBER.matcher(line);
            if (!f.find()) {
                continue;
            }
            long frame = Long.parseLong(f.group(1));
            java.util.regex.Matcher m = TSHARK_TIME.matcher(line);
            while (m.find()) {
                java.time.LocalDateTime t = java.time.LocalDateTime.of(Integer.parseInt(m.group(4)),
                        java.time.Month.from(java.time.format.DateTimeFormatter.ofPattern("MMM", java.util.Locale.ROOT).parse(m.group(2))),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                        Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)));
                long nanos = t.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000_000L + t.getNano();
                byFrame.computeIfAbsent(frame, k -> new java.util.HashMap<>())
                        .computeIfAbsent(m.group(1), k -> new java.util.HashSet<>()).add(nanos);
            }
        }
        return byFrame;
    }

    /**
     * Our flow times against the absolute ones tshark shows in the record's frame: where tshark shows any, ours must
     * be among them (tshark writes no flow times in {@code .flows.jsonl}; its full dissection has them).
     */
    private static void checkTimes(Map<Long, Map<String, Set<Long>>> tsharkTimes, Map<String, String> expected,
            Map<String, String> got, String capture, int i) {
        Map<String, Set<Long>> frame = tsharkTimes.get(Long.parseLong(expected.get("frame")));
        if (frame == null) {
            return;
        }
        for (String edge : List.of("start", "end")) {
            Set<Long> theirs = frame.get(edge);
            String ours = got.get("time_flow_" + edge + "_ns");
            if (theirs == null || ours == null) {
                continue;
            }
            long t = Long.parseLong(ours);
            if (theirs.contains(0L) && theirs.size() == 1) {
                // tshark shows a field of 0 as 1970-01-01; IPFIX (and our v9) reads 0 as "not set" and takes the
                // record's next time form (softflowd and libnetflow9 send flowStartMilliseconds 0 beside sysUpTime)
                assertThat(t).as("time_flow_%s_ns of record %d of %s", edge, i, capture).isNotZero();
                FIGURES.computeIfAbsent(got.get("type") + " flow times tshark shows as 1970 (a field of 0)", k -> new long[1])[0]++;
                continue;
            }
            // dateTimeMicroseconds: RFC 7011 section 6.1.9 says the low 11 bits of the NTP fraction carry nothing (up
            // to 477 ns); tshark keeps them. Within a microsecond is the same time.
            assertThat(theirs.stream().anyMatch(x -> Math.abs(x - t) < 1_000))
                    .as("time_flow_%s_ns %d of record %d (frame %s) of %s among tshark's cflow.abstime%s of the frame: %s",
                            edge, t, i, expected.get("frame"), capture, edge, theirs).isTrue();
            FIGURES.computeIfAbsent(got.get("type") + " flow times", k -> new long[1])[0]++;
        }
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
            try (FlowJsonWriter json = new FlowJsonWriter(out, JsonLayout.COMPACT, true)) {
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
            String relativeName = CORPUS.relativize(capture).toString();
            if (relativeName.startsWith("ipfix/")) {
                long repaired = err.toString().lines().filter(l -> l.contains(": repaired: ")).count();
                assertThat(repaired).as("problems reported for %s:%n%s", capture, err)
                        .isEqualTo((long) IPFIX_PROBLEMS_REPORTED.getOrDefault(relativeName.substring(0, relativeName.lastIndexOf('.')), 0));
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
            Map<Long, Map<String, Set<Long>>> tsharkTimes = tsharkAbsoluteTimes(CORPUS.resolve("expected/" + baseName(capture) + ".tshark.json"));
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
                // sFlow's sampler_address is the agent address (goflow2's rule, issue 15), tshark's the UDP source
                if ("SFLOW_5".equals(want.get("type")) && want.containsKey("agent_address")) {
                    want.put("sampler_address", want.get("agent_address"));
                }
                // tshark's source_id (v9) / od_id (IPFIX) is goflow2's observation_domain_id
                if (expected.get(i).containsKey("source_id")) {
                    want.put("observation_domain_id", expected.get(i).get("source_id"));
                }
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
                checkTimes(tsharkTimes, expected.get(i), got, capture.toString(), i);
                FIGURES.computeIfAbsent(want.get("type") + " records", k -> new long[1])[0]++;
                FIGURES.computeIfAbsent(want.get("type") + " keys", k -> new long[1])[0] += want.size();
                j++;
            }
            expected.stream().map(m -> m.get("type")).distinct()
                    .forEach(t -> FIGURES.computeIfAbsent(t + " captures", k -> new long[1])[0]++);
        }));
    }

    /** {@code flowcodec decode} of one file, all fields: standard output and standard error. */
    private static String[] decode(Path file) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (FlowJsonWriter json = new FlowJsonWriter(out, JsonLayout.COMPACT, true)) {
            new CaptureDecoding(json, new PrintWriter(err), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                    .decodeFile(file);
        }
        return new String[] {out.toString(), err.toString()};
    }

    /**
     * The RFC 5655 IPFIX file of the corpus read by {@code flowcodec decode} as a file: every record agrees with
     * tshark's reading of the same messages wrapped in a capture ({@code ipfixcol2_example_flows.wrapped}), and
     * with our own reading of that capture on every key but the two a file has no transport for: no
     * {@code sampler_address}, and {@code time_received_ns} is the message's export time.
     */
    @org.junit.jupiter.api.Test
    void theIpfixFileDecodesLikeItsWrappedCaptureAndAgreesWithTshark() throws IOException {
        Path file = CORPUS.resolve("ipfix/ipfixcol2_example_flows.ipfix");
        Path wrapped = CORPUS.resolve("ipfix/ipfixcol2_example_flows.wrapped.pcap");
        Assumptions.assumeTrue(Files.exists(file) && Files.exists(wrapped), "../shared/corpus is absent: skipping the IPFIX file test");
        String[] fromFile = decode(file);
        String[] fromCapture = decode(wrapped);
        assertThat(fromFile[1]).as("problems reported for the file").isEmpty();
        List<Map<String, String>> ours = JsonLines.parse(fromFile[0]);
        List<Map<String, String>> viaCapture = JsonLines.parse(fromCapture[0]);
        List<Map<String, String>> expected = JsonLines.parse(Files.readString(
                CORPUS.resolve("expected/ipfixcol2_example_flows.wrapped.flows.jsonl")));
        assertThat(ours).hasSize(expected.size()).hasSize(viaCapture.size());
        long keys = 0;
        for (int i = 0; i < ours.size(); i++) {
            Map<String, String> got = ours.get(i);
            assertThat(got).as("record %d of the file", i).doesNotContainKey("sampler_address")
                    .containsEntry("type", "IPFIX").containsKeys("time_received_ns", "sequence_num", "observation_domain_id");
            Map<String, String> same = new java.util.TreeMap<>(viaCapture.get(i));
            same.remove("sampler_address");
            same.remove("time_received_ns");
            Map<String, String> gotSame = new java.util.TreeMap<>(got);
            gotSame.remove("time_received_ns");
            assertThat(gotSame).as("record %d: the file against its wrapped capture", i).isEqualTo(same);
            Map<String, String> want = new java.util.TreeMap<>(expected.get(i));
            want.keySet().removeAll(TSHARK_ONLY);
            want.remove("sampler_address");
            want.put("observation_domain_id", expected.get(i).get("source_id"));
            assertThat(got).as("record %d (frame %s) of the file against tshark", i, expected.get(i).get("frame"))
                    .containsAllEntriesOf(want);
            keys += want.size();
        }
        FIGURES.computeIfAbsent("IPFIX file records", k -> new long[1])[0] += ours.size();
        FIGURES.computeIfAbsent("IPFIX file keys", k -> new long[1])[0] += keys;
    }

    @org.junit.jupiter.api.AfterAll
    static void figures() {
        // For the README's conformance figures (surefire keeps test output in target/surefire-reports).
        StringBuilder sb = new StringBuilder("corpus conformance:");
        FIGURES.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v[0]));
        System.out.println(sb);
    }
}
