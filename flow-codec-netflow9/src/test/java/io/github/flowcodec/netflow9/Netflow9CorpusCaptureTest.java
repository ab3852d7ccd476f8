package io.github.flowcodec.netflow9;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The NetFlow v9 packet captures of the shared corpus (akvorado, pmacct, scapy, libnetflow9, nDPI: pcap and
 * pcapng, read here down to the UDP payloads), each through one lenient decoder with the real exporter
 * addresses, against tshark's records: every tshark record is one of ours, in order, on every key we can
 * derive ({@link Netflow9CorpusPayloadTest#keys}); we decode exactly tshark's count except where
 * {@link #MORE_THAN_TSHARK} says why not.
 */
class Netflow9CorpusCaptureTest {

    private static final Path DIR = Path.of("../../shared/corpus/netflow9");
    private static final Path EXPECTED = Path.of("../../shared/corpus/expected");

    /** Captures where we decode more records than tshark: name, our count, why. */
    static final Map<String, Netflow9CorpusPayloadTest.Disagreement> MORE_THAN_TSHARK = Map.of(
            "akvorado_data_and_templates", new Netflow9CorpusPayloadTest.Disagreement(21,
                    "README caveat 3: the first data set (template 257, 11 records) comes before its template in the same datagram. "
                            + "tshark (single pass) shows 'no template found'; we hold the set and decode it when the template comes, "
                            + "so its records come out first, before the 10 that tshark decodes too."));

    /** The UDP payloads of a capture with their source. */
    record Datagram(InetSocketAddress from, byte[] payload) {
    }

    static List<Datagram> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Datagram> out = new ArrayList<>();
        int magic = b.getInt(0);
        if (magic == 0x0A0D0D0A) { // pcapng: interface description (1) then enhanced packet blocks (6)
            int linkType = -1;
            int pos = 0;
            while (pos + 12 <= b.limit()) {
                int type = b.getInt(pos);
                int len = b.getInt(pos + 4);
                if (type == 1) {
                    linkType = b.getShort(pos + 8) & 0xFFFF;
                } else if (type == 6) {
                    int cap = b.getInt(pos + 20);
                    frame(linkType, Arrays.copyOfRange(b.array(), pos + 28, pos + 28 + cap), out);
                }
                pos += len;
            }
            return out;
        }
        assertThat(magic).as(file + " is a little-endian classic pcap").isIn(0xA1B2C3D4, 0xA1B23C4D);
        int linkType = b.getInt(20);
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int cap = b.getInt(pos + 8);
            frame(linkType, Arrays.copyOfRange(b.array(), pos + 16, pos + 16 + cap), out);
            pos += 16 + cap;
        }
        return out;
    }

    private static void frame(int linkType, byte[] f, List<Datagram> out) throws IOException {
        assertThat(linkType).as("Ethernet captures").isEqualTo(1);
        ByteBuffer b = ByteBuffer.wrap(f);
        int pos = 12;
        int etherType = b.getShort(pos) & 0xFFFF;
        while (etherType == 0x8100 || etherType == 0x88A8) {
            pos += 4;
            etherType = b.getShort(pos) & 0xFFFF;
        }
        pos += 2;
        InetAddress src;
        int proto;
        if (etherType == 0x0800) {
            int ihl = (b.get(pos) & 0x0F) * 4;
            proto = b.get(pos + 9) & 0xFF;
            src = InetAddress.getByAddress(Arrays.copyOfRange(f, pos + 12, pos + 16));
            if ((b.getShort(pos + 6) & 0x3FFF) != 0) {
                return; // a fragment: none in this corpus's flow packets
            }
            pos += ihl;
        } else if (etherType == 0x86DD) {
            proto = b.get(pos + 6) & 0xFF;
            src = InetAddress.getByAddress(Arrays.copyOfRange(f, pos + 8, pos + 24));
            pos += 40;
        } else {
            return;
        }
        if (proto != 17) {
            return; // BGP/BMP sessions in pmacct's captures
        }
        int sport = b.getShort(pos) & 0xFFFF;
        int udpLength = b.getShort(pos + 4) & 0xFFFF;
        byte[] payload = Arrays.copyOfRange(f, pos + 8, Math.min(f.length, pos + udpLength));
        if (payload.length >= 2 && payload[0] == 0 && payload[1] == 9) {
            out.add(new Datagram(new InetSocketAddress(src, sport), payload));
        }
    }

    private static void assumeCorpus() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "../../shared/corpus is absent: skipping the NetFlow v9 capture tests");
    }

    @TestFactory
    Stream<DynamicTest> capturesAgreeWithTshark() throws IOException {
        assumeCorpus();
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> (p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")) && !p.toString().contains(".wrapped."))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(25);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
    }

    private static void compare(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.pcap(ng)?$", "");
        boolean negative = name.startsWith("libnetflow9_malformed");
        List<DecodeProblem> problems = new ArrayList<>();
        Netflow9Decoder lenient = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build());
        Netflow9Decoder strict = new Netflow9Decoder();
        boolean strictThrew = false;
        List<Map<String, String>> ours = new ArrayList<>();
        for (Datagram d : read(file)) {
            lenient.decode(ByteBuffer.wrap(d.payload()), d.from(), new FlowRecordHandler<ExportContext>() {
                @Override
                public void onRecord(ExportContext ctx, RecordView r) {
                    Map<String, String> k = Netflow9CorpusPayloadTest.keys(ctx, r);
                    k.put("sampler_address", ctx.exporter().getAddress().getHostAddress());
                    ours.add(k);
                }
            });
            try {
                strict.decode(ByteBuffer.wrap(d.payload()), d.from());
            } catch (FlowCodecException e) {
                strictThrew = true;
            }
        }
        if (negative) {
            // libnetflow9_malformed_4 ends with 4 zero bytes (a FlowSet header of id 0, length 0): tshark warns
            // "Flowset Length (0) too short"; for us it is zero padding after the last FlowSet (the Palo Alto quirk), counted
            assertThat(strictThrew || !problems.isEmpty() || lenient.counters().extra("trailingPadding") > 0)
                    .as(name + " (NEGATIVE) shows its defect").isTrue();
        }
        List<Map<String, String>> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED.resolve(name + ".flows.jsonl"))) {
            theirs.add(Netflow9CorpusPayloadTest.parseFlat(line));
        }
        Netflow9CorpusPayloadTest.Disagreement more = MORE_THAN_TSHARK.get(name);
        assertThat(ours).as("records of " + name).hasSize(more != null ? more.ourRecords() : theirs.size());
        // every tshark record is one of ours, in order (1:1 unless we decode more)
        int j = 0;
        for (int i = 0; i < theirs.size(); i++) {
            Map<String, String> t = theirs.get(i);
            String mismatch = null;
            while (j < ours.size()) {
                mismatch = mismatch(t, ours.get(j));
                j++;
                if (mismatch == null || more == null) {
                    break;
                }
            }
            if (mismatch != null) {
                fail(name + " tshark record " + i + ": " + mismatch);
            }
        }
    }

    private static String mismatch(Map<String, String> t, Map<String, String> o) {
        for (Map.Entry<String, String> k : t.entrySet()) {
            if ((Netflow9CorpusPayloadTest.COMPARED.contains(k.getKey()) || k.getKey().equals("sampler_address"))
                    && !k.getValue().equals(o.get(k.getKey()))) {
                return k.getKey() + ": tshark " + k.getValue() + ", we " + o.get(k.getKey()) + "\n tshark " + t + "\n we     " + o;
            }
        }
        return null;
    }

    @Test
    void ciscoNcsDataRecordsGetTheRateTheirSamplerAnnounced() throws IOException {
        // IOS XR: options records (scope system) map FLOW_SAMPLER_ID 48 to FLOW_SAMPLER_RANDOM_INTERVAL 50; the data
        // records carry 48. Each record's rate must be the one announced for its sampler, read here from the options records.
        assumeCorpus();
        Netflow9Decoder d = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        Map<Long, Long> announced = new java.util.HashMap<>();
        List<long[]> idAndRate = new ArrayList<>();
        for (Datagram g : read(DIR.resolve("akvorado_nfv9_cisco_ncs55_multiplesamplingrates.merged.pcap"))) {
            Netflow9Packet p = d.decode(ByteBuffer.wrap(g.payload()), g.from());
            for (FlowRecord o : p.optionsRecords()) {
                int id = o.template().indexOf(0, 48);
                int rate = o.template().indexOf(0, 50);
                if (id >= 0 && rate >= 0) {
                    announced.put(o.getLong(id), o.getLong(rate));
                }
            }
            for (int i = 0; i < p.records().size(); i++) {
                FlowRecord r = p.records().get(i);
                int id = r.template().indexOf(0, 48);
                assertThat(id).as("the data template names its sampler").isGreaterThanOrEqualTo(0);
                idAndRate.add(new long[] {r.getLong(id), p.samplingRate(i)});
            }
        }
        assertThat(announced).hasSize(2);
        assertThat(idAndRate).hasSize(12);
        for (long[] x : idAndRate) {
            assertThat(x[1]).as("rate of a record of sampler " + x[0]).isEqualTo(announced.get(x[0])).isPositive();
        }
        assertThat(idAndRate.stream().map(x -> x[1]).distinct().count()).as("two samplers, two rates").isEqualTo(2);
    }

    @Test
    void huaweiDataRecordsCarryTheirOwnSamplingRate() throws IOException {
        assumeCorpus();
        Netflow9Decoder d = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        int n = 0;
        for (Datagram g : read(DIR.resolve("akvorado_nfv9_huawei_ce8851_netstream_samplingrate.merged.pcap"))) {
            Netflow9Packet p = d.decode(ByteBuffer.wrap(g.payload()), g.from());
            for (int i = 0; i < p.records().size(); i++) {
                FlowRecord r = p.records().get(i);
                int interval = r.template().indexOf(0, 34);
                assertThat(interval).isGreaterThanOrEqualTo(0);
                assertThat(p.samplingRate(i)).isEqualTo(r.getLong(interval)).isPositive();
                n++;
            }
        }
        assertThat(n).isEqualTo(6);
    }
}
