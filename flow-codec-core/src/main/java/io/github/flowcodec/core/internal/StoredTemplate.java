package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.Template;
import java.util.Optional;

/**
 * One template held by the {@link InMemoryTemplateStore}. It owns what a look-up needs (the template, a
 * ready-made {@link Optional} of it, so that a hit allocates nothing, and the time it was last put, against
 * which the look-up judges its lifetime) and the links that thread it, without any node of their own, through
 * the two {@link PutOrder}s it belongs to: that of every template in the store and that of its exporter.
 * Only {@link #stamp} is read without the store's lock; every other field that changes does so under it.
 */
final class StoredTemplate {

    /** The template id, the key of its {@link ScopeTemplates} table. */
    final int id;
    final Template template;
    /** {@link #template}, as every look-up that finds it returns it. */
    final Optional<Template> present;
    /** The table of the scope it was put in. */
    final ScopeTemplates table;
    /** When it was last put (the store's clock); written under the lock, read by look-ups. */
    volatile long stamp;
    /** Whether it has left the store; its table may still hold it until the table is compacted. */
    boolean removed;

    /** Neighbours in the put order of every template. */
    StoredTemplate prev;
    StoredTemplate next;
    /** Neighbours in the put order of its exporter's templates. */
    StoredTemplate prevOfExporter;
    StoredTemplate nextOfExporter;

    StoredTemplate(Template template, ScopeTemplates table, long stamp) {
        this.id = template.id();
        this.template = template;
        this.present = Optional.of(template);
        this.table = table;
        this.stamp = stamp;
    }
}
