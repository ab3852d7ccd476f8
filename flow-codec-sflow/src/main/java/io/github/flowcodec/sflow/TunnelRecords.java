package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;

/**
 * The tunnel flow records: the VLAN tag stack (0:1012) and sflow_tunnels.txt (0:1021 to 0:1030).
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var vni = new FlowData.TunnelVni(true, 10_042);
 * }</pre>
 */
public sealed interface TunnelRecords permits FlowData {

    /**
     * 0:1012, extended VLAN tunnel: the 802.1Q tag stack (TPID and TCI per 32-bit entry), outermost first.
     *
     * <pre>{@code
     * new FlowData.ExtendedVlanTunnel(List.of(0x8100_0064L));
     * }</pre>
     *
     * @param stack the tag stack entries, outermost first (TPID in the top 16 bits, TCI in the low 16)
     */
    record ExtendedVlanTunnel(List<Long> stack) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, and copies the lists and arrays given (the
         * record keeps its own).
         *
         * @param stack the tag stack entries, outermost first (TPID in the top 16 bits, TCI in the low 16)
         */
        public ExtendedVlanTunnel {
            stack = List.copyOf(stack);
            stack.forEach(l -> Checks.u32(l, "stack entry"));
        }
    }

    /**
     * 0:1021 / 0:1022, extended L2 tunnel egress / ingress: the Ethernet header outside (egress: added,
     * ingress: removed) the sampled packet, in the form of an Ethernet frame record.
     *
     * <pre>{@code
     * new FlowData.TunnelEthernet(false, new FlowData.EthernetFrame(1550, srcMac, dstMac, 0x0800));
     * }</pre>
     *
     * @param ingress true for 1022 (ingress), false for 1021 (egress)
     * @param frame the outer Ethernet header
     */
    record TunnelEthernet(boolean ingress, FlowData.EthernetFrame frame) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param ingress true for 1022 (ingress), false for 1021 (egress)
         * @param frame the outer Ethernet header
         */
        public TunnelEthernet {
            Checks.notNull(frame, "frame");
        }
    }

    /**
     * 0:1023 / 0:1024, extended IPv4 tunnel egress / ingress: the outer IPv4 header, in the form of an IPv4
     * data record.
     *
     * <pre>{@code
     * new FlowData.TunnelIpv4(true, new FlowData.Ipv4Data(1550, 17, vtepA, vtepB, 49152, 4789, 0, 0));
     * }</pre>
     *
     * @param ingress true for the ingress record (0:1024), false for egress (0:1023)
     * @param header the outer IPv4 header
     */
    record TunnelIpv4(boolean ingress, FlowData.Ipv4Data header) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param ingress true for the ingress record (0:1024), false for egress (0:1023)
         * @param header the outer IPv4 header
         */
        public TunnelIpv4 {
            Checks.notNull(header, "header");
        }
    }

    /**
     * 0:1025 / 0:1026, extended IPv6 tunnel egress / ingress: the outer IPv6 header, in the form of an IPv6
     * data record.
     *
     * <pre>{@code
     * new FlowData.TunnelIpv6(false, new FlowData.Ipv6Data(1550, 17, vtepA6, vtepB6, 49152, 4789, 0, 0));
     * }</pre>
     *
     * @param ingress true for the ingress record (0:1026), false for egress (0:1025)
     * @param header the outer IPv6 header
     */
    record TunnelIpv6(boolean ingress, FlowData.Ipv6Data header) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param ingress true for the ingress record (0:1026), false for egress (0:1025)
         * @param header the outer IPv6 header
         */
        public TunnelIpv6 {
            Checks.notNull(header, "header");
        }
    }

    /**
     * 0:1027 / 0:1028, extended decapsulate egress / ingress: where the inner header starts in the sampled header.
     *
     * <pre>{@code
     * new FlowData.TunnelDecapsulation(true, 50);
     * }</pre>
     *
     * @param ingress true for 0:1028 (decapsulated on the way in), false for 0:1027
     * @param innerHeaderOffset the offset of the inner header in the sampled header, in bytes
     */
    record TunnelDecapsulation(boolean ingress, long innerHeaderOffset) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field.
         *
         * @param ingress true for 0:1028 (decapsulated on the way in), false for 0:1027
         * @param innerHeaderOffset the offset of the inner header in the sampled header, in bytes
         */
        public TunnelDecapsulation {
            Checks.u32(innerHeaderOffset, "innerHeaderOffset");
        }
    }

    /**
     * 0:1029 / 0:1030, extended VNI egress / ingress: the VXLAN / Geneve virtual network identifier.
     *
     * <pre>{@code
     * new FlowData.TunnelVni(true, 10_042);
     * }</pre>
     *
     * @param ingress true for the ingress record (0:1030), false for egress (0:1029)
     * @param vni the virtual network identifier, 0 to 16777215
     */
    record TunnelVni(boolean ingress, long vni) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field.
         *
         * @param ingress true for the ingress record (0:1030), false for egress (0:1029)
         * @param vni the virtual network identifier, 0 to 16777215
         */
        public TunnelVni {
            Checks.u32(vni, "vni");
        }
    }
}
