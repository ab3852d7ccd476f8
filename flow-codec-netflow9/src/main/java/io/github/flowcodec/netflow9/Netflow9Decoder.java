package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import io.github.flowcodec.core.internal.templated.DataSetWalker;
import io.github.flowcodec.core.internal.templated.DecodeOutput;
import io.github.flowcodec.core.internal.templated.ExporterState;
import io.github.flowcodec.core.internal.templated.ExporterStates;
import io.github.flowcodec.core.internal.templated.HandlerOutput;
import io.github.flowcodec.core.internal.templated.PendingDataSets;
import io.github.flowcodec.core.internal.templated.RecordBatch;
import io.github.flowcodec.core.internal.templated.SamplingFields;
import io.github.flowcodec.core.internal.templated.ScopeCache;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * decoder.decode(datagram, exporter, new FlowRecordHandler() {
 *     public void onRecord(ExportContext ctx, RecordView r) { sink.accept(r.toRecord()); }
 *     public void onOptionsRecord(ExportContext ctx, RecordView r) { interfaces.learn(r); }
 * });
 * Netflow9Packet packet = decoder.decode(datagram, exporter); // materialized
 * }</pre>
 */
public final class Netflow9Decoder implements DatagramDecoder {

    /** Default bound of the buffer of data sets waiting for their template. */
    public static final int DEFAULT_PENDING_SETS = 1024;
    /** Default bound in bytes of the buffer of data sets waiting for their template. */
    public static final long DEFAULT_PENDING_BYTES = 4L << 20;
    /** Default time a data set waits for its template. */
    public static final Duration DEFAULT_PENDING_AGE = Duration.ofMinutes(5);

    /** The boot time implied by sys_uptime and unix_secs may move this much without meaning a restart. */
    static final long BOOT_TIME_TOLERANCE_MILLIS = 30_000;
    /** An uptime within this much of 2^32 followed by one within this much of 0 is the wrap, not a restart. */
    static final long WRAP_WINDOW_MILLIS = 3_600_000;

    private static final FlowProtocol V9 = FlowProtocol.NETFLOW_V9;

    private final DecoderOptions options;
    private final boolean lenient;
    private final TemplateStore store;
    private final InformationElementRegistry registry;
    private final ScopeCache scopes;
    private final ExporterStates states = new ExporterStates(1 << 16);
    private final PendingDataSets<Netflow9Header> pending;
    private final SamplingFields.Cache sampling = new SamplingFields.Cache();
    private final DataSetWalker walker = new DataSetWalker();
    private final RecordView view = new RecordView();
    private final Netflow9Context context = new Netflow9Context();
    private final DataSink dataSink = new DataSink();
    private final HandlerOutput<Netflow9Header> handlerOutput = new HandlerOutput<>();

    // per packet
    private ByteBuffer buf;
    private int base;
    private TemplateScope scope;
    private ExporterState state;
    private DecodeOutput<Netflow9Header> out;
    private Netflow9Header heldHeader;
    private int seenRecords;

    // counters
    private long packets;
    private long records;
    private long optionsRecords;
    private long templates;
    private long optionsTemplates;
    private long redefinitions;
    private long missingTemplateSets;
    private long missingTemplateSetsDropped;
    private long releasedRecords;
    private long lostPackets;
    private long latePackets;
    private long sequenceResets;
    private long restarts;
    private long countMismatches;
    private long trailingPadding;
    private long longPadding;
    private long unalignedSets;
    private long zeroLengthFields;
    private long skipped;
    private long rejected;

    /** A strict decoder with a store of its own. */
    public Netflow9Decoder() {
        this(DecoderOptions.DEFAULT);
    }

    /** A decoder with these options and the default bounds of the pending-data buffer. */
    public Netflow9Decoder(DecoderOptions options) {
        this(options, DEFAULT_PENDING_SETS, DEFAULT_PENDING_BYTES, DEFAULT_PENDING_AGE);
    }

    /**
     * A decoder with these options and bounds for the data sets that wait for their template.
     *
     * @param pendingSets at most this many sets wait (0: data without a template is dropped and counted at once)
     * @param pendingBytes at most this many bytes wait in all
     * @param pendingAge a set waits at most this long
     */
    public Netflow9Decoder(DecoderOptions options, int pendingSets, long pendingBytes, Duration pendingAge) {
        this.options = Objects.requireNonNull(options, "options");
        this.lenient = options.lenient();
        this.store = options.templateStore();
        this.registry = options.registry();
        this.scopes = new ScopeCache(V9, options.scopePolicy(), 1 << 16);
        this.pending = new PendingDataSets<>(pendingSets, pendingBytes, pendingAge.toNanos(), System::nanoTime);
    }

