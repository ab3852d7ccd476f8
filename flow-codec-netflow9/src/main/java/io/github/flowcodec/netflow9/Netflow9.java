package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import java.util.Optional;

/**
 * NetFlow v9 (RFC 3954) constants, and how v9 field types map to information elements.
 *
 * <p>Field types are IANA element ids (enterprise 0): 1-127 as RFC 3954 numbers them, the higher ones as
 * IPFIX assigned them (exporters such as Cisco ASR1000 send them in v9 too). Vendor types IANA never
 * assigned (Cisco NSEL 33000-40005, nProbe 57590 ...) are elements of enterprise 0 with the v9 type as id,
 * named from {@link InformationElementRegistry#netflowV9Types()}. The scope field types of options
 * templates (system, interface, line card, cache, template) are a space of their own, given here as
 * elements of the pseudo enterprise {@link #SCOPE_ENTERPRISE}.
 *
 * <pre>{@code
 * InformationElement e = Netflow9.element(InformationElementRegistry.standard(), 40000); // "username"
 * int type = Netflow9.fieldType(e, false);                                              // 40000
 * Netflow9.scopeElement(Netflow9.SCOPE_INTERFACE).name();                               // "scopeInterface"
 * }</pre>
 */
public final class Netflow9 {

    /** The version number in the header. */
    public static final int VERSION = 9;
    /** Header length in bytes. */
    public static final int HEADER_LENGTH = 20;
    /** FlowSet id of template FlowSets. */
    public static final int TEMPLATE_SET_ID = 0;
    /** FlowSet id of options template FlowSets. */
    public static final int OPTIONS_TEMPLATE_SET_ID = 1;
    /** The smallest data FlowSet id (= template id); 2-255 are reserved. */
    public static final int MIN_DATA_SET_ID = 256;
    /** Length of a FlowSet header (id, length). */
    public static final int SET_HEADER_LENGTH = 4;

    /** Scope type: the exporting system. */
    public static final int SCOPE_SYSTEM = 1;
    /** Scope type: an interface (its SNMP index). */
    public static final int SCOPE_INTERFACE = 2;
    /** Scope type: a line card. */
    public static final int SCOPE_LINE_CARD = 3;
    /** Scope type: a NetFlow cache. */
    public static final int SCOPE_CACHE = 4;
    /** Scope type: a template. */
    public static final int SCOPE_TEMPLATE = 5;

    /**
     * The pseudo enterprise number of options-template scope fields (0xFFFFFFFE, never assigned as a PEN):
     * v9 scope types are not IANA elements (scope type 1 is not octetDeltaCount).
     */
    public static final long SCOPE_ENTERPRISE = 0xFFFF_FFFEL;

    private static final InformationElement[] SCOPES = {
        null,
        InformationElement.of(SCOPE_ENTERPRISE, SCOPE_SYSTEM, "scopeSystem", DataType.OCTET_ARRAY),
        InformationElement.of(SCOPE_ENTERPRISE, SCOPE_INTERFACE, "scopeInterface", DataType.UNSIGNED32),
        InformationElement.of(SCOPE_ENTERPRISE, SCOPE_LINE_CARD, "scopeLineCard", DataType.UNSIGNED32),
        InformationElement.of(SCOPE_ENTERPRISE, SCOPE_CACHE, "scopeCache", DataType.OCTET_ARRAY),
        InformationElement.of(SCOPE_ENTERPRISE, SCOPE_TEMPLATE, "scopeTemplate", DataType.UNSIGNED16),
    };

    private Netflow9() {
    }

    /**
     * The element of a v9 field type: from {@code registry} (enterprise 0), else from
     * {@link InformationElementRegistry#netflowV9Types()}, else an unknown octet element.
     *
     * @param registry the registry to look in first (IANA's for elements 1 to 127 that IPFIX shares)
     * @param type the v9 field type, 1 to 65535
     * @return the element, never null
     */
    public static InformationElement element(InformationElementRegistry registry, int type) {
        Optional<InformationElement> e = registry.find(0, type);
        if (e.isPresent()) {
            return e.get();
        }
        return InformationElementRegistry.netflowV9Types().lookup(0, type);
    }

    /**
     * The element of an options-template scope type (unknown types 6-65535 are octet elements).
     *
     * @param scopeType the v9 scope field type: 1 System, 2 Interface, 3 Line Card, 4 Cache, 5 Template
     * @return the scope element
     */
    public static InformationElement scopeElement(int scopeType) {
        if (scopeType >= 1 && scopeType < SCOPES.length) {
            return SCOPES[scopeType];
        }
        return InformationElement.unknown(SCOPE_ENTERPRISE, scopeType);
    }

    /**
     * The v9 field type that carries {@code element}: its id for enterprise 0, its scope type for a scope
     * element (only where {@code scope} is true).
     *
     * @param element the element to send
     * @param scope true for a scope field of an options template
     * @return the field type, 1 to 65535
     * @throws IllegalArgumentException if NetFlow v9 cannot carry the element (enterprise-specific IPFIX
     *         elements, or a scope element outside a scope)
     */
    public static int fieldType(InformationElement element, boolean scope) {
        if (element.enterprise() == 0) {
            return element.id();
        }
        if (scope && element.enterprise() == SCOPE_ENTERPRISE) {
            return element.id();
        }
        throw new IllegalArgumentException("NetFlow v9 cannot carry " + element
                + (element.enterprise() == SCOPE_ENTERPRISE ? " outside an options scope" : ": it has an enterprise number"));
    }

    /** Whether a template field can be written as a NetFlow v9 field: a v9 type and a length up to 65535. */
    static boolean representable(FieldSpec f, boolean scope) {
        try {
            fieldType(f.element(), scope);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
