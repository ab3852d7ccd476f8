package io.github.flowcodec.cli.internal.pcap;

import static io.github.flowcodec.cli.internal.pcap.Fragments.fragment;
import static io.github.flowcodec.cli.internal.pcap.Fragments.split;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ethernet;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.ip;
import static io.github.flowcodec.cli.internal.pcap.TestCaptures.sll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FragmentReassemblerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final byte[] PAYLOAD = pattern(4000, 7);
    private static final byte[] V4 = packet(false, PAYLOAD, 0x4242);
    private static final byte[] V6 = packet(true, PAYLOAD, 0);

    private final FragmentReassembler reassembler = new FragmentReassembler();

    @Test
    void passesWholeDatagramsThroughAsTheExtractorDoes() {
        byte[] small = packet(false, new byte[] {'f', 'l', 'o', 'w'}, 1);
        byte[] small6 = packet(true, new byte[] {'f', 'l', 'o', 'w'}, 1);

        for (byte[] frame : List.of(ethernet(small), ethernet(small6, 0x8100))) {
            Optional<UdpDatagram> expected =
                    UdpDatagramExtractor.extract(LinkType.ETHERNET, ByteBuffer.wrap(frame), 5, 6);
            assertThat(expected).isPresent();
            assertThat(reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(frame), 5, 6))
                    .isEqualTo(expected);
        }
        assertThat(reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(new byte[3]), 0, 1)).isEmpty();
        assertThat(reassembler.accept(147, ByteBuffer.wrap(ethernet(small)), 0, 1)).isEmpty();
        assertThat(reassembler.fragments()).isZero();
        assertThat(reassembler.pendingDatagrams()).isZero();
    }

    @Test
    void acceptsCapturedPackets() {
        List<byte[]> fragments = split(V4, 0, 1480, 1480);
        for (int i = 0; i < fragments.size() - 1; i++) {
            CapturedPacket packet =
                    new CapturedPacket(i + 1, i, LinkType.RAW, fragments.get(i).length, ByteBuffer.wrap(fragments.get(i)));
            assertThat(reassembler.accept(packet)).isEmpty();
        }
        byte[] last = fragments.get(fragments.size() - 1);
        UdpDatagram datagram =
                reassembler.accept(new CapturedPacket(3, 99, LinkType.RAW, last.length, ByteBuffer.wrap(last)))
                        .orElseThrow();
        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
        assertThat(datagram.packetNumber()).isEqualTo(3);
        assertThat(datagram.timestampNanos()).isEqualTo(99);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reassemblesInOrderWithTheLastFragmentsTimeAndNumber(boolean ipv6) {
        List<byte[]> fragments = split(ipv6 ? V6 : V4, 77, 1480, 1480);
        assertThat(fragments).hasSize(3);

        assertThat(feed(fragments.get(0), 10, 1)).isEmpty();
        assertThat(feed(fragments.get(1), 20, 2)).isEmpty();
        assertThat(reassembler.pendingDatagrams()).isOne();
        UdpDatagram datagram = feed(fragments.get(2), 30, 3).orElseThrow();

        assertThat(datagram.timestampNanos()).isEqualTo(30);
        assertThat(datagram.packetNumber()).isEqualTo(3);
        assertThat(datagram.srcAddress()).isEqualTo(ip(ipv6 ? "2001:db8::1" : "192.0.2.1"));
        assertThat(datagram.dstAddress()).isEqualTo(ip(ipv6 ? "2001:db8::2" : "198.51.100.2"));
        assertThat(datagram.srcPort()).isEqualTo(50000);
        assertThat(datagram.dstPort()).isEqualTo(4739);
        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
        assertThat(datagram.payload().isReadOnly()).isTrue();
        assertThat(reassembler.fragments()).isEqualTo(3);
        assertThat(reassembler.reassembledDatagrams()).isOne();
        assertThat(reassembler.pendingDatagrams()).isZero();
        assertThat(reassembler.pendingBytes()).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reassemblesOutOfOrder(boolean ipv6) {
        List<byte[]> fragments = split(ipv6 ? V6 : V4, 78, 1000, 1000, 1000);

        assertThat(feed(fragments.get(4 - 1), 1, 1)).isEmpty();
        assertThat(feed(fragments.get(2), 2, 2)).isEmpty();
        assertThat(feed(fragments.get(0), 3, 3)).isEmpty();
        UdpDatagram datagram = feed(fragments.get(1), 4, 4).orElseThrow();

        assertThat(datagram.packetNumber()).isEqualTo(4);
        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
    }

    @Test
    void reassemblesThroughAnyLinkLayer() {
        List<byte[]> fragments = split(V6, 5, 2000);

        assertThat(reassembler.accept(LinkType.LINUX_SLL, ByteBuffer.wrap(sll(fragments.get(0))), 0, 1))
                .isEmpty();
        UdpDatagram datagram =
                reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(ethernet(fragments.get(1), 0x8100)), 0, 2)
                        .orElseThrow();

        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
    }

    @Test
    void reassemblesIpv6WithExtensionHeadersOnBothSidesOfTheFragmentHeader() {
        byte[] udp = Arrays.copyOfRange(V6, 40, V6.length);
        // Destination options, in the fragmentable part: next header UDP, length 0, a PadN option.
        byte[] fragmentable = new byte[8 + udp.length];
        fragmentable[0] = (byte) IpLayer.PROTOCOL_UDP;
        fragmentable[2] = 1;
        fragmentable[3] = 4;
        System.arraycopy(udp, 0, fragmentable, 8, udp.length);
        List<byte[]> fragments = new ArrayList<>();
        for (int offset = 0; offset < fragmentable.length; offset += 1024) {
            int length = Math.min(1024, fragmentable.length - offset);
            byte[] data = Arrays.copyOfRange(fragmentable, offset, offset + length);
            byte[] plain =
                    Fragments.ipv6(V6, offset / 8, offset + length < fragmentable.length, 9,
                            IpFragment.DESTINATION_OPTIONS, data);
            // A hop-by-hop header in the unfragmentable part, before the fragment header.
            ByteBuffer withHopByHop = ByteBuffer.allocate(plain.length + 8);
            withHopByHop.put(plain, 0, 40).put((byte) IpFragment.FRAGMENT).put((byte) 0);
            withHopByHop.put((byte) 1).put((byte) 4).putInt(0).put(plain, 40, plain.length - 40);
            withHopByHop.put(6, (byte) IpFragment.HOP_BY_HOP).putShort(4, (short) (plain.length - 40 + 8));
            fragments.add(withHopByHop.array());
        }
        List<UdpDatagram> out = new ArrayList<>();
        for (int i = fragments.size() - 1; i >= 0; i--) {
            feed(fragments.get(i), 0, i + 1).ifPresent(out::add);
        }

        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.payloadBytes()).isEqualTo(PAYLOAD);
            assertThat(d.dstPort()).isEqualTo(4739);
        });
    }

    @Test
    void ignoresDuplicatesAndStartsAgainAfterCompletion() {
        List<byte[]> fragments = split(V4, 0, 1480, 1480);

        assertThat(feed(fragments.get(0), 0, 1)).isEmpty();
        assertThat(feed(fragments.get(0), 0, 2)).isEmpty();
        assertThat(feed(fragments.get(2), 0, 3)).isEmpty();
        assertThat(feed(fragments.get(2), 0, 4)).isEmpty();
        assertThat(feed(fragments.get(1), 0, 5)).get()
                .extracting(UdpDatagram::payloadBytes).isEqualTo(PAYLOAD);
        assertThat(reassembler.duplicateFragments()).isEqualTo(2);
        assertThat(reassembler.fragments()).isEqualTo(5);

        // A copy arriving after completion starts a new datagram, which waits in vain.
        assertThat(feed(fragments.get(1), 0, 6)).isEmpty();
        assertThat(reassembler.pendingDatagrams()).isOne();
        assertThat(reassembler.reassembledDatagrams()).isOne();
    }

    @Test
    void acceptsOverlapsWhoseBytesAgree() {
        int total = Fragments.payloadLength(V4);

        assertThat(feed(fragment(V4, 0, 1480, true, 0), 0, 1)).isEmpty();
        assertThat(feed(fragment(V4, 1472, 1488, true, 0), 0, 2)).isEmpty();
        assertThat(feed(fragment(V4, 8, 1472, true, 0), 0, 3)).isEmpty(); // inside what came
        UdpDatagram datagram = feed(fragment(V4, 2000, total - 2000, false, 0), 0, 4).orElseThrow();

        assertThat(datagram.payloadBytes()).isEqualTo(PAYLOAD);
        assertThat(reassembler.overlappingFragments()).isEqualTo(2);
        assertThat(reassembler.duplicateFragments()).isOne();
        assertThat(reassembler.conflictingDatagrams()).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void discardsTheDatagramWhenOverlappingBytesDiffer(boolean ipv6) {
        byte[] packet = ipv6 ? V6 : V4;
        int total = Fragments.payloadLength(packet);
        byte[] overlapping = fragment(packet, 1472, 1488, true, 3);
        overlapping[overlapping.length - 1488 + 2] ^= 0x55; // inside the 8 bytes already received

        assertThat(feed(fragment(packet, 0, 1480, true, 3), 0, 1)).isEmpty();
        assertThat(feed(overlapping, 0, 2)).isEmpty();
        assertThat(reassembler.conflictingDatagrams()).isOne();
        assertThat(reassembler.pendingDatagrams()).isZero();
        assertThat(reassembler.pendingBytes()).isZero();

        // What comes next cannot complete the discarded datagram.
        assertThat(feed(fragment(packet, 2960, total - 2960, false, 3), 0, 3)).isEmpty();
        assertThat(reassembler.reassembledDatagrams()).isZero();
    }

    @Test
    void discardsTheDatagramWhenFragmentsDisagreeOnItsEnd() {
        int total = Fragments.payloadLength(V4);
        byte[] lastFragment = fragment(V4, 2960, total - 2960, false, 0);
        byte[] earlierEnd = fragment(V4, 2960, 16, false, 0);
        byte[] beyondTheEnd = fragment(V4, 2960, total - 2960 + 8, true, 0);

        feed(lastFragment, 0, 1);
        feed(earlierEnd, 0, 2);
        assertThat(reassembler.conflictingDatagrams()).isOne();

        feed(lastFragment, 0, 3);
        feed(beyondTheEnd, 0, 4);
        assertThat(reassembler.conflictingDatagrams()).isEqualTo(2);

        feed(fragment(V4, 0, 1480, true, 0), 0, 5);
        feed(fragment(V4, 1480, 1480 + 8, true, 0), 0, 6);
        feed(fragment(V4, 8, 1472, false, 0), 0, 7); // data received beyond this end
        assertThat(reassembler.conflictingDatagrams()).isEqualTo(3);
        assertThat(reassembler.pendingDatagrams()).isZero();
    }

    @Test
    void evictsWhatNeverCompletesAfterThirtySecondsOfCaptureTime() {
        List<byte[]> fragments = split(V4, 0, 1480, 1480);
        byte[] unrelated = ethernet(packet(false, new byte[] {1}, 9));

        feed(fragments.get(0), 100 * SECOND, 1);
        feed(fragments.get(2), 110 * SECOND, 2);
        reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(unrelated), 130 * SECOND, 3);
        assertThat(reassembler.pendingDatagrams()).isOne();
        assertThat(reassembler.evictedByAge()).isZero();

        reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(unrelated), 130 * SECOND + 1, 4);
        assertThat(reassembler.pendingDatagrams()).isZero();
        assertThat(reassembler.pendingBytes()).isZero();
        assertThat(reassembler.evictedByAge()).isOne();
        assertThat(feed(fragments.get(1), 131 * SECOND, 5)).isEmpty();
        assertThat(reassembler.reassembledDatagrams()).isZero();
    }

    @Test
    void measuresAgeFromTheFirstFragmentOnAClockThatNeverGoesBack() {
        List<byte[]> fragments = split(V4, 0, 1480, 1480);

        feed(fragments.get(0), 100 * SECOND, 1);
        feed(fragments.get(1), 129 * SECOND, 2);
        feed(fragments.get(2), 50 * SECOND, 3).orElseThrow(); // timestamps may step back

        feed(fragments.get(0), 200 * SECOND, 4);
        feed(fragments.get(1), 20 * SECOND, 5); // does not turn back the clock
        assertThat(feed(fragments.get(2), 231 * SECOND, 6)).isEmpty();
        assertThat(reassembler.evictedByAge()).isOne();
        assertThat(reassembler.reassembledDatagrams()).isOne();
    }

    @Test
    void reassemblesInterleavedDatagrams() {
        byte[] otherPayload = pattern(3000, 11);
        byte[] a = V4;
        byte[] b = Fragments.withIpv4Identification(packet(false, otherPayload, 0), 0x4243);
        byte[] sameIdOtherSource = UdpFrameBuilder.ipPacket(
                ip("192.0.2.99"), 1, ip("198.51.100.2"), 2, ByteBuffer.wrap(otherPayload), 0x4242);
        byte[] c = V6;
        List<List<byte[]>> all = List.of(
                split(a, 0, 1480, 1480), split(b, 0, 1000, 1000), split(sameIdOtherSource, 0, 1480),
                split(c, 0x4242, 1480, 1480));
        List<UdpDatagram> out = new ArrayList<>();
        long number = 0;
        for (int round = 0; round < 3; round++) {
            for (List<byte[]> fragments : all) {
                int index = fragments.size() - 1 - round; // each from its last fragment
                if (index >= 0) {
                    feed(fragments.get(index), number, ++number).ifPresent(out::add);
                }
            }
        }

        assertThat(out).extracting(UdpDatagram::payloadBytes)
                .containsExactlyInAnyOrder(PAYLOAD, otherPayload, otherPayload, PAYLOAD);
        assertThat(out).extracting(d -> d.srcAddress().getHostAddress())
                .containsExactlyInAnyOrder("192.0.2.1", "192.0.2.1", "192.0.2.99", "2001:db8:0:0:0:0:0:1");
        assertThat(reassembler.pendingDatagrams()).isZero();
    }

    @Test
    void keepsAtMostMaxDatagramsEvictingTheOldest() {
        FragmentReassembler small =
                new FragmentReassembler(4, FragmentReassembler.DEFAULT_MAX_BYTES, 30 * SECOND);
        List<List<byte[]>> datagrams = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            datagrams.add(split(Fragments.withIpv4Identification(V4, id), 0, 2000));
            small.accept(LinkType.RAW, ByteBuffer.wrap(datagrams.get(id - 1).get(0)), 0, id);
        }

        assertThat(small.pendingDatagrams()).isEqualTo(4);
        assertThat(small.evictedByCount()).isOne();
        assertThat(small.accept(LinkType.RAW, ByteBuffer.wrap(datagrams.get(0).get(1)), 0, 6)).isEmpty();
        assertThat(small.evictedByCount()).isEqualTo(2); // the oldest was 1; now 2 made room for 1 again
        assertThat(small.accept(LinkType.RAW, ByteBuffer.wrap(datagrams.get(4).get(1)), 0, 7)).isPresent();
    }

    @Test
    void keepsAtMostMaxBytesEvictingTheOldest() {
        long maxBytes = 3L * FragmentReassembler.MAX_DATAGRAM_FOOTPRINT;
        FragmentReassembler small = new FragmentReassembler(1024, maxBytes, 30 * SECOND);
        byte[] data = new byte[1480];
        for (int id = 1; id <= 10; id++) {
            byte[] far = Fragments.withData(Fragments.withIpv4Identification(V4, id), 64000 / 8, true, 0, data);
            small.accept(LinkType.RAW, ByteBuffer.wrap(far), 0, id);
            assertThat(small.pendingBytes()).isLessThanOrEqualTo(maxBytes);
        }

        assertThat(small.pendingDatagrams()).isEqualTo(3);
        assertThat(small.evictedByMemory()).isEqualTo(7);
        assertThat(small.evictedDatagrams()).isEqualTo(7);
    }

    @Test
    void staysWithinTheDefaultBoundsUnderAFlood() {
        for (int id = 0; id < 3000; id++) {
            byte[] tiny = Fragments.withIpv4Identification(Fragments.withData(V4, 0, true, 0, new byte[8]), id);
            reassembler.accept(LinkType.RAW, ByteBuffer.wrap(tiny), id, id + 1);
            assertThat(reassembler.pendingDatagrams()).isLessThanOrEqualTo(FragmentReassembler.DEFAULT_MAX_DATAGRAMS);
        }
        assertThat(reassembler.evictedByCount()).isEqualTo(3000 - 1024);
        byte[] data = new byte[1480];
        for (int id = 0; id < 3000; id++) {
            byte[] far = Fragments.withData(V6, (64000 - (id % 7) * 1480) / 8, true, id, data);
            reassembler.accept(LinkType.RAW, ByteBuffer.wrap(far), id, id + 1);
            assertThat(reassembler.pendingBytes()).isLessThanOrEqualTo(FragmentReassembler.DEFAULT_MAX_BYTES);
        }

        assertThat(reassembler.evictedByMemory()).isPositive();
        assertThat(reassembler.pendingDatagrams()).isLessThanOrEqualTo(FragmentReassembler.DEFAULT_MAX_DATAGRAMS);
        assertThat(reassembler.pendingBytes()).isGreaterThan(FragmentReassembler.DEFAULT_MAX_BYTES - FragmentReassembler.MAX_DATAGRAM_FOOTPRINT);
        assertThat(reassembler.fragments()).isEqualTo(6000);
    }

    @Test
    void dropsFragmentsEndingBeyondTheLargestPacketWithoutKeepingThem() {
        byte[] eight = new byte[8];

        // IPv4: header (20) + data must fit in 65535 bytes.
        feed(Fragments.withData(V4, 65512 / 8, true, 0, eight), 0, 1);
        feed(Fragments.withData(V4, 65504 / 8, true, 0, eight), 0, 2);
        assertThat(reassembler.oversizedFragments()).isOne();
        assertThat(reassembler.pendingDatagrams()).isOne();
        // IPv6: the payload may reach 65535 bytes.
        feed(Fragments.withData(V6, 65528 / 8, true, 1, eight), 0, 3);
        feed(Fragments.withData(V6, 0x1FFF, false, 1, new byte[1400]), 0, 4);
        feed(Fragments.withData(V6, 65520 / 8, true, 1, eight), 0, 5);
        assertThat(reassembler.oversizedFragments()).isEqualTo(3);
        assertThat(reassembler.pendingDatagrams()).isEqualTo(2);
        assertThat(reassembler.pendingBytes()).isLessThanOrEqualTo(2L * FragmentReassembler.MAX_DATAGRAM_FOOTPRINT);
    }

    @Test
    void dropsEmptyFragmentsUnlessTheyEndTheDatagram() {
        byte[] eight = packet(false, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 5); // 16 bytes of UDP

        feed(Fragments.withData(eight, 2, true, 0, new byte[0]), 0, 1);
        assertThat(reassembler.malformedFragments()).isOne();
        assertThat(reassembler.pendingDatagrams()).isZero();

        assertThat(feed(fragment(eight, 0, 16, true, 0), 0, 2)).isEmpty();
        UdpDatagram datagram = feed(Fragments.withData(eight, 2, false, 0, new byte[0]), 0, 3).orElseThrow();
        assertThat(datagram.payloadBytes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void dropsMalformedFragments() {
        byte[] misaligned = fragment(V4, 0, 1476, true, 0);
        byte[] cut = Arrays.copyOf(fragment(V6, 0, 1480, true, 0), 1000); // snapshot length
        byte[] badTotalLength = fragment(V4, 0, 1480, true, 0);
        ByteBuffer.wrap(badTotalLength).putShort(2, (short) 12);
        byte[] zeroTotalLength = fragment(V4, 0, 1480, true, 0);
        ByteBuffer.wrap(zeroTotalLength).putShort(2, (short) 0);
        byte[] jumbo = fragment(V6, 0, 1480, true, 0);
        ByteBuffer.wrap(jumbo).putShort(4, (short) 0);

        for (byte[] frame : List.of(misaligned, cut, badTotalLength, zeroTotalLength, jumbo)) {
            assertThat(feed(frame, 0, 1)).isEmpty();
        }

        assertThat(reassembler.malformedFragments()).isEqualTo(5);
        assertThat(reassembler.fragments()).isZero();
        assertThat(reassembler.pendingDatagrams()).isZero();
    }

    @Test
    void checksTheUdpLengthAgainstTheReassembledLength() {
        byte[] tooLong = V4.clone();
        ByteBuffer.wrap(tooLong).putShort(20 + 4, (short) (8 + PAYLOAD.length + 1));
        byte[] shorter = V4.clone();
        ByteBuffer.wrap(shorter).putShort(20 + 4, (short) (8 + 10));

        split(tooLong, 0, 1480).forEach(f -> assertThat(feed(f, 0, 1)).isEmpty());
        assertThat(reassembler.invalidDatagrams()).isOne();

        List<UdpDatagram> out = new ArrayList<>();
        split(shorter, 0, 1480).forEach(f -> feed(f, 0, 2).ifPresent(out::add));
        assertThat(out).singleElement().extracting(UdpDatagram::payloadBytes)
                .isEqualTo(Arrays.copyOf(PAYLOAD, 10));
    }

    @Test
    void ignoresFragmentsOfOtherProtocols() {
        byte[] tcp = fragment(V4, 0, 1480, true, 0);
        tcp[9] = 6;
        byte[] icmpv6 = Fragments.ipv6(V6, 0, true, 1, 58, new byte[1480]);

        assertThat(feed(tcp, 0, 1)).isEmpty();
        assertThat(feed(icmpv6, 0, 2)).isEmpty();
        assertThat(reassembler.fragments()).isZero();
        assertThat(reassembler.malformedFragments()).isZero();
        assertThat(reassembler.pendingDatagrams()).isZero();
    }

    @Test
    void takesAnIpv6AtomicFragmentAsAWholePacket() {
        byte[] atomic = Fragments.ipv6(V6, 0, false, 1, IpLayer.PROTOCOL_UDP, Arrays.copyOfRange(V6, 40, V6.length));

        assertThat(feed(atomic, 0, 1)).get().extracting(UdpDatagram::payloadBytes).isEqualTo(PAYLOAD);
        assertThat(reassembler.fragments()).isZero();
    }

    @Test
    void givesNothingForAFirstFragmentAlone() {
        assertThat(feed(fragment(V4, 0, 1480, true, 0), 0, 1)).isEmpty();
        assertThat(reassembler.pendingDatagrams()).isOne();
    }

    @Test
    void rejectsBoundsOutOfRange() {
        assertThatThrownBy(() -> new FragmentReassembler(0, FragmentReassembler.DEFAULT_MAX_BYTES, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FragmentReassembler(1, FragmentReassembler.MAX_DATAGRAM_FOOTPRINT - 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FragmentReassembler(1, FragmentReassembler.MAX_DATAGRAM_FOOTPRINT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Optional<UdpDatagram> feed(byte[] ipPacket, long timestampNanos, long packetNumber) {
        return reassembler.accept(LinkType.ETHERNET, ByteBuffer.wrap(ethernet(ipPacket)), timestampNanos, packetNumber);
    }

    static byte[] packet(boolean ipv6, byte[] payload, int identification) {
        return UdpFrameBuilder.ipPacket(
                ip(ipv6 ? "2001:db8::1" : "192.0.2.1"), 50000,
                ip(ipv6 ? "2001:db8::2" : "198.51.100.2"), 4739,
                ByteBuffer.wrap(payload), identification);
    }

    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed + (i >>> 8));
        }
        return bytes;
    }
}
