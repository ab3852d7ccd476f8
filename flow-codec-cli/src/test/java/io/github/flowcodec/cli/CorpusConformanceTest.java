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
    private static final Set<String> DECODED_TYPES = Set.of("NETFLOW_V5");
    /** Keys of the reference that describe tshark's dissection rather than the record. */
    private static final Set<String> TSHARK_ONLY = Set.of("frame", "template_id", "source_id");

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

    @TestFactory
    Stream<DynamicTest> everyCaptureDecodesAndAgreesWithTshark() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the corpus conformance tests");
        return captures().stream().map(capture -> DynamicTest.dynamicTest(CORPUS.relativize(capture).toString(), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            try (FlowJsonWriter json = new FlowJsonWriter(out, true)) {
                new CaptureDecoding(json, new PrintWriter(err), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                        .decodeFile(capture);
            }
            assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
            Path expectedFile = CORPUS.resolve("expected/" + baseName(capture) + ".flows.jsonl");
            if (!Files.exists(expectedFile)) {
                return;
            }
            List<Map<String, String>> expected = JsonLines.parse(Files.readString(expectedFile)).stream()
                    .filter(m -> DECODED_TYPES.contains(m.get("type"))).collect(Collectors.toList());
            List<Map<String, String>> ours = JsonLines.parse(out.toString()).stream()
                    .filter(m -> DECODED_TYPES.contains(m.get("type"))).collect(Collectors.toList());
            assertThat(ours).as("records of %s", capture).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                for (Map.Entry<String, String> e : expected.get(i).entrySet()) {
                    if (TSHARK_ONLY.contains(e.getKey())) {
                        continue;
                    }
                    assertThat(ours.get(i)).as("record %d (frame %s) of %s", i, expected.get(i).get("frame"), capture)
                            .containsEntry(e.getKey(), e.getValue());
                }
            }
        }));
    }
}
