package io.github.flowcodec.flowmessage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.flowmessage.FlowField;
import io.github.flowcodec.flowmessage.PacketLayer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** goflow2's walk of a sampled Ethernet header: layer_stack, layer_size and the SRv6 fields, on crafted headers. */
class PacketLayersTest {

    private static final PacketLayer ETH = PacketLayer.ETHERNET;
    private static final PacketLayer V4 = PacketLayer.IPV4;
    private static final PacketLayer V6 = PacketLayer.IPV6;

    /** The walk of {@code header}, placed at an offset of a larger array as a datagram's bytes are. */
    private static MessageSlots walk(byte[] header) {
        byte[] datagram = new byte[header.length + 40];
        System.arraycopy(header, 0, datagram, 17, header.length);
        MessageSlots m = new MessageSlots();
        PacketLayers.walk(m, datagram, 17, header.length);
        return m;
    }

    private static List<PacketLayer> stack(MessageSlots m) {
        List<PacketLayer> l = new ArrayList<>();
        for (int i = 0; i < m.get(FlowField.LAYER_STACK); i++) {
            l.add(PacketLayer.of(m.list(FlowField.LAYER_STACK.ordinal())[i]));
        }
        return l;
    }

    private static int[] sizes(MessageSlots m) {
        return Arrays.copyOf(m.list(FlowField.LAYER_SIZE.ordinal()), (int) m.get(FlowField.LAYER_SIZE));
    }

    private static List<String> segments(MessageSlots m) {
        List<String> l = new ArrayList<>();
        int o = FlowField.IPV6_ROUTING_HEADER_ADDRESSES.ordinal();
        for (int i = 0; i < m.get(FlowField.IPV6_ROUTING_HEADER_ADDRESSES); i++) {
            byte[] a = Arrays.copyOfRange(m.addressList(o), 16 * i, 16 * i + m.list(o)[i]);
            l.add(io.github.flowcodec.flowmessage.AddressText.of(address(a)));
        }
        return l;
    }

