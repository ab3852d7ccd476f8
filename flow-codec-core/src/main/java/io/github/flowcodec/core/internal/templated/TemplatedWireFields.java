package io.github.flowcodec.core.internal.templated;

/**
 * Range checks of the unsigned header fields NetFlow v9 and IPFIX share, for the header records that hold
 * them as ints and longs.
 *
 * <pre>{@code
 * TemplatedWireFields.requireUnsigned16("count", count);       // 0..65535, else IllegalArgumentException
 * TemplatedWireFields.requireUnsigned32("sequence", sequence); // 0..4294967295
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
}
