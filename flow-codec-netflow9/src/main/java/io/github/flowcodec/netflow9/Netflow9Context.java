package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowProtocol;
import java.net.InetSocketAddress;

/**
 * The context of each record on the zero-copy path: the packet header, the exporter and what the decoder
 * worked out for the record (its template id, its sampling rate). One instance per decoder, reused: valid
 * during the callback only; {@link #header()} gives an immutable copy of the header.
 *
 * <pre>{@code
 * decoder.decode(datagram, exporter, (ctx, record) -> {
 *     Netflow9Context v9 = (Netflow9Context) ctx;
 *     long rate = v9.samplingRate();   // from the record, its sampler's options record, or 0
 *     int templateId = v9.templateId();
 * });
 * }</pre>
 */
public final class Netflow9Context implements ExportContext {

    private InetSocketAddress exporter = UNKNOWN_EXPORTER;
    private Netflow9Header header;
    private int count;
    private long sysUptime;
    private long unixSeconds;
    private long sequence;
    private long sourceId;
    private int templateId;
    private long samplingRate;
    private boolean released;

    Netflow9Context() {
    }

    void set(InetSocketAddress exporter, int count, long sysUptime, long unixSeconds, long sequence, long sourceId) {
        this.exporter = exporter;
        this.header = null;
        this.count = count;
        this.sysUptime = sysUptime;
        this.unixSeconds = unixSeconds;
        this.sequence = sequence;
        this.sourceId = sourceId;
        this.released = false;
    }

    void set(InetSocketAddress exporter, Netflow9Header h) {
        set(exporter, h.count(), h.sysUptimeMillis(), h.unixSeconds(), h.sequence(), h.sourceId());
        this.header = h;
    }

    void record(int templateId, long samplingRate) {
        this.templateId = templateId;
        this.samplingRate = samplingRate;
    }

    void released(boolean released) {
        this.released = released;
    }

    /** The packet header (an immutable copy). */
    public Netflow9Header header() {
        Netflow9Header h = header;
        if (h == null) {
            h = new Netflow9Header(Netflow9.VERSION, count, sysUptime, unixSeconds, sequence, sourceId);
            header = h;
        }
        return h;
    }

    /** The current record's template id (= its data FlowSet id). */
    public int templateId() {
        return templateId;
    }

    /** The source id of the packet (unsigned 32-bit). */
    public long sourceId() {
        return sourceId;
    }

    /**
     * Whether the current record came from an earlier packet whose data waited for its template: the
     * header is then that earlier packet's.
     */
    public boolean released() {
        return released;
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.NETFLOW_V9;
    }

    @Override
    public InetSocketAddress exporter() {
        return exporter;
    }

    @Override
    public long sequenceNumber() {
        return sequence;
    }

    @Override
    public long exportTimeMillis() {
        return unixSeconds * 1000L;
    }

    @Override
    public long systemUptimeMillis() {
        return sysUptime;
    }

    @Override
    public long observationDomainId() {
        return sourceId;
    }

    /** The current record's sampling rate (one packet in N), or 0 when unknown or unsampled. */
    @Override
    public long samplingRate() {
        return samplingRate;
    }

    @Override
    public String toString() {
        return "NetFlow v9 from " + exporter + " seq " + sequence + " source " + sourceId + " template " + templateId;
    }
}
