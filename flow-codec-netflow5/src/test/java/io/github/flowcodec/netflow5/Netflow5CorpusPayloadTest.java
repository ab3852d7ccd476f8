package io.github.flowcodec.netflow5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The raw v5 payloads of the shared corpus (no pcap framing) against tshark's decode of their wrapped
 * twins: same record count, same counters and addresses record by record.
 */
class Netflow5CorpusPayloadTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final Pattern FIELD = Pattern.compile("\"(bytes|packets|src_port|dst_port|sequence_num)\": (\\d+)");
    private static final Pattern ADDR = Pattern.compile("\"src_addr\": \"([^\"]+)\"");

    @ParameterizedTest
    @CsvSource({
        "netflow5/logstash_netflow5_test_juniper_mx80.dat, logstash_netflow5_juniper_mx80.wrapped, false",
        "netflow5/logstash_netflow5_test_microtik.dat, logstash_netflow5_mikrotik.wrapped, false",
        "netflow5/telegraf_netflow5_example_netflow_v5.bin, telegraf_netflow5_example.wrapped, false",
        "netflow5/logstash_netflow5.dat, logstash_netflow5_softflowd.wrapped, false",
        "netflow5/logstash_netflow5_test_invalid01.dat, logstash_netflow5_invalid01.wrapped, true",
        "netflow5/logstash_netflow5_test_invalid02.dat, logstash_netflow5_invalid02.wrapped, true",
    })
    void payloadsAgreeWithTshark(String payload, String expected, boolean negative) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the corpus conformance test");
        byte[] all = Files.readAllBytes(CORPUS.resolve(payload));
        List<byte[]> datagrams = splitConcatenated(all);
        Netflow5Decoder lenient = new Netflow5Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        List<String> ours = new ArrayList<>();
        for (byte[] d : datagrams) {
            if (negative) {
                assertThatThrownBy(() -> new Netflow5Decoder().decode(ByteBuffer.wrap(d), null))
                        .isInstanceOf(FlowCodecException.class);
            }
            Netflow5Packet p = lenient.decode(ByteBuffer.wrap(d), null);
            for (FlowRecord r : p.records()) {
                ours.add(r.getAddress(Netflow5.SRC_ADDR).getHostAddress() + " " + r.getLong(Netflow5.OCTETS) + " "
                        + r.getLong(Netflow5.PACKETS) + " " + r.getLong(Netflow5.SRC_PORT) + " "
                        + r.getLong(Netflow5.DST_PORT) + " " + p.sequenceNumber());
            }
        }
        List<String> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected/" + expected + ".flows.jsonl"))) {
            Matcher a = ADDR.matcher(line);
            assertThat(a.find()).isTrue();
            java.util.Map<String, String> f = new java.util.HashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                f.put(m.group(1), m.group(2));
            }
            theirs.add(a.group(1) + " " + f.get("bytes") + " " + f.get("packets") + " " + f.get("src_port") + " "
                    + f.get("dst_port") + " " + f.get("sequence_num"));
        }
        assertThat(ours).isEqualTo(theirs);
    }

    /** Splits v5 datagrams stored back to back: each is 24 + 48 * count bytes, capped by what is left. */
    static List<byte[]> splitConcatenated(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        while (pos < all.length) {
            int count = ByteBuffer.wrap(all).getShort(pos + Netflow5Layout.COUNT) & 0xFFFF;
            int len = Math.min(all.length - pos, Netflow5.HEADER_LENGTH + Netflow5.RECORD_LENGTH * count);
            out.add(java.util.Arrays.copyOfRange(all, pos, pos + len));
            pos += len;
        }
        return out;
    }
}
