package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.MessageSlots;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Read access to the fields of a flow message: the immutable {@link FlowMessage} or the reusable
 * {@link FlowMessageView}. A field is set or not, as the record it came from had it or not.
 *
 * <pre>{@code
 * if (message.has(FlowField.SRC_PORT)) {
 *     long port = message.get(FlowField.SRC_PORT);
 * }
 * InetAddress src = message.address(FlowField.SRC_ADDR);   // null when not set
 * }</pre>
 */
public abstract sealed class FlowMessageFields permits FlowMessage, FlowMessageView {

    /** The most numbers a list field ({@link FlowField.Kind#UINT32_LIST}) holds. */
    public static final int MAX_LIST = MessageSlots.MAX_LIST;

    FlowMessageFields() {
    }

    /** The values. */
    abstract MessageSlots slots();

    /**
     * Whether the field is set.
     *
     * @param field the field
     * @return true if the message sets it (goflow2 writes only the set fields)
     */
    public final boolean has(FlowField field) {
        return slots().has(field);
    }

    /**
     * The field's value, 0 when it is not set: an unsigned number ({@link Long#toUnsignedString} above
     * {@link Long#MAX_VALUE}), a MAC address in the low 48 bits, goflow2's FlowType number for
     * {@link FlowField#TYPE}, the sample format for {@link FlowField#SAMPLE_TYPE}, the address's length (4 or
     * 16) for an address field.
     *
     * @param field the field
     * @return the value, or 0
     */
    public final long get(FlowField field) {
        return slots().get(field);
    }

    /**
     * Copies an address field's bytes (4 or 16) into {@code dst} at {@code offset}, without allocating.
     *
     * @return how many bytes were copied: 0 when the field is not set
     * @param field an address field
     * @param dst the array copied into
     * @param offset where in {@code dst} the first byte goes
     */
    public final int copyAddress(FlowField field, byte[] dst, int offset) {
        requireAddress(field);
        int len = (int) slots().get(field);
        System.arraycopy(slots().addressBytes(), field.ordinal() * 16, dst, offset, len);
        return len;
    }

    /**
     * An address field as an {@link InetAddress} (allocates), or null when it is not set.
     *
     * @param field an address field
     * @return the address, or null
     */
    public final InetAddress address(FlowField field) {
        requireAddress(field);
        if (!has(field)) {
            return null;
        }
        byte[] b = new byte[(int) get(field)];
        copyAddress(field, b, 0);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: an address of " + b.length + " bytes", e);
        }
    }

    /**
     * Number {@code index} of a list field ({@link FlowField.Kind#UINT32_LIST}, such as {@link FlowField#AS_PATH}),
     * unsigned; {@link #get} gives how many it holds.
     *
     * <pre>{@code
     * for (int i = 0; i < m.get(FlowField.AS_PATH); i++) { long as = m.listValue(FlowField.AS_PATH, i); ... }
     * }</pre>
     *
     * @param field a list field
     * @param index the number's position in the list, from 0
     * @return the number, 0 to 2^32 - 1
     * @throws IllegalArgumentException when the field is not a list
     * @throws IndexOutOfBoundsException when the list has no number {@code index}
     */
    public final long listValue(FlowField field, int index) {
        if (field.kind() != FlowField.Kind.UINT32_LIST) {
            throw new IllegalArgumentException(field + " is not a list");
        }
        java.util.Objects.checkIndex(index, (int) get(field));
        return slots().list(field.ordinal())[index] & 0xFFFF_FFFFL;
    }

    private static void requireAddress(FlowField field) {
        if (field.kind() != FlowField.Kind.ADDRESS) {
            throw new IllegalArgumentException(field + " is not an address");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('{');
        for (FlowField f : FlowField.all()) {
            if (has(f)) {
                s.append(f.jsonKey()).append('=');
                if (f.kind() == FlowField.Kind.ADDRESS) {
                    s.append(address(f).getHostAddress());
                } else if (f.kind() == FlowField.Kind.UINT32_LIST) {
                    s.append('[');
                    for (int i = 0; i < get(f); i++) {
                        s.append(i == 0 ? "" : ",").append(listValue(f, i));
                    }
                    s.append(']');
                } else {
                    s.append(Long.toUnsignedString(get(f)));
                }
                s.append(", ");
            }
        }
        if (s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 2);
        }
        return s.append('}').toString();
    }
}
