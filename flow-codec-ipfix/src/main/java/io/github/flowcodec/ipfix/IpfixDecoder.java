package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DataTypeSemantics;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.Unit;
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
import io.github.flowcodec.ipfix.internal.IpfixScopeState;
import io.github.flowcodec.ipfix.internal.OptionsFields;
import io.github.flowcodec.ipfix.internal.StructuredCheck;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Strict mode throws a {@link FlowCodecException} with the byte offset for anything malformed; lenient
 * mode skips what is broken, keeps the rest, reports each problem to the options' problem listener and
 * counts it. A datagram shorter than the header, of another version or with a length below 16 is rejected
 * in both modes.
 *
 * <p>One decoder per thread (it reuses its views); the template store may be shared.
 *
 * <pre>{@code
 * IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * decoder.decode(datagram, exporter, new FlowRecordHandler() {
 *     public void onRecord(ExportContext ctx, RecordView r) { sink.accept(r.toRecord()); }
 *     public void onOptionsRecord(ExportContext ctx, RecordView r) { interfaces.learn(r); }
 * });
 * IpfixMessage message = decoder.decode(datagram, exporter); // materialized
 * }</pre>
 */
public final class IpfixDecoder implements DatagramDecoder {

    /** Default bound of the buffer of data sets waiting for their template. */
    public static final int DEFAULT_PENDING_SETS = 1024;
    /** Default bound in bytes of the buffer of data sets waiting for their template. */
    public static final long DEFAULT_PENDING_BYTES = 4L << 20;
    /** Default time a data set waits for its template. */
    public static final Duration DEFAULT_PENDING_AGE = Duration.ofMinutes(5);

    private static final FlowProtocol IPFIX = FlowProtocol.IPFIX;

    private final DecoderOptions options;
    private final boolean lenient;
    private final TemplateStore store;
    private final InformationElementRegistry registry;
    private final ScopeCache scopes;
    private final ExporterStates states = new ExporterStates(1 << 16);
    private final IpfixScopeState.Table scopeStates = new IpfixScopeState.Table(1 << 16);
    private final PendingDataSets<IpfixHeader> pending;
    private final SamplingFields.Cache sampling = new SamplingFields.Cache();
    private final OptionsFields.Cache optionsFields = new OptionsFields.Cache();
    private final DataSetWalker walker = new DataSetWalker();
    private final StructuredCheck structured = new StructuredCheck();
    private final RecordView view = new RecordView();
    private final IpfixContext context = new IpfixContext();
    private final DataSink dataSink = new DataSink();
    private final HandlerOutput<IpfixHeader> handlerOutput = new HandlerOutput<>();

    // per message
    private ByteBuffer buf;
    private int base;
    private TemplateScope scope;
    private ExporterState state;
    private IpfixScopeState scopeState;
    private DecodeOutput<IpfixHeader> out;
    private IpfixHeader heldHeader;
    private long messageRecords;

    // counters
    private long messages;
    private long records;
    private long optionsRecords;
    private long templates;
    private long optionsTemplates;
    private long redefinitions;
    private long withdrawals;
    private long unknownWithdrawals;
    private long missingTemplateSets;
    private long missingTemplateSetsDropped;
    private long releasedRecords;
    private long lostRecords;
    private long lateMessages;
    private long sequenceResets;
    private long sequenceCountsCurrent;
    private long trailingBytes;
    private long setPadding;
    private long zeroLengthFields;
    private long elementTypesLearned;
    private long skipped;
    private long rejected;

    /** A strict decoder with a store of its own. */
    public IpfixDecoder() {
        this(DecoderOptions.DEFAULT);
    }

    /** A decoder with these options and the default bounds of the pending-data buffer. */
    public IpfixDecoder(DecoderOptions options) {
        this(options, DEFAULT_PENDING_SETS, DEFAULT_PENDING_BYTES, DEFAULT_PENDING_AGE);
    }

