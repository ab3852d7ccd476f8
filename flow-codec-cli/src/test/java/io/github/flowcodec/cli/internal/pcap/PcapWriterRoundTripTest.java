package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterRoundTripTest {

    private static final long T0 = 1_700_000_000_123_456_000L;

    @TempDir Path dir;

    @Test
    void writesTheClassicLittleEndianMicrosecondHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter.open(out).close();

        ByteBuffer header = ByteBuffer.wrap(out.toByteArray());
        assertThat(out.toByteArray()).hasSize(24).startsWith(0xD4, 0xC3, 0xB2, 0xA1);
        header.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(4)).isEqualTo((short) 2);
        assertThat(header.getShort(6)).isEqualTo((short) 4);
        assertThat(header.getInt(16)).isEqualTo(262_144);
        assertThat(header.getInt(20)).isEqualTo(LinkType.ETHERNET);
    }

    @Test
    void roundTripsIpv4AndIpv6Datagrams() throws IOException {
        List<UdpDatagram> written =
                List.of(
                        datagram(T0, 1, "192.0.2.1", 50000, "198.51.100.7", 2055, "netflow v5"),
                        datagram(T0 + 1_000, 2, "2001:db8::1", 40000, "2001:db8::2:1", 4739, "ipfix"),
                        datagram(T0 + 2_000, 3, "10.0.0.1", 1, "10.0.0.2", 6343, ""),
                        datagram(T0 + 3_000, 4, "2001:db8::ff", 65535, "fe80::1", 0, "x".repeat(1500)));
        Path file = dir.resolve("out.pcap");
        try (PcapWriter writer = PcapWriter.open(Files.newOutputStream(file))) {
            for (UdpDatagram d : written) {
                writer.write(d);
            }
            assertThat(writer.packetsWritten()).isEqualTo(4);
        }

        assertThat(readDatagrams(file)).containsExactlyElementsOf(written);
    }

    @Test
    void keepsIpv4MappedIpv6AddressesAsIpv6() throws IOException {
        Path file = dir.resolve("mapped.pcap");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[15] = 1;
        Inet6Address src = Inet6Address.getByAddress(null, mapped, -1);
        try (PcapWriter writer = PcapWriter.open(Files.newOutputStream(file))) {
            writer.writeUdp(T0, src, 1, ip("2001:db8::9"), 2, new byte[] {7});
        }

        assertThat(readDatagrams(file)).singleElement()
                .satisfies(d -> assertThat(d.srcAddress()).isInstanceOf(Inet6Address.class))
                .satisfies(d -> assertThat(d.payloadBytes()).containsExactly(7));
    }

    @Test
    void truncatesTimestampsToMicroseconds() throws IOException {
        Path file = dir.resolve("ts.pcap");
        try (PcapWriter writer = PcapWriter.open(Files.newOutputStream(file))) {
            writer.writeUdp(T0 + 999, ip("192.0.2.1"), 1, ip("192.0.2.2"), 2, new byte[0]);
        }

        assertThat(readDatagrams(file)).singleElement()
                .extracting(UdpDatagram::timestampNanos).isEqualTo(T0);
    }

    @Test
    void writesCorrectIpv4HeaderAndUdpChecksums() {
        byte[] frame =
                UdpFrameBuilder.ethernetFrame(
                        ip("192.0.2.1"), 1234, ip("198.51.100.7"), 2055,
                        ByteBuffer.wrap("odd".getBytes(StandardCharsets.US_ASCII)), 42);

        assertThat(new InternetChecksum().add(frame, 14, 20).finish()).isZero();
        int udpLength = frame.length - 34;
        InternetChecksum udp =
                new InternetChecksum().add(frame, 26, 8).add16(17).add16(udpLength)
                        .add(frame, 34, udpLength);
        assertThat(udp.finish()).isZero();
        assertThat(ByteBuffer.wrap(frame).getShort(40)).isNotZero();
    }

    @Test
    void writesCorrectIpv6UdpChecksum() {
        byte[] frame =
                UdpFrameBuilder.ethernetFrame(
                        ip("2001:db8::1"), 1234, ip("2001:db8::2"), 4739, ByteBuffer.wrap(new byte[99]), 0);

        assertThat(ByteBuffer.wrap(frame).getShort(12)).isEqualTo((short) 0x86DD);
        int udpLength = frame.length - 54;
        InternetChecksum udp =
                new InternetChecksum().add(frame, 22, 32).add32(udpLength).add16(17)
                        .add(frame, 54, udpLength);
        assertThat(udp.finish()).isZero();
    }

    @Test
    void rejectsArgumentsThatCannotBeWritten() throws IOException {
        try (PcapWriter writer = PcapWriter.open(OutputStream.nullOutputStream())) {
            assertThatThrownBy(
                            () -> writer.writeUdp(T0, ip("192.0.2.1"), 1, ip("2001:db8::1"), 2, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(
                            () -> writer.writeUdp(T0, ip("192.0.2.1"), 65536, ip("192.0.2.2"), 2, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(
                            () -> writer.writeUdp(-1, ip("192.0.2.1"), 1, ip("192.0.2.2"), 2, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(
                            () ->
                                    writer.writeUdp(T0, ip("192.0.2.1"), 1, ip("192.0.2.2"), 2, new byte[65508]))
                    .isInstanceOf(IllegalArgumentException.class);
            writer.writeUdp(T0, ip("192.0.2.1"), 1, ip("192.0.2.2"), 2, new byte[65507]);
            writer.writeUdp(T0, ip("::1"), 1, ip("::2"), 2, new byte[65527]);
            assertThat(writer.packetsWritten()).isEqualTo(2);
        }
    }

    @Test
    void largestDatagramsRoundTrip() throws IOException {
        Path file = dir.resolve("big.pcap");
        byte[] payload = new byte[65527];
        payload[payload.length - 1] = 9;
        try (PcapWriter writer = PcapWriter.open(Files.newOutputStream(file))) {
            writer.writeUdp(T0, ip("::1"), 1, ip("::2"), 2, payload);
        }

        assertThat(readDatagrams(file)).singleElement()
                .satisfies(d -> assertThat(d.payloadBytes()).isEqualTo(payload));
    }

    private static UdpDatagram datagram(
            long ts, long number, String src, int srcPort, String dst, int dstPort, String payload) {
        return new UdpDatagram(
                ts, number, ip(src), srcPort, ip(dst), dstPort,
                ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)));
    }

    static List<UdpDatagram> readDatagrams(Path file) throws IOException {
        List<UdpDatagram> result = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(file)) {
            for (Optional<CapturedPacket> p = reader.next(); p.isPresent(); p = reader.next()) {
                UdpDatagramExtractor.extract(p.get()).ifPresent(result::add);
            }
        }
        return result;
    }
}
