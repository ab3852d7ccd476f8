package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.TemplateScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link ExporterState} of each template scope a decoder has seen, at most {@code maxScopes} of them:
 * the least recently used is forgotten first (bounded memory whatever the number of exporters). Used by
 * one decoder thread.
 */
public final class ExporterStates {

    private final LinkedHashMap<TemplateScope, ExporterState> states;
    private TemplateScope lastScope;
    private ExporterState lastState;
    private long forgotten;

    public ExporterStates(int maxScopes) {
        if (maxScopes < 1) {
            throw new IllegalArgumentException("maxScopes must be positive");
        }
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<TemplateScope, ExporterState> eldest) {
                if (size() > maxScopes) {
                    forgotten++;
                    if (eldest.getKey().equals(lastScope)) {
                        lastScope = null;
                        lastState = null;
                    }
                    return true;
                }
                return false;
            }
        };
    }

    /** The state of the scope, created when new. */
    public ExporterState of(TemplateScope scope) {
        if (scope == lastScope) {
            return lastState;
        }
        ExporterState s = states.get(scope);
        if (s == null) {
            s = new ExporterState();
            states.put(scope, s);
        }
        lastScope = scope;
        lastState = s;
        return s;
    }

    /** How many scopes are remembered. */
    public int size() {
        return states.size();
    }

    /** How many scopes were forgotten to stay within the bound. */
    public long forgotten() {
        return forgotten;
    }
}