    /**
     * A decoder with these options and bounds for the data sets that wait for their template.
     *
     * @param pendingSets at most this many sets wait (0: data without a template is dropped and counted at once)
     * @param pendingBytes at most this many bytes wait in all
     * @param pendingAge a set waits at most this long
     */
    public IpfixDecoder(DecoderOptions options, int pendingSets, long pendingBytes, Duration pendingAge) {
        this.options = Objects.requireNonNull(options, "options");
        this.lenient = options.lenient();
        this.store = options.templateStore();
        this.registry = options.registry();
        this.scopes = new ScopeCache(IPFIX, options.scopePolicy(), 1 << 16);
        this.pending = new PendingDataSets<>(pendingSets, pendingBytes, pendingAge.toNanos(), System::nanoTime);
    }

    /** The template store this decoder keeps templates in. */
    public TemplateStore templateStore() {
        return store;
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
    public io.github.flowcodec.core.DecoderCounters counters() {
        return io.github.flowcodec.core.DecoderCounters.builder(IPFIX).datagrams(messages).records(records)
                .optionsRecords(optionsRecords).templates(templates + optionsTemplates).repaired(skipped).rejected(rejected)
                .missingTemplateSets(missingTemplateSets).missingTemplateSetsDropped(missingTemplateSetsDropped)
                .pendingSets(pending.size())
                .lostSequenceNumbers(lostRecords)
                .extra("optionsTemplates", optionsTemplates).extra("templateRedefinitions", redefinitions)
                .extra("withdrawals", withdrawals).extra("unknownWithdrawals", unknownWithdrawals)
                .extra("releasedRecords", releasedRecords).extra("lateMessages", lateMessages)
                .extra("sequenceResets", sequenceResets).extra("sequenceCountsCurrent", sequenceCountsCurrent)
                .extra("trailingBytes", trailingBytes).extra("setPadding", setPadding)
                .extra("zeroLengthFields", zeroLengthFields).extra("elementTypesLearned", elementTypesLearned).build();
    }


    /** How many data sets wait for their template now. */
    public int pendingSets() {
        return pending.size();
    }

    /** The enterprise elements the scope's RFC 5610 type records described (a snapshot; empty when none). */
    public List<InformationElement> learnedElements(TemplateScope scope) {
        IpfixScopeState s = scopeStates.peek(Objects.requireNonNull(scope, "scope"));
        return s == null ? List.of() : List.copyOf(s.elements());
    }

    // ------------------------------------------------------------------------------------ the two paths

    @Override
    public int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        HandlerOutput<IpfixHeader> o = handlerOutput;
        o.start(handler);
        try {
            parse(datagram, exporter, o);
        } catch (FlowCodecException e) {
            rejected++;
            throw e;
        } finally {
            o.finish();
        }
        return o.count();
    }

    @Override
    public IpfixMessage decode(ByteBuffer datagram, InetSocketAddress exporter) {
        PacketOutput o = new PacketOutput();
        try {
            parse(datagram, exporter, o);
        } catch (FlowCodecException e) {
            rejected++;
            throw e;
        }
        IpfixHeader header = heldHeader != null ? heldHeader : context.header();
        return o.message(header);
    }

    /** The materialized path: this message's batch, and one batch per earlier message whose data it released. */
    private final class PacketOutput implements DecodeOutput<IpfixHeader> {
        final RecordBatch own = new RecordBatch();
        final List<Template> templates = new ArrayList<>();
        List<FlowPacket> released;
        IpfixHeader releasedHeader;
        RecordBatch current = own;
        /** Whether this message's records, or the released ones being collected, have structured data. */
        boolean ownLists;
        boolean releasedLists;
        Template lastChecked;

        private void noteLists(Template t) {
            if (t != lastChecked) {
                lastChecked = t;
                for (FieldSpec f : t.fields()) {
                    if (f.element().dataType().isList()) {
                        if (current == own) {
                            ownLists = true;
                        } else {
                            releasedLists = true;
                        }
                        return;
                    }
                }
            }
        }

        @Override
        public void data(ExportContext ctx, RecordView record) {
            noteLists(record.template());
            current.data(ctx, record);
        }

        @Override
        public void options(ExportContext ctx, RecordView record) {
            noteLists(record.template());
            current.options(record);
        }

        @Override
        public void template(Template t) {
            templates.add(t);
        }

