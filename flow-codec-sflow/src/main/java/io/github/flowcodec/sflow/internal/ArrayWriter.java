package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.Sflow;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The encoder's straight way for the samples a switch sends most: a flow sample of sampled headers and extended
 * switch records, a counter sample of generic interface and Ethernet counters, written in one pass into a big-endian
 * heap buffer's array through byte-array views (pairs of XDR words as one 8-byte store, no buffer position updates,
 * each sample's length written after its records), the records told apart by their exact classes. Anything else
 * (other records, a direct buffer, a value out of range) is left to {@link TypedCodec}'s general way, which writes
 * the same bytes or throws the precise error.
 *
 * <pre>{@code
 * int end = ArrayWriter.sample(array, p, limit, sample);   // the index after it, FULL, or NOT_MINE: the general way
 * }</pre>
 */
public final class ArrayWriter {

    /** What {@link #sample} says of a sample it does not write: the general way must. */
    public static final int NOT_MINE = -1;

    private static final int GENERIC_LENGTH = 88;
    private static final int ETHERNET_LENGTH = 52;

    private ArrayWriter() {
    }

    /** The data length of a counter record this class writes, or -1. */
    static int counterLength(CounterData d) {
        return d instanceof CounterData.GenericInterface ? GENERIC_LENGTH : d instanceof CounterData.Ethernet ? ETHERNET_LENGTH : -1;
    }

    /** What {@link #sample(byte[], int, int, Object)} says of a sample that does not fit. */
    public static final int FULL = -2;

    /**
     * Whether this class writes into {@code out}: a big-endian buffer with an accessible array.
     *
     * @param out the buffer
     * @return true if {@link #sample(byte[], int, int, Object)} may be given its array
     */
    public static boolean writes(ByteBuffer out) {
        return out.hasArray() && out.order() == java.nio.ByteOrder.BIG_ENDIAN;
    }

    /**
     * Reads, for each flow sample from {@code from} on, its record list, its first record and that record's header
     * length, in one short loop before any is written: the samples' cache misses then overlap, where the writing
     * loop, a sample at a time, would take them one after another (the typed objects of a datagram lie apart in the
     * heap). The encoder keeps the result so that the reads are not optimized away.
     *
     * @param samples the samples the encoder is about to write
     * @param from the first one
     * @return the sum of the first records' header lengths (of no use but to keep the reads)
     */
    public static int touch(List<?> samples, int from) {
        int t = 0;
        for (int i = from, n = samples.size(); i < n; i++) {
            if (samples.get(i) instanceof FlowSample f) {
                List<?> records = f.records();
                if (!records.isEmpty() && records.get(0) instanceof FlowData.RawPacketHeader h) {
                    t += h.headerLength();
                }
            }
        }
        return t;
    }

    /**
     * Writes a datagram header at index {@code p} of the array, its sample count 0 (the encoder writes the count
     * when it knows it, at the returned index - 4).
     *
     * @param agent the agent address's 4 or 16 bytes, or null for address type 0
     * @param subAgent the sub-agent id (its low 32 bits are written)
     * @param sequence the datagram sequence number (low 32 bits)
     * @param uptime the uptime in milliseconds (low 32 bits)
     * @return the index after the header
     */
    public static int header(byte[] a, int p, byte[] agent, long subAgent, long sequence, long uptime) {
        Bytes.put32(a, p, Sflow.VERSION);
        if (agent == null) {
            Bytes.put32(a, p + 4, Sflow.ADDRESS_UNKNOWN);
            p += 8;
        } else {
            if (agent.length == 4) {
                Bytes.put32(a, p + 4, Sflow.ADDRESS_IPV4);
                Bytes.put32(a, p + 8, Bytes.i32(agent, 0));
                p += 12;
            } else {
                Bytes.put32(a, p + 4, Sflow.ADDRESS_IPV6);
                System.arraycopy(agent, 0, a, p + 8, agent.length);
                p += 8 + agent.length;
            }
        }
        Bytes.put32(a, p, (int) subAgent);
        Bytes.put32(a, p + 4, (int) sequence);
        Bytes.put32(a, p + 8, (int) uptime);
        Bytes.put32(a, p + 12, 0);
        return p + 16;
    }

