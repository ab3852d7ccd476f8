package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.InMemoryTemplateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where NetFlow v9 and IPFIX templates live between packets, keyed by {@link TemplateScope} and template
 * id. Implementations are thread-safe and bounded: no stream of packets may make them grow without limit.
 *
 * <p>{@link #inMemory()} gives the standard bounded store; a cluster of collectors behind a load balancer
 * can implement this interface over a shared store.
 *
 * <pre>{@code
 * TemplateStore store = TemplateStore.builder()
 *         .maxTemplatesPerExporter(4096)
 *         .maxTemplates(1_000_000)
 *         .lifetime(Duration.ofMinutes(30))
 *         .build();
 * store.addListener(e -> log.debug("{}", e));
 * store.put(scope, template);
 * Optional<Template> t = store.get(scope, 256);
 * }</pre>
 */
public interface TemplateStore {

    /** What {@link #put} did. */
    enum PutResult {
        /** The id was new in the scope. */
        ADDED,
        /** The same template was already there; its lifetime starts again. */
        REFRESHED,
        /** The id had another layout, now replaced. */
        REDEFINED,
        /** The store refused it (limits); it is not stored. */
        REJECTED
    }

    /**
     * Stores or refreshes a template.
     *
     * @param scope the exporter and observation domain (or source id) the template came from
     * @param template the template, with the id the exporter gave it
     * @return what happened: added, refreshed, redefined, or rejected by the store's limits
     */
    PutResult put(TemplateScope scope, Template template);

    /**
     * The template with this id in the scope, if there is one that has not expired.
     *
     * @param scope the exporter and observation domain (or source id)
     * @param templateId the template id, 256 to 65535
     * @return the template, or empty
     */
    Optional<Template> get(TemplateScope scope, int templateId);

    /**
     * Removes one template (IPFIX withdrawal); whether it was there.
     *
     * @param scope the exporter and observation domain
     * @param templateId the template id withdrawn
     * @return true if the template was stored
     */
    boolean withdraw(TemplateScope scope, int templateId);

    /**
     * Removes every template of the scope, or every options template ({@code options} true) or every plain
     * one (false), as IPFIX's withdraw-all messages do for set id 3 and 2; how many were removed.
     *
     * @param scope the exporter and observation domain
     * @param options true to remove the options templates, false the plain ones
     * @return how many were removed
     */
    int withdrawAll(TemplateScope scope, boolean options);

    /**
     * Removes every template of the scope because its exporter restarted; how many were removed.
     *
     * @param scope the exporter and observation domain (or source id) whose exporter restarted
     * @return how many were removed
     */
    int exporterRestarted(TemplateScope scope);

    /**
     * Every template of the scope (a snapshot).
     *
     * @param scope the exporter and observation domain
     * @return the templates, in no particular order
     */
    List<Template> templates(TemplateScope scope);

    /**
     * Every scope with at least one template (a snapshot).
     *
     * @return the scopes
     */
    List<TemplateScope> scopes();

    /**
     * How many templates are stored in all.
     *
     * @return the number of templates over every scope
     */
    int size();

    /**
     * Registers a listener for every change.
     *
     * @param listener called on each {@link TemplateEvent}: a template added, redefined, withdrawn, expired,
     *     evicted, flushed by an exporter restart or rejected
     */
    void addListener(TemplateListener listener);

    /**
     * Removes a listener.
     *
     * @param listener a listener given to {@link #addListener}
     */
    void removeListener(TemplateListener listener);

    /**
     * A bounded in-memory store with the default limits (see {@link Builder}).
     *
     * @return a new, empty store, safe to share between threads
     */
    static TemplateStore inMemory() {
        return builder().build();
    }

    /**
     * A builder for the bounded in-memory store.
     *
     * @return a builder with the default limits
     */
    static Builder builder() {
        return new Builder();
    }

    /** Configures the bounded, thread-safe in-memory store. */
    final class Builder {
        int maxTemplatesPerExporter = 4096;
        int maxTemplates = 1 << 20;
        Duration lifetime = Duration.ofMinutes(30);
        /** The system clock; with it, look-ups read the clock once in {@value #LOOKUPS_PER_CLOCK_READ}. */
        private static final java.util.function.LongSupplier SYSTEM_NANOS = System::nanoTime;
        /** How many look-ups share one reading of the system clock for their expiry test. */
        static final int LOOKUPS_PER_CLOCK_READ = 64;
        java.util.function.LongSupplier nanoClock = SYSTEM_NANOS;

        Builder() {
        }

        /**
         * At most this many templates per exporter address (all its ports and domains); default 4096.
         *
         * @param max the limit, at least 1
         * @return this builder
         */
        public Builder maxTemplatesPerExporter(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTemplatesPerExporter must be positive");
            }
            this.maxTemplatesPerExporter = max;
            return this;
        }

        /**
         * At most this many templates in all; default 1048576.
         *
         * @param max the limit, at least 1
         * @return this builder
         */
        public Builder maxTemplates(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxTemplates must be positive");
            }
            this.maxTemplates = max;
            return this;
        }

        /**
         * How long a template lives without being refreshed (RFC 7011 template lifetime for UDP); default
         * 30 minutes; {@link Duration#ZERO} for ever. With the system clock, a look-up judges expiry by a
         * reading of the clock at most 64 look-ups old (every change of the store reads it too), so an expired
         * template may serve a few more data sets, never fewer: a clock read costs as much as the rest of a
         * look-up on some virtual machines. A clock given to {@link #nanoClock} is read on every look-up.
         *
         * @param lifetime the template lifetime, or {@link Duration#ZERO} for templates that never expire
         * @return this builder
         */
        public Builder lifetime(Duration lifetime) {
            if (lifetime.isNegative()) {
                throw new IllegalArgumentException("negative lifetime");
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * The clock for expiry, in nanoseconds (for tests); default {@link System#nanoTime}.
         *
         * @param nanoClock a monotonic clock in nanoseconds
         * @return this builder
         */
        public Builder nanoClock(java.util.function.LongSupplier nanoClock) {
            this.nanoClock = java.util.Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        /**
         * The store.
         *
         * @return a new store, safe to share between threads
         */
        public TemplateStore build() {
            return new InMemoryTemplateStore(maxTemplatesPerExporter, maxTemplates, lifetime.toNanos(), nanoClock,
                    nanoClock == SYSTEM_NANOS ? LOOKUPS_PER_CLOCK_READ : 1);
        }
    }
}
