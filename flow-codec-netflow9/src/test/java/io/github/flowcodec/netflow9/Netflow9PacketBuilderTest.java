package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DecoderCounters;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.EXPORTER;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flow;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flowTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.netflow9.internal.Netflow9Layout;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The crafting builder writes exactly what it is told, and each broken packet gets the decoder reaction it is for. */
class Netflow9PacketBuilderTest {

    private static final Template T = flowTemplate(256); // 17-byte records
    private static final FlowRecord R1 = flow(T, "10.0.0.1", 1);
    private static final FlowRecord R2 = flow(T, "10.0.0.2", 2);

    @Test
    void writesHeaderSetsAndPaddingExactly() {
        byte[] p = Netflow9PacketBuilder.create().sysUptime(0x01020304L).unixSeconds(0x05060708L).sequence(0x090A0B0CL).sourceId(0x0D0E0F10L)
                .templates(T).data(R1, R2).toBytes();
        ByteBuffer b = ByteBuffer.wrap(p);
        assertThat(b.getShort(0)).isEqualTo((short) 9);
        assertThat(b.getShort(2)).isEqualTo((short) 3); // 1 template + 2 records
        assertThat(b.getInt(4)).isEqualTo(0x01020304);
        assertThat(b.getInt(8)).isEqualTo(0x05060708);
        assertThat(b.getInt(12)).isEqualTo(0x090A0B0C);
        assertThat(b.getInt(16)).isEqualTo(0x0D0E0F10);
        assertThat(b.getShort(20)).isZero(); // template FlowSet
        assertThat(b.getShort(22)).isEqualTo((short) (4 + 4 + 4 * 5)); // 28
        assertThat(b.getShort(24)).isEqualTo((short) 256);
        assertThat(b.getShort(26)).isEqualTo((short) 5);
        int data = 20 + 28;
        assertThat(b.getShort(data)).isEqualTo((short) 256);
        assertThat(b.getShort(data + 2)).isEqualTo((short) 40); // 4 + 34, padded to 40
        assertThat(p).hasSize(data + 40);
        assertThat(java.util.Arrays.copyOfRange(p, data + 38, data + 40)).containsOnly(0);
    }

