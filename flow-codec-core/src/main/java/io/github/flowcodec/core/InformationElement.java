package io.github.flowcodec.core;

import java.util.Objects;

/**
 * An information element: what a field of a flow record means. IANA's elements have enterprise number
 * 0; enterprise-specific elements carry their vendor's Private Enterprise Number (PEN).
 *
 * <p>Identity is the pair (enterprise number, element id); name, type, semantics and unit are
 * descriptive. NetFlow v9 field types 1 to 127 are the IANA elements with the same numbers.
 *
 * <pre>{@code
 * InformationElement bytes = Iana.OCTET_DELTA_COUNT;
 * bytes.id();        // 1
 * bytes.dataType();  // UNSIGNED64
 * InformationElement vendor = InformationElement.unknown(9, 12235); // octets, named "9.12235"
 * }</pre>
 */
public final class InformationElement {

    /** The largest element id: the top bit of the 16-bit IPFIX field id is the enterprise bit. */
    public static final int MAX_ID = 0x7FFF;

    private final long enterprise;
    private final int id;
    private final String name;
    private final DataType dataType;
    private final DataTypeSemantics semantics;
    private final Unit unit;
    private final boolean known;

    private InformationElement(long enterprise, int id, String name, DataType dataType,
            DataTypeSemantics semantics, Unit unit, boolean known) {
        if (enterprise < 0 || enterprise > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("enterprise number out of range: " + enterprise);
        }
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("element id out of range: " + id);
        }
        this.enterprise = enterprise;
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.semantics = Objects.requireNonNull(semantics, "semantics");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.known = known;
    }

    /**
     * An element as a registry describes it.
     *
     * @param enterprise 0 for IANA, else the vendor's PEN (unsigned 32-bit)
     * @param id the element id, 0 to 32767 for IPFIX (NetFlow v9 vendor field types may reach 65535)
     * @param name the registry name, e.g. {@code "octetDeltaCount"}
     * @param dataType the abstract data type, which gives the natural wire length
     * @param semantics counter, identifier, flags ... (RFC 7012 section 3.2)
     * @param unit the unit of the value (octets, packets, milliseconds ...)
     * @return the element
     */
    public static InformationElement of(long enterprise, int id, String name, DataType dataType,
            DataTypeSemantics semantics, Unit unit) {
        return new InformationElement(enterprise, id, name, dataType, semantics, unit, true);
    }

    /**
     * An element with default semantics and no unit.
     *
     * @param enterprise 0 for IANA, else the vendor's PEN (unsigned 32-bit)
     * @param id the element id within its enterprise
     * @param name the registry name
     * @param dataType the abstract data type
     * @return the element
     */
    public static InformationElement of(long enterprise, int id, String name, DataType dataType) {
        return of(enterprise, id, name, dataType, DataTypeSemantics.DEFAULT, Unit.NONE);
    }

    /**
     * An element no registry knows: kept as an octet array named {@code "<enterprise>.<id>"}, so a
     * decode never fails because of it.
     *
     * @param enterprise 0 for IANA, else the vendor's PEN
     * @param id the element id within its enterprise
     * @return an element of type octetArray that {@link #isKnown()} says is unknown
     */
    public static InformationElement unknown(long enterprise, int id) {
        return new InformationElement(enterprise, id, enterprise + "." + id, DataType.OCTET_ARRAY,
                DataTypeSemantics.DEFAULT, Unit.NONE, false);
    }

    /**
     * 0 for IANA elements, else the Private Enterprise Number.
     *
     * @return the PEN (unsigned 32-bit), 0 for IANA elements
     */
    public long enterprise() {
        return enterprise;
    }

    /**
     * The element id within its enterprise.
     *
     * @return the id, 0 to 32767 for IPFIX (without the enterprise bit), up to 65535 for NetFlow v9
     */
    public int id() {
        return id;
    }

    /**
     * The registry's name, e.g. {@code "sourceIPv4Address"}; {@code "<enterprise>.<id>"} when unknown.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The abstract data type.
     *
     * @return the data type
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The data type semantics.
     *
     * @return the semantics
     */
    public DataTypeSemantics semantics() {
        return semantics;
    }

    /**
     * The unit.
     *
     * @return the unit, {@link Unit#NONE} when the registry gives none
     */
    public Unit unit() {
        return unit;
    }

    /**
     * Whether a registry described this element ({@code false} for {@link #unknown}).
     *
     * @return true if a registry described it
     */
    public boolean isKnown() {
        return known;
    }

    /**
     * Whether this is an enterprise-specific element.
     *
     * @return true if {@link #enterprise()} is not 0
     */
    public boolean isEnterpriseSpecific() {
        return enterprise != 0;
    }

    /**
     * The (enterprise, id) pair packed into one long: enterprise in the high 32 bits.
     *
     * @return {@code enterprise << 32 | id}
     */
    public long key() {
        return key(enterprise, id);
    }

    /**
     * Packs an (enterprise, id) pair the way {@link #key()} does.
     *
     * @param enterprise 0 for IANA, else the PEN
     * @param id the element id
     * @return {@code enterprise << 32 | id}
     */
    public static long key(long enterprise, int id) {
        return (enterprise << 32) | (id & 0xFFFFL);
    }

    /** Equal when enterprise and id are equal; the descriptive attributes do not take part. */
    @Override
    public boolean equals(Object o) {
        return o instanceof InformationElement other && other.enterprise == enterprise && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(key());
    }

    @Override
    public String toString() {
        return enterprise == 0 ? name + "(" + id + ")" : name + "(" + enterprise + "/" + id + ")";
    }
}
