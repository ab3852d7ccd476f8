package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import io.github.flowcodec.core.internal.templated.DataSetWalker;
import io.github.flowcodec.core.internal.templated.ExporterState;
import io.github.flowcodec.core.internal.templated.PacketState;
import io.github.flowcodec.core.internal.templated.TemplatedCounts;
import io.github.flowcodec.core.internal.templated.TemplatedDialect;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.netflow9.internal.Netflow9Layout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * What NetFlow v9 (RFC 3954) does its own way, for the templated engine it shares with IPFIX: the 20-byte
 * header with its record count, FlowSet ids 0 and 1, template records of 4-byte field specifiers and options
 * template records whose scope and option parts are given in bytes, scope field types, restarts told by
 * sys_uptime, sequence numbers counting packets, and the quirks real exporters' FlowSets have.
 */
final class Netflow9Dialect extends TemplatedDialect<Netflow9Header> {

    private static final FlowProtocol V9 = FlowProtocol.NETFLOW_V9;

    private final Netflow9Context context = new Netflow9Context();
    private final InformationElementRegistry registry;

    // the header of the packet being decoded
    private int count;
    private long uptime;
    private long unixSecs;
    private long sequence;
    /** Template and options template records of the packet, for the header count check. */
    private int templateRecords;

    private long latePackets;
    private long countMismatches;
    private long trailingPadding;
    private long longPadding;
    private long unalignedSets;

    Netflow9Dialect(InformationElementRegistry registry) {
        this.registry = registry;
    }

    @Override
    public FlowProtocol protocol() {
        return V9;
    }

    @Override
    public Netflow9Context context() {
        return context;
    }

    @Override
    public int headerLength() {
        return Netflow9.HEADER_LENGTH;
    }

    @Override
    public boolean enterpriseBit() {
        return false; // types of 32768 and up are vendor types (Cisco NSEL), not IPFIX's enterprise bit
    }

    @Override
    public long readHeader(ByteBuffer b, int start, int limit, InetSocketAddress exporter) {
        if (limit - start < Netflow9.HEADER_LENGTH) {
            throw new TruncatedPacketException(V9, 0, "a NetFlow v9 header needs " + Netflow9.HEADER_LENGTH
                    + " bytes, the datagram has " + (limit - start));
        }
        int version = b.getShort(start + Netflow9Layout.VERSION) & 0xFFFF;
        if (version != Netflow9.VERSION) {
            throw new UnsupportedVersionException(V9, 0, "version " + version + ", expected 9");
        }
        count = b.getShort(start + Netflow9Layout.COUNT) & 0xFFFF;
        uptime = b.getInt(start + Netflow9Layout.SYS_UPTIME) & 0xFFFF_FFFFL;
        unixSecs = b.getInt(start + Netflow9Layout.UNIX_SECS) & 0xFFFF_FFFFL;
        sequence = b.getInt(start + Netflow9Layout.SEQUENCE) & 0xFFFF_FFFFL;
        long sourceId = b.getInt(start + Netflow9Layout.SOURCE_ID) & 0xFFFF_FFFFL;
        templateRecords = 0;
        context.set(exporter, count, uptime, unixSecs, sequence, sourceId);
        return sourceId;
    }

    @Override
    public int beginPacket(ByteBuffer b, int start, int limit) {
        ExporterState state = engine.packet().state;
        TemplatedCounts counts = engine.counts();
        if (state.uptimeShowsRestart(uptime, unixSecs * 1000L, Netflow9Decoder.BOOT_TIME_TOLERANCE_MILLIS,
                Netflow9Decoder.WRAP_WINDOW_MILLIS)) {
            engine.exporterRestarted();
        }
        switch (state.sequence(sequence, 1)) {
            case GAP:
                counts.lostSequenceNumbers += state.lastGap();
                break;
            case LATE:
                latePackets++;
                break;
            case RESET:
                counts.sequenceResets++;
                break;
            default:
                break;
        }
        return limit;
    }

    @Override
    public void endPacket() {
        if (templateRecords + engine.packet().records != count) {
            countMismatches++;
        }
    }

    @Override
    public SetKind setKind(int setId) {
        if (setId == Netflow9.TEMPLATE_SET_ID) {
            return SetKind.TEMPLATES;
        }
        if (setId == Netflow9.OPTIONS_TEMPLATE_SET_ID) {
            return SetKind.OPTIONS_TEMPLATES;
        }
        return setId < Netflow9.MIN_DATA_SET_ID ? SetKind.RESERVED : SetKind.DATA;
    }

    @Override
    public void setMet(int setLength) {
        if (setLength % Netflow9Layout.SET_ALIGNMENT != 0) {
            unalignedSets++;
        }
    }

    @Override
    public void trailingZeros() {
        trailingPadding++;
    }

