package io.github.flowcodec.ipfix;

import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.ipfix.internal.IpfixLayout;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The builder writes exactly what it is told, valid or broken. */
class IpfixMessageBuilderTest {

    static final Template T = Template.builder(256).field(e("octetDeltaCount"), 4).field(Ipfix.reverse(e("octetDeltaCount")), 2).build();

    @Test
    void writesHeaderAndSetsExactly() {
        FlowRecord r = FlowRecord.builder(T).setLong(0, 0x01020304).setLong(1, 0x0506).build();
        byte[] m = IpfixMessageBuilder.create().sequence(5).observationDomainId(6).exportTimeSeconds(7).templates(T).data(r).toBytes();
        ByteBuffer b = ByteBuffer.wrap(m);
        assertThat(b.getShort(0)).isEqualTo((short) 10);
        assertThat(b.getShort(2)).isEqualTo((short) m.length);
        assertThat(b.getInt(4)).isEqualTo(7);
        assertThat(b.getInt(8)).isEqualTo(5);
        assertThat(b.getInt(12)).isEqualTo(6);
        // template set: id 2, length 4 + 4 + 4 + 8, template 256 with 2 fields, the second with the enterprise bit and PEN 29305
        assertThat(b.getShort(16)).isEqualTo((short) 2);
        assertThat(b.getShort(18)).isEqualTo((short) 20);
        assertThat(b.getShort(20)).isEqualTo((short) 256);
        assertThat(b.getShort(22)).isEqualTo((short) 2);
        assertThat(b.getShort(24)).isEqualTo((short) 1);
        assertThat(b.getShort(26)).isEqualTo((short) 4);
        assertThat(b.getShort(28) & 0xFFFF).isEqualTo(0x8001);
        assertThat(b.getShort(30)).isEqualTo((short) 2);
        assertThat(b.getInt(32)).isEqualTo(29305);
        // data set: id 256, length 4 + 6, the record
        assertThat(b.getShort(36)).isEqualTo((short) 256);
        assertThat(b.getShort(38)).isEqualTo((short) 10);
        assertThat(b.getInt(40)).isEqualTo(0x01020304);
        assertThat(b.getShort(44)).isEqualTo((short) 0x0506);
        assertThat(m).hasSize(46);
    }

    @Test
    void brokenPiecesAreWrittenAsGiven() {
        byte[] m = IpfixMessageBuilder.create().version(9).declaredLength(99).withdraw(300).withdrawAll(true).rawSet(7, new byte[] {1})
                .declaredSetLength(2).trailing(new byte[3]).toBytes();
        ByteBuffer b = ByteBuffer.wrap(m);
        assertThat(b.getShort(0)).isEqualTo((short) 9);
        assertThat(b.getShort(2)).isEqualTo((short) 99);
        assertThat(b.getInt(16)).isEqualTo(0x0002_0008);
        assertThat(b.getInt(20)).isEqualTo(300 << 16);
        assertThat(b.getInt(24)).isEqualTo(0x0003_0008);
        assertThat(b.getInt(28)).isEqualTo(3 << 16);
        assertThat(b.getShort(32)).isEqualTo((short) 7);
        assertThat(b.getShort(34)).isEqualTo((short) 2);
        assertThat(m).hasSize(16 + 8 + 8 + 5 + 3);
        assertThat(IpfixMessageBuilder.create().truncateTo(10).toBytes()).hasSize(10);
    }

    @Test
    void theNamedLayoutSaysWhereTheDecoderFindsTheHeaderAndTheOptionsTemplate() {
        byte[] m = IpfixMessageBuilder.create().sequence(0x0A0B_0C0DL).observationDomainId(0xF000_0001L).exportTimeSeconds(0x8000_0002L)
                .templates(IpfixEncoderTest.OPT).toBytes();
        ByteBuffer b = ByteBuffer.wrap(m);
        IpfixMessage decoded = new IpfixDecoder().decode(b.duplicate(), IpfixEncoderTest.EXPORTER);
        assertThat(new IpfixHeader(b.getShort(IpfixLayout.VERSION) & 0xFFFF, b.getShort(IpfixLayout.LENGTH) & 0xFFFF,
                b.getInt(IpfixLayout.EXPORT_TIME) & 0xFFFF_FFFFL, b.getInt(IpfixLayout.SEQUENCE) & 0xFFFF_FFFFL,
                b.getInt(IpfixLayout.DOMAIN) & 0xFFFF_FFFFL)).isEqualTo(decoded.header());
        assertThat(decoded.templates()).containsExactly(IpfixEncoderTest.OPT);
        int set = IpfixLayout.HEADER_LENGTH;
        assertThat(b.getShort(set + TemplatedWireLayout.SET_ID)).isEqualTo((short) Ipfix.OPTIONS_TEMPLATE_SET_ID);
        assertThat(b.getShort(set + TemplatedWireLayout.SET_LENGTH)).isEqualTo((short) (m.length - set));
        int record = set + TemplatedWireLayout.SET_HEADER_LENGTH;
        assertThat(b.getShort(record + IpfixLayout.OPTIONS_TEMPLATE_ID)).isEqualTo((short) 257);
        assertThat(b.getShort(record + IpfixLayout.OPTIONS_FIELD_COUNT)).isEqualTo((short) 2);
        assertThat(b.getShort(record + IpfixLayout.OPTIONS_SCOPE_FIELD_COUNT)).isEqualTo((short) 1);
        int scope = record + IpfixLayout.OPTIONS_TEMPLATE_HEADER_LENGTH;
        assertThat(b.getShort(scope + TemplatedWireLayout.FIELD_TYPE)).isEqualTo((short) e("selectorId").id());
        assertThat(b.getShort(scope + TemplatedWireLayout.FIELD_LENGTH)).isEqualTo((short) 4);
    }
}
