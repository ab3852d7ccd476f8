package io.github.flowcodec.sflow;

/**
 * Receives the samples of a datagram on the typed zero-copy path
 * ({@link SflowDecoder#decode(java.nio.ByteBuffer, java.net.InetSocketAddress, SflowSampleHandler)}).
 *
 * <p>The view is reused and valid only during the call; {@link SflowSampleView#toSample()} or
 * {@link SflowSampleView#toInfo()} copy what you keep. Nothing is allocated per sample unless you ask.
 *
 * <pre>{@code
 * SflowSampleHandler handler = new SflowSampleHandler() {
 *     public void onFlowSample(SflowSampleView sample) {
 *         SflowRecordView r = sample.records();
 *         while (r.next()) {
 *             if (r.isStandard(Sflow.FLOW_RAW_HEADER)) {
 *                 SampledHeaderView h = r.sampledHeader();
 *                 if (h.hasPorts()) ports.add(h.destinationPort());
 *             }
 *         }
 *     }
 *     public void onCounterSample(SflowSampleView sample) { ... }
 * };
 * }</pre>
 */
public interface SflowSampleHandler {

    /**
     * A flow sample (compact or expanded).
     *
     * @param sample the sample, a view valid only during the call
     */
    default void onFlowSample(SflowSampleView sample) {
    }

    /**
     * A counter sample (compact or expanded).
     *
     * @param sample the sample, a view valid only during the call
     */
    default void onCounterSample(SflowSampleView sample) {
    }

    /**
     * A sample of another (enterprise, format) — a discarded packet event 0:5 included — or, in lenient
     * mode, a standard sample whose structure is broken (kept as bytes); {@link SflowSampleView#dataOffset()}
     * and {@link SflowSampleView#dataLength()} locate its data, and {@link SflowSampleView#toSample()} gives a
     * 0:5 event as a {@link DiscardedPacket}.
     *
     * @param sample the sample, a view valid only during the call
     */
    default void onOtherSample(SflowSampleView sample) {
    }
}
