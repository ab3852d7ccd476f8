package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.FlowRecord;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Builds a NetFlow v5 record field by field, with the v5 names. Fields not set are zero. Values are
 * checked against their field sizes (an input interface above 65535 is refused, not truncated).
 *
 * <pre>{@code
 * FlowRecord r = Netflow5RecordBuilder.create()
 *         .srcAddr("10.0.0.1").dstAddr("192.0.2.7")
 *         .srcPort(51514).dstPort(443).protocol(6).tcpFlags(0x1b)
 *         .packets(12).octets(9_400)
 *         .first(355_000).last(359_500)
 *         .input(3).output(7)
 *         .build();
 * }</pre>
 */
public final class Netflow5RecordBuilder {

    private final FlowRecord.Builder b = FlowRecord.builder(Netflow5.TEMPLATE);

    private Netflow5RecordBuilder() {
    }

    /**
     * A builder for a record with every field 0.
     *
     * @return a new builder
     */
    public static Netflow5RecordBuilder create() {
        return new Netflow5RecordBuilder();
    }

    /**
     * srcaddr from an IPv4 literal such as {@code "10.0.0.1"}.
     *
     * @param ipv4 srcaddr from an IPv4 literal such as {@code "10.0.0.1"}
     * @return this builder
     */
    public Netflow5RecordBuilder srcAddr(String ipv4) {
        return set(Netflow5.SRC_ADDR, ipv4);
    }

    /**
     * srcaddr.
     *
     * @param address the flow's source address
     * @return this builder
     */
    public Netflow5RecordBuilder srcAddr(Inet4Address address) {
        b.setAddress(Netflow5.SRC_ADDR, address);
        return this;
    }

    /**
     * dstaddr from an IPv4 literal.
     *
     * @param ipv4 a dotted-quad IPv4 address
     * @return this builder
     */
    public Netflow5RecordBuilder dstAddr(String ipv4) {
        return set(Netflow5.DST_ADDR, ipv4);
    }

    /**
     * dstaddr.
     *
     * @param address the flow's destination address
     * @return this builder
     */
    public Netflow5RecordBuilder dstAddr(Inet4Address address) {
        b.setAddress(Netflow5.DST_ADDR, address);
        return this;
    }

    /**
     * nexthop from an IPv4 literal.
     *
     * @param ipv4 a dotted-quad IPv4 address of the next-hop router
     * @return this builder
     */
    public Netflow5RecordBuilder nextHop(String ipv4) {
        return set(Netflow5.NEXT_HOP, ipv4);
    }

    /**
     * srcaddr, dstaddr or nexthop as a 32-bit number.
     *
     * @param fieldIndex {@link Netflow5#SRC_ADDR}, {@link Netflow5#DST_ADDR} or {@link Netflow5#NEXT_HOP}
     * @param address the address, first octet in the high byte ({@code 0x0A000001} is 10.0.0.1)
     * @return this builder
     */
    public Netflow5RecordBuilder ipv4(int fieldIndex, int address) {
        b.setLong(fieldIndex, address & 0xFFFF_FFFFL);
        return this;
    }

    /**
     * SNMP index of the input interface (0..65535).
     *
     * @param ifIndex the interface index
     * @return this builder
     */
    public Netflow5RecordBuilder input(int ifIndex) {
        b.setLong(Netflow5.INPUT, ifIndex);
        return this;
    }

    /**
     * SNMP index of the output interface (0..65535).
     *
     * @param ifIndex the interface index
     * @return this builder
     */
    public Netflow5RecordBuilder output(int ifIndex) {
        b.setLong(Netflow5.OUTPUT, ifIndex);
        return this;
    }

    /**
     * Packets in the flow (unsigned 32-bit).
     *
     * @param packets the packet count (dPkts)
     * @return this builder
     */
    public Netflow5RecordBuilder packets(long packets) {
        b.setLong(Netflow5.PACKETS, packets);
        return this;
    }

    /**
     * Layer 3 bytes in the flow (unsigned 32-bit).
     *
     * @param octets the byte count (dOctets), IP headers included
     * @return this builder
     */
    public Netflow5RecordBuilder octets(long octets) {
        b.setLong(Netflow5.OCTETS, octets);
        return this;
    }

