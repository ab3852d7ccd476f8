package io.github.flowcodec.core.internal.templated;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The settings of a {@link TemplatedWriter} as an encoder's builder collects them, each checked when set.
 * Defaults: exporter id 0, 1400-byte datagrams, templates every 20 datagrams or 60 seconds, the system clock,
 * the exporter booted when the writer is made, first sequence number 0. Not thread-safe.
 *
 * <pre>{@code
 * TemplatedWriterSettings settings = new TemplatedWriterSettings(IpfixWriter.FORMAT);
 * settings.exporterId(7, "observation domain id");
 * settings.refreshDatagrams(0); // a file: each template once
 * TemplatedWriter writer = settings.writer();
 * }</pre>
 */
public final class TemplatedWriterSettings {

    private final TemplatedWireFormat format;
    private long exporterId;
    private int maxDatagramSize = 1400;
    private int refreshDatagrams = 20;
    private Duration refreshInterval = Duration.ofSeconds(60);
    private LongSupplier clock = System::currentTimeMillis;
    private long bootMillis = Long.MIN_VALUE;
    private long firstSequence;

    /** The defaults, for this wire format. */
    public TemplatedWriterSettings(TemplatedWireFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * The header's source id or observation domain ({@code name} says which, in errors).
     *
     * @throws IllegalArgumentException if not unsigned 32-bit
     */
    public void exporterId(long id, String name) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is unsigned 32-bit");
        }
        this.exporterId = id;
    }

    /**
     * The largest datagram in bytes: at least a header and 8 bytes, at most 65535.
     *
     * @throws IllegalArgumentException if out of that range
     */
    public void maxDatagramSize(int bytes) {
        if (bytes < format.headerLength() + 8 || bytes > 0xFFFF) {
            throw new IllegalArgumentException("max " + format.datagramName() + " size out of range: " + bytes);
        }
        this.maxDatagramSize = bytes;
    }

    /** The largest datagram in bytes. */
    public int maxDatagramSize() {
        return maxDatagramSize;
    }

    /**
     * Resend every template after this many datagrams (0: never by count).
     *
     * @throws IllegalArgumentException if negative
     */
    public void refreshDatagrams(int datagrams) {
        if (datagrams < 0) {
            throw new IllegalArgumentException("negative " + format.datagramName() + " count");
        }
        this.refreshDatagrams = datagrams;
    }

    /**
     * Resend every template after this much time ({@link Duration#ZERO}: never by time).
     *
     * @throws IllegalArgumentException if negative
     */
    public void refreshInterval(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative interval");
        }
        this.refreshInterval = interval;
    }

    /** The wall clock in epoch milliseconds. */
    public void clock(LongSupplier epochMillis) {
        this.clock = Objects.requireNonNull(epochMillis, "clock");
    }

    /** When the exporter booted, in epoch milliseconds (for an uptime field). */
    public void bootMillis(long epochMillis) {
        this.bootMillis = epochMillis;
    }

    /** The first datagram's sequence number. */
    public void firstSequence(long sequence) {
        this.firstSequence = sequence;
    }

    /** A new writer with these settings (booted now unless a boot time was set). */
    public TemplatedWriter writer() {
        long boot = bootMillis == Long.MIN_VALUE ? clock.getAsLong() : bootMillis;
        return new TemplatedWriter(format, maxDatagramSize, refreshDatagrams, refreshInterval.toMillis(), clock, exporterId, boot,
                firstSequence);
    }
}
