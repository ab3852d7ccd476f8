package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ethernet;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.udpPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassicPcapReaderTest {

    @TempDir Path dir;

    static Stream<Arguments> magics() {
        return Stream.of(
                Arguments.of(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, 1_000L),
                Arguments.of(0xA1B2C3D4, ByteOrder.LITTLE_ENDIAN, 1_000L),
                Arguments.of(0xA1B23C4D, ByteOrder.BIG_ENDIAN, 1L),
                Arguments.of(0xA1B23C4D, ByteOrder.LITTLE_ENDIAN, 1L));
    }

    @ParameterizedTest
    @MethodSource("magics")
    void readsBothResolutionsInBothByteOrders(int magic, ByteOrder order, long nanosPerUnit)
            throws IOException {
        byte[] first = ethernet(udpPacket("192.0.2.1", 1000, "192.0.2.2", 2055, new byte[] {1, 2}));
        byte[] second = ethernet(udpPacket("2001:db8::1", 1001, "2001:db8::2", 4739, new byte[3]));
        byte[] file =
                new TestCaptures.ClassicPcap(magic, order, LinkType.ETHERNET)
                        .record(1_600_000_000L, 123_456, first)
                        .record(1_600_000_001L, 999_999, second)
                        .build();

        List<CapturedPacket> packets = readAll(write(file));

        assertThat(packets).hasSize(2);
        assertThat(packets.get(0).packetNumber()).isEqualTo(1);
        assertThat(packets.get(0).timestampNanos())
                .isEqualTo(1_600_000_000_000_000_000L + 123_456 * nanosPerUnit);
        assertThat(packets.get(0).linkType()).isEqualTo(LinkType.ETHERNET);
        assertThat(packets.get(0).data()).isEqualTo(ByteBuffer.wrap(first));
        assertThat(packets.get(1).packetNumber()).isEqualTo(2);
        assertThat(packets.get(1).timestampNanos())
                .isEqualTo(1_600_000_001_000_000_000L + 999_999 * nanosPerUnit);
        assertThat(packets.get(1).data()).isEqualTo(ByteBuffer.wrap(second));
    }

    @Test
    void reusedBuffersGiveEachPacketWhileItIsCurrent() throws IOException {
        byte[] small = ethernet(udpPacket("192.0.2.1", 1000, "192.0.2.2", 2055, new byte[] {1, 2}));
        byte[] large = ethernet(udpPacket("192.0.2.3", 1000, "192.0.2.2", 2055, new byte[3000])); // past the first array
        byte[] file = new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.LITTLE_ENDIAN, LinkType.ETHERNET)
                .record(1, 0, large).record(2, 0, small).record(3, 0, large).record(4, 0, small).build();
        try (CaptureReader reader = CaptureReader.open(write(file)).reuseBuffers()) {
            for (byte[] want : List.of(large, small, large, small)) {
                CapturedPacket p = reader.next().orElseThrow();
                assertThat(p.data()).isEqualTo(ByteBuffer.wrap(want));
                assertThat(p.capturedLength()).isEqualTo(want.length);
            }
            assertThat(reader.next()).isEmpty();
            assertThat(reader.packetCount()).isEqualTo(4);
        }
    }

    @Test
    void reportsFormatCountAndOriginalLength() throws IOException {
        byte[] frame = new byte[60];
        byte[] file =
                new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.LITTLE_ENDIAN, LinkType.LINUX_SLL)
                        .record(1, 0, 60, 1514, frame)
                        .build();

        try (CaptureReader reader = CaptureReader.open(write(file))) {
            assertThat(reader.format()).isEqualTo(CaptureFormat.PCAP);
            CapturedPacket packet = reader.next().orElseThrow();
            assertThat(packet.linkType()).isEqualTo(LinkType.LINUX_SLL);
            assertThat(packet.capturedLength()).isEqualTo(60);
            assertThat(packet.originalLength()).isEqualTo(1514);
            assertThat(reader.next()).isEmpty();
            assertThat(reader.next()).isEmpty();
            assertThat(reader.packetCount()).isEqualTo(1);
        }
    }

    @Test
    void readsAHeaderOnlyFileAsEmpty() throws IOException {
        byte[] file = new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, 1).build();

        assertThat(readAll(write(file))).isEmpty();
    }

    @Test
    void readsFromAStream() throws IOException {
        byte[] file =
                new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, 1)
                        .record(5, 6, new byte[] {1})
                        .record(7, 8, new byte[] {2})
                        .build();

        try (CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(file));
                Stream<CapturedPacket> packets = reader.stream()) {
            assertThat(packets.map(CapturedPacket::packetNumber)).containsExactly(1L, 2L);
        }
    }

    @Test
    void streamsReportErrorsAsUncheckedIoExceptions() throws IOException {
        byte[] file =
                new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, 1)
                        .record(5, 6, new byte[] {1, 2, 3})
                        .build();
        Path truncated = write(Arrays.copyOf(file, file.length - 1));

        try (CaptureReader reader = CaptureReader.open(truncated);
                Stream<CapturedPacket> packets = reader.stream()) {
            assertThatThrownBy(packets::count)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(CaptureFormatException.class);
        }
    }

    @Test
    void readsTheModifiedKuznetzovFormat() throws IOException {
        ByteBuffer file = ByteBuffer.allocate(24 + 24 + 2).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0xA1B2CD34).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
        file.putInt(65535).putInt(LinkType.RAW);
        file.putInt(3).putInt(4).putInt(2).putInt(2).putInt(7).putShort((short) 0x0800);
        file.put((byte) 0).put((byte) 0).put(new byte[] {9, 9});

        List<CapturedPacket> packets = readAll(write(file.array()));

        assertThat(packets).singleElement()
                .satisfies(p -> assertThat(p.timestampNanos()).isEqualTo(3_000_004_000L))
                .satisfies(p -> assertThat(p.data()).isEqualTo(ByteBuffer.wrap(new byte[] {9, 9})));
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "capture", ".pcap"), bytes);
    }

    static List<CapturedPacket> readAll(Path file) throws IOException {
        List<CapturedPacket> packets = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(file)) {
            for (Optional<CapturedPacket> p = reader.next(); p.isPresent(); p = reader.next()) {
                packets.add(p.get());
            }
        }
        return packets;
    }
}
