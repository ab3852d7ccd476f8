package io.github.flowcodec.bench;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.netflow5.Netflow5;
import io.github.flowcodec.netflow5.Netflow5PacketBuilder;
import io.github.flowcodec.netflow5.Netflow5RecordBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic-looking NetFlow v5 traffic for the benchmarks: a seeded {@link Random} drives
 * the mix of protocols (about 70% TCP, 25% UDP, 5% ICMP), client and server ports, internal and public
 * addresses, heavy-tailed packet counts, packet sizes, flow times below the header's uptime, TCP flags,
 * ToS, AS numbers and prefix lengths. The same seed always gives the same bytes.
 */
final class Netflow5Traffic {

    /** Exporter uptime of the first packet, milliseconds (a bit over a day). */
    static final long UPTIME_BASE = 90_061_000L;
    /** Export time of the first packet, seconds since the epoch. */
    static final long UNIX_SECONDS_BASE = 1_700_000_000L;

    private static final int[] TCP_SERVICES = {443, 443, 443, 443, 80, 80, 22, 25, 993, 3389, 8080, 8443, 5432, 445};
    private static final int[] UDP_SERVICES = {53, 53, 53, 443, 123, 161, 514, 4500, 3478, 5353};
    private static final int[] ICMP_TYPES = {0x0800, 0x0000, 0x0303, 0x0B00, 0x0301};
    private static final int[] TCP_FLAGS = {0x1b, 0x1b, 0x1b, 0x1f, 0x18, 0x10, 0x02, 0x12, 0x14, 0x11};
    private static final int[] TOS = {0, 0, 0, 0, 0, 0, 0x28, 0xb8, 0x48, 0x20};
    private static final int[] NEXT_HOPS = {0x0A00_0001, 0x0A00_00FE, 0xC633_6401, 0xCB00_7101};

    private final Random random;

    Netflow5Traffic(long seed) {
        this.random = new Random(seed);
    }

    /** The records of one packet: {@code n} flows as an exporter whose uptime is {@code uptime} would report them. */
    List<FlowRecord> records(int n, long uptime) {
        List<FlowRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(record(uptime));
        }
        return out;
    }

    /** The datagram carrying {@code records} as packet number {@code index} of the stream. */
    static byte[] datagram(List<FlowRecord> records, int index, long flowSequence, long unixNanos) {
        Netflow5PacketBuilder b = new Netflow5PacketBuilder()
                .sysUptime(UPTIME_BASE + index * 1_000L)
                .unixSeconds(UNIX_SECONDS_BASE + index)
                .unixNanos(unixNanos)
                .flowSequence(flowSequence)
                .engine(1, 7)
                .sampling(1, 100);
        for (FlowRecord r : records) {
            b.record(r);
        }
        return b.build();
    }

    /** Residual nanoseconds for a header. */
    long unixNanos() {
        return random.nextInt(1_000_000_000);
    }

    private FlowRecord record(long uptime) {
        Random r = random;
        Netflow5RecordBuilder b = new Netflow5RecordBuilder();
        boolean outbound = r.nextBoolean();     // an internal client talking to a public server, or the reply
        int internal = 0x0A00_0000 | r.nextInt(1 << 16);  // 10.0.x.y
        int external = publicAddress();
        int client = outbound ? internal : external;
        int server = outbound ? external : internal;

        int roll = r.nextInt(100);
        int protocol;
        int clientPort;
        int serverPort;
        int flags = 0;
        int size;        // mean packet size in bytes
        if (roll < 70) {
            protocol = 6;
            clientPort = 32_768 + r.nextInt(28_232);
            serverPort = TCP_SERVICES[r.nextInt(TCP_SERVICES.length)];
            flags = TCP_FLAGS[r.nextInt(TCP_FLAGS.length)];
            size = 40 + r.nextInt(1_461);
        } else if (roll < 95) {
            protocol = 17;
            clientPort = 1_024 + r.nextInt(64_512);
            serverPort = UDP_SERVICES[r.nextInt(UDP_SERVICES.length)];
            size = 60 + r.nextInt(1_200);
        } else {
            protocol = 1;
            clientPort = 0;
            serverPort = ICMP_TYPES[r.nextInt(ICMP_TYPES.length)];
            size = 28 + r.nextInt(100);
        }
        // the reply flows the other way: swap addresses and ports
        boolean request = r.nextInt(3) != 0;
        int src = request ? client : server;
        int dst = request ? server : client;
        int srcPort = protocol == 1 ? 0 : request ? clientPort : serverPort;
        int dstPort = protocol == 1 ? serverPort : request ? serverPort : clientPort;

        // heavy tail: most flows are a few packets, some are hundreds of thousands
        long packets = 1 + (long) Math.exp(r.nextDouble() * 12.0);
        long octets = packets * size;
        long duration = packets == 1 ? 0 : r.nextInt(120_000);
        long last = uptime - r.nextInt(30_000);
        long first = last - duration;

        boolean srcInternal = (src >>> 24) == 10;
        boolean dstInternal = (dst >>> 24) == 10;
        return b.ipv4(Netflow5.SRC_ADDR, src)
                .ipv4(Netflow5.DST_ADDR, dst)
                .ipv4(Netflow5.NEXT_HOP, NEXT_HOPS[r.nextInt(NEXT_HOPS.length)])
                .input(1 + r.nextInt(48))
                .output(1 + r.nextInt(48))
                .packets(packets)
                .octets(octets)
                .first(first)
                .last(last)
                .srcPort(srcPort)
                .dstPort(dstPort)
                .tcpFlags(flags)
                .protocol(protocol)
                .tos(TOS[r.nextInt(TOS.length)])
                .srcAs(srcInternal ? 0 : 1 + r.nextInt(64_495))
                .dstAs(dstInternal ? 0 : 1 + r.nextInt(64_495))
                .srcMask(srcInternal ? 24 : 8 + r.nextInt(17))
                .dstMask(dstInternal ? 24 : 8 + r.nextInt(17))
                .build();
    }

    /** A unicast address outside 0/8, 10/8 and 127/8. */
    private int publicAddress() {
        int first;
        do {
            first = 1 + random.nextInt(223);
        } while (first == 10 || first == 127);
        return (first << 24) | random.nextInt(1 << 24);
    }
}
