package io.github.flowcodec.cli.internal.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FragmentReassemblerProperties {

    private static final long SECOND = 1_000_000_000L;

    @Property(tries = 300)
    void shuffledFragmentsOfAnySizesGiveBackThePayload(
            @ForAll boolean ipv6,
            @ForAll @Size(max = 9000) byte[] payload,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int maxBlocks) {
        Random random = new Random(seed);
        byte[] packet = FragmentReassemblerTest.packet(ipv6, payload, random.nextInt(0x10000));
        List<byte[]> fragments = randomSplit(packet, random, maxBlocks);
        Collections.shuffle(fragments, random);
        FragmentReassembler reassembler = new FragmentReassembler();

        List<UdpDatagram> out = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            Optional<UdpDatagram> datagram =
                    reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(TestCaptures.ethernet(fragments.get(i))), i, i + 1);
            datagram.ifPresent(out::add);
        }

        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.payloadBytes()).isEqualTo(payload);
            assertThat(d.packetNumber()).isEqualTo(fragments.size());
        });
        assertThat(reassembler.pendingDatagrams()).isZero();
        assertThat(reassembler.pendingBytes()).isZero();
    }

    @Property(tries = 200)
    void duplicatedFragmentsGiveBackThePayloadEveryTime(
            @ForAll boolean ipv6,
            @ForAll @Size(max = 5000) byte[] payload,
            @ForAll long seed) {
        Random random = new Random(seed);
        byte[] packet = FragmentReassemblerTest.packet(ipv6, payload, 7);
        List<byte[]> fragments = randomSplit(packet, random, 100);
        List<byte[]> fed = new ArrayList<>(fragments);
        for (byte[] fragment : fragments) {
            if (random.nextBoolean()) {
                fed.add(fragment);
            }
        }
        Collections.shuffle(fed, random);
        FragmentReassembler reassembler = new FragmentReassembler();

        List<UdpDatagram> out = new ArrayList<>();
        for (int i = 0; i < fed.size(); i++) {
            reassembler.accept(LinkType.RAW, ByteBuffer.wrap(fed.get(i)), i, i + 1).ifPresent(out::add);
        }

        assertThat(out).isNotEmpty().allSatisfy(d -> assertThat(d.payloadBytes()).isEqualTo(payload));
        assertThat(reassembler.conflictingDatagrams()).isZero();
    }

    @Property(tries = 200)
    void anyFloodStaysWithinTheBounds(@ForAll("floods") List<byte[]> frames, @ForAll long seed) {
        long maxBytes = 3L * FragmentReassembler.MAX_DATAGRAM_FOOTPRINT;
        FragmentReassembler reassembler = new FragmentReassembler(16, maxBytes, SECOND);
        Random random = new Random(seed);
        long time = 0;
        for (int i = 0; i < frames.size(); i++) {
            time += random.nextInt(100_000_000);
            reassembler.accept(LinkType.RAW, ByteBuffer.wrap(frames.get(i)), time, i + 1)
                    .ifPresent(d -> assertThat(d.payloadLength()).isLessThanOrEqualTo(0xFFFF));
            assertThat(reassembler.pendingDatagrams()).isBetween(0, 16);
            assertThat(reassembler.pendingBytes()).isBetween(0L, maxBytes);
        }
    }

    @Property
    void neverThrowsOnMangledFragments(
            @ForAll boolean ipv6,
            @ForAll @Size(max = 300) byte[] payload,
            @ForAll @IntRange(min = 0, max = 400) int cut,
            @ForAll @IntRange(min = 0, max = 399) int flipAt,
            @ForAll byte flip) {
        byte[] packet = FragmentReassemblerTest.packet(ipv6, payload, 3);
        FragmentReassembler reassembler = new FragmentReassembler();
        List<byte[]> fragments = Fragments.split(packet, 1, 64, 64, 64);
        for (int i = 0; i < fragments.size(); i++) {
            byte[] fragment = fragments.get(i);
            if (i == fragments.size() / 2) {
                fragment = Arrays.copyOf(fragment, Math.min(cut, fragment.length));
                if (flipAt < fragment.length) {
                    fragment[flipAt] ^= flip;
                }
            }
            // a datagram never holds more than the payload sent, or than the one frame it came from: a mangled
            // fragment can stop being a fragment (its next header flipped to UDP) and pass as a datagram of its own
            int frame = fragment.length;
            reassembler.accept(LinkType.RAW, ByteBuffer.wrap(fragment), i, i + 1)
                    .ifPresent(d -> assertThat(d.payloadLength()).isLessThanOrEqualTo(Math.max(payload.length, frame)));
        }
    }

    @Property
    void neverThrowsOnArbitraryIpHeaders(
            @ForAll boolean ipv6, @ForAll @Size(min = 40, max = 120) byte[] bytes) {
        bytes[0] = (byte) (ipv6 ? 0x60 | (bytes[0] & 0x0F) : 0x40 | (bytes[0] & 0x0F));
        if (ipv6) {
            bytes[6] = (byte) IpFragment.FRAGMENT;
        }
        new FragmentReassembler().accept(LinkType.RAW, ByteBuffer.wrap(bytes), 0, 1);
    }

    /** Frames of fragments of a few datagrams, with any offsets, lengths and flags. */
    @Provide
    Arbitrary<List<byte[]>> floods() {
        byte[] v4 = FragmentReassemblerTest.packet(false, new byte[8], 0);
        byte[] v6 = FragmentReassemblerTest.packet(true, new byte[8], 0);
        Arbitrary<byte[]> fragment =
                Combinators.combine(
                                Arbitraries.of(v4, v6),
                                Arbitraries.integers().between(0, 40),
                                Arbitraries.integers().between(0, 0x1FFF),
                                Arbitraries.of(true, false),
                                Arbitraries.integers().between(0, 1500))
                        .as((packet, id, offsetUnits, more, length) -> {
                            byte[] base = packet == v4 ? Fragments.withIpv4Identification(v4, id) : v6;
                            return Fragments.withData(base, offsetUnits, more, id, new byte[length]);
                        });
        return fragment.list().ofMaxSize(300);
    }

    /**
     * Cuts the packet's payload into fragments of random lengths, multiples of 8 except the last.
     */
    private static List<byte[]> randomSplit(byte[] packet, Random random, int maxBlocks) {
        int total = Fragments.payloadLength(packet);
        List<Integer> lengths = new ArrayList<>();
        for (int left = total; left > 0; ) {
            int length = 8 * (1 + random.nextInt(maxBlocks));
            lengths.add(length);
            left -= length;
        }
        return Fragments.split(packet, random.nextInt(), lengths.stream().mapToInt(Integer::intValue).toArray());
    }
}