    @Override
    public int templateSet(ByteBuffer b, int pos, int end, boolean options) {
        if (options) {
            return optionsTemplateSet(b, pos, end);
        }
        PacketState<Netflow9Header> p = engine.packet();
        int base = p.base;
        while (end - pos >= TemplatedWireLayout.TEMPLATE_HEADER_LENGTH) {
            int id = b.getShort(pos + TemplatedWireLayout.TEMPLATE_ID) & 0xFFFF;
            int fieldCount = b.getShort(pos + TemplatedWireLayout.TEMPLATE_FIELD_COUNT) & 0xFFFF;
            if (id == 0 && fieldCount == 0 && DataSetWalker.allZero(b, pos, end)) {
                return pos; // padding
            }
            if (id < Netflow9.MIN_DATA_SET_ID) {
                engine.problem(new MalformedPacketException(V9, pos - base, "template id " + id + " is below 256"));
                return pos;
            }
            if (fieldCount == 0) {
                engine.problem(new MalformedPacketException(V9, pos + TemplatedWireLayout.TEMPLATE_FIELD_COUNT - base, "template "
                        + id + " has no fields"));
                p.out.keep(b, pos, pos + TemplatedWireLayout.TEMPLATE_HEADER_LENGTH);
                pos += TemplatedWireLayout.TEMPLATE_HEADER_LENGTH;
                continue;
            }
            long need = TemplatedWireLayout.TEMPLATE_HEADER_LENGTH + (long) TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * fieldCount;
            if (need > end - pos) {
                engine.problem(new MalformedPacketException(V9, pos + TemplatedWireLayout.TEMPLATE_FIELD_COUNT - base, "template " + id + " declares " + fieldCount
                        + " fields (" + need + " bytes) but its FlowSet has " + (end - pos) + " bytes left"));
                return pos;
            }
            templateRecords++;
            int fields = pos + TemplatedWireLayout.TEMPLATE_HEADER_LENGTH;
            engine.readFieldSpecifiers(b, fields, end, fieldCount);
            if (!engine.defineTemplate(id, 0, fields)) {
                p.out.keep(b, pos, pos + (int) need);
            }
            pos += (int) need;
        }
        return pos;
    }

    private int optionsTemplateSet(ByteBuffer b, int pos, int end) {
        PacketState<Netflow9Header> p = engine.packet();
        int base = p.base;
        while (end - pos >= Netflow9Layout.OPTIONS_TEMPLATE_HEADER_LENGTH) {
            int id = b.getShort(pos + Netflow9Layout.OPTIONS_TEMPLATE_ID) & 0xFFFF;
            int scopeLength = b.getShort(pos + Netflow9Layout.OPTIONS_SCOPE_LENGTH) & 0xFFFF;
            int optionLength = b.getShort(pos + Netflow9Layout.OPTIONS_OPTION_LENGTH) & 0xFFFF;
            if (id == 0 && DataSetWalker.allZero(b, pos, end)) {
                return pos; // padding
            }
            if (id < Netflow9.MIN_DATA_SET_ID) {
                engine.problem(new MalformedPacketException(V9, pos - base, "options template id " + id + " is below 256"));
                return pos;
            }
            if ((scopeLength & 3) != 0 || (optionLength & 3) != 0) {
                engine.problem(new MalformedPacketException(V9, pos + Netflow9Layout.OPTIONS_SCOPE_LENGTH - base, "options template "
                        + id + ": scope length "
                        + scopeLength + " and option length " + optionLength + " must be multiples of 4"));
                return pos;
            }
            int need = Netflow9Layout.OPTIONS_TEMPLATE_HEADER_LENGTH + scopeLength + optionLength;
            if (need > end - pos) {
                engine.problem(new MalformedPacketException(V9, pos + Netflow9Layout.OPTIONS_SCOPE_LENGTH - base, "options template " + id + " needs " + need
                        + " bytes but its FlowSet has " + (end - pos) + " bytes left"));
                return pos;
            }
            int scopeCount = scopeLength / TemplatedWireLayout.FIELD_SPECIFIER_LENGTH;
            templateRecords++;
            boolean defined = false;
            if (scopeCount == 0) {
                engine.problem(new MalformedPacketException(V9, pos + Netflow9Layout.OPTIONS_SCOPE_LENGTH - base, "options template "
                        + id + " has no scope field"));
            } else {
                int fields = pos + Netflow9Layout.OPTIONS_TEMPLATE_HEADER_LENGTH;
                engine.readFieldSpecifiers(b, fields, end, scopeCount + optionLength / TemplatedWireLayout.FIELD_SPECIFIER_LENGTH);
                defined = engine.defineTemplate(id, scopeCount, fields);
            }
            if (!defined) {
                p.out.keep(b, pos, pos + need);
            }
            pos += need;
        }
        return pos;
    }

    @Override
    public InformationElement element(long enterprise, int id, boolean scope) {
        return scope ? Netflow9.scopeElement(id) : Netflow9.element(registry, id);
    }

    @Override
    public long specifierEnterprise(long enterprise, boolean scope) {
        return scope ? Netflow9.SCOPE_ENTERPRISE : 0;
    }

    @Override
    public void recordContext(int templateId, long samplingRate) {
        context.record(templateId, samplingRate);
    }

    @Override
    public String dataSetName() {
        return "data FlowSet";
    }

    @Override
    public void alignmentPadding() {
        // the padding RFC 3954 allows: nothing to count
    }

    @Override
    public void longPadding() {
        longPadding++;
    }

    @Override
    public Netflow9Header header() {
        return context.header();
    }

    @Override
    public void header(Netflow9Header header, boolean released) {
        context.set(context.exporter(), header);
        context.released(released);
    }

    @Override
    public long sequence(Netflow9Header header) {
        return header.sequence();
    }

    @Override
    public void counters(DecoderCounters.Builder counters) {
        counters.extra("latePackets", latePackets).extra("countMismatches", countMismatches)
                .extra("trailingPadding", trailingPadding).extra("longPadding", longPadding)
                .extra("unalignedSets", unalignedSets);
    }

    /** The exporter the context names, for packets made on the materialized path. */
    InetSocketAddress exporter() {
        return context.exporter();
    }

}
