package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.ContentException;
import io.github.flowcodec.sflow.internal.DatagramLayout;
import io.github.flowcodec.sflow.internal.TypedCodec;
import java.nio.ByteBuffer;

/**
 * A cursor over the records of one sample, read in place: each {@link #next()} moves to the next record
 * and exposes its data format, where its data is, typed reads of its fields, and for a raw packet header
 * the parsed header ({@link #sampledHeader()}). Reused; valid during the callback only.
 *
 * <pre>{@code
 * SflowRecordView r = sample.records();
 * while (r.next()) {
 *     if (r.isStandard(Sflow.FLOW_RAW_HEADER)) {
 *         long frameLength = r.u32(4);
 *         SampledHeaderView h = r.sampledHeader();
 *     } else if (r.enterprise() != 0) {
 *         vendorRecords++;                       // kept, skipped by its length
 *     }
 * }
 * }</pre>
 */
public final class SflowRecordView {

    private final SflowSampleView sample;
    /** Made on the first {@link #sampledHeader()}: most cursors (the typed decode's) never parse a header. */
    private SampledHeaderView header;
    private int next;
    private int left;
    private boolean flow;
    private int dataFormat;
    private int offset;
    private int length;

    SflowRecordView(SflowSampleView sample) {
        this.sample = sample;
    }

    void reset(int first, int count, boolean flow) {
        this.next = first;
        this.left = count;
        this.flow = flow;
        this.dataFormat = 0;
        this.offset = -1;
        this.length = 0;
    }

    /**
     * Moves to the next record; false when there is none.
     *
     * @return true if the cursor is now on a record
     */
    public boolean next() {
        if (left == 0) {
            offset = -1;
            return false;
        }
        ByteBuffer b = sample.buffer();
        dataFormat = b.getInt(next + DatagramLayout.ENTRY_FORMAT);
        length = b.getInt(next + DatagramLayout.ENTRY_LENGTH);
        offset = next + DatagramLayout.ENTRY_DATA;
        next = offset + ((length + 3) & ~3);
        left--;
        return true;
    }

    private void check() {
        if (offset < 0) {
            throw new IllegalStateException("the cursor is not on a record: call next() first");
        }
    }

    /**
     * Whether the cursor is on a record of a flow sample (else of a counter sample).
     *
     * @return true for a flow record, false for a counter record
     */
    public boolean isFlowRecord() {
        return flow;
    }

    /**
     * The record's data format word.
     *
     * @return the 32-bit data_format: enterprise in the top 20 bits, format in the low 12
     */
    public int dataFormat() {
        check();
        return dataFormat;
    }

    /**
     * The record's enterprise.
     *
     * @return the enterprise, 0 to 1048575 (0 for sFlow.org's formats)
     */
    public long enterprise() {
        return Sflow.enterprise(dataFormat());
    }

    /**
     * The record's format.
     *
     * @return the format, 0 to 4095
     */
    public int format() {
        return Sflow.format(dataFormat());
    }

    /**
     * Whether the record is enterprise 0 with this format.
     *
     * @param format a standard record format, e.g. {@link Sflow#FLOW_RAW_HEADER}
     * @return true if the record's data_format is {@code 0:format}
     */
    public boolean isStandard(int format) {
        return dataFormat() == format;
    }

    /**
     * The buffer holding the record.
     *
     * @return the buffer the datagram is in
     */
    public ByteBuffer buffer() {
        return sample.buffer();
    }

    /**
     * Where the record's data starts in {@link #buffer()} (absolute index).
     *
     * @return the offset of the record data's first byte
     */
    public int offset() {
        check();
        return offset;
    }

    /**
     * The record data's length in bytes (without padding).
     *
     * @return the length in bytes
     */
    public int length() {
        check();
        return length;
    }

    /**
     * The unsigned 32-bit value at {@code position} within the record data.
     *
     * @param position the offset from the record data's first byte
     * @return the value, 0 to 2^32 - 1
     */
    public long u32(int position) {
        bounds(position, 4);
        return sample.buffer().getInt(offset + position) & 0xFFFF_FFFFL;
    }

    /**
     * A field of a standard counter record by name ({@code r.counter(CounterData.GenericInterface.IF_IN_OCTETS)}).
     *
     * @param field the field
     * @return its value, as {@link CounterField#get} reads it
     * @throws IllegalStateException if the view is not on a counter record of the field's format
     */
    public long counter(CounterField<?> field) {
        return field.get(this);
    }

    /**
     * The 64-bit value at {@code position} within the record data.
     *
     * @param position the 64-bit value at {@code position} within the record data
     * @return the 64-bit value at {@code position} within the record data
     */
    public long u64(int position) {
        bounds(position, 8);
        return sample.buffer().getLong(offset + position);
    }

    private void bounds(int position, int n) {
        check();
        if (position < 0 || position > length - n) {
            throw new IndexOutOfBoundsException(n + " bytes at " + position + " of a " + length + "-byte record");
        }
    }

    /**
     * The sampled header of a raw packet header record (0:1 of a flow sample), parsed (reused view). A
     * header length beyond the record is a {@link io.github.flowcodec.core.MalformedPacketException} in
     * strict mode; in lenient mode the bytes the record holds are parsed and the problem reported.
     *
     * @return the reused view, on the sampled header
     * @throws IllegalStateException if the record is not a raw packet header record
     */
    public SampledHeaderView sampledHeader() {
        if (!flow || dataFormat() != Sflow.FLOW_RAW_HEADER) {
            throw new IllegalStateException("record " + enterprise() + ":" + format() + " is not a raw packet header");
        }
        if (header == null) {
            header = new SampledHeaderView();
        }
        return sample.decoder().parseRawHeader(sample.array(), sample.shift(), offset, length, sample.base(), header);
    }

    /**
     * The header protocol of a raw packet header record.
     *
     * @return the header_protocol (1 Ethernet, 11 IPv4, 12 IPv6 ...)
     */
    public int headerProtocol() {
        return (int) u32(0);
    }

    /**
     * The frame length of a raw packet header record.
     *
     * @return the frame's original length in bytes, before sampling truncated it
     */
    public long frameLength() {
        return u32(4);
    }

    /**
     * The record as a typed flow record (allocates).
     *
     * @return the record, typed
     */
    public FlowData toFlowData() {
        if (!flow) {
            throw new IllegalStateException("a counter record is not a flow record");
        }
        check();
        try {
            return TypedCodec.readFlow(sample.buffer(), dataFormat, offset, length, sample.decoder().extensions());
        } catch (ContentException e) {
            sample.decoder().contentProblem(e, sample.base());
            return new FlowData.Unknown(enterprise(), format(), TypedCodec.bytes(sample.buffer(), offset, length));
        }
    }

    /**
     * The record as a typed counter record (allocates).
     *
     * @return the record, typed
     */
    public CounterData toCounterData() {
        if (flow) {
            throw new IllegalStateException("a flow record is not a counter record");
        }
        check();
        try {
            return TypedCodec.readCounter(sample.buffer(), dataFormat, offset, length, sample.decoder().extensions());
        } catch (ContentException e) {
            sample.decoder().contentProblem(e, sample.base());
            return new CounterData.Unknown(enterprise(), format(), TypedCodec.bytes(sample.buffer(), offset, length));
        }
    }

    @Override
    public String toString() {
        return offset < 0 ? "SflowRecordView[no record]" : "SflowRecordView[" + enterprise() + ":" + format() + ", " + length + " bytes]";
    }
}