    /**
     * Writes one whole sample (format, length, data) at the buffer's position and advances it, if it takes at most
     * {@code room} bytes (at most the buffer's remaining bytes). Bytes from the position up to {@code room} may be
     * written even when it returns 0 or {@link #NOT_MINE} (the position then stays where it was).
     *
     * @return the bytes written; 0 when the sample takes more than {@code room}; {@link #NOT_MINE}, the position
     *     unchanged, when the general way must write it
     */
    public static int sample(ByteBuffer out, Object s, int room) {
        if (!writes(out)) {
            return NOT_MINE;
        }
        int start = out.arrayOffset() + out.position();
        int end = sample(out.array(), start, start + Math.min(room, out.remaining()), s);
        if (end < 0) {
            return end == FULL ? 0 : NOT_MINE;
        }
        out.position(end - out.arrayOffset());
        return end - start;
    }

    /**
     * Writes one whole sample (format, length, data) at index {@code p} of {@code a}, the array of a buffer
     * ({@link #writes}), if it ends by index {@code end} (at most the array index of the buffer's limit). Bytes from
     * {@code p} to {@code end} may be written whatever it returns; the buffer's position is not kept.
     *
     * @return the index after the sample; {@link #FULL} when it does not fit; {@link #NOT_MINE} when the general way
     *     must write it
     */
    public static int sample(byte[] a, int p, int end, Object s) {
        if (s instanceof FlowSample f) {
            return flow(a, p, end, f);
        }
        return s instanceof CounterSample c ? counter(a, p, end, c) : NOT_MINE;
    }

    /**
     * One pass: the sample header, then each record as it is read (the record constructors checked the ranges of the
     * values), then the sample length. The records are read as {@code Object}s and tested against their exact
     * classes: a cast to the {@code FlowData} interface would load each record class's secondary-super cache.
     */
    private static int flow(byte[] a, int start, int end, FlowSample f) {
        List<?> records = f.records();
        int n = records.size();
        boolean expanded = f.expanded();
        int p = start + DatagramLayout.ENTRY_DATA + (expanded ? DatagramLayout.EXPANDED_FLOW_HEADER : DatagramLayout.FLOW_HEADER) + 4;
        if (p > end) {
            return unless(records, 0, true);
        }
        if (expanded) {
            expandedFlowHeader(a, start, f, n);
        } else {
            // pairs of XDR words as one 8-byte store; the sample length (start + 4) is written at the end
            Bytes.put64(a, start, (long) Sflow.SAMPLE_FLOW << 32);
            Bytes.put64(a, start + 8, f.sequenceNumber() << 32 | ((long) f.sourceIdType() << 24 | f.sourceIdIndex()));
            Bytes.put64(a, start + 16, f.samplingRate() << 32 | f.samplePool());
            Bytes.put64(a, start + 24, f.drops() << 32 | ((long) f.inputFormat() << 30 | f.inputInterface()));
            Bytes.put64(a, start + 32, ((long) f.outputFormat() << 30 | f.outputInterface()) << 32 | n);
        }
        for (int i = 0; i < n; i++) {
            Object d = records.get(i);
            int q;
            if (d instanceof FlowData.RawPacketHeader h) {
                q = rawHeader(a, p, end, h);
            } else if (d instanceof FlowData.ExtendedSwitch sw) {
                q = extendedSwitch(a, p, end, sw);
            } else {
                return NOT_MINE;
            }
            if (q < 0) {
                return unless(records, i, true);
            }
            p = q;
        }
        Bytes.put32(a, start + 4, p - start - DatagramLayout.ENTRY_DATA);
        return p;
    }

