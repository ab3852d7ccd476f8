package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.SampledFrameBuilder;
import io.github.flowcodec.sflow.SflowEncoder;
import io.github.flowcodec.sflow.SflowSample;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * sFlow v5 export as a routing switch sends it: each flow becomes one flow sample, a packet of the flow
 * sampled one in {@code samplingInterval}: the first 128 bytes of its Ethernet / 802.1Q / IPv4 or IPv6 /
 * TCP, UDP or ICMP frame in a raw packet header record, with extended switch (VLANs), extended router
 * (next hop, prefix lengths) and extended gateway (source AS, AS path) records. The data source of a
 * flow sample is its input interface; the sample pool grows by the sampling interval per sample. After
 * every {@value #FLOWS_PER_COUNTER_SAMPLE} flow samples comes a counter sample of one interface (generic
 * interface and Ethernet counters, growing), and the encoder fills datagrams of at most 1400 bytes, so a
 * datagram holds a few flow samples and a counter sample, as real agents send them.
 *
 * <p>The records are what an sFlow decoder gives for each flow sample (see {@code SflowDecoder}): the
 * interfaces, sampling interval, sample pool, drops, one packet of the frame's length, and what the sampled
 * header and the extended records say. {@link #encode} turns them back into samples.
 */
public final class SflowExportEncoder implements ExportEncoder {

    /** Flow samples between two counter samples. */
    static final int FLOWS_PER_COUNTER_SAMPLE = 4;
    private static final int HEADER_BYTES = 128;
    private static final long LOCAL_AS = 64500;
    private static final long MAC_PREFIX = 0x0200_0A00_0000L;
    private static final InformationElement IN = Iana.INGRESS_INTERFACE;
    private static final InformationElement OUT = Iana.EGRESS_INTERFACE;
    private static final InformationElement RATE = Iana.SAMPLING_INTERVAL;
    private static final InformationElement POOL = Iana.SELECTOR_ID_TOTAL_PKTS_OBSERVED;
    private static final InformationElement DROPS = Iana.DROPPED_PACKET_TOTAL_COUNT;
    private static final InformationElement PACKETS = Iana.PACKET_DELTA_COUNT;
    private static final InformationElement OCTETS = Iana.OCTET_DELTA_COUNT;
    private static final InformationElement SRC_MAC = Iana.SOURCE_MAC_ADDRESS;
    private static final InformationElement DST_MAC = Iana.DESTINATION_MAC_ADDRESS;
    private static final InformationElement ETHERNET_TYPE = Iana.ETHERNET_TYPE;
    private static final InformationElement DOT1Q_VLAN = Iana.DOT1Q_VLAN_ID;
    private static final InformationElement VLAN = Iana.VLAN_ID;
    private static final InformationElement POST_VLAN = Iana.POST_VLAN_ID;
    private static final InformationElement SRC_V4 = Iana.SOURCE_IPV4_ADDRESS;
    private static final InformationElement DST_V4 = Iana.DESTINATION_IPV4_ADDRESS;
    private static final InformationElement SRC_V6 = Iana.SOURCE_IPV6_ADDRESS;
    private static final InformationElement DST_V6 = Iana.DESTINATION_IPV6_ADDRESS;
    private static final InformationElement FLOW_LABEL = Iana.FLOW_LABEL_IPV6;
    private static final InformationElement IP_VERSION = Iana.IP_VERSION;
    private static final InformationElement PROTOCOL = Iana.PROTOCOL_IDENTIFIER;
    private static final InformationElement TOS = Iana.IP_CLASS_OF_SERVICE;
    private static final InformationElement TTL = Iana.IP_TTL;
    private static final InformationElement FRAGMENT_ID = Iana.FRAGMENT_IDENTIFICATION;
    private static final InformationElement FRAGMENT_OFFSET = Iana.FRAGMENT_OFFSET;
    private static final InformationElement SRC_PORT = Iana.SOURCE_TRANSPORT_PORT;
    private static final InformationElement DST_PORT = Iana.DESTINATION_TRANSPORT_PORT;
    private static final InformationElement TCP_FLAGS = Iana.TCP_CONTROL_BITS;
    private static final InformationElement ICMP_V4 = Iana.ICMP_TYPE_CODE_IPV4;
    private static final InformationElement ICMP_V6 = Iana.ICMP_TYPE_CODE_IPV6;
    private static final InformationElement NEXT_HOP_V4 = Iana.IP_NEXT_HOP_IPV4_ADDRESS;
    private static final InformationElement NEXT_HOP_V6 = Iana.IP_NEXT_HOP_IPV6_ADDRESS;
    private static final InformationElement SRC_AS = Iana.BGP_SOURCE_AS_NUMBER;
    private static final InformationElement DST_AS = Iana.BGP_DESTINATION_AS_NUMBER;

    /** Per IP version (4, 6) and transport (TCP, UDP, ICMP): the layout of the decoded record. */
    private final Map<String, Template> templates = new HashMap<>();
    private final int samplingInterval;
    private final SflowEncoder encoder;
    private final Map<Long, Long> samplePools = new HashMap<>();
    private final Map<Long, Long> sampleSequences = new HashMap<>();
    private final Map<Long, long[]> interfaceCounters = new HashMap<>();
    /** Counter sample sequence numbers, per data source (interface) as sFlow v5 numbers them. */
    private final Map<Long, Long> counterSequences = new HashMap<>();
    private long counterSamples;
    private int ipId = 1;

    /** The agent address when none is given. */
    static final InetAddress DEFAULT_AGENT = address(192, 0, 2, 1);

    /**
     * @param clock the clock the agent's uptime is counted on (it booted an hour before the clock's start)
     * @param samplingInterval one packet in this many is sampled
     * @param agent the agent address the datagrams carry (the exporter's own address, as agents send it)
     */
    public SflowExportEncoder(Clock clock, int samplingInterval, InetAddress agent) {
        this.samplingInterval = samplingInterval;
        long boot = clock.millis() - 3_600_000L;
        this.encoder = SflowEncoder.builder(agent).subAgentId(0)
                .uptimeMillis(() -> (clock.millis() - boot) & 0xFFFF_FFFFL).build();
    }

    /** The layout of the record an sFlow decoder gives for this kind of sampled packet. */
    private Template template(boolean v6, int protocol) {
        String key = (v6 ? "6/" : "4/") + protocol;
        return templates.computeIfAbsent(key, k -> {
            Template.Builder b = Template.builder(256 + templates.size())
                    .field(IN, 4).field(OUT, 4).field(RATE, 4).field(POOL, 4).field(DROPS, 4).field(PACKETS, 4)
                    .field(OCTETS, 4).field(SRC_MAC, 6).field(DST_MAC, 6).field(ETHERNET_TYPE, 2).field(DOT1Q_VLAN, 2)
                    .field(VLAN, 2).field(POST_VLAN, 2);
            if (v6) {
                b.field(SRC_V6, 16).field(DST_V6, 16).field(FLOW_LABEL, 4);
            } else {
                b.field(SRC_V4, 4).field(DST_V4, 4);
            }
            b.field(IP_VERSION, 1).field(PROTOCOL, 1).field(TOS, 1).field(TTL, 1);
            if (!v6) {
                b.field(FRAGMENT_ID, 4).field(FRAGMENT_OFFSET, 2); // IPv4 always has them; IPv6 only with a fragment header
            }
            if (protocol == 6 || protocol == 17) {
                b.field(SRC_PORT, 2).field(DST_PORT, 2);
                if (protocol == 6) {
                    b.field(TCP_FLAGS, 2);
                }
            } else {
                b.field(v6 ? ICMP_V6 : ICMP_V4, 2);
            }
            return b.field(v6 ? NEXT_HOP_V6 : NEXT_HOP_V4, v6 ? 16 : 4).field(SRC_AS, 4).field(DST_AS, 4).build();
        });
    }

    @Override
    public List<FlowRecord> records(List<SyntheticFlow> flows) {
        List<FlowRecord> out = new ArrayList<>(flows.size());
        for (SyntheticFlow f : flows) {
            boolean v6 = f.srcAddr() instanceof Inet6Address;
            // ICMP over IPv6 is ICMPv6; echo request/reply are types 128/129 there
            int protocol = v6 && f.protocol() == 1 ? 58 : f.protocol();
            Template t = template(v6, protocol);
            int headers = 14 + 4 + (v6 ? 40 : 20) + (protocol == 6 ? 20 : 8);
            long frameLength = Math.max(headers + 4 + 1, Math.min(1518, f.octets() / Math.max(1, f.packets()) + 18));
            long pool = samplePools.merge((long) f.inputInterface(), (long) samplingInterval, Long::sum);
            FlowRecord.Builder r = FlowRecord.builder(t)
                    .setLong(IN, f.inputInterface()).setLong(OUT, f.outputInterface()).setLong(RATE, samplingInterval)
                    .setLong(POOL, pool & 0xFFFF_FFFFL).setLong(DROPS, 0).setLong(PACKETS, 1).setLong(OCTETS, frameLength)
                    .setMacAddress(SRC_MAC, mac(f.srcAddr())).setMacAddress(DST_MAC, mac(f.nextHop()))
                    .setLong(ETHERNET_TYPE, v6 ? 0x86DD : 0x0800).setLong(DOT1Q_VLAN, vlan(f.inputInterface()))
                    .setLong(VLAN, vlan(f.inputInterface())).setLong(POST_VLAN, vlan(f.outputInterface()))
                    .setAddress(v6 ? SRC_V6 : SRC_V4, f.srcAddr()).setAddress(v6 ? DST_V6 : DST_V4, f.dstAddr())
                    .setLong(IP_VERSION, v6 ? 6 : 4).setLong(PROTOCOL, protocol).setLong(TOS, f.tos()).setLong(TTL, 63);
            if (v6) {
                r.setLong(FLOW_LABEL, (f.srcPort() * 31L + f.dstPort()) & 0xF_FFFF);
            } else {
                r.setLong(FRAGMENT_ID, ipId).setLong(FRAGMENT_OFFSET, 0);
                ipId = ipId % 0xFFFF + 1;
            }
            if (protocol == 6 || protocol == 17) {
                r.setLong(SRC_PORT, f.srcPort()).setLong(DST_PORT, f.dstPort());
                if (protocol == 6) {
                    r.setLong(TCP_FLAGS, f.tcpFlags() == 0x02 ? 0x02 : 0x10 | (f.tcpFlags() & 0x09)); // a packet's flags: SYN, ACK, PSH/FIN
                }
            } else {
                int typeCode = v6 ? (f.dstPort() == 0 ? 129 << 8 : 128 << 8) : f.dstPort();
                r.setLong(v6 ? ICMP_V6 : ICMP_V4, typeCode);
            }
            r.setAddress(v6 ? NEXT_HOP_V6 : NEXT_HOP_V4, f.nextHop())
                    .setLong(SRC_AS, f.srcAs() & 0xFFFF_FFFFL).setLong(DST_AS, f.dstAs() & 0xFFFF_FFFFL);
            out.add(r.build());
        }
        return out;
    }

    @Override
    public List<ByteBuffer> encode(List<FlowRecord> records) {
        List<SflowSample> samples = new ArrayList<>(records.size() + records.size() / FLOWS_PER_COUNTER_SAMPLE + 1);
        for (int i = 0; i < records.size(); i++) {
            FlowSample s = sample(records.get(i));
            samples.add(s);
            if (i % FLOWS_PER_COUNTER_SAMPLE == FLOWS_PER_COUNTER_SAMPLE - 1 || i == records.size() - 1) {
                samples.add(counters(s.outputInterface()));
            }
        }
        return encoder.encode(samples);
    }

    @Override
    public boolean sameRecord(FlowRecord sent, FlowRecord received) {
        // the decoder names its templates by which values are present: the layout and the values must match
        return sent.template().sameLayout(received.template()) && Arrays.equals(sent.toBytes(), received.toBytes());
    }

    @Override
    public Alongside alongside() {
        return new Alongside(counterSamples, "counter samples", "counter samples");
    }

    /** The flow sample whose decoded record is {@code r}: the sampled frame rebuilt from the record's values. */
    private FlowSample sample(FlowRecord r) {
        Template t = r.template();
        boolean v6 = t.indexOf(SRC_V6) >= 0;
        int protocol = (int) r.getLong(PROTOCOL, 0);
        long in = r.getLong(IN, 0);
        SampledFrameBuilder f = SampledFrameBuilder.ethernet(r.getMacAddress(t.indexOf(SRC_MAC)), r.getMacAddress(t.indexOf(DST_MAC)))
                .vlan((int) r.getLong(DOT1Q_VLAN, 0));
        InetAddress src = r.getAddress(t.indexOf(v6 ? SRC_V6 : SRC_V4));
        InetAddress dst = r.getAddress(t.indexOf(v6 ? DST_V6 : DST_V4));
        if (v6) {
            f.ipv6((Inet6Address) src, (Inet6Address) dst).flowLabel((int) r.getLong(FLOW_LABEL, 0));
        } else {
            f.ipv4((Inet4Address) src, (Inet4Address) dst).fragment((int) r.getLong(FRAGMENT_ID, 0), 0, false);
        }
        f.tos((int) r.getLong(TOS, 0)).ttl((int) r.getLong(TTL, 0));
        int headers = 14 + 4 + (v6 ? 40 : 20);
        if (protocol == 6) {
            f.tcp((int) r.getLong(SRC_PORT, 0), (int) r.getLong(DST_PORT, 0), (int) r.getLong(TCP_FLAGS, 0));
            headers += 20;
        } else if (protocol == 17) {
            f.udp((int) r.getLong(SRC_PORT, 0), (int) r.getLong(DST_PORT, 0));
            headers += 8;
        } else {
            long typeCode = r.getLong(v6 ? ICMP_V6 : ICMP_V4, 0);
            f.icmp((int) (typeCode >>> 8), (int) (typeCode & 0xFF));
            headers += 8;
        }
        // the frame length counts the 4-byte FCS, which the sampled header does not hold
        byte[] frame = f.payload((int) (r.getLong(OCTETS, 0) - 4 - headers)).build();
        InetAddress nextHop = r.getAddress(t.indexOf(v6 ? NEXT_HOP_V6 : NEXT_HOP_V4));
        long srcAs = r.getLong(SRC_AS, 0);
        long dstAs = r.getLong(DST_AS, 0);
        long seq = sampleSequences.merge(in, 1L, Long::sum);
        return FlowSample.compact(seq, 0, in, r.getLong(RATE, 0), r.getLong(POOL, 0), r.getLong(DROPS, 0), in, r.getLong(OUT, 0),
                List.of(SampledFrameBuilder.rawHeader(frame, HEADER_BYTES),
                        new FlowData.ExtendedSwitch(r.getLong(VLAN, 0), 0, r.getLong(POST_VLAN, 0), 0),
                        new FlowData.ExtendedRouter(nextHop, v6 ? 48 : 24, v6 ? 48 : 24),
                        new FlowData.ExtendedGateway(nextHop, LOCAL_AS, srcAs, srcAs,
                                List.of(new FlowData.AsPathSegment(FlowData.AsPathSegment.AS_SEQUENCE, List.of(dstAs))),
                                List.of(), 100)));
    }

    /** A counter sample of one interface: its generic and Ethernet counters, growing from sample to sample. */
    private CounterSample counters(long ifIndex) {
        long[] c = interfaceCounters.computeIfAbsent(ifIndex, k -> new long[] {1_000_000L * k, 700_000L * k, 2_000L * k, 1_500L * k});
        c[0] += 1_234_567L;
        c[1] += 987_654L;
        c[2] += 1_100L;
        c[3] += 900L;
        counterSamples++;
        return CounterSample.compact(counterSequences.merge(ifIndex, 1L, Long::sum), 0, ifIndex, List.of(
                new CounterData.GenericInterface(ifIndex, 6, 10_000_000_000L, 1, 3, c[0], c[2], 12, 40, 0, 0, 0, c[1], c[3], 8, 25, 0,
                        0, 0),
                new CounterData.Ethernet(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    private static int vlan(int ifIndex) {
        return 100 + ifIndex;
    }

    /** A locally administered unicast MAC address derived from an IP address (the host's or the router's). */
    private static long mac(InetAddress a) {
        byte[] b = a.getAddress();
        return MAC_PREFIX | ((b[b.length - 3] & 0xFFL) << 16) | ((b[b.length - 2] & 0xFFL) << 8) | (b[b.length - 1] & 0xFFL);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
