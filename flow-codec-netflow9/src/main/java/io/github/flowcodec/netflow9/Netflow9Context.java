package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.TemplatedExportContext;
import java.net.InetSocketAddress;

/**
 * The context of each record on the zero-copy path: the packet header, the exporter and what the decoder
 * worked out for the record (its template id, its sampling rate). One instance per decoder, reused: valid
 * during the callback only; {@link #header()} gives an immutable copy of the header.
 *
 * <pre>{@code
 * netflow9Decoder.decode(datagram, exporter, (ctx, record) -> { // ctx is a Netflow9Context: no cast
 *     long rate = ctx.samplingRate();   // from the record, its sampler's options record, or 0
 *     int templateId = ctx.templateId();
 * });
 * }</pre>
 */
public final class Netflow9Context extends TemplatedExportContext {

    private Netflow9Header header;
    private int count;
    private long sysUptime;

    Netflow9Context() {
        super(FlowProtocol.NETFLOW_V9);
    }

    void set(InetSocketAddress exporter, int count, long sysUptime, long unixSeconds, long sequence, long sourceId) {
        packet(exporter, unixSeconds, sequence, sourceId);
        this.header = null;
        this.count = count;
        this.sysUptime = sysUptime;
    }

    void set(InetSocketAddress exporter, Netflow9Header h) {
        set(exporter, h.count(), h.sysUptimeMillis(), h.unixSeconds(), h.sequence(), h.sourceId());
        this.header = h;
    }

    void record(int templateId, long samplingRate) {
        current(templateId, samplingRate);
    }

    void released(boolean released) {
        markReleased(released);
    }

    /**
     * The packet header (an immutable copy).
     *
     * @return the header as decoded (its count as sent)
     */
    public Netflow9Header header() {
        Netflow9Header h = header;
        if (h == null) {
            h = new Netflow9Header(Netflow9.VERSION, count, sysUptime, exportSeconds(), sequenceNumber(), sourceId());
            header = h;
        }
        return h;
    }

    /**
     * The source id of the packet (unsigned 32-bit): its {@link #observationDomainId()}.
     *
     * @return the source id
     */
    public long sourceId() {
        return observationDomainId();
    }

    @Override
    public long systemUptimeMillis() {
        return sysUptime;
    }

    @Override
    public String toString() {
        return "NetFlow v9 from " + exporter() + " seq " + sequenceNumber() + " source " + sourceId() + " template "
                + templateId();
    }
}
