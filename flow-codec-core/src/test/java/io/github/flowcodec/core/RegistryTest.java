package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private static final Path IANA_XML = Path.of("../../shared/reference/iana-ipfix.xml");
    private final InformationElementRegistry iana = InformationElementRegistry.iana();

    @Test
    void knowsIanaElementsByIdAndByName() {
        InformationElement bytes = iana.lookup(0, 1);
        assertThat(bytes.name()).isEqualTo("octetDeltaCount");
        assertThat(bytes.dataType()).isEqualTo(DataType.UNSIGNED64);
        assertThat(bytes.semantics()).isEqualTo(DataTypeSemantics.DELTA_COUNTER);
        assertThat(bytes.unit()).isEqualTo(Unit.OCTETS);
        assertThat(iana.require("sourceIPv6Address").id()).isEqualTo(27);
        assertThat(iana.require("sourceIPv6Address").dataType()).isEqualTo(DataType.IPV6_ADDRESS);
        assertThat(iana.require("flowStartMilliseconds").dataType()).isEqualTo(DataType.DATE_TIME_MILLISECONDS);
        assertThat(iana.require("flowStartNanoseconds").dataType()).isEqualTo(DataType.DATE_TIME_NANOSECONDS);
        assertThat(iana.require("subTemplateMultiList").dataType()).isEqualTo(DataType.SUB_TEMPLATE_MULTI_LIST);
        assertThat(iana.require("interfaceName").dataType()).isEqualTo(DataType.STRING);
        assertThat(iana.require("tcpControlBits").semantics()).isEqualTo(DataTypeSemantics.FLAGS);
        assertThat(iana.find("noSuchElement")).isEmpty();
        assertThatThrownBy(() -> iana.require("noSuchElement")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownElementsAreOctetArraysNeverErrors() {
        InformationElement e = iana.lookup(4242, 17);
        assertThat(e.isKnown()).isFalse();
        assertThat(e.dataType()).isEqualTo(DataType.OCTET_ARRAY);
        assertThat(e.name()).isEqualTo("4242.17");
        assertThat(iana.lookup(0, 32767).isKnown()).isFalse();
        assertThat(e).isEqualTo(InformationElement.unknown(4242, 17));
    }

    @Test
    void standardRegistryAddsTheVendorsAndCallersCanAddMore() {
        InformationElementRegistry std = InformationElementRegistry.standard();
        assertThat(std.find(6876, 950)).isPresent();   // VMware
        assertThat(std.find(637, 91)).isPresent();     // Nokia aluInsideServiceId
        assertThat(std.find(2011, 1)).isPresent();     // Huawei
        assertThat(iana.find(6876, 950)).isEmpty();
        InformationElementRegistry mine = std.with(InformationElementRegistry.of(List.of(
                InformationElement.of(99999, 12235, "ciscoApplicationName", DataType.STRING),
                InformationElement.of(0, 1, "myBytes", DataType.UNSIGNED32))));
        assertThat(mine.lookup(99999, 12235).dataType()).isEqualTo(DataType.STRING);
        assertThat(mine.lookup(0, 1).name()).isEqualTo("myBytes");
        assertThat(mine.find("ciscoApplicationName")).isPresent();
        assertThat(mine.elements().size()).isEqualTo(std.elements().size() + 1);
    }

    /** The registry holds exactly the elements of IANA's file: every record with a numeric id and a type. */
    @Test
    void holdsEveryElementOfTheIanaFile() throws IOException {
        Assumptions.assumeTrue(Files.exists(IANA_XML), "../shared/reference is absent: cannot compare with IANA's file");
        String xml = Files.readString(IANA_XML);
        Matcher record = Pattern.compile("<record[^>]*>(.*?)</record>", Pattern.DOTALL).matcher(xml);
        Pattern idP = Pattern.compile("<elementId>(\\d+)</elementId>");
        Pattern nameP = Pattern.compile("<name>([^<]+)</name>");
        Pattern typeP = Pattern.compile("<dataType>([^<]+)</dataType>");
        Set<Integer> ids = new LinkedHashSet<>();
        while (record.find()) {
            String body = record.group(1);
            Matcher id = idP.matcher(body);
            Matcher type = typeP.matcher(body);
            Matcher name = nameP.matcher(body);
            if (id.find() && type.find() && name.find()) {
                int elementId = Integer.parseInt(id.group(1));
                if (ids.add(elementId)) {
                    InformationElement e = iana.lookup(0, elementId);
                    assertThat(e.isKnown()).as("element %d", elementId).isTrue();
                    assertThat(e.name()).isEqualTo(name.group(1).trim());
                    assertThat(e.dataType().ianaName()).isEqualTo(type.group(1).trim());
                }
            }
        }
        assertThat(ids).hasSizeGreaterThan(450);
        assertThat(iana.elements()).hasSize(ids.size());
    }

    /** The enums follow IANA's data type, semantics and unit sub-registries code for code. */
    @Test
    void enumsMatchTheIanaSubRegistries() throws IOException {
        Assumptions.assumeTrue(Files.exists(IANA_XML), "../shared/reference is absent: cannot compare with IANA's file");
        String xml = Files.readString(IANA_XML);
        checkSubRegistry(xml, "ipfix-information-element-data-types", (code, name) -> {
            assertThat(DataType.fromCode(code).ianaName()).isEqualTo(name);
        });
        checkSubRegistry(xml, "ipfix-information-element-semantics", (code, name) -> {
            assertThat(DataTypeSemantics.fromCode(code).ianaName()).isEqualTo(name);
        });
        checkSubRegistry(xml, "ipfix-information-element-units", (code, name) -> {
            assertThat(Unit.fromCode(code).ianaName()).isEqualTo(name);
        });
    }

    private static void checkSubRegistry(String xml, String id, java.util.function.BiConsumer<Integer, String> check) {
        int start = xml.indexOf("<registry id=\"" + id + "\"");
        assertThat(start).isPositive();
        String body = xml.substring(start, xml.indexOf("</registry>", start));
        Matcher m = Pattern.compile("<value>(\\d+)</value>\\s*<description>([^<]+)</description>").matcher(body);
        int n = 0;
        while (m.find()) {
            check.accept(Integer.parseInt(m.group(1)), m.group(2).trim());
            n++;
        }
        assertThat(n).isGreaterThan(8);
    }
}
