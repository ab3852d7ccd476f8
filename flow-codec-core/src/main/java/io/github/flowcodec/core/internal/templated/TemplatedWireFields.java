package io.github.flowcodec.core.internal.templated;

/**
 * Range checks of the unsigned header fields NetFlow v9 and IPFIX share, for the header records that hold
 * them as ints and longs.
 *
 * <pre>{@code
 * TemplatedWireFields.requireUnsigned16("count", count);       // 0..65535, else IllegalArgumentException
 * TemplatedWireFields.requireUnsigned32("sequence", sequence); // 0..4294967295
 * TemplatedWireFields.requireHeader(version, "length", length, "exportTimeSeconds", exportTimeSeconds,
 *         sequence, "observationDomainId", observationDomainId);      // the fields both headers have
 * }</pre>
 */
public final class TemplatedWireFields {

    private TemplatedWireFields() {
    }

    /**
     * Checks an unsigned 16-bit field.
     *
     * @throws IllegalArgumentException naming the field if the value is out of range
     */
    public static void requireUnsigned16(String name, int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(name + " is unsigned 16-bit: " + v);
        }
    }

    /**
     * Checks an unsigned 32-bit field.
     *
     * @throws IllegalArgumentException naming the field if the value is out of range
     */
    public static void requireUnsigned32(String name, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is unsigned 32-bit: " + v);
        }
    }

    /**
     * Checks the fields the NetFlow v9 and IPFIX headers both have, in header order: the version, the 16-bit
     * record count (v9) or message length (IPFIX), the export time in seconds, the sequence number and the
     * source id (v9) or observation domain (IPFIX), each 32-bit unsigned.
     *
     * @throws IllegalArgumentException naming the first field out of range
     */
    public static void requireHeader(int version, String sizeName, int size, String exportTimeName, long exportTime,
            long sequence, String domainName, long domain) {
        requireUnsigned16("version", version);
        requireUnsigned16(sizeName, size);
        requireUnsigned32(exportTimeName, exportTime);
        requireUnsigned32("sequence", sequence);
        requireUnsigned32(domainName, domain);
    }
}