    /** The expanded flow sample's header at {@code start}, its length (start + 4) left to the caller. */
    private static void expandedFlowHeader(byte[] a, int start, FlowSample f, int n) {
        Bytes.put32(a, start, Sflow.SAMPLE_EXPANDED_FLOW);
        Bytes.put32(a, start + 8, (int) f.sequenceNumber());
        Bytes.put32(a, start + 12, f.sourceIdType());
        Bytes.put32(a, start + 16, (int) f.sourceIdIndex());
        Bytes.put32(a, start + 20, (int) f.samplingRate());
        Bytes.put32(a, start + 24, (int) f.samplePool());
        Bytes.put32(a, start + 28, (int) f.drops());
        Bytes.put32(a, start + 32, f.inputFormat());
        Bytes.put32(a, start + 36, (int) f.inputInterface());
        Bytes.put32(a, start + 40, f.outputFormat());
        Bytes.put32(a, start + 44, (int) f.outputInterface());
        Bytes.put32(a, start + 48, n);
    }

    /** A raw packet header record (format, length, data, padding) at {@code p}: the index after it, or -1 past {@code end}. */
    private static int rawHeader(byte[] a, int p, int end, FlowData.RawPacketHeader h) {
        int hl = h.headerLength();
        int padded = (hl + 3) & ~3;
        if (end - p < 24 + padded) {
            return -1;
        }
        Bytes.put64(a, p, (long) Sflow.FLOW_RAW_HEADER << 32 | (16 + padded));
        Bytes.put64(a, p + 8, h.headerProtocol() << 32 | h.frameLength());
        Bytes.put64(a, p + 16, h.stripped() << 32 | hl);
        if (padded != hl) {
            Bytes.put32(a, p + 20 + padded, 0);   // the padding, before the header's last bytes land
        }
        h.writeHeader(a, p + 24);
        return p + 24 + padded;
    }

    /** An extended switch record at {@code p}: the index after it, or -1 past {@code end}. */
    private static int extendedSwitch(byte[] a, int p, int end, FlowData.ExtendedSwitch sw) {
        if (end - p < 24) {
            return -1;
        }
        Bytes.put64(a, p, (long) Sflow.FLOW_EXTENDED_SWITCH << 32 | FlowRecordTypes.SWITCH_LENGTH);
        Bytes.put64(a, p + 8, sw.sourceVlan() << 32 | sw.sourcePriority());
        Bytes.put64(a, p + 16, sw.destinationVlan() << 32 | sw.destinationPriority());
        return p + 24;
    }

    /**
     * What a sample whose records from {@code from} on do not fit says: {@link #FULL}, or {@link #NOT_MINE} if one
     * of those records is not one this class writes (the general way then measures it, or throws its error).
     */
    private static int unless(List<?> records, int from, boolean flow) {
        for (int i = from; i < records.size(); i++) {
            Object d = records.get(i);
            if (flow ? !(d instanceof FlowData.RawPacketHeader || d instanceof FlowData.ExtendedSwitch)
                    : !(d instanceof CounterData.GenericInterface || d instanceof CounterData.Ethernet)) {
                return NOT_MINE;
            }
        }
        return FULL;
    }

    /**
     * One pass as for flow samples; each counter record's 4-byte fields are ORed as they are written, and a value
     * above 32 bits sends the sample to the general way (which throws the precise error).
     */
    private static int counter(byte[] a, int start, int end, CounterSample c) {
        List<?> records = c.records();
        int n = records.size();
        boolean expanded = c.expanded();
        int p = start + DatagramLayout.ENTRY_DATA + (expanded ? DatagramLayout.EXPANDED_COUNTER_HEADER : DatagramLayout.COUNTER_HEADER) + 4;
        if (p > end) {
            return unless(records, 0, false);
        }
        Bytes.put32(a, start, expanded ? Sflow.SAMPLE_EXPANDED_COUNTER : Sflow.SAMPLE_COUNTER);
        Bytes.put32(a, start + 8, (int) c.sequenceNumber());
        if (expanded) {
            Bytes.put32(a, start + 12, c.sourceIdType());
            Bytes.put32(a, start + 16, (int) c.sourceIdIndex());
        } else {
            Bytes.put32(a, start + 12, c.sourceIdType() << 24 | (int) c.sourceIdIndex());
        }
        Bytes.put32(a, p - 4, n);
        for (int i = 0; i < n; i++) {
            int q = counterRecord(a, p, end, records.get(i));
            if (q < 0) {
                return q == FULL ? unless(records, i, false) : NOT_MINE;
            }
            p = q;
        }
        Bytes.put32(a, start + 4, p - start - DatagramLayout.ENTRY_DATA);
        return p;
    }

