package io.github.flowcodec.core.internal;

import java.util.Arrays;

/**
 * The exporters ranked by how many templates they hold, so that the store-wide limit finds the exporter
 * to evict from in constant time: the one holding the most, and among those holding equally many, the one
 * that came to hold that number first. It owns the buckets (bucket n lists the exporters holding n
 * templates, in the order they came to hold n, linked through {@link ExporterTemplates#bucketPrev} and
 * {@link ExporterTemplates#bucketNext}) and the largest count, and grows with it. An exporter holding no
 * template is in no bucket. It is changed under the store's lock only.
 */
final class ExporterBuckets {

    private ExporterTemplates[] head = new ExporterTemplates[16];
    private ExporterTemplates[] tail = new ExporterTemplates[16];
    /** The largest count of any exporter; its bucket is empty only when every bucket is. */
    private int largest;

    /** The exporter to evict from first: of those holding the most, the first to hold that many; null if none. */
    ExporterTemplates fullest() {
        return head[largest];
    }

    /** The largest count of any exporter; 0 if none holds a template. */
    int largest() {
        return largest;
    }

    /** The first exporter to have come to hold {@code count} templates, or null if none holds that many. */
    ExporterTemplates first(int count) {
        return count < head.length ? head[count] : null;
    }

    /** Ranks an exporter whose count has just gone up by one. */
    void grew(ExporterTemplates x) {
        move(x, x.count() - 1, x.count());
    }

    /** Ranks an exporter whose count has just gone down by one. */
    void shrank(ExporterTemplates x) {
        move(x, x.count() + 1, x.count());
    }

    /** Moves an exporter from the bucket of {@code from} templates (none for 0) to the tail of that of {@code to}. */
    private void move(ExporterTemplates x, int from, int to) {
        if (from > 0) {
            if (x.bucketPrev == null) {
                head[from] = x.bucketNext;
            } else {
                x.bucketPrev.bucketNext = x.bucketNext;
            }
            if (x.bucketNext == null) {
                tail[from] = x.bucketPrev;
            } else {
                x.bucketNext.bucketPrev = x.bucketPrev;
            }
            x.bucketPrev = null;
            x.bucketNext = null;
        }
        if (to > 0) {
            if (to >= head.length) {
                int n = Math.max(to + 1, 2 * head.length);
                head = Arrays.copyOf(head, n);
                tail = Arrays.copyOf(tail, n);
            }
            x.bucketPrev = tail[to];
            if (tail[to] == null) {
                head[to] = x;
            } else {
                tail[to].bucketNext = x;
            }
            tail[to] = x;
            if (to > largest) {
                largest = to;
            }
        }
        while (largest > 0 && head[largest] == null) {
            largest--;
        }
    }
}
