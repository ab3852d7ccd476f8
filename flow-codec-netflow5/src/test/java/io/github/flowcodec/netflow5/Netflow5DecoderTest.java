package io.github.flowcodec.netflow5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Netflow5DecoderTest {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("198.51.100.9", 40000);

    private static Netflow5PacketBuilder twoRecords() {
        return Netflow5PacketBuilder.create()
                .sysUptime(3_600_000).unixSeconds(1_700_000_000L).unixNanos(500_000_000L).sequence(77)
                .engine(2, 9).sampling(1, 100)
                .record(r -> r.srcAddr("10.0.0.1").dstAddr("192.0.2.7").nextHop("10.0.0.254")
                        .srcPort(51514).dstPort(443).protocol(6).tcpFlags(0x1b).tos(0x20)
                        .packets(12).octets(9_400).first(3_590_000).last(3_599_000)
                        .input(3).output(7).srcAs(64500).dstAs(15169).srcMask(24).dstMask(16))
                .record(r -> r.srcAddr("10.0.0.2").dstAddr("10.0.0.3").protocol(17).packets(1).octets(76));
    }

    @Test
    void decodesHeaderAndRecordFields() throws Exception {
        Netflow5Packet p = new Netflow5Decoder().decode(twoRecords().toBuffer(), EXPORTER);
        Netflow5Header h = p.header();
        assertThat(h.count()).isEqualTo(2);
        assertThat(h.sysUptimeMillis()).isEqualTo(3_600_000);
        assertThat(h.flowSequence()).isEqualTo(77);
        assertThat(h.engineType()).isEqualTo(2);
        assertThat(h.engineId()).isEqualTo(9);
        assertThat(h.samplingMode()).isEqualTo(1);
        assertThat(h.samplingInterval()).isEqualTo(100);
        assertThat(p.samplingRate()).isEqualTo(100);
        assertThat(p.observationDomainId()).isEqualTo(2 << 8 | 9);
        assertThat(p.protocol()).isEqualTo(FlowProtocol.NETFLOW_V5);
        assertThat(p.exporter()).isEqualTo(EXPORTER);

        FlowRecord r = p.records().get(0);
        assertThat(r.getAddress(Netflow5.SRC_ADDR)).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(r.getAddress(Netflow5.DST_ADDR)).isEqualTo(InetAddress.getByName("192.0.2.7"));
        assertThat(r.getAddress(Netflow5.NEXT_HOP)).isEqualTo(InetAddress.getByName("10.0.0.254"));
        assertThat(r.getLong(Netflow5.SRC_PORT)).isEqualTo(51514);
        assertThat(r.getLong(Netflow5.DST_PORT)).isEqualTo(443);
        assertThat(r.getLong(Netflow5.PROTOCOL)).isEqualTo(6);
        assertThat(r.getLong(Netflow5.TCP_FLAGS)).isEqualTo(0x1b);
        assertThat(r.getLong(Netflow5.TOS)).isEqualTo(0x20);
        assertThat(r.getLong(Netflow5.PACKETS)).isEqualTo(12);
        assertThat(r.getLong(Netflow5.OCTETS)).isEqualTo(9_400);
        assertThat(r.getLong(Netflow5.INPUT)).isEqualTo(3);
        assertThat(r.getLong(Netflow5.OUTPUT)).isEqualTo(7);
        assertThat(r.getLong(Netflow5.SRC_AS)).isEqualTo(64500);
        assertThat(r.getLong(Netflow5.DST_AS)).isEqualTo(15169);
        assertThat(r.getLong(Netflow5.SRC_MASK)).isEqualTo(24);
        assertThat(r.getLong(Netflow5.DST_MASK)).isEqualTo(16);
        // by element too: v5 fields are IANA elements
        assertThat(r.getLong(Netflow5.TEMPLATE.field(Netflow5.OCTETS).element(), -1)).isEqualTo(9_400);
        assertThat(r.template().field(Netflow5.SRC_ADDR).element().name()).isEqualTo("sourceIPv4Address");
    }

    @Test
    void flowTimesAreAbsoluteFromUptimeAndExportTime() {
        Netflow5Packet p = new Netflow5Decoder().decode(twoRecords().toBuffer(), EXPORTER);
        FlowRecord r = p.records().get(0);
        long export = 1_700_000_000_500L;
        assertThat(p.flowStartMillis(r)).isEqualTo(export - 10_000);
        assertThat(p.flowEndMillis(r)).isEqualTo(export - 1_000);
    }

    @Test
    void flowTimesSurviveTheUptimeWrap() {
        // uptime wrapped to 5 s after the flow started 10 s before the wrap at 2^32 ms
        ByteBuffer b = Netflow5PacketBuilder.create().sysUptime(5_000).unixSeconds(1_700_000_000L)
                .record(r -> r.first(0xFFFF_FFFFL - 9_999).last(4_000)).toBuffer();
        Netflow5Packet p = new Netflow5Decoder().decode(b, EXPORTER);
        FlowRecord r = p.records().get(0);
        assertThat(p.flowStartMillis(r)).isEqualTo(1_700_000_000_000L - 15_000);
        assertThat(p.flowEndMillis(r)).isEqualTo(1_700_000_000_000L - 1_000);
    }

    @Test
    void zeroCopyPathGivesContextAndViewsAndLeavesTheBufferAlone() {
        ByteBuffer b = twoRecords().toBuffer();
        ByteBuffer padded = ByteBuffer.allocate(b.capacity() + 10);
        padded.position(10);
        padded.put(b);
        padded.position(10);
        List<Long> octets = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        int n = new Netflow5Decoder().decode(padded, EXPORTER, (ctx, view) -> {
            assertThat(((Netflow5HeaderView) ctx).engineId()).isEqualTo(9);
            octets.add(view.getLong(Netflow5.OCTETS));
            starts.add(ctx.flowStartMillis(view));
        });
        assertThat(n).isEqualTo(2);
        assertThat(octets).containsExactly(9_400L, 76L);
        assertThat(starts.get(0)).isEqualTo(1_700_000_000_500L - 10_000);
        assertThat(padded.position()).isEqualTo(10);
        assertThat(padded.limit()).isEqualTo(padded.capacity());
    }

    @Test
    void readsLittleEndianBuffersAsNetworkOrder() {
        ByteBuffer b = twoRecords().toBuffer().order(ByteOrder.LITTLE_ENDIAN);
        Netflow5Packet p = new Netflow5Decoder().decode(b, EXPORTER);
        assertThat(p.header().sysUptimeMillis()).isEqualTo(3_600_000);
        assertThat(p.records().get(0).getLong(Netflow5.OCTETS)).isEqualTo(9_400);
        assertThat(b.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void rejectsShortDatagramsAndOtherVersionsInBothModes() {
        for (DecodeMode mode : DecodeMode.values()) {
            Netflow5Decoder d = new Netflow5Decoder(DecoderOptions.builder().mode(mode).build());
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(new byte[23]), EXPORTER))
                    .isInstanceOf(TruncatedPacketException.class).hasMessageContaining("24-byte header");
            assertThatThrownBy(() -> d.decode(twoRecords().version(9).toBuffer(), EXPORTER))
                    .isInstanceOfSatisfying(UnsupportedVersionException.class, e -> {
                        assertThat(e.offset()).isZero();
                        assertThat(e.protocol()).contains(FlowProtocol.NETFLOW_V5);
                    });
        }
    }

    @Test
    void strictRejectsCountsThatDoNotMatchWithTheOffsetOfTheCount() {
        Netflow5Decoder strict = new Netflow5Decoder();
        assertThatThrownBy(() -> strict.decode(twoRecords().declaredCount(31).toBuffer(), EXPORTER))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.offset()).isEqualTo(2))
                .hasMessageContaining("more than the 30");
        assertThatThrownBy(() -> strict.decode(twoRecords().declaredCount(3).toBuffer(), EXPORTER))
                .isInstanceOfSatisfying(TruncatedPacketException.class, e -> assertThat(e.offset()).isEqualTo(2));
        assertThatThrownBy(() -> strict.decode(twoRecords().truncateTo(24 + 48 + 20).toBuffer(), EXPORTER))
                .isInstanceOfSatisfying(TruncatedPacketException.class, e -> assertThat(e.offset()).isEqualTo(2));
        assertThatThrownBy(() -> strict.decode(twoRecords().declaredCount(1).toBuffer(), EXPORTER))
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.offset()).isEqualTo(2))
                .hasMessageContaining("48 bytes follow");
        assertThatThrownBy(() -> strict.decode(twoRecords().trailing(new byte[4]).toBuffer(), EXPORTER))
                .as("the count is right: the offset is where the extra bytes start")
                .isInstanceOfSatisfying(MalformedPacketException.class, e -> assertThat(e.offset()).isEqualTo(24 + 2 * 48));
        assertThat(strict.counters().datagrams()).isZero();
    }

    @Test
    void lenientKeepsTheWholeRecordsPresentAndReportsWhatItDid() {
        List<DecodeProblem> problems = new ArrayList<>();
        Netflow5Decoder lenient = new Netflow5Decoder(DecoderOptions.builder()
                .mode(DecodeMode.LENIENT).problemListener(problems::add).build());
        assertThat(lenient.decode(twoRecords().declaredCount(55582).toBuffer(), EXPORTER).records()).hasSize(2);
        assertThat(lenient.decode(twoRecords().declaredCount(5).toBuffer(), EXPORTER).records()).hasSize(2);
        assertThat(lenient.decode(twoRecords().truncateTo(24 + 48 + 20).toBuffer(), EXPORTER).records()).hasSize(1);
        assertThat(lenient.decode(twoRecords().declaredCount(1).toBuffer(), EXPORTER).records()).hasSize(1);
        assertThat(lenient.decode(twoRecords().trailing(new byte[3]).toBuffer(), EXPORTER).records()).hasSize(2);
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0).offset()).isEqualTo(2);
        assertThat(problems.get(0).reason()).contains("55582");
        assertThat(lenient.counters().repaired()).isEqualTo(5);
        assertThat(lenient.counters().datagrams()).isEqualTo(5);
        assertThat(lenient.counters().records()).isEqualTo(8);
    }

    @Test
    void anEmptyPacketIsValid() {
        Netflow5Packet p = new Netflow5Decoder().decode(Netflow5PacketBuilder.create().toBuffer(), EXPORTER);
        assertThat(p.records()).isEmpty();
    }

    @Test
    void autoDetectingDecoderFindsTheV5ProviderOnTheClassPath() {
        FlowPacket p = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT).decode(twoRecords().toBuffer(), EXPORTER);
        assertThat(p).isInstanceOf(Netflow5Packet.class);
        assertThat(p.records()).hasSize(2);
        assertThatThrownBy(() -> FlowDecoders.autoDetecting(DecoderOptions.DEFAULT)
                .decode(ByteBuffer.wrap(new byte[] {0, 42, 0, 0}), EXPORTER))
                .isInstanceOf(FlowCodecException.class).hasMessageContaining("version 42");
    }
}
