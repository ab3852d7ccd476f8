package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.internal.templated.PacketCollector;
import io.github.flowcodec.core.internal.templated.RecordBatch;
import io.github.flowcodec.core.internal.templated.TemplatedDecoderEngine;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Decodes NetFlow v9 (RFC 3954) datagrams, zero-copy to a handler or into an immutable {@link Netflow9Packet}:
 * template, options template and data FlowSets in any order and number, templates kept per exporter and
 * source id in the options' {@link TemplateStore}.
 *
 * <p>What real exporters do is handled and counted ({@link #counters()}): the header count is never
 * trusted (FlowSets are walked by their lengths); zero bytes after the last FlowSet, padding of 4 bytes or
 * more in data FlowSets and FlowSet lengths that are not multiples of 4 are accepted; data that comes
 * before its template (in the same packet or an earlier one) is held in a bounded buffer and decoded when
 * the template comes, else dropped and counted; templates repeat field types, use IPFIX element ids,
 * vendor types up to 65535 and IPFIX-style variable-length fields (length 65535, H3C). sys_uptime going
 * back (unsigned 32-bit, the 49.7-day wrap excepted) to less than half of what it was, with the boot time
 * it implies moving later, means the exporter restarted: its templates are flushed (a smaller step back is a
 * late packet or line cards whose clocks disagree, as Huawei's do, and flushing then would lose data). Sequence numbers are tracked per exporter and source id. Options records announcing sampling
 * rates (types 34/35, 48-50, 302, 305/306) give later data records their rate
 * ({@link Netflow9Context#samplingRate()}, {@link Netflow9Packet#samplingRate(FlowRecord)}).
 *
 * <p>Strict mode throws a {@link io.github.flowcodec.core.FlowCodecException} with the byte offset for
 * anything malformed (a FlowSet length below 4 or past the end, an invalid template, a record cut short);
 * lenient mode skips what is broken, keeps the rest, reports each problem to the options' problem listener
 * and counts it. A datagram shorter than the header or of another version is rejected in both modes.
 *
 * <p>One decoder per thread (it reuses its views); the template store may be shared.
 *
 * <pre>{@code
 * Netflow9Decoder decoder = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * decoder.decode(datagram, exporter, new FlowRecordHandler<>() {
 *     public void onRecord(Netflow9Context ctx, RecordView r) { sink.accept(r.toRecord()); }
 *     public void onOptionsRecord(Netflow9Context ctx, RecordView r) { interfaces.learn(ctx.templateId(), r); }
 * });
 * Netflow9Packet packet = decoder.decode(datagram, exporter); // materialized
 * }</pre>
 */
public final class Netflow9Decoder implements DatagramDecoder<Netflow9Context> {

    /** The boot time implied by sys_uptime and unix_secs may move this much without meaning a restart. */
    static final long BOOT_TIME_TOLERANCE_MILLIS = 30_000;
    /** An uptime within this much of 2^32 followed by one within this much of 0 is the wrap, not a restart. */
    static final long WRAP_WINDOW_MILLIS = 3_600_000;

    private final Netflow9Dialect dialect;
    private final TemplatedDecoderEngine<Netflow9Header> engine;

    /** A strict decoder with a store of its own. */
    public Netflow9Decoder() {
        this(DecoderOptions.DEFAULT);
    }

    /**
     * A decoder with these options.
     *
     * @param options mode, template store, registry, scope policy, problem listener and the bounds of the data sets
     *     that wait for their template ({@link DecoderOptions#maxPendingSets()} ...)
     */
    public Netflow9Decoder(DecoderOptions options) {
        Objects.requireNonNull(options, "options");
        this.dialect = new Netflow9Dialect(options.registry());
        this.engine = new TemplatedDecoderEngine<>(options, dialect);
    }

    /** @return the template store this decoder keeps templates in */
    public TemplateStore templateStore() {
        return engine.store();
    }

    /**
     * What the decoder met so far. {@code lostSequenceNumbers} counts packets; {@code templates} counts template
     * and options template records. The extras: {@code optionsTemplates}, {@code templateRedefinitions},
     * {@code releasedRecords} (records decoded from held data sets once their template came), {@code latePackets}
     * (packets that came after a later one), {@code sequenceResets} (sequence numbers that jumped far back),
     * {@code countMismatches} (header count not matching what the packet held), {@code trailingPadding} (zero
     * bytes after the last FlowSet: Palo Alto and others), {@code longPadding} (data FlowSets with 4 or more bytes
     * of padding: NX-OS, IOS-XR), {@code unalignedSets} (FlowSet lengths not a multiple of 4: softflowd),
     * {@code zeroLengthFields} (template fields of length 0, kept in lenient mode).
     */
    @Override
    public DecoderCounters counters() {
        return engine.counters();
    }

    /** @return how many data sets wait for their template now */
    public int pendingSets() {
        return engine.pendingSets();
    }

    // ------------------------------------------------------------------------------------ the two paths

    @Override
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<? super Netflow9Context> handler) {
        return engine.decode(datagram, exporter, handler); // no header object: the zero-copy path allocates none per packet
    }

    @Override
    public Netflow9Packet decode(ByteBuffer datagram, InetSocketAddress exporter) {
        Collector o = new Collector();
        engine.decode(datagram, exporter, o);
        return o.packet(dialect.header());
    }

    /** The materialized path: this packet, and one packet per earlier packet whose data it released. */
    private final class Collector extends PacketCollector<Netflow9Header, Netflow9Packet> {

        @Override
        protected FlowPacket releasedPacket(Netflow9Header header, RecordBatch records) {
            return new Netflow9Packet(dialect.exporter(), header, records.records(), records.rates(), records.options(),
                    List.of(), List.of(), null);
        }

        @Override
        protected Netflow9Packet packet(Netflow9Header header, RecordBatch records, List<Template> templates,
                List<FlowPacket> released) {
            return new Netflow9Packet(dialect.exporter(), header, records.records(), records.rates(), records.options(),
                    templates, released, parts());
        }
    }
}
