package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.PacketParts;
import io.github.flowcodec.ipfix.internal.IpfixTimes;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded IPFIX message, materialized and immutable: header, data records with their sampling rates,
 * options records, the templates it carried, earlier messages' data it let the decoder decode, and the
 * templates its records' structured data refers to (so subTemplateLists can be walked later).
 *
 * <pre>{@code
 * IpfixMessage m = new IpfixDecoder().decode(datagram, exporter);
 * for (int i = 0; i < m.records().size(); i++) {
 *     FlowRecord r = m.records().get(i);
 *     long rate = m.samplingRate(i);
 *     long start = m.flowStartMillis(r);
 * }
 * }</pre>
 */
public final class IpfixMessage implements FlowPacket, TemplateLookup {

    private final InetSocketAddress exporter;
    private final IpfixHeader header;
    private final List<FlowRecord> records;
    private final long[] samplingRates;
    private final List<FlowRecord> optionsRecords;
    private final List<Template> templates;
    private final List<FlowPacket> released;
    private final Map<Integer, Template> scopeTemplates;
    private final long initMillis;
    /** How the message lay on the wire ({@code null} for released data): what {@link IpfixEncoder#encodeAsDecoded} writes. */
    private final PacketParts parts;

    IpfixMessage(InetSocketAddress exporter, IpfixHeader header, List<FlowRecord> records, long[] samplingRates,
                 List<FlowRecord> optionsRecords, List<Template> templates, List<FlowPacket> released,
                 Map<Integer, Template> scopeTemplates, long initMillis, PacketParts parts) {
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.header = Objects.requireNonNull(header, "header");
        this.records = List.copyOf(records);
        this.samplingRates = samplingRates.clone();
        this.optionsRecords = List.copyOf(optionsRecords);
        this.templates = List.copyOf(templates);
        this.released = List.copyOf(released);
        this.scopeTemplates = Map.copyOf(scopeTemplates);
        this.initMillis = initMillis;
        this.parts = parts;
    }

    PacketParts parts() {
        return parts;
    }

    /** The header. */
    public IpfixHeader header() {
        return header;
    }

    /** Templates and options templates this message carried, in message order. */
    public List<Template> templates() {
        return templates;
    }

    /**
     * A template this message carried or, for records with structured data, one of the scope's templates at
     * decode time: what a subTemplateList of these records refers to.
     */
    @Override
    public Optional<Template> template(int id) {
        for (int i = templates.size() - 1; i >= 0; i--) {
            if (templates.get(i).id() == id) {
                return Optional.of(templates.get(i));
            }
        }
        return Optional.ofNullable(scopeTemplates.get(id));
    }

    @Override
    public List<FlowRecord> records() {
        return records;
    }

    @Override
    public List<FlowRecord> optionsRecords() {
        return optionsRecords;
    }

    @Override
    public List<FlowPacket> releasedPackets() {
        return released;
    }

    /** The sampling rate of the i-th data record (0 when unknown). */
    public long samplingRate(int recordIndex) {
        return samplingRates[recordIndex];
    }

    /** The sampling rate of one of this message's data records (the first equal one), or of the message. */
    @Override
    public long samplingRate(FlowRecord record) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) == record) {
                return samplingRates[i];
            }
        }
        int i = records.indexOf(record);
        return i >= 0 ? samplingRates[i] : samplingRate();
    }

    @Override
    public FlowProtocol protocol() {
        return FlowProtocol.IPFIX;
    }

    @Override
    public InetSocketAddress exporter() {
        return exporter;
    }

    @Override
    public long sequenceNumber() {
        return header.sequence();
    }

    @Override
    public long exportTimeMillis() {
        return header.exportTimeMillis();
    }

    /** The uptime at export from the exporter's learned systemInitTimeMilliseconds, else {@link #NO_TIME}. */
    @Override
    public long systemUptimeMillis() {
        return initMillis == NO_TIME ? NO_TIME : exportTimeMillis() - initMillis;
    }

    /** The exporter's systemInitTimeMilliseconds as its options records announced it, or {@link #NO_TIME}. */
    public long systemInitTimeMillis() {
        return initMillis;
    }

    @Override
    public long observationDomainId() {
        return header.observationDomainId();
    }

    /** The sampling rate shared by every data record, or 0 if they differ or none is known. */
    @Override
    public long samplingRate() {
        if (samplingRates.length == 0) {
            return 0;
        }
        long first = samplingRates[0];
        for (long r : samplingRates) {
            if (r != first) {
                return 0;
            }
        }
        return first;
    }

    @Override
    public long flowStartMillis(FlowFields record) {
        return IpfixTimes.resolve(record, true, exportTimeMillis(), initMillis);
    }

    @Override
    public long flowEndMillis(FlowFields record) {
        return IpfixTimes.resolve(record, false, exportTimeMillis(), initMillis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpfixMessage p && exporter.equals(p.exporter) && header.equals(p.header)
                && records.equals(p.records) && Arrays.equals(samplingRates, p.samplingRates)
                && optionsRecords.equals(p.optionsRecords) && templates.equals(p.templates) && released.equals(p.released);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, records, optionsRecords, templates);
    }

    @Override
    public String toString() {
        return "IpfixMessage[" + header + ", " + records.size() + " records, " + optionsRecords.size()
                + " options records, " + templates.size() + " templates, " + released.size() + " released]";
    }
}
