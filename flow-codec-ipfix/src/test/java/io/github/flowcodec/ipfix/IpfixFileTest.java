package io.github.flowcodec.ipfix;

import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TruncatedPacketException;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IPFIX files (RFC 5655): written, read back, and the corpus's file against tshark's reading of the same messages. */
class IpfixFileTest {

    @Test
    void writtenFilesReadBack(@TempDir Path dir) throws Exception {
        Template t = Template.builder(256).field(e("sourceIPv4Address")).field(e("octetDeltaCount")).field(e("applicationName")).build();
        List<FlowRecord> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(FlowRecord.builder(t).setAddress(0, InetAddress.getByName("10.0." + (i / 250) + "." + (i % 250)))
                    .setLong(1, i).setString(2, "app" + i).build());
        }
        IpfixEncoder enc = IpfixEncoder.builder().maxDatagramSize(Ipfix.MAX_MESSAGE_LENGTH).templateRefreshDatagrams(0)
                .templateRefreshInterval(Duration.ZERO).build();
        Path file = dir.resolve("flows.ipfix");
        try (IpfixFileWriter w = IpfixFileWriter.create(file)) {
            for (ByteBuffer m : enc.encode(records.subList(0, 200))) {
                w.write(m);
            }
            for (ByteBuffer m : enc.encode(records.subList(200, 500))) {
                w.write(m);
            }
        }
        List<FlowRecord> got = new ArrayList<>();
        try (IpfixFileReader r = IpfixFileReader.open(file)) {
            assertThat(r.decode(new IpfixDecoder(), (ctx, rec) -> got.add(rec.toRecord()))).isEqualTo(500);
        }
        assertThat(got).isEqualTo(records);
    }

    @Test
    void theWriterRefusesWhatIsNotOneMessage() {
        IpfixFileWriter w = new IpfixFileWriter(new java.io.ByteArrayOutputStream());
        byte[] m = IpfixMessageBuilder.create().toBytes();
        assertThatThrownBy(() -> w.write(ByteBuffer.wrap(m, 0, 10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write(ByteBuffer.wrap(IpfixMessageBuilder.create().declaredLength(40).toBytes())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileCutInsideAMessageIsTruncatedAtItsOffset() throws Exception {
        byte[] m = IpfixMessageBuilder.create().rawSet(300, new byte[20]).toBytes();
        byte[] file = new byte[m.length * 2 - 5];
        System.arraycopy(m, 0, file, 0, m.length);
        System.arraycopy(m, 0, file, m.length, m.length - 5);
        try (IpfixFileReader r = new IpfixFileReader(new ByteArrayInputStream(file))) {
            assertThat(r.next()).isPresent();
            assertThatThrownBy(r::next).isInstanceOf(TruncatedPacketException.class)
                    .extracting(x -> ((TruncatedPacketException) x).offset()).isEqualTo((long) m.length);
        }
    }

    @Test
    void theCorpusFileAgreesWithTsharkRecordByRecord() throws Exception {
        Path file = CorpusPcap.CORPUS.resolve("ipfix/ipfixcol2_example_flows.ipfix");
        Assumptions.assumeTrue(Files.exists(file), "../../shared/corpus is absent: skipping the IPFIX file conformance test");
        List<Map<String, String>> ours = new ArrayList<>();
        IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        try (IpfixFileReader r = IpfixFileReader.open(file)) {
            r.decode(decoder, (ctx, rec) -> ours.add(CorpusKeys.keys(ctx, rec)));
        }
        List<String> theirs = Files.readAllLines(CorpusPcap.CORPUS.resolve("expected/ipfixcol2_example_flows.wrapped.flows.jsonl"));
        assertThat(ours).hasSize(theirs.size()).hasSize(3979);
        for (int i = 0; i < theirs.size(); i++) {
            Map<String, String> t = CorpusKeys.parseFlat(theirs.get(i));
            for (Map.Entry<String, String> k : t.entrySet()) {
                if (CorpusKeys.COMPARED.contains(k.getKey()) && !k.getKey().equals("sampler_address")) {
                    assertThat(ours.get(i).get(k.getKey())).as("record " + i + " " + k.getKey()).isEqualTo(k.getValue());
                }
            }
        }
        assertThat(decoder.counters().repaired()).isZero();
        assertThat(decoder.counters().datagrams()).isEqualTo(68);
    }
}