    /** The template store this decoder keeps templates in. */
    public TemplateStore templateStore() {
        return store;
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
    public io.github.flowcodec.core.DecoderCounters counters() {
        return io.github.flowcodec.core.DecoderCounters.builder(V9).datagrams(packets).records(records)
                .optionsRecords(optionsRecords).templates(templates + optionsTemplates).repaired(skipped).rejected(rejected)
                .missingTemplateSets(missingTemplateSets).missingTemplateSetsDropped(missingTemplateSetsDropped)
                .pendingSets(pending.size())
                .lostSequenceNumbers(lostPackets).restarts(restarts)
                .extra("optionsTemplates", optionsTemplates).extra("templateRedefinitions", redefinitions)
                .extra("releasedRecords", releasedRecords).extra("latePackets", latePackets)
                .extra("sequenceResets", sequenceResets).extra("countMismatches", countMismatches)
                .extra("trailingPadding", trailingPadding).extra("longPadding", longPadding)
                .extra("unalignedSets", unalignedSets).extra("zeroLengthFields", zeroLengthFields).build();
    }


    /** How many data sets wait for their template now. */
    public int pendingSets() {
        return pending.size();
    }

    // ------------------------------------------------------------------------------------ the two paths

    @Override
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        HandlerOutput<Netflow9Header> o = handlerOutput;
        o.start(handler);
        try {
            parse(datagram, exporter, o); // no header object: the zero-copy path allocates none per packet
        } catch (io.github.flowcodec.core.FlowCodecException e) {
            rejected++;
            throw e;
        } finally {
            o.finish();
        }
        return o.count();
    }

    @Override
    public Netflow9Packet decode(ByteBuffer datagram, InetSocketAddress exporter) {
        PacketOutput o = new PacketOutput();
        try {
            parse(datagram, exporter, o);
        } catch (io.github.flowcodec.core.FlowCodecException e) {
            rejected++;
            throw e;
        }
        Netflow9Header header = heldHeader != null ? heldHeader : context.header();
        return o.packet(header);
    }

    /** The materialized path: this packet's batch, and one batch per earlier packet whose data it released. */
    private final class PacketOutput implements DecodeOutput<Netflow9Header> {
        final RecordBatch own = new RecordBatch();
        final List<Template> templates = new ArrayList<>();
        List<FlowPacket> released;
        Netflow9Header releasedHeader;
        RecordBatch current = own;

        @Override
        public void data(ExportContext ctx, RecordView record) {
            current.data(ctx, record);
        }

        @Override
        public void options(ExportContext ctx, RecordView record) {
            current.options(record);
        }

        @Override
        public void template(Template t) {
            templates.add(t);
        }

        @Override
        public void beginReleased(Netflow9Header header) {
            releasedHeader = header;
            current = new RecordBatch();
        }

        @Override
        public void endReleased() {
            if (released == null) {
                released = new ArrayList<>();
            }
            released.add(new Netflow9Packet(context.exporter(), releasedHeader, current.records(), current.rates(),
                    current.options(), List.of(), List.of()));
            current = own;
        }

        Netflow9Packet packet(Netflow9Header header) {
            return new Netflow9Packet(context.exporter(), header, own.records(), own.rates(), own.options(), templates,
                    released == null ? List.of() : released);
        }
    }

    // ------------------------------------------------------------------------------------ the parser

