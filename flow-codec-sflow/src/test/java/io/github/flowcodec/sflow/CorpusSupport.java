package io.github.flowcodec.sflow;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.sflow.internal.FlowMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Test helpers: the corpus location, a classic-pcap reader (Ethernet / IPv4 or IPv6 / UDP only), a flat JSON
 * line parser and the tshark-style keys of one flow record with its sFlow context.
 */
final class CorpusSupport {

    static final Path CORPUS = Path.of("../../shared/corpus");

    private CorpusSupport() {
    }

    /** One UDP datagram of a capture. */
    record Udp(int frame, InetAddress source, int sourcePort, int destinationPort, byte[] payload) {
    }

    /**
     * The sFlow files of the corpus ({@code sflow5/} and {@code mixed/}) whose names end in one of {@code suffixes},
     * sorted, as test arguments; one "(corpus absent)" argument when there is no corpus (the test then skips).
     */
    static Stream<Arguments> sflowFiles(String... suffixes) throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return Stream.of(Arguments.of("(corpus absent)"));
        }
        List<Arguments> out = new ArrayList<>();
        for (String dir : List.of("sflow5", "mixed")) {
            try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
                s.map(p -> dir + "/" + p.getFileName()).filter(n -> Stream.of(suffixes).anyMatch(n::endsWith)).sorted()
                        .forEach(n -> out.add(Arguments.of(n)));
            }
        }
        return out.stream();
    }

    /** The UDP datagrams of a classic pcap with Ethernet link type (802.1Q tags skipped). */
    static List<Udp> readPcap(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.getInt(0);
        if (magic == 0xD4C3B2A1) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != 0xA1B2C3D4) {
            throw new IOException(file + ": not a classic pcap (magic " + Integer.toHexString(magic) + ")");
        }
        if (b.getInt(20) != 1) {
            throw new IOException(file + ": link type " + b.getInt(20) + ", only Ethernet (1) is read");
        }
        List<Udp> out = new ArrayList<>();
        int p = 24;
        int frame = 0;
        while (p + 16 <= b.limit()) {
            int caplen = b.getInt(p + 8);
            int start = p + 16;
            frame++;
            ByteBuffer f = ByteBuffer.wrap(b.array(), start, caplen).slice();
            Udp u = udp(frame, f);
            if (u != null) {
                out.add(u);
            }
            p = start + caplen;
        }
        return out;
    }

    private static Udp udp(int frame, ByteBuffer f) throws UnknownHostException {
        int q = 12;
        int type = f.getShort(q) & 0xFFFF;
        q += 2;
        while (type == 0x8100 || type == 0x88A8) {
            type = f.getShort(q + 2) & 0xFFFF;
            q += 4;
        }
        InetAddress src;
        int l4;
        if (type == 0x0800) {
            int ihl = (f.get(q) & 0xF) * 4;
            if ((f.get(q + 9) & 0xFF) != 17) {
                return null;
            }
            byte[] a = new byte[4];
            f.get(q + 12, a);
            src = InetAddress.getByAddress(a);
            l4 = q + ihl;
        } else if (type == 0x86DD) {
            if ((f.get(q + 6) & 0xFF) != 17) {
                return null;
            }
            byte[] a = new byte[16];
            f.get(q + 8, a);
            src = InetAddress.getByAddress(a);
            l4 = q + 40;
        } else {
            return null;
        }
        int sport = f.getShort(l4) & 0xFFFF;
        int dport = f.getShort(l4 + 2) & 0xFFFF;
        int ulen = f.getShort(l4 + 4) & 0xFFFF;
        int n = Math.min(ulen - 8, f.limit() - l4 - 8);
        byte[] payload = new byte[n];
        f.get(l4 + 8, payload);
        return new Udp(frame, src, sport, dport, payload);
    }

    private static final Pattern PAIR = Pattern.compile("\"([a-z_]+)\": (\"[^\"]*\"|-?\\d+)");

    /** A flat JSON object line as key to value (strings without their quotes). */
    static Map<String, String> parseLine(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = PAIR.matcher(line);
        while (x.find()) {
            String v = x.group(2);
            m.put(x.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
        }
        return m;
    }

    /** The expected lines of a capture. */
    static List<Map<String, String>> expected(String name) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        Path p = CORPUS.resolve("expected/" + name + ".flows.jsonl");
        for (String line : Files.readAllLines(p)) {
            if (!line.isBlank()) {
                out.add(parseLine(line));
            }
        }
        return out;
    }

    /** An address as tshark and Python print it (IPv6 compressed per RFC 5952). */
    static String address(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return a.getHostAddress();
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    static String mac(byte[] m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", m[i] & 0xFF));
        }
        return sb.toString();
    }

    /** The tshark-style keys this module can produce for one flow sample: its record and its context. */
    static Map<String, String> keys(SflowSampleContext ctx, FlowFields r, String samplerAddress) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", ctx.protocol().jsonName());
        m.put("sampler_address", samplerAddress);
        m.put("sequence_num", Long.toString(ctx.sequenceNumber()));
        if (ctx.agentAddress() != null) {
            m.put("agent_address", address(ctx.agentAddress()));
        }
        m.put("sub_agent_id", Long.toString(ctx.subAgentId()));
        m.put("sample_type", ctx.sampleTypeName());
        m.put("sample_seq", Long.toString(ctx.sampleSequenceNumber()));
        Template t = r.template();
        num(m, "sampling_rate", r, t, FlowMapper.SAMPLING_INTERVAL);
        num(m, "in_if", r, t, FlowMapper.INGRESS_INTERFACE);
        num(m, "out_if", r, t, FlowMapper.EGRESS_INTERFACE);
        num(m, "src_vlan", r, t, FlowMapper.VLAN);
        num(m, "dst_vlan", r, t, FlowMapper.POST_VLAN);
        num(m, "bytes", r, t, FlowMapper.OCTETS);
        num(m, "packets", r, t, FlowMapper.PACKETS);
        macKey(m, "src_mac", r, t, FlowMapper.SRC_MAC);
        macKey(m, "dst_mac", r, t, FlowMapper.DST_MAC);
        num(m, "vlan_id", r, t, FlowMapper.DOT1Q_VLAN);
        addr(m, "src_addr", r, t, FlowMapper.SRC_IPV4, FlowMapper.SRC_IPV6);
        addr(m, "dst_addr", r, t, FlowMapper.DST_IPV4, FlowMapper.DST_IPV6);
        num(m, "proto", r, t, FlowMapper.PROTOCOL);
        num(m, "ip_tos", r, t, FlowMapper.TOS);
        num(m, "src_port", r, t, FlowMapper.SRC_PORT);
        num(m, "dst_port", r, t, FlowMapper.DST_PORT);
        num(m, "tcp_flags", r, t, FlowMapper.TCP_FLAGS);
        addr(m, "next_hop", r, t, FlowMapper.NEXT_HOP_V4, FlowMapper.NEXT_HOP_V6);
        num(m, "src_as", r, t, FlowMapper.SRC_AS);
        num(m, "dst_as", r, t, FlowMapper.DST_AS);
        return m;
    }

    private static void num(Map<String, String> m, String key, FlowFields r, Template t, InformationElement e) {
        int i = t.indexOf(e);
        if (i >= 0) {
            m.put(key, Long.toUnsignedString(r.getLong(i)));
        }
    }

    private static void macKey(Map<String, String> m, String key, FlowFields r, Template t, InformationElement e) {
        int i = t.indexOf(e);
        if (i >= 0) {
            m.put(key, mac(r.getBytes(i)));
        }
    }

    private static void addr(Map<String, String> m, String key, FlowFields r, Template t, InformationElement v4,
            InformationElement v6) {
        int i = t.indexOf(v4);
        if (i < 0) {
            i = t.indexOf(v6);
        }
        if (i >= 0) {
            m.put(key, address(r.getAddress(i)));
        }
    }
}
