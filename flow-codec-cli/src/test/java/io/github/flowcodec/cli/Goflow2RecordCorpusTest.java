package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.JsonLayout;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowRecordView;
import io.github.flowcodec.sflow.SflowSampleView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code decode}'s default JSON of every capture of the corpus is goflow2's record: every key of goflow2's
 * FlowMessage in its order on every line, {@code etype} and {@code proto} as names, and every value what the
 * compact line of the same record says, rendered goflow2's way (a field the record does not have: 0, {@code ""}
 * for an address, zeros for a MAC, {@code []} for a list; {@code uint32} fields cut to 32 bits); and sFlow's
 * sampled Ethernet headers give their layers.
 */
class Goflow2RecordCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final Set<String> ARRAYS = Set.of("bgp_communities", "as_path", "mpls_ttl", "mpls_label", "mpls_ip",
            "layer_stack", "layer_size", "ipv6_routing_header_addresses");
    private static final Set<String> ADDRESSES = Set.of("sampler_address", "src_addr", "dst_addr", "next_hop", "bgp_next_hop");
    private static final Set<String> UINT64 = Set.of("time_received_ns", "sampling_rate", "time_flow_start_ns",
            "time_flow_end_ns", "bytes", "packets");
    /** The protocols of the corpus by number, as IANA names them (and as goflow2 does the numbers IANA has not assigned). */
    private static final Map<String, String> PROTOCOLS = Map.ofEntries(Map.entry("0", "HOPOPT"), Map.entry("1", "ICMP"),
            Map.entry("2", "IGMP"), Map.entry("4", "IPv4"), Map.entry("6", "TCP"), Map.entry("17", "UDP"), Map.entry("41", "IPv6"),
            Map.entry("47", "GRE"), Map.entry("50", "ESP"), Map.entry("58", "IPv6-ICMP"), Map.entry("61", "any-host-internal-protocol"),
            Map.entry("63", "any-local-network"), Map.entry("89", "OSPFIGP"), Map.entry("103", "PIM"), Map.entry("112", "VRRP"),
            Map.entry("132", "SCTP"));

    private static String protocolName(String number) {
        int n = Integer.parseInt(number);
        if (n >= 146 && n <= 252) {
            return "unassigned";
        }
        return n == 253 || n == 254 ? "experimental" : n == 255 ? "reserved" : PROTOCOLS.get(number);
    }

    private static List<Path> captures() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng") || p.toString().endsWith(".ipfix"))
                    .filter(p -> !p.startsWith(CORPUS.resolve("expected"))).sorted().collect(Collectors.toList());
        }
    }

    private static List<Map<String, String>> decode(Path capture, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlowOutput o = FlowOutput.of(format, out, false)) {
            new CaptureDecoding(o, new PrintWriter(new StringWriter()), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                    .decodeFile(capture);
        }
        return JsonLines.parse(out.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> everyLineIsGoflow2sRecord() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the goflow2 record corpus test");
        return captures().stream().map(capture -> DynamicTest.dynamicTest(CORPUS.relativize(capture).toString(), () -> {
            List<Map<String, String>> goflow2 = decode(capture, "json");
            List<Map<String, String>> compact = decode(capture, "json-compact");
            assertThat(goflow2).hasSameSizeAs(compact);
            for (int i = 0; i < goflow2.size(); i++) {
                compare(goflow2.get(i), compact.get(i), capture + " record " + i);
            }
        }));
    }

    /**
     * goflow2 walks the sampled header of every sFlow flow sample whose (first) raw packet header record is Ethernet:
     * each such record's line has a layer_stack starting with Ethernet and a layer_size starting with its 14 bytes
     * (when the record holds 14 bytes of header); every other record's layer_stack is empty.
     */
    @TestFactory
    Stream<DynamicTest> everySampledEthernetHeaderHasItsLayers() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent: skipping the goflow2 record corpus test");
        return captures().stream().map(capture -> DynamicTest.dynamicTest(CORPUS.relativize(capture).toString(), () -> {
            List<Boolean> ethernet = new ArrayList<>();
            FlowOutput probe = new FlowOutput() {
                @Override
                public void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) {
                    ethernet.add(sampledEthernet(ctx));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            new CaptureDecoding(probe, new PrintWriter(new StringWriter()), DecoderOptions.builder().mode(DecodeMode.LENIENT).build())
                    .decodeFile(capture);
            List<Map<String, String>> lines = decode(capture, "json");
            assertThat(lines).hasSameSizeAs(ethernet);
            for (int i = 0; i < lines.size(); i++) {
                String what = capture + " record " + i;
                if (ethernet.get(i)) {
                    assertThat(lines.get(i).get("layer_stack")).as(what).startsWith("[\"Ethernet\"");
                    assertThat(lines.get(i).get("layer_size")).as(what).startsWith("[14");
                } else {
                    assertThat(lines.get(i).get("layer_stack")).as(what).isEqualTo("[]");
                }
            }
        }));
    }

    /** Whether the record is an sFlow flow sample's whose first raw packet header record holds 14 bytes of Ethernet. */
    private static boolean sampledEthernet(ExportContext ctx) {
        if (!(ctx instanceof SflowSampleView v)) {
            return false;
        }
        SflowRecordView r = v.records();
        while (r.next()) {
            if (r.isFlowRecord() && r.isStandard(Sflow.FLOW_RAW_HEADER)) {
                return r.length() >= 16 && r.headerProtocol() == Sflow.HEADER_ETHERNET && Math.min(r.u32(12), r.length() - 16) >= 14;
            }
        }
        return false;
    }

    private static void compare(Map<String, String> line, Map<String, String> compact, String what) {
        assertThat(line.keySet()).as(what).containsExactlyElementsOf(JsonLayout.GOFLOW2.keys());
        for (Map.Entry<String, String> e : line.entrySet()) {
            String key = e.getKey();
            String got = e.getValue();
            String had = compact.get(key);
            String want;
            if (ARRAYS.contains(key)) {
                want = had == null ? "[]" : had; // the lists the record has (as_path, mpls_label ...) as the compact line has them
                assertThat(had).as("%s: %s in the compact line", what, key).isNotEqualTo("[]");
            } else if (key.equals("etype")) {
                want = had == null ? "" : switch (had) {
                    case "2048" -> "IPv4";
                    case "34525" -> "IPv6";
                    case "2054" -> "ARP";
                    default -> "";
                };
            } else if (key.equals("proto")) {
                want = protocolName(had == null ? "0" : had);
                assertThat(want).as("%s: protocol %s is one the test knows", what, had).isNotNull();
            } else if (ADDRESSES.contains(key)) {
                want = had == null ? "" : had;
            } else if (key.endsWith("_mac")) {
                want = had == null ? "00:00:00:00:00:00" : had;
            } else if (key.endsWith("_net")) {
                String address = compact.get(key.equals("src_net") ? "src_addr" : "dst_addr");
                want = had != null ? had : address == null ? "invalid Prefix" : address.contains(":") ? "::/0" : "0.0.0.0/0";
            } else if (key.equals("type")) {
                want = had;
            } else {
                long v = had == null ? 0 : Long.parseUnsignedLong(had);
                want = Long.toUnsignedString(UINT64.contains(key) ? v : v & 0xFFFF_FFFFL);
            }
            assertThat(got).as("%s: %s (compact: %s)", what, key, had).isEqualTo(want);
        }
    }
}
