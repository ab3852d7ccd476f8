package io.github.flowcodec.sflow;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds packet bytes to put in a raw packet header record: Ethernet with 802.1Q/QinQ tags, an MPLS label
 * stack, IPv4 (with options and fragment fields) or IPv6 (with extension headers), and TCP, UDP, ICMP or
 * ICMPv6, then payload. Layers are added outermost first; IP lengths and next-header fields are filled in
 * at {@link #build()}. Checksums are left zero. For tests, examples and benchmarks.
 *
 * <pre>{@code
 * byte[] frame = SampledFrameBuilder.ethernet(0x0016_3e00_0001L, 0x0016_3e00_0002L)
 *         .vlan(100)
 *         .ipv4(src, dst).tos(0x28).ttl(63)
 *         .tcp(443, 51000, 0x18)
 *         .payload(1400)
 *         .build();
 * FlowData.RawPacketHeader h = SampledFrameBuilder.rawHeader(frame, 128);   // the first 128 bytes, frame length and stripped set
 * }</pre>
 */
public final class SampledFrameBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int headerProtocol;
    private int pendingType = -1;      // offset of an Ethernet type / MPLS follow-up to fill
    private int ipStart = -1;
    private int ipVersion;
    private int nextHeaderAt = -1;     // offset of the protocol / next-header byte to fill
    private int tos;
    private int ttl = 64;
    private int ipId;
    private int fragmentOffset;
    private boolean moreFragments;
    private boolean dontFragment;
    private int flowLabel;

    private SampledFrameBuilder(int headerProtocol) {
        this.headerProtocol = headerProtocol;
    }

    /**
     * An Ethernet frame (header protocol {@link Sflow#HEADER_ETHERNET}) from {@code srcMac} to {@code dstMac}.
     *
     * @param srcMac the source MAC address, first octet highest (low 48 bits)
     * @param dstMac the destination MAC address, first octet highest
     * @return a builder for an Ethernet frame with no layer yet
     */
    public static SampledFrameBuilder ethernet(long srcMac, long dstMac) {
        SampledFrameBuilder b = new SampledFrameBuilder(Sflow.HEADER_ETHERNET);
        b.mac(dstMac);
        b.mac(srcMac);
        b.pendingType = b.out.size();
        b.out.writeBytes(new byte[2]);
        return b;
    }

    /**
     * A packet starting with its IP header (header protocol {@link Sflow#HEADER_IPV4} or {@link Sflow#HEADER_IPV6} by
     * the first IP layer).
     *
     * @return a builder for a packet with no layer yet
     */
    public static SampledFrameBuilder rawIp() {
        return new SampledFrameBuilder(0);
    }

    /**
     * The header protocol to announce: Ethernet, or raw IPv4/IPv6 by the IP layer added.
     *
     * @return {@link Sflow#HEADER_ETHERNET}, {@link Sflow#HEADER_IPV4} or {@link Sflow#HEADER_IPV6}
     */
    public int headerProtocol() {
        return headerProtocol != 0 ? headerProtocol : ipVersion == 6 ? Sflow.HEADER_IPV6 : Sflow.HEADER_IPV4;
    }

    private void mac(long m) {
        out.write(ByteBuffer.allocate(8).putLong(m).array(), 2, 6);
    }

    private void type(int type) {
        if (pendingType >= 0) {
            byte[] b = out.toByteArray();
            b[pendingType] = (byte) (type >>> 8);
            b[pendingType + 1] = (byte) type;
            out.reset();
            out.writeBytes(b);
            pendingType = -1;
        }
    }

    private void set(int at, int value) {
        byte[] b = out.toByteArray();
        b[at] = (byte) value;
        out.reset();
        out.writeBytes(b);
    }

    /**
     * An 802.1Q tag (TPID 0x8100).
     *
     * @param id the VLAN id, 0 to 4095
     * @return this builder
     */
    public SampledFrameBuilder vlan(int id) {
        return vlan(0x8100, id, 0);
    }

    /**
     * A VLAN tag with this TPID (0x8100, 0x88A8 ...), id and priority.
     *
     * @param tpid the tag protocol identifier, 0 to 65535
     * @param id the VLAN id, 0 to 4095
     * @param priority the priority code point, 0 to 7
     * @return this builder
     */
    public SampledFrameBuilder vlan(int tpid, int id, int priority) {
        type(tpid);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) (priority << 13 | (id & 0xFFF))).array());
        pendingType = out.size();
        out.writeBytes(new byte[2]);
        return this;
    }

    /**
     * An MPLS label stack entry (TTL 64); the last one added gets the bottom-of-stack bit.
     *
     * @param label the label, 0 to 1048575
     * @return this builder
     */
    public SampledFrameBuilder mpls(int label) {
        type(0x8847);
        byte[] all = out.toByteArray();
        // clear the S bit of a previous label of this stack
        if (all.length >= 4 && lastMpls >= 0) {
            all[lastMpls + 2] &= (byte) ~1;
            out.reset();
            out.writeBytes(all);
        }
        lastMpls = out.size();
        out.writeBytes(ByteBuffer.allocate(4).putInt(label << 12 | 0x100 | 64).array());
        return this;
    }

    private int lastMpls = -1;

    /**
     * An IPv4 header (20 bytes) from {@code src} to {@code dst}.
     *
     * @param src the source address
     * @param dst the destination address
     * @return this builder
     */
    public SampledFrameBuilder ipv4(Inet4Address src, Inet4Address dst) {
        return ipv4(src, dst, new byte[0]);
    }

    /**
     * An IPv4 header with options (padded to 4 bytes).
     *
     * @param src the source address
     * @param dst the destination address
     * @param options the option bytes, at most 40
     * @return this builder
     */
    public SampledFrameBuilder ipv4(Inet4Address src, Inet4Address dst, byte[] options) {
        type(0x0800);
        byte[] opts = Arrays.copyOf(options, (options.length + 3) & ~3);
        ipStart = out.size();
        ipVersion = 4;
        ByteBuffer h = ByteBuffer.allocate(20);
        h.put((byte) (0x40 | (5 + opts.length / 4))).put((byte) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).put((byte) 64).put((byte) 0).putShort((short) 0).put(src.getAddress()).put(dst.getAddress());
        out.writeBytes(h.array());
        out.writeBytes(opts);
        nextHeaderAt = ipStart + 9;
        return this;
    }

    /**
     * An IPv6 header from {@code src} to {@code dst}.
     *
     * @param src the source address
     * @param dst the destination address
     * @return this builder
     */
    public SampledFrameBuilder ipv6(Inet6Address src, Inet6Address dst) {
        type(0x86DD);
        ipStart = out.size();
        ipVersion = 6;
        ByteBuffer h = ByteBuffer.allocate(40);
        h.putInt(0x6000_0000).putShort((short) 0).put((byte) 59).put((byte) 64).put(src.getAddress()).put(dst.getAddress());
        out.writeBytes(h.array());
        nextHeaderAt = ipStart + 6;
        return this;
    }

    /**
     * An IPv6 extension header of {@code type} (0 hop-by-hop, 43 routing, 60 destination options: 8 bytes;
     * 44 fragment: 8 bytes with the fragment fields set by {@link #fragment}).
     *
     * @param type the next header value of the extension header
     * @return this builder
     */
    public SampledFrameBuilder ipv6Extension(int type) {
        set(nextHeaderAt, type);
        int at = out.size();
        byte[] h = new byte[8];
        h[0] = 59;
        if (type == 44) {
            ByteBuffer.wrap(h).putShort(2, (short) (fragmentOffset << 3 | (moreFragments ? 1 : 0))).putInt(4, ipId);
        }
        out.writeBytes(h);
        nextHeaderAt = at;
        return this;
    }

    /**
     * The IPv4 TOS byte or IPv6 traffic class.
     *
     * @param tos the byte, 0 to 255
     * @return this builder
     */
    public SampledFrameBuilder tos(int tos) {
        this.tos = tos;
        return this;
    }

    /**
     * The TTL or hop limit.
     *
     * @param ttl the hop count, 0 to 255
     * @return this builder
     */
    public SampledFrameBuilder ttl(int ttl) {
        this.ttl = ttl;
        return this;
    }

    /**
     * The IPv6 flow label.
     *
     * @param label the flow label, 0 to 1048575
     * @return this builder
     */
    public SampledFrameBuilder flowLabel(int label) {
        this.flowLabel = label;
        return this;
    }

    /**
     * The fragment identification, offset (8-byte units) and more-fragments flag (IPv4; IPv6 fragment header).
     *
     * @param id the identification (16 bits for IPv4, 32 for IPv6)
     * @param offset the fragment offset in 8-byte units, 0 to 8191
     * @param more the more-fragments flag
     * @return this builder
     */
    public SampledFrameBuilder fragment(int id, int offset, boolean more) {
        this.ipId = id;
        this.fragmentOffset = offset;
        this.moreFragments = more;
        return this;
    }

    /**
     * Sets the IPv4 don't-fragment flag.
     *
     * @return this builder
     */
    public SampledFrameBuilder dontFragment() {
        this.dontFragment = true;
        return this;
    }

    /**
     * A TCP header (20 bytes) with these flags.
     *
     * @param srcPort the source port, 0 to 65535
     * @param dstPort the destination port, 0 to 65535
     * @param flags the flags byte (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10 ...)
     * @return this builder
     */
    public SampledFrameBuilder tcp(int srcPort, int dstPort, int flags) {
        set(nextHeaderAt, 6);
        ByteBuffer h = ByteBuffer.allocate(20);
        h.putShort((short) srcPort).putShort((short) dstPort).putInt(1).putInt(0).put((byte) 0x50).put((byte) flags)
                .putShort((short) 65535).putInt(0);
        out.writeBytes(h.array());
        return this;
    }

    /**
     * A UDP header (8 bytes).
     *
     * @param srcPort the source port, 0 to 65535
     * @param dstPort the destination port, 0 to 65535
     * @return this builder
     */
    public SampledFrameBuilder udp(int srcPort, int dstPort) {
        set(nextHeaderAt, 17);
        out.writeBytes(ByteBuffer.allocate(8).putShort((short) srcPort).putShort((short) dstPort).array());
        udpAt = out.size() - 8;
        return this;
    }

    private int udpAt = -1;

    /**
     * An ICMP (IPv4) or ICMPv6 (IPv6) header with this type and code.
     *
     * @param type the ICMP type, 0 to 255
     * @param code the ICMP code, 0 to 255
     * @return this builder
     */
    public SampledFrameBuilder icmp(int type, int code) {
        set(nextHeaderAt, ipVersion == 6 ? 58 : 1);
        out.writeBytes(new byte[] {(byte) type, (byte) code, 0, 0, 0, 0, 0, 0});
        return this;
    }

    /**
     * Another upper-layer protocol number, with no header of its own.
     *
     * @param protocol the protocol number, 0 to 255
     * @return this builder
     */
    public SampledFrameBuilder protocol(int protocol) {
        set(nextHeaderAt, protocol);
        return this;
    }

    /**
     * {@code n} payload bytes (a repeating pattern).
     *
     * @param n how many bytes
     * @return this builder
     */
    public SampledFrameBuilder payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (i * 7 + 3);
        }
        out.writeBytes(p);
        return this;
    }

    /**
     * The whole packet, lengths and IP fields filled in.
     *
     * @return the packet's bytes, from the first layer added
     */
    public byte[] build() {
        type(0x0800);
        byte[] b = out.toByteArray();
        ByteBuffer w = ByteBuffer.wrap(b);
        if (ipVersion == 4) {
            w.put(ipStart + 1, (byte) tos);
            w.putShort(ipStart + 2, (short) (b.length - ipStart));
            w.putShort(ipStart + 4, (short) ipId);
            w.putShort(ipStart + 6, (short) ((dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | fragmentOffset));
            w.put(ipStart + 8, (byte) ttl);
        } else if (ipVersion == 6) {
            w.putInt(ipStart, 0x6000_0000 | (tos & 0xFF) << 20 | (flowLabel & 0xF_FFFF));
            w.putShort(ipStart + 4, (short) (b.length - ipStart - 40));
            w.put(ipStart + 7, (byte) ttl);
        }
        if (udpAt >= 0) {
            w.putShort(udpAt + 4, (short) (b.length - udpAt));
        }
        return b;
    }

    /**
     * A raw packet header record of the first {@code maxHeader} bytes of {@code packet}, with frame length 4 bytes
     * more (FCS) and stripped 4.
     *
     * @param packet a whole Ethernet frame, e.g. from {@link #build()}
     * @param maxHeader the most bytes the agent samples (sFlow's default is 128)
     * @return the record, header protocol {@link Sflow#HEADER_ETHERNET}
     */
    public static FlowData.RawPacketHeader rawHeader(byte[] packet, int maxHeader) {
        return rawHeader(Sflow.HEADER_ETHERNET, packet, maxHeader);
    }

    /**
     * As {@link #rawHeader(byte[], int)} with another header protocol (no FCS for raw IP).
     *
     * @param headerProtocol the header protocol, e.g. {@link Sflow#HEADER_IPV4}
     * @param packet the whole packet
     * @param maxHeader the most bytes the agent samples
     * @return the record
     */
    public static FlowData.RawPacketHeader rawHeader(int headerProtocol, byte[] packet, int maxHeader) {
        int fcs = headerProtocol == Sflow.HEADER_ETHERNET ? 4 : 0;
        return new FlowData.RawPacketHeader(headerProtocol, packet.length + fcs, fcs,
                Arrays.copyOf(packet, Math.min(packet.length, maxHeader)));
    }
}
