package io.github.flowcodec.bench;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.Netflow9;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic-looking NetFlow v9 traffic for the benchmarks: the two templates a router
 * typically exports and seeded records for them, with the same traffic mix as {@link Netflow5Traffic}
 * (about 70% TCP, 25% UDP, 5% ICMP; client and server ports; internal and public addresses; heavy-tailed
 * packet counts; flow times below the header's uptime; TCP flags, ToS, AS numbers, prefix lengths).
 * The same seed always gives the same bytes.
 *
 * <ul>
 *   <li>{@link #ipv4Template()}: the 18 fields of Cisco IOS's classic v9 IPv4 template, in its wire order
 *       and with its lengths (2-byte interfaces and AS numbers, 4-byte counters and times): 45 bytes a
 *       record, 30 records in a 1376-byte datagram.
 *   <li>{@link #ipv6Template()}: an IOS-XE style IPv6 template of 18 fields (4-byte interfaces and AS
 *       numbers): 89 bytes a record, 15 records in a 1360-byte datagram.
 * </ul>
 */
final class Netflow9Traffic {

    /** Template ids, as an exporter numbers them. */
    static final int IPV4_TEMPLATE_ID = 256;
    static final int IPV6_TEMPLATE_ID = 257;

    /** The largest datagram an exporter sends (the encoder's default too). */
    static final int MAX_PACKET = 1400;

    /** Exporter uptime of the first packet, milliseconds (a bit over a day). */
    static final long UPTIME_BASE = 90_061_000L;
    /** Export time of the first packet, seconds since the epoch. */
    static final long UNIX_SECONDS_BASE = 1_700_000_000L;
    /** Milliseconds between consecutive datagrams: a busy exporter. */
    static final long UPTIME_STEP = 20L;

    /** The high 64 bits of some public /32s (documentation, cloud and ISP style prefixes). */
    private static final long[] PUBLIC_V6 = {
        0x2001_0db8_0000_0000L, 0x2a00_1450_0000_0000L, 0x2606_4700_0000_0000L, 0x2a03_2880_0000_0000L,
        0x2001_4860_0000_0000L, 0x2a02_0598_0000_0000L, 0x2400_cb00_0000_0000L, 0x2c0f_fb50_0000_0000L,
    };
    /** The internal /48 (ULA). */
    private static final long INTERNAL_V6 = 0xfd12_3456_789a_0000L;

    private final Random random;

    Netflow9Traffic(long seed) {
        this.random = new Random(seed);
    }

    /** Cisco IOS's v9 IPv4 template: 18 fields, 45 bytes a record, in the order IOS sends them. */
    static Template ipv4Template() {
        return Template.builder(IPV4_TEMPLATE_ID)
                .field(Iana.OCTET_DELTA_COUNT, 4)              // IN_BYTES
                .field(Iana.PACKET_DELTA_COUNT, 4)             // IN_PKTS
                .field(Iana.PROTOCOL_IDENTIFIER, 1)           // PROTOCOL
                .field(Iana.IP_CLASS_OF_SERVICE, 1)             // SRC_TOS
                .field(Iana.TCP_CONTROL_BITS, 1)               // TCP_FLAGS
                .field(Iana.SOURCE_TRANSPORT_PORT, 2)          // L4_SRC_PORT
                .field(Iana.SOURCE_IPV4_ADDRESS, 4)            // IPV4_SRC_ADDR
                .field(Iana.SOURCE_IPV4_PREFIX_LENGTH, 1)       // SRC_MASK
                .field(Iana.INGRESS_INTERFACE, 2)             // INPUT_SNMP
                .field(Iana.DESTINATION_TRANSPORT_PORT, 2)     // L4_DST_PORT
                .field(Iana.DESTINATION_IPV4_ADDRESS, 4)       // IPV4_DST_ADDR
                .field(Iana.DESTINATION_IPV4_PREFIX_LENGTH, 1)  // DST_MASK
                .field(Iana.EGRESS_INTERFACE, 2)              // OUTPUT_SNMP
                .field(Iana.IP_NEXT_HOP_IPV4_ADDRESS, 4)         // IPV4_NEXT_HOP
                .field(Iana.BGP_SOURCE_AS_NUMBER, 2)            // SRC_AS
                .field(Iana.BGP_DESTINATION_AS_NUMBER, 2)       // DST_AS
                .field(Iana.FLOW_END_SYS_UP_TIME, 4)             // LAST_SWITCHED
                .field(Iana.FLOW_START_SYS_UP_TIME, 4)           // FIRST_SWITCHED
                .build();
    }

    /** An IOS-XE style IPv6 template: 18 fields, 89 bytes a record. */
    static Template ipv6Template() {
        return Template.builder(IPV6_TEMPLATE_ID)
                .field(Iana.SOURCE_IPV6_ADDRESS, 16)
                .field(Iana.DESTINATION_IPV6_ADDRESS, 16)
                .field(Iana.IP_NEXT_HOP_IPV6_ADDRESS, 16)
                .field(Iana.INGRESS_INTERFACE, 4)
                .field(Iana.EGRESS_INTERFACE, 4)
                .field(Iana.PACKET_DELTA_COUNT, 4)
                .field(Iana.OCTET_DELTA_COUNT, 4)
                .field(Iana.FLOW_START_SYS_UP_TIME, 4)
                .field(Iana.FLOW_END_SYS_UP_TIME, 4)
                .field(Iana.SOURCE_TRANSPORT_PORT, 2)
                .field(Iana.DESTINATION_TRANSPORT_PORT, 2)
                .field(Iana.TCP_CONTROL_BITS, 1)
                .field(Iana.PROTOCOL_IDENTIFIER, 1)
                .field(Iana.IP_CLASS_OF_SERVICE, 1)
                .field(Iana.BGP_SOURCE_AS_NUMBER, 4)
                .field(Iana.BGP_DESTINATION_AS_NUMBER, 4)
                .field(Iana.SOURCE_IPV6_PREFIX_LENGTH, 1)
                .field(Iana.DESTINATION_IPV6_PREFIX_LENGTH, 1)
                .build();
    }

    /** How many records of the template fill a datagram of at most {@link #MAX_PACKET} bytes (one data FlowSet). */
    static int recordsPerPacket(Template t) {
        return (MAX_PACKET - Netflow9.HEADER_LENGTH - Netflow9.SET_HEADER_LENGTH) / t.recordLength();
    }

    /** The records of one packet: {@code n} flows of the template as an exporter whose uptime is {@code uptime} reports them. */
    List<FlowRecord> records(Template t, int n, long uptime) {
        List<FlowRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(t.id() == IPV4_TEMPLATE_ID ? ipv4Record(t, uptime) : ipv6Record(t, uptime));
        }
        return out;
    }

    /** A datagram carrying only the template (what the collector must have seen before the data). */
    static byte[] templatePacket(Template t, long sourceId) {
        return Netflow9PacketBuilder.create()
                .sysUptime(UPTIME_BASE - UPTIME_STEP)
                .unixSeconds(UNIX_SECONDS_BASE)
                .sequence(0)
                .sourceId(sourceId)
                .templates(t)
                .toBytes();
    }

    /** The data-only datagram carrying {@code records} (one data FlowSet) as packet number {@code index} of the stream. */
    static byte[] datagram(List<FlowRecord> records, int index, long sequence, long sourceId) {
        return Netflow9PacketBuilder.create()
                .sysUptime(UPTIME_BASE + index * UPTIME_STEP)
                .unixSeconds(UNIX_SECONDS_BASE + index * UPTIME_STEP / 1000)
                .sequence(sequence)
                .sourceId(sourceId)
                .data(records.toArray(new FlowRecord[0]))
                .toBytes();
    }

    // ------------------------------------------------------------------------------------ one flow

    private FlowRecord ipv4Record(Template t, long uptime) {
        Random r = random;
        boolean outbound = r.nextBoolean();     // an internal client talking to a public server, or the reply
        DrawnFlow f = DrawnFlow.withInterfaces(r, uptime);
        DrawnFlow.Ipv4Ends ends = f.ipv4Ends(DrawnFlow.internalIpv4(r), DrawnFlow.publicIpv4(r), outbound);
        return FlowRecord.builder(t)
                .setLong(0, f.octets)
                .setLong(1, f.packets)
                .setLong(2, f.protocol)
                .setLong(3, f.tos)
                .setLong(4, f.flags)
                .setLong(5, f.srcPort)
                .setLong(6, ends.src() & 0xFFFF_FFFFL)
                .setLong(7, ends.srcInternal() ? 24 : 8 + r.nextInt(17))
                .setLong(8, f.in)
                .setLong(9, f.dstPort)
                .setLong(10, ends.dst() & 0xFFFF_FFFFL)
                .setLong(11, ends.dstInternal() ? 24 : 8 + r.nextInt(17))
                .setLong(12, f.out)
                .setLong(13, DrawnFlow.NEXT_HOPS_V4[r.nextInt(DrawnFlow.NEXT_HOPS_V4.length)] & 0xFFFF_FFFFL)
                .setLong(14, ends.srcInternal() ? 0 : 1 + r.nextInt(64_495))
                .setLong(15, ends.dstInternal() ? 0 : 1 + r.nextInt(64_495))
                .setLong(16, f.last & 0xFFFF_FFFFL)
                .setLong(17, f.first & 0xFFFF_FFFFL)
                .build();
    }

    private FlowRecord ipv6Record(Template t, long uptime) {
        Random r = random;
        boolean outbound = r.nextBoolean();     // an internal client talking to a public server, or the reply
        DrawnFlow f = DrawnFlow.withInterfaces(r, uptime);
        byte[] internal = ipv6(INTERNAL_V6 | r.nextInt(1 << 16), r.nextLong());
        byte[] external = ipv6(PUBLIC_V6[r.nextInt(PUBLIC_V6.length)] | (r.nextLong() >>> 32), r.nextLong());
        byte[] client = outbound ? internal : external;
        byte[] server = outbound ? external : internal;
        byte[] src = f.request ? client : server;
        byte[] dst = f.request ? server : client;
        boolean srcInternal = src == internal;
        boolean dstInternal = dst == internal;
        byte[] nextHop = ipv6(0xfe80_0000_0000_0000L, 0x0200_5eff_fe00_0001L + r.nextInt(4));
        return FlowRecord.builder(t)
                .setBytes(0, src)
                .setBytes(1, dst)
                .setBytes(2, nextHop)
                .setLong(3, f.in)
                .setLong(4, f.out)
                .setLong(5, f.packets)
                .setLong(6, f.octets)
                .setLong(7, f.first & 0xFFFF_FFFFL)
                .setLong(8, f.last & 0xFFFF_FFFFL)
                .setLong(9, f.srcPort)
                .setLong(10, f.dstPort)
                .setLong(11, f.flags)
                .setLong(12, f.protocol == 1 ? 58 : f.protocol)   // ICMPv6
                .setLong(13, f.tos)
                .setLong(14, srcInternal ? 0 : 1 + r.nextInt(400_000))
                .setLong(15, dstInternal ? 0 : 1 + r.nextInt(400_000))
                .setLong(16, srcInternal ? 64 : 32 + r.nextInt(17))
                .setLong(17, dstInternal ? 64 : 32 + r.nextInt(17))
                .build();
    }

    private static byte[] ipv6(long high, long low) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[7 - i] = (byte) (high >>> (8 * i));
            b[15 - i] = (byte) (low >>> (8 * i));
        }
        return b;
    }
}
