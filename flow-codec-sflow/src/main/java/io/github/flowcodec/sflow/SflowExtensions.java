package io.github.flowcodec.sflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The registration point for enterprise record formats: an immutable set of {@link SflowExtension}s
 * given to {@link SflowDecoder.Builder#extensions} and {@link SflowEncoder.Builder#extensions}.
 * Formats not registered are kept as bytes ({@link FlowData.Unknown}, {@link CounterData.Unknown}).
 * A registration for an enterprise-0 format replaces the built-in codec of that format.
 *
 * <pre>{@code
 * SflowExtensions extensions = SflowExtensions.builder().add(pmacctTag).add(vendorCounters).build();
 * SflowDecoder decoder = SflowDecoder.builder().extensions(extensions).build();
 * SflowEncoder encoder = SflowEncoder.builder().extensions(extensions).build();
 * }</pre>
 */
public final class SflowExtensions {

    private static final SflowExtensions NONE = new SflowExtensions(Map.of(), Map.of());

    private final Map<Integer, SflowExtension<?>> flow;
    private final Map<Integer, SflowExtension<?>> counter;

    private SflowExtensions(Map<Integer, SflowExtension<?>> flow, Map<Integer, SflowExtension<?>> counter) {
        this.flow = Map.copyOf(flow);
        this.counter = Map.copyOf(counter);
    }

    /**
     * No extensions.
     *
     * @return the empty set of extensions
     */
    public static SflowExtensions none() {
        return NONE;
    }

    /**
     * A builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether none are registered.
     *
     * @return true if no extension is registered
     */
    public boolean isEmpty() {
        return flow.isEmpty() && counter.isEmpty();
    }

    /**
     * The flow record extension for this data format word, or null.
     *
     * @param dataFormat the record's data_format word: enterprise in the top 20 bits, format in the low 12
     * @return the extension, or null if none reads that format
     */
    public SflowExtension<?> flowRecord(int dataFormat) {
        return flow.isEmpty() ? null : flow.get(dataFormat);
    }

    /**
     * The counter record extension for this data format word, or null.
     *
     * @param dataFormat the record's data_format word: enterprise in the top 20 bits, format in the low 12
     * @return the extension, or null if none reads that format
     */
    public SflowExtension<?> counterRecord(int dataFormat) {
        return counter.isEmpty() ? null : counter.get(dataFormat);
    }

    @Override
    public String toString() {
        return "SflowExtensions[flow=" + flow.values() + ", counter=" + counter.values() + "]";
    }

    /**
     * Builds {@link SflowExtensions}; a later registration of the same format replaces an earlier one.
     *
     * <pre>{@code
     * SflowExtensions x = SflowExtensions.builder().add(pmacctTag).build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<Integer, SflowExtension<?>> flow = new HashMap<>();
        private final Map<Integer, SflowExtension<?>> counter = new HashMap<>();

        private Builder() {
        }

        /**
         * Registers an extension.
         *
         * @param extension the extension; one per (kind, enterprise, format)
         * @return this builder
         */
        public Builder add(SflowExtension<?> extension) {
            Objects.requireNonNull(extension, "extension");
            int key = Sflow.dataFormat(extension.enterprise(), extension.format());
            (extension.kind() == SflowExtension.Kind.FLOW_RECORD ? flow : counter).put(key, extension);
            return this;
        }

        /**
         * The extensions.
         *
         * @return the immutable set of extensions
         */
        public SflowExtensions build() {
            return new SflowExtensions(flow, counter);
        }
    }
}
