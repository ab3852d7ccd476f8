package io.github.flowcodec.cli.internal.generate;

import java.net.InetAddress;

/** One made-up flow, independent of the protocol it will be exported in. */
public record SyntheticFlow(InetAddress srcAddr, InetAddress dstAddr, InetAddress nextHop, int srcPort, int dstPort,
        int protocol, int tcpFlags, int tos, long packets, long octets, long startMillis, long endMillis,
        int inputInterface, int outputInterface, int srcAs, int dstAs, int srcMask, int dstMask) {
}
