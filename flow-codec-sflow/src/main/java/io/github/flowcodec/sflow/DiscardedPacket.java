package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A discarded packet event (sample 0:5, sflow_drops.txt): a packet the device dropped, why, and its flow
 * records (typically a sampled header, and drop records such as {@link FlowData.DropFunction},
 * {@link FlowData.HardwareTrap}, {@link FlowData.LinuxDropReason} or {@link FlowData.EgressQueue}). The
 * source id and the interfaces are always in the expanded form.
 *
 * <pre>{@code
 * DiscardedPacket d = new DiscardedPacket(17, 0, 2, 0, 2, 0, 257, List.of(
 *         new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 64, 4, frame),
 *         new FlowData.LinuxDropReason("NO_SOCKET")));
 * d.reason() >= 256;   // a drop_reason of sflow_drops.txt, not an ICMP code
 * }</pre>
 *
 * @param sequenceNumber the event sequence number of the data source
 * @param sourceIdType the data source type (0 ifIndex ...)
 * @param sourceIdIndex the data source index
 * @param drops events the agent could not report for lack of resources
 * @param inputInterface the ifIndex the packet came in on (0 unknown)
 * @param outputInterface the ifIndex it was going out on (0 unknown)
 * @param reason the drop reason: 0 to 255 an ICMP destination-unreachable code, from 256 a {@code drop_reason} of sflow_drops.txt
 * @param records the flow records, in datagram order
 */
public record DiscardedPacket(long sequenceNumber, long sourceIdType, long sourceIdIndex, long drops, long inputInterface,
        long outputInterface, long reason, List<FlowData> records) implements SflowSample {

    /**
     * Checks that each number fits its unsigned 32-bit XDR field and no reference is null, and copies the lists and
     * arrays given (the record keeps its own).
     *
     * @param sequenceNumber the event sequence number of the data source
     * @param sourceIdType the data source type (0 ifIndex ...)
     * @param sourceIdIndex the data source index
     * @param drops events the agent could not report for lack of resources
     * @param inputInterface the ifIndex the packet came in on (0 unknown)
     * @param outputInterface the ifIndex it was going out on (0 unknown)
     * @param reason the drop reason: 0 to 255 an ICMP destination-unreachable code, from 256 a {@code drop_reason} of
     *     sflow_drops.txt
     * @param records the flow records, in datagram order
     */
    public DiscardedPacket {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        Checks.u32s("sequenceNumber sourceIdType sourceIdIndex drops inputInterface outputInterface reason",
                sequenceNumber, sourceIdType, sourceIdIndex, drops, inputInterface, outputInterface, reason);
    }

    @Override
    public long enterprise() {
        return 0;
    }

    @Override
    public int format() {
        return Sflow.SAMPLE_DISCARDED_PACKET;
    }
}
