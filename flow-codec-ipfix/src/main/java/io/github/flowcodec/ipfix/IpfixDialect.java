package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DataTypeSemantics;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.Unit;
import io.github.flowcodec.core.UnsupportedVersionException;
import io.github.flowcodec.core.internal.templated.DataSetWalker;
import io.github.flowcodec.core.internal.templated.ExporterState;
import io.github.flowcodec.core.internal.templated.PacketState;
import io.github.flowcodec.core.internal.templated.TemplatedCounts;
import io.github.flowcodec.core.internal.templated.TemplatedDialect;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.ipfix.internal.IpfixLayout;
import io.github.flowcodec.ipfix.internal.IpfixScopeState;
import io.github.flowcodec.ipfix.internal.OptionsFields;
import io.github.flowcodec.ipfix.internal.StructuredCheck;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What IPFIX (RFC 7011) does its own way, for the templated engine it shares with NetFlow v9: the 16-byte
 * header whose length bounds the message, set ids 2 and 3, field specifiers with the enterprise bit,
 * withdrawals (RFC 7011 8.1), sequence numbers counting data records, structured data checked before a
 * record is handed out (RFC 6313), RFC 5610 type records teaching the scope's enterprise elements, and the
 * exporter's systemInitTimeMilliseconds from its options records.
 */
final class IpfixDialect extends TemplatedDialect<IpfixHeader> {

    private static final FlowProtocol IPFIX = FlowProtocol.IPFIX;

    private final IpfixContext context = new IpfixContext();
    private final InformationElementRegistry registry;
    private final IpfixScopeState.Table scopeStates = new IpfixScopeState.Table(1 << 16);
    private final OptionsFields.Cache optionsFields = new OptionsFields.Cache();
    private final StructuredCheck structured = new StructuredCheck(context.checked);

    // the message being decoded
    private int length;
    private long sequence;
    private IpfixScopeState scopeState;
    /** The options template whose records are being read, and what they teach. */
    private Template learning;
    private OptionsFields learn;

    private long withdrawals;
    private long unknownWithdrawals;
    private long lateMessages;
    private long sequenceCountsCurrent;
    private long trailingBytes;
    private long setPadding;
    private long elementTypesLearned;

    IpfixDialect(InformationElementRegistry registry) {
        this.registry = registry;
        this.context.registry(registry);
    }

    @Override
    public FlowProtocol protocol() {
        return IPFIX;
    }

    /** @return the registry the decoder was built with */
    InformationElementRegistry registry() {
        return registry;
    }

    @Override
    public IpfixContext context() {
        return context;
    }

    @Override
    public int headerLength() {
        return Ipfix.HEADER_LENGTH;
    }

    @Override
    public boolean enterpriseBit() {
        return true;
    }

    @Override
    public long readHeader(ByteBuffer b, int start, int limit, InetSocketAddress exporter) {
        int available = limit - start;
        if (available < Ipfix.HEADER_LENGTH) {
            throw new TruncatedPacketException(IPFIX, 0, "an IPFIX message header needs " + Ipfix.HEADER_LENGTH
                    + " bytes, the datagram has " + available);
        }
        int version = b.getShort(start + IpfixLayout.VERSION) & 0xFFFF;
        if (version != Ipfix.VERSION) {
            throw new UnsupportedVersionException(IPFIX, 0, "version " + version + ", expected 10");
        }
        length = b.getShort(start + IpfixLayout.LENGTH) & 0xFFFF;
        if (length < Ipfix.HEADER_LENGTH) {
            throw new MalformedPacketException(IPFIX, IpfixLayout.LENGTH, "message length " + length + " is below the header's 16 bytes");
        }
        long exportSecs = b.getInt(start + IpfixLayout.EXPORT_TIME) & 0xFFFF_FFFFL;
        sequence = b.getInt(start + IpfixLayout.SEQUENCE) & 0xFFFF_FFFFL;
        long domain = b.getInt(start + IpfixLayout.DOMAIN) & 0xFFFF_FFFFL;
        context.set(exporter, length, exportSecs, sequence, domain);
        return domain;
    }

    @Override
    public int beginPacket(ByteBuffer b, int start, int limit) {
        PacketState<IpfixHeader> p = engine.packet();
        scopeState = scopeStates.of(p.scope);
        context.scope(engine.store(), p.scope, scopeState.initMillis());
        int available = limit - start;
        if (length > available) {
            engine.problem(new TruncatedPacketException(IPFIX, IpfixLayout.LENGTH, "message length " + length
                    + " runs past the end of the datagram (" + available + " bytes)"));
            return limit;
        }
        if (length < available) {
            trailingBytes++;
        }
        return start + length;
    }

