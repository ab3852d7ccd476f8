package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowSample;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The encoder's straight way for the samples a switch sends most: a flow sample of sampled headers and extended
 * switch records, a counter sample of generic interface and Ethernet counters, written into a big-endian heap buffer's array
 * through byte-array views (one bounds check a value, no buffer position updates), the record writers chosen by a
 * type test, not looked up. Anything else (other records, a direct buffer, a value out of range, too little room)
 * is left to {@link TypedCodec}'s general way, which writes the same bytes or throws the precise error.
 *
 * <pre>{@code
 * int n = ArrayWriter.sample(out, sample, room);   // written, 0: does not fit in room, NOT_MINE: the general way
 * }</pre>
 */
public final class ArrayWriter {

    /** What {@link #sample} says of a sample it does not write: the general way must. */
    public static final int NOT_MINE = -1;

    private static final int GENERIC_LENGTH = 88;
    private static final int ETHERNET_LENGTH = 52;

    private ArrayWriter() {
    }

    /** The data length of a record this class writes, or -1. */
    static int flowLength(FlowData d) {
        if (d instanceof FlowData.RawPacketHeader h) {
            return FlowRecordTypes.rawHeaderLength(h);
        }
        return d instanceof FlowData.ExtendedSwitch ? FlowRecordTypes.SWITCH_LENGTH : -1;
    }

    /** The data length of a counter record this class writes, or -1. */
    static int counterLength(CounterData d) {
        return d instanceof CounterData.GenericInterface ? GENERIC_LENGTH : d instanceof CounterData.Ethernet ? ETHERNET_LENGTH : -1;
    }

    /**
     * Writes one whole sample (format, length, data) at the buffer's position and advances it, if it takes at most
     * {@code room} bytes (at most the buffer's remaining bytes).
     *
     * @return the bytes written; 0 when the sample takes more than {@code room}; {@link #NOT_MINE}, having written
     *     nothing, when the general way must write it
     */
    public static int sample(ByteBuffer out, SflowSample s, int room) {
        if (!out.hasArray() || out.order() != java.nio.ByteOrder.BIG_ENDIAN) {
            return NOT_MINE;
        }
        if (s instanceof FlowSample f) {
            return flow(out, f, Math.min(room, out.remaining()));
        }
        return s instanceof CounterSample c ? counter(out, c, Math.min(room, out.remaining())) : NOT_MINE;
    }

