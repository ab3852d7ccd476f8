package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import java.util.Optional;

/**
 * IPFIX (RFC 7011) constants, and how field specifiers map to information elements.
 *
 * <p>A field specifier's id has the enterprise bit (0x8000) set when a Private Enterprise Number follows.
 * Elements of PEN 29305 are RFC 5103's reverse elements: element {@code n} of PEN 29305 is the reverse of
 * IANA element {@code n}, named {@code "reverse" + Name} with IANA's type, semantics and unit.
 *
 * <pre>{@code
 * InformationElementRegistry std = InformationElementRegistry.standard();
 * Ipfix.element(std, 0, 1).name();                      // "octetDeltaCount"
 * Ipfix.element(std, Ipfix.REVERSE_PEN, 1).name();      // "reverseOctetDeltaCount"
 * Ipfix.element(std, 4242, 7).isKnown();                // false: kept as octets
 * }</pre>
 */
public final class Ipfix {

    /** The version number in the message header. */
    public static final int VERSION = 10;
    /** Message header length in bytes. */
    public static final int HEADER_LENGTH = 16;
    /** Set header length (set id, length). */
    public static final int SET_HEADER_LENGTH = 4;
    /** Set id of template sets. */
    public static final int TEMPLATE_SET_ID = 2;
    /** Set id of options template sets. */
    public static final int OPTIONS_TEMPLATE_SET_ID = 3;
    /** The smallest data set id (= template id); 4-255 are reserved. */
    public static final int MIN_DATA_SET_ID = 256;
    /** The enterprise bit of a field specifier's element id. */
    public static final int ENTERPRISE_BIT = 0x8000;
    /** RFC 5103's PEN for reverse information elements. */
    public static final long REVERSE_PEN = 29305;
    /** The largest message (the length field is 16 bits). */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;
    /** The length byte announcing the 3-byte form of a variable-length field's length (RFC 7011 section 7). */
    public static final int LONG_LENGTH_MARKER = 255;

    private Ipfix() {
    }

    /**
     * The element of a field specifier: from {@code registry}, else the reverse of an IANA element for PEN
     * 29305, else an unknown octet element.
     *
     * @param registry the registry to look in first
     * @param enterprise the field specifier's PEN, 0 for IANA
     * @param id the element id, 0 to 32767
     * @return the element, never null
     */
    public static InformationElement element(InformationElementRegistry registry, long enterprise, int id) {
        Optional<InformationElement> e = registry.find(enterprise, id);
        if (e.isPresent()) {
            return e.get();
        }
        if (enterprise == REVERSE_PEN) {
            Optional<InformationElement> forward = registry.find(0, id);
            if (forward.isPresent()) {
                return reverse(forward.get());
            }
        }
        return InformationElement.unknown(enterprise, id);
    }

    /**
     * RFC 5103's reverse of an IANA element: PEN 29305, the same id, "reverse" + name, the same type.
     *
     * @param forward an IANA element
     * @return the reverse element (enterprise 29305)
     */
    public static InformationElement reverse(InformationElement forward) {
        if (forward.enterprise() != 0) {
            throw new IllegalArgumentException("only IANA elements have reverse elements: " + forward);
        }
        String n = forward.name();
        String name = "reverse" + (n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1));
        return InformationElement.of(REVERSE_PEN, forward.id(), name, forward.dataType(), forward.semantics(), forward.unit());
    }

    /**
     * Whether IPFIX can carry the field: an element id up to 32767 and (for fixed lengths) a length below 65535.
     *
     * @param f the field
     * @return true if it fits an IPFIX field specifier
     */
    public static boolean representable(FieldSpec f) {
        return f.element().id() <= InformationElement.MAX_ID;
    }

    /**
     * Bytes the field specifier takes in a template record: 4, or 8 with a PEN.
     *
     * @param f the field
     * @return 4 for an IANA element, 8 for an enterprise one
     */
    public static int fieldSpecifierLength(FieldSpec f) {
        return f.element().enterprise() != 0 ? 8 : 4;
    }
}