    @Override
    public void endPacket() {
        PacketState<IpfixHeader> p = engine.packet();
        ExporterState state = p.state;
        if (p.missingTemplateSets > 0) {
            state.forgetSequence(); // records we cannot count yet: the next message starts the count afresh
            return;
        }
        TemplatedCounts counts = engine.counts();
        switch (state.recordSequence(sequence, p.records)) {
            case GAP:
                counts.lostSequenceNumbers += state.lastGap();
                break;
            case LATE:
                lateMessages++;
                break;
            case RESET:
                counts.sequenceResets++;
                break;
            case COUNTS_CURRENT:
                sequenceCountsCurrent++;
                break;
            default:
                break;
        }
    }

    @Override
    public SetKind setKind(int setId) {
        if (setId == Ipfix.TEMPLATE_SET_ID) {
            return SetKind.TEMPLATES;
        }
        if (setId == Ipfix.OPTIONS_TEMPLATE_SET_ID) {
            return SetKind.OPTIONS_TEMPLATES;
        }
        return setId < Ipfix.MIN_DATA_SET_ID ? SetKind.RESERVED : SetKind.DATA;
    }

    @Override
    public void trailingZeros() {
        setPadding++; // zero bytes after the last set: padding inside the message
    }

    @Override
    public int templateSet(ByteBuffer b, int pos, int end, boolean options) {
        PacketState<IpfixHeader> p = engine.packet();
        int base = p.base;
        int headerLength = options ? IpfixLayout.OPTIONS_TEMPLATE_HEADER_LENGTH : TemplatedWireLayout.TEMPLATE_HEADER_LENGTH;
        while (end - pos >= TemplatedWireLayout.TEMPLATE_HEADER_LENGTH) {
            int id = b.getShort(pos + TemplatedWireLayout.TEMPLATE_ID) & 0xFFFF;
            int fieldCount = b.getShort(pos + TemplatedWireLayout.TEMPLATE_FIELD_COUNT) & 0xFFFF;
            if (id == 0 && fieldCount == 0 && DataSetWalker.allZero(b, pos, end)) {
                setPadding++;
                return pos;
            }
            if (fieldCount == 0) {
                p.out.withdrawal(id);
                withdrawal(id, options, pos - base);
                pos += TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH;
                continue;
            }
            if (end - pos < headerLength) {
                engine.problem(new MalformedPacketException(IPFIX, pos - base, "options template " + id + " record cut short by its set"));
                return pos;
            }
            int scopeCount = options ? b.getShort(pos + IpfixLayout.OPTIONS_SCOPE_FIELD_COUNT) & 0xFFFF : 0;
            int fields = pos + headerLength;
            long least = (long) TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * fieldCount;
            if (least > end - fields) {
                engine.problem(new MalformedPacketException(IPFIX, pos + TemplatedWireLayout.TEMPLATE_FIELD_COUNT - base, "template "
                        + id + " declares " + fieldCount + " fields (at least " + least + " bytes) but its set has " + (end - fields) + " bytes left"));
                return pos;
            }
            int next = engine.readFieldSpecifiers(b, fields, end, fieldCount);
            if (next < 0) {
                engine.problem(new MalformedPacketException(IPFIX, pos + TemplatedWireLayout.TEMPLATE_FIELD_COUNT - base, "template "
                        + id + ": its field specifiers run past the end of the set"));
                return pos;
            }
            boolean defined = false;
            if (id < Ipfix.MIN_DATA_SET_ID) {
                engine.problem(new MalformedPacketException(IPFIX, pos - base, "template id " + id + " is below 256"));
            } else if (options && (scopeCount == 0 || scopeCount > fieldCount)) {
                engine.problem(new MalformedPacketException(IPFIX, pos + IpfixLayout.OPTIONS_SCOPE_FIELD_COUNT - base, "options template " + id
                        + ": scope field count " + scopeCount + " is not in 1.." + fieldCount));
            } else {
                defined = engine.defineTemplate(id, scopeCount, fields);
            }
            if (!defined) {
                p.out.keep(b, pos, next);
            }
            pos = next;
        }
        if (pos < end) {
            if (DataSetWalker.allZero(b, pos, end)) {
                setPadding++;
            } else {
                engine.problem(new MalformedPacketException(IPFIX, pos - base, (end - pos)
                        + " bytes at the end of a template set hold no template"));
            }
        }
        return pos;
    }

