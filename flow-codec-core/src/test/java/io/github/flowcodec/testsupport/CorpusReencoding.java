package io.github.flowcodec.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The corpus test every templated protocol shares: each datagram of each capture of a corpus directory,
 * decoded (one decoder per capture) and encoded again as decoded, must give back its own bytes, unless its
 * capture is listed as not reproduced (then it must differ, so the list stays true); and the corpus as a
 * whole must be re-encoded from decoded records, not from kept bytes. For example:
 *
 * <pre>{@code
 * static final CorpusReencoding CORPUS = new CorpusReencoding(DIR, "NetFlow v9", Map.of(), 500, 0.30);
 * @TestFactory Stream<DynamicTest> everyDatagram() throws IOException { return CORPUS.tests(reader, codecs); }
 * @AfterAll static void totals() { CORPUS.checkTotals(); }
 * }</pre>
 */
public final class CorpusReencoding {

    /** One UDP payload of a capture, with its source. */
    public record Datagram(InetSocketAddress from, byte[] payload) {
    }

    /** What encoding a decoded datagram again gave: its bytes, the bytes kept as they were, the records re-encoded. */
    public record Again(byte[] bytes, long keptBytes, long records) {
    }

    /** Reads a capture's datagrams of the protocol. */
    @FunctionalInterface
    public interface Capture {
        List<Datagram> read(Path file) throws IOException;
    }

    /** Decodes a datagram (with the state of the datagrams before it) and encodes it again; null if it does not decode. */
    @FunctionalInterface
    public interface Codec {
        Again reencode(Datagram datagram);
    }

    private final Path dir;
    private final String protocol;
    private final Map<String, String> notReproduced;
    private final long recordsAtLeast;
    private final double keptAtMost;
    private long datagrams;
    private long bytes;
    private long keptBytes;
    private long records;

    /**
     * @param dir the corpus directory of the protocol's captures
     * @param notReproduced captures whose datagrams do not come back, with why
     * @param recordsAtLeast how many records the corpus re-encodes from decoded records at least
     * @param keptAtMost the share of the corpus's bytes kept as they were at most
     */
    public CorpusReencoding(Path dir, String protocol, Map<String, String> notReproduced, long recordsAtLeast,
            double keptAtMost) {
        this.dir = dir;
        this.protocol = protocol;
        this.notReproduced = notReproduced;
        this.recordsAtLeast = recordsAtLeast;
        this.keptAtMost = keptAtMost;
    }

    /** One test per capture (pcap and pcapng files); skipped, saying so, when the corpus is absent. */
    public Stream<DynamicTest> tests(Capture capture, Supplier<Codec> codecs) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent: skipping the " + protocol + " re-encoding test");
        notReproduced.keySet().forEach(n -> assertThat(dir.resolve(n)).as("a capture listed as not reproduced").exists());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> reencode(f, capture, codecs.get())));
    }

    private void reencode(Path file, Capture capture, Codec codec) throws IOException {
        String name = file.getFileName().toString();
        List<String> differ = new ArrayList<>();
        int i = 0;
        for (Datagram d : capture.read(file)) {
            i++;
            Again again = codec.reencode(d);
            if (again == null) {
                continue; // not decodable at all (the malformed captures): nothing to re-encode
            }
            datagrams++;
            bytes += d.payload().length;
            keptBytes += again.keptBytes();
            records += again.records();
            if (!Arrays.equals(again.bytes(), d.payload())) {
                differ.add("datagram " + i + ": " + firstDifference(d.payload(), again.bytes()));
            }
        }
        if (notReproduced.containsKey(name)) {
            assertThat(differ).as(name + " is listed as not reproduced (" + notReproduced.get(name) + ")").isNotEmpty();
        } else {
            assertThat(differ).as(name).isEmpty();
        }
    }

    /** After the captures: the corpus came back from decoded templates and records, not from bytes kept as they were. */
    public void checkTotals() {
        if (datagrams > 0) {
            assertThat(records).as("records re-encoded from FlowRecords").isGreaterThan(recordsAtLeast);
            assertThat((double) keptBytes / bytes).as("share of the bytes kept as they were (" + keptBytes + " of " + bytes
                    + ")").isLessThan(keptAtMost);
        }
    }

    /** Where two byte arrays first differ, with 16 bytes of each from there. */
    public static String firstDifference(byte[] expected, byte[] actual) {
        int n = Math.min(expected.length, actual.length);
        int at = 0;
        while (at < n && expected[at] == actual[at]) {
            at++;
        }
        HexFormat hex = HexFormat.of();
        return "lengths " + expected.length + "/" + actual.length + ", first difference at byte " + at + ": sent "
                + hex.formatHex(expected, at, Math.min(expected.length, at + 16)) + ", encoded "
                + hex.formatHex(actual, at, Math.min(actual.length, at + 16));
    }
}
