package io.github.flowcodec.netflow9;

import static io.github.flowcodec.netflow9.Netflow9DecoderTest.EXPORTER;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flow;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flowTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a packet and the zero-copy context say of a packet's header (the values {@link Netflow9Packet} and
 * {@link Netflow9Context} take from core's shared bases), how packets compare, and that released data is
 * not a packet as sent.
 */
class Netflow9PacketValuesTest {

    private static final Template T = flowTemplate(300);

    private static byte[] packet(long sequence, boolean withTemplate) {
        Netflow9PacketBuilder b = Netflow9PacketBuilder.create().sysUptime(360_000L).unixSeconds(1_700_000_000L)
                .sequence(sequence).sourceId(0xFFFF_FFF0L);
        if (withTemplate) {
            b.templates(T);
        }
        return b.data(flow(T, "192.0.2.10", 1500), flow(T, "192.0.2.11", 40)).toBytes();
    }

    @Test
    void packetAndContextGiveTheHeaderValues() {
        Netflow9Packet p = new Netflow9Decoder().decode(ByteBuffer.wrap(packet(42, true)), EXPORTER);
        List<String> seen = new ArrayList<>();
        new Netflow9Decoder().decode(ByteBuffer.wrap(packet(42, true)), EXPORTER, (ctx, r) -> {
            Netflow9Context c = (Netflow9Context) ctx;
            seen.add(values(ctx) + " " + c.templateId() + " " + c.released() + " " + c.sourceId() + " " + c.header());
        });

        assertThat(values(p)).isEqualTo("NETFLOW_V9 " + EXPORTER + " 42 1700000000000 360000 4294967280");
        assertThat(p.header()).isEqualTo(new Netflow9Header(9, 3, 360_000L, 1_700_000_000L, 42L, 0xFFFF_FFF0L));
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).isEqualTo(values(p) + " 300 false 4294967280 " + p.header()));
    }

    @Test
    void packetsOfTheSameBytesAreEqualAndPrintTheirCounts() {
        Netflow9Packet a = new Netflow9Decoder().decode(ByteBuffer.wrap(packet(7, true)), EXPORTER);
        Netflow9Packet b = new Netflow9Decoder().decode(ByteBuffer.wrap(packet(7, true)), EXPORTER);
        Netflow9Packet other = new Netflow9Decoder().decode(ByteBuffer.wrap(packet(8, true)), EXPORTER);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
        assertThat(a.toString()).isEqualTo("Netflow9Packet[" + a.header()
                + ", 2 records, 0 options records, 1 templates, 0 released]");
    }

    @Test
    void releasedDataIsDecodedInItsOwnPacketButIsNotAPacketAsSent() {
        Netflow9Decoder d = new Netflow9Decoder();
        assertThat(d.decode(ByteBuffer.wrap(packet(1, false)), EXPORTER).records()).isEmpty();
        Netflow9Packet p = d.decode(ByteBuffer.wrap(packet(2, true)), EXPORTER);

        assertThat(p.releasedPackets()).singleElement().satisfies(r -> {
            assertThat(r.sequenceNumber()).isEqualTo(1);
            assertThat(r.records()).hasSize(2);
            assertThatThrownBy(() -> Netflow9Encoder.encodeAsDecoded((Netflow9Packet) r))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the packet holds data released from an earlier packet, not a packet as sent");
        });
        assertThat(Netflow9Encoder.encodeAsDecoded(p)).isEqualTo(packet(2, true));
        assertThat(p.protocol()).isEqualTo(FlowProtocol.NETFLOW_V9);
    }

    private static String values(ExportContext c) {
        return c.protocol() + " " + c.exporter() + " " + c.sequenceNumber() + " " + c.exportTimeMillis() + " "
                + c.systemUptimeMillis() + " " + c.observationDomainId();
    }
}
