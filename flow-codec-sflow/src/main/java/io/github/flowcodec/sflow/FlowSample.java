package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A flow sample (0:1) or expanded flow sample (0:3): one sampled packet, described by its flow records.
 *
 * <p>The compact form packs the source id as {@code type << 24 | index} and each interface as
 * {@code format << 30 | value}; the expanded form sends each part as its own 32-bit word. Both are held
 * the same way here; {@link #expanded()} says which form is (re-)encoded. Unsigned 32-bit values are
 * held in {@code long}s.
 *
 * <pre>{@code
 * FlowSample s = FlowSample.compact(42, 0, 7, 1024, 1_000_000, 0, 7, 9, List.of(
 *         new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1518, 4, frameBytes),
 *         new FlowData.ExtendedSwitch(100, 0, 100, 0)));
 * s.inputInterface();   // 7
 * }</pre>
 *
 * @param expanded whether this is the expanded form (0:3)
 * @param sequenceNumber the sample sequence number of the data source
 * @param sourceIdType the data source type (0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry); 8 bits when compact
 * @param sourceIdIndex the data source index; 24 bits when compact
 * @param samplingRate one packet in this many is sampled
 * @param samplePool packets that could have been sampled
 * @param drops samples dropped for lack of resources
 * @param inputFormat the input interface format (0 single)
 * @param inputInterface the input interface value (ifIndex, 0 unknown); 30 bits when compact
 * @param outputFormat the output interface format ({@link Sflow#INTERFACE_SINGLE}, {@link Sflow#INTERFACE_DISCARDED}, {@link Sflow#INTERFACE_MULTIPLE})
 * @param outputInterface the output interface value; 30 bits when compact
 * @param records the flow records, in datagram order
 */
public record FlowSample(boolean expanded, long sequenceNumber, int sourceIdType, long sourceIdIndex,
        long samplingRate, long samplePool, long drops, int inputFormat, long inputInterface,
        int outputFormat, long outputInterface, List<FlowData> records) implements SflowSample {

    /**
     * Checks each field's range for the form (compact: 8-bit source type, 24-bit index, 30-bit interfaces) and copies
     * the records.
     *
     * @param expanded whether this is the expanded form (0:3)
     * @param sequenceNumber the sample sequence number of the data source
     * @param sourceIdType the data source type (0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry); 8 bits when
     *     compact
     * @param sourceIdIndex the data source index; 24 bits when compact
     * @param samplingRate one packet in this many is sampled
     * @param samplePool packets that could have been sampled
     * @param drops samples dropped for lack of resources
     * @param inputFormat the input interface format (0 single)
     * @param inputInterface the input interface value (ifIndex, 0 unknown); 30 bits when compact
     * @param outputFormat the output interface format ({@link Sflow#INTERFACE_SINGLE}, {@link
     *     Sflow#INTERFACE_DISCARDED}, {@link Sflow#INTERFACE_MULTIPLE})
     * @param outputInterface the output interface value; 30 bits when compact
     * @param records the flow records, in datagram order
     */
    public FlowSample {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Checks.u32s("sequenceNumber sourceIdIndex samplingRate samplePool drops inputInterface outputInterface",
                sequenceNumber, sourceIdIndex, samplingRate, samplePool, drops, inputInterface, outputInterface);
        if (!expanded) {
            Checks.compactSourceId(sourceIdType, sourceIdIndex);
            Checks.range(inputFormat, 0, 3, "inputFormat of a compact sample");
            Checks.range(outputFormat, 0, 3, "outputFormat of a compact sample");
            Checks.range(inputInterface, 0, 0x3FFF_FFFF, "inputInterface of a compact sample");
            Checks.range(outputInterface, 0, 0x3FFF_FFFF, "outputInterface of a compact sample");
        }
    }

    /**
     * A compact flow sample (0:1) with single-interface formats.
     *
     * @param sequenceNumber the sample sequence number of the data source
     * @param sourceIdType the data source type, 0 to 255 (0 ifIndex)
     * @param sourceIdIndex the data source index, 0 to 16777215
     * @param samplingRate one packet in this many is sampled
     * @param samplePool packets that could have been sampled
     * @param drops samples dropped for lack of resources
     * @param inputInterface the input ifIndex, 0 unknown, up to 2^30 - 1
     * @param outputInterface the output ifIndex, 0 unknown, up to 2^30 - 1
     * @param records the flow records, in datagram order
     * @return the sample, both interfaces in the single-interface format
     */
    public static FlowSample compact(long sequenceNumber, int sourceIdType, long sourceIdIndex, long samplingRate,
            long samplePool, long drops, long inputInterface, long outputInterface, List<FlowData> records) {
        return new FlowSample(false, sequenceNumber, sourceIdType, sourceIdIndex, samplingRate, samplePool, drops,
                0, inputInterface, 0, outputInterface, records);
    }

    @Override
    public long enterprise() {
        return 0;
    }

    @Override
    public int format() {
        return expanded ? Sflow.SAMPLE_EXPANDED_FLOW : Sflow.SAMPLE_FLOW;
    }
}
