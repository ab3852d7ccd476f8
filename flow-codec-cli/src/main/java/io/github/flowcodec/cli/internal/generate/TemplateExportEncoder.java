package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What NetFlow v9 and IPFIX export share: a template for IPv4 flows (256) and one for IPv6 (257) with the same
 * fields in the same order but for the times (and IPFIX's ICMP type and code), datagrams of at most
 * {@value #MAX_PACKET_SIZE} bytes, and when sampled a sampling field naming sampler (or selector)
 * {@value #SAMPLER_ID} in every data record and an options record that opens the first datagram and every one
 * with a template refresh. For example {@code new IpfixExportEncoder(clock, settings).records(flows)} gives a flow
 * over IPv4 template 256: addresses, next hop, interfaces, counters, then IPFIX's times and ports.
 */
abstract class TemplateExportEncoder implements ExportEncoder {

    /** The largest datagram, as routers send them. */
    static final int MAX_PACKET_SIZE = 1400;
    /** The sampler (NetFlow v9) or selector (IPFIX) that every sampled data record names. */
    static final int SAMPLER_ID = 1;

    /**
     * How a protocol's flow templates differ.
     *
     * @param startTime the element of the flow's start ({@code flowStartSysUpTime}, {@code flowStartMilliseconds})
     * @param endTime the element of the flow's end
     * @param icmpTypeCode whether the ICMP type and code follow the ports ({@code icmpTypeCodeIPv4/IPv6})
     * @param tcpFlagsLength the length of {@code tcpControlBits}
     * @param samplingElement the field, last, that names the sampler of a sampled record
     * @param samplingLength its length
     */
    record Layout(InformationElement startTime, InformationElement endTime, boolean icmpTypeCode, int tcpFlagsLength,
                  InformationElement samplingElement, int samplingLength) {
    }

    private final int samplingInterval;
    private final MessageSplitter splitter;
    private final Template ipv4;
    private final Template ipv6;

    TemplateExportEncoder(ExporterSettings settings, MessageSplitter.OnePacket encoder, Layout layout) {
        this.samplingInterval = settings.samplingInterval();
        this.splitter = new MessageSplitter(encoder, MAX_PACKET_SIZE, settings.templateRefresh());
        this.ipv4 = template(256, false, layout, samplingInterval > 1);
        this.ipv6 = template(257, true, layout, samplingInterval > 1);
    }

    private static Template template(int id, boolean v6, Layout layout, boolean sampled) {
        Template.Builder b = Template.builder(id);
        b.field(v6 ? Iana.SOURCE_IPV6_ADDRESS : Iana.SOURCE_IPV4_ADDRESS)
                .field(v6 ? Iana.DESTINATION_IPV6_ADDRESS : Iana.DESTINATION_IPV4_ADDRESS)
                .field(v6 ? Iana.IP_NEXT_HOP_IPV6_ADDRESS : Iana.IP_NEXT_HOP_IPV4_ADDRESS)
                .field(Iana.INGRESS_INTERFACE, 4).field(Iana.EGRESS_INTERFACE, 4)
                .field(Iana.PACKET_DELTA_COUNT, 8).field(Iana.OCTET_DELTA_COUNT, 8)
                .field(layout.startTime()).field(layout.endTime())
                .field(Iana.SOURCE_TRANSPORT_PORT).field(Iana.DESTINATION_TRANSPORT_PORT);
        if (layout.icmpTypeCode()) {
            b.field(v6 ? Iana.ICMP_TYPE_CODE_IPV6 : Iana.ICMP_TYPE_CODE_IPV4);
        }
        b.field(Iana.TCP_CONTROL_BITS, layout.tcpFlagsLength()).field(Iana.PROTOCOL_IDENTIFIER)
                .field(Iana.IP_CLASS_OF_SERVICE)
                .field(Iana.BGP_SOURCE_AS_NUMBER).field(Iana.BGP_DESTINATION_AS_NUMBER)
                .field(v6 ? Iana.SOURCE_IPV6_PREFIX_LENGTH : Iana.SOURCE_IPV4_PREFIX_LENGTH)
                .field(v6 ? Iana.DESTINATION_IPV6_PREFIX_LENGTH : Iana.DESTINATION_IPV4_PREFIX_LENGTH);
        if (sampled) {
            b.field(layout.samplingElement(), layout.samplingLength());
        }
        return b.build();
    }

    /**
     * Each flow's record, written straight into its wire bytes (the templates are fixed-length): the values by
     * field index into {@code values}, then each at its field's length, big-endian.
     */
    @Override
    public final List<FlowRecord> records(List<SyntheticFlow> flows) {
        List<FlowRecord> out = new ArrayList<>(flows.size());
        long[] values = new long[ipv4.fieldCount()];
        for (SyntheticFlow f : flows) {
            boolean v4 = f.srcAddr() instanceof Inet4Address;
            Template t = v4 ? ipv4 : ipv6;
            values[3] = f.inputInterface();
            values[4] = f.outputInterface();
            values[5] = f.packets();
            values[6] = f.octets();
            int i = setTimesAndPorts(values, f, v4);
            values[i] = f.tcpFlags();
            values[i + 1] = protocol(f, v4);
            values[i + 2] = f.tos();
            values[i + 3] = f.srcAs() & 0xFFFF_FFFFL;
            values[i + 4] = f.dstAs() & 0xFFFF_FFFFL;
            values[i + 5] = f.srcMask();
            values[i + 6] = f.dstMask();
            if (samplingInterval > 1) {
                values[i + 7] = SAMPLER_ID;
            }
            ByteBuffer b = ByteBuffer.allocate(t.recordLength());
            b.put(f.srcAddr().getAddress()).put(f.dstAddr().getAddress());
            if (v4 == (f.nextHop() instanceof Inet4Address)) {
                b.put(f.nextHop().getAddress());
            } else {
                b.position(b.position() + (v4 ? 4 : 16)); // 0.0.0.0 or ::, a next hop of the other IP version
            }
            for (int k = 3; k < t.fieldCount(); k++) {
                int len = t.field(k).length();
                for (int shift = 8 * (len - 1); shift >= 0; shift -= 8) {
                    b.put((byte) (values[k] >>> shift));
                }
            }
            out.add(FlowRecord.of(t, b.array()));
        }
        return out;
    }

    /** Puts the flow's times and ports (and what else the protocol puts there) from field 7; the next field's index. */
    abstract int setTimesAndPorts(long[] values, SyntheticFlow flow, boolean v4);

    /** The protocol number the record carries: the flow's by default. */
    int protocol(SyntheticFlow flow, boolean v4) {
        return flow.protocol();
    }

    /** The options record that gives the sampler's (or selector's) rate. */
    abstract FlowRecord samplingOptions(int samplingInterval);

    @Override
    public final List<ByteBuffer> encode(List<FlowRecord> records) {
        return splitter.encode(records, samplingInterval > 1 ? samplingOptions(samplingInterval) : null);
    }

    @Override
    public final Alongside alongside() {
        return splitter.alongside(samplingInterval > 1);
    }
}