    private void withdrawal(int id, boolean options, int offset) {
        withdrawals++;
        int setId = options ? Ipfix.OPTIONS_TEMPLATE_SET_ID : Ipfix.TEMPLATE_SET_ID;
        PacketState<IpfixHeader> p = engine.packet();
        if (id == setId) {
            engine.store().withdrawAll(p.scope, options); // withdraw all (RFC 7011 section 8.1)
            return;
        }
        if (id < Ipfix.MIN_DATA_SET_ID) {
            engine.problem(new MalformedPacketException(IPFIX, offset, "withdrawal of template id " + id
                    + " (below 256) in set " + setId));
            return;
        }
        Template existing = engine.stored(id);
        if (existing == null) {
            // RFC 7011 8.1 asks the collector to log it; over UDP it happens after an expiry or a collector restart
            unknownWithdrawals++;
            engine.note(offset, "withdrawal of template " + id + " which " + p.scope + " does not have: ignored");
            return;
        }
        if (existing.isOptions() != options) {
            engine.problem(new MalformedPacketException(IPFIX, offset, "withdrawal of " + (existing.isOptions() ? "options " : "")
                    + "template " + id + " in set " + setId));
        }
        engine.store().withdraw(p.scope, id);
    }

    @Override
    public InformationElement element(long enterprise, int id, boolean scope) {
        InformationElement learned = enterprise != 0 ? scopeState.element(enterprise, id) : null;
        return learned != null ? learned : Ipfix.element(registry, enterprise, id);
    }

    @Override
    public void recordContext(int templateId, long samplingRate) {
        context.record(templateId, samplingRate);
    }

    @Override
    public boolean inspects(Template t) {
        return t.hasListFields();
    }

    /**
     * Checks a record's structured data (RFC 6313), nesting limit included: strict mode throws, lenient mode
     * reports it and still hands the record over (its own bytes are whole; only its lists cannot be walked).
     */
    @Override
    public void inspect(RecordView record, int offsetBase) {
        try {
            structured.checkRecord(record, context, registry);
        } catch (FlowCodecException e) {
            engine.problem(new MalformedPacketException(IPFIX, e.offset() - offsetBase, "data set " + record.template().id()
                    + ": structured data: " + e.reason()));
        }
    }

    @Override
    public void learnFromOptions(RecordView record) {
        Template t = record.template();
        if (t != learning) {
            learning = t;
            learn = optionsFields.of(t);
        }
        OptionsFields f = learn;
        if (f.typeRecords()) {
            learnElement(record, f);
        }
        if (f.initTime >= 0) {
            long init = record.getLong(f.initTime);
            if (init != 0) {
                scopeState.initMillis(init);
                context.initMillis(init);
            }
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
            DataTypeSemantics semantics = f.semantics >= 0 ? DataTypeSemantics.fromCode((int) r.getLong(f.semantics))
                    : DataTypeSemantics.DEFAULT;
            Unit unit = f.units >= 0 ? Unit.fromCode((int) r.getLong(f.units)) : Unit.NONE;
            String name = f.name >= 0 && r.fieldLength(f.name) > 0 ? r.getString(f.name) : pen + "." + id;
            if (scopeState.learn(InformationElement.of(pen, (int) id, name, type, semantics, unit))) {
                elementTypesLearned++;
            }
        } catch (IllegalArgumentException e) {
            engine.note(FlowCodecException.NO_OFFSET, "RFC 5610 type record for element " + pen + "/" + id + " ignored: "
                    + e.getMessage());
        }
    }

    @Override
    public String dataSetName() {
        return "data set";
    }

    @Override
    public void alignmentPadding() {
        setPadding++;
    }

    @Override
    public void longPadding() {
        setPadding++;
    }

    /**
     * RFC 7011 3.3.1: padding is shorter than any record and only SHOULD be zeros; ipfixcol2's example file
     * aligns sets to 4 bytes with leftover bytes. 4 or more bytes that are not zero and hold no record are a
     * record cut short.
     */
    @Override
    public boolean shortPadding(Template t, int left) {
        return left < 4 && left < t.minimumRecordLength();
    }

    @Override
    public IpfixHeader header() {
        return context.header();
    }

    @Override
    public void header(IpfixHeader header, boolean released) {
        context.set(context.exporter(), header);
        context.released(released);
    }

    @Override
    public long sequence(IpfixHeader header) {
        return header.sequence();
    }

    @Override
    public void counters(DecoderCounters.Builder counters) {
        counters.extra("withdrawals", withdrawals).extra("unknownWithdrawals", unknownWithdrawals)
                .extra("lateMessages", lateMessages).extra("sequenceCountsCurrent", sequenceCountsCurrent)
                .extra("trailingBytes", trailingBytes).extra("setPadding", setPadding)
                .extra("elementTypesLearned", elementTypesLearned);
    }

    /** The enterprise elements the scope's RFC 5610 type records described (a snapshot; empty when none). */
    List<InformationElement> learnedElements(io.github.flowcodec.core.TemplateScope scope) {
        IpfixScopeState s = scopeStates.peek(scope);
        return s == null ? List.of() : List.copyOf(s.elements());
    }
}
