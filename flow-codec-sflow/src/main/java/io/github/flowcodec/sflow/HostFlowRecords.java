package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.net.InetAddress;

/**
 * The Host sFlow flow records: sockets (0:2100 to 0:2103), TCP info (0:2209) and entities (0:2210).
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var s = new FlowData.ExtendedSocket(6, local, remote, 443, 50123);
 * }</pre>
 */
public sealed interface HostFlowRecords permits FlowData {

    /**
     * 0:2100 / 0:2101, extended socket (Host sFlow): the local and remote ends of the socket the packet belongs to.
     * IPv4 addresses make a 0:2100 record, IPv6 addresses a 0:2101 record.
     *
     * <pre>{@code
     * new FlowData.ExtendedSocket(6, local, remote, 443, 50123);
     * }</pre>
     *
     * @param protocol the IP protocol, 6 TCP or 17 UDP
     * @param localAddress the host's address on the socket
     * @param remoteAddress the peer's address
     * @param localPort the local port, 0 to 65535
     * @param remotePort the remote port, 0 to 65535
     */
    record ExtendedSocket(long protocol, InetAddress localAddress, InetAddress remoteAddress, long localPort, long remotePort)
            implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and the two addresses are given and of one family.
         *
         * @param protocol the IP protocol, 6 TCP or 17 UDP
         * @param localAddress the host's address on the socket
         * @param remoteAddress the peer's address
         * @param localPort the local port, 0 to 65535
         * @param remotePort the remote port, 0 to 65535
         */
        public ExtendedSocket {
            Checks.socket(protocol, localAddress, remoteAddress, localPort, remotePort);
        }
    }

    /**
     * 0:2102 / 0:2103, extended proxy socket (Host sFlow): the back-end socket a proxy opened for the sampled
     * transaction. IPv4 addresses make a 0:2102 record, IPv6 addresses a 0:2103 record.
     *
     * <pre>{@code
     * new FlowData.ExtendedProxySocket(6, local, backend, 41000, 8080);
     * }</pre>
     *
     * @param protocol the IP protocol, 6 TCP or 17 UDP
     * @param localAddress the proxy's own address on the back-end socket
     * @param remoteAddress the back end's address
     * @param localPort the local port, 0 to 65535
     * @param remotePort the remote port, 0 to 65535
     */
    record ExtendedProxySocket(long protocol, InetAddress localAddress, InetAddress remoteAddress, long localPort,
            long remotePort) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and the two addresses are given and of one family.
         *
         * @param protocol the IP protocol, 6 TCP or 17 UDP
         * @param localAddress the proxy's own address on the back-end socket
         * @param remoteAddress the back end's address
         * @param localPort the local port, 0 to 65535
         * @param remotePort the remote port, 0 to 65535
         */
        public ExtendedProxySocket {
            Checks.socket(protocol, localAddress, remoteAddress, localPort, remotePort);
        }
    }

    /**
     * 0:2209, extended TCP info (Host sFlow): the socket's TCP state when the packet was sampled (Linux
     * {@code struct tcp_info}).
     *
     * <pre>{@code
     * t.rttMicros();
     * }</pre>
     *
     * @param direction 0 unknown, 1 received, 2 sent
     */
    record ExtendedTcpInfo(long direction, long sendMss, long receiveMss, long unacked, long lost, long retransmitted,
            long pathMtu, long rttMicros, long rttVarianceMicros, long sendCongestionWindow, long reordering,
            long minRttMicros) implements FlowData.Standard {
    }

    /**
     * 0:2210, extended entities (Host sFlow): the data sources (class and index) the packet came from and went to.
     *
     * <pre>{@code
     * new FlowData.ExtendedEntities(3, 17, 0, 2);
     * }</pre>
     */
    record ExtendedEntities(long sourceDsClass, long sourceDsIndex, long destinationDsClass, long destinationDsIndex)
            implements FlowData.Standard {
    }
}
