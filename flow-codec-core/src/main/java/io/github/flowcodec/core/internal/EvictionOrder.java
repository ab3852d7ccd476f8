package io.github.flowcodec.core.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Which template leaves the {@link InMemoryTemplateStore} first, when a lifetime runs out or a limit is
 * reached. It owns the {@link PutOrder} of every stored template (expiry takes from its old end, and its
 * size is the count the store-wide limit bounds), the exporters by address, each with its own put order,
 * and their ranking in {@link ExporterBuckets}; an exporter is known from its first template until its last
 * one leaves. The templates it orders are exactly those in the store's scope tables. It is changed under
 * the store's lock only.
 */
final class EvictionOrder {

    private final PutOrder everyTemplate = PutOrder.ofEveryTemplate();
    private final Map<InetAddress, ExporterTemplates> exporters = new HashMap<>();
    private final ExporterBuckets buckets = new ExporterBuckets();

    /** How many templates are stored. */
    int size() {
        return everyTemplate.size();
    }

    /** The least recently put template of all, or null if none is stored. */
    StoredTemplate oldest() {
        return everyTemplate.oldest();
    }

    /** The template put next after {@code e}, or null if {@code e} is the newest. */
    StoredTemplate after(StoredTemplate e) {
        return everyTemplate.after(e);
    }

    /** The exporter at this address, known from now on if it was not. */
    ExporterTemplates exporter(InetAddress address) {
        return exporters.computeIfAbsent(address, ExporterTemplates::new);
    }

    /** The exporters holding at least one template (a live view, for reading under the lock). */
    Iterable<ExporterTemplates> exporters() {
        return exporters.values();
    }

    /** The exporters ranked by how many templates they hold (for reading under the lock). */
    ExporterBuckets buckets() {
        return buckets;
    }

    /**
     * The template to evict before the exporter at {@code address} may add one more, or null if there is
     * room: that exporter's least recently put template while it holds {@code maxPerExporter}, else, while
     * the store holds {@code maxInAll}, the least recently put template of the exporter holding the most.
     */
    StoredTemplate victim(InetAddress address, int maxPerExporter, int maxInAll) {
        ExporterTemplates exporter = exporters.get(address);
        if (exporter != null && exporter.count() >= maxPerExporter) {
            return exporter.order.oldest();
        }
        if (everyTemplate.size() >= maxInAll) {
            return buckets.fullest().order.oldest();
        }
        return null;
    }

    /** Orders a newly stored template as the most recently put, of all and of its exporter. */
    void add(StoredTemplate e) {
        everyTemplate.append(e);
        ExporterTemplates exporter = e.table.exporter;
        exporter.order.append(e);
        buckets.grew(exporter);
    }

    /** Takes a template that leaves the store out of the orders; forgets its exporter if that was its last. */
    void remove(StoredTemplate e) {
        unlink(e);
        ExporterTemplates exporter = e.table.exporter;
        if (exporter.count() == 0) {
            exporters.remove(exporter.address, exporter);
        }
    }

    /** Makes a refreshed template the most recently put. */
    void refresh(StoredTemplate e) {
        unlink(e);
        add(e);
    }

    /** Puts the new definition of a template id, as the most recently put, in the place of the old one. */
    void replace(StoredTemplate old, StoredTemplate fresh) {
        unlink(old);
        add(fresh);
    }

    private void unlink(StoredTemplate e) {
        everyTemplate.remove(e);
        ExporterTemplates exporter = e.table.exporter;
        exporter.order.remove(e);
        buckets.shrank(exporter);
    }
}
