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

    /** Moves to the next record; false when there is none. */
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

    /** Whether the cursor is on a record of a flow sample (else of a counter sample). */
    public boolean isFlowRecord() {
        return flow;
    }

    /** The record's data format word. */
    public int dataFormat() {
        check();
        return dataFormat;
    }

    /** The record's enterprise. */
    public long enterprise() {
        return Sflow.enterprise(dataFormat());
    }

    /** The record's format. */
    public int format() {
        return Sflow.format(dataFormat());
    }

    /** Whether the record is enterprise 0 with this format. */
    public boolean isStandard(int format) {
        return dataFormat() == format;
    }

    /** The buffer holding the record. */
    public ByteBuffer buffer() {
        return sample.buffer();
    }

    /** Where the record's data starts in {@link #buffer()} (absolute index). */
    public int offset() {
        check();
        return offset;
    }

    /** The record data's length in bytes (without padding). */
    public int length() {
        check();
        return length;
    }

    /** The unsigned 32-bit value at {@code position} within the record data. */
    public long u32(int position) {
        bounds(position, 4);
        return sample.buffer().getInt(offset + position) & 0xFFFF_FFFFL;
    }

    /** The 64-bit value at {@code position} within the record data. */
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
     * @throws IllegalStateException if the record is not a raw packet header record
     */
    public SampledHeaderView sampledHeader() {
        if (!flow || dataFormat() != Sflow.FLOW_RAW_HEADER) {
            throw new IllegalStateException("record " + enterprise() + ":" + format() + " is not a raw packet header");
        }
        if (header == null) {
            header = new SampledHeaderView();
        }
        return sample.decoder().parseRawHeader(sample.buffer(), offset, length, sample.base(), header);
    }

    /** The header protocol of a raw packet header record. */
    public int headerProtocol() {
        return (int) u32(0);
    }

    /** The frame length of a raw packet header record. */
    public long frameLength() {
        return u32(4);
    }

    /** The record as a typed flow record (allocates). */
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

    /** The record as a typed counter record (allocates). */
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
