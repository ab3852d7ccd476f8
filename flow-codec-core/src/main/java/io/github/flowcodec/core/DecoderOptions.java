package io.github.flowcodec.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How decoders behave: strict or lenient, where lenient decoders report what they worked around, where
 * templates live, which information elements they know, and (NetFlow v9, IPFIX) how much data may wait for its
 * template. Immutable.
 *
 * <pre>{@code
 * TemplateStore shared = TemplateStore.inMemory();
 * DecoderOptions options = DecoderOptions.builder()
 *         .mode(DecodeMode.LENIENT)
 *         .problemListener(problem -> log.debug("{}", problem))
 *         .templateStore(shared)
 *         .maxPendingSets(256)   // data sets that came before their template: at most 256 wait
 *         .build();
 * DatagramDecoder decoder = FlowDecoders.autoDetecting(options);
 * }</pre>
 */
public final class DecoderOptions {

    /** The listener of the defaults; declared first, as {@link #DEFAULT} is built from it. */
    private static final Consumer<DecodeProblem> IGNORE = p -> { };

    /** Default bound of the buffer of data sets waiting for their template. */
    public static final int DEFAULT_MAX_PENDING_SETS = 1024;
    /** Default bound in bytes of the buffer of data sets waiting for their template. */
    public static final long DEFAULT_MAX_PENDING_BYTES = 4L << 20;
    /** Default time a data set waits for its template. */
    public static final Duration DEFAULT_MAX_PENDING_AGE = Duration.ofMinutes(5);

    /** Strict, no listener, a new in-memory template store per decoder, the standard registry. */
    public static final DecoderOptions DEFAULT = builder().build();

    private final DecodeMode mode;
    private final Consumer<DecodeProblem> problemListener;
    private final Supplier<TemplateStore> templateStore;
    private final InformationElementRegistry registry;
    private final TemplateScopePolicy scopePolicy;
    private final int maxPendingSets;
    private final long maxPendingBytes;
    private final Duration maxPendingAge;

