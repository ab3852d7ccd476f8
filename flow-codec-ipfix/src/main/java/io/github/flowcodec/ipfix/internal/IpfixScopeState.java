package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.TemplateScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the IPFIX decoder learns from one scope's options records beyond sampling (which lives in the shared
 * ExporterState): the enterprise elements its RFC 5610 type records describe, and its
 * systemInitTimeMilliseconds. Bounded per scope and in the number of scopes (least recently used forgotten).
 */
public final class IpfixScopeState {

    /** At most this many learned elements per scope; more are refused. */
    public static final int MAX_ELEMENTS = 4096;

    private final Map<Long, InformationElement> elements = new HashMap<>();
    private long initMillis = ExportContext.NO_TIME;

    /** The element this scope described for (enterprise, id), or null. */
    public InformationElement element(long enterprise, int id) {
        return elements.isEmpty() ? null : elements.get(InformationElement.key(enterprise, id));
    }

    /** Learns an element; whether it was kept. */
    public boolean learn(InformationElement e) {
        if (elements.size() >= MAX_ELEMENTS && !elements.containsKey(e.key())) {
            return false;
        }
        elements.put(e.key(), e);
        return true;
    }

    /** Every learned element (a snapshot). */
    public List<InformationElement> elements() {
        return new ArrayList<>(elements.values());
    }

    public long initMillis() {
        return initMillis;
    }

    public void initMillis(long millis) {
        this.initMillis = millis;
    }

    /** The states of the scopes a decoder has seen, bounded (least recently used first out). */
    public static final class Table {
        private final LinkedHashMap<TemplateScope, IpfixScopeState> map;
        private TemplateScope lastScope;
        private IpfixScopeState last;

        public Table(int maxScopes) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<TemplateScope, IpfixScopeState> eldest) {
                    if (size() > maxScopes) {
                        if (eldest.getKey().equals(lastScope)) {
                            lastScope = null;
                            last = null;
                        }
                        return true;
                    }
                    return false;
                }
            };
        }

        public IpfixScopeState of(TemplateScope scope) {
            if (scope == lastScope) {
                return last;
            }
            IpfixScopeState s = map.computeIfAbsent(scope, k -> new IpfixScopeState());
            lastScope = scope;
            last = s;
            return s;
        }

        /** The state of a scope if it exists, without creating it. */
        public IpfixScopeState peek(TemplateScope scope) {
            return map.get(scope);
        }
    }
}
