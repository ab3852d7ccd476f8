package io.github.flowcodec.core;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The part of an {@link ExportContext} that one packet's header and transport give the template-based
 * protocols (NetFlow v9, IPFIX) alike: protocol, exporter, sequence number, export time (whole seconds on
 * the wire) and observation domain (the source id in NetFlow v9). The base of both their zero-copy contexts
 * ({@link TemplatedExportContext}, set again for each packet) and their materialized packets
 * ({@link TemplatedFlowPacket}, set once when made).
 *
 * <pre>{@code
 * PacketExportContext c = new Netflow9Decoder().decode(datagram, exporter);
 * long exported = c.exportTimeMillis();   // the header's seconds, in milliseconds
 * }</pre>
 */
public abstract class PacketExportContext implements ExportContext {

    private final FlowProtocol protocol;
    private InetSocketAddress exporter = UNKNOWN_EXPORTER;
    private long exportSeconds;
    private long sequence;
    private long domain;

    /** @param protocol the protocol of the packets this context describes */
    protected PacketExportContext(FlowProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * Takes a packet's exporter and header values.
     *
     * @param exporter where the packet came from
     * @param exportSeconds the header's export time in seconds since the Unix epoch (unsigned 32-bit)
     * @param sequence the header's sequence number (unsigned 32-bit)
     * @param domain the observation domain, source id or engine pair (unsigned 32-bit)
     */
    protected void packet(InetSocketAddress exporter, long exportSeconds, long sequence, long domain) {
        this.exporter = exporter;
        this.exportSeconds = exportSeconds;
        this.sequence = sequence;
        this.domain = domain;
    }

    /**
     * The export time as the header gives it, in seconds since the Unix epoch (unsigned 32-bit).
     *
     * @return seconds since the Unix epoch
     */
    protected final long exportSeconds() {
        return exportSeconds;
    }

    @Override
    public final FlowProtocol protocol() {
        return protocol;
    }

    @Override
    public final InetSocketAddress exporter() {
        return exporter;
    }

    @Override
    public final long sequenceNumber() {
        return sequence;
    }

    @Override
    public final long exportTimeMillis() {
        return exportSeconds * 1000L;
    }

    @Override
    public final long observationDomainId() {
        return domain;
    }
}
