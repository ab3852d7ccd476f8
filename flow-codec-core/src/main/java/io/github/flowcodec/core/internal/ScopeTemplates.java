package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.TemplateScope;

/**
 * The templates of one {@link TemplateScope} in the {@link InMemoryTemplateStore}, by template id. It owns
 * the table look-ups read without a lock: a {@code volatile} open-addressing array (linear probing on a
 * Fibonacci hash of the 16-bit template id, at most half full, from 4 slots up) that a writer never changes
 * once published, but replaces with a new one in one volatile write, so that a reader always sees a
 * consistent table. Under the store's lock it also counts the entries that have not left the store and
 * knows whether some that have are still in its array, until {@link #compact()} publishes one without them.
 */
final class ScopeTemplates {

    /** The array of a table that holds nothing; shared, never written. */
    private static final StoredTemplate[] EMPTY = new StoredTemplate[4];

    /** The smallest array; a power of two. */
    private static final int MIN_CAPACITY = 4;

    final TemplateScope scope;
    /** Its exporter, whose count includes every entry of this table. */
    final ExporterTemplates exporter;
    /** Never changed once published: writers replace it. */
    volatile StoredTemplate[] slots = EMPTY;
    /** Entries not removed (under the lock). */
    int live;
    /** Whether removed entries are still in {@link #slots} (under the lock). */
    boolean dirty;

    ScopeTemplates(TemplateScope scope, ExporterTemplates exporter) {
        this.scope = scope;
        this.exporter = exporter;
    }

    /** The entry for {@code id} in the published array, or null; lock-free and allocation-free. */
    StoredTemplate find(int id) {
        StoredTemplate[] table = slots;
        int mask = table.length - 1;
        int i = home(id, table.length);
        while (true) {
            StoredTemplate e = table[i];
            if (e == null || e.id == id) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds an entry for an id the table does not hold (the table has no removed entries). */
    void insert(StoredTemplate e) {
        StoredTemplate[] old = slots;
        int n = live + 1;
        StoredTemplate[] fresh;
        if (2 * n > old.length) {
            fresh = new StoredTemplate[capacityFor(n)];
            for (StoredTemplate x : old) {
                if (x != null) {
                    place(fresh, x);
                }
            }
        } else {
            fresh = old.clone();
        }
        place(fresh, e);
        live = n;
        slots = fresh;
    }

    /** Puts {@code fresh} in the slot of {@code old}, which has the same id and so leaves the store. */
    void replace(StoredTemplate old, StoredTemplate fresh) {
        StoredTemplate[] copy = slots.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == old) {
                copy[i] = fresh;
                old.removed = true;
                slots = copy;
                return;
            }
        }
        throw new IllegalStateException("entry not in its table");
    }

    /**
     * Marks an entry as having left the store; it stays in the published array until {@link #compact()}.
     *
     * @return whether the table had no such entry before, and so now needs compacting
     */
    boolean remove(StoredTemplate e) {
        e.removed = true;
        live--;
        boolean wasClean = !dirty;
        dirty = true;
        return wasClean;
    }

    /**
     * Publishes an array of the entries not removed, sized for them.
     *
     * @return whether any is left; a table left empty holds the shared empty array
     */
    boolean compact() {
        dirty = false;
        if (live == 0) {
            slots = EMPTY;
            return false;
        }
        StoredTemplate[] fresh = new StoredTemplate[capacityFor(live)];
        for (StoredTemplate x : slots) {
            if (x != null && !x.removed) {
                place(fresh, x);
            }
        }
        slots = fresh;
        return true;
    }

    /** Where the probe for {@code id} starts in an array of {@code length} slots (a power of two). */
    private static int home(int id, int length) {
        return (id * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(length) + 1);
    }

    /** Puts {@code e} into the first free slot of its probe sequence in an unpublished array. */
    private static void place(StoredTemplate[] slots, StoredTemplate e) {
        int mask = slots.length - 1;
        int i = home(e.id, slots.length);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = e;
    }

    /** The smallest array that keeps {@code n} entries at most half full. */
    static int capacityFor(int n) {
        int c = MIN_CAPACITY;
        while (c < 2 * n) {
            c <<= 1;
        }
        return c;
    }
}
