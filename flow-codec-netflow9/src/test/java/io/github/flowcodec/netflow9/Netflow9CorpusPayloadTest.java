package io.github.flowcodec.netflow9;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The raw NetFlow v9 payloads of the shared corpus ({@code netflow9/*.dat}, {@code *.bin}: real exporters'
 * datagrams, several of them back to back in some files).
 *
 * <ul>
 *   <li>each payload file alone decodes in lenient mode; the NEGATIVE ones (MANIFEST notes) show their defect:
 *       strict mode throws or lenient mode reports or counts it;</li>
 *   <li>the payloads of each wrapped capture, fed through one decoder in MANIFEST order (templates first, as
 *       tshark saw them), give tshark's records ({@code expected/<capture>.flows.jsonl}) record by record on
 *       the keys we can derive from fields: addresses, ports, protocol, counters, interfaces, flags, ToS, next
 *       hop, AS numbers, sampling rate, MACs, VLAN, template id, sequence number and source id. Where we know
 *       tshark is wrong (the corpus README "Caveats"), {@link #DISAGREEMENTS} says so and why, and the test
 *       checks our own count instead.</li>
 * </ul>
 */
class Netflow9CorpusPayloadTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    /** dat2pcap.py's fake source: what tshark reports as sampler_address. */
    private static final InetSocketAddress WRAPPED_FROM = new InetSocketAddress("127.0.0.1", 50000);

    /**
     * Where we decode more or other records than tshark, and why: capture, our record count, the reason. Not a
     * disagreement: {@code logstash_netflow9_h3c_netstream_varstring} (the same H3C IE 130 of length 2) makes
     * tshark flag the datagram malformed, but it holds one record and tshark's fields of it match ours; the
     * IPFIX-style variable-length string (length 65535) decodes. {@code logstash_netflow9_iptnetflow_reduced_size_encoding}
     * references templates 259/262 that are not in the datagram (caveat 4): both leave those 6 sets undecoded.
     */
    static final Map<String, Disagreement> DISAGREEMENTS = Map.of(
            "logstash_netflow9_h3c.wrapped", new Disagreement(16,
                    "README caveat 1: the H3C template has IE 130 (exporterIPv4Address) at length 2; tshark raises "
                            + "'Trying to fetch an IPv4 address with length 2' and gives up on the datagram after record 1. "
                            + "We keep the 2 bytes as they are and decode all 16 records (the first one compared with tshark's)."),
            "logstash_netflow9_invalid01.wrapped", new Disagreement(2,
                    "README caveat 2 (NEGATIVE): the header count says 2; tshark trusts it and stops after the two "
                            + "template records, ignoring the options template and the data sets after them. We never trust the "
                            + "count (counted as a mismatch) and decode the 2 data records (and 1 options record) that are there."));

    record Disagreement(int ourRecords, String why) {
    }

    /** The files of each wrapped capture, in MANIFEST order, from its notes ("from a.dat + b.dat (n datagram(s))"). */
    private static Map<String, List<String>> wrappedCaptures() throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        Pattern from = Pattern.compile("from (.+?) \\(\\d+ datagram");
        for (String line : Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length < 9 || !cols[0].startsWith("netflow9/") || !cols[0].endsWith(".wrapped.pcap")) {
                continue;
            }
            Matcher m = from.matcher(cols[8]);
            if (m.find()) {
                List<String> files = new ArrayList<>();
                for (String f : m.group(1).split(" \\+ ")) {
                    files.add("netflow9/" + f.trim());
                }
                out.put(cols[0].substring("netflow9/".length(), cols[0].length() - ".pcap".length()), files);
            }
        }
        return out;
    }

    private static List<String> negativeFiles() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length >= 9 && cols[0].startsWith("netflow9/") && cols[8].contains("NEGATIVE")) {
                out.add(cols[0]);
            }
        }
        return out;
    }

    private static void assumeCorpus() {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("netflow9")),
                "../../shared/corpus is absent: skipping the NetFlow v9 corpus conformance tests");
    }

    @TestFactory
    Stream<DynamicTest> everyPayloadFileDecodesInLenientMode() throws IOException {
        assumeCorpus();
        List<String> negative = negativeFiles();
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS.resolve("netflow9"))) {
            files = s.filter(p -> p.toString().endsWith(".dat") || p.toString().endsWith(".bin")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<DecodeProblem> problems = new ArrayList<>();
            Netflow9Decoder lenient = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build());
            Netflow9Decoder strict = new Netflow9Decoder();
            boolean strictThrew = false;
            for (byte[] datagram : split(Files.readAllBytes(file))) {
                lenient.decode(ByteBuffer.wrap(datagram), WRAPPED_FROM);
                try {
                    strict.decode(ByteBuffer.wrap(datagram), WRAPPED_FROM);
                } catch (FlowCodecException e) {
                    strictThrew = true;
                }
            }
            assertThat(lenient.counters().repaired()).isEqualTo(problems.size());
            if (negative.contains("netflow9/" + file.getFileName())) {
                assertThat(strictThrew || !problems.isEmpty() || lenient.counters().extra("countMismatches") > 0)
                        .as("a NEGATIVE file shows its defect").isTrue();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> wrappedCapturesAgreeWithTshark() throws IOException {
        assumeCorpus();
        Map<String, List<String>> captures = wrappedCaptures();
        assertThat(captures).hasSizeGreaterThan(25);
        return captures.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> compare(c.getKey(), c.getValue())));
    }

    private static void compare(String capture, List<String> files) throws IOException {
        Netflow9Decoder decoder = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        List<Map<String, String>> ours = new ArrayList<>();
        for (String f : files) {
            for (byte[] datagram : split(Files.readAllBytes(CORPUS.resolve(f)))) {
                decoder.decode(ByteBuffer.wrap(datagram), WRAPPED_FROM, new FlowRecordHandler<ExportContext>() {
                    @Override
                    public void onRecord(ExportContext ctx, RecordView r) {
                        ours.add(keys(ctx, r));
                    }
                });
            }
        }
        List<Map<String, String>> theirs = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected/" + capture + ".flows.jsonl"))) {
            theirs.add(parseFlat(line));
        }
        Disagreement d = DISAGREEMENTS.get(capture);
        assertThat(ours).as("records of " + capture).hasSize(d != null ? d.ourRecords() : theirs.size());
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            Map<String, String> t = theirs.get(i);
            Map<String, String> o = ours.get(i);
            for (Map.Entry<String, String> k : t.entrySet()) {
                if (COMPARED.contains(k.getKey())) {
                    if (!k.getValue().equals(o.get(k.getKey()))) {
                        fail(capture + " record " + i + " key " + k.getKey() + ": tshark " + k.getValue() + ", we " + o.get(k.getKey())
                                + "\n tshark " + t + "\n we     " + o);
                    }
                }
            }
        }
    }

    static final List<String> COMPARED = List.of("template_id", "sequence_num", "source_id", "src_addr", "dst_addr", "src_port",
            "dst_port", "proto", "bytes", "packets", "in_if", "out_if", "tcp_flags", "ip_tos", "next_hop", "src_as", "dst_as",
            "sampling_rate", "src_mac", "dst_mac", "vlan_id");

    /** The README's keys from a record, each from the first element present in the README's order of preference. */
    static Map<String, String> keys(ExportContext ctx, RecordView r) {
        Map<String, String> k = new LinkedHashMap<>();
        Template t = r.template();
        k.put("template_id", String.valueOf(t.id()));
        k.put("sequence_num", String.valueOf(ctx.sequenceNumber()));
        k.put("source_id", String.valueOf(ctx.observationDomainId()));
        address(k, "src_addr", r, 8, 27);
        address(k, "dst_addr", r, 12, 28);
        number(k, "src_port", r, 7);
        number(k, "dst_port", r, 11);
        number(k, "proto", r, 4);
        number(k, "bytes", r, 1, 23, 85, 231);
        number(k, "packets", r, 2, 24, 86, 298);
        number(k, "in_if", r, 10);
        number(k, "out_if", r, 14);
        number(k, "tcp_flags", r, 6);
        number(k, "ip_tos", r, 5);
        address(k, "next_hop", r, 15, 62);
        number(k, "src_as", r, 16);
        number(k, "dst_as", r, 17);
        number(k, "sampling_rate", r, 34, 50);
        mac(k, "src_mac", r, 56);
        mac(k, "dst_mac", r, 80);
        number(k, "vlan_id", r, 58, 243);
        return k;
    }

    private static void number(Map<String, String> k, String key, RecordView r, int... ids) {
        for (int id : ids) {
            int i = r.template().indexOf(0, id);
            if (i >= 0 && r.fieldLength(i) >= 1 && r.fieldLength(i) <= 8) {
                k.put(key, Long.toUnsignedString(r.getLong(i)));
                return;
            }
        }
    }

    private static void address(Map<String, String> k, String key, RecordView r, int... ids) {
        String zero = null;
        for (int id : ids) {
            int i = r.template().indexOf(0, id);
            if (i >= 0 && (r.fieldLength(i) == 4 || r.fieldLength(i) == 16)) {
                InetAddress a = r.getAddress(i);
                if (!a.isAnyLocalAddress()) {
                    k.put(key, a.getHostAddress().equals("0:0:0:0:0:0:0:0") ? "::" : compressV6(a));
                    return;
                }
                if (zero == null) {
                    zero = a instanceof java.net.Inet6Address ? "::" : "0.0.0.0";
                }
            }
        }
        if (zero != null) {
            k.put(key, zero);
        }
    }

    /** IPv6 in tshark's (RFC 5952) form; IPv4 as is. */
    private static String compressV6(InetAddress a) {
        if (!(a instanceof java.net.Inet6Address)) {
            return a.getHostAddress();
        }
        String[] h = a.getHostAddress().split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < h.length; ) {
            if (h[i].equals("0")) {
                int j = i;
                while (j < h.length && h[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", h);
        }
        String left = String.join(":", Arrays.copyOfRange(h, 0, bestStart));
        String right = String.join(":", Arrays.copyOfRange(h, bestStart + bestLen, h.length));
        return left + "::" + right;
    }

    private static void mac(Map<String, String> k, String key, RecordView r, int id) {
        int i = r.template().indexOf(0, id);
        if (i >= 0 && r.fieldLength(i) == 6) {
            long m = r.getMacAddress(i);
            StringBuilder sb = new StringBuilder();
            for (int b = 5; b >= 0; b--) {
                sb.append(String.format("%02x", (m >>> (8 * b)) & 0xFF));
                if (b > 0) {
                    sb.append(':');
                }
            }
            k.put(key, sb.toString());
        }
    }

    /** A flat JSON object of strings and numbers, as tshark_flows.py writes them. */
    static Map<String, String> parseFlat(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("\"([a-z_]+)\": (\"([^\"]*)\"|(-?[0-9.]+))").matcher(line);
        while (x.find()) {
            m.put(x.group(1), x.group(3) != null ? x.group(3) : x.group(4));
        }
        return m;
    }

    /**
     * Splits payloads stored back to back, as the corpus's tools/split_payloads.py does for v9: walk the
     * FlowSets from offset 20; a set id of 9 where the next FlowSet would be starts a new packet; a FlowSet
     * length of 0 (zero padding) ends the packet at the next 0x0009 found on a 2-byte step; a length below 4
     * takes the rest.
     */
    static List<byte[]> split(byte[] buf) {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        int n = buf.length;
        while (off < n && n - off >= 4 && u16(buf, off) == 9) {
            int p = off + 20;
            while (p + 4 <= n) {
                int sid = u16(buf, p);
                int slen = u16(buf, p + 2);
                if (sid == 9 && p > off + 20) {
                    break;
                }
                if (slen == 0) {
                    int q = p;
                    while (q + 2 <= n && u16(buf, q) != 9) {
                        q += 2;
                    }
                    p = q + 2 <= n ? q : n;
                    break;
                }
                if (slen < 4) {
                    p = n;
                    break;
                }
                p += slen;
            }
            int len = Math.min(p, n) - off;
            out.add(Arrays.copyOfRange(buf, off, off + len));
            off += len;
        }
        assertThat(off).as("payload bytes left unsplit").isEqualTo(n);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
