package io.github.flowcodec.netflow5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Netflow5EncoderTest {

    private static List<FlowRecord> records(int n) {
        List<FlowRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Netflow5RecordBuilder.create().srcAddr("10.0.0." + (i % 250)).octets(100 + i).packets(1).build());
        }
        return out;
    }

    private static Netflow5Encoder encoder() {
        return Netflow5Encoder.builder()
                .clock(() -> 1_700_000_000_000L)
                .uptimeMillis(() -> 1234).firstSequence(0xFFFF_FFF0L).sampling(2, 1000).build();
    }

    @Test
    void splitsIntoPacketsOfThirtyAndKeepsTheFlowSequenceRunning() {
        Netflow5Encoder e = encoder();
        List<ByteBuffer> packets = e.encode(records(65));
        assertThat(packets).hasSize(3);
        Netflow5Decoder d = new Netflow5Decoder();
        int[] sizes = packets.stream().mapToInt(p -> d.decode(p, null).records().size()).toArray();
        assertThat(sizes).containsExactly(30, 30, 5);
        assertThat(packets.get(0).remaining()).isEqualTo(Netflow5.MAX_PACKET_LENGTH);
        Netflow5Packet second = d.decode(packets.get(1), null);
        assertThat(second.header().flowSequence()).isEqualTo(0xFFFF_FFF0L + 30 - (1L << 32));
        assertThat(second.header().samplingMode()).isEqualTo(2);
        assertThat(second.header().samplingInterval()).isEqualTo(1000);
        assertThat(second.header().sysUptimeMillis()).isEqualTo(1234);
        assertThat(second.header().unixSeconds()).isEqualTo(1_700_000_000L);
        assertThat(e.nextSequence()).isEqualTo((0xFFFF_FFF0L + 65) & 0xFFFF_FFFFL);
    }

    @Test
    void writesIntoTheCallersBufferAsMuchAsFits() {
        ByteBuffer dst = ByteBuffer.allocate(24 + 48 * 4 + 10);
        int n = encoder().encode(records(10), 0, dst);
        assertThat(n).isEqualTo(4);
        assertThat(dst.position()).isEqualTo(24 + 48 * 4);
        assertThatThrownBy(() -> encoder().encode(records(1), 0, ByteBuffer.allocate(70)))
                .isInstanceOf(EncodingException.class).hasMessageContaining("no room");
    }

    @Test
    void anEmptyListGivesNoPacketButAHeaderOnlyPacketCanBeWritten() {
        Netflow5Encoder e = encoder();
        assertThat(e.encode(List.of())).as("like every DatagramEncoder: no records, no datagram").isEmpty();
        ByteBuffer b = ByteBuffer.allocate(100);
        assertThat(e.encode(List.of(), 0, b)).isZero();
        assertThat(b.position()).as("a header with count 0, written on request").isEqualTo(24);
    }

    @Test
    void maxDatagramSizeLimitsTheRecordsPerPacket() {
        Netflow5Encoder e = Netflow5Encoder.builder().maxDatagramSize(24 + 48 * 7 + 47).build();
        assertThat(e.maxDatagramSize()).isEqualTo(24 + 48 * 7);
        List<FlowRecord> records = java.util.Collections.nCopies(20, Netflow5RecordBuilder.create().build());
        assertThat(e.encode(records)).extracting(ByteBuffer::remaining).containsExactly(24 + 48 * 7, 24 + 48 * 7, 24 + 48 * 6);
        assertThat(e.nextSequence()).isEqualTo(20);
        assertThatThrownBy(() -> Netflow5Encoder.builder().maxDatagramSize(71)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Netflow5Encoder.builder().maxDatagramSize(9000).build().maxDatagramSize()).isEqualTo(1464);
    }

    @Test
    void refusesRecordsOfAnotherTemplate() {
        Template other = Template.of(256, FieldSpec.of(InformationElementRegistry.iana().require("octetDeltaCount")));
        FlowRecord r = FlowRecord.builder(other).setLong(0, 1).build();
        assertThatThrownBy(() -> encoder().encode(List.of(r)))
                .isInstanceOf(EncodingException.class).hasMessageContaining("not on the NetFlow v5 template");
    }

    @Test
    void recordBuilderRefusesValuesThatDoNotFit() {
        assertThatThrownBy(() -> Netflow5RecordBuilder.create().input(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Netflow5RecordBuilder.create().octets(1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Netflow5RecordBuilder.create().srcAddr("2001:db8::1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