    private DecoderOptions(Builder b) {
        this.mode = b.mode;
        this.problemListener = b.problemListener;
        this.templateStore = b.templateStore;
        this.registry = b.registry;
        this.scopePolicy = b.scopePolicy;
        this.maxPendingSets = b.maxPendingSets;
        this.maxPendingBytes = b.maxPendingBytes;
        this.maxPendingAge = b.maxPendingAge;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder: strict, no problem listener, a new template store per decoder, the standard registry, scopes
     *     by address and domain
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Strict or lenient.
     *
     * @return the decode mode
     */
    public DecodeMode mode() {
        return mode;
    }

    /**
     * Whether the mode is {@link DecodeMode#LENIENT}.
     *
     * @return true if the decoder works around problems instead of throwing
     */
    public boolean lenient() {
        return mode == DecodeMode.LENIENT;
    }

    /**
     * Told of each problem a lenient decoder worked around.
     *
     * @return the listener, a no-op by default
     */
    public Consumer<DecodeProblem> problemListener() {
        return problemListener;
    }

    /**
     * The template store for a new decoder: the shared one if one was given, else a new bounded store.
     *
     * @return the shared store, or a new store for each call when none was given
     */
    public TemplateStore templateStore() {
        return templateStore.get();
    }

    /**
     * The information elements decoders resolve field types with.
     *
     * @return the registry
     */
    public InformationElementRegistry registry() {
        return registry;
    }

    /**
     * How template scopes are formed from a packet's origin.
     *
     * @return the policy
     */
    public TemplateScopePolicy scopePolicy() {
        return scopePolicy;
    }

    /**
     * How many data sets that came before their template may wait for it (NetFlow v9, IPFIX).
     *
     * @return the bound; 0 means data without a template is dropped and counted at once
     */
    public int maxPendingSets() {
        return maxPendingSets;
    }

    /**
     * How many bytes of data sets may wait for their template, in all (NetFlow v9, IPFIX).
     *
     * @return the bound in bytes
     */
    public long maxPendingBytes() {
        return maxPendingBytes;
    }

    /**
     * How long a data set waits for its template before it is dropped and counted (NetFlow v9, IPFIX).
     *
     * @return the longest wait
     */
    public Duration maxPendingAge() {
        return maxPendingAge;
    }

    /**
     * A builder starting from these options.
     *
     * @return a builder holding every option of these options
     */
    public Builder toBuilder() {
        Builder b = builder().mode(mode).problemListener(problemListener).registry(registry).scopePolicy(scopePolicy)
                .maxPendingSets(maxPendingSets).maxPendingBytes(maxPendingBytes).maxPendingAge(maxPendingAge);
        b.templateStore = templateStore; // the supplier as it is: a shared store stays shared, else one per decoder
        return b;
    }

    /** Builds {@link DecoderOptions}. */
    public static final class Builder {
        private DecodeMode mode = DecodeMode.STRICT;
        private Consumer<DecodeProblem> problemListener = IGNORE;
        private Supplier<TemplateStore> templateStore = TemplateStore::inMemory;
        private InformationElementRegistry registry = InformationElementRegistry.standard();
        private TemplateScopePolicy scopePolicy = TemplateScopePolicy.ADDRESS_AND_DOMAIN;
        private int maxPendingSets = DEFAULT_MAX_PENDING_SETS;
        private long maxPendingBytes = DEFAULT_MAX_PENDING_BYTES;
        private Duration maxPendingAge = DEFAULT_MAX_PENDING_AGE;

        private Builder() {
        }

        /**
         * Strict (default) or lenient.
         *
         * @param mode {@link DecodeMode#STRICT} to throw on malformed input, {@link DecodeMode#LENIENT} to skip and
         *     report it
         * @return this builder
         */
        public Builder mode(DecodeMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Told of each problem a lenient decoder worked around (called on the decoding thread).
         *
         * @param listener the listener; it must not block (it runs inside the decode)
         * @return this builder
         */
        public Builder problemListener(Consumer<DecodeProblem> listener) {
            this.problemListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * One store shared by every decoder made with these options (default: a new store per decoder).
         *
         * @param store the store, safe to share between threads
         * @return this builder
         */
        public Builder templateStore(TemplateStore store) {
            Objects.requireNonNull(store, "store");
            this.templateStore = () -> store;
            return this;
        }

        /**
         * The registry to resolve field types with (default {@link InformationElementRegistry#standard()}).
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder registry(InformationElementRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * How template scopes are formed (default {@link TemplateScopePolicy#ADDRESS_AND_DOMAIN}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder scopePolicy(TemplateScopePolicy policy) {
            this.scopePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * At most this many data sets wait for their template (NetFlow v9, IPFIX; default
         * {@value DecoderOptions#DEFAULT_MAX_PENDING_SETS}); the oldest is dropped and counted when one more comes.
         *
         * @param sets the bound, 0 or more (0: data without a template is dropped and counted at once)
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxPendingSets(int sets) {
            if (sets < 0) {
                throw new IllegalArgumentException("maxPendingSets must be 0 or more: " + sets);
            }
            this.maxPendingSets = sets;
            return this;
        }

        /**
         * At most this many bytes of data sets wait for their template, in all (NetFlow v9, IPFIX; default 4 MiB).
         *
         * @param bytes the bound, 0 or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxPendingBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxPendingBytes must be 0 or more: " + bytes);
            }
            this.maxPendingBytes = bytes;
            return this;
        }

        /**
         * A data set waits at most this long for its template (NetFlow v9, IPFIX; default 5 minutes).
         *
         * @param age the longest wait, positive
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder maxPendingAge(Duration age) {
            Objects.requireNonNull(age, "age");
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("maxPendingAge must be positive: " + age);
            }
            this.maxPendingAge = age;
            return this;
        }

        /**
         * The options.
         *
         * @return the immutable options
         */
        public DecoderOptions build() {
            return new DecoderOptions(this);
        }
    }
}
