package io.github.flowcodec.core;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Whose templates: template ids mean something only within one exporter's transport session and
 * observation domain (IPFIX) or source id (NetFlow v9).
 *
 * <p>A {@link TemplateScopePolicy} decides which parts of the transport count (with or without the
 * exporter's UDP port).
 *
 * <pre>{@code
 * TemplateScope scope = new TemplateScope(FlowProtocol.IPFIX, InetAddress.getByName("192.0.2.1"), 4739, 42);
 * }</pre>
 *
 * @param protocol NetFlow v9 and IPFIX template spaces are distinct
 * @param exporter the exporter's address
 * @param port the exporter's source port, or 0 when the scope policy ignores ports
 * @param observationDomainId the IPFIX observation domain id or NetFlow v9 source id (unsigned 32-bit)
 */
public record TemplateScope(FlowProtocol protocol, InetAddress exporter, int port, long observationDomainId) {
    /**
     * Checks that protocol and exporter are given, the port is 0 to 65535 and the domain id unsigned 32-bit.
     *
     * @param protocol NetFlow v9 or IPFIX
     * @param exporter the exporter's address
     * @param port the exporter's source port, 0 to 65535
     * @param observationDomainId the observation domain id or source id, 0 to 2^32 - 1
     */
    public TemplateScope {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(exporter, "exporter");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (observationDomainId < 0 || observationDomainId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("observation domain id out of range: " + observationDomainId);
        }
    }

    /**
     * The scope as bytes, the key under which a shared template store can keep its templates (with the
     * template id).
     *
     * <pre>{@code
     * byte[] key = scope.toBytes();
     * TemplateScope same = TemplateScope.fromBytes(key);
     * }</pre>
     *
     * @return the self-describing bytes, read back by {@link #fromBytes}
     */
    public byte[] toBytes() {
        return io.github.flowcodec.core.internal.TemplateBytes.scope(this);
    }

    /**
     * The scope {@link #toBytes()} wrote.
     *
     * @param bytes bytes {@link #toBytes()} wrote
     * @return the scope
     * @throws IllegalArgumentException if the bytes are not such a scope
     */
    public static TemplateScope fromBytes(byte[] bytes) {
        return io.github.flowcodec.core.internal.TemplateBytes.scope(bytes);
    }

    /** As the record's own, written out: this runs for every datagram's template look-up. */
    @Override
    public int hashCode() {
        return ((protocol.ordinal() * 31 + exporter.hashCode()) * 31 + port) * 31 + Long.hashCode(observationDomainId);
    }

    @Override
    public String toString() {
        return protocol + " " + exporter.getHostAddress() + (port == 0 ? "" : ":" + port) + " domain " + observationDomainId;
    }
}
