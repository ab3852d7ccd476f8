package io.github.flowcodec.cli.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class UdpDatagramExtractorProperties {

    private static final int[] LINK_TYPES = {0, 1, 12, 14, 101, 108, 113, 228, 229, 276};

    @Property
    void neverThrowsOnArbitraryBytes(
            @ForAll("linkTypes") int linkType, @ForAll @Size(max = 200) byte[] frame) {
        UdpDatagramExtractor.extract(linkType, ByteBuffer.wrap(frame), 0, 1);
    }

    @Property
    void neverThrowsOnCorruptedOrTruncatedUdpFrames(
            @ForAll boolean ipv6,
            @ForAll @Size(max = 64) byte[] payload,
            @ForAll @IntRange(min = 0, max = 120) int cut,
            @ForAll @IntRange(min = 0, max = 119) int flipAt,
            @ForAll byte flip) {
        byte[] frame =
                UdpFrameBuilder.ethernetFrame(
                        address(ipv6, 1), 1, address(ipv6, 2), 2, ByteBuffer.wrap(payload), 0);
        byte[] mangled = Arrays.copyOf(frame, Math.min(cut, frame.length));
        if (flipAt < mangled.length) {
            mangled[flipAt] ^= flip;
        }
        Optional<UdpDatagram> datagram =
                UdpDatagramExtractor.extract(LinkType.ETHERNET, ByteBuffer.wrap(mangled), 0, 1);
        datagram.ifPresent(d -> assertThat(d.payloadLength()).isLessThanOrEqualTo(mangled.length));
    }

    @Property
    void builtFramesRoundTrip(
            @ForAll boolean ipv6,
            @ForAll @IntRange(max = 65535) int srcPort,
            @ForAll @IntRange(max = 65535) int dstPort,
            @ForAll @Size(max = 2000) byte[] payload,
            @ForAll byte hostByte) {
        InetAddress src = address(ipv6, hostByte);
        InetAddress dst = address(ipv6, hostByte + 1);
        byte[] frame =
                UdpFrameBuilder.ethernetFrame(src, srcPort, dst, dstPort, ByteBuffer.wrap(payload), 9);

        UdpDatagram datagram =
                UdpDatagramExtractor.extract(LinkType.ETHERNET, ByteBuffer.wrap(frame), 3, 4)
                        .orElseThrow();

        assertThat(datagram)
                .isEqualTo(new UdpDatagram(3, 4, src, srcPort, dst, dstPort, ByteBuffer.wrap(payload)));
    }

    @Provide
    Arbitrary<Integer> linkTypes() {
        return Arbitraries.of(Arrays.stream(LINK_TYPES).boxed().toList());
    }

    private static InetAddress address(boolean ipv6, int host) {
        byte[] bytes = new byte[ipv6 ? 16 : 4];
        bytes[0] = ipv6 ? (byte) 0x20 : (byte) 10;
        bytes[bytes.length - 1] = (byte) host;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
