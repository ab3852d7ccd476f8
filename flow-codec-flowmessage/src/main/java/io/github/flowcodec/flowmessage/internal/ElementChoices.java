package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.util.List;

/**
 * Which IANA information elements give each flow message field, in order of preference (the first the
 * record has wins; for addresses, the first non-zero one). NetFlow v9's field types are IANA's ids, and the
 * sFlow decoder gives its records the same elements.
 */
final class ElementChoices {

    /** A numeric field and its elements. */
    record Choice(FlowField field, int[] ids) {
    }

    static final int[] SRC_ADDR = {8, 27};
    static final int[] DST_ADDR = {12, 28};
    static final int[] SRC_MASK = {9, 29};
    static final int[] DST_MASK = {13, 30};
    static final int[] NEXT_HOP = {15, 62};
    static final int[] BGP_NEXT_HOP = {18, 63};
    static final int[] SRC_MAC = {56, 81};
    static final int[] DST_MAC = {80, 57};
    static final int ETHERNET_TYPE = 256;
    static final int[] ICMP_TYPE = {176, 178};
    static final int[] ICMP_CODE = {177, 179};
    /** icmpTypeCodeIPv4 and icmpTypeCodeIPv6: type * 256 + code (NetFlow v9's ICMP_TYPE, sFlow's sampled headers). */
    static final int[] ICMP_TYPE_CODE = {32, 139};
    /** IPFIX flowStartNanoseconds, flowStartMicroseconds: where a flow start has more than millisecond precision. */
    static final int[] IPFIX_FINE_START = {156, 154};
    /** IPFIX flowEndNanoseconds, flowEndMicroseconds. */
    static final int[] IPFIX_FINE_END = {157, 155};

    private static final List<Choice> COMMON = List.of(
            new Choice(FlowField.BYTES, new int[] {1, 23, 85, 231}),
            new Choice(FlowField.PACKETS, new int[] {2, 24, 86, 298}),
            new Choice(FlowField.PROTO, new int[] {4}),
            new Choice(FlowField.SRC_PORT, new int[] {7}),
            new Choice(FlowField.DST_PORT, new int[] {11}),
            new Choice(FlowField.IN_IF, new int[] {10}),
            new Choice(FlowField.OUT_IF, new int[] {14}),
            new Choice(FlowField.SRC_VLAN, new int[] {58}),
            new Choice(FlowField.DST_VLAN, new int[] {59}),
            new Choice(FlowField.IP_TOS, new int[] {5}),
            new Choice(FlowField.FORWARDING_STATUS, new int[] {89}),
            new Choice(FlowField.IP_TTL, new int[] {192}),
            new Choice(FlowField.IP_FLAGS, new int[] {197}),
            new Choice(FlowField.TCP_FLAGS, new int[] {6}),
            new Choice(FlowField.IPV6_FLOW_LABEL, new int[] {31}),
            new Choice(FlowField.FRAGMENT_ID, new int[] {54}),
            new Choice(FlowField.FRAGMENT_OFFSET, new int[] {88}),
            new Choice(FlowField.SRC_AS, new int[] {16}),
            new Choice(FlowField.DST_AS, new int[] {17}),
            new Choice(FlowField.NEXT_HOP_AS, new int[] {128}),
            new Choice(FlowField.OBSERVATION_POINT_ID, new int[] {138}));

    /** vlan_id: vlanId (NetFlow v9's SRC_VLAN), else dot1qVlanId. */
    private static final Choice VLAN_ID = new Choice(FlowField.VLAN_ID, new int[] {58, 243});
    /** vlan_id of sFlow: the sampled header's 802.1Q tag only (vlanId there is the extended switch's input VLAN, src_vlan). */
    private static final Choice SFLOW_VLAN_ID = new Choice(FlowField.VLAN_ID, new int[] {243});

    private static final Choice[] NUMBERS = concat(COMMON, VLAN_ID);
    private static final Choice[] SFLOW_NUMBERS = concat(COMMON, SFLOW_VLAN_ID);

    private ElementChoices() {
    }

    /** The numeric fields read as they are, for sFlow records or the others (a shared array: do not change it). */
    static Choice[] numbers(boolean sflow) {
        return sflow ? SFLOW_NUMBERS : NUMBERS;
    }

    private static Choice[] concat(List<Choice> a, Choice b) {
        Choice[] all = a.toArray(new Choice[a.size() + 1]);
        all[a.size()] = b;
        return all;
    }
}
