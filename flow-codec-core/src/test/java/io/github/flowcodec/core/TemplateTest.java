package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InformationElement SRC = IANA.require("sourceIPv4Address");
    private static final InformationElement BYTES = IANA.require("octetDeltaCount");
    private static final InformationElement PORT = IANA.require("sourceTransportPort");
    private static final InformationElement NAME = IANA.require("interfaceName");

    @Test
    void precomputesOffsetsOfFixedLengthTemplates() {
        Template t = Template.builder(300).field(SRC).field(BYTES, 4).field(PORT).build();
        assertThat(t.isFixedLength()).isTrue();
        assertThat(t.recordLength()).isEqualTo(10);
        assertThat(t.fieldOffset(0)).isZero();
        assertThat(t.fieldOffset(1)).isEqualTo(4);
        assertThat(t.fieldOffset(2)).isEqualTo(8);
        assertThat(t.indexOf(BYTES)).isEqualTo(1);
        assertThat(t.indexOf(NAME)).isEqualTo(-1);
        assertThat(t.isOptions()).isFalse();
    }

    @Test
    void variableLengthFieldsMakeTheLayoutPerRecord() {
        Template t = Template.builder(256).field(SRC).field(NAME).field(PORT).build();
        assertThat(t.isFixedLength()).isFalse();
        assertThat(t.recordLength()).isEqualTo(Template.VARIABLE_LENGTH);
        assertThat(t.minimumRecordLength()).isEqualTo(4 + 1 + 2);
        assertThat(t.fieldOffset(1)).isEqualTo(4);
        assertThat(t.fieldOffset(2)).isEqualTo(-1);
    }

    @Test
    void repeatedElementsKeepTheirOrder() {
        Template t = Template.of(256, FieldSpec.of(PORT), FieldSpec.of(BYTES), FieldSpec.of(PORT));
        assertThat(t.indexOf(PORT)).isZero();
        assertThat(t.indexesOf(PORT)).containsExactly(0, 2);
    }

    @Test
    void optionsTemplatesHaveScopeFieldsFirst() {
        Template t = Template.builder(257).scope(IANA.require("exportingProcessId")).field(IANA.require("samplingInterval")).build();
        assertThat(t.isOptions()).isTrue();
        assertThat(t.scopeFieldCount()).isEqualTo(1);
        assertThatThrownBy(() -> Template.builder(1).field(SRC).scope(PORT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Template.options(1, 0, List.of(FieldSpec.of(SRC)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Template.options(1, 2, List.of(FieldSpec.of(SRC)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesIdsLengthsAndFieldCounts() {
        assertThatThrownBy(() -> Template.of(65536, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Template.of(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldSpec.of(SRC, 65536)).isInstanceOf(IllegalArgumentException.class);
        List<FieldSpec> many = new ArrayList<>(Collections.nCopies(65536, FieldSpec.of(SRC)));
        assertThatThrownBy(() -> Template.of(256, many)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Template.of(256, many.subList(0, 65535)).fieldCount()).isEqualTo(65535);
        // a length the type does not allow is kept (H3C sends an IPv4 address in 2 bytes) but flagged
        FieldSpec odd = FieldSpec.of(SRC, 2);
        assertThat(odd.hasValidLength()).isFalse();
        assertThat(FieldSpec.of(BYTES, 3).hasValidLength()).isTrue();
        assertThat(Template.of(256, odd).recordLength()).isEqualTo(2);
    }

    @Test
    void equalityIsByIdFieldsAndScope() {
        Template a = Template.of(256, FieldSpec.of(SRC), FieldSpec.of(BYTES, 4));
        Template b = Template.of(256, FieldSpec.of(SRC), FieldSpec.of(BYTES, 4));
        Template c = Template.of(256, FieldSpec.of(SRC), FieldSpec.of(BYTES, 8));
        Template d = Template.of(257, FieldSpec.of(SRC), FieldSpec.of(BYTES, 4));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo(d);
        assertThat(a.sameLayout(d)).isTrue();
        assertThat(a.fields()).containsExactly(FieldSpec.of(SRC), FieldSpec.of(BYTES, 4));
    }

    @Test
    void dataTypesKnowTheirReducedSizes() {
        assertThat(DataType.UNSIGNED64.isValidLength(4)).isTrue();
        assertThat(DataType.UNSIGNED64.isValidLength(9)).isFalse();
        assertThat(DataType.SIGNED32.isValidLength(3)).isTrue();
        assertThat(DataType.FLOAT64.isValidLength(4)).isTrue();
        assertThat(DataType.FLOAT64.isValidLength(6)).isFalse();
        assertThat(DataType.IPV6_ADDRESS.isValidLength(16)).isTrue();
        assertThat(DataType.IPV6_ADDRESS.isValidLength(4)).isFalse();
        assertThat(DataType.STRING.isValidLength(FieldSpec.VARIABLE_LENGTH)).isTrue();
        assertThat(DataType.UNSIGNED8.isValidLength(FieldSpec.VARIABLE_LENGTH)).isFalse();
        assertThat(DataType.STRING.defaultLength()).isEqualTo(FieldSpec.VARIABLE_LENGTH);
    }

    @Test
    void knowsWhetherAFieldHoldsStructuredData() {
        assertThat(Template.of(256, FieldSpec.of(SRC), FieldSpec.of(NAME)).hasListFields()).isFalse();
        for (String list : List.of("basicList", "subTemplateList", "subTemplateMultiList")) {
            InformationElement e = InformationElement.of(0, 60000, "test" + list, DataType.fromIanaName(list));
            assertThat(Template.of(256, FieldSpec.of(BYTES), FieldSpec.of(e, FieldSpec.VARIABLE_LENGTH)).hasListFields())
                    .as(list).isTrue();
        }
    }

    @Test
    void refusesFixedLengthFieldsAddingUpPastAnIntOffset() {
        FieldSpec big = FieldSpec.of(InformationElement.of(0, 60001, "testBig", DataType.OCTET_ARRAY), 65534);
        List<FieldSpec> wire = Collections.nCopies(16383, big); // the most a 65535-byte v9 template set can declare
        assertThat(Template.of(256, wire).recordLength()).isEqualTo(16383 * 65534);
        List<FieldSpec> tooMany = Collections.nCopies(16385, big);
        assertThatThrownBy(() -> Template.of(256, tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Template.MAX_FIXED_BYTES);
        List<FieldSpec> withVariable = new ArrayList<>(tooMany.subList(0, 16383));
        withVariable.add(FieldSpec.of(NAME, FieldSpec.VARIABLE_LENGTH));
        assertThat(Template.of(256, withVariable).isFixedLength()).isFalse();
    }
}
