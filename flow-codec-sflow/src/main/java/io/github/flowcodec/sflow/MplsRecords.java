package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.net.InetAddress;
import java.util.List;

/**
 * The MPLS flow records of sFlow v5 (0:1006, 0:1008 to 0:1011).
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var m = new FlowData.ExtendedMplsTunnel("lsp-a", 7, 0);
 * }</pre>
 */
public sealed interface MplsRecords permits FlowData {

    /**
     * 0:1006, extended MPLS: next hop and the label stacks in and out (each entry a 32-bit label stack entry).
     *
     * <pre>{@code
     * new FlowData.ExtendedMpls(nextHop, List.of(0x0001_0140L), List.of());
     * }</pre>
     *
     * @param nextHop the next hop router's address
     * @param inLabels the label stack received, top first (32-bit label stack entries)
     * @param outLabels the label stack sent, top first
     */
    record ExtendedMpls(InetAddress nextHop, List<Long> inLabels, List<Long> outLabels) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, and copies the lists and arrays given (the
         * record keeps its own).
         *
         * @param nextHop the next hop router's address
         * @param inLabels the label stack received, top first (32-bit label stack entries)
         * @param outLabels the label stack sent, top first
         */
        public ExtendedMpls {
            inLabels = List.copyOf(inLabels);
            outLabels = List.copyOf(outLabels);
            inLabels.forEach(l -> Checks.u32(l, "label"));
            outLabels.forEach(l -> Checks.u32(l, "label"));
        }
    }

    /**
     * 0:1008, extended MPLS tunnel.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsTunnel("lsp-a", 7, 0);
     * }</pre>
     *
     * @param name the tunnel's name (mplsTunnelName)
     * @param tunnelId the tunnel index (mplsTunnelIndex)
     * @param tunnelCos the tunnel's class of service
     */
    record ExtendedMplsTunnel(String name, long tunnelId, long tunnelCos) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param name the tunnel's name (mplsTunnelName)
         * @param tunnelId the tunnel index (mplsTunnelIndex)
         * @param tunnelCos the tunnel's class of service
         */
        public ExtendedMplsTunnel {
            Checks.notNull(name, "name");
            Checks.u32s("tunnelId tunnelCos", tunnelId, tunnelCos);
        }
    }

    /**
     * 0:1009, extended MPLS virtual circuit.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsVc("vc-1", 100, 0);
     * }</pre>
     *
     * @param instanceName the virtual circuit's instance name (pwInstanceName)
     * @param vcId the virtual circuit id (pwID)
     * @param vcLabelCos the class of service of the VC label
     */
    record ExtendedMplsVc(String instanceName, long vcId, long vcLabelCos) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param instanceName the virtual circuit's instance name (pwInstanceName)
         * @param vcId the virtual circuit id (pwID)
         * @param vcLabelCos the class of service of the VC label
         */
        public ExtendedMplsVc {
            Checks.notNull(instanceName, "instanceName");
            Checks.u32s("vcId vcLabelCos", vcId, vcLabelCos);
        }
    }

    /**
     * 0:1010, extended MPLS FEC-to-NHLFE.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsFtn("ftn", 24);
     * }</pre>
     *
     * @param description the FEC-to-NHLFE entry's description (mplsFTNDescr)
     * @param mask the entry's mask (mplsFTNMask)
     */
    record ExtendedMplsFtn(String description, long mask) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param description the FEC-to-NHLFE entry's description (mplsFTNDescr)
         * @param mask the entry's mask (mplsFTNMask)
         */
        public ExtendedMplsFtn {
            Checks.notNull(description, "description");
            Checks.u32(mask, "mask");
        }
    }

    /**
     * 0:1011, extended MPLS LDP FEC.
     *
     * <pre>{@code
     * new FlowData.ExtendedMplsLdpFec(24);
     * }</pre>
     *
     * @param prefixLength the FEC's address prefix length (mplsFecAddrPrefixLength)
     */
    record ExtendedMplsLdpFec(long prefixLength) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field.
         *
         * @param prefixLength the FEC's address prefix length (mplsFecAddrPrefixLength)
         */
        public ExtendedMplsLdpFec {
            Checks.u32(prefixLength, "prefixLength");
        }
    }
}
