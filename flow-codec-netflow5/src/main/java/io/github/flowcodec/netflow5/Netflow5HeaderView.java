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

    /** The record count the header announces (it may lie). */
    public int count() {
        return buffer.getShort(base + Netflow5Layout.COUNT) & 0xFFFF;
    }

    /** Milliseconds since the exporter booted. */
    public long sysUptime() {
        return buffer.getInt(base + Netflow5Layout.SYS_UPTIME) & 0xFFFF_FFFFL;
    }

    /** Export time, seconds since the Unix epoch. */
    public long unixSeconds() {
        return buffer.getInt(base + Netflow5Layout.UNIX_SECS) & 0xFFFF_FFFFL;
    }

    /** Residual nanoseconds of the export time. */
    public long unixNanos() {
        return buffer.getInt(base + Netflow5Layout.UNIX_NSECS) & 0xFFFF_FFFFL;
    }

    /** Sequence counter of total flows seen. */
    public long flowSequence() {
        return buffer.getInt(base + Netflow5Layout.FLOW_SEQUENCE) & 0xFFFF_FFFFL;
    }

    /** Type of flow-switching engine. */
    public int engineType() {
        return buffer.get(base + Netflow5Layout.ENGINE_TYPE) & 0xFF;
    }

    /** Slot number of the flow-switching engine. */
    public int engineId() {
        return buffer.get(base + Netflow5Layout.ENGINE_ID) & 0xFF;
    }

    /** Sampling mode: the top two bits of the sampling field. */
    public int samplingMode() {
        return (buffer.getShort(base + Netflow5Layout.SAMPLING_INTERVAL) & 0xFFFF) >>> 14;
    }

    /** Sampling interval: the low 14 bits of the sampling field. */
    public int samplingInterval() {
        return buffer.getShort(base + Netflow5Layout.SAMPLING_INTERVAL) & 0x3FFF;
    }

    /** An immutable copy of the header. */
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
