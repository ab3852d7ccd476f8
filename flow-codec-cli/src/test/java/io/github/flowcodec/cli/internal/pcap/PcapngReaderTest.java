package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ethernet;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ip;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.udpPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PcapngReaderTest {

    private static final long T0_NANOS = 1_700_000_000_123_456_789L;

    @TempDir Path dir;

    enum Order {
        BIG(ByteOrder.BIG_ENDIAN),
        LITTLE(ByteOrder.LITTLE_ENDIAN);

        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void readsEnhancedPacketsWithNanosecondResolution(Order order) throws IOException {
        byte[] frame = ethernet(udpPacket("192.0.2.1", 50000, "192.0.2.9", 2055, new byte[] {5}));
        byte[] file =
                new TestCaptures.Pcapng()
                        .section(order.order)
                        .interfaceBlock(LinkType.ETHERNET, 0, 9, null)
                        .enhancedPacket(0, T0_NANOS, frame)
                        .build();

        try (CaptureReader reader = CaptureReader.open(write(file))) {
            assertThat(reader.format()).isEqualTo(CaptureFormat.PCAPNG);
            CapturedPacket packet = reader.next().orElseThrow();
            assertThat(packet.packetNumber()).isEqualTo(1);
            assertThat(packet.timestampNanos()).isEqualTo(T0_NANOS);
            assertThat(packet.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(packet.originalLength()).isEqualTo(frame.length + 10);
            assertThat(packet.data()).isEqualTo(ByteBuffer.wrap(frame));
            assertThat(reader.next()).isEmpty();

            UdpDatagram datagram = UdpDatagramExtractor.extract(packet).orElseThrow();
            assertThat(datagram.srcAddress()).isEqualTo(ip("192.0.2.1"));
            assertThat(datagram.dstPort()).isEqualTo(2055);
            assertThat(datagram.timestampNanos()).isEqualTo(T0_NANOS);
            assertThat(datagram.payloadBytes()).containsExactly(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void defaultsToMicrosecondsAndSupportsOtherResolutionsAndOffsets(Order order)
            throws IOException {
        byte[] file =
                new TestCaptures.Pcapng()
                        .section(order.order)
                        .interfaceBlock(LinkType.ETHERNET, 0, null, null)
                        .interfaceBlock(LinkType.RAW, 0, 3, 100L)
                        .interfaceBlock(LinkType.LINUX_SLL, 0, 0x80 | 10, null)
                        .enhancedPacket(0, 1_500_000L, new byte[] {1})
                        .enhancedPacket(1, 2_500L, new byte[] {2})
                        .enhancedPacket(2, 3L << 10 | 512, new byte[] {3})
                        .build();

        List<CapturedPacket> packets = ClassicPcapReaderTest.readAll(write(file));

        assertThat(packets).extracting(CapturedPacket::timestampNanos)
                .containsExactly(1_500_000_000L, 102_500_000_000L, 3_500_000_000L);
        assertThat(packets).extracting(CapturedPacket::linkType)
                .containsExactly(LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void reusedBuffersGiveEachPacketWhileItIsCurrent(Order order) throws IOException {
        byte[] small = ethernet(udpPacket("192.0.2.1", 1000, "192.0.2.2", 2055, new byte[] {1, 2}));
        byte[] large = ethernet(udpPacket("192.0.2.3", 1000, "192.0.2.2", 2055, new byte[3000])); // past the first array
        large[large.length - 1] = 7;
        byte[] file = new TestCaptures.Pcapng()
                .section(order.order)
                .interfaceBlock(LinkType.ETHERNET, 0, 9, null)
                .enhancedPacket(0, T0_NANOS, small)
                .enhancedPacket(0, T0_NANOS + 1, large)
                .simplePacket(small)
                .obsoletePacket(0, T0_NANOS + 3, small)
                .enhancedPacket(0, T0_NANOS + 4, large)
                .build();
        try (CaptureReader reader = CaptureReader.open(write(file)).reuseBuffers()) {
            int n = 0;
            for (byte[] want : List.of(small, large, small, small, large)) {
                CapturedPacket p = reader.next().orElseThrow();
                assertThat(p.data()).as("packet %d", ++n).isEqualTo(ByteBuffer.wrap(want));
                assertThat(p.capturedLength()).isEqualTo(want.length);
            }
            assertThat(reader.next()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void readsSimpleAndObsoletePacketsAndSkipsUnknownBlocks(Order order) throws IOException {
        byte[] file =
                new TestCaptures.Pcapng()
                        .section(order.order)
                        .block(0x0000_0004, new byte[] {0, 0, 0, 0}) // name resolution block
                        .interfaceBlock(LinkType.ETHERNET, 4, 9, null)
                        .block(0x0000_0005, new byte[20]) // interface statistics block
                        .simplePacket(new byte[] {1, 2, 3, 4, 5, 6})
                        .block(0x4000_0BAD, new byte[] {1, 2, 3}) // custom block
                        .obsoletePacket(0, 42, new byte[] {7, 8, 9})
                        .build();

        List<CapturedPacket> packets = ClassicPcapReaderTest.readAll(write(file));

        assertThat(packets).hasSize(2);
        assertThat(packets.get(0).data()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
        assertThat(packets.get(0).originalLength()).isEqualTo(6);
        assertThat(packets.get(0).timestampNanos()).isZero();
        assertThat(packets.get(1).packetNumber()).isEqualTo(2);
        assertThat(packets.get(1).timestampNanos()).isEqualTo(42);
        assertThat(packets.get(1).data()).isEqualTo(ByteBuffer.wrap(new byte[] {7, 8, 9}));
    }

    @Test
    void readsSeveralSectionsOfDifferentByteOrders() throws IOException {
        byte[] file =
                new TestCaptures.Pcapng()
                        .section(ByteOrder.LITTLE_ENDIAN)
                        .interfaceBlock(LinkType.ETHERNET, 0, 9, null)
                        .interfaceBlock(LinkType.RAW, 0, 9, null)
                        .enhancedPacket(1, 10, new byte[] {1})
                        .section(ByteOrder.BIG_ENDIAN)
                        .interfaceBlock(LinkType.LINUX_SLL2, 0, 6, null)
                        .enhancedPacket(0, 20, new byte[] {2})
                        .section(ByteOrder.LITTLE_ENDIAN)
                        .interfaceBlock(LinkType.NULL, 0, null, null)
                        .enhancedPacket(0, 30, new byte[] {3})
                        .build();

        List<CapturedPacket> packets = ClassicPcapReaderTest.readAll(write(file));

        assertThat(packets).extracting(CapturedPacket::packetNumber).containsExactly(1L, 2L, 3L);
        assertThat(packets).extracting(CapturedPacket::linkType)
                .containsExactly(LinkType.RAW, LinkType.LINUX_SLL2, LinkType.NULL);
        assertThat(packets).extracting(CapturedPacket::timestampNanos)
                .containsExactly(10L, 20_000L, 30_000L);
    }

    @Test
    void interfacesDoNotCarryOverToTheNextSection() throws IOException {
        byte[] file =
                new TestCaptures.Pcapng()
                        .section(ByteOrder.BIG_ENDIAN)
                        .interfaceBlock(LinkType.ETHERNET, 0, null, null)
                        .section(ByteOrder.BIG_ENDIAN)
                        .enhancedPacket(0, 1, new byte[] {1})
                        .build();

        assertThatThrownBy(() -> ClassicPcapReaderTest.readAll(write(file)))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("undeclared interface 0")
                .hasMessageContaining("offset 120");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 127, 0x80 | 70})
    void extremeResolutionsDoNotOverflow(int tsresol) throws IOException {
        byte[] file =
                new TestCaptures.Pcapng()
                        .section(ByteOrder.BIG_ENDIAN)
                        .interfaceBlock(LinkType.ETHERNET, 0, tsresol, Long.MAX_VALUE)
                        .enhancedPacket(0, -1L, new byte[] {1})
                        .build();

        assertThat(ClassicPcapReaderTest.readAll(write(file))).singleElement()
                .extracting(CapturedPacket::timestampNanos).isEqualTo(Long.MAX_VALUE);
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "capture", ".pcapng"), bytes);
    }
}