    private static int flow(ByteBuffer out, FlowSample f, int room) {
        List<FlowData> records = f.records();
        int n = records.size();
        int len = (f.expanded() ? DatagramLayout.EXPANDED_FLOW_HEADER : DatagramLayout.FLOW_HEADER) + 4;
        for (int i = 0; i < n; i++) {
            FlowData d = records.get(i);
            int l = flowLength(d);
            if (l < 0) {
                return NOT_MINE;
            }
            len += DatagramLayout.ENTRY_DATA + l;
            if (d instanceof FlowData.RawPacketHeader h) {
                if (((h.headerProtocol() | h.frameLength() | h.stripped()) >>> 32) != 0) {
                    return NOT_MINE;
                }
            } else {
                FlowData.ExtendedSwitch sw = (FlowData.ExtendedSwitch) d;
                if (((sw.sourceVlan() | sw.sourcePriority() | sw.destinationVlan() | sw.destinationPriority()) >>> 32) != 0) {
                    return NOT_MINE;
                }
            }
        }
        if (room < DatagramLayout.ENTRY_DATA + len) {
            return 0;
        }
        byte[] a = out.array();
        int start = out.position();
        int p = out.arrayOffset() + start;
        Bytes.put32(a, p, Sflow.dataFormat(f.enterprise(), f.format()));
        Bytes.put32(a, p + 4, len);
        Bytes.put32(a, p + 8, (int) f.sequenceNumber());
        p += 12;
        if (f.expanded()) {
            Bytes.put32(a, p, f.sourceIdType());
            Bytes.put32(a, p + 4, (int) f.sourceIdIndex());
            p += 8;
        } else {
            Bytes.put32(a, p, f.sourceIdType() << 24 | (int) f.sourceIdIndex());
            p += 4;
        }
        Bytes.put32(a, p, (int) f.samplingRate());
        Bytes.put32(a, p + 4, (int) f.samplePool());
        Bytes.put32(a, p + 8, (int) f.drops());
        p += 12;
        if (f.expanded()) {
            Bytes.put32(a, p, f.inputFormat());
            Bytes.put32(a, p + 4, (int) f.inputInterface());
            Bytes.put32(a, p + 8, f.outputFormat());
            Bytes.put32(a, p + 12, (int) f.outputInterface());
            p += 16;
        } else {
            Bytes.put32(a, p, f.inputFormat() << 30 | (int) f.inputInterface());
            Bytes.put32(a, p + 4, f.outputFormat() << 30 | (int) f.outputInterface());
            p += 8;
        }
        Bytes.put32(a, p, n);
        p += 4;
        int shift = out.arrayOffset();
        for (int i = 0; i < n; i++) {
            FlowData d = records.get(i);
            if (d instanceof FlowData.RawPacketHeader h) {
                int hl = h.headerLength();
                Bytes.put32(a, p, Sflow.FLOW_RAW_HEADER);
                Bytes.put32(a, p + 4, FlowRecordTypes.rawHeaderLength(h));
                Bytes.put32(a, p + 8, (int) h.headerProtocol());
                Bytes.put32(a, p + 12, (int) h.frameLength());
                Bytes.put32(a, p + 16, (int) h.stripped());
                Bytes.put32(a, p + 20, hl);
                p += 24;
                out.position(p - shift);
                h.writeHeader(out);
                p += hl;
                for (int k = hl; (k & 3) != 0; k++) {
                    a[p++] = 0;
                }
            } else {
                FlowData.ExtendedSwitch sw = (FlowData.ExtendedSwitch) d;
                Bytes.put32(a, p, Sflow.FLOW_EXTENDED_SWITCH);
                Bytes.put32(a, p + 4, FlowRecordTypes.SWITCH_LENGTH);
                Bytes.put32(a, p + 8, (int) sw.sourceVlan());
                Bytes.put32(a, p + 12, (int) sw.sourcePriority());
                Bytes.put32(a, p + 16, (int) sw.destinationVlan());
                Bytes.put32(a, p + 20, (int) sw.destinationPriority());
                p += 24;
            }
        }
        out.position(p - shift);
        return DatagramLayout.ENTRY_DATA + len;
    }

    private static int counter(ByteBuffer out, CounterSample c, int room) {
        List<CounterData> records = c.records();
        int n = records.size();
        int len = (c.expanded() ? DatagramLayout.EXPANDED_COUNTER_HEADER : DatagramLayout.COUNTER_HEADER) + 4;
        for (int i = 0; i < n; i++) {
            CounterData d = records.get(i);
            int l = counterLength(d);
            if (l < 0 || !inRange(d)) {
                return NOT_MINE;
            }
            len += DatagramLayout.ENTRY_DATA + l;
        }
        if (room < DatagramLayout.ENTRY_DATA + len) {
            return 0;
        }
        byte[] a = out.array();
        int p = out.arrayOffset() + out.position();
        Bytes.put32(a, p, Sflow.dataFormat(c.enterprise(), c.format()));
        Bytes.put32(a, p + 4, len);
        Bytes.put32(a, p + 8, (int) c.sequenceNumber());
        p += 12;
        if (c.expanded()) {
            Bytes.put32(a, p, c.sourceIdType());
            Bytes.put32(a, p + 4, (int) c.sourceIdIndex());
            p += 8;
        } else {
            Bytes.put32(a, p, c.sourceIdType() << 24 | (int) c.sourceIdIndex());
            p += 4;
        }
        Bytes.put32(a, p, n);
        p += 4;
        for (int i = 0; i < n; i++) {
            CounterData d = records.get(i);
            p = d instanceof CounterData.GenericInterface g ? generic(a, p, g) : ethernet(a, p, (CounterData.Ethernet) d);
        }
        out.position(p - out.arrayOffset());
        return DatagramLayout.ENTRY_DATA + len;
    }

