package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A counter sample (0:2) or expanded counter sample (0:4): the counters of one data source.
 *
 * <pre>{@code
 * CounterSample c = CounterSample.compact(9, 0, 3, List.of(new CounterData.Vlan(100, 12345, 10, 2, 1, 0)));
 * c.records().get(0);   // the VLAN counters
 * }</pre>
 *
 * @param expanded whether this is the expanded form (0:4)
 * @param sequenceNumber the sample sequence number of the data source
 * @param sourceIdType the data source type; 8 bits when compact
 * @param sourceIdIndex the data source index; 24 bits when compact
 * @param records the counter records, in datagram order
 */
public record CounterSample(boolean expanded, long sequenceNumber, int sourceIdType, long sourceIdIndex,
        List<CounterData> records) implements SflowSample {

    /**
     * Checks that each number fits its unsigned 32-bit XDR field and no reference is null, and copies the lists and
     * arrays given (the record keeps its own).
     *
     * @param expanded whether this is the expanded form (0:4)
     * @param sequenceNumber the sample sequence number of the data source
     * @param sourceIdType the data source type; 8 bits when compact
     * @param sourceIdIndex the data source index; 24 bits when compact
     * @param records the counter records, in datagram order
     */
    public CounterSample {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Checks.u32s("sequenceNumber sourceIdIndex", sequenceNumber, sourceIdIndex);
        if (!expanded) {
            Checks.compactSourceId(sourceIdType, sourceIdIndex);
        }
    }

    /**
     * A compact counter sample (0:2).
     *
     * @param sequenceNumber the sample sequence number of the data source (unsigned 32-bit)
     * @param sourceIdType the data source type, 0 to 255 (0 ifIndex)
     * @param sourceIdIndex the data source index, 0 to 16777215
     * @param records the counter records, in datagram order
     * @return the sample, in the compact form
     */
    public static CounterSample compact(long sequenceNumber, int sourceIdType, long sourceIdIndex, List<CounterData> records) {
        return new CounterSample(false, sequenceNumber, sourceIdType, sourceIdIndex, records);
    }

    @Override
    public long enterprise() {
        return 0;
    }

    @Override
    public int format() {
        return expanded ? Sflow.SAMPLE_EXPANDED_COUNTER : Sflow.SAMPLE_COUNTER;
    }
}
