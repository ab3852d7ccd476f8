package io.github.flowcodec.ipfix;

import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoder's output is accepted by independent decoders, where they are installed (skipped otherwise):
 * <ul>
 *   <li>tshark (Wireshark's cflow dissector) reads a classic pcap of the messages (Ethernet/IPv4/UDP to port
 *       4739, written here) without a malformed packet or an expert error, and finds every record with its
 *       addresses and counters;</li>
 *   <li>nfacctd (pmacct), a real collector listening on a loopback UDP port, accounts every flow: its print
 *       plugin's CSV gives the bytes and packets of each (src, dst, sport, dport, proto).</li>
 * </ul>
 * The messages: templates for IPv4 flows (reduced-size counters, millisecond timestamps, a variable-length
 * interface name, an RFC 5103 reverse counter: PEN 29305) and IPv6 flows, a selector options template
 * (RFC 5476 sampling), refreshed every 3 messages; a sampling options record, 60 IPv4 and 30 IPv6 flow records
 * split over messages of at most 700 bytes; then a template withdrawal message.
 */
class IpfixExternalAcceptanceTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Template V4 = Template.builder(256).field(e("sourceIPv4Address")).field(e("destinationIPv4Address"))
            .field(e("sourceTransportPort")).field(e("destinationTransportPort")).field(e("protocolIdentifier"))
            .field(e("octetDeltaCount"), 8).field(e("packetDeltaCount"), 4).field(e("flowStartMilliseconds"))
            .field(e("flowEndMilliseconds")).field(e("tcpControlBits"), 1).field(e("ipClassOfService"))
            .field(e("ingressInterface"), 2).field(e("egressInterface"), 2).field(e("selectorId"), 2)
            .field(e("interfaceName")).field(Ipfix.reverse(e("octetDeltaCount")), 4).build();
    private static final Template V6 = Template.builder(257).field(e("sourceIPv6Address")).field(e("destinationIPv6Address"))
            .field(e("sourceTransportPort")).field(e("destinationTransportPort")).field(e("protocolIdentifier"))
            .field(e("octetDeltaCount"), 4).field(e("packetDeltaCount"), 4).field(e("flowStartSeconds"))
            .field(e("flowEndSeconds")).build();
    private static final Template SAMPLER = Template.builder(258).scope(e("selectorId"), 2)
            .field(e("selectorAlgorithm"), 1).field(e("samplingPacketInterval"), 4).field(e("samplingPacketSpace"), 4).build();

    private static List<FlowRecord> records;
    private static List<ByteBuffer> packets;
    /** "src dst sport dport proto" -> {bytes, packets}. */
    private static Map<String, long[]> expected;

    @BeforeAll
    static void encode() throws IOException {
        records = new ArrayList<>();
        expected = new TreeMap<>();
        records.add(FlowRecord.builder(SAMPLER).setLong(0, 1).setLong(1, 1).setLong(2, 1).setLong(3, 99).build());
        for (int i = 0; i < 90; i++) {
            boolean v6 = i % 3 == 2;
            InetAddress src = InetAddress.getByName(v6 ? "2001:db8::" + Integer.toHexString(i + 1) : "10.0." + (i / 50) + "." + (i % 50 + 1));
            InetAddress dst = InetAddress.getByName(v6 ? "2001:db8:1::53" : "192.0.2." + (i % 7 + 1));
            int sport = 40_000 + i;
            int dport = v6 ? 53 : 443;
            int proto = v6 ? 17 : 6;
            long bytes = 1000L * (i + 1) + (v6 ? 0 : 5_000_000_000L); // IPv4 counters above 2^32: the 8-byte field
            long pkts = i + 2;
            FlowRecord.Builder b = FlowRecord.builder(v6 ? V6 : V4).setAddress(0, src).setAddress(1, dst).setLong(2, sport).setLong(3, dport)
                    .setLong(4, proto).setLong(5, bytes).setLong(6, pkts);
            if (!v6) {
                b.setLong(7, NOW - 5000).setLong(8, NOW - 1000).setLong(9, 0x18).setLong(10, 0).setLong(11, 3).setLong(12, 5).setLong(13, 1)
                        .setString(14, "ge-0/0/" + i).setLong(15, 10 * i);
            } else {
                b.setLong(7, NOW / 1000 - 5).setLong(8, NOW / 1000 - 1);
            }
            records.add(b.build());
            expected.put(key(src, dst, sport, dport, proto), new long[] {bytes, pkts});
        }
        IpfixEncoder encoder = IpfixEncoder.builder().observationDomainId(42).maxDatagramSize(700).templateRefreshDatagrams(3)
                .clock(() -> NOW).build();
        packets = new ArrayList<>(encoder.encode(records));
        packets.add(encoder.withdrawalDatagram(257));
        assertThat(packets.size()).isGreaterThan(5);
    }

    static String key(InetAddress src, InetAddress dst, int sport, int dport, int proto) {
        return src.getHostAddress() + " " + dst.getHostAddress() + " " + sport + " " + dport + " " + proto;
    }

    private static Optional<Path> tool(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"));
        for (String d : dirs) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------ tshark

    @Test
    void tsharkDecodesEveryRecordWithoutErrors(@TempDir Path dir) throws Exception {
        Optional<Path> tshark = tool("tshark");
        Assumptions.assumeTrue(tshark.isPresent(), "tshark is not installed: skipping the tshark acceptance test");
        Path pcap = dir.resolve("ipfix.pcap");
        Files.write(pcap, pcap(packets));
        Path out = dir.resolve("tshark.out");
        Path err = dir.resolve("tshark.err");
        int rc = run(List.of(tshark.get().toString(), "-n", "-r", pcap.toString(), "-o", "cflow.max_template_fields:0",
                "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "separator=;",
                "-e", "frame.number", "-e", "cflow.version", "-e", "cflow.srcaddr", "-e", "cflow.srcaddrv6", "-e", "cflow.srcport",
                "-e", "cflow.octets", "-e", "cflow.packets", "-e", "cflow.sequence", "-e", "cflow.template_id",
                "-e", "_ws.malformed", "-e", "_ws.expert.severity", "-e", "_ws.expert.message"), out, err, Duration.ofSeconds(90));
        String text = Files.readString(out);
        assertThat(rc).as("tshark exit code; stderr: " + Files.readString(err)).isZero();
        Map<String, long[]> seen = new TreeMap<>();
        java.util.Set<Long> reverse = new java.util.TreeSet<>();
        int frames = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            frames++;
            assertThat(f[1]).as("frame " + f[0] + " is IPFIX").isEqualTo("10");
            assertThat(f[9]).as("malformed in frame " + f[0] + ": " + line).isEmpty();
            for (String severity : f[10].isEmpty() ? new String[0] : f[10].split(",")) {
                assertThat(Long.parseLong(severity)).as("expert info of frame " + f[0] + ": " + f[11]).isLessThan(0x0080_0000L);
            }
            List<String> src = new ArrayList<>();
            if (!f[2].isEmpty()) {
                src.addAll(List.of(f[2].split(",")));
            }
            if (!f[3].isEmpty()) {
                src.addAll(List.of(f[3].split(",")));
            }
            if (f[5].isEmpty()) {
                continue; // templates, options or the withdrawal only
            }
            String[] sport = f[4].split(",");
            // tshark gives RFC 5103 reverse elements (PEN 29305) the forward element's field name: the reverse octet
            // counts (10 * i, below 1000 here) come in the same list as the forward ones (1000 and above)
            List<String> octets = new ArrayList<>();
            for (String o : f[5].split(",")) {
                if (Long.parseLong(o) >= 1000) {
                    octets.add(o);
                } else {
                    reverse.add(Long.parseLong(o));
                }
            }
            String[] pkts = f[6].split(",");
            assertThat(src).hasSameSizeAs(octets);
            // IPv4 and IPv6 records of one message come as two lists: the counters are in set order, so pair them by source port
            for (int i = 0; i < octets.size(); i++) {
                seen.put(sport[i], new long[] {Long.parseLong(octets.get(i)), Long.parseLong(pkts[i])});
            }
        }
        assertThat(frames).isEqualTo(packets.size());
        assertThat(seen).hasSize(90);
        for (Map.Entry<String, long[]> x : expected.entrySet()) {
            String sport = x.getKey().split(" ")[2];
            assertThat(seen.get(sport)).as("tshark's bytes and packets of " + x.getKey()).containsExactly(x.getValue());
        }
        assertThat(text).contains("10.0.0.1").contains("2001:db8::3");
        java.util.Set<Long> sentReverse = new java.util.TreeSet<>();
        for (int i = 0; i < 90; i++) {
            if (i % 3 != 2) {
                sentReverse.add(10L * i);
            }
        }
        assertThat(reverse).as("the reverse octet counts tshark read").isEqualTo(sentReverse);
    }

    @Test
    void tsharkReadsStructuredDataEnterpriseElementsAndTypeRecordsWithoutErrors(@TempDir Path dir) throws Exception {
        Optional<Path> tshark = tool("tshark");
        Assumptions.assumeTrue(tshark.isPresent(), "tshark is not installed: skipping the tshark acceptance test");
        Template label = Template.builder(300).field(e("mplsTopLabelStackSection"), 3).field(e("mplsLabelStackSection2"), 3).build();
        Template v4 = Template.builder(301).field(e("sourceIPv4Address")).field(e("destinationIPv4Address")).field(e("octetDeltaCount"), 4)
                .field(io.github.flowcodec.core.FieldSpec.of(e("basicList"))).field(io.github.flowcodec.core.FieldSpec.of(e("subTemplateList")))
                .field(io.github.flowcodec.core.FieldSpec.of(e("subTemplateMultiList")))
                .field(io.github.flowcodec.core.InformationElement.unknown(4242, 7), io.github.flowcodec.core.FieldSpec.VARIABLE_LENGTH)
                .field(Ipfix.reverse(e("packetDeltaCount")), 4).build();
        Template types = Template.builder(302).scope(e("privateEnterpriseNumber"), 4).scope(e("informationElementId"), 2)
                .field(e("informationElementDataType"), 1).field(e("informationElementSemantics"), 1).field(e("informationElementName")).build();
        io.github.flowcodec.core.FieldSpec asn = io.github.flowcodec.core.FieldSpec.of(e("bgpSourceAsNumber"), 4);
        Template one = BasicList.elementTemplate(asn);
        List<FlowRecord> labels = List.of(FlowRecord.builder(label).setBytes(0, new byte[] {0, 0x10, 0x01}).setBytes(1, new byte[] {0, 0x20, 0x01}).build());
        List<FlowRecord> rs = new ArrayList<>();
        rs.add(FlowRecord.builder(types).setLong(0, 4242).setLong(1, 7).setLong(2, 13).setLong(3, 0).setString(4, "widgetName").build());
        for (int i = 0; i < 20; i++) {
            BasicList asns = new BasicList(ListSemantic.ALL_OF.code(), asn, List.of(FlowRecord.builder(one).setLong(0, 64500 + i).build(),
                    FlowRecord.builder(one).setLong(0, 64600).build()));
            SubTemplateList stl = new SubTemplateList(ListSemantic.ORDERED.code(), label, labels);
            SubTemplateMultiList stml = new SubTemplateMultiList(ListSemantic.ALL_OF.code(),
                    List.of(new SubTemplateList(ListSemantic.ALL_OF.code(), label, labels)));
            rs.add(FlowRecord.builder(v4).setAddress(0, InetAddress.getByName("10.2.0." + (i + 1))).setAddress(1, InetAddress.getByName("10.3.0.1"))
                    .setLong(2, 1000 + i).setBytes(3, asns.toBytes()).setBytes(4, stl.toBytes()).setBytes(5, stml.toBytes())
                    .setString(6, "w" + i).setLong(7, i).build());
        }
        IpfixEncoder encoder = IpfixEncoder.builder().observationDomainId(7).maxDatagramSize(600).templateRefreshDatagrams(2).clock(() -> NOW).build();
        List<ByteBuffer> messages = new ArrayList<>(encoder.encode(List.of(labels.get(0))));
        messages.addAll(encoder.encode(rs));
        messages.add(encoder.withdrawalDatagram(301));
        // RFC 7011 section 8.1: an options template withdrawal record is Template ID + Field Count 0, 4 bytes, like a
        // template withdrawal (no Scope Field Count). tshark 4.0.17 reads a Scope Field Count after it and throws
        // "Malformed Packet" on the withdraw-all message: tshark is wrong there, so it is the one frame allowed to be.
        messages.add(encoder.withdrawAllDatagram());
        int withdrawAllFrame = messages.size();
        Path pcap = dir.resolve("ipfix-structured.pcap");
        Files.write(pcap, pcap(messages));
        Path out = dir.resolve("tshark.out");
        Path err = dir.resolve("tshark.err");
        int rc = run(List.of(tshark.get().toString(), "-n", "-r", pcap.toString(), "-o", "cflow.max_template_fields:0",
                "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "separator=;",
                "-e", "frame.number", "-e", "cflow.version", "-e", "cflow.srcaddr", "-e", "cflow.octets",
                "-e", "_ws.malformed", "-e", "_ws.expert.severity", "-e", "_ws.expert.message"), out, err, Duration.ofSeconds(90));
        assertThat(rc).as("tshark exit code; stderr: " + Files.readString(err)).isZero();
        List<String> sources = new ArrayList<>();
        for (String line : Files.readString(out).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            assertThat(f[1]).isEqualTo("10");
            if (Integer.parseInt(f[0]) == withdrawAllFrame) {
                continue;
            }
            assertThat(f[4]).as("malformed in frame " + f[0] + ": " + line).isEmpty();
            for (String severity : f[5].isEmpty() ? new String[0] : f[5].split(",")) {
                assertThat(Long.parseLong(severity)).as("expert info of frame " + f[0] + ": " + f[6]).isLessThan(0x0080_0000L);
            }
            if (!f[2].isEmpty()) {
                sources.addAll(List.of(f[2].split(",")));
            }
        }
        assertThat(sources).hasSize(20).contains("10.2.0.1", "10.2.0.20");
    }

    /** A classic pcap (microseconds, Ethernet) of the packets as UDP datagrams from 127.0.0.1:50000 to 127.0.0.1:4739. */
    static byte[] pcap(List<ByteBuffer> datagrams) {
        int size = 24;
        for (ByteBuffer d : datagrams) {
            size += 16 + 14 + 20 + 8 + d.remaining();
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        long micros = NOW * 1000;
        for (ByteBuffer d : datagrams) {
            int payload = d.remaining();
            int frame = 14 + 20 + 8 + payload;
            b.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame).putInt(frame);
            micros += 1000;
            ByteBuffer be = b.slice().order(ByteOrder.BIG_ENDIAN);
            // Ethernet
            be.put(new byte[] {0, 0, 0, 0, 0, 2}).put(new byte[] {0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            // IPv4
            int ip = be.position();
            be.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + payload)).putShort((short) 1).putShort((short) 0x4000)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            be.putShort(ip + 10, (short) ipChecksum(be, ip));
            // UDP (checksum 0: none)
            be.putShort((short) 50000).putShort((short) 4739).putShort((short) (8 + payload)).putShort((short) 0);
            be.put(d.duplicate());
            b.position(b.position() + frame);
        }
        return b.array();
    }

    private static int ipChecksum(ByteBuffer b, int at) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += b.getShort(at + i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return ~sum & 0xFFFF;
    }

    // ------------------------------------------------------------------------------------ nfacctd

    @Test
    void nfacctdAccountsEveryFlow(@TempDir Path dir) throws Exception {
        Optional<Path> nfacctd = tool("nfacctd");
        Assumptions.assumeTrue(nfacctd.isPresent(), "nfacctd (pmacct) is not installed: skipping the collector acceptance test");
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = probe.getLocalPort();
        }
        Path conf = dir.resolve("nfacctd.conf");
        Files.writeString(conf, String.join("\n",
                "daemonize: false",
                "nfacctd_ip: 127.0.0.1",
                "nfacctd_port: " + port,
                "plugins: print[flows]",
                "aggregate[flows]: src_host, dst_host, src_port, dst_port, proto",
                "print_output[flows]: csv",
                "print_refresh_time[flows]: 1",
                "print_cache_entries[flows]: 1024",
                ""));
        Path out = dir.resolve("nfacctd.out");
        Path err = dir.resolve("nfacctd.err");
        Process p = new ProcessBuilder(nfacctd.get().toString(), "-f", conf.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(waitFor(() -> Files.readString(err).contains("waiting for NetFlow/IPFIX data"), Duration.ofSeconds(20)))
                    .as("nfacctd listening; stderr: " + Files.readString(err)).isTrue();
            try (DatagramSocket s = new DatagramSocket()) {
                for (ByteBuffer d : packets) {
                    byte[] bytes = new byte[d.remaining()];
                    d.duplicate().get(bytes);
                    s.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", port)));
                    Thread.sleep(5);
                }
            }
            java.util.concurrent.atomic.AtomicReference<Map<String, long[]>> accounted = new java.util.concurrent.atomic.AtomicReference<>(Map.of());
            boolean complete = waitFor(() -> {
                accounted.set(parseNfacctd(Files.readString(out)));
                return accounted.get().size() >= expected.size();
            }, Duration.ofSeconds(30));
            assertThat(complete).as("nfacctd printed every flow; stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err)).isTrue();
            Thread.sleep(1500); // one more refresh: nothing is counted twice
            accounted.set(parseNfacctd(Files.readString(out)));
            assertThat(accounted.get().keySet()).isEqualTo(expected.keySet());
            for (Map.Entry<String, long[]> x : expected.entrySet()) {
                assertThat(accounted.get().get(x.getKey())).as("nfacctd's bytes and packets of " + x.getKey()).containsExactly(x.getValue());
            }
            assertThat(Files.readString(err)).doesNotContain("ERROR");
        } finally {
            // nfacctd's core process does not always end on SIGTERM: kill it and its plugin processes outright
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("nfacctd ended").isTrue();
        }
    }

    /** Sums the print plugin's CSV lines (SRC_IP,DST_IP,SRC_PORT,DST_PORT,PROTOCOL,PACKETS,BYTES) by key. */
    static Map<String, long[]> parseNfacctd(String csv) throws IOException {
        Map<String, long[]> m = new TreeMap<>();
        for (String line : csv.split("\n")) {
            String[] f = line.trim().split(",");
            if (f.length != 7 || f[0].equals("SRC_IP")) {
                continue;
            }
            int proto = switch (f[4]) {
                case "tcp" -> 6;
                case "udp" -> 17;
                default -> Integer.parseInt(f[4]);
            };
            String k = key(InetAddress.getByName(f[0]), InetAddress.getByName(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), proto);
            long[] v = m.computeIfAbsent(k, x -> new long[2]);
            v[0] += Long.parseLong(f[6]);
            v[1] += Long.parseLong(f[5]);
        }
        return m;
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static boolean waitFor(Check c, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (c.ok()) {
                return true;
            }
            Thread.sleep(200);
        }
        return c.ok();
    }

    private static int run(List<String> command, Path out, Path err, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(command.get(0) + " did not finish in " + timeout);
            }
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

}
