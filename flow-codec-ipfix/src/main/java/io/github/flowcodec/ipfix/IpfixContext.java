package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.TemplatedExportContext;
import io.github.flowcodec.ipfix.internal.CheckedList;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The context of each record on the zero-copy path: the message header, the exporter and what the decoder
 * worked out for the record (its template id, its sampling rate, the exporter's system init time). One
 * instance per decoder, reused: valid during the callback only; {@link #header()} gives an immutable copy.
 * It is also the {@link TemplateLookup} for the record's structured data.
 *
 * <pre>{@code
 * ipfixDecoder.decode(datagram, exporter, (ctx, record) -> { // ctx is an IpfixContext: no cast
 *     long rate = ctx.samplingRate();          // from the record, its selector's options record, or 0
 *     long start = ctx.flowStartMillis(record); // whatever form the record's timestamps take
 *     long domain = ctx.observationDomainId();
 * });
 * }</pre>
 */
public final class IpfixContext extends TemplatedExportContext implements TemplateLookup, IpfixFlowTimes {

    private IpfixHeader header;
    private int length;
    private long initMillis = NO_TIME;
    private TemplateStore store;
    private io.github.flowcodec.core.InformationElementRegistry registry = io.github.flowcodec.core.InformationElementRegistry.standard();
    private TemplateScope scope;
    /**
     * The last template {@link #template(int)} looked up, and its id (-1: none): a record's list is read by
     * the decoder's check and again by the handler, and the records of a set name the same list template.
     * Forgotten whenever the scope or the data set changes, so it never outlives the store's state at the
     * start of a set.
     */
    private int lookedUpId = -1;
    private Optional<Template> lookedUp = Optional.empty();
    /** The flat list the decoder's check last accepted, forgotten with {@link #lookedUp}. */
    final CheckedList checked = new CheckedList();

    IpfixContext() {
        super(FlowProtocol.IPFIX);
    }

    void set(InetSocketAddress exporter, int length, long exportSeconds, long sequence, long domain) {
        packet(exporter, exportSeconds, sequence, domain);
        this.header = null;
        this.length = length;
    }

    void set(InetSocketAddress exporter, IpfixHeader h) {
        set(exporter, h.length(), h.exportTimeSeconds(), h.sequence(), h.observationDomainId());
        this.header = h;
    }

    void scope(TemplateStore store, TemplateScope scope, long initMillis) {
        this.store = store;
        this.scope = scope;
        this.initMillis = initMillis;
        this.lookedUpId = -1;
        checked.clear();
    }

    void initMillis(long initMillis) {
        this.initMillis = initMillis;
    }

    void record(int templateId, long samplingRate) {
        current(templateId, samplingRate);
        this.lookedUpId = -1;
        checked.clear();
    }

    void released(boolean released) {
        markReleased(released);
    }

    /**
     * The message header (an immutable copy).
     *
     * @return the header as decoded (its length as sent)
     */
    public IpfixHeader header() {
        IpfixHeader h = header;
        if (h == null) {
            h = new IpfixHeader(Ipfix.VERSION, length, exportSeconds(), sequenceNumber(), observationDomainId());
            header = h;
        }
        return h;
    }

    /**
     * The template scope of the message (exporter and observation domain, as the scope policy forms it).
     *
     * @return the scope the message's templates are looked up in
     */
    public TemplateScope scope() {
        return scope;
    }

    /** The exporter's systemInitTimeMilliseconds as its options records announced it, or {@link #NO_TIME}. */
    public long systemInitTimeMillis() {
        return initMillis;
    }

    /**
     * The decoder's registry (its vendor elements), which a basicList's elements are read with.
     *
     * @return the registry the decoder was built with
     */
    @Override
    public io.github.flowcodec.core.InformationElementRegistry registry() {
        return registry;
    }

    void registry(io.github.flowcodec.core.InformationElementRegistry registry) {
        this.registry = registry;
    }

    /** The templates of the message's scope, for the structured data (subTemplateList) of its records. */
    @Override
    public Optional<Template> template(int id) {
        if (id == lookedUpId) {
            return lookedUp;
        }
        if (store == null || scope == null) {
            return Optional.empty();
        }
        Optional<Template> t = store.get(scope, id);
        lookedUp = t;
        lookedUpId = id;
        return t;
    }

    /** The uptime at export, from the learned systemInitTimeMilliseconds; {@link #NO_TIME} without it (IPFIX headers have none). */
    @Override
    public long systemUptimeMillis() {
        return initMillis == NO_TIME ? NO_TIME : exportTimeMillis() - initMillis;
    }

    @Override
    public String toString() {
        return "IPFIX from " + exporter() + " seq " + sequenceNumber() + " domain " + observationDomainId() + " template "
                + templateId();
    }
}
