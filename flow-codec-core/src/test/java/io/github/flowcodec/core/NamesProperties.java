package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.internal.NearestNames;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Names of elements: the generated constants ({@link Iana}, the vendor classes, {@link Netflow9Fields}) are the
 * registries' own elements, NetFlow v9 names resolve through a registry, and an unknown name is refused with the
 * nearest known names.
 */
class NamesProperties {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InformationElementRegistry STANDARD = InformationElementRegistry.standard();
    private static final Path VENDOR_SOURCES = Path.of("src/generated/java/io/github/flowcodec/core/vendor");

    /** The public static InformationElement constants of a class, by field name. */
    private static Map<String, InformationElement> constants(Class<?> c) {
        Map<String, InformationElement> out = new HashMap<>();
        for (Field f : c.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == InformationElement.class) {
                assertThat(Modifier.isFinal(f.getModifiers())).as("%s.%s is final", c.getSimpleName(), f.getName()).isTrue();
                try {
                    out.put(f.getName(), (InformationElement) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    /** A constant's name and its element's name are the same words: OCTET_DELTA_COUNT and octetDeltaCount. */
    private static String words(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    @Example
    void everyIanaConstantIsTheRegistrysElementAndEveryElementHasOne() {
        Map<String, InformationElement> constants = constants(Iana.class);
        assertThat(constants).hasSize(IANA.elements().size());
        Set<InformationElement> seen = new HashSet<>();
        constants.forEach((field, e) -> {
            assertThat(e).as(field).isSameAs(IANA.find(0, e.id()).orElseThrow());
            assertThat(IANA.require(e.name())).isSameAs(e);
            assertThat(words(field)).as(field).isEqualTo(words(e.name()));
            seen.add(e);
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(IANA.elements());
        assertThat(Iana.OCTET_DELTA_COUNT.id()).isEqualTo(1);
        assertThat(Iana.SOURCE_IPV4_ADDRESS.dataType()).isEqualTo(DataType.IPV4_ADDRESS);
        assertThat(Iana.SUB_TEMPLATE_LIST.dataType()).isEqualTo(DataType.SUB_TEMPLATE_LIST);
    }

    /** Each vendor class holds its PEN's elements of the standard registry, all of them, and the PENs cover it. */
    @Example
    void everyVendorConstantIsTheStandardRegistrysElement() throws Exception {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(VENDOR_SOURCES)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java") && !f.equals("package-info.java"))
                    .forEach(f -> classes.add(f.substring(0, f.length() - ".java".length())));
        }
        Set<Long> pens = new HashSet<>();
        for (String name : classes) {
            Class<?> c = Class.forName("io.github.flowcodec.core.vendor." + name);
            long pen = c.getField("PEN").getLong(null);
            assertThat(pens.add(pen)).as("PEN %s has one class", pen).isTrue();
            Map<String, InformationElement> constants = constants(c);
            List<InformationElement> ofPen = STANDARD.elements().stream().filter(e -> e.enterprise() == pen).toList();
            assertThat(constants.values()).as(name).containsExactlyInAnyOrderElementsOf(ofPen);
            constants.forEach((field, e) -> {
                assertThat(e).isSameAs(STANDARD.find(pen, e.id()).orElseThrow());
                assertThat(words(field)).as("%s.%s", name, field).isEqualTo(words(e.name()));
            });
        }
        assertThat(pens).isEqualTo(STANDARD.elements().stream().map(InformationElement::enterprise)
                .filter(p -> p != 0).collect(Collectors.toSet()));
        assertThat(io.github.flowcodec.core.vendor.Vmware.PEN).isEqualTo(6876);
        assertThat(io.github.flowcodec.core.vendor.Vmware.TENANT_PROTOCOL.name()).isEqualTo("tenantProtocol");
    }

    @Example
    void netflow9NamesResolveAsConstantsAndByName() {
        assertThat(Netflow9Fields.IN_BYTES).isSameAs(Iana.OCTET_DELTA_COUNT);
        assertThat(IANA.require("IN_BYTES")).isSameAs(Iana.OCTET_DELTA_COUNT);
        assertThat(STANDARD.require("L4_SRC_PORT")).isSameAs(Iana.SOURCE_TRANSPORT_PORT);
        assertThat(IANA.require("INPUT_SNMP")).isSameAs(Iana.INGRESS_INTERFACE);
        assertThat(IANA.require("IN_SRC_MAC")).isSameAs(IANA.require("SRC_MAC")).isSameAs(Iana.SOURCE_MAC_ADDRESS);
        Map<String, Integer> issue = Map.of("IN_BYTES", 1, "IN_PKTS", 2, "FLOWS", 3, "PROTOCOL", 4, "SRC_TOS", 5,
                "TCP_FLAGS", 6, "L4_SRC_PORT", 7, "IPV4_SRC_ADDR", 8, "SRC_MASK", 9, "INPUT_SNMP", 10);
        issue.forEach((name, type) -> {
            assertThat(Netflow9Fields.require(name).id()).as(name).isEqualTo(type);
            assertThat(IANA.require(name)).as(name).isSameAs(IANA.find(0, type).orElseThrow());
        });
        for (String name : Netflow9Fields.names()) {
            InformationElement e = Netflow9Fields.require(name);
            assertThat(e.enterprise()).isZero();
            assertThat(IANA.require(name)).as(name).isSameAs(e);
            assertThat(STANDARD.require(name)).as(name).isSameAs(e);
        }
        assertThat(new HashSet<>(Netflow9Fields.names())).hasSameSizeAs(Netflow9Fields.names());
        assertThat(Netflow9Fields.names()).hasSize(constants(Netflow9Fields.class).size());
    }

    /** The v9 name gives the registry's own element of that type; a registry without it does not know the name. */
    @Example
    void aV9NameResolvesInTheRegistryAskedOnly() {
        InformationElement mine = InformationElement.of(0, 1, "myBytes", DataType.UNSIGNED32);
        InformationElementRegistry custom = InformationElementRegistry.of(List.of(mine));
        assertThat(custom.require("IN_BYTES")).isSameAs(mine);
        assertThat(custom.find("IN_PKTS")).isEmpty();
        assertThat(InformationElementRegistry.netflowV9Types().find("IN_BYTES")).isEmpty();
        // a real element name wins over a v9 name
        InformationElement named = InformationElement.of(9, 7, "PROTOCOL", DataType.STRING);
        assertThat(STANDARD.with(InformationElementRegistry.of(List.of(named))).require("PROTOCOL")).isSameAs(named);
        assertThat(Netflow9Fields.find("in_bytes")).isEmpty();
        assertThat(Netflow9Fields.find(null)).isEmpty();
    }

    @Example
    void anUnknownNameListsTheNearestKnownNames() {
        assertThatThrownBy(() -> IANA.require("IN_BYTE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no information element named \"IN_BYTE\"; nearest: IN_BYTES");
        assertThatThrownBy(() -> IANA.require("octetDeltaCont"))
                .hasMessageStartingWith("no information element named \"octetDeltaCont\"; nearest: octetDeltaCount");
        assertThatThrownBy(() -> IANA.require("in_bytes")).hasMessageContaining("nearest: IN_BYTES");
        assertThatThrownBy(() -> Netflow9Fields.require("L4_SRC_PRT"))
                .hasMessageStartingWith("no NetFlow v9 field named \"L4_SRC_PRT\"; nearest: L4_SRC_PORT, L4_DST_PORT");
        // a registry suggests only what it can resolve
        InformationElementRegistry custom = InformationElementRegistry.of(List.of(
                InformationElement.of(9, 1, "myBytes", DataType.UNSIGNED32)));
        assertThatThrownBy(() -> custom.require("myByte")).hasMessage("no information element named \"myByte\"; nearest: myBytes");
        assertThatThrownBy(() -> IANA.require(null)).isInstanceOf(NullPointerException.class);
    }

    @Example
    void distanceIsLevenshtein() {
        assertThat(NearestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestNames.distance("", "abc")).isEqualTo(3);
        assertThat(NearestNames.distance("abc", "abc")).isZero();
        assertThat(NearestNames.distance("ab", "ba")).isEqualTo(2);
    }

    /** Every name a registry lists, and every v9 name, resolves to an element of that name or v9 name. */
    @Property(tries = 300)
    void everyKnownNameResolves(@ForAll("knownNames") String name) {
        InformationElement e = STANDARD.require(name);
        assertThat(e.name().equals(name) || Netflow9Fields.find(name).filter(e::equals).isPresent()).isTrue();
    }

    /**
     * A known name with one character inserted, deleted or replaced: either it is a known name too, or the message
     * lists nearest names, the first at edit distance 1 at most, and the original among them unless
     * {@link NearestNames#MAX} names as near or nearer fill the list.
     */
    @Property(tries = 500)
    void aMisspelledNameSuggestsTheIntendedOne(@ForAll("misspellings") String[] pair) {
        String original = pair[0];
        String typo = pair[1];
        Optional<InformationElement> found = STANDARD.find(typo);
        if (found.isPresent()) {
            return;
        }
        List<String> known = new ArrayList<>();
        STANDARD.elements().forEach(e -> known.add(e.name()));
        known.addAll(Netflow9Fields.names());
        List<String> nearest = NearestNames.nearest(typo, known);
        assertThat(nearest).hasSize(NearestNames.MAX);
        String lowered = typo.toLowerCase(Locale.ROOT);
        int originalDistance = NearestNames.distance(lowered, original.toLowerCase(Locale.ROOT));
        assertThat(originalDistance).isLessThanOrEqualTo(1);
        assertThat(NearestNames.distance(lowered, nearest.get(0).toLowerCase(Locale.ROOT))).isLessThanOrEqualTo(1);
        if (!nearest.contains(original)) {
            assertThat(nearest).allSatisfy(n ->
                    assertThat(NearestNames.distance(lowered, n.toLowerCase(Locale.ROOT))).isLessThanOrEqualTo(originalDistance));
        }
        assertThatThrownBy(() -> STANDARD.require(typo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no information element named \"" + typo + "\"; nearest: " + String.join(", ", nearest));
    }

    @Provide
    Arbitrary<String> knownNames() {
        List<String> names = new ArrayList<>();
        STANDARD.elements().forEach(e -> names.add(e.name()));
        names.addAll(Netflow9Fields.names());
        return Arbitraries.of(names);
    }

    @Provide
    Arbitrary<String[]> misspellings() {
        return Combinators.combine(knownNames(), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 1000),
                Arbitraries.chars().alpha().numeric().with('_')).as((name, edit, at, c) -> {
                    int i = at % (name.length() + (edit == 0 ? 1 : 0));
                    String typo = switch (edit) {
                        case 0 -> name.substring(0, i) + c + name.substring(i);
                        case 1 -> name.substring(0, i) + name.substring(i + 1);
                        default -> name.substring(0, i) + c + name.substring(i + 1);
                    };
                    return new String[] {name, typo};
                });
    }
}
