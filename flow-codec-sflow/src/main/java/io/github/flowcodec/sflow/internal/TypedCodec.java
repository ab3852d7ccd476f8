package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.DiscardedPacket;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowDatagram;
import io.github.flowcodec.sflow.SflowExtension;
import io.github.flowcodec.sflow.SflowExtensions;
import io.github.flowcodec.sflow.SflowSample;
import io.github.flowcodec.sflow.UnknownSample;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records into the typed model and writes the typed model (records, samples, datagrams) with XDR
 * padding. A standard record is read, written and measured by its {@link RecordType} ({@link RecordTypes}); a
 * registered enterprise format by its {@link SflowExtension}; anything else is kept as its bytes. Reading throws
 * {@link ContentException}; the decoder decides what that means (strict or lenient).
 *
 * <pre>{@code
 * ByteBuffer out = ByteBuffer.allocate(TypedCodec.sampleRecordLength(sample, SflowExtensions.none()));
 * TypedCodec.writeSample(out, sample, SflowExtensions.none());
 * }</pre>
 */
public final class TypedCodec {

    private TypedCodec() {
    }

    // ------------------------------------------------------------------ reading

    /** The typed flow record of {@code len} bytes at {@code off}; unknown formats come back as {@link FlowData.Unknown}. */
    public static FlowData readFlow(ByteBuffer b, int dataFormat, int off, int len, SflowExtensions ext) {
        return readFlow(b, dataFormat, off, len, ext, 0);
    }

    /** {@link #readFlow(ByteBuffer, int, int, int, SflowExtensions)} inside {@code depth} 0:1016 aggregations. */
    private static FlowData readFlow(ByteBuffer b, int dataFormat, int off, int len, SflowExtensions ext, int depth) {
        SflowExtension<?> x = ext.flowRecord(dataFormat);
        if (x != null) {
            return new FlowData.Extension(Sflow.enterprise(dataFormat), Sflow.format(dataFormat), readExtension(x, b, off, len));
        }
        RecordType<?> t = RecordTypes.flow(dataFormat);
        if (t == null) {
            return new FlowData.Unknown(Sflow.enterprise(dataFormat), Sflow.format(dataFormat), bytes(b, off, len));
        }
        return (FlowData) t.read(b, dataFormat, off, len, ext, depth);
    }

    /** The typed counter record of {@code len} bytes at {@code off}; unknown formats come back as {@link CounterData.Unknown}. */
    public static CounterData readCounter(ByteBuffer b, int dataFormat, int off, int len, SflowExtensions ext) {
        SflowExtension<?> x = ext.counterRecord(dataFormat);
        if (x != null) {
            return new CounterData.Extension(Sflow.enterprise(dataFormat), Sflow.format(dataFormat), readExtension(x, b, off, len));
        }
        RecordType<?> t = RecordTypes.counter(dataFormat);
        if (t == null) {
            return new CounterData.Unknown(Sflow.enterprise(dataFormat), Sflow.format(dataFormat), bytes(b, off, len));
        }
        return (CounterData) t.read(b, dataFormat, off, len, ext, 0);
    }

