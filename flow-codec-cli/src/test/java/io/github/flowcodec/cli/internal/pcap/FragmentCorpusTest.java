package io.github.flowcodec.cli.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Scans every capture of the shared corpus ({@code ../shared/corpus} from the repository root), when
 * it is present, for IP fragments, and checks that reassembly changes nothing for the packets that
 * are not fragments.
 */
class FragmentCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    @Test
    void reassemblyLeavesUnfragmentedPacketsAsTheyWere(TestReporter reporter) throws IOException {
        Assumptions.assumeTrue(
                Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the corpus fragment scan");
        List<Path> captures;
        try (Stream<Path> files = Files.walk(CORPUS)) {
            captures =
                    files.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches(".*\\.pcap(ng)?"))
                            .sorted()
                            .toList();
        }
        assertThat(captures).isNotEmpty();
        Map<String, String> withFragments = new TreeMap<>();
        long packets = 0;
        for (Path file : captures) {
            FragmentReassembler reassembler = new FragmentReassembler();
            long fragments = 0;
            try (CaptureReader reader = CaptureReader.open(file)) {
                for (Optional<CapturedPacket> p = reader.next(); p.isPresent(); p = reader.next()) {
                    packets++;
                    Optional<UdpDatagram> reassembled = reassembler.accept(p.get());
                    if (isFragment(p.get())) {
                        fragments++;
                    } else {
                        assertThat(reassembled)
                                .as("packet %d of %s", p.get().packetNumber(), file)
                                .isEqualTo(UdpDatagramExtractor.extract(p.get()));
                    }
                }
            }
            if (fragments > 0) {
                withFragments.put(
                        CORPUS.relativize(file).toString(),
                        fragments + " fragments, " + reassembler.reassembledDatagrams() + " reassembled, "
                                + reassembler.pendingDatagrams() + " incomplete");
            }
        }
        reporter.publishEntry("captures scanned", captures.size() + " (" + packets + " packets)");
        reporter.publishEntry(
                "captures with IP fragments", withFragments.isEmpty() ? "none" : withFragments.toString());
    }

    private static boolean isFragment(CapturedPacket packet) {
        ByteBuffer frame = packet.data().order(ByteOrder.BIG_ENDIAN);
        LinkLayer.IpStart ip = LinkLayer.locate(packet.linkType(), frame);
        return ip != null
                && IpFragment.parse(frame, ip.offset(), ip.version()).verdict() != IpFragment.Verdict.NOT_FRAGMENT;
    }
}
