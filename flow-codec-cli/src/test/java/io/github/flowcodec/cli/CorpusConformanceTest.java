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
 * key present there, record by record in capture order.
 */
class CorpusConformanceTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    /** The record types this build decodes; the others' datagrams are reported, not compared. */
    private static final Set<String> DECODED_TYPES = Set.of("NETFLOW_V5", "NETFLOW_V9");

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
                assertThat(got).as("record %d (frame %s) of %s", i, expected.get(i).get("frame"), capture)
                        .containsAllEntriesOf(want);
                j++;
            }
        }));
    }
}
