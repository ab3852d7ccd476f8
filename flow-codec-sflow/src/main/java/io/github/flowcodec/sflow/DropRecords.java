package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;

/**
 * The drop and transit flow records of sflow_drops.txt and sflow_transit.txt (0:1036, 0:1038 to 0:1042).
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var reason = new FlowData.LinuxDropReason("NO_SOCKET");
 * }</pre>
 */
public sealed interface DropRecords permits FlowData {

    /**
     * 0:1036, extended egress queue (sflow_drops.txt): the egress queue the packet was (to be) put on.
     *
     * <pre>{@code
     * new FlowData.EgressQueue(3);
     * }</pre>
     */
    record EgressQueue(long queue) implements FlowData.Standard {
    }

    /**
     * 0:1038, extended function (sflow_drops.txt): the symbol of the (kernel) function that dropped the packet.
     *
     * <pre>{@code
     * new FlowData.DropFunction("__udp4_lib_rcv+0xbed/0xd90");
     * }</pre>
     *
     * @param symbol the function's symbol name, e.g. {@code "kfree_skb"}
     */
    record DropFunction(String symbol) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param symbol the function's symbol name, e.g. {@code "kfree_skb"}
         */
        public DropFunction {
            Checks.notNull(symbol, "symbol");
        }
    }

    /**
     * 0:1039, extended transit delay (sflow_transit.txt): the time the packet spent in the device, in nanoseconds.
     *
     * <pre>{@code
     * new FlowData.TransitDelay(4_200);
     * }</pre>
     */
    record TransitDelay(long delayNanos) implements FlowData.Standard {
    }

    /**
     * 0:1040, extended queue depth (sflow_transit.txt): the bytes queued ahead of the packet on its egress queue.
     *
     * <pre>{@code
     * new FlowData.QueueDepth(96_000);
     * }</pre>
     */
    record QueueDepth(long depthBytes) implements FlowData.Standard {
    }

    /**
     * 0:1041, extended hardware trap (sflow_drops.txt): the trap group and trap (devlink names) that dropped the packet.
     *
     * <pre>{@code
     * new FlowData.HardwareTrap("l2_drops", "ingress_vlan_filter");
     * }</pre>
     *
     * @param group the devlink trap group, e.g. {@code "l3_drops"}
     * @param trap the devlink trap, e.g. {@code "blackhole_route"}
     */
    record HardwareTrap(String group, String trap) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param group the devlink trap group, e.g. {@code "l3_drops"}
         * @param trap the devlink trap, e.g. {@code "blackhole_route"}
         */
        public HardwareTrap {
            Checks.notNulls("group trap", group, trap);
        }
    }

    /**
     * 0:1042, extended Linux drop reason (sflow_drops.txt): the kernel's {@code skb_drop_reason} name.
     *
     * <pre>{@code
     * new FlowData.LinuxDropReason("NO_SOCKET");
     * }</pre>
     *
     * @param reason the reason's name, e.g. {@code "NETFILTER_DROP"}
     */
    record LinuxDropReason(String reason) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param reason the reason's name, e.g. {@code "NETFILTER_DROP"}
         */
        public LinuxDropReason {
            Checks.notNull(reason, "reason");
        }
    }
}
