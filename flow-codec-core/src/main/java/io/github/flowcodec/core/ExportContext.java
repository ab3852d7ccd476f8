package io.github.flowcodec.core;

import java.net.InetSocketAddress;

/**
 * What the packet header and the transport say about the records of one export packet: protocol,
 * exporter, sequence number, export time, system uptime, observation domain and sampling.
 *
 * <p>On the zero-copy path the decoder reuses one context object per decoder, valid during the callback
 * only; materialized packets ({@link FlowPacket}) are immutable contexts. It also turns a record's
 * timestamps into absolute times whatever form they take ({@link #flowStartMillis}).
 *
 * <pre>{@code
 * decoder.decode(datagram, exporter, (ctx, record) -> {
 *     long start = ctx.flowStartMillis(record);   // NO_TIME when the record has no start time
 *     long rate = ctx.samplingRate();             // 0 when not sampled or unknown
 * });
 * }</pre>
 */
public interface ExportContext {

    /** The value of a time that the packet or record does not give. */
    long NO_TIME = Long.MIN_VALUE;

    /** The address given when the caller did not say where a packet came from: the wildcard address, port 0. */
    InetSocketAddress UNKNOWN_EXPORTER = new InetSocketAddress(0);

    /**
     * The protocol.
     *
     * @return the protocol of the packet being decoded
     */
    FlowProtocol protocol();

    /**
     * Where the packet came from (the UDP source), or {@link #UNKNOWN_EXPORTER}.
     *
     * @return the exporter's address and port
     */
    InetSocketAddress exporter();

    /**
     * The header's sequence number (unsigned 32-bit).
     *
     * @return NetFlow v5: flow_sequence (flows sent before this packet); NetFlow v9: the packet sequence; IPFIX: the
     *     data records sent before this message; sFlow: the datagram sequence
     */
    long sequenceNumber();

    /**
     * The export time from the header, in milliseconds since the Unix epoch.
     *
     * @return the header's export time (unix_secs, exportTime) in milliseconds; for sFlow, whose header has none,
     *     the decoder's clock if it has one; else {@link #NO_TIME}
     */
    long exportTimeMillis();

    /**
     * The exporter's uptime in milliseconds when it sent the packet (unsigned 32-bit), or {@link #NO_TIME}
     * for protocols whose header has none.
     *
     * @return the uptime in milliseconds, or {@link #NO_TIME}
     */
    long systemUptimeMillis();

    /**
     * The observation domain (IPFIX) or source id (NetFlow v9); for NetFlow v5, engine type and id as {@code type <<
     * 8 | id}.
     *
     * @return the 32-bit domain, source id or engine pair, unsigned
     */
    long observationDomainId();

    /**
     * The sampling rate (one packet in N), or 0 when the packet is not sampled or the rate is unknown.
     *
     * @return packets per sampled packet, or 0
     */
    long samplingRate();

    /**
     * The absolute time of a system uptime value from the same packet: the export time minus how long
     * before the header's uptime {@code uptimeMillis} was, in unsigned 32-bit arithmetic so the 49.7-day
     * wrap of the uptime counter is handled.
     *
     * @param uptimeMillis an uptime value of the same exporter (e.g. a flow's first or last switched time), in
     *     milliseconds
     * @return the epoch milliseconds of that moment
     */
    default long uptimeToEpochMillis(long uptimeMillis) {
        long now = systemUptimeMillis();
        if (now == NO_TIME) {
            return NO_TIME;
        }
        long ago = (now - uptimeMillis) & 0xFFFF_FFFFL;
        if (ago > 0x8000_0000L) {
            ago -= 0x1_0000_0000L; // a time after the export time: a flow that ends "in the future" by clock skew
        }
        return exportTimeMillis() - ago;
    }

    /**
     * When the flow started, in milliseconds since the Unix epoch, from whichever start element the record
     * has (flowStartSeconds/Milliseconds/Microseconds/Nanoseconds, flowStartSysUpTime,
     * flowStartDeltaMicroseconds), or {@link #NO_TIME}.
     *
     * @param record a record of this packet
     * @return epoch milliseconds, or {@link #NO_TIME}
     */
    default long flowStartMillis(FlowFields record) {
        return FlowTimes.resolve(this, record, true);
    }

    /**
     * When the flow ended, as {@link #flowStartMillis} does for the start, or {@link #NO_TIME}.
     *
     * @param record a record of this packet
     * @return epoch milliseconds, or {@link #NO_TIME}
     */
    default long flowEndMillis(FlowFields record) {
        return FlowTimes.resolve(this, record, false);
    }
}