        @Override
        public void beginReleased(IpfixHeader header) {
            releasedHeader = header;
            current = new RecordBatch();
            releasedLists = false;
            lastChecked = null;
        }

        @Override
        public void endReleased() {
            if (released == null) {
                released = new ArrayList<>();
            }
            released.add(new IpfixMessage(context.exporter(), releasedHeader, current.records(), current.rates(),
                    current.options(), List.of(), List.of(), scopeTemplates(releasedLists), context.systemInitTimeMillis()));
            current = own;
            lastChecked = null;
        }

        IpfixMessage message(IpfixHeader header) {
            return new IpfixMessage(context.exporter(), header, own.records(), own.rates(), own.options(), templates,
                    released == null ? List.of() : released, scopeTemplates(ownLists), context.systemInitTimeMillis());
        }

        /** The scope's templates, kept with a message whose records have structured data (for its subTemplateLists). */
        private Map<Integer, Template> scopeTemplates(boolean lists) {
            if (!lists || context.scope() == null) {
                return Map.of();
            }
            Map<Integer, Template> m = new HashMap<>();
            for (Template t : store.templates(context.scope())) {
                m.put(t.id(), t);
            }
            return m;
        }
    }

    // ------------------------------------------------------------------------------------ the parser

    private void parse(ByteBuffer datagram, InetSocketAddress exporter, DecodeOutput<IpfixHeader> output) {
        ByteBuffer b = RecordView.bigEndian(datagram);
        int start = b.position();
        int limit = b.limit();
        int available = limit - start;
        if (available < Ipfix.HEADER_LENGTH) {
            throw new TruncatedPacketException(IPFIX, 0, "an IPFIX message header needs " + Ipfix.HEADER_LENGTH
                    + " bytes, the datagram has " + available);
        }
        int version = b.getShort(start) & 0xFFFF;
        if (version != Ipfix.VERSION) {
            throw new UnsupportedVersionException(IPFIX, 0, "version " + version + ", expected 10");
        }
        int length = b.getShort(start + 2) & 0xFFFF;
        if (length < Ipfix.HEADER_LENGTH) {
            throw new MalformedPacketException(IPFIX, 2, "message length " + length + " is below the header's 16 bytes");
        }
        InetSocketAddress from = exporter == null ? ExportContext.UNKNOWN_EXPORTER : exporter;
        long exportSecs = b.getInt(start + 4) & 0xFFFF_FFFFL;
        long sequence = b.getInt(start + 8) & 0xFFFF_FFFFL;
        long domain = b.getInt(start + 12) & 0xFFFF_FFFFL;

        this.buf = b;
        this.base = start;
        this.out = output;
        this.heldHeader = null;
        this.messageRecords = 0;
        this.scope = scopes.scope(from, domain);
        this.state = states.of(scope);
        this.scopeState = scopeStates.of(scope);
        context.set(from, length, exportSecs, sequence, domain);
        context.scope(store, scope, scopeState.initMillis());

        int end = start + length;
        if (length > available) {
            problem(new TruncatedPacketException(IPFIX, 2, "message length " + length + " runs past the end of the datagram ("
                    + available + " bytes)"));
            end = limit;
        } else if (length < available) {
            trailingBytes++;
        }
        if (!pending.isEmpty()) {
            dropped(pending.expire(), "its template did not come in time");
        }
        long heldBefore = missingTemplateSets;
        try {
            int pos = start + Ipfix.HEADER_LENGTH;
            while (pos < end) {
                int left = end - pos;
                int setLength = left >= Ipfix.SET_HEADER_LENGTH ? b.getShort(pos + 2) & 0xFFFF : 0;
                if (left < Ipfix.SET_HEADER_LENGTH || setLength < Ipfix.SET_HEADER_LENGTH) {
                    if (DataSetWalker.allZero(b, pos, end)) {
                        setPadding++; // zero bytes after the last set: padding inside the message
                        break;
                    }
                    if (left < Ipfix.SET_HEADER_LENGTH) {
                        problem(new TruncatedPacketException(IPFIX, pos - start, left + " bytes after the last set, too few for a set header"));
                    } else {
                        problem(new MalformedPacketException(IPFIX, pos - start, "set length " + setLength
                                + " is below 4: the rest of the message cannot be walked"));
                    }
                    break;
                }
                int setId = b.getShort(pos) & 0xFFFF;
                int setEnd = pos + setLength;
                if (setLength > left) {
                    problem(new TruncatedPacketException(IPFIX, pos + 2 - start, "set " + setId + " of " + setLength
                            + " bytes runs past the end of the message (" + left + " bytes left)"));
                    setEnd = end;
                }
                int body = pos + Ipfix.SET_HEADER_LENGTH;
                if (setId == Ipfix.TEMPLATE_SET_ID) {
                    templateSet(body, setEnd, false);
                } else if (setId == Ipfix.OPTIONS_TEMPLATE_SET_ID) {
                    templateSet(body, setEnd, true);
                } else if (setId < Ipfix.MIN_DATA_SET_ID) {
                    problem(new MalformedPacketException(IPFIX, pos - start, "set id " + setId + " is reserved"));
                } else {
                    dataSet(setId, body, setEnd);
                }
                pos = setEnd;
            }
        } finally {
            this.buf = null;
            this.out = null;
        }
        if (missingTemplateSets != heldBefore) {
            state.forgetSequence(); // records we cannot count yet: the next message starts the count afresh
        } else {
            switch (state.recordSequence(sequence, messageRecords)) {
                case GAP:
                    lostRecords += state.lastGap();
                    break;
                case LATE:
                    lateMessages++;
                    break;
                case RESET:
                    sequenceResets++;
                    break;
                case COUNTS_CURRENT:
                    sequenceCountsCurrent++;
                    break;
                default:
                    break;
            }
        }
        messages++;
    }