    /**
     * A counted list of flow records (format, length, data, padding) as in a flow sample, a discarded packet or
     * an aggregation PDU, inside {@code depth} aggregations. The count is checked against the bytes left (8 at
     * least per record) before anything is allocated, and each record's length against the bytes left.
     */
    static List<FlowData> readFlowList(XdrIn in, SflowExtensions ext, int depth) {
        int n = in.count(8, "flow record");
        List<FlowData> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int format = (int) in.u32();
            int at = in.position();
            long len = in.u32();
            long padded = (len + 3) & ~3L;
            if (padded > in.remaining()) {
                throw new ContentException(at, "flow record " + i + " announces " + len + " bytes but " + in.remaining()
                        + " remain");
            }
            out.add(readFlow(in.buffer(), format, in.position(), (int) len, ext, depth));
            in.skip((int) padded, "a flow record");
        }
        return out;
    }

    /** The discarded packet event (sample 0:5) whose data is {@code len} bytes at {@code off}. */
    public static DiscardedPacket readDiscarded(ByteBuffer b, int off, int len, SflowExtensions ext) {
        XdrIn in = new XdrIn(b, off, off + len);
        long sequence = in.u32();
        long type = in.u32();
        long index = in.u32();
        long drops = in.u32();
        long input = in.u32();
        long output = in.u32();
        long reason = in.u32();
        List<FlowData> records = readFlowList(in, ext, 0);
        in.done("discarded packet sample");
        return new DiscardedPacket(sequence, type, index, drops, input, output, reason, records);
    }

    private static Object readExtension(SflowExtension<?> x, ByteBuffer b, int off, int len) {
        ByteBuffer data = b.duplicate().limit(off + len).position(off).slice().asReadOnlyBuffer();
        Object v;
        try {
            v = x.decode(data);
        } catch (RuntimeException e) {
            throw new ContentException(off, x + " failed: " + e.getMessage());
        }
        if (v == null) {
            throw new ContentException(off, x + " decoded nothing");
        }
        int n = extensionLength(x, v);
        if (n != len) {
            throw new ContentException(off, x + " would re-encode " + n + " bytes of a " + len + "-byte record");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static <T> int extensionLength(SflowExtension<T> x, Object v) {
        return x.encodedLength((T) x.type().cast(v));
    }

    /** A copy of {@code len} bytes at {@code off}. */
    public static byte[] bytes(ByteBuffer b, int off, int len) {
        byte[] out = new byte[len];
        b.get(off, out, 0, len);
        return out;
    }

    // ------------------------------------------------------------------ lengths

    /** The encoded data length (without format, length and padding) of a flow record. */
    public static int flowLength(FlowData d, SflowExtensions ext) {
        if (d instanceof FlowData.RawPacketHeader h) {
            return FlowRecordTypes.rawHeaderLength(h);
        } else if (d instanceof FlowData.ExtendedSwitch) {
            return FlowRecordTypes.SWITCH_LENGTH;
        }
        RecordType<?> t = RecordTypes.of(d.getClass());
        if (t != null) {
            return t.length(d, ext);
        } else if (d instanceof FlowData.Extension e) {
            return extensionLength(extension(ext.flowRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        }
        return ((FlowData.Unknown) d).length();
    }

    /** The encoded data length of a counter record. */
    public static int counterLength(CounterData d, SflowExtensions ext) {
        int n = ArrayWriter.counterLength(d);
        if (n >= 0) {
            return n;
        }
        RecordType<?> t = RecordTypes.of(d.getClass());
        if (t != null) {
            return t.length(d, ext);
        } else if (d instanceof CounterData.Extension e) {
            return extensionLength(extension(ext.counterRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        }
        return ((CounterData.Unknown) d).length();
    }

    private static SflowExtension<?> extension(SflowExtension<?> x, long enterprise, int format, Object value) {
        if (x == null) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, EncodingException.NO_OFFSET, "no extension registered for "
                    + enterprise + ":" + format + " to encode " + value.getClass().getName());
        }
        if (!x.type().isInstance(value)) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, EncodingException.NO_OFFSET, x + " cannot encode a "
                    + value.getClass().getName());
        }
        return x;
    }

    /** The encoded length of a counted list of flow records (count, then format, length, data and padding each). */
    static int flowListLength(List<FlowData> records, SflowExtensions ext) {
        int n = 4;
        for (FlowData d : records) {
            n += DatagramLayout.ENTRY_DATA + pad(flowLength(d, ext));
        }
        return n;
    }

    /** The encoded length of a sample's data. */
    public static int sampleLength(SflowSample s, SflowExtensions ext) {
        if (s instanceof FlowSample f) {
            int n = (f.expanded() ? DatagramLayout.EXPANDED_FLOW_HEADER : DatagramLayout.FLOW_HEADER) + 4;
            for (FlowData d : f.records()) {
                n += DatagramLayout.ENTRY_DATA + pad(flowLength(d, ext));
            }
            return n;
        } else if (s instanceof DiscardedPacket p) {
            return DatagramLayout.DISCARDED_HEADER + flowListLength(p.records(), ext);
        } else if (s instanceof CounterSample c) {
            int n = (c.expanded() ? DatagramLayout.EXPANDED_COUNTER_HEADER : DatagramLayout.COUNTER_HEADER) + 4;
            for (CounterData d : c.records()) {
                n += DatagramLayout.ENTRY_DATA + pad(counterLength(d, ext));
            }
            return n;
        }
        return ((UnknownSample) s).length();
    }

    /** The encoded length of a whole sample: format, length, data and padding. */
    public static int sampleRecordLength(SflowSample s, SflowExtensions ext) {
        return DatagramLayout.ENTRY_DATA + pad(sampleLength(s, ext));
    }

    /** The length of a datagram header with this agent address. */
    public static int headerLength(java.net.InetAddress agent) {
        return DatagramLayout.AGENT_ADDRESS_TYPE + XdrOut.addressLength(agent) + DatagramLayout.AFTER_ADDRESS_LENGTH;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    // ------------------------------------------------------------------ writing

    /** Writes a datagram header. */
    public static void writeHeader(ByteBuffer out, java.net.InetAddress agent, long subAgent, long sequence, long uptime, int samples) {
        writeHeader(out, agent == null ? null : agent.getAddress(), subAgent, sequence, uptime, samples);
    }

    /** Writes a datagram header with the agent address as its 4 or 16 bytes (null for address type 0). */
    public static void writeHeader(ByteBuffer out, byte[] agent, long subAgent, long sequence, long uptime, int samples) {
        out.putInt(Sflow.VERSION);
        if (agent == null) {
            out.putInt(Sflow.ADDRESS_UNKNOWN);
        } else {
            out.putInt(agent.length == 4 ? Sflow.ADDRESS_IPV4 : Sflow.ADDRESS_IPV6).put(agent);
        }
        XdrOut.u32(out, subAgent, "sub-agent id");
        XdrOut.u32(out, sequence, "sequence number");
        XdrOut.u32(out, uptime, "uptime");
        out.putInt(samples);
    }

    /** Writes a whole datagram. */
    public static void writeDatagram(ByteBuffer out, SflowDatagram d, SflowExtensions ext) {
        writeHeader(out, d.agentAddress(), d.subAgentId(), d.sequenceNumber(), d.uptimeMillis(), d.samples().size());
        for (SflowSample s : d.samples()) {
            writeSample(out, s, ext);
        }
    }

    /**
     * Writes one sample: format, length, data, padding. The length is written after the data, where the data
     * ends (a sample's data is measured once, by writing it).
     */
    public static void writeSample(ByteBuffer out, SflowSample s, SflowExtensions ext) {
        if (ArrayWriter.sample(out, s, out.remaining()) <= 0) {
            writeSampleGenerally(out, s, ext);
        }
    }

    /**
     * {@link #writeSample} through the buffer's accessors, for a sample {@link ArrayWriter} has already declined
     * (not tried again).
     */
    public static void writeSampleGenerally(ByteBuffer out, SflowSample s, SflowExtensions ext) {
        out.putInt(Sflow.dataFormat(s.enterprise(), s.format()));
        int lengthAt = out.position();
        out.putInt(0);
        if (s instanceof UnknownSample u) {
            out.putInt(lengthAt, u.length());
            u.writeData(out);
            for (int i = u.length(); (i & 3) != 0; i++) {
                out.put((byte) 0);
            }
            return;
        }
        writeStandardSample(out, s, ext);
        out.putInt(lengthAt, out.position() - lengthAt - 4);
    }

    /** Writes the data of a flow, counter or discarded packet sample (always a multiple of 4 bytes: no padding). */
    private static void writeStandardSample(ByteBuffer out, SflowSample s, SflowExtensions ext) {
        if (s instanceof FlowSample f) {
            out.putInt((int) f.sequenceNumber());
            if (f.expanded()) {
                out.putInt(f.sourceIdType());
                out.putInt((int) f.sourceIdIndex());
            } else {
                out.putInt(f.sourceIdType() << 24 | (int) f.sourceIdIndex());
            }
            out.putInt((int) f.samplingRate());
            out.putInt((int) f.samplePool());
            out.putInt((int) f.drops());
            if (f.expanded()) {
                out.putInt(f.inputFormat());
                out.putInt((int) f.inputInterface());
                out.putInt(f.outputFormat());
                out.putInt((int) f.outputInterface());
            } else {
                out.putInt(f.inputFormat() << 30 | (int) f.inputInterface());
                out.putInt(f.outputFormat() << 30 | (int) f.outputInterface());
            }
            writeFlowList(out, f.records(), ext);
        } else if (s instanceof DiscardedPacket p) {
            XdrOut.u32(out, p.sequenceNumber(), "sequence number");
            out.putInt((int) p.sourceIdType()).putInt((int) p.sourceIdIndex()).putInt((int) p.drops())
                    .putInt((int) p.inputInterface()).putInt((int) p.outputInterface()).putInt((int) p.reason());
            writeFlowList(out, p.records(), ext);
        } else if (s instanceof CounterSample c) {
            out.putInt((int) c.sequenceNumber());
            if (c.expanded()) {
                out.putInt(c.sourceIdType());
                out.putInt((int) c.sourceIdIndex());
            } else {
                out.putInt(c.sourceIdType() << 24 | (int) c.sourceIdIndex());
            }
            out.putInt(c.records().size());
            for (CounterData d : c.records()) {
                writeCounterRecord(out, d, ext);
            }
        }
    }

    /** Writes a counted list of flow records: count, then format, length, data and padding each. */
    static void writeFlowList(ByteBuffer out, List<FlowData> records, SflowExtensions ext) {
        out.putInt(records.size());
        for (FlowData d : records) {
            writeFlowRecord(out, d, ext);
        }
    }

    /**
     * Writes one flow record: format, length, data and padding. The sampled header and the extended switch, the
     * most common records, are written straight; a standard record's structure is looked up once.
     */
    private static void writeFlowRecord(ByteBuffer out, FlowData d, SflowExtensions ext) {
        int len;
        int start;
        if (d instanceof FlowData.RawPacketHeader h) {
            len = FlowRecordTypes.rawHeaderLength(h);
            out.putInt(Sflow.FLOW_RAW_HEADER).putInt(len);
            start = out.position();
            FlowRecordTypes.writeRawHeader(out, h);
        } else if (d instanceof FlowData.ExtendedSwitch sw) {
            len = FlowRecordTypes.SWITCH_LENGTH;
            out.putInt(Sflow.FLOW_EXTENDED_SWITCH).putInt(len);
            start = out.position();
            FlowRecordTypes.writeSwitch(out, sw);
        } else {
            RecordType<?> t = RecordTypes.of(d.getClass());
            len = t != null ? t.length(d, ext) : flowLength(d, ext);
            out.putInt(t != null ? t.formatOf(d) : Sflow.dataFormat(d.enterprise(), d.format())).putInt(len);
            start = out.position();
            if (t != null) {
                t.write(out, d, ext);
            } else {
                writeFlow(out, d, ext);
            }
        }
        padTo(out, start, len);
    }

    /** Writes one counter record: format, length, data and padding, its structure looked up once. */
    private static void writeCounterRecord(ByteBuffer out, CounterData d, SflowExtensions ext) {
        RecordType<?> t = RecordTypes.of(d.getClass());
        int len = t != null ? t.length(d, ext) : counterLength(d, ext);
        out.putInt(t != null ? t.format() : Sflow.dataFormat(d.enterprise(), d.format())).putInt(len);
        int start = out.position();
        if (t != null) {
            t.write(out, d, ext);
        } else {
            writeCounter(out, d, ext);
        }
        padTo(out, start, len);
    }

    private static void padTo(ByteBuffer out, int start, int len) {
        if (out.position() - start != len) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, start, "a record announced " + len + " bytes but wrote "
                    + (out.position() - start));
        }
        for (int i = len; (i & 3) != 0; i++) {
            out.put((byte) 0);
        }
    }

    /** Writes a flow record's data (without padding). */
    public static void writeFlow(ByteBuffer out, FlowData d, SflowExtensions ext) {
        if (d instanceof FlowData.RawPacketHeader h) {
            FlowRecordTypes.writeRawHeader(out, h);
            return;
        } else if (d instanceof FlowData.ExtendedSwitch sw) {
            FlowRecordTypes.writeSwitch(out, sw);
            return;
        }
        RecordType<?> t = RecordTypes.of(d.getClass());
        if (t != null) {
            t.write(out, d, ext);
        } else if (d instanceof FlowData.Extension e) {
            writeExtension(out, extension(ext.flowRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        } else {
            ((FlowData.Unknown) d).writeData(out);
        }
    }

    /** Writes a counter record's data (without padding). */
    public static void writeCounter(ByteBuffer out, CounterData d, SflowExtensions ext) {
        RecordType<?> t = RecordTypes.of(d.getClass());
        if (t != null) {
            t.write(out, d, ext);
        } else if (d instanceof CounterData.Extension e) {
            writeExtension(out, extension(ext.counterRecord(Sflow.dataFormat(e.enterprise(), e.format())), e.enterprise(),
                    e.format(), e.value()), e.value());
        } else {
            ((CounterData.Unknown) d).writeData(out);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void writeExtension(ByteBuffer out, SflowExtension<T> x, Object value) {
        x.encode((T) x.type().cast(value), out);
    }
}