    /** Whether every 4-byte field of a generic interface or Ethernet counter record is an unsigned 32-bit value. */
    private static boolean inRange(CounterData d) {
        long v;
        if (d instanceof CounterData.GenericInterface g) {
            v = g.ifIndex() | g.ifType() | g.ifDirection() | g.ifStatus() | g.ifInUcastPkts() | g.ifInMulticastPkts()
                    | g.ifInBroadcastPkts() | g.ifInDiscards() | g.ifInErrors() | g.ifInUnknownProtos() | g.ifOutUcastPkts()
                    | g.ifOutMulticastPkts() | g.ifOutBroadcastPkts() | g.ifOutDiscards() | g.ifOutErrors()
                    | g.ifPromiscuousMode();
        } else {
            CounterData.Ethernet e = (CounterData.Ethernet) d;
            v = e.dot3StatsAlignmentErrors() | e.dot3StatsFCSErrors() | e.dot3StatsSingleCollisionFrames()
                    | e.dot3StatsMultipleCollisionFrames() | e.dot3StatsSQETestErrors() | e.dot3StatsDeferredTransmissions()
                    | e.dot3StatsLateCollisions() | e.dot3StatsExcessiveCollisions() | e.dot3StatsInternalMacTransmitErrors()
                    | e.dot3StatsCarrierSenseErrors() | e.dot3StatsFrameTooLongs() | e.dot3StatsInternalMacReceiveErrors()
                    | e.dot3StatsSymbolErrors();
        }
        return v >>> 32 == 0;
    }

    private static int generic(byte[] a, int p, CounterData.GenericInterface g) {
        Bytes.put32(a, p, Sflow.COUNTER_GENERIC_INTERFACE);
        Bytes.put32(a, p + 4, GENERIC_LENGTH);
        Bytes.put32(a, p + 8, (int) g.ifIndex());
        Bytes.put32(a, p + 12, (int) g.ifType());
        Bytes.put64(a, p + 16, g.ifSpeed());
        Bytes.put32(a, p + 24, (int) g.ifDirection());
        Bytes.put32(a, p + 28, (int) g.ifStatus());
        Bytes.put64(a, p + 32, g.ifInOctets());
        Bytes.put32(a, p + 40, (int) g.ifInUcastPkts());
        Bytes.put32(a, p + 44, (int) g.ifInMulticastPkts());
        Bytes.put32(a, p + 48, (int) g.ifInBroadcastPkts());
        Bytes.put32(a, p + 52, (int) g.ifInDiscards());
        Bytes.put32(a, p + 56, (int) g.ifInErrors());
        Bytes.put32(a, p + 60, (int) g.ifInUnknownProtos());
        Bytes.put64(a, p + 64, g.ifOutOctets());
        Bytes.put32(a, p + 72, (int) g.ifOutUcastPkts());
        Bytes.put32(a, p + 76, (int) g.ifOutMulticastPkts());
        Bytes.put32(a, p + 80, (int) g.ifOutBroadcastPkts());
        Bytes.put32(a, p + 84, (int) g.ifOutDiscards());
        Bytes.put32(a, p + 88, (int) g.ifOutErrors());
        Bytes.put32(a, p + 92, (int) g.ifPromiscuousMode());
        return p + 8 + GENERIC_LENGTH;
    }

    private static int ethernet(byte[] a, int p, CounterData.Ethernet e) {
        Bytes.put32(a, p, Sflow.COUNTER_ETHERNET);
        Bytes.put32(a, p + 4, ETHERNET_LENGTH);
        Bytes.put32(a, p + 8, (int) e.dot3StatsAlignmentErrors());
        Bytes.put32(a, p + 12, (int) e.dot3StatsFCSErrors());
        Bytes.put32(a, p + 16, (int) e.dot3StatsSingleCollisionFrames());
        Bytes.put32(a, p + 20, (int) e.dot3StatsMultipleCollisionFrames());
        Bytes.put32(a, p + 24, (int) e.dot3StatsSQETestErrors());
        Bytes.put32(a, p + 28, (int) e.dot3StatsDeferredTransmissions());
        Bytes.put32(a, p + 32, (int) e.dot3StatsLateCollisions());
        Bytes.put32(a, p + 36, (int) e.dot3StatsExcessiveCollisions());
        Bytes.put32(a, p + 40, (int) e.dot3StatsInternalMacTransmitErrors());
        Bytes.put32(a, p + 44, (int) e.dot3StatsCarrierSenseErrors());
        Bytes.put32(a, p + 48, (int) e.dot3StatsFrameTooLongs());
        Bytes.put32(a, p + 52, (int) e.dot3StatsInternalMacReceiveErrors());
        Bytes.put32(a, p + 56, (int) e.dot3StatsSymbolErrors());
        return p + 8 + ETHERNET_LENGTH;
    }
}
