package io.github.flowcodec.sflow;

import io.github.flowcodec.core.ExportContext;
import java.net.InetAddress;

/**
 * The context of one sFlow sample: the datagram header (agent, sub-agent, datagram sequence number,
 * uptime) and the sample's own header (sample type and sequence number, data source, sampling rate,
 * sample pool, drops, input and output interfaces). It is the {@link ExportContext} that sFlow decoders
 * hand with each flow record, so a collector reads sFlow's extra values by a cast.
 *
 * <p>sFlow has no export clock: {@link #exportTimeMillis()} is the time the decoder was given (see
 * {@link SflowDecoder.Builder#clock}), else {@link #NO_TIME}. {@link #systemUptimeMillis()} is the
 * datagram's uptime, {@link #sequenceNumber()} the datagram sequence number,
 * {@link #observationDomainId()} the sub-agent id, {@link #samplingRate()} the sample's sampling rate.
 *
 * <pre>{@code
 * sflowDecoder.decode(datagram, exporter, (ctx, record) -> { // ctx is an SflowSampleContext: no cast
 *     String type = ctx.sampleTypeName();          // "flow" or "expanded"
 *     long seq = ctx.sampleSequenceNumber();
 *     long in = ctx.inputInterface(), out = ctx.outputInterface();
 * });
 * }</pre>
 */
public interface SflowSampleContext extends ExportContext {

    /**
     * The agent's address, or null when the agent sent address type 0 (may allocate on the zero-copy path).
     *
     * @return the agent address, or null
     */
    InetAddress agentAddress();

    /**
     * The agent's address type: {@link Sflow#ADDRESS_IPV4}, {@link Sflow#ADDRESS_IPV6} or {@link
     * Sflow#ADDRESS_UNKNOWN}.
     *
     * @return 1 IPv4, 2 IPv6, 0 unknown
     */
    int agentAddressType();

    /**
     * The sub-agent id.
     *
     * @return the sub-agent id, unsigned 32-bit
     */
    long subAgentId();

    /**
     * The sample's format: {@link Sflow#SAMPLE_FLOW}, {@link Sflow#SAMPLE_COUNTER}, {@link
     * Sflow#SAMPLE_EXPANDED_FLOW} or {@link Sflow#SAMPLE_EXPANDED_COUNTER}.
     *
     * @return 1, 2, 3 or 4 (the low 12 bits of the sample's data_format)
     */
    int sampleFormat();

    /**
     * Whether the sample is in the expanded form.
     *
     * @return true for formats 3 and 4
     */
    default boolean expanded() {
        int f = sampleFormat();
        return f == Sflow.SAMPLE_EXPANDED_FLOW || f == Sflow.SAMPLE_EXPANDED_COUNTER;
    }

    /**
     * Whether the sample is a flow sample (compact or expanded).
     *
     * @return true for formats 1 and 3
     */
    default boolean isFlowSample() {
        int f = sampleFormat();
        return f == Sflow.SAMPLE_FLOW || f == Sflow.SAMPLE_EXPANDED_FLOW;
    }

    /**
     * "flow" or "expanded" for flow samples, "counter" or "expanded_counter" for counter samples (the JSON's
     * sample_type).
     *
     * @return the sample type name
     */
    default String sampleTypeName() {
        switch (sampleFormat()) {
            case Sflow.SAMPLE_FLOW: return "flow";
            case Sflow.SAMPLE_EXPANDED_FLOW: return "expanded";
            case Sflow.SAMPLE_COUNTER: return "counter";
            case Sflow.SAMPLE_EXPANDED_COUNTER: return "expanded_counter";
            default: return "unknown";
        }
    }

    /**
     * The sample's sequence number (per data source).
     *
     * @return the sequence number, unsigned 32-bit
     */
    long sampleSequenceNumber();

    /**
     * The data source type (0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry).
     *
     * @return the source type, 0 to 255 (compact form) or unsigned 32-bit (expanded form)
     */
    int sourceIdType();

    /**
     * The data source index.
     *
     * @return the source index, 24 bits (compact form) or unsigned 32-bit (expanded form)
     */
    long sourceIdIndex();

    /**
     * Packets that could have been sampled (flow samples; 0 for counter samples).
     *
     * @return the sample pool, unsigned 32-bit
     */
    long samplePool();

    /**
     * Samples the agent dropped for lack of resources (flow samples; 0 for counter samples).
     *
     * @return the drop count, unsigned 32-bit
     */
    long drops();

    /**
     * The input interface format (0 single).
     *
     * @return the format, 0 in the compact form
     */
    int inputInterfaceFormat();

    /**
     * The input interface value (ifIndex; 0 unknown; 0x3FFFFFFF the agent itself).
     *
     * @return the input interface value
     */
    long inputInterface();

    /**
     * The output interface format (0 single, 1 discarded, 2 multiple).
     *
     * @return the format
     */
    int outputInterfaceFormat();

    /**
     * The output interface value (ifIndex, discard reason or number of interfaces, by format).
     *
     * @return the output interface value
     */
    long outputInterface();

    /** {@link #NO_TIME} when the decoder has no clock, else as {@link ExportContext#uptimeToEpochMillis}. */
    @Override
    default long uptimeToEpochMillis(long uptimeMillis) {
        return exportTimeMillis() == NO_TIME ? NO_TIME : ExportContext.super.uptimeToEpochMillis(uptimeMillis);
    }
}