    private void problem(FlowCodecException e) {
        if (!lenient) {
            throw e;
        }
        skipped++;
        options.problemListener().accept(new DecodeProblem(IPFIX, e.offset(), e.reason()));
    }

    // ------------------------------------------------------------------------------------ templates

    private void templateSet(int pos, int end, boolean optionsSet) {
        ByteBuffer b = buf;
        int headerLength = optionsSet ? 6 : 4;
        while (end - pos >= 4) {
            int id = b.getShort(pos) & 0xFFFF;
            int fieldCount = b.getShort(pos + 2) & 0xFFFF;
            if (id == 0 && fieldCount == 0 && DataSetWalker.allZero(b, pos, end)) {
                setPadding++;
                return;
            }
            if (fieldCount == 0) {
                withdrawal(id, optionsSet, pos);
                pos += 4;
                continue;
            }
            if (end - pos < headerLength) {
                problem(new MalformedPacketException(IPFIX, pos - base, "options template " + id + " record cut short by its set"));
                return;
            }
            int scopeCount = optionsSet ? b.getShort(pos + 4) & 0xFFFF : 0;
            int fields = pos + headerLength;
            if (4L * fieldCount > end - fields) {
                problem(new MalformedPacketException(IPFIX, pos - base, "template " + id + " declares " + fieldCount
                        + " fields (at least " + 4L * fieldCount + " bytes) but its set has " + (end - fields) + " bytes left"));
                return;
            }
            int next = skipFields(fields, end, fieldCount);
            if (next < 0) {
                problem(new MalformedPacketException(IPFIX, pos - base, "template " + id + ": its field specifiers run past the end of the set"));
                return;
            }
            if (id < Ipfix.MIN_DATA_SET_ID) {
                problem(new MalformedPacketException(IPFIX, pos - base, "template id " + id + " is below 256"));
            } else if (optionsSet && (scopeCount == 0 || scopeCount > fieldCount)) {
                problem(new MalformedPacketException(IPFIX, pos + 4 - base, "options template " + id + ": scope field count "
                        + scopeCount + " is not in 1.." + fieldCount));
            } else if (checkFieldLengths(id, fields, fieldCount)) {
                Template existing = stored(id);
                Template t = existing != null && existing.isOptions() == optionsSet && existing.scopeFieldCount() == scopeCount
                        && sameFields(existing, fields, fieldCount) ? existing : buildTemplate(id, fields, fieldCount, scopeCount);
                if (optionsSet) {
                    optionsTemplates++;
                } else {
                    templates++;
                }
                put(t);
            }
            pos = next;
        }
        if (pos < end) {
            if (DataSetWalker.allZero(b, pos, end)) {
                setPadding++;
            } else {
                problem(new MalformedPacketException(IPFIX, pos - base, (end - pos) + " bytes at the end of a template set hold no template"));
            }
        }
    }

