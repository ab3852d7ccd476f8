package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.GeneratedRegistries;
import io.github.flowcodec.core.internal.MapRegistry;
import io.github.flowcodec.core.internal.NearestNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Looks up information elements by (enterprise, id) and by name.
 *
 * <p>{@link #iana()} holds every element of IANA's IPFIX registry; {@link #standard()} adds the vendor
 * registries shipped with the library (VMware, Nokia, Huawei). Registries combine with
 * {@link #with(InformationElementRegistry)}, so a collector can add its own vendor elements.
 * {@link #lookup(long, int)} never fails: an element no registry knows comes back as an octet-array
 * element, so unknown fields are kept, not dropped.
 *
 * <pre>{@code
 * InformationElementRegistry registry = InformationElementRegistry.standard()
 *         .with(InformationElementRegistry.of(List.of(
 *                 InformationElement.of(9, 12235, "ciscoApplicationName", DataType.STRING))));
 * registry.lookup(0, 8).name();       // "sourceIPv4Address"
 * registry.lookup(9, 12235).dataType(); // STRING
 * registry.lookup(4242, 1).isKnown(); // false: kept as octets
 * registry.require("IN_BYTES");       // Iana.OCTET_DELTA_COUNT: NetFlow v9 names work too
 * }</pre>
 *
 * <p>In code, prefer the constants: {@link Iana}, {@link Netflow9Fields} and the vendor classes of
 * {@link io.github.flowcodec.core.vendor}.
 */
public interface InformationElementRegistry {

    /**
     * The element with this (enterprise, id), if this registry knows it.
     *
     * @param enterprise 0 for IANA, else the PEN
     * @param id the element id within its enterprise
     * @return the element, or empty
     */
    Optional<InformationElement> find(long enterprise, int id);

    /**
     * The element with this name; when names repeat across enterprises, IANA's wins. A name no element has that is
     * a NetFlow v9 field name ({@link Netflow9Fields}: {@code "IN_BYTES"}, {@code "L4_SRC_PORT"} ...) gives this
     * registry's element of that v9 type.
     *
     * @param name an element name ({@code "octetDeltaCount"}) or a NetFlow v9 field name ({@code "IN_BYTES"})
     * @return the element, or empty
     */
    Optional<InformationElement> find(String name);

    /**
     * Every element, IANA's first, each enterprise's by id.
     *
     * @return the elements, unmodifiable
     */
    Collection<InformationElement> elements();

    /**
     * The element with this (enterprise, id), or an {@link InformationElement#unknown} octet element.
     *
     * @param enterprise 0 for IANA, else the PEN
     * @param id the element id within its enterprise
     * @return the element, never null
     */
    default InformationElement lookup(long enterprise, int id) {
        return find(enterprise, id).orElseGet(() -> InformationElement.unknown(enterprise, id));
    }

    /**
     * The element with this name or NetFlow v9 field name, as {@link #find(String)} finds it:
     * {@code iana.require("octetDeltaCount")} and {@code iana.require("IN_BYTES")} are both
     * {@link Iana#OCTET_DELTA_COUNT}.
     *
     * @param name an element name or a NetFlow v9 field name
     * @return the element
     * @throws IllegalArgumentException if there is none; the message lists the nearest names this registry knows
     *         (edit distance, ignoring case), e.g. {@code IN_BYTES} for {@code "IN_BYTE"}
     */
    default InformationElement require(String name) {
        Optional<InformationElement> e = find(name);
        if (e.isPresent()) {
            return e.get();
        }
        List<String> known = new ArrayList<>();
        elements().forEach(element -> known.add(element.name()));
        for (String v9 : Netflow9Fields.names()) {
            if (find(v9).isPresent()) {
                known.add(v9);
            }
        }
        throw NearestNames.unknown("information element", name, known);
    }

    /**
     * This registry with {@code other}'s elements added; where both define an (enterprise, id), {@code other}
     * wins.
     *
     * @param other the registry whose elements are added
     * @return a new registry; neither is changed
     */
    default InformationElementRegistry with(InformationElementRegistry other) {
        return MapRegistry.merge(this, other);
    }

    /**
     * IANA's registry, generated from IANA's {@code ipfix.xml}.
     *
     * @return the IANA registry (shared, immutable)
     */
    static InformationElementRegistry iana() {
        return GeneratedRegistries.IANA;
    }

    /**
     * IANA's registry plus the vendor registries shipped with the library.
     *
     * @return the standard registry (shared, immutable)
     */
    static InformationElementRegistry standard() {
        return GeneratedRegistries.STANDARD;
    }

    /**
     * The NetFlow v9 field types that IANA has not assigned, as vendors use them (Cisco NSEL 33000-40005,
     * nProbe, Streamcore ...), each as enterprise 0 with the v9 type as id (up to 65535), generated from the
     * reference field list. The NetFlow v9 decoder looks a type up here when its registry does not know it.
     *
     * @return the registry of v9 vendor field types (shared, immutable)
     */
    static InformationElementRegistry netflowV9Types() {
        return GeneratedRegistries.NETFLOW_V9_TYPES;
    }

    /**
     * A registry of the given elements; a later element with the same (enterprise, id) wins.
     *
     * @param elements the elements
     * @return an immutable registry
     */
    static InformationElementRegistry of(Collection<InformationElement> elements) {
        return new MapRegistry(List.copyOf(elements));
    }
}