    private void parse(ByteBuffer datagram, InetSocketAddress exporter, DecodeOutput<Netflow9Header> output) {
        ByteBuffer b = RecordView.bigEndian(datagram);
        int start = b.position();
        int limit = b.limit();
        if (limit - start < Netflow9.HEADER_LENGTH) {
            throw new TruncatedPacketException(V9, 0, "a NetFlow v9 header needs " + Netflow9.HEADER_LENGTH
                    + " bytes, the datagram has " + (limit - start));
        }
        int version = b.getShort(start) & 0xFFFF;
        if (version != Netflow9.VERSION) {
            throw new UnsupportedVersionException(V9, 0, "version " + version + ", expected 9");
        }
        InetSocketAddress from = exporter == null ? ExportContext.UNKNOWN_EXPORTER : exporter;
        int count = b.getShort(start + 2) & 0xFFFF;
        long uptime = b.getInt(start + 4) & 0xFFFF_FFFFL;
        long unixSecs = b.getInt(start + 8) & 0xFFFF_FFFFL;
        long sequence = b.getInt(start + 12) & 0xFFFF_FFFFL;
        long sourceId = b.getInt(start + 16) & 0xFFFF_FFFFL;

        this.buf = b;
        this.base = start;
        this.out = output;
        this.heldHeader = null;
        this.seenRecords = 0;
        this.scope = scopes.scope(from, sourceId);
        this.state = states.of(scope);
        context.set(from, count, uptime, unixSecs, sequence, sourceId);

        if (state.uptimeShowsRestart(uptime, unixSecs * 1000L, BOOT_TIME_TOLERANCE_MILLIS, WRAP_WINDOW_MILLIS)) {
            restarts++;
            store.exporterRestarted(scope);
            dropped(pending.releaseScope(scope), "its exporter restarted before the template came");
        }
        switch (state.sequence(sequence, 1)) {
            case GAP:
                lostPackets += state.lastGap();
                break;
            case LATE:
                latePackets++;
                break;
            case RESET:
                sequenceResets++;
                break;
            default:
                break;
        }
        if (!pending.isEmpty()) {
            dropped(pending.expire(), "its template did not come in time");
        }

        int pos = start + Netflow9.HEADER_LENGTH;
        while (pos < limit) {
            int left = limit - pos;
            if (left < Netflow9.SET_HEADER_LENGTH || (b.getShort(pos + 2) & 0xFFFF) < Netflow9.SET_HEADER_LENGTH) {
                if (DataSetWalker.allZero(b, pos, limit)) {
                    trailingPadding++;
                    break;
                }
                if (left < Netflow9.SET_HEADER_LENGTH) {
                    problem(new TruncatedPacketException(V9, pos - start, left + " bytes after the last FlowSet, too few for a FlowSet header"));
                } else {
                    problem(new MalformedPacketException(V9, pos - start, "FlowSet length " + (b.getShort(pos + 2) & 0xFFFF)
                            + " is below 4: the rest of the datagram cannot be walked"));
                }
                break;
            }
            int setId = b.getShort(pos) & 0xFFFF;
            int setLength = b.getShort(pos + 2) & 0xFFFF;
            int end = pos + setLength;
            if (setLength > left) {
                problem(new TruncatedPacketException(V9, pos - start, "FlowSet " + setId + " of " + setLength
                        + " bytes runs past the end of the datagram (" + left + " bytes left)"));
                end = limit; // lenient: whatever whole records are there
            }
            if ((setLength & 3) != 0) {
                unalignedSets++;
            }
            int body = pos + Netflow9.SET_HEADER_LENGTH;
            if (setId == Netflow9.TEMPLATE_SET_ID) {
                templateSet(body, end);
            } else if (setId == Netflow9.OPTIONS_TEMPLATE_SET_ID) {
                optionsTemplateSet(body, end);
            } else if (setId < Netflow9.MIN_DATA_SET_ID) {
                problem(new MalformedPacketException(V9, pos - start, "FlowSet id " + setId + " is reserved"));
            } else {
                dataSet(setId, body, end);
            }
            pos = end;
        }
        if (seenRecords != count) {
            countMismatches++;
        }
        packets++;
        this.buf = null;
        this.out = null;
    }

    private void problem(io.github.flowcodec.core.FlowCodecException e) {
        if (!lenient) {
            throw e;
        }
        skipped++;
        options.problemListener().accept(new DecodeProblem(V9, e.offset(), e.reason()));
    }

    // ------------------------------------------------------------------------------------ templates

    private void templateSet(int pos, int end) {
        ByteBuffer b = buf;
        while (end - pos >= 4) {
            int id = b.getShort(pos) & 0xFFFF;
            int fieldCount = b.getShort(pos + 2) & 0xFFFF;
            if (id == 0 && fieldCount == 0 && DataSetWalker.allZero(b, pos, end)) {
                return; // padding
            }
            if (id < Netflow9.MIN_DATA_SET_ID) {
                problem(new MalformedPacketException(V9, pos - base, "template id " + id + " is below 256"));
                return;
            }
            if (fieldCount == 0) {
                problem(new MalformedPacketException(V9, pos - base, "template " + id + " has no fields"));
                pos += 4;
                continue;
            }
            long need = 4 + 4L * fieldCount;
            if (need > end - pos) {
                problem(new MalformedPacketException(V9, pos - base, "template " + id + " declares " + fieldCount
                        + " fields (" + need + " bytes) but its FlowSet has " + (end - pos) + " bytes left"));
                return;
            }
            seenRecords++;
            int fields = pos + 4;
            if (checkFieldLengths(id, fields, fieldCount)) {
                Template existing = stored(id);
                Template t = existing != null && !existing.isOptions() && sameFields(existing, fields, 0, fieldCount)
                        ? existing : buildTemplate(id, fields, fieldCount, 0);
                templates++;
                put(t, existing);
            }
            pos += (int) need;
        }
    }

