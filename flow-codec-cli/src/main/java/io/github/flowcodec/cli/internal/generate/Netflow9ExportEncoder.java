package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.Netflow9;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * NetFlow v9 export as a Cisco IOS-XE router sends it: one template for IPv4 flows (256) and one for IPv6
 * (257), times as sys_uptime offsets, the exporter's source id, templates resent every N packets, and when
 * sampled a sampler options template (258: scope system, sampler id, mode, random interval) whose record gives
 * every data record (which names sampler 1) its rate, sent first and again with every template refresh.
 */
public final class Netflow9ExportEncoder implements ExportEncoder {

    private static final long UPTIME_AT_START = 3_600_000L;
    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final int SAMPLER_ID = 1;

    private final long bootMillis;
    private final int samplingInterval;
    private final Netflow9Encoder encoder;
    private final Template ipv4;
    private final Template ipv6;
    private final Template samplerOptions;
    private final MessageSplitter splitter;
    private static final int MAX_PACKET_SIZE = 1400;

    public Netflow9ExportEncoder(Clock clock, ExporterSettings settings) {
        this.bootMillis = clock.millis() - UPTIME_AT_START;
        this.samplingInterval = settings.samplingInterval();
        this.encoder = Netflow9Encoder.builder().clock(clock::millis).bootTimeMillis(bootMillis).sourceId(settings.sourceId())
                .maxPacketSize(MAX_PACKET_SIZE).templateRefreshPackets(settings.templateRefresh())
                .templateRefreshInterval(java.time.Duration.ZERO).build();
        this.splitter = new MessageSplitter(encoder::encode, MAX_PACKET_SIZE, settings.templateRefresh());
        this.ipv4 = template(256, false);
        this.ipv6 = template(257, true);
        this.samplerOptions = Template.options(258, 1, List.of(
                FieldSpec.of(Netflow9.scopeElement(Netflow9.SCOPE_SYSTEM), 4),
                FieldSpec.of(IANA.require("samplerId"), 1),
                FieldSpec.of(IANA.require("samplerMode"), 1),
                FieldSpec.of(IANA.require("samplerRandomInterval"), 4)));
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
                .field(IANA.require("flowStartSysUpTime"))
                .field(IANA.require("flowEndSysUpTime"))
                .field(IANA.require("sourceTransportPort"))
                .field(IANA.require("destinationTransportPort"))
                .field(IANA.require("tcpControlBits"), 1)
                .field(IANA.require("protocolIdentifier"))
                .field(IANA.require("ipClassOfService"))
                .field(IANA.require("bgpSourceAsNumber"))
                .field(IANA.require("bgpDestinationAsNumber"))
                .field(IANA.require(v6 ? "sourceIPv6PrefixLength" : "sourceIPv4PrefixLength"))
                .field(IANA.require(v6 ? "destinationIPv6PrefixLength" : "destinationIPv4PrefixLength"));
        if (samplingInterval > 1) {
            b.field(IANA.require("samplerId"), 1);
        }
        return b.build();
    }

    @Override
    public List<FlowRecord> records(List<SyntheticFlow> flows) {
        List<FlowRecord> out = new ArrayList<>(flows.size());
        for (SyntheticFlow f : flows) {
            boolean v4 = f.srcAddr() instanceof Inet4Address;
            Template t = v4 ? ipv4 : ipv6;
            FlowRecord.Builder r = FlowRecord.builder(t)
                    .setAddress(0, f.srcAddr()).setAddress(1, f.dstAddr())
                    .setAddress(2, v4 == (f.nextHop() instanceof Inet4Address) ? f.nextHop() : zero(v4))
                    .setLong(3, f.inputInterface()).setLong(4, f.outputInterface())
                    .setLong(5, f.packets()).setLong(6, f.octets())
                    .setLong(7, (f.startMillis() - bootMillis) & 0xFFFF_FFFFL)
                    .setLong(8, (f.endMillis() - bootMillis) & 0xFFFF_FFFFL)
                    .setLong(9, f.srcPort()).setLong(10, f.dstPort()).setLong(11, f.tcpFlags())
                    .setLong(12, f.protocol()).setLong(13, f.tos())
                    .setLong(14, f.srcAs() & 0xFFFF_FFFFL).setLong(15, f.dstAs() & 0xFFFF_FFFFL)
                    .setLong(16, f.srcMask()).setLong(17, f.dstMask());
            if (samplingInterval > 1) {
                r.setLong(18, SAMPLER_ID);
            }
            out.add(r.build());
        }
        return out;
    }

    private static java.net.InetAddress zero(boolean v4) {
        try {
            return java.net.InetAddress.getByAddress(new byte[v4 ? 4 : 16]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<ByteBuffer> encode(List<FlowRecord> records) {
        FlowRecord options = samplingInterval > 1
                ? FlowRecord.builder(samplerOptions).setBytes(0, new byte[4])
                        .setLong(1, SAMPLER_ID).setLong(2, 2).setLong(3, samplingInterval).build()
                : null;
        return splitter.encode(records, options);
    }

    @Override
    public Alongside alongside() {
        return splitter.alongside(samplingInterval > 1);
    }
}
