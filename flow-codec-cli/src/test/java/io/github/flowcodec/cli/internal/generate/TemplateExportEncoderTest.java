package io.github.flowcodec.cli.internal.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NetFlow v9 and IPFIX export the same flow in the same fields, found here by element name: addresses, next hop,
 * interfaces, counters, ports, flags, protocol, ToS, AS numbers, prefix lengths and, when sampled, the sampler;
 * only the times (sys_uptime offsets, absolute milliseconds) and IPFIX's ICMP type and code differ.
 */
class TemplateExportEncoderTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final long NOW = 1_700_000_000_123L;
    private static final long UPTIME_AT_START = 3_600_000L;

    @ParameterizedTest
    @EnumSource(value = ExportProtocol.class, names = {"netflow9", "ipfix"})
    void everyFlowIsInItsIpVersionsTemplateWithTheFlowsValues(ExportProtocol protocol) throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        ExportEncoder encoder = protocol.newEncoder(clock, 10);
        List<SyntheticFlow> flows = new TrafficModel(7, protocol.ipv6Fraction()).flows(400, NOW);
        List<FlowRecord> records = encoder.records(flows);

        assertThat(records).hasSameSizeAs(flows);
        assertThat(flows).anySatisfy(f -> assertThat(f.srcAddr()).isNotInstanceOf(Inet4Address.class));
        assertThat(flows).anySatisfy(f -> assertThat(f.protocol()).isEqualTo(1));
        boolean ipfix = protocol == ExportProtocol.ipfix;
        for (int k = 0; k < flows.size(); k++) {
            SyntheticFlow f = flows.get(k);
            FlowRecord r = records.get(k);
            boolean v4 = f.srcAddr() instanceof Inet4Address;
            String ip = v4 ? "IPv4" : "IPv6";
            boolean icmp = f.protocol() == 1;
            boolean portsAsSent = !ipfix || !icmp;
            assertThat(r.template().id()).isEqualTo(v4 ? 256 : 257);
            assertThat(address(r, "source" + ip + "Address")).isEqualTo(f.srcAddr());
            assertThat(address(r, "destination" + ip + "Address")).isEqualTo(f.dstAddr());
            InetAddress nextHop = address(r, "ipNextHop" + ip + "Address");
            assertThat(nextHop.equals(f.nextHop()) || nextHop.isAnyLocalAddress()).isTrue();
            assertThat(value(r, "ingressInterface")).isEqualTo(f.inputInterface());
            assertThat(value(r, "egressInterface")).isEqualTo(f.outputInterface());
            assertThat(value(r, "packetDeltaCount")).isEqualTo(f.packets());
            assertThat(value(r, "octetDeltaCount")).isEqualTo(f.octets());
            assertThat(value(r, "sourceTransportPort")).isEqualTo(portsAsSent ? f.srcPort() : 0);
            assertThat(value(r, "destinationTransportPort")).isEqualTo(portsAsSent ? f.dstPort() : 0);
            assertThat(value(r, "tcpControlBits")).isEqualTo(f.tcpFlags());
            assertThat(value(r, "protocolIdentifier")).isEqualTo(ipfix && icmp && !v4 ? 58 : f.protocol());
            assertThat(value(r, "ipClassOfService")).isEqualTo(f.tos());
            assertThat(value(r, "bgpSourceAsNumber")).isEqualTo(f.srcAs() & 0xFFFF_FFFFL);
            assertThat(value(r, "bgpDestinationAsNumber")).isEqualTo(f.dstAs() & 0xFFFF_FFFFL);
            assertThat(value(r, "source" + ip + "PrefixLength")).isEqualTo(f.srcMask());
            assertThat(value(r, "destination" + ip + "PrefixLength")).isEqualTo(f.dstMask());
            assertThat(value(r, ipfix ? "selectorId" : "samplerId")).isEqualTo(1);
            if (ipfix) {
                assertThat(value(r, "flowStartMilliseconds")).isEqualTo(f.startMillis());
                assertThat(value(r, "flowEndMilliseconds")).isEqualTo(f.endMillis());
                assertThat(r.template().indexOf(IANA.require("icmpTypeCode" + ip))).isEqualTo(11);
            } else {
                long boot = NOW - UPTIME_AT_START;
                assertThat(value(r, "flowStartSysUpTime")).isEqualTo((f.startMillis() - boot) & 0xFFFF_FFFFL);
                assertThat(value(r, "flowEndSysUpTime")).isEqualTo((f.endMillis() - boot) & 0xFFFF_FFFFL);
                assertThat(r.template().indexOf(IANA.require("icmpTypeCode" + ip))).isNegative();
            }
            assertThat(r.template().indexOf(IANA.require(ipfix ? "selectorId" : "samplerId")))
                    .isEqualTo(r.template().fieldCount() - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExportProtocol.class, names = {"netflow9", "ipfix"})
    void anUnsampledExporterNamesNoSamplerAndSendsNoOptionsRecord(ExportProtocol protocol) {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        ExportEncoder encoder = protocol.newEncoder(clock, 1);
        List<FlowRecord> records = encoder.records(new TrafficModel(7, protocol.ipv6Fraction()).flows(100, NOW));

        assertThat(encoder.encode(records)).isNotEmpty();
        assertThat(encoder.sentAlongside()).isEmpty();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.template().indexOf(IANA.require("samplerId"))).isNegative();
            assertThat(r.template().indexOf(IANA.require("selectorId"))).isNegative();
        });
    }

    private static long value(FlowRecord r, String element) {
        int index = r.template().indexOf(IANA.require(element));
        assertThat(index).as(element).isNotNegative();
        return r.getLong(index);
    }

    private static InetAddress address(FlowRecord r, String element) {
        int index = r.template().indexOf(IANA.require(element));
        assertThat(index).as(element).isNotNegative();
        return r.getAddress(index);
    }
}