    private void optionsTemplateSet(int pos, int end) {
        ByteBuffer b = buf;
        while (end - pos >= 6) {
            int id = b.getShort(pos) & 0xFFFF;
            int scopeLength = b.getShort(pos + 2) & 0xFFFF;
            int optionLength = b.getShort(pos + 4) & 0xFFFF;
            if (id == 0 && DataSetWalker.allZero(b, pos, end)) {
                return; // padding
            }
            if (id < Netflow9.MIN_DATA_SET_ID) {
                problem(new MalformedPacketException(V9, pos - base, "options template id " + id + " is below 256"));
                return;
            }
            if ((scopeLength & 3) != 0 || (optionLength & 3) != 0) {
                problem(new MalformedPacketException(V9, pos - base, "options template " + id + ": scope length "
                        + scopeLength + " and option length " + optionLength + " must be multiples of 4"));
                return;
            }
            int need = 6 + scopeLength + optionLength;
            if (need > end - pos) {
                problem(new MalformedPacketException(V9, pos - base, "options template " + id + " needs " + need
                        + " bytes but its FlowSet has " + (end - pos) + " bytes left"));
                return;
            }
            int scopeCount = scopeLength / 4;
            int fieldCount = scopeCount + optionLength / 4;
            seenRecords++;
            if (scopeCount == 0) {
                problem(new MalformedPacketException(V9, pos - base, "options template " + id + " has no scope field"));
            } else if (checkFieldLengths(id, pos + 6, fieldCount)) {
                Template existing = stored(id);
                Template t = existing != null && existing.isOptions() && existing.scopeFieldCount() == scopeCount
                        && sameFields(existing, pos + 6, scopeCount, fieldCount)
                        ? existing : buildTemplate(id, pos + 6, fieldCount, scopeCount);
                optionsTemplates++;
                put(t, existing);
            }
            pos += need;
        }
    }

    /**
     * Checks the field lengths: a field of length 0 is malformed (strict throws) but real exporters send
     * them (logstash's 0length_fields capture), so lenient mode reports it and keeps the template; a
     * template whose records would have no bytes at all is refused in both modes (nothing to walk).
     */
    private boolean checkFieldLengths(int id, int fields, int fieldCount) {
        boolean hasBytes = false;
        for (int i = 0; i < fieldCount; i++) {
            int p = fields + 4 * i;
            if ((buf.getShort(p + 2) & 0xFFFF) == 0) {
                zeroLengthFields++;
                problem(new MalformedPacketException(V9, p - base, "template " + id + ": field " + i + " (type "
                        + (buf.getShort(p) & 0xFFFF) + ") has length 0"));
            } else {
                hasBytes = true;
            }
        }
        if (!hasBytes) {
            if (lenient) {
                problem(new MalformedPacketException(V9, fields - base, "template " + id + ": its records would have no bytes: refused"));
            }
            return false;
        }
        return true;
    }

    private Template stored(int id) {
        Optional<Template> t = store.get(scope, id);
        return t.isPresent() ? t.get() : null;
    }

    /** Whether the template's fields are those at {@code fields} (scope fields first): a refresh. */
    private boolean sameFields(Template t, int fields, int scopeCount, int fieldCount) {
        if (t.fieldCount() != fieldCount) {
            return false;
        }
        for (int i = 0; i < fieldCount; i++) {
            int p = fields + 4 * i;
            FieldSpec f = t.field(i);
            int type = buf.getShort(p) & 0xFFFF;
            int length = buf.getShort(p + 2) & 0xFFFF;
            if (f.length() != length) {
                return false;
            }
            long enterprise = i < scopeCount ? Netflow9.SCOPE_ENTERPRISE : 0;
            if (f.element().id() != type || f.element().enterprise() != enterprise) {
                return false;
            }
        }
        return true;
    }

