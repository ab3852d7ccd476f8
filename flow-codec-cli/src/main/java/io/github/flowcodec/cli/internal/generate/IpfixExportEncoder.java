package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.IpfixEncoder;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * IPFIX export as a router's flow monitor sends it over UDP: one template for IPv4 flows (256) and one for
 * IPv6 (257), absolute flowStartMilliseconds/flowEndMilliseconds, ICMP type and code in icmpTypeCodeIPv4/IPv6
 * (the ports are 0 for ICMP), the observation domain of the exporter, and the templates resent every N
 * messages. When sampled, each data record names selector 1 (selectorId) and an options template (258, RFC 5476
 * Selector Report Interpretation: scope selectorId; selectorAlgorithm 3, random n-out-of-N, with samplingSize 1
 * and samplingPopulation N) gives its record, sent first and again with every template refresh.
 */
public final class IpfixExportEncoder implements ExportEncoder {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final int SELECTOR_ID = 1;
    /** RFC 5477 / IANA psamp-parameters: random n-out-of-N sampling. */
    private static final int RANDOM_N_OUT_OF_N = 3;
    private static final int MAX_MESSAGE_SIZE = 1400;

    private final int samplingInterval;
    private final IpfixEncoder encoder;
    private final MessageSplitter splitter;
    private final Template ipv4;
    private final Template ipv6;
    private final Template selectorOptions;

    public IpfixExportEncoder(Clock clock, ExporterSettings settings) {
        this.samplingInterval = settings.samplingInterval();
        this.encoder = IpfixEncoder.builder().clock(clock::millis).observationDomainId(settings.sourceId())
                .maxMessageSize(MAX_MESSAGE_SIZE).templateRefreshMessages(settings.templateRefresh())
                .templateRefreshInterval(Duration.ZERO).build();
        this.splitter = new MessageSplitter(encoder::encode, MAX_MESSAGE_SIZE, settings.templateRefresh());
        this.ipv4 = template(256, false);
        this.ipv6 = template(257, true);
        this.selectorOptions = Template.options(258, 1, List.of(
                FieldSpec.of(IANA.require("selectorId"), 8),
                FieldSpec.of(IANA.require("selectorAlgorithm"), 2),
                FieldSpec.of(IANA.require("samplingSize"), 4),
                FieldSpec.of(IANA.require("samplingPopulation"), 4)));
    }

    private Template template(int id, boolean v6) {
        Template.Builder b = Template.builder(id);
        b.field(IANA.require(v6 ? "sourceIPv6Address" : "sourceIPv4Address"))
                .field(IANA.require(v6 ? "destinationIPv6Address" : "destinationIPv4Address"))
                .field(IANA.require(v6 ? "ipNextHopIPv6Address" : "ipNextHopIPv4Address"))
                .field(IANA.require("ingressInterface"), 4)
                .field(IANA.require("egressInterface"), 4)
                .field(IANA.require("packetDeltaCount"), 8)
                .field(IANA.require("octetDeltaCount"), 8)
                .field(IANA.require("flowStartMilliseconds"))
                .field(IANA.require("flowEndMilliseconds"))
                .field(IANA.require("sourceTransportPort"))
                .field(IANA.require("destinationTransportPort"))
                .field(IANA.require(v6 ? "icmpTypeCodeIPv6" : "icmpTypeCodeIPv4"))
                .field(IANA.require("tcpControlBits"), 2)
                .field(IANA.require("protocolIdentifier"))
                .field(IANA.require("ipClassOfService"))
                .field(IANA.require("bgpSourceAsNumber"))
                .field(IANA.require("bgpDestinationAsNumber"))
                .field(IANA.require(v6 ? "sourceIPv6PrefixLength" : "sourceIPv4PrefixLength"))
                .field(IANA.require(v6 ? "destinationIPv6PrefixLength" : "destinationIPv4PrefixLength"));
        if (samplingInterval > 1) {
            b.field(IANA.require("selectorId"), 2);
        }
        return b.build();
    }

    @Override
    public List<FlowRecord> records(List<SyntheticFlow> flows) {
        List<FlowRecord> out = new ArrayList<>(flows.size());
        for (SyntheticFlow f : flows) {
            boolean v4 = f.srcAddr() instanceof Inet4Address;
            Template t = v4 ? ipv4 : ipv6;
            boolean icmp = f.protocol() == 1;
            int protocol = icmp && !v4 ? 58 : f.protocol(); // ICMP over IPv6 is ICMPv6: echo request/reply are 128/129
            int typeCode = !icmp ? 0 : v4 ? f.dstPort() : (f.dstPort() == 0 ? 129 << 8 : 128 << 8);
            FlowRecord.Builder r = FlowRecord.builder(t)
                    .setAddress(0, f.srcAddr()).setAddress(1, f.dstAddr())
                    .setAddress(2, v4 == (f.nextHop() instanceof Inet4Address) ? f.nextHop() : zero(v4))
                    .setLong(3, f.inputInterface()).setLong(4, f.outputInterface())
                    .setLong(5, f.packets()).setLong(6, f.octets())
                    .setLong(7, f.startMillis()).setLong(8, f.endMillis())
                    .setLong(9, icmp ? 0 : f.srcPort()).setLong(10, icmp ? 0 : f.dstPort()).setLong(11, typeCode)
                    .setLong(12, f.tcpFlags()).setLong(13, protocol).setLong(14, f.tos())
                    .setLong(15, f.srcAs() & 0xFFFF_FFFFL).setLong(16, f.dstAs() & 0xFFFF_FFFFL)
                    .setLong(17, f.srcMask()).setLong(18, f.dstMask());
            if (samplingInterval > 1) {
                r.setLong(19, SELECTOR_ID);
            }
            out.add(r.build());
        }
        return out;
    }

    private static InetAddress zero(boolean v4) {
        try {
            return InetAddress.getByAddress(new byte[v4 ? 4 : 16]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<ByteBuffer> encode(List<FlowRecord> records) {
        FlowRecord options = samplingInterval > 1
                ? FlowRecord.builder(selectorOptions).setLong(0, SELECTOR_ID).setLong(1, RANDOM_N_OUT_OF_N)
                        .setLong(2, 1).setLong(3, samplingInterval).build()
                : null;
        return splitter.encode(records, options);
    }

    @Override
    public Alongside alongside() {
        return splitter.alongside(samplingInterval > 1);
    }
}