    @Test
    void rawPiecesAreWrittenAsGiven() {
        byte[] p = Netflow9PacketBuilder.create().declaredCount(7).version(5).rawTemplate(300, 8, 4, 2, 0).rawSet(300, new byte[] {1, 2, 3})
                .declaredSetLength(99).dataPadded(6, R1).trailing(new byte[5]).toBytes();
        ByteBuffer b = ByteBuffer.wrap(p);
        assertThat(b.getShort(0)).isEqualTo((short) 5);
        assertThat(b.getShort(2)).isEqualTo((short) 7);
        assertThat(b.getShort(22)).isEqualTo((short) 16); // rawTemplate: 4 + 4 + 8
        assertThat(b.getShort(32)).isEqualTo((short) 2); // field 2: type 2 ...
        assertThat(b.getShort(34)).isEqualTo((short) 0); // ... of length 0
        assertThat(b.getShort(38)).isEqualTo((short) 99); // rawSet's length overwritten
        assertThat(b.getShort(40 + 3 + 2)).isEqualTo((short) (4 + 17 + 6)); // dataPadded: exactly 6 bytes of padding
        assertThat(p).hasSize(20 + 16 + 7 + 27 + 5);
        assertThat(Netflow9PacketBuilder.create().templates(T).truncateTo(25).toBytes()).hasSize(25);
        assertThatThrownBy(() -> Netflow9PacketBuilder.create().templates(T, Template.options(257, 1, List.of(
                io.github.flowcodec.core.FieldSpec.of(Netflow9.scopeElement(1), 4))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Netflow9PacketBuilder.create().declaredSetLength(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Netflow9PacketBuilder.create().data()).isInstanceOf(IllegalArgumentException.class);
    }

    /** What a broken packet should make the decoder do, in strict and in lenient mode. */
    record Case(String name, byte[] packet, Class<? extends FlowCodecException> strict, Function<DecoderCounters, Long> counter,
                long count, int lenientRecords) {
    }

    @Test
    void eachBrokenPacketGetsTheIntendedReaction() {
        List<Case> cases = List.of(
                new Case("wrong version", Netflow9PacketBuilder.create().version(10).templates(T).toBytes(),
                        UnsupportedVersionException.class, null, 0, -1),
                new Case("cut inside the header", Netflow9PacketBuilder.create().templates(T).truncateTo(12).toBytes(),
                        TruncatedPacketException.class, null, 0, -1),
                new Case("lying count", Netflow9PacketBuilder.create().declaredCount(200).templates(T).data(R1).toBytes(),
                        null, c -> c.extra("countMismatches"), 1, 1),
                new Case("missing template", Netflow9PacketBuilder.create().data(R1, R2).toBytes(),
                        null, DecoderCounters::missingTemplateSets, 1, 0),
                new Case("zero-length field", Netflow9PacketBuilder.create().rawTemplate(300, 8, 4, 1, 0).toBytes(),
                        MalformedPacketException.class, c -> c.extra("zeroLengthFields"), 1, 0),
                new Case("set running past the end", Netflow9PacketBuilder.create().templates(T).data(R1, R2).declaredSetLength(200).toBytes(),
                        TruncatedPacketException.class, DecoderCounters::repaired, 1, 2),
                new Case("set cut short", Netflow9PacketBuilder.create().templates(T).data(R1, R2).truncateTo(20 + 28 + 4 + 17 + 9).toBytes(),
                        TruncatedPacketException.class, DecoderCounters::repaired, 2, 1), // runs past the end + a partial record
                new Case("set length below 4", Netflow9PacketBuilder.create().templates(T).data(R1).declaredSetLength(2).toBytes(),
                        MalformedPacketException.class, DecoderCounters::repaired, 1, 0),
                new Case("set length not covering a record", Netflow9PacketBuilder.create().templates(T).data(R1).declaredSetLength(4 + 10)
                        .rawSet(256, new byte[26]).toBytes(), MalformedPacketException.class, DecoderCounters::repaired, 2, 0),
                // the rest of the template is then walked as FlowSets: ids 12 and 2 are reserved, then a length of 1 ends the walk
                new Case("template cut by its set length", Netflow9PacketBuilder.create().templates(T).declaredSetLength(12).data(R1).toBytes(),
                        MalformedPacketException.class, DecoderCounters::repaired, 4, 0),
                new Case("zero padding after the last set", Netflow9PacketBuilder.create().templates(T).data(R1).trailing(new byte[64]).toBytes(),
                        null, c -> c.extra("trailingPadding"), 1, 1),
                new Case("long padding in a data set", Netflow9PacketBuilder.create().templates(T).dataPadded(11, R1).toBytes(),
                        null, c -> c.extra("longPadding"), 1, 1),
                new Case("unpadded data set", Netflow9PacketBuilder.create().templates(T).dataPadded(0, R1).data(R2).toBytes(),
                        null, c -> c.extra("unalignedSets"), 1, 2));
        for (Case c : cases) {
            Netflow9Decoder strict = new Netflow9Decoder();
            if (c.strict() != null) {
                assertThatThrownBy(() -> strict.decode(ByteBuffer.wrap(c.packet()), EXPORTER)).as(c.name()).isInstanceOf(c.strict());
            } else {
                strict.decode(ByteBuffer.wrap(c.packet()), EXPORTER);
                assertThat(c.counter().apply(strict.counters())).as(c.name() + " (strict)").isEqualTo(c.count());
            }
            List<DecodeProblem> problems = new ArrayList<>();
            Netflow9Decoder lenient = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build());
            if (c.lenientRecords() < 0) {
                assertThatThrownBy(() -> lenient.decode(ByteBuffer.wrap(c.packet()), EXPORTER)).as(c.name()).isInstanceOf(c.strict());
                continue;
            }
            Netflow9Packet p = lenient.decode(ByteBuffer.wrap(c.packet()), EXPORTER);
            assertThat(p.records()).as(c.name() + " records").hasSize(c.lenientRecords());
            assertThat(c.counter().apply(lenient.counters())).as(c.name() + " counter").isEqualTo(c.count());
            assertThat(problems).as(c.name() + " problems").hasSize((int) lenient.counters().repaired());
            if (c.strict() != null) {
                assertThat(problems).as(c.name() + " reported").isNotEmpty();
            }
        }
    }

    @Test
    void theNamedLayoutSaysWhereTheDecoderFindsTheHeaderAndTheOptionsTemplate() {
        Template o = Netflow9EncoderTest.samplerOptions(300);
        byte[] p = Netflow9PacketBuilder.create().sysUptime(0xF000_0001L).unixSeconds(0x8000_0002L).sequence(0x0A0B_0C0DL)
                .sourceId(0xFFFF_FFFEL).templates(o).toBytes();
        ByteBuffer b = ByteBuffer.wrap(p);
        Netflow9Packet decoded = new Netflow9Decoder().decode(b.duplicate(), EXPORTER);
        assertThat(new Netflow9Header(b.getShort(Netflow9Layout.VERSION) & 0xFFFF, b.getShort(Netflow9Layout.COUNT) & 0xFFFF,
                b.getInt(Netflow9Layout.SYS_UPTIME) & 0xFFFF_FFFFL, b.getInt(Netflow9Layout.UNIX_SECS) & 0xFFFF_FFFFL,
                b.getInt(Netflow9Layout.SEQUENCE) & 0xFFFF_FFFFL, b.getInt(Netflow9Layout.SOURCE_ID) & 0xFFFF_FFFFL))
                .isEqualTo(decoded.header());
        assertThat(decoded.templates()).containsExactly(o);
        int set = Netflow9Layout.HEADER_LENGTH;
        assertThat(b.getShort(set + TemplatedWireLayout.SET_ID)).isEqualTo((short) Netflow9.OPTIONS_TEMPLATE_SET_ID);
        assertThat(b.getShort(set + TemplatedWireLayout.SET_LENGTH)).isEqualTo((short) (p.length - set));
        assertThat((p.length - set) % Netflow9Layout.SET_ALIGNMENT).isZero();
        int record = set + TemplatedWireLayout.SET_HEADER_LENGTH;
        assertThat(b.getShort(record + Netflow9Layout.OPTIONS_TEMPLATE_ID)).isEqualTo((short) 300);
        assertThat(b.getShort(record + Netflow9Layout.OPTIONS_SCOPE_LENGTH)).isEqualTo((short) 4);
        assertThat(b.getShort(record + Netflow9Layout.OPTIONS_OPTION_LENGTH)).isEqualTo((short) 8);
        int scope = record + Netflow9Layout.OPTIONS_TEMPLATE_HEADER_LENGTH;
        assertThat(b.getShort(scope + TemplatedWireLayout.FIELD_TYPE)).isEqualTo((short) Netflow9.SCOPE_SYSTEM);
        assertThat(b.getShort(scope + TemplatedWireLayout.FIELD_LENGTH)).isEqualTo((short) 4);
    }
}
