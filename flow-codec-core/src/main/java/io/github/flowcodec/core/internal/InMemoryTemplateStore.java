package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateEvent;
import io.github.flowcodec.core.TemplateListener;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The standard {@link TemplateStore}: bounded, thread-safe, in memory, with lock-free reads.
 *
 * <pre>{@code
 * TemplateStore store = TemplateStore.builder()
 *         .maxTemplatesPerExporter(4096)      // per exporter address, all ports, domains and protocols
 *         .maxTemplates(1_000_000)            // in all
 *         .lifetime(Duration.ofMinutes(30))   // Duration.ZERO: templates never expire
 *         .build();
 * store.addListener(e -> { if (e.type() == TemplateEvent.Type.EVICTED) evictions.increment(); });
 * store.put(scope, template);                       // ADDED, then REFRESHED while it stays the same
 * Optional<Template> t = store.get(scope, 256);     // lock-free, allocation-free
 * }</pre>
 *
 * <h2>Reads</h2>
 * {@link #get} is on the path of every NetFlow v9 and IPFIX data set and takes no lock and allocates
 * nothing: one {@link ConcurrentHashMap} look-up finds the scope's table, whose entries live in a
 * {@code volatile} copy-on-write open-addressing array (linear probing on a Fibonacci hash of the 16-bit
 * template id, at most half full). Each entry carries its template, a ready-made {@link Optional} of it and
 * the time it was last put. A writer never changes a published array: it builds a new one and publishes
 * it with one volatile write, so a reader always sees a consistent table. Only when the entry it finds
 * has outlived the lifetime does a reader take the write lock, to remove it and fire
 * {@link TemplateEvent.Type#EXPIRED}.
 *
 * <h2>Writes</h2>
 * Every change ({@link #put}, withdrawals, restarts, expiry, eviction) happens under one lock; template
 * (re)definitions are rare next to data records, and a refresh of an unchanged template costs the lock,
 * a clock read and two list moves, without copying any table. Tables grow from 4 slots as a scope
 * fills and shrink as it empties; a scope whose last template goes is dropped, so memory is bounded by
 * the limits, not by the number of scopes ever seen.
 *
 * <h2>Limits</h2>
 * This store never refuses a template and never returns {@link TemplateStore.PutResult#REJECTED}: when the exporter
 * address (over all its ports, observation domains and protocols) already holds
 * {@code maxTemplatesPerExporter} templates, that exporter's least recently put (added, refreshed or
 * redefined) template is evicted to make room; when the store holds {@code maxTemplates} in all, the
 * least recently put template of the exporter that holds the most templates is evicted (among exporters
 * holding equally many, the one that reached that number first and has not put a template since). Each
 * eviction fires {@link TemplateEvent.Type#EVICTED}. So exporters that flood templates push out their own,
 * and one another's, before a well-behaved exporter with few templates loses any. Neither limit is ever
 * exceeded, not even for a moment.
 *
 * <h2>Expiry</h2>
 * With a positive lifetime, a template not put again for longer than the lifetime is absent: {@link #get}
 * removes it when it meets it, and every other operation first removes the templates that have expired
 * (the oldest first, so this costs nothing when none has), each with {@link TemplateEvent.Type#EXPIRED}.
 * Expiry assumes the clock never goes back, as {@link System#nanoTime} does not.
 *
 * <h2>Events</h2>
 * Listeners are told after the change is complete, outside the lock, on the thread that made the change,
 * in the order of the changes that call made; events of concurrent calls on different threads may reach a
 * listener interleaved. If a listener throws a {@link RuntimeException}, the store is already consistent:
 * the remaining listeners and events are still delivered, then the first exception is rethrown (later
 * ones attached as suppressed) to the caller of the operation, which itself has taken effect.
 */
public final class InMemoryTemplateStore implements TemplateStore {

    /** The table of a scope that has no template; shared, never written. */
    private static final Entry[] EMPTY = new Entry[4];

    /** The smallest table; a power of two. */
    private static final int MIN_CAPACITY = 4;

    private final int maxTemplatesPerExporter;
    private final int maxTemplates;
    private final long lifetimeNanos;
    private final LongSupplier nanoClock;
    private final int lookupsPerClockRead;
    private int lookupsSinceClockRead;
    private volatile long lastNanos;

    private final ConcurrentHashMap<TemplateScope, ScopeTable> tables = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<TemplateListener> listeners = new CopyOnWriteArrayList<>();

    /** Guards every change and everything below. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<InetAddress, Exporter> exporters = new HashMap<>();
    /**
     * The exporters by how many templates they hold: {@code bucketHead[n]} starts the list of those holding
     * n, in the order they came to hold n. Grows with the largest count.
     */
    private Exporter[] bucketHead = new Exporter[16];
    private Exporter[] bucketTail = new Exporter[16];
    /** The largest count of any exporter (its bucket is not empty unless the store is). */
    private int largest;
    /** Every entry, least recently put first. */
    private Entry oldest;
    private Entry newest;
    private int total;
    /** Tables with removed entries still in their array, to rebuild before the lock is released. */
    private final List<ScopeTable> dirty = new ArrayList<>();

    /**
     * A store with these limits.
     *
     * @param maxTemplatesPerExporter at most this many templates per exporter address (positive)
     * @param maxTemplates at most this many templates in all (positive)
     * @param lifetimeNanos how long a template lives without being put again; 0 for ever
     * @param nanoClock the clock for expiry, in nanoseconds
     */
    public InMemoryTemplateStore(int maxTemplatesPerExporter, int maxTemplates, long lifetimeNanos,
            LongSupplier nanoClock) {
        this(maxTemplatesPerExporter, maxTemplates, lifetimeNanos, nanoClock, 1);
    }

    /**
     * A store with these limits whose look-ups read the clock only once in {@code lookupsPerClockRead}
     * (with a positive lifetime, every look-up needs the time, and a clock read costs tens of nanoseconds
     * on some virtual machines: as much as the rest of a data set's bookkeeping). Between two readings a
     * look-up judges expiry by the last one, which every change of the store also refreshes, so a template
     * may be seen up to {@code lookupsPerClockRead - 1} look-ups after it expired, never before.
     *
     * @param lookupsPerClockRead 1 to read the clock on every look-up
     */
    public InMemoryTemplateStore(int maxTemplatesPerExporter, int maxTemplates, long lifetimeNanos,
            LongSupplier nanoClock, int lookupsPerClockRead) {
        if (lookupsPerClockRead < 1) {
            throw new IllegalArgumentException("lookupsPerClockRead must be positive: " + lookupsPerClockRead);
        }
        this.lookupsPerClockRead = lookupsPerClockRead;
        if (maxTemplatesPerExporter < 1) {
            throw new IllegalArgumentException("maxTemplatesPerExporter must be positive: " + maxTemplatesPerExporter);
        }
        if (maxTemplates < 1) {
            throw new IllegalArgumentException("maxTemplates must be positive: " + maxTemplates);
        }
        if (lifetimeNanos < 0) {
            throw new IllegalArgumentException("negative lifetime: " + lifetimeNanos);
        }
        this.maxTemplatesPerExporter = maxTemplatesPerExporter;
        this.maxTemplates = maxTemplates;
        this.lifetimeNanos = lifetimeNanos;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.lastNanos = nanoClock.getAsLong();
    }

    /** The time for a look-up's expiry test: the clock, or its last reading (see the constructor). */
    private long lookupNanos() {
        if (lookupsPerClockRead == 1) {
            return nanoClock.getAsLong();
        }
        if (++lookupsSinceClockRead < lookupsPerClockRead) { // racy on purpose: a lost count only delays a read
            return lastNanos;
        }
        lookupsSinceClockRead = 0;
        long now = nanoClock.getAsLong();
        lastNanos = now;
        return now;
    }

    /** Reads the clock for a change of the store, refreshing the look-ups' last reading. */
    private long changeNanos() {
        long now = nanoClock.getAsLong();
        lastNanos = now;
        return now;
    }

    // ---------------------------------------------------------------------------------------------- reads

    @Override
    public Optional<Template> get(TemplateScope scope, int templateId) {
        ScopeTable table = tables.get(scope);
        if (table == null) {
            return Optional.empty();
        }
        Entry e = find(table.slots, templateId);
        if (e == null) {
            return Optional.empty();
        }
        if (lifetimeNanos > 0 && lookupNanos() - e.stamp > lifetimeNanos) {
            return expireOnRead(scope, templateId);
        }
        return e.present;
    }

    /** The slow path of {@link #get}: the entry looked expired. */
    private Optional<Template> expireOnRead(TemplateScope scope, int templateId) {
        List<TemplateEvent> events = new ArrayList<>(1);
        Optional<Template> result = Optional.empty();
        lock.lock();
        try {
            long now = changeNanos();
            expireOldest(now, events);
            ScopeTable table = tables.get(scope);
            Entry e = table == null ? null : find(table.slots, templateId);
            if (e != null && !e.removed) {
                if (isExpired(e, now)) {
                    // only if the clock went back and the list is not in stamp order
                    detach(e);
                    events.add(new TemplateEvent(TemplateEvent.Type.EXPIRED, scope, e.template));
                } else {
                    result = e.present; // refreshed or redefined meanwhile
                }
            }
            compactDirty();
        } finally {
            lock.unlock();
        }
        fire(events);
        return result;
    }

    @Override
    public List<Template> templates(TemplateScope scope) {
        List<TemplateEvent> events = new ArrayList<>(0);
        List<Template> out = new ArrayList<>();
        lock.lock();
        try {
            expireOldest(changeNanos(), events);
            compactDirty();
            ScopeTable table = tables.get(scope);
            if (table != null) {
                for (Entry e : table.slots) {
                    if (e != null) {
                        out.add(e.template);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        fire(events);
        out.sort(Comparator.comparingInt(Template::id));
        return out;
    }

    @Override
    public List<TemplateScope> scopes() {
        List<TemplateEvent> events = new ArrayList<>(0);
        List<TemplateScope> out;
        lock.lock();
        try {
            expireOldest(changeNanos(), events);
            compactDirty();
            out = new ArrayList<>(tables.keySet());
        } finally {
            lock.unlock();
        }
        fire(events);
        return out;
    }

    @Override
    public int size() {
        List<TemplateEvent> events = new ArrayList<>(0);
        int n;
        lock.lock();
        try {
            expireOldest(changeNanos(), events);
            compactDirty();
            n = total;
        } finally {
            lock.unlock();
        }
        fire(events);
        return n;
    }

    // --------------------------------------------------------------------------------------------- writes

    @Override
    public PutResult put(TemplateScope scope, Template template) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(template, "template");
        int id = template.id();
        List<TemplateEvent> events = new ArrayList<>(0);
        PutResult result;
        lock.lock();
        try {
            long now = changeNanos();
            expireOldest(now, events);
            ScopeTable table = tables.get(scope);
            Entry old = table == null ? null : find(table.slots, id);
            if (old != null && old.removed) {
                old = null; // expired just now; the table is rebuilt below
            }
            if (old != null && isExpired(old, now)) {
                detach(old); // only if the clock went back
                events.add(new TemplateEvent(TemplateEvent.Type.EXPIRED, scope, old.template));
                old = null;
            }
            if (old != null && old.template.equals(template)) {
                old.stamp = now;
                moveToNewest(old);
                result = PutResult.REFRESHED;
            } else if (old != null) {
                compactDirty();
                Entry fresh = new Entry(template, old.table, now);
                old.table.replace(old, fresh);
                unlink(old);
                old.removed = true;
                link(fresh);
                events.add(new TemplateEvent(TemplateEvent.Type.REDEFINED, scope, template));
                result = PutResult.REDEFINED;
            } else {
                Exporter exporter = exporters.get(scope.exporter());
                while (exporter != null && exporter.count >= maxTemplatesPerExporter) {
                    evict(exporter.oldest, events);
                    exporter = exporters.get(scope.exporter()); // gone when its count fell to 0
                }
                while (total >= maxTemplates) {
                    evict(bucketHead[largest].oldest, events);
                }
                compactDirty(); // may drop the scope's table if the evictions emptied it
                exporter = exporters.get(scope.exporter()); // the global evictions may have emptied it
                if (exporter == null) {
                    exporter = new Exporter(scope.exporter());
                    exporters.put(scope.exporter(), exporter);
                }
                table = tables.get(scope);
                if (table == null) {
                    table = new ScopeTable(scope, exporter);
                    tables.put(scope, table);
                }
                Entry fresh = new Entry(template, table, now);
                table.insert(fresh);
                link(fresh);
                events.add(new TemplateEvent(TemplateEvent.Type.ADDED, scope, template));
                result = PutResult.ADDED;
            }
            compactDirty();
        } finally {
            lock.unlock();
        }
        fire(events);
        return result;
    }

    @Override
    public boolean withdraw(TemplateScope scope, int templateId) {
        List<TemplateEvent> events = new ArrayList<>(1);
        boolean removed = false;
        lock.lock();
        try {
            expireOldest(changeNanos(), events);
            ScopeTable table = tables.get(scope);
            Entry e = table == null ? null : find(table.slots, templateId);
            if (e != null && !e.removed) {
                detach(e);
                events.add(new TemplateEvent(TemplateEvent.Type.WITHDRAWN, scope, e.template));
                removed = true;
            }
            compactDirty();
        } finally {
            lock.unlock();
        }
        fire(events);
        return removed;
    }

    @Override
    public int withdrawAll(TemplateScope scope, boolean options) {
        return removeAll(scope, options ? Boolean.TRUE : Boolean.FALSE, TemplateEvent.Type.WITHDRAWN);
    }

    @Override
    public int exporterRestarted(TemplateScope scope) {
        return removeAll(scope, null, TemplateEvent.Type.EXPORTER_RESTARTED);
    }

    /** Removes the scope's templates, only its options or plain ones unless {@code options} is null. */
    private int removeAll(TemplateScope scope, Boolean options, TemplateEvent.Type type) {
        List<TemplateEvent> events = new ArrayList<>();
        int removed = 0;
        lock.lock();
        try {
            expireOldest(changeNanos(), events);
            ScopeTable table = tables.get(scope);
            if (table != null) {
                List<Entry> victims = new ArrayList<>();
                for (Entry e : table.slots) {
                    if (e != null && !e.removed && (options == null || e.template.isOptions() == options)) {
                        victims.add(e);
                    }
                }
                victims.sort(Comparator.comparingInt(e -> e.id));
                for (Entry e : victims) {
                    detach(e);
                    events.add(new TemplateEvent(type, scope, e.template));
                }
                removed = victims.size();
            }
            compactDirty();
        } finally {
            lock.unlock();
        }
        fire(events);
        return removed;
    }

    // ------------------------------------------------------------------------------------------ listeners

    @Override
    public void addListener(TemplateListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(TemplateListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener of every event; rethrows the first listener failure after all were told. */
    private void fire(List<TemplateEvent> events) {
        if (events.isEmpty() || listeners.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        for (TemplateEvent event : events) {
            for (TemplateListener listener : listeners) {
                try {
                    listener.onTemplateEvent(event);
                } catch (RuntimeException ex) {
                    if (failure == null) {
                        failure = ex;
                    } else if (failure != ex) {
                        failure.addSuppressed(ex);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        int n;
        lock.lock();
        try {
            n = total;
        } finally {
            lock.unlock();
        }
        return "InMemoryTemplateStore[size=" + n + ", maxTemplatesPerExporter=" + maxTemplatesPerExporter
                + ", maxTemplates=" + maxTemplates + ", lifetimeNanos=" + lifetimeNanos + "]";
    }

    // ------------------------------------------------------------------------------- bookkeeping (locked)

    private boolean isExpired(Entry e, long now) {
        return lifetimeNanos > 0 && now - e.stamp > lifetimeNanos;
    }

    /** Removes the expired entries from the old end of the put order. */
    private void expireOldest(long now, List<TemplateEvent> events) {
        if (lifetimeNanos == 0) {
            return;
        }
        while (oldest != null && isExpired(oldest, now)) {
            Entry e = oldest;
            detach(e);
            events.add(new TemplateEvent(TemplateEvent.Type.EXPIRED, e.table.scope, e.template));
        }
    }

    private void evict(Entry e, List<TemplateEvent> events) {
        detach(e);
        events.add(new TemplateEvent(TemplateEvent.Type.EVICTED, e.table.scope, e.template));
    }

    /**
     * Takes an entry out of the counts and the put order and marks it removed; its table still holds it
     * until {@link #compactDirty} rebuilds the table, which must happen before the lock is released.
     */
    private void detach(Entry e) {
        unlink(e);
        e.removed = true;
        ScopeTable table = e.table;
        table.live--;
        if (!table.dirty) {
            table.dirty = true;
            dirty.add(table);
        }
        Exporter exporter = table.exporter;
        if (exporter.count == 0) {
            exporters.remove(exporter.address, exporter);
        }
    }

    /** Rebuilds the tables that hold removed entries; drops the ones left empty. */
    private void compactDirty() {
        for (int i = 0; i < dirty.size(); i++) {
            ScopeTable table = dirty.get(i);
            table.dirty = false;
            if (table.live == 0) {
                table.slots = EMPTY;
                tables.remove(table.scope, table);
            } else {
                table.rebuild(table.live);
            }
        }
        dirty.clear();
    }

    /** Appends a new entry at the newest end of the global and its exporter's put order. */
    private void link(Entry e) {
        e.prev = newest;
        e.next = null;
        if (newest == null) {
            oldest = e;
        } else {
            newest.next = e;
        }
        newest = e;
        total++;
        Exporter x = e.table.exporter;
        e.xPrev = x.newest;
        e.xNext = null;
        if (x.newest == null) {
            x.oldest = e;
        } else {
            x.newest.xNext = e;
        }
        x.newest = e;
        x.count++;
        moveBucket(x, x.count - 1, x.count);
    }

    /** Moves an exporter from the bucket of {@code from} templates (none for 0) to the tail of that of {@code to}. */
    private void moveBucket(Exporter x, int from, int to) {
        if (from > 0) {
            if (x.bPrev == null) {
                bucketHead[from] = x.bNext;
            } else {
                x.bPrev.bNext = x.bNext;
            }
            if (x.bNext == null) {
                bucketTail[from] = x.bPrev;
            } else {
                x.bNext.bPrev = x.bPrev;
            }
            x.bPrev = null;
            x.bNext = null;
        }
        if (to > 0) {
            if (to >= bucketHead.length) {
                int n = Math.max(to + 1, 2 * bucketHead.length);
                bucketHead = java.util.Arrays.copyOf(bucketHead, n);
                bucketTail = java.util.Arrays.copyOf(bucketTail, n);
            }
            x.bPrev = bucketTail[to];
            if (bucketTail[to] == null) {
                bucketHead[to] = x;
            } else {
                bucketTail[to].bNext = x;
            }
            bucketTail[to] = x;
            if (to > largest) {
                largest = to;
            }
        }
        while (largest > 0 && bucketHead[largest] == null) {
            largest--;
        }
    }

    /** Takes an entry out of both put orders and their counts. */
    private void unlink(Entry e) {
        if (e.prev == null) {
            oldest = e.next;
        } else {
            e.prev.next = e.next;
        }
        if (e.next == null) {
            newest = e.prev;
        } else {
            e.next.prev = e.prev;
        }
        e.prev = null;
        e.next = null;
        total--;
        Exporter x = e.table.exporter;
        if (e.xPrev == null) {
            x.oldest = e.xNext;
        } else {
            e.xPrev.xNext = e.xNext;
        }
        if (e.xNext == null) {
            x.newest = e.xPrev;
        } else {
            e.xNext.xPrev = e.xPrev;
        }
        e.xPrev = null;
        e.xNext = null;
        x.count--;
        moveBucket(x, x.count + 1, x.count);
    }

    private void moveToNewest(Entry e) {
        unlink(e);
        link(e);
    }

    // ------------------------------------------------------------------------------------ the hash table

    /** Where the probe for {@code id} starts in a table of {@code length} slots (a power of two). */
    private static int home(int id, int length) {
        return (id * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(length) + 1);
    }

    /** The entry for {@code id} in a published table, or null; lock-free. */
    private static Entry find(Entry[] slots, int id) {
        int mask = slots.length - 1;
        int i = home(id, slots.length);
        while (true) {
            Entry e = slots[i];
            if (e == null || e.id == id) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /** Puts {@code e} into the first free slot of its probe sequence in an unpublished array. */
    private static void place(Entry[] slots, Entry e) {
        int mask = slots.length - 1;
        int i = home(e.id, slots.length);
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = e;
    }

    /** The smallest table that keeps {@code n} entries at most half full. */
    private static int capacityFor(int n) {
        int c = MIN_CAPACITY;
        while (c < 2 * n) {
            c <<= 1;
        }
        return c;
    }

    /** The templates of one scope. */
    private static final class ScopeTable {
        final TemplateScope scope;
        final Exporter exporter;
        /** Never changed once published: writers replace it. */
        volatile Entry[] slots = EMPTY;
        /** Entries not removed (under the lock). */
        int live;
        /** Whether it is in the store's dirty list (under the lock). */
        boolean dirty;

        ScopeTable(TemplateScope scope, Exporter exporter) {
            this.scope = scope;
            this.exporter = exporter;
        }

        /** Adds an entry for an id the table does not hold (the table has no removed entries). */
        void insert(Entry e) {
            Entry[] old = slots;
            int n = live + 1;
            if (2 * n > old.length) {
                live = n;
                Entry[] fresh = new Entry[capacityFor(n)];
                for (Entry x : old) {
                    if (x != null) {
                        place(fresh, x);
                    }
                }
                place(fresh, e);
                slots = fresh;
            } else {
                Entry[] fresh = old.clone();
                place(fresh, e);
                live = n;
                slots = fresh;
            }
        }

        /** Puts {@code fresh} in the slot of {@code old}, which has the same id. */
        void replace(Entry old, Entry fresh) {
            Entry[] copy = slots.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == old) {
                    copy[i] = fresh;
                    slots = copy;
                    return;
                }
            }
            throw new IllegalStateException("entry not in its table");
        }

        /** Publishes a table of the entries not removed, sized for {@code n} of them. */
        void rebuild(int n) {
            Entry[] fresh = new Entry[capacityFor(n)];
            for (Entry x : slots) {
                if (x != null && !x.removed) {
                    place(fresh, x);
                }
            }
            slots = fresh;
        }
    }

    /** The put order and count of one exporter address. */
    private static final class Exporter {
        final InetAddress address;
        int count;
        Entry oldest;
        Entry newest;
        /** Neighbours in the bucket of exporters holding {@link #count} templates. */
        Exporter bPrev;
        Exporter bNext;

        Exporter(InetAddress address) {
            this.address = address;
        }
    }

    /** One stored template. */
    private static final class Entry {
        final int id;
        final Template template;
        final Optional<Template> present;
        final ScopeTable table;
        /** When it was last put (nanoClock); written under the lock, read by {@link #get}. */
        volatile long stamp;
        /** Under the lock. */
        boolean removed;
        Entry prev;
        Entry next;
        Entry xPrev;
        Entry xNext;

        Entry(Template template, ScopeTable table, long stamp) {
            this.id = template.id();
            this.template = template;
            this.present = Optional.of(template);
            this.table = table;
            this.stamp = stamp;
        }
    }
}
