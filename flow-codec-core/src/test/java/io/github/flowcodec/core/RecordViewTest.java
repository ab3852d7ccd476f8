package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RecordViewTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final Template FIXED = Template.of(256, FieldSpec.of(IANA.require("octetDeltaCount"), 4),
            FieldSpec.of(IANA.require("sourceTransportPort")));
    private static final Template VARIABLE = Template.of(257, FieldSpec.of(IANA.require("interfaceName")));

    @Test
    void walksFixedLengthRecordsWithMoveTo() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 2, 0, 0, 0, 3, 0, 4});
        RecordView v = new RecordView().wrap(FIXED, b, 0);
        assertThat(v.getLong(0)).isEqualTo(1);
        assertThat(v.getInt(1)).isEqualTo(2);
        v.moveTo(6);
        assertThat(v.getLong(0)).isEqualTo(3);
        assertThat(v.getLong(1)).isEqualTo(4);
        assertThat(v.offset()).isEqualTo(6);
    }

    @Test
    void refusesRecordsThatDoNotFitTheBuffer() {
        ByteBuffer b = ByteBuffer.wrap(new byte[12]).limit(10);
        RecordView v = new RecordView();
        assertThatThrownBy(() -> v.wrap(FIXED, b, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> v.wrap(FIXED, b, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        v.wrap(FIXED, b, 4);
        assertThatThrownBy(() -> v.moveTo(6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(v.wrap(FIXED, b, 5, 10)).isEqualTo(-1);
        assertThatThrownBy(() -> v.wrap(VARIABLE, b, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(v.wrap(VARIABLE, ByteBuffer.wrap(new byte[] {3, 'a', 'b'}), 0, 3)).isEqualTo(-1);
        assertThatThrownBy(() -> v.moveTo(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsVariableLengthRecords() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {9, 3, 'e', 't', 'h', 9});
        RecordView v = new RecordView();
        assertThat(v.wrap(VARIABLE, b, 1, 5)).isEqualTo(4);
        assertThat(v.getString(0)).isEqualTo("eth");
        assertThat(v.toRecord()).isEqualTo(FlowRecord.builder(VARIABLE).setString(0, "eth").build());
    }

    @Test
    void refusesLittleEndianBuffersWhoseIntegersItWouldMisread() {
        ByteBuffer little = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 2}).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        RecordView v = new RecordView();
        assertThatThrownBy(() -> v.wrap(FIXED, little, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("big-endian");
        assertThatThrownBy(() -> v.wrap(VARIABLE, little, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataSetView(v).wrap(FIXED, little, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(v.wrap(FIXED, RecordView.bigEndian(little), 0).getLong(0)).isEqualTo(1);
        assertThat(v.getLong(1)).isEqualTo(2);
    }
}
