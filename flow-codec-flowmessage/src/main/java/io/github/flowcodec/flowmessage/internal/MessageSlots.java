package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.FlowField;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The values of one flow message, by {@link FlowField} ordinal: a number per field, the bytes of the
 * address fields (16 per field, the value being the address's length, 4 or 16) and which fields are set.
 * Filled in place and reused: setting a field allocates nothing.
 */
public final class MessageSlots {

    /** How many fields a message has. */
    public static final int FIELDS = FlowField.values().length;

    /** How many fields are lists ({@link FlowField.Kind#UINT32_LIST}). */
    public static final int LIST_FIELDS = (int) Arrays.stream(FlowField.values())
            .filter(f -> f.kind() == FlowField.Kind.UINT32_LIST).count();

    /** The most numbers a list field holds. */
    public static final int MAX_LIST = 255;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long[] values;
    private final byte[] addresses;
    /** Per list field ({@link FlowField.Kind#UINT32_LIST}) its numbers, the value being how many; null for the others. */
    private final int[][] lists;
    private long present;

    public MessageSlots() {
        this(new long[FIELDS], new byte[FIELDS * 16], new int[FIELDS][], 0);
        for (FlowField f : FlowField.values()) {
            if (f.kind() == FlowField.Kind.UINT32_LIST) {
                lists[f.ordinal()] = new int[MAX_LIST];
            }
        }
    }

    private MessageSlots(long[] values, byte[] addresses, int[][] lists, long present) {
        this.values = values;
        this.addresses = addresses;
        this.lists = lists;
        this.present = present;
    }

    /** A copy that shares nothing with this one. */
    public MessageSlots copy() {
        int[][] l = new int[FIELDS][];
        for (int i = 0; i < FIELDS; i++) {
            l[i] = lists[i] == null ? null : lists[i].clone();
        }
        return new MessageSlots(values.clone(), addresses.clone(), l, present);
    }

    /** The numbers of a list field: its first {@code value(ordinal)} are set. */
    public int[] list(int ordinal) {
        return lists[ordinal];
    }

    /**
     * Appends a number to a list field (setting it, empty, first when unset).
     *
     * @return false, and nothing appended, when the list holds {@link #MAX_LIST} numbers already
     */
    public boolean append(FlowField f, long number) {
        int o = f.ordinal();
        int n = (present & (1L << o)) != 0 ? (int) values[o] : 0;
        if (n >= MAX_LIST) {
            return false;
        }
        lists[o][n] = (int) number;
        set(o, n + 1);
        return true;
    }

    /** Unsets every field. */
    public void clear() {
        present = 0;
    }

    /** Which fields are set: bit {@code f.ordinal()} for field {@code f}. */
    public long present() {
        return present;
    }

    public boolean has(FlowField f) {
        return (present & (1L << f.ordinal())) != 0;
    }

    /** The field's value (an address's length), or 0 when unset. */
    public long get(FlowField f) {
        return has(f) ? values[f.ordinal()] : 0;
    }

    /** The value of the field of this ordinal, set or not. */
    public long value(int ordinal) {
        return values[ordinal];
    }

    public void set(FlowField f, long value) {
        set(f.ordinal(), value);
    }

    /** Sets the field of this ordinal. */
    public void set(int ordinal, long value) {
        values[ordinal] = value;
        present |= 1L << ordinal;
    }

    public void unset(FlowField f) {
        present &= ~(1L << f.ordinal());
    }

    /** Sets an address field to {@code length} (4 or 16) bytes of {@code src} from {@code offset}. */
    public void setAddress(FlowField f, byte[] src, int offset, int length) {
        System.arraycopy(src, offset, addresses, f.ordinal() * 16, length);
        set(f, length);
    }

    /** Sets an address field to field {@code index} (4 or 16 bytes) of a record. */
    public void setAddress(FlowField f, FlowFields record, int index) {
        int length = record.fieldLength(index);
        record.copyBytes(record.fieldOffset(index), addresses, f.ordinal() * 16, length);
        set(f, length);
    }

    /** Sets an address field to an IPv4 address, its 4 bytes as a big-endian int. */
    public void setIpv4(FlowField f, int address) {
        INT.set(addresses, f.ordinal() * 16, address);
        set(f, 4);
    }

    /** Sets an address field to an IPv6 address, its 16 bytes as two big-endian longs. */
    public void setIpv6(FlowField f, long high, long low) {
        int at = f.ordinal() * 16;
        LONG.set(addresses, at, high);
        LONG.set(addresses, at + 8, low);
        set(f, 16);
    }

    /** The bytes of every address field: field {@code f}'s at {@code f.ordinal() * 16}. */
    public byte[] addressBytes() {
        return addresses;
    }
}
