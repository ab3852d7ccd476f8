package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.EncodingException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SflowEncoderTest {

    @Test
    void writesTheHeaderAndRunsTheSequence() {
        SflowEncoder e = SflowEncoder.builder(Samples.v6("2001:db8::7")).subAgentId(4).firstSequence(0xFFFF_FFFFL)
                .uptimeMillis(() -> 99).build();
        ByteBuffer out = ByteBuffer.allocate(2000);
        assertThat(e.encode(List.of(Samples.typicalFlowSample(1)), 0, out)).isEqualTo(1);
        assertThat(e.nextSequence()).isZero();
        out.flip();
        SflowDatagram d = new SflowDecoder().decodeDatagram(out);
        assertThat(d.agentAddress()).isEqualTo(Samples.v6("2001:db8::7"));
        assertThat(d.subAgentId()).isEqualTo(4);
        assertThat(d.sequenceNumber()).isEqualTo(0xFFFF_FFFFL);
        assertThat(d.uptimeMillis()).isEqualTo(99);
        assertThat(d.samples()).containsExactly(Samples.typicalFlowSample(1));
    }

    @Test
    void splitsSamplesIntoDatagramsOfTheMaximumSize() {
        List<SflowSample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(Samples.typicalFlowSample(i));
        }
        SflowEncoder e = SflowEncoder.builder(Samples.v4("192.0.2.1")).maxDatagramSize(600).build();
        List<ByteBuffer> datagrams = e.encode(samples);
        assertThat(datagrams).hasSizeGreaterThan(5).allSatisfy(b -> assertThat(b.remaining()).isLessThanOrEqualTo(600));
        assertThat(e.nextSequence()).isEqualTo(1 + datagrams.size());
        assertThat(e.encode(List.of())).isEmpty();
    }

    @Test
    void refusesWhatCannotBeEncoded() {
        SflowEncoder e = SflowEncoder.builder(Samples.v4("192.0.2.1")).build();
        ByteBuffer small = ByteBuffer.allocate(100);
        assertThatThrownBy(() -> e.encode(List.of(Samples.typicalFlowSample(1)), 0, small))
                .isInstanceOf(EncodingException.class).hasMessageContaining("does not fit");
        assertThat(small.position()).isZero();
        CounterSample tooBig = CounterSample.compact(1, 0, 1, List.of(new CounterData.Vlan(1L << 33, 0, 0, 0, 0, 0)));
        ByteBuffer out = ByteBuffer.allocate(1000);
        assertThatThrownBy(() -> e.encode(List.of(tooBig), 0, out)).isInstanceOf(EncodingException.class)
                .hasMessageContaining("Vlan.vlanId");
        assertThat(out.position()).isZero();
        FlowSample ext = Samples.flowSample(1, List.of(new FlowData.Extension(8800, 1, new SflowArbitraries.Tag(1))));
        assertThatThrownBy(() -> e.encode(List.of(ext), 0, out)).isInstanceOf(EncodingException.class)
                .hasMessageContaining("no extension registered for 8800:1");
        assertThatThrownBy(() -> FlowSample.compact(1, 256, 0, 1, 1, 0, 0, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArrayWayWritesWhatTheGeneralWayWrites() {
        // Heap buffers take the straight way into their array (ArrayWriter), direct buffers the general way: the same
        // bytes, whatever the buffer held, at a non-zero array offset and position; compact and expanded samples; a
        // sampled header whose length is not a multiple of 4 (zero padding over the 0x55 bytes already there).
        List<SflowSample> samples = List.of(Samples.typicalFlowSample(1),
                Samples.flowSample(2, List.of(new FlowData.RawPacketHeader(1, 1518, 4, new byte[] {1, 2, 3, 4, 5, 6, 7}),
                        new FlowData.ExtendedSwitch(0xFFFF_FFFFL, 7, 100, 0))),
                new FlowSample(true, 3, 0xFFFF_FFF0, 0xFFFF_FFFFL, 1, 2, 3, 4, 5, 6, 7, List.of(new FlowData.ExtendedSwitch(1, 2, 3, 4))),
                Samples.counterSample(4),
                new CounterSample(true, 5, 300, 1L << 31, List.of(new CounterData.Ethernet(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                        0xFFFF_FFFFL))),
                Samples.flowSample(6, List.of()));
        byte[] backing = new byte[3000];
        java.util.Arrays.fill(backing, (byte) 0x55);
        ByteBuffer heap = ByteBuffer.wrap(backing, 3, 2000).slice().position(5);
        ByteBuffer direct = ByteBuffer.allocateDirect(2000).position(5);
        SflowEncoder h = SflowEncoder.builder(Samples.v4("192.0.2.1")).uptimeMillis(() -> 9).build();
        SflowEncoder d = SflowEncoder.builder(Samples.v4("192.0.2.1")).uptimeMillis(() -> 9).build();
        assertThat(h.encode(samples, 0, heap)).isEqualTo(d.encode(samples, 0, direct)).isEqualTo(samples.size());
        assertThat(heap.position()).isEqualTo(direct.position());
        byte[] a = new byte[heap.flip().position(5).remaining()];
        byte[] b = new byte[direct.flip().position(5).remaining()];
        heap.get(a);
        direct.get(b);
        assertThat(a).isEqualTo(b);
        assertThat(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(a)).samples()).isEqualTo(samples);
    }

    @Test
    void theArrayWayLeavesToTheGeneralWayWhatItCannotWrite() {
        SflowEncoder e = SflowEncoder.builder(Samples.v4("192.0.2.1")).maxDatagramSize(300).build();
        // a counter above 32 bits: the general way's error, the position back where it was
        CounterSample tooBig = CounterSample.compact(1, 0, 1, List.of(new CounterData.Ethernet(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 1L << 32)));
        SflowEncoder roomy = SflowEncoder.builder(Samples.v4("192.0.2.1")).build();
        for (ByteBuffer out : List.of(ByteBuffer.allocate(1000), ByteBuffer.allocateDirect(1000))) {
            assertThatThrownBy(() -> roomy.encode(List.of(Samples.typicalFlowSample(1), tooBig), 0, out))
                    .isInstanceOf(EncodingException.class).hasMessageContaining("dot3StatsSymbolErrors");
            assertThat(out.position()).isZero();
        }
        // a sample whose header does not fit and whose next record the straight way does not know: the general way
        // measures it and throws as it would have (no codec for the extension record)
        FlowSample big = Samples.flowSample(2, List.of(new FlowData.RawPacketHeader(1, 1518, 4, new byte[256]),
                new FlowData.Extension(8800, 1, new SflowArbitraries.Tag(1))));
        for (ByteBuffer out : List.of(ByteBuffer.allocate(1000), ByteBuffer.allocateDirect(1000))) {
            assertThatThrownBy(() -> e.encode(List.of(Samples.typicalFlowSample(1), big), 0, out))
                    .isInstanceOf(EncodingException.class).hasMessageContaining("no extension registered for 8800:1");
            assertThat(out.position()).isZero();
        }
        // a sample that does not fit after the first: one sample in this datagram, the next one takes it
        FlowSample large = Samples.flowSample(3, List.of(new FlowData.RawPacketHeader(1, 1518, 4, new byte[200])));
        for (ByteBuffer out : List.of(ByteBuffer.allocate(1000), ByteBuffer.allocateDirect(1000))) {
            assertThat(e.encode(List.of(Samples.typicalFlowSample(1), large), 0, out)).isEqualTo(1);
            out.clear();
            assertThat(e.encode(List.of(Samples.typicalFlowSample(1), large), 1, out)).isEqualTo(1);
        }
    }

    @Test
    void theBuilderCraftsBrokenDatagramsOnPurpose() {
        byte[] ok = SflowDatagramBuilder.create().sample(Samples.counterSample(1)).toBytes();
        assertThat(new SflowDecoder().decodeDatagram(ByteBuffer.wrap(ok)).samples()).containsExactly(Samples.counterSample(1));
        assertThat(SflowDatagramBuilder.create().sample(Samples.counterSample(1)).truncateTo(40).toBytes()).hasSize(40);
        assertThat(ByteBuffer.wrap(SflowDatagramBuilder.create().version(4).toBytes()).getInt(0)).isEqualTo(4);
        assertThat(SflowDatagramBuilder.create().trailing(new byte[3]).toBytes()).hasSize(28 + 3);
        byte[] rec = SflowDatagramBuilder.record(Sflow.FLOW_EXTENDED_SWITCH, 999, new byte[2]);
        assertThat(ByteBuffer.wrap(rec).getInt(4)).isEqualTo(999);
        assertThat(rec).hasSize(10);
    }

    @Test
    void everyRecordTypeIsPaddedToFourBytes() {
        List<FlowData> records = List.of(new FlowData.RawPacketHeader(1, 61, 0, new byte[57]),
                new FlowData.ExtendedUser(106, "ab", 106, "\u00e9"), new FlowData.ExtendedUrl(1, "/x", "h"),
                new FlowData.ExtendedMplsTunnel("t", 1, 2), new FlowData.Unknown(9, 9, new byte[5]));
        byte[] d = SflowEncoder.toBytes(new SflowDatagram(Samples.v4("192.0.2.1"), 0, 1, 0, List.of(Samples.flowSample(1, records))));
        assertThat(d.length % 4).isZero();
        assertThat(((FlowSample) new SflowDecoder().decodeDatagram(ByteBuffer.wrap(d)).samples().get(0)).records()).isEqualTo(records);
    }
}
