package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.TruncatedPacketException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one decoder of NetFlow v9 and IPFIX: the set walk, template and options template records into
 * {@link Template}s (each field specifier list read once), the store's put and release, the buffer of data
 * waiting for its template, the data set walk with its three outputs (the caller's handler record by record
 * or a set at a time, or a packet being materialized), problem reporting and the counters both protocols
 * share. What differs is the protocol's {@link TemplatedDialect}. One per decoder, for one thread.
 *
 * <p>A decode runs {@code readHeader}, finds the packet's scope and exporter state, runs
 * {@code beginPacket}, expires held data, walks the sets (templates through the dialect's
 * {@code templateSet}, data through the walker) and ends with {@code endPacket}; the per-packet state is one
 * {@link PacketState}, cleared whatever happens.
 *
 * @param <H> the protocol's header type
 */
public final class TemplatedDecoderEngine<H> {

    private final DecoderOptions options;
    private final boolean lenient;
    private final TemplateStore store;
    private final TemplatedDialect<H> dialect;
    private final ScopeCache scopes;
    private final ExporterStates states = new ExporterStates(1 << 16);
    private final PendingDataSets<H> pending;
    private final SamplingFields.Cache sampling = new SamplingFields.Cache();
    private final DataSetWalker walker = new DataSetWalker();
    private final RecordView view = new RecordView();
    private final FieldSpecifiers specifiers = new FieldSpecifiers();
    private final SetSink sink = new SetSink();
    private final HandlerOutput<H> handlerOutput = new HandlerOutput<>();
    private final PacketState<H> packet = new PacketState<>();
    private final TemplatedCounts counts = new TemplatedCounts();

    /**
     * An engine for one decoder.
     *
     * @param options the decoder's options, the bounds of the data waiting for its template included
     * @param dialect the protocol's differences, bound to this engine for good
     */
    public TemplatedDecoderEngine(DecoderOptions options, TemplatedDialect<H> dialect) {
        this.options = Objects.requireNonNull(options, "options");
        this.lenient = options.lenient();
        this.store = options.templateStore();
        this.dialect = dialect;
        this.scopes = new ScopeCache(dialect.protocol(), options.scopePolicy(), 1 << 16);
        this.pending = new PendingDataSets<>(options.maxPendingSets(), options.maxPendingBytes(),
                options.maxPendingAge().toNanos(), System::nanoTime);
        dialect.bind(this);
    }

    // ------------------------------------------------------------------------------------ the two paths