    /**
     * Writes a generic interface or Ethernet counter record (format, length, data) at {@code p}: the index after it;
     * {@link #FULL} past {@code end}; {@link #NOT_MINE} for another record or a 4-byte value above 32 bits (checked
     * on the values written: the record classes do not check their ranges). One method for both records on purpose:
     * over C2's inlining limit (325 bytecodes), it is compiled on its own, where inlined into the encoder's loop its
     * thirty values were spilled and reloaded (11 ns of 116 a datagram).
     */
    private static int counterRecord(byte[] a, int p, int end, Object d) {
        long v;
        int next;
        if (d instanceof CounterData.GenericInterface g) {
            next = p + 8 + GENERIC_LENGTH;
            if (next > end) {
                return FULL;
            }
            Bytes.put64(a, p, (long) Sflow.COUNTER_GENERIC_INTERFACE << 32 | GENERIC_LENGTH);
            v = u32x2(a, p + 8, g.ifIndex(), g.ifType());
            Bytes.put64(a, p + 16, g.ifSpeed());
            v |= u32x2(a, p + 24, g.ifDirection(), g.ifStatus());
            Bytes.put64(a, p + 32, g.ifInOctets());
            v |= u32x2(a, p + 40, g.ifInUcastPkts(), g.ifInMulticastPkts())
                    | u32x2(a, p + 48, g.ifInBroadcastPkts(), g.ifInDiscards())
                    | u32x2(a, p + 56, g.ifInErrors(), g.ifInUnknownProtos());
            Bytes.put64(a, p + 64, g.ifOutOctets());
            v |= u32x2(a, p + 72, g.ifOutUcastPkts(), g.ifOutMulticastPkts())
                    | u32x2(a, p + 80, g.ifOutBroadcastPkts(), g.ifOutDiscards())
                    | u32x2(a, p + 88, g.ifOutErrors(), g.ifPromiscuousMode());
        } else if (d instanceof CounterData.Ethernet e) {
            next = p + 8 + ETHERNET_LENGTH;
            if (next > end) {
                return FULL;
            }
            Bytes.put64(a, p, (long) Sflow.COUNTER_ETHERNET << 32 | ETHERNET_LENGTH);
            v = u32x2(a, p + 8, e.dot3StatsAlignmentErrors(), e.dot3StatsFCSErrors())
                    | u32x2(a, p + 16, e.dot3StatsSingleCollisionFrames(), e.dot3StatsMultipleCollisionFrames())
                    | u32x2(a, p + 24, e.dot3StatsSQETestErrors(), e.dot3StatsDeferredTransmissions())
                    | u32x2(a, p + 32, e.dot3StatsLateCollisions(), e.dot3StatsExcessiveCollisions())
                    | u32x2(a, p + 40, e.dot3StatsInternalMacTransmitErrors(), e.dot3StatsCarrierSenseErrors())
                    | u32x2(a, p + 48, e.dot3StatsFrameTooLongs(), e.dot3StatsInternalMacReceiveErrors())
                    | u32(a, p + 56, e.dot3StatsSymbolErrors());
        } else {
            return NOT_MINE;
        }
        return v >>> 32 == 0 ? next : NOT_MINE;
    }

    /** Writes the low 32 bits of {@code v} at {@code p}; returns {@code v} (the caller checks the high bits). */
    private static long u32(byte[] a, int p, long v) {
        Bytes.put32(a, p, (int) v);
        return v;
    }

    /**
     * Writes the low 32 bits of {@code first} and of {@code second} at {@code p} and {@code p + 4}, as one 8-byte
     * store; returns them ORed (the caller checks the high bits).
     */
    private static long u32x2(byte[] a, int p, long first, long second) {
        Bytes.put64(a, p, first << 32 | (second & 0xFFFF_FFFFL));
        return first | second;
    }
}
