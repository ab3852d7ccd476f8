package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.flowmessage.FlowField;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The values of one flow message, by {@link FlowField} ordinal: a number per field, the bytes of the
 * address fields (16 per field, the value being the address's length, 4 or 16), the entries of the list fields
 * (the value being how many) and which fields are set. Filled in place and reused: setting a field or appending
 * to a list allocates nothing.
 */
public final class MessageSlots {

    /** How many fields a message has: at most 64, {@link #present()} being one bit a field. */
    public static final int FIELDS = FlowField.values().length;

    /** How many fields are lists ({@link FlowField.Kind#isList()}). */
    public static final int LIST_FIELDS = (int) Arrays.stream(FlowField.values()).filter(f -> f.kind().isList()).count();

    /** How many fields are address lists ({@link FlowField.Kind#ADDRESS_LIST}). */
    public static final int ADDRESS_LIST_FIELDS = (int) Arrays.stream(FlowField.values())
            .filter(f -> f.kind() == FlowField.Kind.ADDRESS_LIST).count();

    /** The most entries a list field holds. */
    public static final int MAX_LIST = 255;

    static {
        if (FIELDS > Long.SIZE) {
            throw new ExceptionInInitializerError(FIELDS + " flow message fields: present() holds 64");
        }
    }

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long[] values;
    private final byte[] addresses;
    /**
     * Per list field its entries, the value being how many: numbers ({@link FlowField.Kind#UINT32_LIST}), layer
     * numbers ({@link FlowField.Kind#LAYER_LIST}), or the addresses' lengths ({@link FlowField.Kind#ADDRESS_LIST});
     * null for the other fields. A message's own arrays hold {@link #MAX_LIST}; a copy's hold its entries and
     * grow when appended to.
     */
    private final int[][] lists;
    /** Per address list field the addresses' bytes, entry i at {@code 16 * i}; null for the other fields. */
    private final byte[][] addressLists;
    private long present;

    public MessageSlots() {
        this(new long[FIELDS], new byte[FIELDS * 16], new int[FIELDS][], new byte[FIELDS][], 0);
        for (FlowField f : FlowField.values()) {
            if (f.kind().isList()) {
                lists[f.ordinal()] = new int[MAX_LIST];
            }
            if (f.kind() == FlowField.Kind.ADDRESS_LIST) {
                addressLists[f.ordinal()] = new byte[MAX_LIST * 16];
            }
        }
    }

    private MessageSlots(long[] values, byte[] addresses, int[][] lists, byte[][] addressLists, long present) {
        this.values = values;
        this.addresses = addresses;
        this.lists = lists;
        this.addressLists = addressLists;
        this.present = present;
    }

    /** A copy that shares nothing with this one, its lists as long as their entries. */
    public MessageSlots copy() {
        int[][] l = new int[FIELDS][];
        byte[][] a = new byte[FIELDS][];
        for (int i = 0; i < FIELDS; i++) {
            int n = (present & (1L << i)) != 0 ? (int) values[i] : 0;
            l[i] = lists[i] == null ? null : Arrays.copyOf(lists[i], n);
            a[i] = addressLists[i] == null ? null : Arrays.copyOf(addressLists[i], 16 * n);
        }
        return new MessageSlots(values.clone(), addresses.clone(), l, a, present);
    }

    /** The entries of a list field: its first {@code value(ordinal)} are set. */
    public int[] list(int ordinal) {
        return lists[ordinal];
    }

    /** The bytes of an address list field: entry i's {@code list(ordinal)[i]} bytes at {@code 16 * i}. */
    public byte[] addressList(int ordinal) {
        return addressLists[ordinal];
    }

    /** How many entries a list field holds (0 when unset). */
    private int size(int o) {
        return (present & (1L << o)) != 0 ? (int) values[o] : 0;
    }

    /** Room for entry {@code n} of list {@code o}, growing a copy's arrays; false when the list is full. */
    private boolean room(int o, int n) {
        if (n >= MAX_LIST) {
            return false;
        }
        if (n >= lists[o].length) {
            int grown = Math.min(MAX_LIST, Math.max(8, 2 * n));
            lists[o] = Arrays.copyOf(lists[o], grown);
            if (addressLists[o] != null) {
                addressLists[o] = Arrays.copyOf(addressLists[o], 16 * grown);
            }
        }
        return true;
    }

    /**
     * Appends a number to a list field ({@link FlowField.Kind#UINT32_LIST}, or a layer number to a
     * {@link FlowField.Kind#LAYER_LIST}), setting it, empty, first when unset.
     *
     * @return false, and nothing appended, when the list holds {@link #MAX_LIST} entries already
     */
    public boolean append(FlowField f, long number) {
        int o = f.ordinal();
        int n = size(o);
        if (!room(o, n)) {
            return false;
        }
        lists[o][n] = (int) number;
        set(o, n + 1);
        return true;
    }

    /**
     * Appends an address to an address list field: {@code length} (0 to 16) bytes of {@code src} from {@code offset}.
     *
     * @return false, and nothing appended, when the list holds {@link #MAX_LIST} entries already
     */
    public boolean appendAddress(FlowField f, byte[] src, int offset, int length) {
        int o = f.ordinal();
        int n = size(o);
        if (!room(o, n)) {
            return false;
        }
        System.arraycopy(src, offset, addressLists[o], 16 * n, length);
        lists[o][n] = length;
        set(o, n + 1);
        return true;
    }

    /**
     * Appends field {@code index} of a record to an address list field: its bytes when it has 16 or fewer, else an
     * entry of no bytes.
     *
     * @return false, and nothing appended, when the list holds {@link #MAX_LIST} entries already
     */
    public boolean appendAddress(FlowField f, RecordView record, int index) {
        int o = f.ordinal();
        int n = size(o);
        if (!room(o, n)) {
            return false;
        }
        int length = record.fieldLength(index);
        if (length > 16) {
            length = 0;
        }
        record.copyBytes(record.fieldOffset(index), addressLists[o], 16 * n, length);
        lists[o][n] = length;
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
    public void setAddress(FlowField f, RecordView record, int index) {
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
