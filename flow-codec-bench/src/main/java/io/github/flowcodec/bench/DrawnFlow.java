package io.github.flowcodec.bench;

import java.util.Random;

/**
 * What the NetFlow v5, v9 and IPFIX traffic draw alike for one flow, in the same order from the same seeded
 * {@link Random}: the protocol mix (about 70% TCP, 25% UDP, 5% ICMP), client and server ports and their
 * direction, TCP flags, heavy-tailed packet counts, octets, and flow times shortly before {@code now}. For example
 * {@code DrawnFlow.of(random, uptime, 0)} is a v5 flow (IP packet sizes from 40 bytes);
 * {@link #withInterfaces} also draws the ToS and the two interfaces, as v9 and IPFIX do next.
 */
final class DrawnFlow {

    static final int[] TCP_SERVICES = {443, 443, 443, 443, 80, 80, 22, 25, 993, 3389, 8080, 8443, 5432, 445};
    static final int[] UDP_SERVICES = {53, 53, 53, 443, 123, 161, 514, 4500, 3478, 5353};
    static final int[] ICMP_TYPES = {0x0800, 0x0000, 0x0303, 0x0B00, 0x0301};
    static final int[] TCP_FLAGS = {0x1b, 0x1b, 0x1b, 0x1f, 0x18, 0x10, 0x02, 0x12, 0x14, 0x11};
    static final int[] TOS = {0, 0, 0, 0, 0, 0, 0x28, 0xb8, 0x48, 0x20};
    static final int[] NEXT_HOPS_V4 = {0x0A00_0001, 0x0A00_00FE, 0xC633_6401, 0xCB00_7101};

    /** 6 (TCP), 17 (UDP) or 1 (ICMP). */
    final int protocol;
    /** The server's port, or the ICMP type and code. */
    final int serverPort;
    /** True: the client sent this flow; false: the server's reply, addresses and ports swapped. */
    final boolean request;
    final int srcPort;
    final int dstPort;
    final int flags;
    final long packets;
    final long octets;
    final long first;
    final long last;
    /** Drawn by {@link #withInterfaces} only, else 0. */
    final int tos;
    final int in;
    final int out;

    private DrawnFlow(Random r, long now, int extraBytes, boolean interfaces) {
        int roll = r.nextInt(100);
        int clientPort;
        int size;                               // mean packet size in bytes
        int tcpFlags = 0;
        if (roll < 70) {
            protocol = 6;
            clientPort = 32_768 + r.nextInt(28_232);
            serverPort = TCP_SERVICES[r.nextInt(TCP_SERVICES.length)];
            tcpFlags = TCP_FLAGS[r.nextInt(TCP_FLAGS.length)];
            size = 40 + extraBytes + r.nextInt(1_461 - extraBytes);
        } else if (roll < 95) {
            protocol = 17;
            clientPort = 1_024 + r.nextInt(64_512);
            serverPort = UDP_SERVICES[r.nextInt(UDP_SERVICES.length)];
            size = 60 + extraBytes + r.nextInt(1_200);
        } else {
            protocol = 1;
            clientPort = 0;
            serverPort = ICMP_TYPES[r.nextInt(ICMP_TYPES.length)];
            size = 28 + extraBytes + r.nextInt(100);
        }
        flags = tcpFlags;
        request = r.nextInt(3) != 0;            // the reply flows the other way: swap addresses and ports
        srcPort = protocol == 1 ? 0 : request ? clientPort : serverPort;
        dstPort = protocol == 1 ? serverPort : request ? serverPort : clientPort;
        // heavy tail: most flows are a few packets, some are hundreds of thousands (at most 162,755 packets of
        // at most 1,500 bytes: the octets fit the 4-byte counters)
        packets = 1 + (long) Math.exp(r.nextDouble() * 12.0);
        octets = Math.min(packets * size, 0xFFFF_FFFFL);
        long duration = packets == 1 ? 0 : r.nextInt(120_000);
        last = now - r.nextInt(30_000);
        first = last - duration;
        tos = interfaces ? TOS[r.nextInt(TOS.length)] : 0;
        in = interfaces ? 1 + r.nextInt(48) : 0;
        out = interfaces ? 1 + r.nextInt(48) : 0;
    }

    /** A flow whose mean packet size is {@code extraBytes} above IP's (40 TCP, 60 UDP, 28 ICMP), at most 1,500. */
    static DrawnFlow of(Random r, long now, int extraBytes) {
        return new DrawnFlow(r, now, extraBytes, false);
    }

    /** {@link #of} (20 extra bytes: frame sizes), then the ToS and the input and output interfaces (1 to 48). */
    static DrawnFlow withInterfaces(Random r, long now) {
        return new DrawnFlow(r, now, 20, true);
    }

    /** An address of the internal 10.0/16. */
    static int internalIpv4(Random r) {
        return 0x0A00_0000 | r.nextInt(1 << 16);
    }

    /** A unicast address outside 0/8, 10/8 and 127/8. */
    static int publicIpv4(Random r) {
        int first;
        do {
            first = 1 + r.nextInt(223);
        } while (first == 10 || first == 127);
        return (first << 24) | r.nextInt(1 << 24);
    }

    /** This flow's IPv4 source and destination: an internal client talking to a public server, or the reverse. */
    Ipv4Ends ipv4Ends(int internal, int external, boolean outbound) {
        int client = outbound ? internal : external;
        int server = outbound ? external : internal;
        return new Ipv4Ends(request ? client : server, request ? server : client);
    }

    /** A flow's IPv4 source and destination address. */
    record Ipv4Ends(int src, int dst) {

        boolean srcInternal() {
            return (src >>> 24) == 10;
        }

        boolean dstInternal() {
            return (dst >>> 24) == 10;
        }
    }
}
