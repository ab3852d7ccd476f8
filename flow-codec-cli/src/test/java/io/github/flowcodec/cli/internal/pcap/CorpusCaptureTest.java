package io.github.flowcodec.cli.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every capture of the shared corpus ({@code ../shared/corpus} from the repository root)
 * when it is present.
 */
class CorpusCaptureTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    @TestFactory
    Stream<DynamicTest> everyCorpusCaptureReadsAndHoldsUdp() throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping corpus tests");
        Map<String, Long> expectedPackets = expectedPacketCounts();
        List<Path> captures;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            captures =
                    files.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches(".*\\.pcap(ng)?"))
                            .sorted()
                            .toList();
        }
        assertThat(captures).isNotEmpty();
        return captures.stream()
                .map(
                        file ->
                                DynamicTest.dynamicTest(
                                        CORPUS.relativize(file).toString(),
                                        () -> {
                                            long packets = 0;
                                            long datagrams = 0;
                                            try (CaptureReader reader = CaptureReader.open(file)) {
                                                for (Optional<CapturedPacket> p = reader.next();
                                                        p.isPresent();
                                                        p = reader.next()) {
                                                    packets++;
                                                    assertThat(p.get().packetNumber()).isEqualTo(packets);
                                                    if (UdpDatagramExtractor.extract(p.get()).isPresent()) {
                                                        datagrams++;
                                                    }
                                                }
                                            }
                                            assertThat(datagrams).as("UDP datagrams").isPositive();
                                            Long expected = expectedPackets.get(CORPUS.relativize(file).toString());
                                            if (expected != null) {
                                                assertThat(packets).as("packets, as counted by tshark").isEqualTo(expected);
                                            }
                                        }));
    }

    /** The {@code packets} column of {@code expected/SUMMARY.tsv}, when the corpus has one. */
    private static Map<String, Long> expectedPacketCounts() throws IOException {
        Map<String, Long> counts = new HashMap<>();
        Path summary = CORPUS.resolve("expected/SUMMARY.tsv");
        if (!Files.isRegularFile(summary)) {
            return counts;
        }
        int fileColumn = -1;
        int packetsColumn = -1;
        for (String line : Files.readAllLines(summary)) {
            if (line.startsWith("#")) {
                continue;
            }
            List<String> fields = List.of(line.split("\t", -1));
            if (fileColumn < 0) {
                fileColumn = fields.indexOf("file");
                packetsColumn = fields.indexOf("packets");
                if (fileColumn < 0 || packetsColumn < 0) {
                    return counts;
                }
            } else if (fields.size() > Math.max(fileColumn, packetsColumn)
                    && fields.get(packetsColumn).matches("\\d+")) {
                counts.put(fields.get(fileColumn), Long.parseLong(fields.get(packetsColumn)));
            }
        }
        return counts;
    }
}
