package io.github.flowcodec.core;

import java.net.InetSocketAddress;

/**
 * What the zero-copy contexts of the template-based protocols (NetFlow v9, IPFIX) hold alike: the packet's
 * header values ({@link PacketExportContext}) and what the decoder worked out for the current record: its
 * template id and sampling rate, and whether it came from an earlier packet's data that waited for its
 * template. One instance per decoder,
 * reused: valid during the callback only. The protocol's context adds its header and uptime.
 *
 * <pre>{@code
 * decoder.decode(datagram, exporter, (ctx, record) -> {
 *     TemplatedExportContext c = (TemplatedExportContext) ctx;   // a Netflow9Context or an IpfixContext
 *     counts.merge(c.templateId(), c.released() ? 0L : 1L, Long::sum);
 * });
 * }</pre>
 */
public abstract class TemplatedExportContext extends PacketExportContext {

    private int templateId;
    private long samplingRate;
    private boolean released;

    /** @param protocol the protocol of the packets this context describes */
    protected TemplatedExportContext(FlowProtocol protocol) {
        super(protocol);
    }

    /** Starts a packet: its exporter and header values; its records are its own (not released). */
    @Override
    protected final void packet(InetSocketAddress exporter, long exportSeconds, long sequence, long domain) {
        super.packet(exporter, exportSeconds, sequence, domain);
        this.released = false;
    }

    /**
     * Moves to a record: its template id and sampling rate.
     *
     * @param templateId the record's template id, 256 to 65535
     * @param samplingRate packets per sampled packet for this record, 0 when unknown
     */
    protected final void current(int templateId, long samplingRate) {
        this.templateId = templateId;
        this.samplingRate = samplingRate;
    }

    /**
     * Says whether the records that follow come from an earlier packet's data that waited for its template.
     *
     * @param released true while records of released data are handed over
     */
    protected final void markReleased(boolean released) {
        this.released = released;
    }

    /**
     * The current record's template id (= the id of its data set, the data FlowSet in NetFlow v9).
     *
     * @return the template id, 256 to 65535
     */
    public final int templateId() {
        return templateId;
    }

    /**
     * Whether the current record came from an earlier packet whose data waited for its template: the
     * header is then that earlier packet's.
     *
     * @return true for released data
     */
    public final boolean released() {
        return released;
    }

    /** The current record's sampling rate (one packet in N), or 0 when unknown or unsampled. */
    @Override
    public final long samplingRate() {
        return samplingRate;
    }
}
