package io.github.flowcodec.ipfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The raw IPFIX payloads of the shared corpus ({@code ipfix/*.dat}, {@code *.bin}: real exporters' datagrams, three
 * messages back to back in {@code logstash_ipfix.dat}): each file alone decodes in lenient mode with every problem
 * reported and counted; the softflowd messages fed as a stream decode to tshark's 12 records without a false loss.
 */
class IpfixCorpusPayloadTest {

    private static final Path DIR = CorpusPcap.CORPUS.resolve("ipfix");
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 50000);

    private static void assumeCorpus() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "../../shared/corpus is absent: skipping the IPFIX payload tests");
    }

    /**
     * Splits payloads stored back to back as the corpus's split_payloads.py does for IPFIX: at the message length,
     * bytes after the last message that do not start another one staying with it.
     */
    static List<byte[]> split(byte[] buf) {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        while (off < buf.length) {
            int len = buf.length - off >= 4 ? ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF) : buf.length - off;
            int next = off + Math.max(len, 1);
            boolean another = next + 16 <= buf.length && buf[next] == 0 && buf[next + 1] == 10;
            int end = another ? next : buf.length;
            out.add(Arrays.copyOfRange(buf, off, end));
            off = end;
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPayloadFileDecodesInLenientMode() throws IOException {
        assumeCorpus();
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".dat") || p.toString().endsWith(".bin")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(50);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<DecodeProblem> problems = new ArrayList<>();
            IpfixDecoder lenient = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build());
            for (byte[] datagram : split(Files.readAllBytes(file))) {
                lenient.decode(ByteBuffer.wrap(datagram), FROM);
            }
            assertThat(lenient.counters().datagrams()).isPositive();
            // each problem reported once, and counted (a withdrawal of an unknown template is reported, not skipped)
            assertThat(lenient.counters().repaired() + lenient.counters().extra("unknownWithdrawals")).isEqualTo(problems.size());
        }));
    }

    @Test
    void softflowdMessagesAsAStreamGiveTshark12RecordsWithoutFalseLoss() throws IOException {
        assumeCorpus();
        IpfixDecoder decoder = new IpfixDecoder();
        IpfixStreamDecoder stream = new IpfixStreamDecoder(decoder, FROM);
        List<FlowRecord> records = new ArrayList<>();
        for (IpfixMessage m : stream.feed(ByteBuffer.wrap(Files.readAllBytes(DIR.resolve("logstash_ipfix.dat"))))) {
            records.addAll(m.records());
        }
        assertThat(stream.messages()).isEqualTo(3);
        assertThat(records).hasSize(Files.readAllLines(CorpusPcap.CORPUS.resolve("expected/logstash_ipfix_softflowd.wrapped.flows.jsonl")).size());
        assertThat(decoder.counters().lostSequenceNumbers()).isZero();
        // sequence numbers 6, 7, 12 for 6, 1 and 5 records: each counts its own message's records too
        assertThat(decoder.counters().extra("sequenceCountsCurrent")).isEqualTo(2);
        assertThat(decoder.counters().extra("lateMessages")).isZero();
    }
}
