package io.github.flowcodec.netflow5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every NetFlow v5 datagram of the shared corpus, decoded and written back with
 * {@link Netflow5Encoder#write(Netflow5Packet)}, gives the bytes it came from: the raw payloads in
 * {@code netflow5/} (split as {@link Netflow5CorpusPayloadTest} splits them), the datagrams of the captures
 * in {@code netflow5/} and the v5 datagrams of the capture in {@code mixed/}. Decoding is lenient, so that
 * the two logstash negatives (a header count of 55582 and of 163 over 30 records) decode too: their packets
 * keep the count as sent, and they come back byte for byte as well.
 *
 * <p>A datagram a decoded packet cannot give back is named in {@link #NOT_REPRODUCED} with the reason; any
 * other difference fails, and so does a listed datagram that comes back after all.
 */
class Netflow5CorpusReencodeTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final Pattern TSHARK_V5_DATAGRAMS = Pattern.compile("NETFLOW_V5:(\\d+)");

    /**
     * Datagrams ({@code file#index}, index from 0) whose bytes their packet cannot give back, and why. The
     * only bytes a packet drops are those after the whole records it holds (trailing bytes, a partial
     * record, records beyond the header count: see {@link Netflow5Encoder#write(Netflow5Packet)}); no
     * datagram of the corpus carries any, so none is listed.
     */
    static final Map<String, String> NOT_REPRODUCED = Map.of();

    @TestFactory
    Stream<DynamicTest> everyDatagramReencodesByteForByte() throws IOException {
        assumeCorpus();
        List<Path> files = new ArrayList<>(list("netflow5"));
        files.addAll(list("mixed"));
        assertThat(files).as("v5 payloads and captures in the corpus").hasSizeGreaterThanOrEqualTo(13);
        return files.stream().map(f -> DynamicTest.dynamicTest(CORPUS.relativize(f).toString(), () -> reencode(f)));
    }

    @Test
    void everyListedDatagramIsInTheCorpus() throws IOException {
        assumeCorpus();
        for (String name : NOT_REPRODUCED.keySet()) {
            String[] fileAndIndex = name.split("#");
            assertThat(datagrams(CORPUS.resolve(fileAndIndex[0]))).as(name).hasSizeGreaterThan(Integer.parseInt(fileAndIndex[1]));
        }
    }

    private static void reencode(Path file) throws IOException {
        List<byte[]> datagrams = datagrams(file);
        assertThat(datagrams).as("v5 datagrams in " + file).isNotEmpty();
        Netflow5Decoder lenient = new Netflow5Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        for (int i = 0; i < datagrams.size(); i++) {
            String name = CORPUS.relativize(file) + "#" + i;
            byte[] sent = datagrams.get(i);
            Netflow5Packet packet = lenient.decode(ByteBuffer.wrap(sent), null);
            byte[] again = bytes(Netflow5Encoder.write(packet));
            if (NOT_REPRODUCED.containsKey(name)) {
                assertThat(again).as(name + " is listed as not reproduced: " + NOT_REPRODUCED.get(name)).isNotEqualTo(sent);
                assertThat(again).as(name + ": what comes back is the datagram up to its last whole record")
                        .isEqualTo(Arrays.copyOf(sent, again.length));
            } else {
                assertThat(again).as(name + " re-encoded").isEqualTo(sent);
            }
        }
    }

    /** The v5 datagrams of a raw payload file or a capture; for a capture, as many as tshark decodes. */
    private static List<byte[]> datagrams(Path file) throws IOException {
        if (!file.toString().endsWith(".pcap")) {
            return Netflow5CorpusPayloadTest.splitConcatenated(Files.readAllBytes(file));
        }
        List<byte[]> out = udpPayloadsOfVersion5(file);
        assertThat(out).as("v5 datagrams in " + file + ", as tshark counts them").hasSize(tsharkV5Datagrams(file));
        return out;
    }

    /**
     * The UDP payloads that start with version 5 in a classic little-endian pcap of Ethernet frames carrying
     * IPv4, as all the corpus's v5 captures are (no VLAN tags, no fragments).
     */
    private static List<byte[]> udpPayloadsOfVersion5(Path pcap) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt(0)).as(pcap + " is a classic little-endian pcap").isIn(0xA1B2C3D4, 0xA1B23C4D);
        assertThat(in.getInt(20)).as(pcap + " holds Ethernet frames").isEqualTo(1);
        List<byte[]> out = new ArrayList<>();
        in.position(24);
        while (in.remaining() >= 16) {
            in.position(in.position() + 8); // timestamp
            int captured = in.getInt();
            in.getInt(); // length on the wire
            ByteBuffer frame = in.slice(in.position(), captured).order(ByteOrder.BIG_ENDIAN);
            in.position(in.position() + captured);
            int ip = 14; // past the two MAC addresses and the EtherType
            if (frame.getShort(12) != 0x0800 || frame.get(ip + 9) != 17) {
                continue; // not IPv4, or not UDP
            }
            int udp = ip + (frame.get(ip) & 0x0F) * 4;
            byte[] payload = new byte[(frame.getShort(udp + 4) & 0xFFFF) - 8];
            frame.get(udp + 8, payload);
            if (payload.length >= 2 && (ByteBuffer.wrap(payload).getShort() & 0xFFFF) == Netflow5.VERSION) {
                out.add(payload);
            }
        }
        return out;
    }

    /** How many v5 datagrams tshark decoded in the capture, from expected/SUMMARY.tsv. */
    private static int tsharkV5Datagrams(Path pcap) throws IOException {
        String key = CORPUS.relativize(pcap).toString() + "\t";
        for (String line : Files.readAllLines(CORPUS.resolve("expected/SUMMARY.tsv"))) {
            Matcher m = TSHARK_V5_DATAGRAMS.matcher(line);
            if (line.startsWith(key) && m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError(pcap + " is not in expected/SUMMARY.tsv");
    }

    private static List<Path> list(String dir) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|dat|bin)")).sorted().toList();
        }
    }

    private static void assumeCorpus() {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("netflow5")),
                "../shared/corpus is absent: skipping the v5 re-encoding test of real captures");
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
