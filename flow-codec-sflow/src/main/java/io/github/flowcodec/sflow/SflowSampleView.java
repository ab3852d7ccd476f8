package io.github.flowcodec.sflow;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.sflow.internal.ArrayReader;
import io.github.flowcodec.sflow.internal.Bytes;
import io.github.flowcodec.sflow.internal.ContentException;
import io.github.flowcodec.sflow.internal.DatagramLayout;
import io.github.flowcodec.sflow.internal.TypedCodec;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample of the datagram being decoded, read in place: the flyweight of the zero-copy path, and the
 * {@link SflowSampleContext} handed with each flow record. Its record cursor ({@link #records()}) walks the
 * sample's records without allocating. Reused by its decoder and valid only during the callback;
 * {@link #toSample()}, {@link #toInfo()} and {@link #toFlowRecord()} copy.
 *
 * <p>The decoder has checked the sample's structure (its header and every record's length fit) before it
 * hands the view over; record contents are checked when read ({@link SflowRecordView#toFlowData()} ...).
 *
 * <pre>{@code
 * decoder.decode(datagram, exporter, new SflowSampleHandler() {
 *     public void onFlowSample(SflowSampleView s) {
 *         long rate = s.samplingRate();
 *         SflowRecordView r = s.records();
 *         while (r.next()) {
 *             if (r.isStandard(Sflow.FLOW_EXTENDED_SWITCH)) vlan = r.u32(0);
 *         }
 *     }
 * });
 * }</pre>
 */
public final class SflowSampleView implements SflowSampleContext {

    private final SflowDecoder decoder;
    private final SflowRecordView cursor;
    /** The cursor of {@link #toSample()}, apart from {@link #records()}'s so that a handler's cursor stays where it is. */
    private SflowRecordView typedCursor;
    /** {@link #toSample()}'s straight reads of the common records. */
    private ArrayReader reader;

    // datagram
    private ByteBuffer buffer;
    /** The datagram's bytes (the heap buffer's array or a copy of the direct buffer's) and buffer index to array index. */
    private byte[] array;
    private int shift;
    private int base;
    private InetSocketAddress exporter = UNKNOWN_EXPORTER;
    private int agentType;
    private int agentIndex;
    private InetAddress agentCache;
    /** The agent address of an earlier datagram and its bytes (never handed out), reused while agents repeat. */
    private InetAddress lastAgent;
    private byte[] lastAgentBytes;
    private long subAgentId;
    private long datagramSequence;
    private long uptime;
    private long exportTime = NO_TIME;

    // sample
    private int dataFormat;
    private int dataOffset;
    private int dataLength;
    private boolean standard;
    private int format;
    private long sampleSequence;
    private int sourceIdType;
    private long sourceIdIndex;
    private long samplingRate;
    private long samplePool;
    private long drops;
    private int inputFormat;
    private long inputValue;
    private int outputFormat;
    private long outputValue;
    private int recordsOffset;
    private int recordCount;

    SflowSampleView(SflowDecoder decoder) {
        this.decoder = decoder;
        this.cursor = new SflowRecordView(this);
    }

    void datagram(ByteBuffer buffer, byte[] array, int shift, int base, InetSocketAddress exporter, int agentType, int agentIndex,
            long subAgentId, long sequence, long uptime, long exportTime) {
        this.buffer = buffer;
        this.array = array;
        this.shift = shift;
        this.base = base;
        decoder.mapper.forgetHeader();
        this.exporter = exporter;
        this.agentType = agentType;
        this.agentIndex = agentIndex;
        this.agentCache = null;
        this.subAgentId = subAgentId;
        this.datagramSequence = sequence;
        this.uptime = uptime;
        this.exportTime = exportTime;
    }

    void other(int dataFormat, int offset, int length) {
        this.dataFormat = dataFormat;
        this.dataOffset = offset;
        this.dataLength = length;
        this.standard = false;
        this.format = 0;
        clearSampleHeader();
    }

    private void clearSampleHeader() {
        sampleSequence = 0;
        sourceIdType = 0;
        sourceIdIndex = 0;
        samplingRate = 0;
        samplePool = 0;
        drops = 0;
        inputFormat = 0;
        inputValue = 0;
        outputFormat = 0;
        outputValue = 0;
        recordCount = 0;
    }

    /** Reads the standard sample header of format 1 to 4; the caller has checked the length. */
    void standard(int format, int offset, int length) {
        this.dataFormat = format;
        this.dataOffset = offset;
        this.dataLength = length;
        this.standard = true;
        this.format = format;
        if (format == Sflow.SAMPLE_COUNTER || format == Sflow.SAMPLE_EXPANDED_COUNTER) {
            clearSampleHeader();   // a flow sample's header sets every field below (the record count: records())
        }
        byte[] b = array;
        int p = shift + offset;
        sampleSequence = Bytes.u32(b, p + DatagramLayout.SAMPLE_SEQUENCE);
        switch (format) {
            case Sflow.SAMPLE_FLOW: {
                int src = Bytes.i32(b, p + DatagramLayout.SAMPLE_SOURCE_ID);
                sourceIdType = src >>> 24;
                sourceIdIndex = src & 0xFF_FFFF;
                samplingRate = Bytes.u32(b, p + DatagramLayout.FLOW_SAMPLING_RATE);
                samplePool = Bytes.u32(b, p + DatagramLayout.FLOW_SAMPLE_POOL);
                drops = Bytes.u32(b, p + DatagramLayout.FLOW_DROPS);
                int in = Bytes.i32(b, p + DatagramLayout.FLOW_INPUT);
                int out = Bytes.i32(b, p + DatagramLayout.FLOW_OUTPUT);
                inputFormat = in >>> 30;
                inputValue = in & 0x3FFF_FFFF;
                outputFormat = out >>> 30;
                outputValue = out & 0x3FFF_FFFF;
                break;
            }
            case Sflow.SAMPLE_EXPANDED_FLOW: {
                sourceIdType = Bytes.i32(b, p + DatagramLayout.SAMPLE_SOURCE_ID);
                sourceIdIndex = Bytes.u32(b, p + DatagramLayout.EXPANDED_SOURCE_INDEX);
                samplingRate = Bytes.u32(b, p + DatagramLayout.EXPANDED_FLOW_SAMPLING_RATE);
                samplePool = Bytes.u32(b, p + DatagramLayout.EXPANDED_FLOW_SAMPLE_POOL);
                drops = Bytes.u32(b, p + DatagramLayout.EXPANDED_FLOW_DROPS);
                inputFormat = Bytes.i32(b, p + DatagramLayout.EXPANDED_FLOW_INPUT_FORMAT);
                inputValue = Bytes.u32(b, p + DatagramLayout.EXPANDED_FLOW_INPUT);
                outputFormat = Bytes.i32(b, p + DatagramLayout.EXPANDED_FLOW_OUTPUT_FORMAT);
                outputValue = Bytes.u32(b, p + DatagramLayout.EXPANDED_FLOW_OUTPUT);
                break;
            }
            case Sflow.SAMPLE_COUNTER: {
                int src = Bytes.i32(b, p + DatagramLayout.SAMPLE_SOURCE_ID);
                sourceIdType = src >>> 24;
                sourceIdIndex = src & 0xFF_FFFF;
                break;
            }
            default: // expanded counter
                sourceIdType = Bytes.i32(b, p + DatagramLayout.SAMPLE_SOURCE_ID);
                sourceIdIndex = Bytes.u32(b, p + DatagramLayout.EXPANDED_SOURCE_INDEX);
                break;
        }
    }

    void records(int offset, int count) {
        this.recordsOffset = offset;
        this.recordCount = count;
    }

    /**
     * The parsed sampled header of this flow sample's first raw packet header record (0:1), or null when it has
     * none. In a {@link io.github.flowcodec.core.FlowRecordHandler} it is the header the decoder read for the
     * flow record, parsed once (the common Ethernet / 802.1Q / IPv4 header, which the decoder maps from its bytes,
     * when first asked for); elsewhere it is parsed now, through {@link #records()}, which it moves.
     *
     * <pre>{@code
     * SampledHeaderView h = sample.sampledHeader();
     * int labels = h == null ? 0 : h.mplsLabelCount();
     * }</pre>
     *
     * @return the reused view on the sampled header, valid while the sample is; null when the sample has no raw
     *         packet header record
     */
    public SampledHeaderView sampledHeader() {
        if (decoder.mapper.mapped(array, dataOffset())) {
            return decoder.mapper.mappedHeader(); // parsed for the flow record, or none in the sample
        }
        SflowRecordView r = records();
        while (r.next()) {
            if (r.isFlowRecord() && r.isStandard(Sflow.FLOW_RAW_HEADER)) {
                return r.sampledHeader();
            }
        }
        return null;
    }

    SflowDecoder decoder() {
        return decoder;
    }

    int recordsOffset() {
        return recordsOffset;
    }

    int base() {
        return base;
    }

    byte[] array() {
        return array;
    }

    int shift() {
        return shift;
    }

    /**
     * The buffer the datagram is in.
     *
     * @return the buffer given to the decoder
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * The sample's data format word (enterprise and format).
     *
     * @return the 32-bit data_format: enterprise in the top 20 bits, format in the low 12
     */
    public int dataFormat() {
        return dataFormat;
    }

    /**
     * The sample's enterprise.
     *
     * @return the enterprise, 0 to 1048575 (0 for sFlow.org's samples)
     */
    public long enterprise() {
        return Sflow.enterprise(dataFormat);
    }

    /**
     * The sample's format.
     *
     * @return the format, 0 to 4095 (1 flow, 2 counter, 3 expanded flow, 4 expanded counter, 5 discarded packet)
     */
    public int format() {
        return Sflow.format(dataFormat);
    }

    /**
     * Whether this is a standard sample (0:1 to 0:4) whose structure checked out.
     *
     * @return true for a standard flow or counter sample
     */
    public boolean isStandard() {
        return standard;
    }

    /**
     * Where the sample's data (after its format and length) starts in {@link #buffer()} (absolute index).
     *
     * @return the offset of the sample data's first byte
     */
    public int dataOffset() {
        return dataOffset;
    }

    /**
     * The sample data's length in bytes (without padding).
     *
     * @return the length in bytes
     */
    public int dataLength() {
        return dataLength;
    }

    /**
     * How many records the sample holds (0 for other samples).
     *
     * @return the number of flow or counter records
     */
    public int recordCount() {
        return recordCount;
    }

    /**
     * The record cursor, reset before the first record: {@code while (r.next()) ...}. Reused.
     *
     * @return the reused record cursor
     */
    public SflowRecordView records() {
        cursor.reset(recordsOffset, standard ? recordCount : 0, isFlowSample());
        return cursor;
    }

    /**
     * An immutable copy of this sample (allocates; strict decoders throw on a record whose content does not parse).
     * A discarded packet event (0:5) comes back as a {@link DiscardedPacket}, or, in lenient mode when its
     * content does not parse, as an {@link UnknownSample} (the problem reported); other samples of other
     * formats as {@link UnknownSample}s.
     *
     * @return the sample, typed
     */
    public SflowSample toSample() {
        if (!standard) {
            if (dataFormat == Sflow.SAMPLE_DISCARDED_PACKET) {
                try {
                    return TypedCodec.readDiscarded(buffer, dataOffset, dataLength, decoder.extensions());
                } catch (ContentException e) {
                    decoder.contentProblem(e, base);
                }
            }
            return new UnknownSample(enterprise(), format(), TypedCodec.bytes(buffer, dataOffset, dataLength));
        }
        SflowRecordView r = typedCursor;
        if (r == null) {
            r = new SflowRecordView(this);
            typedCursor = r;
        }
        r.reset(recordsOffset, recordCount, isFlowSample());
        if (reader == null) {
            reader = new ArrayReader();
        }
        if (isFlowSample()) {
            return new FlowSample(format == Sflow.SAMPLE_EXPANDED_FLOW, sampleSequence, sourceIdType, sourceIdIndex,
                    samplingRate, samplePool, drops, inputFormat, inputValue, outputFormat, outputValue, records(r, true));
        }
        return new CounterSample(format == Sflow.SAMPLE_EXPANDED_COUNTER, sampleSequence, sourceIdType, sourceIdIndex,
                records(r, false));
    }

    /**
     * The sample's records, typed ({@link FlowData} for a flow sample, {@link CounterData} for a counter sample): up
     * to two in one immutable list object, which the sample keeps as it is, more in an array list.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> records(SflowRecordView r, boolean flow) {
        if (recordCount <= 2) {
            Object first = r.next() ? record(r, flow) : null;
            return (List<T>) (first == null ? List.of() : r.next() ? List.of(first, record(r, flow)) : List.of(first));
        }
        List<Object> list = new ArrayList<>(recordCount);
        while (r.next()) {
            list.add(record(r, flow));
        }
        return (List<T>) list;
    }

    private Object record(SflowRecordView r, boolean flow) {
        return flow ? flowData(r) : counterData(r);
    }

    /** The cursor's flow record, typed: the common ones read straight, unless an extension replaces their codec. */
    private FlowData flowData(SflowRecordView r) {
        int f = r.dataFormat();
        FlowData d = decoder.extensions().flowRecord(f) == null ? reader.flow(array, shift + r.offset(), f, r.length()) : null;
        return d != null ? d : r.toFlowData();
    }

    private CounterData counterData(SflowRecordView r) {
        int f = r.dataFormat();
        CounterData d = decoder.extensions().counterRecord(f) == null ? reader.counter(array, shift + r.offset(), f, r.length()) : null;
        return d != null ? d : r.toCounterData();
    }

    /**
     * An immutable copy of this context.
     *
     * @return the context, copied
     */
    public SflowSampleInfo toInfo() {
        return new SflowSampleInfo(exporter, agentAddress(), subAgentId, datagramSequence, uptime, exportTime, format,
                sampleSequence, sourceIdType, sourceIdIndex, samplingRate, samplePool, drops, inputFormat, inputValue,
                outputFormat, outputValue);
    }

    /**
     * This flow sample as a {@link FlowRecord} of IANA elements (see {@link SflowDecoder} for the mapping),
     * or null for a counter or other sample. Allocates.
     *
     * @return the record, or null
     */
    public FlowRecord toFlowRecord() {
        if (!standard || !isFlowSample()) {
            return null;
        }
        return decoder.mapSample(this).toRecord();
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.SFLOW_V5;
    }

    @Override
    public InetSocketAddress exporter() {
        return exporter;
    }

    @Override
    public long sequenceNumber() {
        return datagramSequence;
    }

    @Override
    public long exportTimeMillis() {
        return exportTime;
    }

    @Override
    public long systemUptimeMillis() {
        return uptime;
    }

    @Override
    public long observationDomainId() {
        return subAgentId;
    }

    @Override
    public long samplingRate() {
        return samplingRate;
    }

    @Override
    public InetAddress agentAddress() {
        if (agentCache == null && agentType != Sflow.ADDRESS_UNKNOWN) {
            int n = agentType == Sflow.ADDRESS_IPV4 ? 4 : 16;
            int at = shift + agentIndex;
            if (lastAgent != null && lastAgentBytes.length == n && java.util.Arrays.equals(array, at, at + n, lastAgentBytes, 0, n)) {
                agentCache = lastAgent;   // the previous datagram's agent: its address is immutable
                return agentCache;
            }
            byte[] b = java.util.Arrays.copyOfRange(array, at, at + n);
            try {
                agentCache = n == 4 ? (Inet4Address) InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("unreachable: address of fixed length", e);
            }
            lastAgent = agentCache;
            lastAgentBytes = b;
        }
        return agentCache;
    }

    @Override
    public int agentAddressType() {
        return agentType;
    }

    /**
     * The agent's IPv4 address as an int, without allocating (0 unless the type is IPv4).
     *
     * @return the address, first octet in the high byte, or 0
     */
    public int agentIpv4() {
        return agentType == Sflow.ADDRESS_IPV4 ? buffer.getInt(agentIndex) : 0;
    }

    /**
     * Copies the agent address bytes (4 or 16, none when unknown) into {@code dst}; returns how many.
     *
     * @param dst the array copied into
     * @param offset where in {@code dst} the first byte goes
     * @return 4, 16 or 0
     */
    public int copyAgentAddress(byte[] dst, int offset) {
        int n = agentType == Sflow.ADDRESS_IPV4 ? 4 : agentType == Sflow.ADDRESS_IPV6 ? 16 : 0;
        buffer.get(agentIndex, dst, offset, n);
        return n;
    }

    @Override
    public long subAgentId() {
        return subAgentId;
    }

    @Override
    public int sampleFormat() {
        return format;
    }

    @Override
    public long sampleSequenceNumber() {
        return sampleSequence;
    }

    @Override
    public int sourceIdType() {
        return sourceIdType;
    }

    @Override
    public long sourceIdIndex() {
        return sourceIdIndex;
    }

    @Override
    public long samplePool() {
        return samplePool;
    }

    @Override
    public long drops() {
        return drops;
    }

    @Override
    public int inputInterfaceFormat() {
        return inputFormat;
    }

    @Override
    public long inputInterface() {
        return inputValue;
    }

    @Override
    public int outputInterfaceFormat() {
        return outputFormat;
    }

    @Override
    public long outputInterface() {
        return outputValue;
    }

    @Override
    public String toString() {
        return buffer == null ? "SflowSampleView[unwrapped]" : "SflowSampleView[" + enterprise() + ":" + format() + ", "
                + dataLength + " bytes, " + (standard ? toInfo().toString() : "other") + "]";
    }
}
