package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateScopePolicy;
import java.net.InetSocketAddress;
import java.util.HashMap;

/**
 * Gives the {@link TemplateScope} of (exporter, source id / observation domain) without allocating once
 * the pair has been seen: the per-packet lookup of the NetFlow v9 and IPFIX decoders. Bounded: emptied when
 * it reaches {@code maxEntries}. Used by one decoder thread.
 */
public final class ScopeCache {

    private final FlowProtocol protocol;
    private final TemplateScopePolicy policy;
    private final int maxEntries;
    private final HashMap<InetSocketAddress, long[]> domains = new HashMap<>();
    private final HashMap<InetSocketAddress, TemplateScope[]> scopes = new HashMap<>();
    private int entries;
    /** The last answer: most datagrams come from the exporter and domain of the one before. */
    private InetSocketAddress lastExporter;
    private long lastDomain;
    private TemplateScope lastScope;

    public ScopeCache(FlowProtocol protocol, TemplateScopePolicy policy, int maxEntries) {
        this.protocol = protocol;
        this.policy = policy;
        this.maxEntries = maxEntries;
    }

    /** The scope of a packet from {@code exporter} with this source id / observation domain. */
    public TemplateScope scope(InetSocketAddress exporter, long domain) {
        if (domain == lastDomain && lastScope != null && (exporter == lastExporter || exporter.equals(lastExporter))) {
            return lastScope;
        }
        TemplateScope s = lookup(exporter, domain);
        lastExporter = exporter;
        lastDomain = domain;
        lastScope = s;
        return s;
    }

    private TemplateScope lookup(InetSocketAddress exporter, long domain) {
        long[] ds = domains.get(exporter);
        if (ds != null) {
            TemplateScope[] ss = scopes.get(exporter);
            for (int i = 0; i < ds.length; i++) {
                if (ds[i] == domain) {
                    return ss[i];
                }
            }
        }
        TemplateScope scope = policy.scope(protocol, exporter, domain);
        if (entries >= maxEntries) {
            domains.clear();
            scopes.clear();
            entries = 0;
            ds = null;
        }
        if (ds == null) {
            domains.put(exporter, new long[] {domain});
            scopes.put(exporter, new TemplateScope[] {scope});
        } else if (ds.length < 16) {
            long[] nd = java.util.Arrays.copyOf(ds, ds.length + 1);
            nd[ds.length] = domain;
            TemplateScope[] ns = java.util.Arrays.copyOf(scopes.get(exporter), ds.length + 1);
            ns[ds.length] = scope;
            domains.put(exporter, nd);
            scopes.put(exporter, ns);
        } else {
            return scope; // an exporter with very many domains: not cached
        }
        entries++;
        return scope;
    }
}
