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
        return alongside().toString();
    }

    /** What the datagrams encoded so far carried besides the flow records, counted. */
    default Alongside alongside() {
        return Alongside.NOTHING;
    }

    /** A count of things sent besides flow records (sFlow counter samples, NetFlow v9/IPFIX options records). */
    record Alongside(long count, String singular, String plural) {
        static final Alongside NOTHING = new Alongside(0, "", "");

        /** The sum of two counts of the same thing (or of nothing). */
        public Alongside plus(Alongside other) {
            return count == 0 && other.count != 0 ? other : new Alongside(count + other.count, singular, plural);
        }

        @Override
        public String toString() {
            return singular.isEmpty() ? "" : count + " " + (count == 1 ? singular : plural);
        }
    }
}
