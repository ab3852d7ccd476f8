package io.github.flowcodec.ipfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every IPFIX capture of the shared corpus (pcap, read here down to the UDP payloads), each through one
 * lenient decoder with the real exporter addresses, against tshark's records ({@code expected/*.flows.jsonl}):
 * the same number of data records, in order, agreeing on every key tshark wrote
 * ({@link CorpusKeys#COMPARED}); the same number of options records ({@code *.options.jsonl}); and no problem
 * reported, except where {@link #DISAGREEMENTS} says who is right and why.
 */
class IpfixCorpusCaptureTest {

    static final Path DIR = CorpusPcap.CORPUS.resolve("ipfix");
    static final Path EXPECTED = CorpusPcap.CORPUS.resolve("expected");

    /** Where we and tshark differ: capture, our data records, our options records, problems we report, why. */
    record Disagreement(int records, int optionsRecords, int problems, String why) {
    }

    static final Map<String, Disagreement> DISAGREEMENTS = Map.of(
            "pmacct_112_ipfix_cisco_options_map_reassignment", new Disagreement(9, 76 + 0, 0,
                    "README caveat 4: the capture starts before the templates; tshark (single pass) shows 6 data sets as "
                            + "'no template found'. We hold them (bounded buffer) and decode them when their templates come: "
                            + "9 data records of template 347 that tshark never decodes (RFC 7011 section 8 allows a collector "
                            + "to do so; tshark is not wrong, it just does less)."),
            "telegraf_ipfix_issue_14370.wrapped", new Disagreement(2, 0, 7,
                    "telegraf #14370: the exporter declares flowStartSeconds/flowEndSeconds (150/151) at length 0 in both "
                            + "templates (4 problems: RFC 7011 gives no meaning to a field of length 0; lenient mode keeps the "
                            + "template) and its message length (290) is 2 bytes short of its last set, which ends at the datagram's "
                            + "end (1 problem: the set is read up to the message length). The records' real layout puts 4 bytes each "
                            + "where the zero-length fields are; like tshark we follow the template, so both decode the same 2 records "
                            + "with the same (partly shifted) values, and we report the 18 and 16 non-zero bytes left after them "
                            + "(2 problems: no whole record, too long and not zero for padding). tshark is right to follow the "
                            + "template; the exporter is wrong."));

    static int capturesCompared;

    private static void assumeCorpus() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "../../shared/corpus is absent: skipping the IPFIX capture tests");
    }

    @TestFactory
    Stream<DynamicTest> capturesAgreeWithTshark() throws IOException {
        assumeCorpus();
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(52);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    static void compare(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.pcap(ng)?$", "");
        List<DecodeProblem> problems = new ArrayList<>();
        IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build());
        List<Map<String, String>> ours = new ArrayList<>();
        int[] options = new int[1];
        for (CorpusPcap.Datagram d : CorpusPcap.read(file)) {
            decoder.decode(ByteBuffer.wrap(d.payload()), d.from(), new FlowRecordHandler<ExportContext>() {
                @Override
                public void onRecord(ExportContext ctx, RecordView r) {
                    Map<String, String> k = CorpusKeys.keys(ctx, r);
                    k.put("frame", String.valueOf(d.frame()));
                    ours.add(k);
                }

                @Override
                public void onOptionsRecord(ExportContext ctx, RecordView r) {
                    options[0]++;
                }
            });
        }
        List<Map<String, String>> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED.resolve(name + ".flows.jsonl"))) {
            theirs.add(CorpusKeys.parseFlat(line));
        }
        Path optionsFile = EXPECTED.resolve(name + ".options.jsonl");
        int theirOptions = Files.exists(optionsFile) ? Files.readAllLines(optionsFile).size() : 0;
        Disagreement d = DISAGREEMENTS.get(name);
        assertThat(problems).as("problems reported for " + name).hasSize(d != null ? d.problems() : 0);
        assertThat(ours).as("data records of " + name).hasSize(d != null ? d.records() : theirs.size());
        assertThat(options[0]).as("options records of " + name).isEqualTo(d != null ? d.optionsRecords() : theirOptions);
        int j = 0;
        for (int i = 0; i < theirs.size(); i++) {
            Map<String, String> t = theirs.get(i);
            String mismatch = null;
            while (j < ours.size()) {
                mismatch = mismatch(t, ours.get(j));
                j++;
                if (mismatch == null || d == null) {
                    break;
                }
            }
            if (mismatch != null) {
                fail(name + " tshark record " + i + ": " + mismatch);
            }
        }
        capturesCompared++;
    }

    private static String mismatch(Map<String, String> t, Map<String, String> o) {
        for (Map.Entry<String, String> k : t.entrySet()) {
            if (CorpusKeys.COMPARED.contains(k.getKey()) && !k.getValue().equals(o.get(k.getKey()))) {
                return k.getKey() + ": tshark " + k.getValue() + ", we " + o.get(k.getKey()) + "\n tshark " + t + "\n we     " + o;
            }
        }
        return null;
    }
}
