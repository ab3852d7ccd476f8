package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The counter samples of the telegraf payloads against telegraf's own expected output (a second reference
 * besides tshark, which misreads some of them): every interface, Ethernet and port-name counter telegraf
 * prints, counter sample by counter sample.
 */
class SflowTelegrafGoldenTest {

    private static final Map<String, Function<CounterData.GenericInterface, Long>> GENERIC = new LinkedHashMap<>();
    private static final Map<String, Function<CounterData.Ethernet, Long>> ETHERNET = new LinkedHashMap<>();

    static {
        GENERIC.put("interface", CounterData.GenericInterface::ifIndex);
        GENERIC.put("in_snmp", CounterData.GenericInterface::ifIndex);
        GENERIC.put("interface_type", CounterData.GenericInterface::ifType);
        GENERIC.put("speed", CounterData.GenericInterface::ifSpeed);
        GENERIC.put("in_bytes", CounterData.GenericInterface::ifInOctets);
        GENERIC.put("in_unicast_packets_total", CounterData.GenericInterface::ifInUcastPkts);
        GENERIC.put("in_mcast_packets_total", CounterData.GenericInterface::ifInMulticastPkts);
        GENERIC.put("in_broadcast_packets_total", CounterData.GenericInterface::ifInBroadcastPkts);
        GENERIC.put("in_dropped_packets", CounterData.GenericInterface::ifInDiscards);
        GENERIC.put("in_errors", CounterData.GenericInterface::ifInErrors);
        GENERIC.put("in_unknown_protocol", CounterData.GenericInterface::ifInUnknownProtos);
        GENERIC.put("out_bytes", CounterData.GenericInterface::ifOutOctets);
        GENERIC.put("out_unicast_packets_total", CounterData.GenericInterface::ifOutUcastPkts);
        GENERIC.put("out_mcast_packets_total", CounterData.GenericInterface::ifOutMulticastPkts);
        GENERIC.put("out_broadcast_packets_total", CounterData.GenericInterface::ifOutBroadcastPkts);
        GENERIC.put("out_dropped_packets", CounterData.GenericInterface::ifOutDiscards);
        GENERIC.put("out_errors", CounterData.GenericInterface::ifOutErrors);
        GENERIC.put("promiscuous", CounterData.GenericInterface::ifPromiscuousMode);
        ETHERNET.put("errors_alignment", CounterData.Ethernet::dot3StatsAlignmentErrors);
        ETHERNET.put("errors_fcs", CounterData.Ethernet::dot3StatsFCSErrors);
        ETHERNET.put("collision_frames_single", CounterData.Ethernet::dot3StatsSingleCollisionFrames);
        ETHERNET.put("collision_frames_multi", CounterData.Ethernet::dot3StatsMultipleCollisionFrames);
        ETHERNET.put("errors_sqetest", CounterData.Ethernet::dot3StatsSQETestErrors);
        ETHERNET.put("deferred", CounterData.Ethernet::dot3StatsDeferredTransmissions);
        ETHERNET.put("collisions_late", CounterData.Ethernet::dot3StatsLateCollisions);
        ETHERNET.put("collisions_excessive", CounterData.Ethernet::dot3StatsExcessiveCollisions);
        ETHERNET.put("errors_internal_mac_tx", CounterData.Ethernet::dot3StatsInternalMacTransmitErrors);
        ETHERNET.put("errors_carrier_sense", CounterData.Ethernet::dot3StatsCarrierSenseErrors);
        ETHERNET.put("errors_frame_too_long", CounterData.Ethernet::dot3StatsFrameTooLongs);
        ETHERNET.put("errors_internal_mac_rx", CounterData.Ethernet::dot3StatsInternalMacReceiveErrors);
        ETHERNET.put("errors_symbols", CounterData.Ethernet::dot3StatsSymbolErrors);
    }

    private static final Pattern FIELD = Pattern.compile("([a-z_]+)=(\"[^\"]*\"|[0-9]+u)");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sflow5/telegraf_sflow_dell_s4048_dnos9_counters_message.bin, telegraf_sflow_dell_s4048_dnos9_counters",
        "sflow5/telegraf_sflow_v5_example_sflow_v5.bin, telegraf_sflow_v5_example",
        "sflow5/telegraf_sflow_issue_15918_message.bin, telegraf_sflow_issue_15918",
    })
    void countersAgreeWithTelegraf(String payload, String golden) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CorpusSupport.CORPUS), "../shared/corpus is absent: skipping the telegraf golden test");
        SflowDatagram d = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(Files.readAllBytes(CorpusSupport.CORPUS.resolve(payload))));
        List<CounterSample> counters = new ArrayList<>();
        for (SflowSample s : d.samples()) {
            if (s instanceof CounterSample c) {
                counters.add(c);
            }
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(CorpusSupport.CORPUS.resolve("golden/" + golden + ".expected.out"))) {
            if (line.contains("in_bytes=")) {
                Map<String, String> m = new LinkedHashMap<>();
                Matcher x = FIELD.matcher(line);
                while (x.find()) {
                    String v = x.group(2);
                    m.put(x.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : v.substring(0, v.length() - 1));
                }
                lines.add(m);
            }
        }
        assertThat(counters).hasSameSizeAs(lines).isNotEmpty();
        int compared = 0;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> want = lines.get(i);
            assertThat(want.get("agent_subid")).isEqualTo(Long.toString(d.subAgentId()));
            for (CounterData r : counters.get(i).records()) {
                if (r instanceof CounterData.GenericInterface g) {
                    for (var e : GENERIC.entrySet()) {
                        if (want.containsKey(e.getKey())) {
                            assertThat(Long.toUnsignedString(e.getValue().apply(g))).as(e.getKey()).isEqualTo(want.get(e.getKey()));
                            compared++;
                        }
                    }
                    assertThat(want.get("status")).isEqualTo((g.ifStatus() & 2) != 0 ? "up" : "down");
                } else if (r instanceof CounterData.Ethernet eth) {
                    for (var e : ETHERNET.entrySet()) {
                        if (want.containsKey(e.getKey())) {
                            assertThat(Long.toUnsignedString(e.getValue().apply(eth))).as(e.getKey()).isEqualTo(want.get(e.getKey()));
                            compared++;
                        }
                    }
                } else if (r instanceof CounterData.PortName p) {
                    assertThat(p.name()).isEqualTo(want.get("port_name"));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(15);
    }
}
