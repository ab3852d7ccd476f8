package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** DataType, DataTypeSemantics and Unit find each of their constants by IANA code and name, and refuse others. */
class IanaLookupProperties {

    @Example
    void everyConstantIsFoundByItsCodeAndItsName() {
        for (DataType t : DataType.values()) {
            assertThat(DataType.fromCode(t.code())).isSameAs(t);
            assertThat(DataType.fromIanaName(t.ianaName())).isSameAs(t);
        }
        for (DataTypeSemantics s : DataTypeSemantics.values()) {
            assertThat(DataTypeSemantics.fromCode(s.code())).isSameAs(s);
            assertThat(DataTypeSemantics.fromIanaName(s.ianaName())).isSameAs(s);
        }
        for (Unit u : Unit.values()) {
            assertThat(Unit.fromCode(u.code())).isSameAs(u);
            assertThat(Unit.fromIanaName(u.ianaName())).isSameAs(u);
        }
    }

    @Property
    void aCodeNoConstantHasIsRefusedWithTheRegistrysName(@ForAll int code) {
        Assume.that(Arrays.stream(DataType.values()).noneMatch(t -> t.code() == code));
        assertThatThrownBy(() -> DataType.fromCode(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown IPFIX data type code " + code);
        Assume.that(Arrays.stream(Unit.values()).noneMatch(u -> u.code() == code));
        assertThatThrownBy(() -> Unit.fromCode(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown IPFIX unit code " + code);
    }

    @Example
    void theCodesJustPastEachRegistryAreRefused() {
        assertThatThrownBy(() -> DataType.fromCode(24)).hasMessage("unknown IPFIX data type code 24");
        assertThatThrownBy(() -> DataType.fromCode(-1)).hasMessage("unknown IPFIX data type code -1");
        assertThatThrownBy(() -> DataTypeSemantics.fromCode(9)).hasMessage("unknown IPFIX data type semantics code 9");
        assertThatThrownBy(() -> Unit.fromCode(16)).hasMessage("unknown IPFIX unit code 16");
    }

    @Example
    void anUnknownOrMissingNameIsRefusedWithTheRegistrysName() {
        assertThatThrownBy(() -> DataType.fromIanaName("unsigned128")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown IPFIX data type unsigned128");
        assertThatThrownBy(() -> DataTypeSemantics.fromIanaName("Counter")).hasMessage("unknown IPFIX data type semantics Counter");
        assertThatThrownBy(() -> Unit.fromIanaName(null)).hasMessage("unknown IPFIX unit null");
    }

    @Example
    void variableLengthTypesHaveTheVariableLengthAsTheirDefault() {
        for (DataType t : DataType.values()) {
            assertThat(t.isVariableLength()).isEqualTo(t.defaultLength() == FieldSpec.VARIABLE_LENGTH);
        }
        assertThat(DataType.STRING.defaultLength()).isEqualTo(FieldSpec.VARIABLE_LENGTH);
        assertThat(DataType.UNSIGNED256.defaultLength()).isEqualTo(32);
        assertThat(DataType.BASIC_LIST.isValidLength(FieldSpec.VARIABLE_LENGTH)).isTrue();
        assertThat(DataType.IPV4_ADDRESS.isValidLength(FieldSpec.VARIABLE_LENGTH)).isFalse();
    }
}
