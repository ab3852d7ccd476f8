package io.github.flowcodec.sflow;

import static io.github.flowcodec.sflow.SampledHeaderParser.*;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The sampled packet header of a raw packet header record (0:1), parsed in place: Ethernet with 802.1Q /
 * QinQ tags (and LLC/SNAP), an MPLS label stack, the outermost IPv4 (options, fragments) or IPv6 header
 * (extension headers walked to the upper-layer protocol), and the TCP, UDP, SCTP, ICMP or ICMPv6 header.
 *
 * <p>The parser never throws and never allocates: it reads what is present, so a truncated header yields
 * the fields before the cut ({@code has*} methods say which). Every loop is bounded (at most
 * {@value #MAX_VLAN_TAGS} VLAN tags, {@value #MAX_MPLS_LABELS} MPLS labels and {@value #MAX_IPV6_EXTENSIONS}
 * IPv6 extension headers); a header that breaks a rule (an IPv4 header length below 20 bytes, a chain
 * longer than the bounds) stops the parse there and {@link #problem()} says why.
 *
 * <p>On the zero-copy path the decoder reuses one view ({@link SflowRecordView#sampledHeader()}), valid
 * during the callback; {@link FlowData.RawPacketHeader#parse()} gives a view of one's own.
 *
 * <pre>{@code
 * SampledHeaderView h = rawHeader.parse();
 * if (h.ipVersion() == 4 && h.hasSourceAddress()) {
 *     int src = h.sourceIpv4();                      // no allocation
 * }
 * if (h.hasPorts()) flows.add(h.protocol(), h.sourcePort(), h.destinationPort());
 * if (h.vlanCount() > 0) vlans.add(h.vlanId(0));
 * }</pre>
 */
public final class SampledHeaderView {

    /** The most 802.1Q tags read. */
    public static final int MAX_VLAN_TAGS = 8;
    /** The most MPLS label stack entries read. */
    public static final int MAX_MPLS_LABELS = 16;
    /** The most IPv6 extension headers walked. */
    public static final int MAX_IPV6_EXTENSIONS = 16;


    int present;
    int headerProtocol;
    long destinationMac;
    long sourceMac;
    int ethernetType;
    int vlanCount;
    final int[] vlanTci = new int[MAX_VLAN_TAGS];
    int mplsCount;
    final int[] mpls = new int[MAX_MPLS_LABELS];
    int ipVersion;
    int ipOffset = -1;
    int tos;
    int ttl;
    int protocol;
    int nextHeader;
    int sourceIpv4;
    int destinationIpv4;
    final byte[] sourceIpv6 = new byte[16];
    final byte[] destinationIpv6 = new byte[16];
    int flowLabel;
    long fragmentId;
    int fragmentOffset;
    boolean moreFragments;
    int extensionHeaders;
    int sourcePort;
    int destinationPort;
    int tcpFlags;
    int icmpType;
    int icmpCode;
    int transportOffset = -1;
    String problem;
    int base;
    /** The header being parsed, copied from its buffer (grown to the longest header met). */
    private byte[] bytes = new byte[0];

    /** An empty view; {@link FlowData.RawPacketHeader#parse()} gives a parsed one. */
    public SampledHeaderView() {
    }

    /**
     * Parses {@code length} bytes at {@code offset} of {@code buffer} (absolute reads) as a header of
     * {@code headerProtocol}. Offsets reported by this view are relative to {@code offset}.
     *
     * @param buffer the buffer holding the sampled header (a flow sample's sampled_header record)
     * @param offset where the header's first byte is in {@code buffer}
     * @param length how many header bytes were sampled (the record's header length)
     * @param headerProtocol the record's header_protocol: 1 Ethernet, 11 IPv4, 12 IPv6, 13 MPLS ...
     * @return this view, on the header
     * @throws IndexOutOfBoundsException if the range is not inside the buffer's limit
     */
    public SampledHeaderView parse(ByteBuffer buffer, int offset, int length, int headerProtocol) {
        if (offset < 0 || length < 0 || offset > buffer.limit() - length) {
            throw new IndexOutOfBoundsException("header of " + length + " bytes at " + offset + " outside the buffer");
        }
        if (buffer.hasArray()) {
            return parse(buffer.array(), buffer.arrayOffset() + offset, length, headerProtocol);
        }
        byte[] a = bytes;
        if (a.length < length) {
            a = new byte[Math.max(length, 256)];
            bytes = a;
        }
        buffer.get(offset, a, 0, length);
        return parse(a, 0, length, headerProtocol);
    }

    /**
     * Parses the {@code length} bytes of {@code header} from {@code from}, in place, through byte-array views (one
     * bounds check, one load a value): {@link #parse(ByteBuffer, int, int, int)} parses a heap buffer's own array
     * and a direct buffer's header copied into the view's array (one bulk copy). Offsets are relative to {@code from}.
     */
    SampledHeaderView parse(byte[] header, int from, int length, int headerProtocol) {
        SampledHeaderParser.parse(this, header, from, from + length, headerProtocol);
        return this;
    }


    /**
     * The header protocol the header was parsed as.
     *
     * @return the header_protocol given to {@link #parse}
     */
    public int headerProtocol() {
        return headerProtocol;
    }

    /**
     * Whether the Ethernet addresses are present.
     *
     * @return true if the sampled bytes hold both Ethernet addresses
     */
    public boolean hasEthernet() {
        return (present & ETH) != 0;
    }

    /**
     * The Ethernet source address in the low 48 bits.
     *
     * @return the address, first octet highest
     */
    public long sourceMac() {
        return sourceMac;
    }

    /**
     * The Ethernet destination address in the low 48 bits.
     *
     * @return the address, first octet highest
     */
    public long destinationMac() {
        return destinationMac;
    }

    /**
     * Whether the Ethernet type (after VLAN tags and SNAP) is present.
     *
     * @return true if the sampled bytes hold the Ethernet type
     */
    public boolean hasEthernetType() {
        return (present & ETHER_TYPE) != 0;
    }

    /**
     * The Ethernet type after the VLAN tags (0x0800, 0x86DD, 0x8847 ...), or 0.
     *
     * @return the EtherType, 0 to 65535
     */
    public int ethernetType() {
        return ethernetType;
    }

    /**
     * How many 802.1Q/802.1ad tags were read, outermost first.
     *
     * @return the number of VLAN tags, 0 or more
     */
    public int vlanCount() {
        return vlanCount;
    }

    /**
     * The VLAN id (12 bits) of tag {@code i} (0 is the outermost).
     *
     * @param i the tag's position, 0 for the outermost
     * @return the VLAN id, 0 to 4095
     */
    public int vlanId(int i) {
        return tci(i) & 0xFFF;
    }

    /**
     * The priority (PCP, 3 bits) of tag {@code i}.
     *
     * @param i the tag's position, 0 for the outermost
     * @return the priority code point, 0 to 7
     */
    public int vlanPriority(int i) {
        return tci(i) >>> 13;
    }

    private int tci(int i) {
        if (i < 0 || i >= vlanCount) {
            throw new IndexOutOfBoundsException("tag " + i + " of " + vlanCount);
        }
        return vlanTci[i];
    }

    /**
     * How many MPLS label stack entries were read.
     *
     * @return the number of label stack entries, 0 or more
     */
    public int mplsLabelCount() {
        return mplsCount;
    }

    /**
     * MPLS label stack entry {@code i} (label, TC, S, TTL) as sent.
     *
     * @param i the entry's position, 0 for the top of the stack
     * @return the 32-bit entry: label in the top 20 bits, then TC (3), bottom of stack (1), TTL (8)
     */
    public int mplsLabelStackEntry(int i) {
        if (i < 0 || i >= mplsCount) {
            throw new IndexOutOfBoundsException("label " + i + " of " + mplsCount);
        }
        return mpls[i];
    }

    /**
     * 4 or 6 when an IP header starts in the sampled bytes, else 0.
     *
     * @return 4, 6 or 0
     */
    public int ipVersion() {
        return ipVersion;
    }

    /**
     * Where the IP header starts, relative to the sampled header, or -1.
     *
     * @return the offset, or -1 when there is no IP header
     */
    public int ipOffset() {
        return ipOffset;
    }

    /**
     * Where the transport header starts, relative to the sampled header, or -1.
     *
     * @return the offset, or -1 when the sampled bytes end before it
     */
    public int transportOffset() {
        return transportOffset;
    }

    /**
     * Whether the IP source address is present.
     *
     * @return true if the sampled bytes hold the whole source address
     */
    public boolean hasSourceAddress() {
        return (present & IP_SRC) != 0;
    }

    /**
     * Whether the IP destination address is present.
     *
     * @return true if the sampled bytes hold the whole destination address
     */
    public boolean hasDestinationAddress() {
        return (present & IP_DST) != 0;
    }

    /**
     * The IPv4 source address as an int.
     *
     * @return the address, first octet in the high byte
     */
    public int sourceIpv4() {
        return sourceIpv4;
    }

    /**
     * The IPv4 destination address as an int.
     *
     * @return the address, first octet in the high byte
     */
    public int destinationIpv4() {
        return destinationIpv4;
    }

    /**
     * Copies the 16 bytes of the IPv6 source address into {@code dst} at {@code offset}.
     *
     * @param dst the array copied into
     * @param offset where in {@code dst} the first byte goes
     */
    public void copySourceIpv6(byte[] dst, int offset) {
        System.arraycopy(sourceIpv6, 0, dst, offset, 16);
    }

    /**
     * Copies the 16 bytes of the IPv6 destination address into {@code dst} at {@code offset}.
     *
     * @param dst the array copied into
     * @param offset where in {@code dst} the first byte goes
     */
    public void copyDestinationIpv6(byte[] dst, int offset) {
        System.arraycopy(destinationIpv6, 0, dst, offset, 16);
    }

    /**
     * The source address (allocates), or null when absent.
     *
     * @return the address, or null
     */
    public InetAddress sourceAddress() {
        return hasSourceAddress() ? address(sourceIpv4, sourceIpv6) : null;
    }

    /**
     * The destination address (allocates), or null when absent.
     *
     * @return the address, or null
     */
    public InetAddress destinationAddress() {
        return hasDestinationAddress() ? address(destinationIpv4, destinationIpv6) : null;
    }

    private InetAddress address(int v4, byte[] v6) {
        try {
            if (ipVersion == 4) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {
                    (byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4});
            }
            return Inet6Address.getByAddress(null, v6.clone(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: address of fixed length", e);
        }
    }

    /**
     * Whether the upper-layer protocol is known.
     *
     * @return true if {@link #protocol()} is known
     */
    public boolean hasProtocol() {
        return (present & PROTO) != 0;
    }

    /**
     * The upper-layer protocol: IPv4's protocol, or IPv6's last next header after the extension headers.
     *
     * @return the IP protocol number, 0 to 255 (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6)
     */
    public int protocol() {
        return protocol;
    }

    /**
     * Whether {@link #firstNextHeader()} is present.
     *
     * @return true if the first next header is present
     */
    public boolean hasFirstNextHeader() {
        return (present & NEXT_HEADER) != 0;
    }

    /**
     * The IP header's own protocol / next header field (for IPv6, before any extension header).
     *
     * @return the protocol number, 0 to 255
     */
    public int firstNextHeader() {
        return nextHeader;
    }

    /**
     * How many IPv6 extension headers were walked.
     *
     * @return the number of extension headers
     */
    public int extensionHeaderCount() {
        return extensionHeaders;
    }

    /**
     * Whether the type of service / traffic class is present.
     *
     * @return true if {@link #tos()} is present
     */
    public boolean hasTos() {
        return (present & TOS) != 0;
    }

    /**
     * The IPv4 TOS (DS field) byte or the IPv6 traffic class.
     *
     * @return the byte, 0 to 255: DSCP in the top six bits, ECN in the low two
     */
    public int tos() {
        return tos;
    }

    /**
     * Whether the TTL / hop limit is present.
     *
     * @return true if {@link #ttl()} is present
     */
    public boolean hasTtl() {
        return (present & TTL) != 0;
    }

    /**
     * The IPv4 TTL or IPv6 hop limit.
     *
     * @return the hop count left, 0 to 255
     */
    public int ttl() {
        return ttl;
    }

    /**
     * Whether the IPv6 flow label is present.
     *
     * @return true if {@link #flowLabel()} is present
     */
    public boolean hasFlowLabel() {
        return (present & FLOW_LABEL) != 0;
    }

    /**
     * The IPv6 flow label (20 bits).
     *
     * @return the flow label, 0 to 1048575
     */
    public int flowLabel() {
        return flowLabel;
    }

    /**
     * Whether fragment fields are present (every IPv4 header; IPv6 with a fragment header).
     *
     * @return true if the fragment fields are present
     */
    public boolean hasFragment() {
        return (present & FRAG) != 0;
    }

    /**
     * The fragment identification (16 bits for IPv4, 32 for IPv6).
     *
     * @return the identification
     */
    public long fragmentId() {
        return fragmentId;
    }

    /**
     * The fragment offset in 8-byte units.
     *
     * @return the offset, 0 to 8191
     */
    public int fragmentOffset() {
        return fragmentOffset;
    }

    /**
     * Whether the more-fragments flag is set.
     *
     * @return true if the MF flag is set
     */
    public boolean moreFragments() {
        return moreFragments;
    }

    /**
     * Whether transport ports are present (TCP, UDP, SCTP, UDP-Lite).
     *
     * @return true if {@link #sourcePort()} and {@link #destinationPort()} are present
     */
    public boolean hasPorts() {
        return (present & PORTS) != 0;
    }

    /**
     * The transport source port.
     *
     * @return the port, 0 to 65535
     */
    public int sourcePort() {
        return sourcePort;
    }

    /**
     * The transport destination port.
     *
     * @return the port, 0 to 65535
     */
    public int destinationPort() {
        return destinationPort;
    }

    /**
     * Whether TCP flags are present.
     *
     * @return true if {@link #tcpFlags()} is present
     */
    public boolean hasTcpFlags() {
        return (present & TCP_FLAGS) != 0;
    }

    /**
     * The TCP flags byte (CWR ECE URG ACK PSH RST SYN FIN).
     *
     * @return the flags byte, 0 to 255
     */
    public int tcpFlags() {
        return tcpFlags;
    }

    /**
     * Whether ICMP (for IPv4) or ICMPv6 (for IPv6) type and code are present.
     *
     * @return true if {@link #icmpType()} and {@link #icmpCode()} are present
     */
    public boolean hasIcmp() {
        return (present & ICMP) != 0;
    }

    /**
     * The ICMP / ICMPv6 type.
     *
     * @return the type, 0 to 255
     */
    public int icmpType() {
        return icmpType;
    }

    /**
     * The ICMP / ICMPv6 code.
     *
     * @return the code, 0 to 255
     */
    public int icmpCode() {
        return icmpCode;
    }

    /**
     * Why the parse stopped early on a rule the header broke, or null (a header merely cut short is no problem).
     *
     * @return the problem in words, or null
     */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SampledHeader[");
        if (hasEthernet()) {
            sb.append(String.format("eth %012x > %012x type 0x%04x", sourceMac, destinationMac, ethernetType));
        }
        for (int i = 0; i < vlanCount; i++) {
            sb.append(" vlan ").append(vlanId(i));
        }
        for (int i = 0; i < mplsCount; i++) {
            sb.append(" mpls ").append(mpls[i] >>> 12);
        }
        if (ipVersion != 0) {
            sb.append(" ipv").append(ipVersion).append(' ').append(sourceAddress()).append(" > ").append(destinationAddress());
        }
        if (hasProtocol()) {
            sb.append(" proto ").append(protocol);
        }
        if (hasPorts()) {
            sb.append(" ports ").append(sourcePort).append(" > ").append(destinationPort);
        }
        if (hasTcpFlags()) {
            sb.append(" flags 0x").append(Integer.toHexString(tcpFlags));
        }
        if (hasIcmp()) {
            sb.append(" icmp ").append(icmpType).append('/').append(icmpCode);
        }
        if (problem != null) {
            sb.append(" problem: ").append(problem);
        }
        return sb.append(']').toString();
    }
}