    private static java.net.InetAddress address(byte[] a) {
        try {
            return java.net.InetAddress.getByAddress(a);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    // ---- headers, byte by byte

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ethernet(int type) {
        byte[] b = new byte[14];
        for (int i = 0; i < 12; i++) {
            b[i] = (byte) (0xA0 + i);
        }
        b[12] = (byte) (type >>> 8);
        b[13] = (byte) type;
        return b;
    }

    private static byte[] tag(int vlan, int type) {
        return bytes(vlan >>> 8, vlan, type >>> 8, type);
    }

    private static byte[] mpls(int label, boolean bottom, int ttl) {
        return bytes(label >>> 12, label >>> 4, (label & 0xF) << 4 | (bottom ? 1 : 0), ttl);
    }

    /** An IPv4 header of 20 bytes (IHL 5) with this protocol, or with a larger IHL than it has. */
    private static byte[] ipv4(int protocol, int ihl) {
        byte[] b = new byte[20];
        b[0] = (byte) (0x40 | ihl);
        b[8] = 64;
        b[9] = (byte) protocol;
        b[12] = 10;
        b[15] = 1;
        b[16] = 10;
        b[19] = 2;
        return b;
    }

    private static byte[] ipv4(int protocol) {
        return ipv4(protocol, 5);
    }

    private static byte[] ipv6(int nextHeader) {
        byte[] b = new byte[40];
        b[0] = 0x60;
        b[6] = (byte) nextHeader;
        b[7] = 64;
        b[8] = 0x20;
        b[9] = 0x01;
        b[23] = 1;
        return b;
    }

    /** A TCP header of 20 bytes: data offset 5 in byte 12, {@code flags} in byte 13. */
    private static byte[] tcp(int flags) {
        byte[] b = new byte[20];
        b[1] = 80;
        b[12] = 0x50;
        b[13] = (byte) flags;
        return b;
    }

    private static byte[] udp() {
        return bytes(0, 53, 0, 53, 0, 8, 0, 0);
    }

    private static byte[] segment(int last) {
        byte[] b = new byte[16];
        b[0] = 0x20;
        b[1] = 0x01;
        b[2] = 0x0d;
        b[3] = (byte) 0xb8;
        b[15] = (byte) last;
        return b;
    }

    /** An IPv6 routing header: next header, length in 8-byte units past the first 8, type, segments left, last entry. */
    private static byte[] routing(int nextHeader, int type, int segmentsLeft, int lastEntry, byte[]... segments) {
        byte[] fixed = bytes(nextHeader, 2 * segments.length, type, segmentsLeft, lastEntry, 0, 0, 0);
        return concat(fixed, concat(segments));
    }

    private static byte[] fragment(int nextHeader) {
        return bytes(nextHeader, 0, 0, 1, 0, 0, 0, 42);
    }

    // ---- the walk

    @Test
    void ethernetIpv4TcpHasGoflow2sSizes() {
        // goflow2's TCP size: 20 plus 4 times the high nibble of the flags byte (ACK|PSH: 1), not the data offset
        MessageSlots ack = walk(concat(ethernet(0x0800), ipv4(6), tcp(0x18), new byte[40]));
        assertThat(stack(ack)).containsExactly(ETH, V4, PacketLayer.TCP);
        assertThat(sizes(ack)).containsExactly(14, 20, 24);
        MessageSlots syn = walk(concat(ethernet(0x0800), ipv4(6), tcp(0x02)));
        assertThat(sizes(syn)).containsExactly(14, 20, 20);
        // IPv4 is 20 bytes whatever its header length says; the walk reads the options as the next layer
        MessageSlots options = walk(concat(ethernet(0x0800), ipv4(17, 6), new byte[4], udp()));
        assertThat(stack(options)).containsExactly(ETH, V4, PacketLayer.UDP);
        assertThat(sizes(options)).containsExactly(14, 20, 8);
        assertThat(ack.has(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isFalse();
        assertThat(ack.has(FlowField.IPV6_ROUTING_HEADER_ADDRESSES)).isFalse();
    }

    @Test
    void vlanTagsAreDot1qLayers() {
        MessageSlots vlan = walk(concat(ethernet(0x8100), tag(100, 0x0800), ipv4(17), udp()));
        assertThat(stack(vlan)).containsExactly(ETH, PacketLayer.DOT1Q, V4, PacketLayer.UDP);
        assertThat(sizes(vlan)).containsExactly(14, 4, 20, 8);
        MessageSlots qinq = walk(concat(ethernet(0x8100), tag(100, 0x8100), tag(200, 0x86DD), ipv6(17), udp()));
        assertThat(stack(qinq)).containsExactly(ETH, PacketLayer.DOT1Q, PacketLayer.DOT1Q, V6, PacketLayer.UDP);
        assertThat(sizes(qinq)).containsExactly(14, 4, 4, 40, 8);
        // goflow2 knows 0x8100 only: an 802.1ad outer tag ends the walk
        MessageSlots ad = walk(concat(ethernet(0x88A8), tag(100, 0x8100), tag(200, 0x0800), ipv4(17), udp()));
        assertThat(stack(ad)).containsExactly(ETH);
        assertThat(sizes(ad)).containsExactly(14);
    }

    @Test
    void anMplsStackIsOneLayerAndItsPayloadIsFoundByTheVersionNibble() {
        MessageSlots toV4 = walk(concat(ethernet(0x8847), mpls(16, false, 64), mpls(299776, true, 63), ipv4(17), udp()));
        assertThat(stack(toV4)).containsExactly(ETH, PacketLayer.MPLS, V4, PacketLayer.UDP);
        assertThat(sizes(toV4)).containsExactly(14, 8, 20, 8);
        MessageSlots toV6 = walk(concat(ethernet(0x8847), mpls(24001, true, 64), ipv6(58), bytes(128, 0, 0, 0)));
        assertThat(stack(toV6)).containsExactly(ETH, PacketLayer.MPLS, V6, PacketLayer.ICMPV6);
        assertThat(sizes(toV6)).containsExactly(14, 4, 40, 8);
        // a reserved label ends the stack though its S bit is clear; the next byte (a label's) is no IP version
        MessageSlots reserved = walk(concat(ethernet(0x8847), mpls(3, false, 64), mpls(100, true, 64), ipv4(17), udp()));
        assertThat(stack(reserved)).containsExactly(ETH, PacketLayer.MPLS);
        assertThat(sizes(reserved)).containsExactly(14, 4);
        // a stack the bytes end in: as many entries as there are, and no layer after it
        MessageSlots cut = walk(concat(ethernet(0x8847), mpls(16, false, 64), mpls(17, false, 64), bytes(0, 1)));
        assertThat(stack(cut)).containsExactly(ETH, PacketLayer.MPLS);
        assertThat(sizes(cut)).containsExactly(14, 8);
    }

    @Test
    void anIpv6SegmentRoutingHeaderGivesItsSegmentsAndSegmentsLeft() {
        // RFC 8200's order: routing header, then fragment header
        MessageSlots m = walk(concat(ethernet(0x86DD), ipv6(43), routing(44, 4, 1, 1, segment(1), segment(2)), fragment(17), udp()));
        assertThat(stack(m)).containsExactly(ETH, V6, PacketLayer.IPV6_HEADER_ROUTING, PacketLayer.IPV6_HEADER_FRAGMENT,
                PacketLayer.UDP);
        assertThat(sizes(m)).containsExactly(14, 40, 40, 8, 8);
        assertThat(segments(m)).containsExactly("2001:db8::1", "2001:db8::2");
        assertThat(m.get(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isEqualTo(1);
        // the last entry bounds the segments read, so do the header's length and the sampled bytes
        assertThat(segments(walk(concat(ethernet(0x86DD), ipv6(43), routing(17, 4, 0, 0, segment(1), segment(2)), udp()))))
                .containsExactly("2001:db8::1");
        byte[] cut = concat(ethernet(0x86DD), ipv6(43), routing(17, 4, 1, 1, segment(1), segment(2)));
        MessageSlots short1 = walk(Arrays.copyOf(cut, cut.length - 1));
        assertThat(segments(short1)).containsExactly("2001:db8::1");
        assertThat(sizes(short1)).containsExactly(14, 40, 40); // the routing size goflow2 counts: past the sampled bytes
        // another routing type: segments left, no segments
        MessageSlots type2 = walk(concat(ethernet(0x86DD), ipv6(43), routing(17, 2, 1, 0, segment(7)), udp()));
        assertThat(type2.get(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isEqualTo(1);
        assertThat(type2.has(FlowField.IPV6_ROUTING_HEADER_ADDRESSES)).isFalse();
        // a routing header after a fragment header is in goflow2's eyes a new group of the same level: encapsulated
        MessageSlots after = walk(concat(ethernet(0x86DD), ipv6(44), fragment(43), routing(17, 4, 1, 1, segment(1), segment(2)), udp()));
        assertThat(stack(after)).containsExactly(ETH, V6, PacketLayer.IPV6_HEADER_FRAGMENT, PacketLayer.IPV6_HEADER_ROUTING,
                PacketLayer.UDP);
        assertThat(after.has(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isFalse();
        assertThat(after.has(FlowField.IPV6_ROUTING_HEADER_ADDRESSES)).isFalse();
    }

    @Test
    void greAndIpInIpGoOnInsideAndTheSrv6FieldsAreTheOuterOnes() {
        MessageSlots gre = walk(concat(ethernet(0x0800), ipv4(47), bytes(0, 0, 0x08, 0x00), ipv4(6), tcp(0x10)));
        assertThat(stack(gre)).containsExactly(ETH, V4, PacketLayer.GRE, V4, PacketLayer.TCP);
        assertThat(sizes(gre)).containsExactly(14, 20, 4, 20, 24);
        MessageSlots bridged = walk(concat(ethernet(0x0800), ipv4(47), bytes(0, 0, 0x65, 0x58), ethernet(0x0806), new byte[28]));
        assertThat(stack(bridged)).containsExactly(ETH, V4, PacketLayer.GRE, ETH);
        assertThat(sizes(bridged)).containsExactly(14, 20, 4, 14);
        // IPv4 in IPv6 after the outer segment routing header: the outer's segments only
        MessageSlots outer = walk(concat(ethernet(0x86DD), ipv6(43), routing(4, 4, 0, 0, segment(9)), ipv4(41), ipv6(43),
                routing(17, 4, 1, 1, segment(1), segment(2)), udp()));
        assertThat(stack(outer)).containsExactly(ETH, V6, PacketLayer.IPV6_HEADER_ROUTING, V4, V6,
                PacketLayer.IPV6_HEADER_ROUTING, PacketLayer.UDP);
        assertThat(segments(outer)).containsExactly("2001:db8::9");
        assertThat(outer.get(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isZero();
        assertThat(outer.has(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isTrue();
        // IPv6 in IPv4: the inner routing header is encapsulated
        MessageSlots inner = walk(concat(ethernet(0x0800), ipv4(41), ipv6(43), routing(17, 4, 1, 1, segment(1), segment(2)), udp()));
        assertThat(stack(inner)).containsExactly(ETH, V4, V6, PacketLayer.IPV6_HEADER_ROUTING, PacketLayer.UDP);
        assertThat(inner.has(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT)).isFalse();
        assertThat(inner.has(FlowField.IPV6_ROUTING_HEADER_ADDRESSES)).isFalse();
    }

    @Test
    void aLayerTheBytesEndBeforeGivesATrailingZeroSize() {
        byte[] full = concat(ethernet(0x0800), ipv4(6), tcp(0x10));
        MessageSlots cutInIp = walk(Arrays.copyOf(full, 30));
        assertThat(stack(cutInIp)).containsExactly(ETH);
        assertThat(sizes(cutInIp)).containsExactly(14, 0);
        MessageSlots endsAfterEthernet = walk(Arrays.copyOf(full, 14));
        assertThat(stack(endsAfterEthernet)).containsExactly(ETH);
        assertThat(sizes(endsAfterEthernet)).containsExactly(14, 0);
        MessageSlots cutInTcp = walk(Arrays.copyOf(full, 50));
        assertThat(stack(cutInTcp)).containsExactly(ETH, V4);
        assertThat(sizes(cutInTcp)).containsExactly(14, 20, 0);
        MessageSlots notEvenEthernet = walk(new byte[13]);
        assertThat(stack(notEvenEthernet)).isEmpty();
        assertThat(sizes(notEvenEthernet)).containsExactly(0);
        assertThat(sizes(walk(new byte[0]))).containsExactly(0);
        // ICMP needs two bytes and is 8
        MessageSlots icmp = walk(concat(ethernet(0x0800), ipv4(1), bytes(8, 0)));
        assertThat(stack(icmp)).containsExactly(ETH, V4, PacketLayer.ICMP);
        assertThat(sizes(icmp)).containsExactly(14, 20, 8);
    }

    @Test
    void arpAndUnknownEthertypesEndTheWalk() {
        MessageSlots arp = walk(concat(ethernet(0x0806), new byte[28]));
        assertThat(stack(arp)).containsExactly(ETH);
        assertThat(sizes(arp)).containsExactly(14);
        MessageSlots esp = walk(concat(ethernet(0x0800), ipv4(50), new byte[40]));
        assertThat(stack(esp)).containsExactly(ETH, V4);
        assertThat(sizes(esp)).containsExactly(14, 20);
    }

    @Test
    void aHostileHeaderIsWalkedInBoundedSteps() {
        // 1,000 stacked VLAN tags: the walk stops after MAX_LIST parsers
        byte[] tags = new byte[4 * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(tag(1, 0x8100), 0, tags, 4 * i, 4);
        }
        MessageSlots m = walk(concat(ethernet(0x8100), tags));
        assertThat(m.get(FlowField.LAYER_SIZE)).isEqualTo(MessageSlots.MAX_LIST);
        assertThat(m.get(FlowField.LAYER_STACK)).isEqualTo(MessageSlots.MAX_LIST);
    }

    /**
     * What goflow2's walk guarantees of any bytes: it ends; layer_size has one entry per layer and at most one more, a
     * 0 and last (a parser whose bytes fell short); every layer but the last starts inside the header, so the sizes
     * before the last add up to the header's length at most; the last may reach past it (TCP's size by its flags byte:
     * 80 at most, a routing header's by its length byte: 2,048, ICMP's 8 from 2 bytes), never by more than 2,048.
     */
    @Property(tries = 3000)
    void anyHeaderGivesAStackAndSizesGoflow2Would(@ForAll("headers") byte[] header) {
        MessageSlots m = walk(header);
        int layers = (int) m.get(FlowField.LAYER_STACK);
        int[] sizes = sizes(m);
        assertThat(sizes.length).isBetween(Math.max(1, layers), layers + 1).isLessThanOrEqualTo(MessageSlots.MAX_LIST);
        long beforeLast = 0;
        for (int i = 0; i < sizes.length - 1; i++) {
            assertThat(sizes[i]).as("size %d of %s", i, Arrays.toString(sizes)).isPositive();
            beforeLast += sizes[i];
        }
        assertThat(beforeLast).isLessThanOrEqualTo(header.length);
        assertThat(beforeLast + sizes[sizes.length - 1]).isLessThanOrEqualTo(header.length + 2048L);
        assertThat(sizes[sizes.length - 1] == 0).isEqualTo(sizes.length == layers + 1);
        if (layers > 0) {
            assertThat(stack(m).get(0)).isEqualTo(ETH);
        }
        assertThat(m.get(FlowField.IPV6_ROUTING_HEADER_ADDRESSES)).isLessThanOrEqualTo(128);
    }

    /** Headers that start as real ones do (an Ethernet type goflow2 walks, IP protocols it knows) and go on at random. */
    @Provide
    Arbitrary<byte[]> headers() {
        Arbitrary<byte[]> start = Arbitraries.of(
                concat(ethernet(0x0800), ipv4(6)), concat(ethernet(0x86DD), ipv6(43)), concat(ethernet(0x8100)),
                concat(ethernet(0x8847)), concat(ethernet(0x0800), ipv4(47)), concat(ethernet(0x86DD), ipv6(44)),
                concat(ethernet(0x0800), ipv4(4)), concat(ethernet(0x0800), ipv4(1)), new byte[0]);
        Arbitrary<byte[]> rest = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        return net.jqwik.api.Combinators.combine(start, rest, Arbitraries.integers().between(0, 80))
                .as((s, r, cut) -> Arrays.copyOf(concat(s, r), Math.max(0, s.length + r.length - cut)));
    }

    @Property(tries = 500)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 2000) byte[] header) {
        MessageSlots m = walk(header);
        assertThat(m.get(FlowField.LAYER_SIZE)).isBetween(m.get(FlowField.LAYER_STACK), m.get(FlowField.LAYER_STACK) + 1);
    }
}
