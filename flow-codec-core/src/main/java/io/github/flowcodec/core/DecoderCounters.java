package io.github.flowcodec.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a decoder met so far, in one vocabulary for every protocol: a snapshot, immutable.
 *
 * <p>The common counters mean the same in every protocol; what only one protocol has (IPFIX withdrawals,
 * NetFlow v9 FlowSets whose length is not a multiple of 4, sFlow samples of each kind ...) is a named
 * {@linkplain #extra(String) extra}. {@link #asMap()} names every counter {@code <protocol key>.<name>}
 * ({@code netflow9.records}, {@code sflow5.lostSequenceNumbers}), the keys of
 * {@link DatagramDecoder#statistics()}.
 *
 * <pre>{@code
 * DecoderCounters c = decoder.counters();
 * metrics.gauge("flows.records", c.records());
 * if (c.missingTemplateSetsDropped() > 0) log.warn("data lost for want of templates: {}", c);
 * long unaligned = c.extra("unalignedSets"); // NetFlow v9 only; 0 elsewhere
 * }</pre>
 */
public final class DecoderCounters {

    private static final String[] COMMON = {"datagrams", "records", "optionsRecords", "templates", "repaired",
            "rejected", "missingTemplateSets", "missingTemplateSetsDropped", "lostSequenceNumbers", "restarts",
            "pendingSets"};

    private final FlowProtocol protocol;
    private final long[] common;
    private final Map<String, Long> extras;

    private DecoderCounters(FlowProtocol protocol, long[] common, Map<String, Long> extras) {
        this.protocol = protocol;
        this.common = common;
        this.extras = Collections.unmodifiableMap(extras);
    }

    /**
     * A builder of a snapshot of one protocol's decoder.
     *
     * <pre>{@code
     * DecoderCounters c = DecoderCounters.builder(FlowProtocol.NETFLOW_V9).datagrams(10).records(300).build();
     * }</pre>
     *
     * @param protocol the protocol the counted decoder decodes
     * @return a builder with every counter at 0
     */
    public static Builder builder(FlowProtocol protocol) {
        return new Builder(Objects.requireNonNull(protocol, "protocol"));
    }

    /**
     * The sum of several decoders' counters (an auto-detecting decoder's): the common counters added, the
     * extras kept under their protocol's key ({@code ipfix.withdrawals}).
     *
     * @param parts the snapshots to add up
     * @return their sum, with no protocol
     */
    public static DecoderCounters sum(Iterable<DecoderCounters> parts) {
        long[] c = new long[COMMON.length];
        Map<String, Long> extras = new LinkedHashMap<>();
        for (DecoderCounters p : parts) {
            for (int i = 0; i < c.length; i++) {
                c[i] += p.common[i];
            }
            String prefix = p.protocol == null ? "" : p.protocol.key() + ".";
            p.extras.forEach((k, v) -> extras.merge(prefix + k, v, Long::sum));
        }
        return new DecoderCounters(null, c, extras);
    }

    /** @return the protocol of the counted decoder; {@code null} for a {@linkplain #sum sum} of several */
    public FlowProtocol protocol() {
        return protocol;
    }

    /** @return datagrams (packets, messages) decoded, fully or, in lenient mode, in part */
    public long datagrams() {
        return common[0];
    }

    /** @return data records handed over (sFlow: flow samples; records released from the pending buffer included) */
    public long records() {
        return common[1];
    }

    /** @return options data records handed over (NetFlow v9 and IPFIX) */
    public long optionsRecords() {
        return common[2];
    }

    /** @return template and options template records read (NetFlow v9 and IPFIX) */
    public long templates() {
        return common[3];
    }

    /** @return problems worked around in lenient mode, each also reported to the problem listener */
    public long repaired() {
        return common[4];
    }

    /** @return datagrams refused with a {@link FlowCodecException} */
    public long rejected() {
        return common[5];
    }

    /** @return data sets that came before their template and were held for it */
    public long missingTemplateSets() {
        return common[6];
    }

    /** @return held data sets dropped: their template did not come in time, the buffer was full, or the exporter restarted */
    public long missingTemplateSetsDropped() {
        return common[7];
    }

    /** @return what the sequence numbers say was lost: packets (v9), records (v5, IPFIX), datagrams and samples (sFlow) */
    public long lostSequenceNumbers() {
        return common[8];
    }

    /** @return exporter (agent) restarts recognised */
    public long restarts() {
        return common[9];
    }

    /** @return data sets waiting for their template now (a level, not a count of events) */
    public long pendingSets() {
        return common[10];
    }

    /**
     * A counter of the protocol's own.
     *
     * @param name its name, as {@link #extras()} lists it
     * @return its value, 0 when this protocol has no such counter
     */
    public long extra(String name) {
        Long v = extras.get(name);
        return v == null ? 0 : v;
    }

    /** @return the protocol's own counters by name, in the decoder's order */
    public Map<String, Long> extras() {
        return extras;
    }

    /**
     * Every counter, common ones first, keyed {@code <protocol key>.<name>} (no prefix on the common counters
     * of a {@linkplain #sum sum}).
     *
     * @return a new unmodifiable map in a stable order
     */
    public Map<String, Long> asMap() {
        String prefix = protocol == null ? "" : protocol.key() + ".";
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < COMMON.length; i++) {
            m.put(prefix + COMMON[i], common[i]);
        }
        extras.forEach((k, v) -> m.put(prefix + k, v));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecoderCounters c && c.protocol == protocol && java.util.Arrays.equals(c.common, common)
                && c.extras.equals(extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, java.util.Arrays.hashCode(common), extras);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Builds a {@link DecoderCounters}; not thread-safe. */
    public static final class Builder {
        private final FlowProtocol protocol;
        private final long[] common = new long[COMMON.length];
        private final Map<String, Long> extras = new LinkedHashMap<>();

        private Builder(FlowProtocol protocol) {
            this.protocol = protocol;
        }

        /**
         * Sets this counter: datagrams decoded.
         *
         * @param n how many datagrams decoded
         * @return this builder
         */
        public Builder datagrams(long n) {
            common[0] = n;
            return this;
        }

        /**
         * Sets this counter: data records handed over.
         *
         * @param n how many data records handed over
         * @return this builder
         */
        public Builder records(long n) {
            common[1] = n;
            return this;
        }

        /**
         * Sets this counter: options records handed over.
         *
         * @param n how many options records handed over
         * @return this builder
         */
        public Builder optionsRecords(long n) {
            common[2] = n;
            return this;
        }

        /**
         * Sets this counter: template records read.
         *
         * @param n how many template records read
         * @return this builder
         */
        public Builder templates(long n) {
            common[3] = n;
            return this;
        }

        /**
         * Sets this counter: problems worked around.
         *
         * @param n how many problems worked around
         * @return this builder
         */
        public Builder repaired(long n) {
            common[4] = n;
            return this;
        }

        /**
         * Sets this counter: datagrams refused.
         *
         * @param n how many datagrams refused
         * @return this builder
         */
        public Builder rejected(long n) {
            common[5] = n;
            return this;
        }

        /**
         * Sets this counter: data sets held for their template.
         *
         * @param n how many data sets held for their template
         * @return this builder
         */
        public Builder missingTemplateSets(long n) {
            common[6] = n;
            return this;
        }

        /**
         * Sets this counter: held data sets dropped.
         *
         * @param n how many held data sets dropped
         * @return this builder
         */
        public Builder missingTemplateSetsDropped(long n) {
            common[7] = n;
            return this;
        }

        /**
         * Sets this counter: sequence numbers lost.
         *
         * @param n how many sequence numbers lost
         * @return this builder
         */
        public Builder lostSequenceNumbers(long n) {
            common[8] = n;
            return this;
        }

        /**
         * Sets this counter: restarts recognised.
         *
         * @param n how many restarts recognised
         * @return this builder
         */
        public Builder restarts(long n) {
            common[9] = n;
            return this;
        }

        /**
         * Sets this counter: data sets waiting for their template now.
         *
         * @param n how many data sets waiting for their template now
         * @return this builder
         */
        public Builder pendingSets(long n) {
            common[10] = n;
            return this;
        }

        /**
         * A counter of the protocol's own.
         *
         * @param name its name (camelCase, no dots)
         * @param n its value
         * @return this builder
         */
        public Builder extra(String name, long n) {
            if (name.indexOf('.') >= 0 || java.util.Arrays.asList(COMMON).contains(name)) {
                throw new IllegalArgumentException("extra counter name " + name + " has a dot or is a common counter");
            }
            extras.put(name, n);
            return this;
        }

        /** @return the snapshot */
        public DecoderCounters build() {
            return new DecoderCounters(protocol, common.clone(), new LinkedHashMap<>(extras));
        }
    }
}
