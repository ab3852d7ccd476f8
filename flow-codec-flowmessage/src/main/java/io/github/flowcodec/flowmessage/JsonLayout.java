package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.Goflow2JsonEncoder;
import io.github.flowcodec.flowmessage.internal.JsonLineEncoder;
import io.github.flowcodec.flowmessage.internal.JsonObjectEncoder;
import java.util.List;

/**
 * How {@link FlowMessageJsonWriter} lays a flow message out as a JSON object.
 *
 * <pre>{@code
 * new FlowMessageJsonWriter(out, JsonLayout.GOFLOW2);  // {"type":"IPFIX",...,"etype":"IPv4","proto":"TCP",...}
 * new FlowMessageJsonWriter(out, JsonLayout.COMPACT);  // {"type":"IPFIX",...,"etype":2048,"proto":6,...}
 * JsonLayout.GOFLOW2.keys();                            // [type, time_received_ns, sequence_num, ...]
 * }</pre>
 */
public enum JsonLayout {

    /**
     * goflow2's JSON record, as goflow2 v2's default formatter prints it, for pipelines built on goflow2: every
     * key of goflow2's {@code FlowMessage} in its order whether or not the record had the field (0,
     * {@code ""} for an address, "00:00:00:00:00:00" for a MAC), {@code etype} and {@code proto} as names
     * ("IPv4", "TCP"; {@code etype} {@code ""} and {@code proto} "unassigned" and the like where goflow2 has no
     * name), {@code src_net}/{@code dst_net} as "network/length" ("invalid Prefix" without an address), the
     * repeated fields as arrays (numbers; {@code mpls_ip} and the SRv6 segments as address texts; {@code layer_stack}
     * as goflow2's layer names), {@code []} when the record has none. flowcodec's own sFlow sample-header keys are
     * left out.
     */
    GOFLOW2 {
        @Override
        JsonObjectEncoder newEncoder() {
            return new Goflow2JsonEncoder();
        }

        @Override
        public List<String> keys() {
            return Goflow2JsonEncoder.KEYS;
        }
    },

    /**
     * The set fields only, in {@link FlowField} order, with goflow2's keys: numbers as unsigned decimals
     * ({@code etype} and {@code proto} too), addresses and MACs as text, {@code src_net}/{@code dst_net} as
     * "network/length", and the sFlow sample header's {@code agent_address}, {@code sub_agent_id},
     * {@code sample_type} and {@code sample_seq}.
     */
    COMPACT {
        @Override
        JsonObjectEncoder newEncoder() {
            return new JsonLineEncoder();
        }

        @Override
        public List<String> keys() {
            return java.util.Arrays.stream(FlowField.all()).map(FlowField::jsonKey).toList();
        }
    };

    /** A new encoder of this layout (they remember what they wrote last: one per writer). */
    abstract JsonObjectEncoder newEncoder();

    /**
     * The keys an object of this layout may have, in order (GOFLOW2: every object has all of them).
     *
     * @return the keys, unmodifiable
     */
    public abstract List<String> keys();
}