    /**
     * System uptime at the start of the flow, in milliseconds (unsigned 32-bit).
     *
     * @param uptimeMillis the exporter's uptime when the flow's first packet was seen
     * @return this builder
     */
    public Netflow5RecordBuilder first(long uptimeMillis) {
        b.setLong(Netflow5.FIRST, uptimeMillis);
        return this;
    }

    /**
     * System uptime when the last packet of the flow was seen.
     *
     * @param uptimeMillis the exporter's uptime when the flow's last packet was seen (unsigned 32-bit)
     * @return this builder
     */
    public Netflow5RecordBuilder last(long uptimeMillis) {
        b.setLong(Netflow5.LAST, uptimeMillis);
        return this;
    }

    /**
     * Source port (or 0).
     *
     * @param port the TCP/UDP source port, 0 to 65535
     * @return this builder
     */
    public Netflow5RecordBuilder srcPort(int port) {
        b.setLong(Netflow5.SRC_PORT, port);
        return this;
    }

    /**
     * Destination port (for ICMP, type * 256 + code, as exporters write it).
     *
     * @param port the TCP/UDP destination port, 0 to 65535
     * @return this builder
     */
    public Netflow5RecordBuilder dstPort(int port) {
        b.setLong(Netflow5.DST_PORT, port);
        return this;
    }

    /**
     * Cumulative OR of TCP flags (0..255).
     *
     * @param flags the flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20)
     * @return this builder
     */
    public Netflow5RecordBuilder tcpFlags(int flags) {
        b.setLong(Netflow5.TCP_FLAGS, flags);
        return this;
    }

    /**
     * IP protocol number (6 TCP, 17 UDP, 1 ICMP).
     *
     * @param protocol the protocol number, 0 to 255
     * @return this builder
     */
    public Netflow5RecordBuilder protocol(int protocol) {
        b.setLong(Netflow5.PROTOCOL, protocol);
        return this;
    }

    /**
     * IP type of service.
     *
     * @param tos the TOS byte, 0 to 255 (DSCP in the top six bits)
     * @return this builder
     */
    public Netflow5RecordBuilder tos(int tos) {
        b.setLong(Netflow5.TOS, tos);
        return this;
    }

    /**
     * Source autonomous system (0..65535).
     *
     * @param as the AS number of the source (origin or peer, as the exporter is configured)
     * @return this builder
     */
    public Netflow5RecordBuilder srcAs(int as) {
        b.setLong(Netflow5.SRC_AS, as);
        return this;
    }

    /**
     * Destination autonomous system (0..65535).
     *
     * @param as the AS number of the destination
     * @return this builder
     */
    public Netflow5RecordBuilder dstAs(int as) {
        b.setLong(Netflow5.DST_AS, as);
        return this;
    }

    /**
     * Source prefix length (0..32).
     *
     * @param bits the prefix length
     * @return this builder
     */
    public Netflow5RecordBuilder srcMask(int bits) {
        b.setLong(Netflow5.SRC_MASK, bits);
        return this;
    }

    /**
     * Destination prefix length (0..32).
     *
     * @param bits the prefix length
     * @return this builder
     */
    public Netflow5RecordBuilder dstMask(int bits) {
        b.setLong(Netflow5.DST_MASK, bits);
        return this;
    }

    /**
     * The padding bytes pad1 (1 byte) and pad2 (2 bytes), zero unless set: some exporters leave garbage there.
     *
     * @param pad1 the byte after tcp_flags' predecessor (pad1), 0 to 255
     * @param pad2 the last two bytes of the record (pad2), 0 to 65535
     * @return this builder
     */
    public Netflow5RecordBuilder padding(int pad1, int pad2) {
        b.setLong(Netflow5.PAD1, pad1);
        b.setBytes(Netflow5.PAD2, new byte[] {(byte) (pad2 >>> 8), (byte) pad2});
        return this;
    }

    /**
     * The record.
     *
     * @return the 48-byte record on {@link Netflow5#TEMPLATE}
     */
    public FlowRecord build() {
        return b.build();
    }

    private Netflow5RecordBuilder set(int index, String ipv4) {
        try {
            InetAddress a = InetAddress.getByName(ipv4);
            if (!(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
            }
            b.setAddress(index, a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4, e);
        }
        return this;
    }
}
