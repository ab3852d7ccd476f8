package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowCodecException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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
 * Real captures re-encode byte for byte: every sFlow datagram of every capture and raw payload of the shared
 * corpus ({@code sflow5/}, {@code mixed/}) decodes (strict) to the typed {@link SflowDatagram}, and encoding that
 * gives back the datagram's bytes. The datagrams a device sent in a form the typed model cannot reproduce are
 * listed in {@link #IRREPRODUCIBLE} with the reason; any other datagram that differs fails the test, and so does
 * a listed one that no longer differs (or differs for another reason).
 */
class SflowCorpusReencodeTest {

    /** Why a datagram is not reproduced byte for byte. */
    enum Reason {
        /** The agent put non-zero bytes in XDR padding (after odd-length data); the encoder pads with zeros. */
        GARBAGE_PADDING,
        /** Bytes follow the last sample the header announces (the UDP length ends a datagram); they are not kept. */
        TRAILING_BYTES,
        /** The datagram is broken (a fuzzed file) and the strict decoder rejects it. */
        REJECTED
    }

    /** capture#frame (pcap frame number; 1 for a raw payload file) -> why the device's datagram cannot be reproduced. */
    private static final Map<String, Set<Reason>> IRREPRODUCIBLE = Map.ofEntries(
            // 964 bytes after the one sample the header announces
            Map.entry("sflow5/akvorado_discard-interface.pcap#1", EnumSet.of(Reason.TRAILING_BYTES)),
            Map.entry("sflow5/akvorado_local-interface.pcap#1", EnumSet.of(Reason.TRAILING_BYTES)),
            Map.entry("sflow5/akvorado_multiple-interfaces.pcap#1", EnumSet.of(Reason.TRAILING_BYTES)),
            // non-zero padding after odd-length sampled headers
            Map.entry("sflow5/akvorado_icmpv6.pcap#1", EnumSet.of(Reason.GARBAGE_PADDING)),
            Map.entry("sflow5/cistern_flow_sample_3.dat#1", EnumSet.of(Reason.GARBAGE_PADDING)),
            Map.entry("sflow5/cistern_flow_sample_3.wrapped.pcap#1", EnumSet.of(Reason.GARBAGE_PADDING)),
            Map.entry("sflow5/tcpdump_sflow_expanded.pcap#1", EnumSet.of(Reason.GARBAGE_PADDING)),
            // a second datagram glued after the first, and non-zero padding in the first
            Map.entry("sflow5/cistern_flow_samples_2.dat#1", EnumSet.of(Reason.TRAILING_BYTES, Reason.GARBAGE_PADDING)),
            Map.entry("sflow5/cistern_flow_samples_2.wrapped.pcap#1", EnumSet.of(Reason.TRAILING_BYTES, Reason.GARBAGE_PADDING)),
            // the fuzzed datagram that crashed tcpdump's printer
            Map.entry("sflow5/tcpdump_sflow_print_segv.pcap#1", EnumSet.of(Reason.REJECTED)));

    private static final Map<String, String> SEEN = new TreeMap<>();

    static Stream<Arguments> captures() throws IOException {
        return CorpusSupport.sflowFiles(".pcap", ".dat", ".bin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyDatagramReEncodesToItsBytes(String capture) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CorpusSupport.CORPUS),
                "../shared/corpus is absent: skipping the sFlow corpus re-encoding test");
        Path file = CorpusSupport.CORPUS.resolve(capture);
        List<CorpusSupport.Udp> datagrams = capture.endsWith(".pcap") ? CorpusSupport.readPcap(file)
                : List.of(new CorpusSupport.Udp(1, null, 6343, 6343, Files.readAllBytes(file)));
        int sflow = 0;
        List<String> unexpected = new ArrayList<>();
        for (CorpusSupport.Udp u : datagrams) {
            byte[] bytes = u.payload();
            if (bytes.length < 4 || ByteBuffer.wrap(bytes).getInt(0) != Sflow.VERSION) {
                continue; // the NetFlow v5 datagrams of mixed/
            }
            sflow++;
            String id = capture + "#" + u.frame();
            Set<Reason> why = whyNotReproduced(bytes);
            synchronized (SEEN) {
                SEEN.put(id, why.isEmpty() ? "identical" : why.toString());
            }
            if (!why.equals(IRREPRODUCIBLE.getOrDefault(id, EnumSet.noneOf(Reason.class)))) {
                unexpected.add(id + ": " + (why.isEmpty() ? "identical" : why) + ", listed as " + IRREPRODUCIBLE.get(id));
            }
        }
        assertThat(sflow).as(capture + " holds sFlow datagrams").isPositive();
        assertThat(unexpected).as(capture + ": datagrams not re-encoded as listed").isEmpty();
    }

    /** Empty when decoding then encoding gives back {@code bytes}; else why not. */
    private static Set<Reason> whyNotReproduced(byte[] bytes) {
        SflowDatagram typed;
        try {
            typed = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(bytes));
        } catch (FlowCodecException e) {
            return EnumSet.of(Reason.REJECTED);
        }
        byte[] again = SflowEncoder.toBytes(typed);
        Set<Reason> why = EnumSet.noneOf(Reason.class);
        if (Arrays.equals(again, bytes)) {
            return why;
        }
        assertThat(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(again))).as("what we wrote decodes to the same datagram")
                .isEqualTo(typed);
        byte[] original = bytes;
        if (again.length < bytes.length) {
            original = Arrays.copyOf(bytes, again.length);
            why.add(Reason.TRAILING_BYTES);
        }
        assertThat(again).hasSameSizeAs(original);
        for (int k = 0; k < again.length; k++) {
            if (again[k] != original[k]) {
                assertThat(again[k]).as("byte " + k + " differs only as zeroed XDR padding").isZero();
                why.add(Reason.GARBAGE_PADDING);
            }
        }
        return why;
    }

    @AfterAll
    static void report() {
        // Test output for the report (surefire keeps it in target/surefire-reports).
        System.out.println("sFlow corpus re-encoding: " + SEEN);
    }
}
