package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateEvent;
import io.github.flowcodec.core.TemplateListener;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <h2>Parts</h2>
 * This class owns the limits, the clock, the lock and the order of each operation's steps; the state is in
 * its parts: {@link ScopeTemplates}, the table of one scope's templates, each a {@link StoredTemplate};
 * {@link EvictionOrder}, which template leaves first, over the {@link PutOrder}s of all templates and of
 * each exporter's ({@link ExporterTemplates}) and their ranking in {@link ExporterBuckets}; and
 * {@link TemplateEventDispatch}, the listeners.
 */
public final class InMemoryTemplateStore implements TemplateStore {

    private final int maxTemplatesPerExporter;
    private final int maxTemplates;
    private final long lifetimeNanos;
    private final LongSupplier nanoClock;
    private final int lookupsPerClockRead;
    private int lookupsSinceClockRead;
    private volatile long lastNanos;

    /**
     * Each scope holding a template, with its table; read without the lock, changed under it (package-private,
     * as {@link #evictionOrder}, for the property that checks the parts agree).
     */
    final ConcurrentHashMap<TemplateScope, ScopeTemplates> templatesByScope = new ConcurrentHashMap<>();
    private final TemplateEventDispatch listeners = new TemplateEventDispatch();

    /** Guards every change and everything below. */
    private final ReentrantLock lock = new ReentrantLock();
    /** The order in which the templates of {@link #templatesByScope} leave. */
    final EvictionOrder evictionOrder = new EvictionOrder();
    /** Tables with removed entries still in their array, to compact before the lock is released. */
    private final List<ScopeTemplates> dirty = new ArrayList<>();

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
        ScopeTemplates table = templatesByScope.get(scope);
        if (table == null) {
            return Optional.empty();
        }
        StoredTemplate e = table.find(templateId);
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
        return change((now, events) -> {
            StoredTemplate e = find(scope, templateId);
            if (e == null) {
                return Optional.empty();
            }
            if (isExpired(e, now)) { // only if the clock went back and the put order is not in stamp order
                detach(e, TemplateEvent.Type.EXPIRED, events);
                return Optional.empty();
            }
            return e.present; // refreshed or redefined meanwhile
        });
    }

    @Override
    public List<Template> templates(TemplateScope scope) {
        List<Template> out = change((now, events) -> {
            List<Template> found = new ArrayList<>();
            ScopeTemplates table = templatesByScope.get(scope);
            if (table != null) {
                for (StoredTemplate e : table.slots) {
                    if (e != null) {
                        found.add(e.template);
                    }
                }
            }
            return found;
        });
        out.sort(Comparator.comparingInt(Template::id));
        return out;
    }

    @Override
    public List<TemplateScope> scopes() {
        return change((now, events) -> new ArrayList<>(templatesByScope.keySet()));
    }

    @Override
    public int size() {
        return change((now, events) -> evictionOrder.size());
    }

    // --------------------------------------------------------------------------------------------- writes

    @Override
    public PutResult put(TemplateScope scope, Template template) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(template, "template");
        return change((now, events) -> {
            StoredTemplate old = find(scope, template.id());
            if (old != null && isExpired(old, now)) {
                detach(old, TemplateEvent.Type.EXPIRED, events); // only if the clock went back
                old = null;
            }
            if (old != null && old.template.equals(template)) {
                old.stamp = now;
                evictionOrder.refresh(old);
                return PutResult.REFRESHED;
            }
            if (old != null) {
                StoredTemplate fresh = new StoredTemplate(template, old.table, now);
                old.table.replace(old, fresh);
                evictionOrder.replace(old, fresh);
                events.add(new TemplateEvent(TemplateEvent.Type.REDEFINED, scope, template));
                return PutResult.REDEFINED;
            }
            add(scope, template, now, events);
            return PutResult.ADDED;
        });
    }

    /** Stores a template whose id the scope does not hold, evicting first as the limits demand. */
    private void add(TemplateScope scope, Template template, long now, List<TemplateEvent> events) {
        StoredTemplate victim;
        while ((victim = evictionOrder.victim(scope.exporter(), maxTemplatesPerExporter, maxTemplates)) != null) {
            detach(victim, TemplateEvent.Type.EVICTED, events);
        }
        compactDirty(); // may drop the scope's table if the evictions emptied it
        ScopeTemplates table = templatesByScope.get(scope);
        if (table == null) {
            table = new ScopeTemplates(scope, evictionOrder.exporter(scope.exporter()));
            templatesByScope.put(scope, table);
        }
        StoredTemplate fresh = new StoredTemplate(template, table, now);
        table.insert(fresh);
        evictionOrder.add(fresh);
        events.add(new TemplateEvent(TemplateEvent.Type.ADDED, scope, template));
    }

    @Override
    public boolean withdraw(TemplateScope scope, int templateId) {
        return change((now, events) -> {
            StoredTemplate e = find(scope, templateId);
            if (e == null) {
                return false;
            }
            detach(e, TemplateEvent.Type.WITHDRAWN, events);
            return true;
        });
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
        return change((now, events) -> {
            ScopeTemplates table = templatesByScope.get(scope);
            if (table == null) {
                return 0;
            }
            List<StoredTemplate> victims = new ArrayList<>();
            for (StoredTemplate e : table.slots) {
                if (e != null && (options == null || e.template.isOptions() == options)) {
                    victims.add(e);
                }
            }
            victims.sort(Comparator.comparingInt(e -> e.id));
            for (StoredTemplate e : victims) {
                detach(e, type, events);
            }
            return victims.size();
        });
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

    @Override
    public String toString() {
        int n;
        lock.lock();
        try {
            n = evictionOrder.size();
        } finally {
            lock.unlock();
        }
        return "InMemoryTemplateStore[size=" + n + ", maxTemplatesPerExporter=" + maxTemplatesPerExporter
                + ", maxTemplates=" + maxTemplates + ", lifetimeNanos=" + lifetimeNanos + "]";
    }

    // --------------------------------------------------------------------------------- changes (locked)

    /** One step of a change of the store, under the lock. */
    @FunctionalInterface
    private interface Step<T> {
        /** Does the step at {@code now}, adding the events it causes to {@code events}. */
        T apply(long now, List<TemplateEvent> events);
    }

    /**
     * Makes one change of the store: under the lock, removes the templates that have expired, runs the
     * step on compacted tables and compacts them again; then tells the listeners of every event, outside
     * the lock.
     */
    private <T> T change(Step<T> step) {
        List<TemplateEvent> events = new ArrayList<>(0);
        T result;
        lock.lock();
        try {
            long now = changeNanos();
            expireOldest(now, events);
            compactDirty();
            result = step.apply(now, events);
            compactDirty();
        } finally {
            lock.unlock();
        }
        listeners.tell(events);
        return result;
    }

    /** The entry for the id in the scope, or null; between compactions, so never a removed one. */
    private StoredTemplate find(TemplateScope scope, int templateId) {
        ScopeTemplates table = templatesByScope.get(scope);
        return table == null ? null : table.find(templateId);
    }

    private boolean isExpired(StoredTemplate e, long now) {
        return lifetimeNanos > 0 && now - e.stamp > lifetimeNanos;
    }

    /** Removes the expired entries from the old end of the put order. */
    private void expireOldest(long now, List<TemplateEvent> events) {
        if (lifetimeNanos == 0) {
            return;
        }
        StoredTemplate e;
        while ((e = evictionOrder.oldest()) != null && isExpired(e, now)) {
            detach(e, TemplateEvent.Type.EXPIRED, events);
        }
    }

    /**
     * Takes an entry out of the store for the reason {@code type} and records the event; its table still
     * holds it until {@link #compactDirty} compacts the table, which must happen before the lock is released.
     */
    private void detach(StoredTemplate e, TemplateEvent.Type type, List<TemplateEvent> events) {
        evictionOrder.remove(e);
        if (e.table.remove(e)) {
            dirty.add(e.table);
        }
        events.add(new TemplateEvent(type, e.table.scope, e.template));
    }

    /** Compacts the tables that hold removed entries; drops the ones left empty. */
    private void compactDirty() {
        for (int i = 0; i < dirty.size(); i++) {
            ScopeTemplates table = dirty.get(i);
            if (!table.compact()) {
                templatesByScope.remove(table.scope, table);
            }
        }
        dirty.clear();
    }
}
