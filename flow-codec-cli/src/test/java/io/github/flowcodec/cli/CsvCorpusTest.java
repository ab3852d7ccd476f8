package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code --format csv}: a header row of goflow2's keys, then one row a record whose cells, read back by an RFC 4180
 * reader, are the values of the record's goflow2 JSON line (strings without their quotes, lists as JSON arrays),
 * for every record of every capture of the corpus.
 */
class CsvCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    /** RFC 4180 rows: cells split at commas outside quotes, a quoted cell's doubled quotes made one. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertThat(cell).as("a quote opens a cell only at its start").isEmpty();
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n') {
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        assertThat(any || cell.length() > 0).as("the text ends with a line break").isFalse();
        return rows;
    }

    private static String decode(Path capture, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowOutput o = FlowOutput.of(format, out, false)) {
            out.write(FlowOutput.header(format));
            new CaptureDecoding(o, new PrintWriter(new StringWriter()), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                    .decodeFile(capture);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> captures() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng") || p.toString().endsWith(".ipfix"))
                    .filter(p -> !p.startsWith(CORPUS.resolve("expected"))).sorted().collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRowHoldsTheValuesOfTheJsonRecord() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the CSV corpus test");
        return captures().stream().map(capture -> DynamicTest.dynamicTest(CORPUS.relativize(capture).toString(), () -> {
            List<List<String>> rows = parseCsv(decode(capture, "csv"));
            List<Map<String, String>> json = JsonLines.parse(decode(capture, "json"));
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(0)).isEqualTo(JsonLayout.GOFLOW2.keys());
            assertThat(rows).hasSize(json.size() + 1);
            for (int i = 0; i < json.size(); i++) {
                assertThat(rows.get(i + 1)).as("%s record %d", capture, i).containsExactlyElementsOf(json.get(i).values());
            }
        }));
    }

    @Test
    void csvTakesNoAllFieldsAndTheCommandWritesItsHeaderOnce() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the CSV command test");
        Path capture = captures().stream().filter(p -> p.toString().contains("sflow")).findFirst().orElseThrow();
        CommandRun run = CommandRun.run("decode", "--format", "csv", capture.toString(), capture.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<List<String>> rows = parseCsv(run.out());
        assertThat(rows.stream().filter(r -> r.equals(JsonLayout.GOFLOW2.keys()))).hasSize(1);
        assertThat(rows.get(0)).isEqualTo(JsonLayout.GOFLOW2.keys());
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).hasSize(JsonLayout.GOFLOW2.keys().size()));
        CommandRun bad = CommandRun.run("decode", "--format", "csv", "--all-fields", capture.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--all-fields is for JSON only");
    }
}
