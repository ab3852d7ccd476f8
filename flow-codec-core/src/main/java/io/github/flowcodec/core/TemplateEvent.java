package io.github.flowcodec.core;

import java.util.Objects;

/**
 * A change in a {@link TemplateStore}, as its listeners see it.
 *
 * <pre>{@code
 * store.addListener(e -> {
 *     if (e.type() == TemplateEvent.Type.EVICTED) metrics.evictions.increment();
 * });
 * }</pre>
 *
 * @param type what happened
 * @param scope whose template
 * @param template the template concerned (for REDEFINED the new one)
 */
public record TemplateEvent(Type type, TemplateScope scope, Template template) {

    /** What happened to a template. */
    public enum Type {
        /** A template id was seen for the first time in its scope. */
        ADDED,
        /** A template id was given a different layout; data from now on is read with the new one. */
        REDEFINED,
        /** The exporter withdrew the template (IPFIX). */
        WITHDRAWN,
        /** The template was not refreshed within the store's lifetime. */
        EXPIRED,
        /** The store was full and dropped the template to make room. */
        EVICTED,
        /** The exporter restarted (uptime or sequence went backwards): its templates were flushed. */
        EXPORTER_RESTARTED,
        /** A template was refused: the exporter is at its limit and eviction is off for it. */
        REJECTED
    }

    /**
     * Checks that no component is null.
     *
     * @param type what happened
     * @param scope whose template
     * @param template the template concerned
     */
    public TemplateEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(template, "template");
    }
}
