package io.github.flowcodec.bench;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.RecordView;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The per-record field sums the decode benchmarks compute: addresses, ports, protocol, packets and octets,
 * every value read unsigned; over the zero-copy {@link RecordView}, over the materialized {@link FlowRecord},
 * and over a {@link ByteBuffer} at hard-coded offsets, for the hand-written baselines. Each benchmark calls them
 * with its template's field indexes or offsets (constants, so the inlined sum reads fixed places). For example
 * {@code FlowSums.ipv4(view, SRC_ADDR, DST_ADDR, SRC_PORT, DST_PORT, PROTOCOL, PACKETS, OCTETS)} is the sum
 * that {@code FlowSums.ipv4At(b, off, SRC_ADDR_AT, ...)} reads from the record's bytes.
 *
 * <p>The view's and the record's sums are written apart on purpose, each on its own type, as a user's handler
 * reads the view it is handed: one sum over the {@link FlowFields} interface for both let the materialized
 * records' type into the profile of the zero-copy path's reads, and measured that path at half its speed
 * (NetFlow v9 ipv4 `decodeZeroCopy` 0.30 of the scan instead of 0.60).
 */
final class FlowSums {

    private FlowSums() {
    }

    /** A flow's two addresses read as unsigned integers (IPv4), its ports, protocol, packets and octets. */
    static long ipv4(RecordView r, int srcAddr, int dstAddr, int srcPort, int dstPort, int protocol, int packets, int octets) {
        return r.getLong(srcAddr) + r.getLong(dstAddr) + r.getLong(srcPort) + r.getLong(dstPort) + r.getLong(protocol)
                + r.getLong(packets) + r.getLong(octets);
    }

    /** The same with IPv6 addresses, each summed as its two 8-byte halves. */
    static long ipv6(RecordView r, int srcAddr, int dstAddr, int srcPort, int dstPort, int protocol, int packets, int octets) {
        int s = r.fieldOffset(srcAddr);
        int d = r.fieldOffset(dstAddr);
        return r.readUnsigned(s, 8) + r.readUnsigned(s + 8, 8) + r.readUnsigned(d, 8) + r.readUnsigned(d + 8, 8)
                + r.getLong(srcPort) + r.getLong(dstPort) + r.getLong(protocol) + r.getLong(packets) + r.getLong(octets);
    }

    /** A string's length and first byte, through the field's offset and length (nothing allocated). */
    static long string(RecordView r, int index) {
        int len = r.fieldLength(index);
        return len + (len > 0 ? r.byteAt(r.fieldOffset(index)) & 0xFF : 0);
    }

    /** {@link #ipv4(RecordView, int, int, int, int, int, int, int)} of a materialized record. */
    static long ipv4(FlowRecord r, int srcAddr, int dstAddr, int srcPort, int dstPort, int protocol, int packets, int octets) {
        return r.getLong(srcAddr) + r.getLong(dstAddr) + r.getLong(srcPort) + r.getLong(dstPort) + r.getLong(protocol)
                + r.getLong(packets) + r.getLong(octets);
    }

    /** {@link #ipv6(RecordView, int, int, int, int, int, int, int)} of a materialized record. */
    static long ipv6(FlowRecord r, int srcAddr, int dstAddr, int srcPort, int dstPort, int protocol, int packets, int octets) {
        int s = r.fieldOffset(srcAddr);
        int d = r.fieldOffset(dstAddr);
        return r.readUnsigned(s, 8) + r.readUnsigned(s + 8, 8) + r.readUnsigned(d, 8) + r.readUnsigned(d + 8, 8)
                + r.getLong(srcPort) + r.getLong(dstPort) + r.getLong(protocol) + r.getLong(packets) + r.getLong(octets);
    }

    /** {@link #string(RecordView, int)} of a materialized record. */
    static long string(FlowRecord r, int index) {
        int len = r.fieldLength(index);
        return len + (len > 0 ? r.byteAt(r.fieldOffset(index)) & 0xFF : 0);
    }

    /**
     * The baseline's {@link #ipv4}: the record at {@code off} read with absolute gets at the fields' offsets in
     * it (packets and octets 4 bytes each).
     */
    static long ipv4At(ByteBuffer b, int off, int srcAddrAt, int dstAddrAt, int srcPortAt, int dstPortAt, int protocolAt,
                       int packetsAt, int octetsAt) {
        return (b.getInt(off + srcAddrAt) & 0xFFFF_FFFFL) + (b.getInt(off + dstAddrAt) & 0xFFFF_FFFFL)
                + countersAt(b, off, srcPortAt, dstPortAt, protocolAt, packetsAt, octetsAt);
    }

    /** The baseline's {@link #ipv6}: an address read as two longs. */
    static long ipv6At(ByteBuffer b, int off, int srcAddrAt, int dstAddrAt, int srcPortAt, int dstPortAt, int protocolAt,
                       int packetsAt, int octetsAt) {
        return b.getLong(off + srcAddrAt) + b.getLong(off + srcAddrAt + 8) + b.getLong(off + dstAddrAt) + b.getLong(off + dstAddrAt + 8)
                + countersAt(b, off, srcPortAt, dstPortAt, protocolAt, packetsAt, octetsAt);
    }

    private static long countersAt(ByteBuffer b, int off, int srcPortAt, int dstPortAt, int protocolAt, int packetsAt, int octetsAt) {
        return (b.getShort(off + srcPortAt) & 0xFFFF) + (b.getShort(off + dstPortAt) & 0xFFFF) + (b.get(off + protocolAt) & 0xFF)
                + (b.getInt(off + packetsAt) & 0xFFFF_FFFFL) + (b.getInt(off + octetsAt) & 0xFFFF_FFFFL);
    }

    /** The sum of {@code sum} over a materialized packet's records. */
    static long records(List<FlowRecord> records, ToLongFunction<FlowRecord> sum) {
        long s = 0;
        for (int i = 0, n = records.size(); i < n; i++) {
            s += sum.applyAsLong(records.get(i));
        }
        return s;
    }
}
