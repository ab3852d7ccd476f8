package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The header of the packet being decoded, read in place: the context the zero-copy path hands to each
 * record's handler. Reused by its decoder and valid only during the callback; {@link #toHeader()} copies
 * it.
 *
 * <pre>{@code
 * decoder.decode(datagram, exporter, (ctx, record) -> {
 *     Netflow5HeaderView header = (Netflow5HeaderView) ctx;
 *     int engine = header.engineId();
 *     long start = ctx.flowStartMillis(record);
 * });
 * }</pre>
 */
public final class Netflow5HeaderView implements ExportContext {

    private ByteBuffer buffer;
    private int base;
    private InetSocketAddress exporter = UNKNOWN_EXPORTER;

    Netflow5HeaderView() {
    }

    void wrap(ByteBuffer buffer, int base, InetSocketAddress exporter) {
        this.buffer = buffer;
        this.base = base;
        this.exporter = exporter;
    }

    /**
     * The record count the header announces (it may lie).
     *
     * @return the header's count, 0 to 65535 (a valid packet holds 1 to 30 records)
     */
    public int count() {
        return buffer.getShort(base + Netflow5Layout.COUNT) & 0xFFFF;
    }

    /**
     * Milliseconds since the exporter booted.
     *
     * @return SysUptime: milliseconds since the exporter booted, unsigned 32-bit
     */
    public long sysUptime() {
        return buffer.getInt(base + Netflow5Layout.SYS_UPTIME) & 0xFFFF_FFFFL;
    }

    /**
     * Export time, seconds since the Unix epoch.
     *
     * @return unix_secs: seconds since 1970-01-01T00:00:00Z, unsigned 32-bit
     */
    public long unixSeconds() {
        return buffer.getInt(base + Netflow5Layout.UNIX_SECS) & 0xFFFF_FFFFL;
    }

    /**
     * Residual nanoseconds of the export time.
     *
     * @return unix_nsecs: nanoseconds past {@link #unixSeconds()}, 0 to 999999999 from a sane exporter
     */
    public long unixNanos() {
        return buffer.getInt(base + Netflow5Layout.UNIX_NSECS) & 0xFFFF_FFFFL;
    }

    /**
     * Sequence counter of total flows seen.
     *
     * @return flow_sequence: the exporter's count of flows sent before this packet, unsigned 32-bit
     */
    public long flowSequence() {
        return buffer.getInt(base + Netflow5Layout.FLOW_SEQUENCE) & 0xFFFF_FFFFL;
    }

    /**
     * Type of flow-switching engine.
     *
     * @return engine_type, 0 to 255 (Cisco: 0 route processor, 1 VIP or line card)
     */
    public int engineType() {
        return buffer.get(base + Netflow5Layout.ENGINE_TYPE) & 0xFF;
    }

    /**
     * Slot number of the flow-switching engine.
     *
     * @return engine_id, 0 to 255
     */
    public int engineId() {
        return buffer.get(base + Netflow5Layout.ENGINE_ID) & 0xFF;
    }

    /**
     * Sampling mode: the top two bits of the sampling field.
     *
     * @return 0 to 3 (1 is deterministic packet sampling)
     */
    public int samplingMode() {
        return (buffer.getShort(base + Netflow5Layout.SAMPLING_INTERVAL) & 0xFFFF) >>> 14;
    }

    /**
     * Sampling interval: the low 14 bits of the sampling field.
     *
     * @return 0 to 16383: one of that many packets was sampled (0 means not sampled)
     */
    public int samplingInterval() {
        return buffer.getShort(base + Netflow5Layout.SAMPLING_INTERVAL) & 0x3FFF;
    }

    /**
     * An immutable copy of the header.
     *
     * @return the header, copied out of the datagram
     */
    public Netflow5Header toHeader() {
        return new Netflow5Header(count(), sysUptime(), unixSeconds(), unixNanos(), flowSequence(), engineType(),
                engineId(), samplingMode(), samplingInterval());
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.NETFLOW_V5;
    }

    @Override
    public InetSocketAddress exporter() {
        return exporter;
    }

    @Override
    public long sequenceNumber() {
        return flowSequence();
    }

    @Override
    public long exportTimeMillis() {
        return unixSeconds() * 1000L + unixNanos() / 1_000_000L;
    }

    @Override
    public long systemUptimeMillis() {
        return sysUptime();
    }

    @Override
    public long observationDomainId() {
        return (engineType() << 8) | engineId();
    }

    @Override
    public long samplingRate() {
        return samplingInterval();
    }

    @Override
    public String toString() {
        return buffer == null ? "Netflow5HeaderView[unwrapped]" : toHeader().toString();
    }
}