    /** Where the field specifiers starting at {@code p} end, or -1 if they run past {@code end}. */
    private int skipFields(int p, int end, int fieldCount) {
        ByteBuffer b = buf;
        for (int i = 0; i < fieldCount; i++) {
            if (end - p < 4) {
                return -1;
            }
            int eid = b.getShort(p) & 0xFFFF;
            p += (eid & Ipfix.ENTERPRISE_BIT) != 0 ? 8 : 4;
        }
        return p > end ? -1 : p;
    }

    private void withdrawal(int id, boolean optionsSet, int pos) {
        withdrawals++;
        int setId = optionsSet ? Ipfix.OPTIONS_TEMPLATE_SET_ID : Ipfix.TEMPLATE_SET_ID;
        if (id == setId) {
            store.withdrawAll(scope, optionsSet); // withdraw all (RFC 7011 section 8.1)
            return;
        }
        if (id < Ipfix.MIN_DATA_SET_ID) {
            problem(new MalformedPacketException(IPFIX, pos - base, "withdrawal of template id " + id + " (below 256) in set " + setId));
            return;
        }
        Template existing = stored(id);
        if (existing == null) {
            // RFC 7011 8.1 asks the collector to log it; over UDP it happens after an expiry or a collector restart
            unknownWithdrawals++;
            options.problemListener().accept(new DecodeProblem(IPFIX, pos - base, "withdrawal of template " + id
                    + " which " + scope + " does not have: ignored"));
            return;
        }
        if (existing.isOptions() != optionsSet) {
            problem(new MalformedPacketException(IPFIX, pos - base, "withdrawal of " + (existing.isOptions() ? "options " : "")
                    + "template " + id + " in set " + setId));
        }
        store.withdraw(scope, id);
    }

    /**
     * Checks the field lengths: a field of length 0 is malformed (strict throws) but real exporters send them
     * (telegraf #14370: IEs 150/151 at length 0), so lenient mode reports it and keeps the template; a template
     * whose records would have no bytes at all is refused in both modes (nothing to walk).
     */
    private boolean checkFieldLengths(int id, int fields, int fieldCount) {
        ByteBuffer b = buf;
        boolean hasBytes = false;
        int p = fields;
        for (int i = 0; i < fieldCount; i++) {
            int eid = b.getShort(p) & 0xFFFF;
            int len = b.getShort(p + 2) & 0xFFFF;
            if (len == 0) {
                zeroLengthFields++;
                problem(new MalformedPacketException(IPFIX, p - base, "template " + id + ": field " + i + " (element "
                        + (eid & 0x7FFF) + ") has length 0"));
            } else {
                hasBytes = true;
            }
            p += (eid & Ipfix.ENTERPRISE_BIT) != 0 ? 8 : 4;
        }
        if (!hasBytes) {
            if (lenient) {
                problem(new MalformedPacketException(IPFIX, fields - base, "template " + id + ": its records would have no bytes: refused"));
            }
            return false;
        }
        return true;
    }

    private Template stored(int id) {
        Optional<Template> t = store.get(scope, id);
        return t.isPresent() ? t.get() : null;
    }

    /** Whether the template's fields are those at {@code fields}: a refresh (nothing allocated). */
    private boolean sameFields(Template t, int fields, int fieldCount) {
        if (t.fieldCount() != fieldCount) {
            return false;
        }
        ByteBuffer b = buf;
        int p = fields;
        for (int i = 0; i < fieldCount; i++) {
            FieldSpec f = t.field(i);
            int eid = b.getShort(p) & 0xFFFF;
            int length = b.getShort(p + 2) & 0xFFFF;
            long pen = 0;
            if ((eid & Ipfix.ENTERPRISE_BIT) != 0) {
                pen = b.getInt(p + 4) & 0xFFFF_FFFFL;
                p += 8;
            } else {
                p += 4;
            }
            if (f.length() != length || f.element().id() != (eid & 0x7FFF) || f.element().enterprise() != pen) {
                return false;
            }
        }
        return true;
    }

