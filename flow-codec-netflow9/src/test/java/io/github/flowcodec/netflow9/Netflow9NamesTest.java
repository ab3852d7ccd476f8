package io.github.flowcodec.netflow9;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Netflow9Fields;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The NetFlow v9 field names resolve to the element the v9 codec uses for their field type, for the whole list: what
 * a template built with {@code Netflow9Fields.IN_BYTES} sends is type 1, and what a decoder reads as type 1 is
 * {@code Netflow9Fields.IN_BYTES}.
 */
class Netflow9NamesTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InformationElementRegistry STANDARD = InformationElementRegistry.standard();

    @Test
    void everyV9NameIsTheElementOfItsFieldType() {
        assertThat(Netflow9Fields.names()).hasSizeGreaterThan(90);
        for (String name : Netflow9Fields.names()) {
            InformationElement byName = IANA.require(name);
            int type = Netflow9.fieldType(byName, false);
            assertThat(Netflow9.element(IANA, type)).as(name).isSameAs(byName);
            assertThat(Netflow9.element(STANDARD, type)).as(name).isSameAs(byName);
            assertThat(Netflow9Fields.require(name)).as(name).isSameAs(byName);
        }
    }

    /** The scapy example's template: the six fields by v9 name are the RFC 3954 types. */
    @Test
    void theScapyTemplatesNamesAreTheRfcTypes() {
        Map<InformationElement, Integer> expected = Map.of(Netflow9Fields.IN_BYTES, 1, Netflow9Fields.IN_PKTS, 2,
                Netflow9Fields.OUT_BYTES, 23, Netflow9Fields.OUT_PKTS, 24, Netflow9Fields.INPUT_SNMP, 10,
                Netflow9Fields.OUTPUT_SNMP, 14);
        expected.forEach((element, type) -> {
            assertThat(Netflow9.fieldType(element, false)).as(element.toString()).isEqualTo(type);
            assertThat(Netflow9.element(IANA, type)).isSameAs(element);
        });
        assertThat(Netflow9.element(IANA, 70)).isSameAs(Netflow9Fields.MPLS_LABEL_1);
        assertThat(Netflow9.element(IANA, 96)).isSameAs(Netflow9Fields.APPLICATION_NAME);
    }
}
