package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ethernet;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.udpPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptCaptureTest {

    private static final byte[] FRAME =
            ethernet(udpPacket("192.0.2.1", 1, "192.0.2.2", 2, new byte[] {1, 2, 3}));

    @TempDir Path dir;

    @Test
    void rejectsUnknownMagic() {
        assertFormatError(() -> count(write(new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 0})),
                "unknown capture file magic number 0x47494638 at byte offset 0");
    }

    @Test
    void rejectsFilesTooShortForAMagic() {
        assertFormatError(() -> count(write(new byte[] {(byte) 0xD4, (byte) 0xC3})), "offset 0");
        assertFormatError(() -> count(write(new byte[0])), "offset 0");
    }

    @Test
    void rejectsATruncatedPcapFileHeader() {
        byte[] header = classic().build();
        assertFormatError(
                () -> count(write(Arrays.copyOf(header, 20))),
                "file ends inside the pcap file header (20 of 24 bytes present) at byte offset 0");
    }

    @Test
    void everyTruncationOfAPcapInsideARecordIsAnError() throws IOException {
        byte[] file = classic().record(1, 2, FRAME).record(3, 4, FRAME).build();
        int secondRecord = 24 + 16 + FRAME.length;
        for (int length = 25; length < file.length; length++) {
            Path truncated = write(Arrays.copyOf(file, length));
            if (length == secondRecord) {
                assertThat(count(truncated)).isEqualTo(1);
            } else {
                int expectedOffset = length < secondRecord ? 24 : secondRecord;
                assertThatThrownBy(() -> count(truncated))
                        .as("file cut at %d bytes", length)
                        .isInstanceOf(CaptureFormatException.class)
                        .satisfies(e -> assertThat(((CaptureFormatException) e).offset())
                                .isBetween((long) expectedOffset, (long) expectedOffset + 16));
            }
        }
    }

    @Test
    void reportsTheOffsetOfATruncatedRecord() {
        byte[] file = classic().record(1, 2, FRAME).build();
        int cut = file.length - 1;
        assertFormatError(
                () -> count(write(Arrays.copyOf(file, cut))),
                "pcap record data of " + FRAME.length + " bytes runs past the end of the file (" + cut
                        + " bytes) at byte offset 40");
    }

    @Test
    void truncatedStreamsAreErrorsToo() {
        byte[] file = classic().record(1, 2, FRAME).build();
        assertFormatError(
                () -> count(new ByteArrayInputStream(Arrays.copyOf(file, file.length - 1))),
                "file ends inside pcap record data (" + (FRAME.length - 1) + " of " + FRAME.length
                        + " bytes present) at byte offset 40");
    }

    @Test
    void rejectsAbsurdPcapRecordLengths() {
        byte[] file = classic().record(1, 2, 0x1000_0001L, 0x1000_0001L, new byte[0]).build();
        assertFormatError(() -> count(write(file)),
                "pcap record claims an absurd captured length of 268435457 bytes at byte offset 24");
    }

    @Test
    void hostileLengthsInAStreamDoNotAllocateTheirClaim() {
        // 200 MiB claimed, 1 MiB present, no file size known: must fail without allocating 200 MiB
        // at once (the heap of the test JVM may be smaller than that).
        byte[] head = classic().record(1, 2, 200L << 20, 200L << 20, new byte[0]).build();
        InputStream stream =
                new SequenceInputStream(new ByteArrayInputStream(head),
                        new ByteArrayInputStream(new byte[1 << 20]));
        assertFormatError(() -> count(stream), "at byte offset 40");
    }

    @Test
    void rejectsPcapngBlockLengthsBelowTwelve() {
        byte[] file = pcapng(ByteOrder.LITTLE_ENDIAN).raw(block(ByteOrder.LITTLE_ENDIAN, 6, 8)).build();
        assertFormatError(() -> count(write(file)),
                "pcapng block has an invalid length of 8 at byte offset 84");
    }

    @Test
    void rejectsPcapngBlockLengthsNotAMultipleOfFour() {
        byte[] file = pcapng(ByteOrder.BIG_ENDIAN).raw(block(ByteOrder.BIG_ENDIAN, 6, 30)).build();
        assertFormatError(() -> count(write(file)),
                "pcapng block has an invalid length of 30 at byte offset 84");
    }

    @Test
    void rejectsPcapngBlocksBeyondTheFile() {
        byte[] file = pcapng(ByteOrder.BIG_ENDIAN).raw(block(ByteOrder.BIG_ENDIAN, 6, 4096)).build();
        assertFormatError(() -> count(write(file)),
                "pcapng block of 4096 bytes runs past the end of the file (" + file.length
                        + " bytes) at byte offset 84");
    }

    @Test
    void rejectsAbsurdPcapngBlockLengths() {
        byte[] file =
                pcapng(ByteOrder.BIG_ENDIAN).raw(block(ByteOrder.BIG_ENDIAN, 0x77, 0x7FFF_FFF0)).build();
        assertFormatError(() -> count(new ByteArrayInputStream(file)),
                "pcapng block has an invalid length of 2147483632 at byte offset 84");
    }

    @Test
    void rejectsMismatchedTrailingLength() {
        byte[] file = pcapng(ByteOrder.LITTLE_ENDIAN).enhancedPacket(0, 1, FRAME).build();
        file[file.length - 4] ^= 4;
        assertFormatError(() -> count(write(file)), "at byte offset 84");
    }

    @Test
    void rejectsABadByteOrderMagic() {
        byte[] file = pcapng(ByteOrder.LITTLE_ENDIAN).build();
        file[8] = 0;
        assertFormatError(() -> count(write(file)),
                "pcapng section header has a bad byte-order magic at byte offset 0");
    }

    @Test
    void rejectsPacketsLongerThanTheirBlock() {
        TestCaptures.Pcapng builder = pcapng(ByteOrder.BIG_ENDIAN).enhancedPacket(0, 1, FRAME);
        byte[] file = builder.build();
        ByteBuffer.wrap(file).putInt(84 + 8 + 12, 4000);
        assertFormatError(() -> count(write(file)),
                "packet block claims 4000 captured bytes but holds only");
    }

    @Test
    void everyTruncationOfAPcapngInsideABlockIsAnError() throws IOException {
        byte[] file = pcapng(ByteOrder.LITTLE_ENDIAN).enhancedPacket(0, 1, FRAME).build();
        for (int length = 1; length < file.length; length++) {
            Path truncated = write(Arrays.copyOf(file, length));
            if (length == 44 || length == 84) {
                assertThat(count(truncated)).isZero();
            } else {
                assertThatThrownBy(() -> count(truncated))
                        .as("file cut at %d bytes", length)
                        .isInstanceOf(CaptureFormatException.class)
                        .hasMessageContaining("at byte offset");
            }
        }
    }

    @Test
    void keepsFailingAfterAnError() throws IOException {
        byte[] file = classic().record(1, 2, FRAME).build();
        try (CaptureReader reader = CaptureReader.open(write(Arrays.copyOf(file, 30)))) {
            assertThatThrownBy(reader::next).isInstanceOf(CaptureFormatException.class);
            assertThatThrownBy(reader::next).isInstanceOf(CaptureFormatException.class);
        }
    }

    private static void assertFormatError(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining(message);
    }

    private static TestCaptures.ClassicPcap classic() {
        return new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.LITTLE_ENDIAN, LinkType.ETHERNET);
    }

    /** A section header (44 bytes) and an interface description (40 bytes). */
    private static TestCaptures.Pcapng pcapng(ByteOrder order) {
        return new TestCaptures.Pcapng().section(order).interfaceBlock(LinkType.ETHERNET, 0, 9, null);
    }

    private static byte[] block(ByteOrder order, int type, int length) {
        return ByteBuffer.allocate(12).order(order).putInt(type).putInt(length).putInt(0).array();
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "capture", ".bin"), bytes);
    }

    private static long count(Path file) throws IOException {
        try (CaptureReader reader = CaptureReader.open(file)) {
            return drain(reader);
        }
    }

    private static long count(InputStream stream) throws IOException {
        try (CaptureReader reader = CaptureReader.open(stream)) {
            return drain(reader);
        }
    }

    private static long drain(CaptureReader reader) throws IOException {
        long packets = 0;
        for (Optional<CapturedPacket> p = reader.next(); p.isPresent(); p = reader.next()) {
            packets++;
        }
        return packets;
    }
}
