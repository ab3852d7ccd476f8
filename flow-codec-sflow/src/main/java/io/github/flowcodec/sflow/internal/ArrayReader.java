package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.Sflow;

/**
 * The typed decode's straight way for the records a switch sends most: the sampled header, the extended switch,
 * generic interface and Ethernet counters, each read from the datagram's array through byte-array views into its
 * record's constructor, one object a record (and the sampled header's own copy of its bytes, read through a reused
 * array). Anything else, or a record whose length is not what its structure takes, is left to the general way
 * ({@link TypedCodec}), which reads it or reports the problem. One per decoder.
 *
 * <pre>{@code
 * FlowData d = reader.flow(array, shift + offset, dataFormat, length);
 * if (d == null) d = TypedCodec.readFlow(buffer, dataFormat, offset, length, extensions);
 * }</pre>
 */
public final class ArrayReader {

    /** The sampled header's bytes, passed to the record, which keeps its own copy: one array for each length met last. */
    private byte[] header = new byte[0];

    /**
     * The flow record of {@code len} bytes at index {@code at} of {@code a}, or null when the general way must read it.
     *
     * @param a the datagram's bytes
     * @param at where the record's data starts in {@code a}
     * @param dataFormat the record's data format word
     * @param len the record's data length
     * @return the record, or null
     */
    public FlowData flow(byte[] a, int at, int dataFormat, int len) {
        if (dataFormat == Sflow.FLOW_RAW_HEADER) {
            if (len < 16) {
                return null;
            }
            long n = Bytes.u32(a, at + 12);
            if (n > len - 16 || 16 + ((n + 3) & ~3L) != len) {
                return null;
            }
            byte[] h = header.length == n ? header : (header = new byte[(int) n]);
            System.arraycopy(a, at + 16, h, 0, (int) n);
            return new FlowData.RawPacketHeader(Bytes.u32(a, at), Bytes.u32(a, at + 4), Bytes.u32(a, at + 8), h);
        }
        if (dataFormat == Sflow.FLOW_EXTENDED_SWITCH && len == FlowRecordTypes.SWITCH_LENGTH) {
            return new FlowData.ExtendedSwitch(Bytes.u32(a, at), Bytes.u32(a, at + 4), Bytes.u32(a, at + 8), Bytes.u32(a, at + 12));
        }
        return null;
    }

    /**
     * The counter record of {@code len} bytes at index {@code at} of {@code a}, or null when the general way must read
     * it.
     *
     * @param a the datagram's bytes
     * @param at where the record's data starts in {@code a}
     * @param dataFormat the record's data format word
     * @param len the record's data length
     * @return the record, or null
     */
    public CounterData counter(byte[] a, int at, int dataFormat, int len) {
        if (dataFormat == Sflow.COUNTER_GENERIC_INTERFACE && len == 88) {
            return new CounterData.GenericInterface(Bytes.u32(a, at), Bytes.u32(a, at + 4), Bytes.i64(a, at + 8),
                    Bytes.u32(a, at + 16), Bytes.u32(a, at + 20), Bytes.i64(a, at + 24), Bytes.u32(a, at + 32),
                    Bytes.u32(a, at + 36), Bytes.u32(a, at + 40), Bytes.u32(a, at + 44), Bytes.u32(a, at + 48),
                    Bytes.u32(a, at + 52), Bytes.i64(a, at + 56), Bytes.u32(a, at + 64), Bytes.u32(a, at + 68),
                    Bytes.u32(a, at + 72), Bytes.u32(a, at + 76), Bytes.u32(a, at + 80), Bytes.u32(a, at + 84));
        }
        if (dataFormat == Sflow.COUNTER_ETHERNET && len == 52) {
            return new CounterData.Ethernet(Bytes.u32(a, at), Bytes.u32(a, at + 4), Bytes.u32(a, at + 8), Bytes.u32(a, at + 12),
                    Bytes.u32(a, at + 16), Bytes.u32(a, at + 20), Bytes.u32(a, at + 24), Bytes.u32(a, at + 28),
                    Bytes.u32(a, at + 32), Bytes.u32(a, at + 36), Bytes.u32(a, at + 40), Bytes.u32(a, at + 44),
                    Bytes.u32(a, at + 48));
        }
        return null;
    }
}
