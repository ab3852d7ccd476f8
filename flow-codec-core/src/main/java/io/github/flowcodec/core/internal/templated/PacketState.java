package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.TemplateScope;
import java.nio.ByteBuffer;

/**
 * What the {@link TemplatedDecoderEngine} and its dialect know about the packet being decoded, in one place:
 * its buffer and where it starts, its template scope and exporter state, where its records go, the header
 * its held data sets share, and what it held. Reset at the start of every decode and cleared at its end,
 * whatever happens, so nothing of one packet leaks into the next.
 *
 * @param <H> the protocol's header type
 */
public final class PacketState<H> {

    /** The datagram (big-endian). */
    public ByteBuffer buf;
    /** Where the packet starts in {@link #buf}: offsets in problems count from here. */
    public int base;
    /** The packet's template scope (exporter and observation domain or source id). */
    public TemplateScope scope;
    /** The state kept for that scope: sequence numbers, uptime, sampling rates. */
    public ExporterState state;
    /** Where the packet's records go. */
    public DecodeOutput<H> out;
    /** The header the packet's held data sets share, made when the first is held. */
    public H heldHeader;
    /** Data and options records the packet held (templates not counted); released ones of earlier packets not. */
    public long records;
    /** Data sets of this packet held for their template. */
    public int missingTemplateSets;

    void begin(ByteBuffer buf, int base, DecodeOutput<H> out) {
        this.buf = buf;
        this.base = base;
        this.out = out;
        this.heldHeader = null;
        this.records = 0;
        this.missingTemplateSets = 0;
    }

    void clear() {
        this.buf = null;
        this.out = null;
    }
}
