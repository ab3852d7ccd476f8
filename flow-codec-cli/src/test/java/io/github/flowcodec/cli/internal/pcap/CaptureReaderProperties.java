package io.github.flowcodec.cli.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Corrupt captures fail with {@link CaptureFormatException} and nothing else. */
class CaptureReaderProperties {

    private static final byte[] FRAME =
            TestCaptures.ethernet(
                    TestCaptures.udpPacket("192.0.2.1", 1, "192.0.2.2", 2,
                            new byte[] {1, 2, 3, 4, 5}));

    private static final byte[] PCAP =
            new TestCaptures.ClassicPcap(0xA1B2C3D4, ByteOrder.BIG_ENDIAN, LinkType.ETHERNET)
                    .record(1, 2, FRAME)
                    .record(3, 4, FRAME)
                    .build();

    private static final byte[] PCAPNG =
            new TestCaptures.Pcapng()
                    .section(ByteOrder.LITTLE_ENDIAN)
                    .interfaceBlock(LinkType.ETHERNET, 0, 9, 5L)
                    .enhancedPacket(0, 1, FRAME)
                    .simplePacket(FRAME)
                    .obsoletePacket(0, 2, FRAME)
                    .section(ByteOrder.BIG_ENDIAN)
                    .interfaceBlock(LinkType.RAW, 0, null, null)
                    .enhancedPacket(0, 3, FRAME)
                    .build();

    @Property(tries = 2000)
    void corruptedCapturesEitherReadOrFailWithCaptureFormatException(
            @ForAll boolean pcapng,
            @ForAll @IntRange(min = 0, max = 400) int at,
            @ForAll byte xor,
            @ForAll @IntRange(min = 0, max = 400) int cut) {
        byte[] original = pcapng ? PCAPNG : PCAP;
        byte[] file = Arrays.copyOf(original, Math.min(cut, original.length));
        if (at < file.length) {
            file[at] ^= xor;
        }
        try (CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(file))) {
            long count = 0;
            for (Optional<CapturedPacket> p = reader.next(); p.isPresent(); p = reader.next()) {
                count++;
                UdpDatagramExtractor.extract(p.get());
            }
            assertThat(count).isLessThanOrEqualTo(pcapng ? 4 : 2);
        } catch (CaptureFormatException expected) {
            assertThat(expected).hasMessageContaining("at byte offset");
        } catch (IOException e) {
            throw new AssertionError("unexpected exception type", e);
        }
    }
}
