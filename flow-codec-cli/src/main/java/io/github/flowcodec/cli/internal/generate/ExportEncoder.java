package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FlowRecord;
import java.nio.ByteBuffer;
import java.util.List;

/** Turns synthetic flows into export datagrams of one protocol, keeping that protocol's sequence state. */
public interface ExportEncoder {

    /** The records the flows become (what a decoder of the datagrams should give back). */
    List<FlowRecord> records(List<SyntheticFlow> flows);

    /** The datagrams that carry these records, ready to send. */
    List<ByteBuffer> encode(List<FlowRecord> records);

    /**
     * Whether a record a decoder gave back is the record sent: equal by default. Protocols whose decoders
     * name the templates themselves (sFlow) compare the layout and the values.
     */
    default boolean sameRecord(FlowRecord sent, FlowRecord received) {
        return sent.equals(received);
    }

    /** What the datagrams encoded so far carried besides the flow records (e.g. "25 counter samples"), or "". */
    default String sentAlongside() {
        return "";
    }
}
