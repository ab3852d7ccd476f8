package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;
import java.util.IdentityHashMap;

/**
 * Where a template keeps the fields that say how its records were sampled: a rate in the record itself
 * (samplingInterval 34, samplerRandomInterval 50, samplingSize/samplingPopulation 309/310,
 * samplingPacketInterval/Space 305/306, samplingProbability 311: Huawei and others put it in every data record) or the id of a sampler whose
 * rate an options record announces (samplerId 48, selectorId 302). NetFlow v9 field types and IANA ids
 * are the same numbers here. Looked up once per data set, cached per template (bounded).
 */
public final class SamplingFields {

    static final int SAMPLING_INTERVAL = Iana.SAMPLING_INTERVAL.id();
    static final int SAMPLER_ID = Iana.SAMPLER_ID.id();
    static final int SAMPLER_RANDOM_INTERVAL = Iana.SAMPLER_RANDOM_INTERVAL.id();
    static final int SELECTOR_ID = Iana.SELECTOR_ID.id();
    static final int SAMPLING_PACKET_INTERVAL = Iana.SAMPLING_PACKET_INTERVAL.id();
    static final int SAMPLING_PACKET_SPACE = Iana.SAMPLING_PACKET_SPACE.id();
    static final int SAMPLING_PROBABILITY = Iana.SAMPLING_PROBABILITY.id();
    static final int SAMPLING_SIZE = Iana.SAMPLING_SIZE.id();
    static final int SAMPLING_POPULATION = Iana.SAMPLING_POPULATION.id();

    private static final int NONE = -1;
    private static final int CACHE_LIMIT = 4096;

    /** Field indexes in the template, or -1. */
    private final int interval;
    private final int randomInterval;
    private final int packetInterval;
    private final int packetSpace;
    private final int probability;
    private final int size;
    private final int population;
    private final int samplerId;
    private final int selectorId;
    private final boolean any;

    private SamplingFields(Template t) {
        this.interval = index(t, SAMPLING_INTERVAL);
        this.randomInterval = index(t, SAMPLER_RANDOM_INTERVAL);
        this.packetInterval = index(t, SAMPLING_PACKET_INTERVAL);
        this.packetSpace = index(t, SAMPLING_PACKET_SPACE);
        this.probability = index(t, SAMPLING_PROBABILITY);
        this.size = index(t, SAMPLING_SIZE);
        this.population = index(t, SAMPLING_POPULATION);
        this.samplerId = index(t, SAMPLER_ID);
        this.selectorId = index(t, SELECTOR_ID);
        this.any = interval >= 0 || randomInterval >= 0 || packetInterval >= 0 || probability >= 0
                || (size >= 0 && population >= 0) || samplerId >= 0 || selectorId >= 0;
    }

    private static int index(Template t, int id) {
        int i = t.indexOf(0, id);
        if (i < 0) {
            return NONE;
        }
        int len = t.fieldLength(i);
        return len >= 1 && len <= 8 ? i : NONE; // a rate or id we can read as a number
    }

    /** Whether the template has any sampling field (else the per-record work can be skipped). */
    public boolean any() {
        return any;
    }

    /** The rate the record states itself (one packet in N), or 0. */
    public long ownRate(FlowFields r) {
        long rate;
        if (randomInterval >= 0 && (rate = r.getLong(randomInterval)) > 0) {
            return rate;
        }
        if (interval >= 0 && (rate = r.getLong(interval)) > 0) {
            return rate;
        }
        if (size >= 0 && population >= 0) {
            // RFC 5476 n-out-of-N (selectorAlgorithm 2 and 3): samplingSize of every samplingPopulation packets.
            // Cisco IOS XR sends these with samplingPacketInterval 1, which alone would read as unsampled.
            long n = r.getLong(size);
            long of = r.getLong(population);
            if (n > 0 && of >= n) {
                return Math.round((double) of / n);
            }
        }
        if (packetInterval >= 0 && (rate = r.getLong(packetInterval)) > 0) {
            long space = packetSpace >= 0 ? r.getLong(packetSpace) : 0;
            return space > 0 ? (rate + space) / rate : 1;
        }
        int probabilityLength = probability >= 0 ? r.fieldLength(probability) : 0;
        if (probabilityLength == 4 || probabilityLength == 8) { // float32 or float64; any other length is no float
            double p = r.getDouble(probability);
            if (p > 0 && p <= 1) {
                return Math.round(1 / p);
            }
        }
        return 0;
    }

    /** The sampler or selector id the record names, or {@link ExporterState#ANY_SAMPLER}. */
    public long samplerId(FlowFields r) {
        if (samplerId >= 0) {
            return r.getLong(samplerId);
        }
        if (selectorId >= 0) {
            return r.getLong(selectorId);
        }
        return ExporterState.ANY_SAMPLER;
    }

    /** The sampling rate of a data record: its own, else its sampler's, else the exporter's, else 0. */
    public long rate(FlowFields r, ExporterState state) {
        long own = ownRate(r);
        if (own > 0) {
            return own;
        }
        return state.hasSamplingRates() ? state.samplingRate(samplerId(r)) : 0;
    }

    /**
     * Learns from an options record: a rate with or without a sampler id goes into {@code state}; whether
     * the record held a rate.
     */
    public boolean learn(FlowFields r, ExporterState state) {
        long own = ownRate(r);
        if (own <= 0) {
            return false;
        }
        return state.putSamplingRate(samplerId(r), own);
    }

    /** Per-decoder cache of {@link SamplingFields} by template (identity), bounded. */
    public static final class Cache {
        private final IdentityHashMap<Template, SamplingFields> map = new IdentityHashMap<>();
        private Template lastTemplate;
        private SamplingFields last;

        /** The sampling fields of the template. */
        public SamplingFields of(Template t) {
            if (t == lastTemplate) {
                return last;
            }
            SamplingFields f = map.get(t);
            if (f == null) {
                if (map.size() >= CACHE_LIMIT) {
                    map.clear();
                }
                f = new SamplingFields(t);
                map.put(t, f);
            }
            lastTemplate = t;
            last = f;
            return f;
        }
    }
}
