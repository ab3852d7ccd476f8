package io.github.flowcodec.core.internal;

/**
 * Templates in the order they were last put (added, refreshed or redefined), least recently put first: a
 * doubly linked list threaded through the {@link StoredTemplate}s themselves, so that moving one costs no
 * allocation. Every stored template is in two of them, which use different links of it: the order of
 * every template in the store, whose old end expiry takes from, and the order of its exporter's templates,
 * whose old end eviction takes from. It owns its two ends and its length; it is changed under the store's
 * lock only.
 */
final class PutOrder {

    /** Which links of a template this order uses: those of its exporter's order, or of every template's. */
    private final boolean ofExporter;
    private StoredTemplate oldest;
    private StoredTemplate newest;
    private int size;

    private PutOrder(boolean ofExporter) {
        this.ofExporter = ofExporter;
    }

    /** The order of every template in a store. */
    static PutOrder ofEveryTemplate() {
        return new PutOrder(false);
    }

    /** The order of one exporter's templates. */
    static PutOrder ofOneExporter() {
        return new PutOrder(true);
    }

    /** The least recently put template, or null when empty. */
    StoredTemplate oldest() {
        return oldest;
    }

    /** How many templates it holds. */
    int size() {
        return size;
    }

    /** The template put next after {@code e}, or null if {@code e} is the newest. */
    StoredTemplate after(StoredTemplate e) {
        return ofExporter ? e.nextOfExporter : e.next;
    }

    /** Puts {@code e}, which is in no order of this kind, at the newest end. */
    void append(StoredTemplate e) {
        setBefore(e, newest);
        setAfter(e, null);
        if (newest == null) {
            oldest = e;
        } else {
            setAfter(newest, e);
        }
        newest = e;
        size++;
    }

    /** Takes {@code e} out. */
    void remove(StoredTemplate e) {
        StoredTemplate before = before(e);
        StoredTemplate after = after(e);
        if (before == null) {
            oldest = after;
        } else {
            setAfter(before, after);
        }
        if (after == null) {
            newest = before;
        } else {
            setBefore(after, before);
        }
        setBefore(e, null);
        setAfter(e, null);
        size--;
    }

    private StoredTemplate before(StoredTemplate e) {
        return ofExporter ? e.prevOfExporter : e.prev;
    }

    private void setBefore(StoredTemplate e, StoredTemplate before) {
        if (ofExporter) {
            e.prevOfExporter = before;
        } else {
            e.prev = before;
        }
    }

    private void setAfter(StoredTemplate e, StoredTemplate after) {
        if (ofExporter) {
            e.nextOfExporter = after;
        } else {
            e.next = after;
        }
    }
}
