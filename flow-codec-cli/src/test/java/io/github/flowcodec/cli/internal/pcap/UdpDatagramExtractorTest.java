package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ethernet;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ip;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.loopback;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.sll;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.sll2;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.udpPacket;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpDatagramExtractorTest {

    private static final byte[] PAYLOAD = {'f', 'l', 'o', 'w'};
    private static final byte[] V4 = udpPacket("192.0.2.1", 50000, "198.51.100.2", 2055, PAYLOAD);
    private static final byte[] V6 = udpPacket("2001:db8::1", 50001, "2001:db8::2", 4739, PAYLOAD);

    @Test
    void extractsFromEthernetWithTimestampAndPacketNumber() {
        UdpDatagram datagram =
                UdpDatagramExtractor.extract(LinkType.ETHERNET, ByteBuffer.wrap(ethernet(V4)), 77, 5)
                        .orElseThrow();

        assertThat(datagram.timestampNanos()).isEqualTo(77);
        assertThat(datagram.packetNumber()).isEqualTo(5);
        assertThat(datagram.srcAddress()).isEqualTo(ip("192.0.2.1"));
        assertThat(datagram.srcPort()).isEqualTo(50000);
        assertThat(datagram.dstAddress()).isEqualTo(ip("198.51.100.2"));
        assertThat(datagram.dstPort()).isEqualTo(2055);
        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
        assertThat(datagram.payload().isReadOnly()).isTrue();
    }

    @Test
    void readsFromTheBufferPositionWithoutMovingIt() {
        byte[] frame = ethernet(V6);
        ByteBuffer buffer = ByteBuffer.allocate(frame.length + 10);
        buffer.position(3);
        buffer.put(frame).flip().position(3);

        UdpDatagram datagram =
                UdpDatagramExtractor.extract(LinkType.ETHERNET, buffer, 0, 1).orElseThrow();

        assertThat(buffer.position()).isEqualTo(3);
        assertThat(datagram.dstAddress()).isEqualTo(ip("2001:db8::2"));
        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
    }

    @Test
    void extractsThroughVlanAndQinQTags() {
        assertUdp(LinkType.ETHERNET, ethernet(V4, 0x8100));
        assertUdp(LinkType.ETHERNET, ethernet(V6, 0x88A8, 0x8100));
        assertUdp(LinkType.ETHERNET, ethernet(V4, 0x9100, 0x8100, 0x8100));
        assertThat(extract(LinkType.ETHERNET, ethernet(V4, new int[9]))).isEmpty();
        int[] tooMany = new int[9];
        Arrays.fill(tooMany, 0x8100);
        assertThat(extract(LinkType.ETHERNET, ethernet(V4, tooMany))).isEmpty();
    }

    @Test
    void extractsFromLinuxCookedCaptures() {
        assertUdp(LinkType.LINUX_SLL, sll(V4));
        assertUdp(LinkType.LINUX_SLL, sll(V6));
        assertUdp(LinkType.LINUX_SLL2, sll2(V4));
        assertUdp(LinkType.LINUX_SLL2, sll2(V6));
    }

    @ParameterizedTest
    @ValueSource(ints = {LinkType.RAW, LinkType.RAW_DLT_12, LinkType.RAW_DLT_14})
    void extractsFromRawIp(int linkType) {
        assertUdp(linkType, V4);
        assertUdp(linkType, V6);
    }

    @Test
    void rawIpv4AndIpv6LinkTypesMustMatchTheHeader() {
        assertUdp(LinkType.IPV4, V4);
        assertUdp(LinkType.IPV6, V6);
        assertThat(extract(LinkType.IPV4, V6)).isEmpty();
        assertThat(extract(LinkType.IPV6, V4)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 28, 30})
    void extractsFromLoopbackInBothByteOrders(int inet6Family) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            assertUdp(LinkType.NULL, loopback(2, order, V4));
            assertUdp(LinkType.NULL, loopback(inet6Family, order, V6));
            assertUdp(LinkType.LOOP, loopback(inet6Family, order, V6));
        }
        assertThat(extract(LinkType.NULL, loopback(7, ByteOrder.BIG_ENDIAN, V4))).isEmpty();
    }

    @Test
    void skipsIpv4OptionsAndIgnoresEthernetPadding() {
        byte[] withOptions = withIpv4Options(V4);
        byte[] frame = Arrays.copyOf(ethernet(withOptions), 14 + withOptions.length + 18);
        Arrays.fill(frame, 14 + withOptions.length, frame.length, (byte) 0xEE);

        assertUdp(LinkType.ETHERNET, frame);
    }

    @Test
    void clipsThePayloadToTheCapture() {
        byte[] frame = ethernet(V4);
        byte[] truncated = Arrays.copyOf(frame, frame.length - 2);

        assertThat(extract(LinkType.ETHERNET, truncated)).get()
                .extracting(UdpDatagram::payloadBytes).isEqualTo(new byte[] {'f', 'l'});
    }

    @Test
    void clipsThePayloadToTheIpPacket() {
        byte[] packet = V4.clone();
        ByteBuffer.wrap(packet).putShort(2, (short) (packet.length - 1)); // IP total length

        assertThat(extract(LinkType.RAW, packet)).get()
                .extracting(UdpDatagram::payloadBytes).isEqualTo(new byte[] {'f', 'l', 'o'});
    }

    @Test
    void usesTheUdpLengthField() {
        byte[] packet = V4.clone();
        ByteBuffer.wrap(packet).putShort(20 + 4, (short) 10);

        assertThat(extract(LinkType.RAW, packet)).get()
                .extracting(UdpDatagram::payloadBytes).isEqualTo(new byte[] {'f', 'l'});
    }

    @Test
    void rejectsUdpLengthsBelowTheHeader() {
        byte[] packet = V4.clone();
        ByteBuffer.wrap(packet).putShort(20 + 4, (short) 7);

        assertThat(extract(LinkType.RAW, packet)).isEmpty();
    }

    @Test
    void takesFirstFragmentsAndSkipsLaterOnes() {
        byte[] first = V4.clone();
        ByteBuffer.wrap(first).putShort(6, (short) 0x2000); // more fragments, offset 0
        byte[] later = V4.clone();
        ByteBuffer.wrap(later).putShort(6, (short) 0x0010); // offset 16 * 8

        assertUdp(LinkType.RAW, first);
        assertThat(extract(LinkType.RAW, later)).isEmpty();
    }

    @Test
    void walksIpv6ExtensionHeaders() {
        byte[] packet = withIpv6Extensions(V6, 0, 60, 43, 44);

        assertUdp(LinkType.RAW, packet);
    }

    @Test
    void skipsLaterIpv6Fragments() {
        byte[] packet = withIpv6Extensions(V6, 44);
        ByteBuffer.wrap(packet).putShort(40 + 2, (short) (185 << 3));

        assertThat(extract(LinkType.RAW, packet)).isEmpty();
    }

    @Test
    void boundsTheNumberOfIpv6ExtensionHeaders() {
        assertUdp(LinkType.RAW, withIpv6Extensions(V6, 60, 60, 60, 60, 60, 60, 60, 60));
        assertThat(extract(LinkType.RAW, withIpv6Extensions(V6, 60, 60, 60, 60, 60, 60, 60, 60, 60)))
                .isEmpty();
    }

    @Test
    void ignoresOtherProtocolsAndLinkTypes() {
        byte[] tcp = V4.clone();
        tcp[9] = 6;
        byte[] icmpv6 = V6.clone();
        icmpv6[6] = 58;
        byte[] arp = ethernet(V4);
        arp[12] = 0x08;
        arp[13] = 0x06;

        assertThat(extract(LinkType.RAW, tcp)).isEmpty();
        assertThat(extract(LinkType.RAW, icmpv6)).isEmpty();
        assertThat(extract(LinkType.ETHERNET, arp)).isEmpty();
        assertThat(extract(147, V4)).isEmpty();
    }

    @Test
    void rejectsMalformedIpHeaders() {
        byte[] shortIhl = V4.clone();
        shortIhl[0] = 0x44;
        byte[] longIhl = V4.clone();
        longIhl[0] = 0x4F;
        byte[] version5 = V4.clone();
        version5[0] = 0x55;

        assertThat(extract(LinkType.RAW, shortIhl)).isEmpty();
        assertThat(extract(LinkType.RAW, longIhl)).isEmpty();
        assertThat(extract(LinkType.RAW, version5)).isEmpty();
        assertThat(extract(LinkType.RAW, new byte[0])).isEmpty();
        assertThat(extract(LinkType.ETHERNET, new byte[13])).isEmpty();
        assertThat(extract(LinkType.RAW, Arrays.copyOf(V4, 27))).isEmpty();
        assertThat(extract(LinkType.RAW, Arrays.copyOf(V6, 39))).isEmpty();
    }

    private static void assertUdp(int linkType, byte[] frame) {
        Optional<UdpDatagram> datagram = extract(linkType, frame);
        assertThat(datagram).as("datagram from link type %d", linkType).isPresent();
        assertThat(datagram.get().payloadBytes()).isEqualTo(PAYLOAD);
        assertThat(datagram.get().srcPort()).isIn(50000, 50001);
    }

    private static Optional<UdpDatagram> extract(int linkType, byte[] frame) {
        return UdpDatagramExtractor.extract(linkType, ByteBuffer.wrap(frame), 0, 1);
    }

    /** Inserts 8 bytes of IPv4 options (two NOPs and an end-of-options list) into the header. */
    private static byte[] withIpv4Options(byte[] packet) {
        ByteBuffer result = ByteBuffer.allocate(packet.length + 8);
        result.put(packet, 0, 20).put(new byte[] {1, 1, 0, 0, 0, 0, 0, 0});
        result.put(packet, 20, packet.length - 20);
        result.put(0, (byte) 0x47).putShort(2, (short) (packet.length + 8));
        return result.array();
    }

    /** Inserts 8-byte extension headers of the given types between the IPv6 header and UDP. */
    private static byte[] withIpv6Extensions(byte[] packet, int... types) {
        ByteBuffer result = ByteBuffer.allocate(packet.length + 8 * types.length);
        result.put(packet, 0, 40);
        for (int i = 0; i < types.length; i++) {
            int next = i + 1 < types.length ? types[i + 1] : 17;
            result.put((byte) next).put(new byte[7]);
        }
        result.put(packet, 40, packet.length - 40);
        result.put(6, (byte) types[0]);
        result.putShort(4, (short) (packet.length - 40 + 8 * types.length));
        return result.array();
    }
}
