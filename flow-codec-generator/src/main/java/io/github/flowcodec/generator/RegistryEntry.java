package io.github.flowcodec.generator;

/**
 * One element line of a generated registry, e.g. {@code new RegistryEntry(0, 8, "sourceIPv4Address",
 * "ipv4Address", "default", "none", "current").line()} is
 * {@code "0\t8\tsourceIPv4Address\tipv4Address\tdefault\tnone\tcurrent\n"}.
 */
record RegistryEntry(long enterprise, int id, String name, String dataType, String semantics,
                     String unit, String status) {

    /** Semantics of an element whose record names none. */
    static final String DEFAULT_SEMANTICS = "default";
    /** Unit of an element whose record names none. */
    static final String NO_UNIT = "none";
    /** Status of an element whose record names none. */
    static final String DEFAULT_STATUS = "current";
    /** Data type for a vendor element whose data type is unknown: the raw bytes. */
    static final String FALLBACK_DATA_TYPE = "octetArray";

    /** Largest element id: ids are 15 bits, the top bit of the 16-bit field is the enterprise bit. */
    static final int MAX_ELEMENT_ID = 0x7FFF;

    /** An element with the default semantics, no unit and status current. */
    static RegistryEntry plain(long enterprise, int id, String name, String dataType) {
        return new RegistryEntry(enterprise, id, name, dataType, DEFAULT_SEMANTICS, NO_UNIT, DEFAULT_STATUS);
    }

    /** The registry line: the fields separated by tabs, ended by '\n'. */
    String line() {
        return enterprise + "\t" + id + "\t" + name + "\t" + dataType + "\t" + semantics + "\t"
                + unit + "\t" + status + "\n";
    }
}
