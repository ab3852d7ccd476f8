package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.internal.templated.PacketCollector;
import io.github.flowcodec.core.internal.templated.RecordBatch;
import io.github.flowcodec.core.internal.templated.TemplatedDecoderEngine;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Decodes IPFIX messages (RFC 7011), one per datagram, zero-copy to a handler or into an immutable
 * {@link IpfixMessage}: template, options template and data sets in any order and number, templates kept
 * per exporter and observation domain in the options' {@link TemplateStore} (with its lifetime for UDP),
 * withdrawals applied. The same machinery as the NetFlow v9 decoder (core's shared template package).
 *
 * <p>Handled and counted ({@link #counters()}): the message length is checked against the datagram (bytes
 * after it are counted, a message longer than the datagram is an error); sets are walked by their lengths;
 * set padding; data that comes before its template is held in a bounded buffer and decoded when the template
 * comes; variable-length fields in both length forms; enterprise elements (unknown ones kept as octets,
 * PEN 29305 as RFC 5103 reverse elements, RFC 5610 type records teaching the exporter's own); sequence
 * numbers counted in data records per scope, exporters that count the current message too (softflowd)
 * recognised; sampling rates from the records or their selector's options record; the exporter's
 * systemInitTimeMilliseconds from its options records for SysUpTime timestamps.
 *
 * <p>Strict mode throws a {@link io.github.flowcodec.core.FlowCodecException} with the byte offset for anything
 * malformed; lenient
 * mode skips what is broken, keeps the rest, reports each problem to the options' problem listener and
 * counts it. A datagram shorter than the header, of another version or with a length below 16 is rejected
 * in both modes.
 *
 * <p>One decoder per thread (it reuses its views); the template store may be shared.
 *
 * <pre>{@code
 * IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * decoder.decode(datagram, exporter, new FlowRecordHandler<>() {
 *     public void onRecord(IpfixContext ctx, RecordView r) { sink.accept(r.toRecord()); }
 *     public void onOptionsRecord(IpfixContext ctx, RecordView r) { interfaces.learn(ctx.templateId(), r); }
 * });
 * IpfixMessage message = decoder.decode(datagram, exporter); // materialized
 * }</pre>
 */
public final class IpfixDecoder implements DatagramDecoder<IpfixContext> {

    private final IpfixDialect dialect;
    private final TemplatedDecoderEngine<IpfixHeader> engine;

    /** A strict decoder with a store of its own. */
    public IpfixDecoder() {
        this(DecoderOptions.DEFAULT);
    }

    /**
     * A decoder with these options.
     *
     * @param options mode, template store, registry, scope policy, problem listener and the bounds of the data sets
     *     that wait for their template ({@link DecoderOptions#maxPendingSets()} ...)
     */
    public IpfixDecoder(DecoderOptions options) {
        Objects.requireNonNull(options, "options");
        this.dialect = new IpfixDialect(options.registry());
        this.engine = new TemplatedDecoderEngine<>(options, dialect);
    }

    /** @return the template store this decoder keeps templates in */
    public TemplateStore templateStore() {
        return engine.store();
    }

    /**
     * What the decoder met so far. {@code datagrams} counts messages, {@code lostSequenceNumbers} data records;
     * {@code templates} counts template and options template records. IPFIX has no restart signal:
     * {@code restarts} stays 0. The extras: {@code optionsTemplates}, {@code templateRedefinitions},
     * {@code withdrawals} (single and withdraw-all records), {@code unknownWithdrawals} (of a template id the scope
     * did not have), {@code releasedRecords}, {@code lateMessages}, {@code sequenceResets},
     * {@code sequenceCountsCurrent} (messages whose sequence number counts their own records too: softflowd),
     * {@code trailingBytes} (datagrams with bytes after the message length), {@code setPadding} (sets with
     * padding after their last record or template), {@code zeroLengthFields}, {@code elementTypesLearned}
     * (RFC 5610 information element type records applied).
     */
    @Override
    public DecoderCounters counters() {
        return engine.counters();
    }

    /** @return how many data sets wait for their template now */
    public int pendingSets() {
        return engine.pendingSets();
    }

    /**
     * The enterprise elements the scope's RFC 5610 type records described.
     *
     * @param scope an exporter and observation domain this decoder has seen
     * @return a snapshot; empty when none
     */
    public List<InformationElement> learnedElements(TemplateScope scope) {
        return dialect.learnedElements(Objects.requireNonNull(scope, "scope"));
    }

    // ------------------------------------------------------------------------------------ the two paths

    @Override
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<? super IpfixContext> handler) {
        return engine.decode(datagram, exporter, handler);
    }

    @Override
    public IpfixMessage decode(ByteBuffer datagram, InetSocketAddress exporter) {
        Collector o = new Collector();
        engine.decode(datagram, exporter, o);
        return o.packet(dialect.header());
    }

    /**
     * The materialized path: this message, and one message per earlier message whose data it released; a
     * message whose records have structured data keeps its scope's templates for their subTemplateLists.
     */
    private final class Collector extends PacketCollector<IpfixHeader, IpfixMessage> {
        /** Whether this message's records, or the released ones being collected, have structured data. */
        private boolean ownLists;
        private boolean releasedLists;
        private Template lastChecked;

        private void noteLists(Template t) {
            if (t != lastChecked) {
                lastChecked = t;
                if (t.hasListFields()) {
                    if (collectingReleased()) {
                        releasedLists = true;
                    } else {
                        ownLists = true;
                    }
                }
            }
        }

        @Override
        public void data(ExportContext ctx, RecordView record) {
            noteLists(record.template());
            super.data(ctx, record);
        }

        @Override
        public void options(ExportContext ctx, RecordView record) {
            noteLists(record.template());
            super.options(ctx, record);
        }

        @Override
        public void beginReleased(IpfixHeader header) {
            super.beginReleased(header);
            releasedLists = false;
            lastChecked = null;
        }

        @Override
        public void endReleased() {
            super.endReleased();
            lastChecked = null;
        }

        @Override
        protected FlowPacket releasedPacket(IpfixHeader header, RecordBatch records) {
            IpfixContext c = dialect.context();
            return new IpfixMessage(c.exporter(), header, records.records(), records.rates(), records.options(), List.of(),
                    List.of(), scopeTemplates(releasedLists), c.systemInitTimeMillis(), null, dialect.registry());
        }

        @Override
        protected IpfixMessage packet(IpfixHeader header, RecordBatch records, List<Template> templates,
                List<FlowPacket> released) {
            IpfixContext c = dialect.context();
            return new IpfixMessage(c.exporter(), header, records.records(), records.rates(), records.options(), templates,
                    released, scopeTemplates(ownLists), c.systemInitTimeMillis(), parts(), dialect.registry());
        }

        /** The scope's templates, kept with a message whose records have structured data (for its subTemplateLists). */
        private List<Template> scopeTemplates(boolean lists) {
            TemplateScope scope = dialect.context().scope();
            if (!lists || scope == null) {
                return List.of();
            }
            return engine.store().templates(scope);
        }
    }
}
