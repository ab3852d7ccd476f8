package io.github.flowcodec.sflow;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One field of a fixed-layout standard counter record, by name: which record format it belongs to, where it
 * sits in the record's data and how wide it is. The records that name their fields (a {@code FIELDS} list and
 * one constant a field): generic interface, Ethernet, Token Ring, 100BaseVG, VLAN and 802.11 counters; host
 * memory, disk I/O and network I/O; MIB-2 IP, ICMP, TCP and UDP. Read a field on the zero-copy path without
 * materializing the record, or set it in a {@link CounterRecordBuilder}.
 *
 * <pre>{@code
 * decoder.decode(datagram, exporter, new SflowSampleHandler() {
 *     public void onCounterSample(SflowSampleView sample) {
 *         SflowRecordView r = sample.records();
 *         while (r.next()) {
 *             if (r.isStandard(Sflow.COUNTER_GENERIC_INTERFACE)) {
 *                 long ifIndex = r.counter(CounterData.GenericInterface.IF_INDEX);
 *                 long in = r.counter(CounterData.GenericInterface.IF_IN_OCTETS); // not r.u64(24)
 *             }
 *         }
 *     }
 * });
 * CounterData.GenericInterface g = CounterRecordBuilder.of(CounterData.GenericInterface.class)
 *         .set(CounterData.GenericInterface.IF_INDEX, 3)
 *         .set(CounterData.GenericInterface.IF_SPEED, 10_000_000_000L)
 *         .set(CounterData.GenericInterface.IF_IN_OCTETS, 123_456_789)
 *         .build();
 * }</pre>
 *
 * @param <R> the record type the field belongs to
 */
public final class CounterField<R extends CounterData.Standard> {

    private final Class<R> recordType;
    private final int dataFormat;
    private final String name;
    private final int index;
    private final int offset;
    private final int width;

    private CounterField(Class<R> recordType, int dataFormat, String name, int index, int offset, int width) {
        this.recordType = recordType;
        this.dataFormat = dataFormat;
        this.name = name;
        this.index = index;
        this.offset = offset;
        this.width = width;
    }

    /**
     * The fields of a record type whose data is its components in order, each an unsigned integer of the given
     * width: the layout of the fixed standard counter records.
     *
     * @param recordType the record type
     * @param dataFormat the record's data format (enterprise 0)
     * @param widths each component's width in bytes (4 or 8), in component order
     * @param <R> the record type
     * @return the fields, in component order
     */
    static <R extends CounterData.Standard> List<CounterField<R>> layout(Class<R> recordType, int dataFormat, int... widths) {
        RecordComponent[] components = recordType.getRecordComponents();
        if (components.length != widths.length) {
            throw new IllegalArgumentException(recordType.getSimpleName() + " has " + components.length + " components, not "
                    + widths.length);
        }
        List<CounterField<R>> fields = new ArrayList<>(widths.length);
        int offset = 0;
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] != 4 && widths[i] != 8) {
                throw new IllegalArgumentException("width " + widths[i] + " is not 4 or 8");
            }
            fields.add(new CounterField<>(recordType, dataFormat, components[i].getName(), i, offset, widths[i]));
            offset += widths[i];
        }
        return List.copyOf(fields);
    }

    /** @return the record type the field belongs to */
    public Class<R> recordType() {
        return recordType;
    }

    /** @return the data format of the record the field belongs to (enterprise 0) */
    public int dataFormat() {
        return dataFormat;
    }

    /** @return the field's name, as the record component and the sFlow specification name it */
    public String name() {
        return name;
    }

    /** @return the field's position among the record's components */
    public int index() {
        return index;
    }

    /** @return the field's offset in bytes within the record's data */
    public int offset() {
        return offset;
    }

    /** @return the field's width in bytes: 4 (an unsigned 32-bit counter) or 8 (a 64-bit counter) */
    public int width() {
        return width;
    }

    /**
     * Reads the field from a counter record on the zero-copy path.
     *
     * @param record a view positioned on a counter record of this field's format
     * @return the value: unsigned 32-bit for 4-byte fields, the 64 bits as they are for 8-byte ones
     * @throws IllegalStateException if the view is on a flow record or a record of another format
     * @throws IndexOutOfBoundsException if the record is shorter than its format says
     */
    public long get(SflowRecordView record) {
        Objects.requireNonNull(record, "record");
        if (record.isFlowRecord() || !record.isStandard(dataFormat)) {
            throw new IllegalStateException(name + " is a field of counter record 0:" + dataFormat + ", not of "
                    + (record.isFlowRecord() ? "flow" : "counter") + " record " + record.enterprise() + ":" + record.format());
        }
        return width == 8 ? record.u64(offset) : record.u32(offset);
    }

    @Override
    public String toString() {
        return recordType.getSimpleName() + "." + name + " (0:" + dataFormat + ", " + width + " bytes at " + offset + ")";
    }
}
