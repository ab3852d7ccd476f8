package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.netflow5.Netflow5Encoder;
import io.github.flowcodec.netflow5.Netflow5RecordBuilder;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * NetFlow v5 export: IPv4 flows only, times relative to an exporter that booted an hour before the clock's start;
 * exporter number k has engine type {@code k / 256} and engine id {@code k % 256}.
 */
public final class Netflow5ExportEncoder implements ExportEncoder {

    private static final long UPTIME_AT_START = 3_600_000L;

    private final Clock clock;
    private final long bootMillis;
    private final Netflow5Encoder encoder;

    public Netflow5ExportEncoder(Clock clock, ExporterSettings settings) {
        int samplingInterval = settings.samplingInterval();
        this.clock = clock;
        this.bootMillis = clock.millis() - UPTIME_AT_START;
        this.encoder = Netflow5Encoder.builder().clock(clock::millis)
                .engineType((settings.index() >>> 8) & 0xFF).engineId(settings.index() & 0xFF)
                .uptimeMillis(() -> clock.millis() - bootMillis)
                .sampling(samplingInterval > 1 ? 1 : 0, samplingInterval > 1 ? samplingInterval : 0)
                .build();
    }

    @Override
    public List<FlowRecord> records(List<SyntheticFlow> flows) {
        List<FlowRecord> out = new ArrayList<>(flows.size());
        for (SyntheticFlow f : flows) {
            if (!(f.srcAddr() instanceof Inet4Address src) || !(f.dstAddr() instanceof Inet4Address dst)) {
                continue; // v5 carries IPv4 only
            }
            out.add(Netflow5RecordBuilder.create()
                    .srcAddr(src).dstAddr(dst).ipv4(io.github.flowcodec.netflow5.Netflow5.NEXT_HOP, toInt(f.nextHop().getAddress()))
                    .srcPort(f.srcPort()).dstPort(f.dstPort()).protocol(f.protocol()).tcpFlags(f.tcpFlags()).tos(f.tos())
                    .packets(Math.min(f.packets(), 0xFFFF_FFFFL)).octets(Math.min(f.octets(), 0xFFFF_FFFFL))
                    .first((f.startMillis() - bootMillis) & 0xFFFF_FFFFL).last((f.endMillis() - bootMillis) & 0xFFFF_FFFFL)
                    .input(f.inputInterface()).output(f.outputInterface())
                    .srcAs(f.srcAs() & 0xFFFF).dstAs(f.dstAs() & 0xFFFF).srcMask(f.srcMask()).dstMask(f.dstMask())
                    .build());
        }
        return out;
    }

    @Override
    public List<ByteBuffer> encode(List<FlowRecord> records) {
        return encoder.encode(records);
    }

    private static int toInt(byte[] a) {
        return ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
    }

    /** The clock the encoder stamps packets with. */
    public Clock clock() {
        return clock;
    }
}
