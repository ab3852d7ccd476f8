package io.github.flowcodec.core;

import java.net.InetSocketAddress;

/**
 * Which parts of a packet's origin identify its template scope.
 *
 * <pre>{@code
 * TemplateScopePolicy.ADDRESS_AND_DOMAIN.scope(FlowProtocol.NETFLOW_V9, exporter, sourceId);
 * }</pre>
 */
public enum TemplateScopePolicy {
    /** Exporter address and observation domain / source id; the source port is ignored (the default: survives exporter restarts on a new port). */
    ADDRESS_AND_DOMAIN,
    /** Exporter address, source port and observation domain (RFC 7011's transport session for UDP). */
    ADDRESS_PORT_AND_DOMAIN,
    /** Exporter address only: for exporters that change their source id between packets. */
    ADDRESS_ONLY;

    /**
     * The scope of a packet from {@code exporter} with this observation domain / source id.
     *
     * @param protocol NetFlow v9 or IPFIX
     * @param exporter the exporter's address and UDP (or TCP, SCTP) source port
     * @param observationDomainId the IPFIX observation domain id or NetFlow v9 source id (unsigned 32-bit)
     * @return the scope
     */
    public TemplateScope scope(FlowProtocol protocol, InetSocketAddress exporter, long observationDomainId) {
        switch (this) {
            case ADDRESS_PORT_AND_DOMAIN:
                return new TemplateScope(protocol, exporter.getAddress(), exporter.getPort(), observationDomainId);
            case ADDRESS_ONLY:
                return new TemplateScope(protocol, exporter.getAddress(), 0, 0);
            default:
                return new TemplateScope(protocol, exporter.getAddress(), 0, observationDomainId);
        }
    }
}
