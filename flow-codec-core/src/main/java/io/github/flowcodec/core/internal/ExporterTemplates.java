package io.github.flowcodec.core.internal;

import java.net.InetAddress;

/**
 * One exporter address's templates in the {@link InMemoryTemplateStore}, over all its ports, observation
 * domains and protocols, for the limits. It owns their {@link PutOrder} (whose size is the count the
 * per-exporter limit bounds, and whose oldest template that limit evicts first) and its place among the
 * exporters holding as many templates in the {@link ExporterBuckets}. It is changed under the store's lock
 * only.
 */
final class ExporterTemplates {

    final InetAddress address;
    /** Its templates, least recently put first. */
    final PutOrder order = PutOrder.ofOneExporter();
    /** Neighbours in the bucket of the exporters holding {@link #count()} templates. */
    ExporterTemplates bucketPrev;
    ExporterTemplates bucketNext;

    ExporterTemplates(InetAddress address) {
        this.address = address;
    }

    /** How many templates it holds. */
    int count() {
        return order.size();
    }
}
