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
        Netflow5PacketBuilder b = Netflow5PacketBuilder.create()
                .sysUptime(UPTIME_BASE + index * 1_000L)
                .unixSeconds(UNIX_SECONDS_BASE + index)
                .unixNanos(unixNanos)
                .sequence(flowSequence)
                .engine(1, 7)
                .sampling(1, 100);
        for (FlowRecord r : records) {
            b.record(r);
        }
        return b.toBytes();
    }

    /** Residual nanoseconds for a header. */
    long unixNanos() {
        return random.nextInt(1_000_000_000);
    }

    private FlowRecord record(long uptime) {
        Random r = random;
        Netflow5RecordBuilder b = Netflow5RecordBuilder.create();
        boolean outbound = r.nextBoolean();     // an internal client talking to a public server, or the reply
        int internal = DrawnFlow.internalIpv4(r);
        int external = DrawnFlow.publicIpv4(r);
        DrawnFlow f = DrawnFlow.of(r, uptime, 0);
        DrawnFlow.Ipv4Ends ends = f.ipv4Ends(internal, external, outbound);
        boolean srcInternal = ends.srcInternal();
        boolean dstInternal = ends.dstInternal();
        return b.ipv4(Netflow5.SRC_ADDR, ends.src())
                .ipv4(Netflow5.DST_ADDR, ends.dst())
                .ipv4(Netflow5.NEXT_HOP, DrawnFlow.NEXT_HOPS_V4[r.nextInt(DrawnFlow.NEXT_HOPS_V4.length)])
                .input(1 + r.nextInt(48))
                .output(1 + r.nextInt(48))
                .packets(f.packets)
                .octets(f.octets)
                .first(f.first)
                .last(f.last)
                .srcPort(f.srcPort)
                .dstPort(f.dstPort)
                .tcpFlags(f.flags)
                .protocol(f.protocol)
                .tos(DrawnFlow.TOS[r.nextInt(DrawnFlow.TOS.length)])
                .srcAs(srcInternal ? 0 : 1 + r.nextInt(64_495))
                .dstAs(dstInternal ? 0 : 1 + r.nextInt(64_495))
                .srcMask(srcInternal ? 24 : 8 + r.nextInt(17))
                .dstMask(dstInternal ? 24 : 8 + r.nextInt(17))
                .build();
    }
}