    private Template buildTemplate(int id, int fields, int fieldCount, int scopeCount) {
        ByteBuffer b = buf;
        List<FieldSpec> specs = new ArrayList<>(fieldCount);
        int p = fields;
        for (int i = 0; i < fieldCount; i++) {
            int eid = b.getShort(p) & 0xFFFF;
            int length = b.getShort(p + 2) & 0xFFFF;
            long pen = 0;
            if ((eid & Ipfix.ENTERPRISE_BIT) != 0) {
                pen = b.getInt(p + 4) & 0xFFFF_FFFFL;
                p += 8;
            } else {
                p += 4;
            }
            specs.add(FieldSpec.of(element(pen, eid & 0x7FFF), length));
        }
        return scopeCount > 0 ? Template.options(id, scopeCount, specs) : Template.of(id, specs);
    }

    private InformationElement element(long pen, int id) {
        InformationElement learned = pen != 0 ? scopeState.element(pen, id) : null;
        return learned != null ? learned : Ipfix.element(registry, pen, id);
    }

    private void put(Template t) {
        TemplateStore.PutResult r = store.put(scope, t);
        if (r == TemplateStore.PutResult.REDEFINED) {
            redefinitions++;
        }
        if (r == TemplateStore.PutResult.REJECTED) {
            problem(new MalformedPacketException(IPFIX, FlowCodecException.NO_OFFSET,
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
        messageRecords += walk(t, buf, pos, end, base);
    }

    /** Walks a data set; how many (data or options) records it held. */
    private int walk(Template t, ByteBuffer b, int pos, int end, int offsetBase) {
        DataSink sink = dataSink;
        sink.begin(t, sampling.of(t), offsetBase);
        int n;
        if (sink.plain() && out == handlerOutput) {
            // the fast lane: no lists to check, no per-record rate, straight to the caller's handler
            n = walker.walkToHandler(t, b, pos, end, view, context, handlerOutput.handler());
            records += n;
            handlerOutput.counted(n);
        } else {
            n = walker.walk(t, b, pos, end, view, sink);
        }
        switch (walker.trailer()) {
            case ALIGNMENT:
            case LONG_PADDING:
                setPadding++;
                break;
            case TRUNCATED_RECORD:
                if (end - walker.trailerOffset() < 4 && end - walker.trailerOffset() < t.minimumRecordLength()) {
                    // RFC 7011 3.3.1: padding is shorter than any record and only SHOULD be zeros; ipfixcol2's
                    // example file aligns sets to 4 bytes with leftover bytes. 4 or more bytes that are not zero
                    // and hold no record are a record cut short.
                    setPadding++;
                    break;
                }
                problem(new MalformedPacketException(IPFIX, walker.trailerOffset() - offsetBase, "data set "
                        + t.id() + ": " + (end - walker.trailerOffset()) + " bytes after the last record hold no whole record"));
                break;
            default:
                break;
        }
        return n;
    }

    /** Hands each record of a data set out, with its sampling rate; learns from options records. */
    private final class DataSink implements DataSetWalker.RecordSink {
        private Template template;
        private SamplingFields fields;
        private OptionsFields learn;
        private boolean isOptions;
        private boolean lists;
        private boolean sampled;
        private int offsetBase;

        void begin(Template t, SamplingFields f, int offsetBase) {
            this.template = t;
            this.lists = t.hasListFields();
            this.offsetBase = offsetBase;
            this.fields = f;
            this.isOptions = t.isOptions();
            this.learn = isOptions ? optionsFields.of(t) : null;
            // within one data set the exporter's sampling state does not change (options records come in sets of
            // their own), so whether records need a rate lookup is decided once per set
            this.sampled = !isOptions && (f.any() || state.hasSamplingRates());
            context.record(t.id(), 0);
        }

        /** Whether the set's records are data records with no lists and no per-record rate. */
        boolean plain() {
            return !isOptions && !lists && !sampled;
        }

        @Override
        public void record(RecordView record) {
            if (lists) {
                checkLists(record, offsetBase);
            }
            if (isOptions) {
                if (fields.any()) {
                    fields.learn(record, state);
                }
                if (learn.typeRecords()) {
                    learnElement(record, learn);
                }
                if (learn.initTime >= 0) {
                    long init = record.getLong(learn.initTime);
                    if (init != 0) {
                        scopeState.initMillis(init);
                        context.initMillis(init);
                    }
                }
                context.record(template.id(), 0);
                optionsRecords++;
                out.options(context, record);
            } else {
                if (sampled) {
                    context.record(template.id(), fields.rate(record, state));
                }
                records++;
                out.data(context, record);
            }
        }
    }

    /**
     * Checks a record's structured data (RFC 6313), nesting limit included: strict mode throws, lenient mode
     * reports it and still hands the record over (its own bytes are whole; only its lists cannot be walked).
     */
    private void checkLists(RecordView record, int offsetBase) {
        try {
            structured.check(record, context, registry, 1);
        } catch (FlowCodecException e) {
            problem(new MalformedPacketException(IPFIX, e.offset() - offsetBase, "data set " + record.template().id()
                    + ": structured data: " + e.reason()));
        }
    }

    /** Applies an RFC 5610 information element type record to the scope's registry. */
    private void learnElement(RecordView r, OptionsFields f) {
        long pen = f.enterprise >= 0 ? r.getLong(f.enterprise) & 0xFFFF_FFFFL : 0;
        long id = r.getLong(f.elementId);
        if (pen == 0 || id < 0 || id > InformationElement.MAX_ID) {
            return; // IANA's own elements are not redefined by an exporter
        }
        try {
            DataType type = DataType.fromCode((int) r.getLong(f.dataType));
            DataTypeSemantics semantics = f.semantics >= 0 ? DataTypeSemantics.fromCode((int) r.getLong(f.semantics)) : DataTypeSemantics.DEFAULT;
            Unit unit = f.units >= 0 ? Unit.fromCode((int) r.getLong(f.units)) : Unit.NONE;
            String name = f.name >= 0 && r.fieldLength(f.name) > 0 ? r.getString(f.name) : pen + "." + id;
            if (scopeState.learn(InformationElement.of(pen, (int) id, name, type, semantics, unit))) {
                elementTypesLearned++;
            }
        } catch (IllegalArgumentException e) {
            options.problemListener().accept(new DecodeProblem(IPFIX, FlowCodecException.NO_OFFSET,
                    "RFC 5610 type record for element " + pen + "/" + id + " ignored: " + e.getMessage()));
        }
    }

    private void release(Template t) {
        List<PendingDataSets.Held<IpfixHeader>> held = pending.release(scope, t.id());
        for (PendingDataSets.Held<IpfixHeader> h : held) {
            ByteBuffer copy = ByteBuffer.wrap(h.records());
            boolean sameMessage = h.header() == heldHeader;
            int n;
            if (sameMessage) {
                n = walk(t, copy, 0, copy.limit(), 0);
            } else {
                IpfixHeader now = context.header();
                context.set(context.exporter(), h.header());
                context.released(true);
                out.beginReleased(h.header());
                try {
                    n = walk(t, copy, 0, copy.limit(), 0);
                } finally {
                    out.endReleased();
                    context.set(context.exporter(), now);
                }
            }
            releasedRecords += n;
        }
    }

    private void dropped(List<PendingDataSets.Held<IpfixHeader>> sets, String why) {
        for (PendingDataSets.Held<IpfixHeader> h : sets) {
            missingTemplateSetsDropped++;
            skipped++;
            options.problemListener().accept(new DecodeProblem(IPFIX, FlowCodecException.NO_OFFSET,
                    "data set " + h.templateId() + " of " + h.scope() + " (" + h.records().length
                            + " bytes, message sequence " + h.header().sequence() + ") dropped: " + why));
        }
    }
}
