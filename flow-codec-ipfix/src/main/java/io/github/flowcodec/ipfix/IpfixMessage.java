package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplatedFlowPacket;
import io.github.flowcodec.core.internal.templated.PacketParts;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A decoded IPFIX message, materialized and immutable: header, data records with their sampling rates,
 * options records, the templates it carried, earlier messages' data it let the decoder decode, and the
 * templates its records' structured data refers to (so subTemplateLists can be walked later). Its uptime at
 * export comes from the exporter's learned systemInitTimeMilliseconds ({@link #NO_TIME} without it: IPFIX
 * headers have none).
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
public final class IpfixMessage extends TemplatedFlowPacket<IpfixHeader> implements TemplateLookup, IpfixFlowTimes {

    /** The scope's templates kept for structured data, sorted by id ({@link #scopeIds}), each in its Optional. */
    private final Optional<Template>[] scopeTemplates;
    private final int[] scopeIds;
    private final long initMillis;
    /** How the message lay on the wire ({@code null} for released data): what {@link IpfixEncoder#encodeAsDecoded} writes. */
    private final PacketParts parts;
    private final InformationElementRegistry registry;

    IpfixMessage(InetSocketAddress exporter, IpfixHeader header, List<FlowRecord> records, long[] samplingRates,
                 List<FlowRecord> optionsRecords, List<Template> templates, List<FlowPacket> released,
                 List<Template> scopeTemplates, long initMillis, PacketParts parts, InformationElementRegistry registry) {
        super(FlowProtocol.IPFIX, exporter, header, header.exportTimeSeconds(), header.sequence(),
                initMillis == NO_TIME ? NO_TIME : header.exportTimeMillis() - initMillis, header.observationDomainId(),
                records, samplingRates, optionsRecords, templates, released);
        Template[] sorted = scopeTemplates.toArray(new Template[0]);
        Arrays.sort(sorted, Comparator.comparingInt(Template::id));
        @SuppressWarnings("unchecked")
        Optional<Template>[] found = new Optional[sorted.length];
        int[] ids = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            found[i] = Optional.of(sorted[i]);
            ids[i] = sorted[i].id();
        }
        this.scopeTemplates = found;
        this.scopeIds = ids;
        this.initMillis = initMillis;
        this.parts = parts;
        this.registry = registry;
    }

    PacketParts parts() {
        return parts;
    }

    /**
     * The registry of the decoder that made this message, which a basicList's elements are read with.
     *
     * @return the decoder's registry
     */
    @Override
    public InformationElementRegistry registry() {
        return registry;
    }

    /**
     * A template this message carried or, for records with structured data, one of the scope's templates at
     * decode time: what a subTemplateList of these records refers to.
     */
    @Override
    public Optional<Template> template(int id) {
        List<Template> templates = templates();
        for (int i = templates.size() - 1; i >= 0; i--) {
            if (templates.get(i).id() == id) {
                return Optional.of(templates.get(i));
            }
        }
        int i = Arrays.binarySearch(scopeIds, id);
        return i >= 0 ? scopeTemplates[i] : Optional.empty();
    }

    /** The exporter's systemInitTimeMilliseconds as its options records announced it, or {@link #NO_TIME}. */
    public long systemInitTimeMillis() {
        return initMillis;
    }
}