    private Template buildTemplate(int id, int fields, int fieldCount, int scopeCount) {
        List<FieldSpec> specs = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            int p = fields + 4 * i;
            int type = buf.getShort(p) & 0xFFFF;
            int length = buf.getShort(p + 2) & 0xFFFF;
            specs.add(FieldSpec.of(i < scopeCount ? Netflow9.scopeElement(type) : Netflow9.element(registry, type), length));
        }
        return scopeCount > 0 ? Template.options(id, scopeCount, specs) : Template.of(id, specs);
    }

    private void put(Template t, Template existing) {
        TemplateStore.PutResult r = store.put(scope, t);
        if (r == TemplateStore.PutResult.REDEFINED) {
            redefinitions++;
        }
        if (r == TemplateStore.PutResult.REJECTED) {
            problem(new MalformedPacketException(V9, io.github.flowcodec.core.FlowCodecException.NO_OFFSET,
                    "template " + t.id() + " of " + scope + " refused by the template store (limits)"));
        }
        out.template(t);
        if (!pending.isEmpty()) {
            release(t);
        }
    }

    // ------------------------------------------------------------------------------------ data

    private void dataSet(int templateId, int pos, int end) {
        Template t = stored(templateId);
        if (t == null) {
            missingTemplateSets++;
            if (heldHeader == null) {
                heldHeader = context.header();
            }
            dropped(pending.hold(scope, templateId, buf, pos, end, heldHeader), "the pending-data buffer is full");
            return;
        }
        walk(t, buf, pos, end, base);
    }

    /** Walks a data set; how many (data or options) records it held. */
    private int walk(Template t, ByteBuffer b, int pos, int end, int offsetBase) {
        DataSink sink = dataSink;
        sink.begin(t, sampling.of(t));
        int n;
        if (!sink.perRecord && out == handlerOutput) {
            n = walker.walkToHandler(t, b, pos, end, view, context, handlerOutput.handler());
            records += n;
            handlerOutput.counted(n);
        } else {
            n = walker.walk(t, b, pos, end, view, sink);
        }
        seenRecords += n;
        switch (walker.trailer()) {
            case LONG_PADDING:
                longPadding++;
                break;
            case TRUNCATED_RECORD:
                problem(new MalformedPacketException(V9, walker.trailerOffset() - offsetBase, "data FlowSet "
                        + t.id() + ": " + (end - walker.trailerOffset()) + " bytes after the last record hold no whole record"));
                break;
            default:
                break;
        }
        return n;
    }

    /**
     * Hands each record of a data set out, with its sampling rate; learns sampling rates from options records.
     * The common case (a data record whose rate does not vary within the set) is kept tiny so the JIT inlines
     * it into the walker's loop: the context is set once per set, not once per record.
     */
    private final class DataSink implements DataSetWalker.RecordSink {
        private Template template;
        private SamplingFields fields;
        /** Options records, or data records whose rate is read from each record: the slow path. */
        private boolean perRecord;

        void begin(Template t, SamplingFields f) {
            this.template = t;
            this.fields = f;
            boolean isOptions = t.isOptions();
            boolean rateInRecord = !isOptions && (f.any() || state.hasSamplingRates());
            this.perRecord = isOptions || rateInRecord;
            context.record(t.id(), 0);
        }

        @Override
        public void record(RecordView record) {
            if (perRecord) {
                slowRecord(record);
                return;
            }
            records++;
            out.data(context, record);
        }

        private void slowRecord(RecordView record) {
            if (template.isOptions()) {
                if (fields.any()) {
                    fields.learn(record, state);
                }
                context.record(template.id(), 0);
                optionsRecords++;
                out.options(context, record);
            } else {
                context.record(template.id(), fields.rate(record, state));
                records++;
                out.data(context, record);
            }
        }
    }

    private void release(Template t) {
        List<PendingDataSets.Held<Netflow9Header>> held = pending.release(scope, t.id());
        for (PendingDataSets.Held<Netflow9Header> h : held) {
            ByteBuffer copy = ByteBuffer.wrap(h.records());
            boolean samePacket = h.header() == heldHeader;
            int n;
            if (samePacket) {
                n = walk(t, copy, 0, copy.limit(), 0);
            } else {
                Netflow9Header now = context.header();
                context.set(context.exporter(), h.header());
                context.released(true);
                out.beginReleased(h.header());
                try {
                    n = walk(t, copy, 0, copy.limit(), 0);
                } finally {
                    out.endReleased();
                    context.set(context.exporter(), now);
                }
                seenRecords -= n; // they belong to the earlier packet's count
            }
            releasedRecords += n; // data and options records alike
        }
    }

    private void dropped(List<PendingDataSets.Held<Netflow9Header>> sets, String why) {
        for (PendingDataSets.Held<Netflow9Header> h : sets) {
            missingTemplateSetsDropped++;
            skipped++;
            options.problemListener().accept(new DecodeProblem(V9, io.github.flowcodec.core.FlowCodecException.NO_OFFSET,
                    "data FlowSet " + h.templateId() + " of " + h.scope() + " (" + h.records().length
                            + " bytes, packet " + h.header().sequence() + ") dropped: " + why));
        }
    }
}