    /** Decodes zero-copy to {@code handler}; how many data records it was handed. */
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<?> handler) {
        Objects.requireNonNull(handler, "handler");
        HandlerOutput<H> o = handlerOutput;
        o.start(handler);
        try {
            parse(datagram, exporter, o);
        } finally {
            o.finish();
        }
        return o.count();
    }

    /** Decodes into {@code output}, a packet being materialized. */
    public void decode(ByteBuffer datagram, InetSocketAddress exporter, DecodeOutput<H> output) {
        parse(datagram, exporter, output);
    }

    private void parse(ByteBuffer datagram, InetSocketAddress exporter, DecodeOutput<H> output) {
        ByteBuffer b = RecordView.bigEndian(datagram);
        int start = b.position();
        int limit = b.limit();
        PacketState<H> p = packet;
        try {
            InetSocketAddress from = exporter == null ? ExportContext.UNKNOWN_EXPORTER : exporter;
            long domain = dialect.readHeader(b, start, limit, from);
            p.begin(b, start, output);
            p.scope = scopes.scope(from, domain);
            p.state = states.of(p.scope);
            int end = dialect.beginPacket(b, start, limit);
            if (!pending.isEmpty()) {
                dropped(pending.expire(), "its template did not come in time");
            }
            walkSets(b, start + dialect.headerLength(), end);
            output.keep(b, end, limit); // bytes after an IPFIX message's length
            dialect.endPacket();
            counts.datagrams++;
        } catch (FlowCodecException e) {
            counts.rejected++;
            throw e;
        } finally {
            p.clear();
        }
    }

    private void walkSets(ByteBuffer b, int pos, int end) {
        int start = packet.base;
        while (pos < end) {
            int left = end - pos;
            int setLength = left >= TemplatedWireLayout.SET_HEADER_LENGTH ? b.getShort(pos + TemplatedWireLayout.SET_LENGTH) & 0xFFFF : 0;
            if (left < TemplatedWireLayout.SET_HEADER_LENGTH || setLength < TemplatedWireLayout.SET_HEADER_LENGTH) {
                packet.out.keep(b, pos, end);
                if (DataSetWalker.allZero(b, pos, end)) {
                    dialect.trailingZeros();
                    return;
                }
                if (left < TemplatedWireLayout.SET_HEADER_LENGTH) {
                    problem(new TruncatedPacketException(dialect.protocol(), pos - start, left + " bytes after the last "
                            + setName() + ", too few for a " + setName() + " header"));
                } else {
                    problem(new MalformedPacketException(dialect.protocol(), pos - start, setName() + " length " + setLength
                            + " is below 4: the rest of the datagram cannot be walked"));
                }
                return;
            }
            int setId = b.getShort(pos + TemplatedWireLayout.SET_ID) & 0xFFFF;
            int setEnd = pos + setLength;
            if (setLength > left) {
                problem(new TruncatedPacketException(dialect.protocol(), pos + TemplatedWireLayout.SET_LENGTH - start, setName() + " " + setId + " of "
                        + setLength + " bytes runs past the end of the datagram (" + left + " bytes left)"));
                setEnd = end; // lenient: whatever whole records are there
            }
            dialect.setMet(setLength);
            int body = pos + TemplatedWireLayout.SET_HEADER_LENGTH;
            DecodeOutput<H> out = packet.out;
            out.beginSet(setId, setLength);
            int read;
            switch (dialect.setKind(setId)) {
                case TEMPLATES:
                    read = dialect.templateSet(b, body, setEnd, false);
                    break;
                case OPTIONS_TEMPLATES:
                    read = dialect.templateSet(b, body, setEnd, true);
                    break;
                case DATA:
                    read = dataSet(setId, body, setEnd);
                    break;
                default:
                    read = body;
                    problem(new MalformedPacketException(dialect.protocol(), pos - start, setName() + " id " + setId + " is reserved"));
                    break;
            }
            out.keep(b, read, setEnd);
            out.endSet();
            pos = setEnd;
        }
    }

    private String setName() {
        String s = dialect.dataSetName();
        return s.substring(s.indexOf(' ') + 1);
    }

    // ------------------------------------------------------------------------------------ for the dialects

    /** @return the state of the packet being decoded */
    public PacketState<H> packet() {
        return packet;
    }

    /** @return the counters the protocols share, for the dialect to count into */
    public TemplatedCounts counts() {
        return counts;
    }

    /** @return the template store */
    public TemplateStore store() {
        return store;
    }

    /** @return the registry of information elements */
    public InformationElementRegistry registry() {
        return options.registry();
    }

    /** @return whether the decoding is lenient */
    public boolean lenient() {
        return lenient;
    }

    /** @return data sets waiting for their template now */
    public int pendingSets() {
        return pending.size();
    }

    /** Strict: throws {@code e}; lenient: reports it to the problem listener and counts it repaired. */
    public void problem(FlowCodecException e) {
        if (!lenient) {
            throw e;
        }
        counts.repaired++;
        options.problemListener().accept(new DecodeProblem(dialect.protocol(), e.offset(), e.reason()));
    }

    /** Reports what is worth knowing but neither breaks nor repairs anything (in both modes). */
    public void note(long offset, String reason) {
        options.problemListener().accept(new DecodeProblem(dialect.protocol(), offset, reason));
    }

    /** The template {@code id} of the packet's scope, or {@code null}. */
    public Template stored(int id) {
        Optional<Template> t = store.get(packet.scope, id);
        return t.isPresent() ? t.get() : null;
    }

    /**
     * Reads the field specifiers of a template record, once, for {@link #defineTemplate}.
     *
     * @return the position after them, or -1 if they run past {@code end}
     */
    public int readFieldSpecifiers(ByteBuffer b, int fields, int end, int fieldCount) {
        return specifiers.read(b, fields, end, fieldCount, dialect.enterpriseBit());
    }

    /**
     * Defines the template {@code id} from the specifiers {@link #readFieldSpecifiers} read: checks their
     * lengths (a field of length 0 is a problem lenient mode keeps; a template without bytes is refused),
     * keeps the stored template when it is the same (a refresh), counts it and puts it.
     *
     * @return whether the template was defined
     */
    public boolean defineTemplate(int id, int scopeCount, int fieldsOffset) {
        FieldSpecifiers s = specifiers;
        boolean hasBytes = false;
        for (int i = 0; i < s.count; i++) {
            if (s.lengths[i] == 0) {
                counts.zeroLengthFields++;
                problem(new MalformedPacketException(dialect.protocol(), s.offsets[i] - packet.base, "template " + id
                        + ": field " + i + " (element " + s.ids[i] + ") has length 0"));
            } else {
                hasBytes = true;
            }
        }
        if (!hasBytes) {
            if (lenient) {
                problem(new MalformedPacketException(dialect.protocol(), fieldsOffset - packet.base, "template " + id
                        + ": its records would have no bytes: refused"));
            }
            return false;
        }
        Template existing = stored(id);
        Template t = existing != null && s.sameAs(existing, scopeCount, dialect) ? existing : s.build(id, scopeCount, dialect);
        if (scopeCount > 0) {
            counts.optionsTemplates++;
        } else {
            counts.templates++;
        }
        TemplateStore.PutResult r = store.put(packet.scope, t);
        if (r == TemplateStore.PutResult.REDEFINED) {
            counts.templateRedefinitions++;
        } else if (r == TemplateStore.PutResult.REJECTED) {
            problem(new MalformedPacketException(dialect.protocol(), FlowCodecException.NO_OFFSET,
                    "template " + t.id() + " of " + packet.scope + " refused by the template store (limits)"));
        }
        packet.out.template(t);
        if (!pending.isEmpty()) {
            release(t);
        }
        return true;
    }

    /** The exporter restarted: its templates are flushed, its held data dropped. */
    public void exporterRestarted() {
        counts.restarts++;
        store.exporterRestarted(packet.scope);
        dropped(pending.releaseScope(packet.scope), "its exporter restarted before the template came");
    }

    // ------------------------------------------------------------------------------------ data

    /** Reads a data set, or holds it for its template; where the records it read end. */
    private int dataSet(int templateId, int pos, int end) {
        PacketState<H> p = packet;
        Template t = stored(templateId);
        if (t == null) {
            counts.missingTemplateSets++;
            p.missingTemplateSets++;
            if (p.heldHeader == null) {
                p.heldHeader = dialect.header();
            }
            dropped(pending.hold(p.scope, templateId, p.buf, pos, end, p.heldHeader), "the pending-data buffer is full");
            return pos;
        }
        p.records += walk(t, p.buf, pos, end, p.base);
        return walker.trailerOffset();
    }

    /** Walks a data set; how many (data or options) records it held. */
    private int walk(Template t, ByteBuffer b, int pos, int end, int offsetBase) {
        SetSink s = sink;
        s.begin(t, sampling.of(t), offsetBase);
        DecodeOutput<H> out = packet.out;
        FlowRecordHandler<ExportContext> direct = s.plain || s.inspectedOnly ? out.directHandler() : null;
        int n;
        if (direct != null && !s.plain) {
            // records checked by the dialect and nothing else (IPFIX structured data): the check, then the handler
            try {
                n = walker.walkInspected(t, b, pos, end, view, dialect, offsetBase, direct);
            } finally {
                counts.records += walker.handed();
                out.counted(walker.handed());
            }
        } else if (direct != null) {
            // the fast lane: no per-record work, straight to the caller's handler
            n = walker.walkToHandler(t, b, pos, end, view, dialect.context(), direct);
            counts.records += n;
            out.counted(n);
        } else {
            if (!t.isOptions()) {
                out.expect(mostRecords(t, end - pos));
            }
            n = walker.walk(t, b, pos, end, view, s);
        }
        int left = end - walker.trailerOffset();
        switch (walker.trailer()) {
            case ALIGNMENT:
                dialect.alignmentPadding();
                break;
            case LONG_PADDING:
                dialect.longPadding();
                break;
            case TRUNCATED_RECORD:
                if (dialect.shortPadding(t, left)) {
                    dialect.alignmentPadding();
                } else {
                    problem(new MalformedPacketException(dialect.protocol(), walker.trailerOffset() - offsetBase,
                            dialect.dataSetName() + " " + t.id() + ": " + left + " bytes after the last record hold no whole record"));
                }
                break;
            default:
                break;
        }
        return n;
    }

    /** How many records of {@code t} {@code bytes} hold: exactly for a fixed-length template, at most (and at most 256) else. */
    private static int mostRecords(Template t, int bytes) {
        int len = t.isFixedLength() ? t.recordLength() : t.minimumRecordLength();
        int n = len > 0 ? bytes / len : 0;
        return t.isFixedLength() ? n : Math.min(n, 256);
    }

    /**
     * Hands each record of a data set out with its sampling rate, after the dialect's check; learns sampling
     * rates (and what the dialect learns) from options records. Within one data set the exporter's sampling
     * state does not change (options records come in sets of their own), so whether records need a rate
     * look-up is decided once per set, and the common case is a tiny method the JIT inlines into the walk.
     */
    private final class SetSink implements DataSetWalker.RecordSink {
        private Template template;
        private SamplingFields fields;
        private boolean isOptions;
        private boolean inspect;
        private boolean sampled;
        /** A data set whose records need nothing but to be handed over. */
        boolean plain;
        /** A data set of a variable-length template whose records need the dialect's check and nothing else. */
        boolean inspectedOnly;
        private int offsetBase;

        void begin(Template t, SamplingFields f, int offsetBase) {
            this.template = t;
            this.fields = f;
            this.offsetBase = offsetBase;
            this.isOptions = t.isOptions();
            this.inspect = dialect.inspects(t);
            this.sampled = !isOptions && (f.any() || packet.state.hasSamplingRates());
            this.plain = !isOptions && !inspect && !sampled;
            this.inspectedOnly = !isOptions && inspect && !sampled && !t.isFixedLength();
            dialect.recordContext(t.id(), 0);
        }

        @Override
        public void record(RecordView record) {
            if (plain) {
                counts.records++;
                packet.out.data(dialect.context(), record);
                return;
            }
            slowRecord(record);
        }

        private void slowRecord(RecordView record) {
            if (inspect) {
                dialect.inspect(record, offsetBase);
            }
            if (isOptions) {
                if (fields.any()) {
                    fields.learn(record, packet.state);
                }
                dialect.learnFromOptions(record);
                dialect.recordContext(template.id(), 0);
                counts.optionsRecords++;
                packet.out.options(dialect.context(), record);
            } else {
                if (sampled) {
                    dialect.recordContext(template.id(), fields.rate(record, packet.state));
                }
                counts.records++;
                packet.out.data(dialect.context(), record);
            }
        }
    }

    private void release(Template t) {
        PacketState<H> p = packet;
        List<PendingDataSets.Held<H>> held = pending.release(p.scope, t.id());
        for (PendingDataSets.Held<H> h : held) {
            ByteBuffer copy = ByteBuffer.wrap(h.records());
            int n;
            if (h.header() == p.heldHeader) {
                p.out.skipping(true); // the held set's bytes are kept where it stood
                try {
                    n = walk(t, copy, 0, copy.limit(), 0);
                } finally {
                    p.out.skipping(false);
                }
                p.records += n;
            } else {
                H now = dialect.header();
                dialect.header(h.header(), true);
                p.out.beginReleased(h.header());
                try {
                    n = walk(t, copy, 0, copy.limit(), 0);
                } finally {
                    p.out.endReleased();
                    dialect.header(now, false);
                }
            }
            counts.releasedRecords += n; // data and options records alike
        }
    }

    private void dropped(List<PendingDataSets.Held<H>> sets, String why) {
        for (PendingDataSets.Held<H> h : sets) {
            counts.missingTemplateSetsDropped++;
            counts.repaired++;
            note(FlowCodecException.NO_OFFSET, dialect.dataSetName() + " " + h.templateId() + " of " + h.scope() + " ("
                    + h.records().length + " bytes, sequence " + dialect.sequence(h.header()) + ") dropped: " + why);
        }
    }

    // ------------------------------------------------------------------------------------ counters

    /** A snapshot of the common counters and the dialect's own. */
    public DecoderCounters counters() {
        TemplatedCounts c = counts;
        DecoderCounters.Builder b = DecoderCounters.builder(dialect.protocol()).datagrams(c.datagrams).records(c.records)
                .optionsRecords(c.optionsRecords).templates(c.templates + c.optionsTemplates).repaired(c.repaired)
                .rejected(c.rejected).missingTemplateSets(c.missingTemplateSets)
                .missingTemplateSetsDropped(c.missingTemplateSetsDropped).lostSequenceNumbers(c.lostSequenceNumbers)
                .restarts(c.restarts).pendingSets(pending.size())
                .extra("optionsTemplates", c.optionsTemplates).extra("templateRedefinitions", c.templateRedefinitions)
                .extra("releasedRecords", c.releasedRecords).extra("sequenceResets", c.sequenceResets)
                .extra("zeroLengthFields", c.zeroLengthFields);
        dialect.counters(b);
        return b.build();
    }
}
