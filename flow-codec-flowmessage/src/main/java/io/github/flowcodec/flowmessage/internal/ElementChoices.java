package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.flowmessage.FlowField;
import java.util.Arrays;
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

    static final int[] SRC_ADDR = ids(Iana.SOURCE_IPV4_ADDRESS, Iana.SOURCE_IPV6_ADDRESS);
    static final int[] DST_ADDR = ids(Iana.DESTINATION_IPV4_ADDRESS, Iana.DESTINATION_IPV6_ADDRESS);
    static final int[] SRC_MASK = ids(Iana.SOURCE_IPV4_PREFIX_LENGTH, Iana.SOURCE_IPV6_PREFIX_LENGTH);
    static final int[] DST_MASK = ids(Iana.DESTINATION_IPV4_PREFIX_LENGTH, Iana.DESTINATION_IPV6_PREFIX_LENGTH);
    static final int[] NEXT_HOP = ids(Iana.IP_NEXT_HOP_IPV4_ADDRESS, Iana.IP_NEXT_HOP_IPV6_ADDRESS);
    static final int[] BGP_NEXT_HOP = ids(Iana.BGP_NEXT_HOP_IPV4_ADDRESS, Iana.BGP_NEXT_HOP_IPV6_ADDRESS);
    static final int[] SRC_MAC = ids(Iana.SOURCE_MAC_ADDRESS, Iana.POST_SOURCE_MAC_ADDRESS);
    static final int[] DST_MAC = ids(Iana.DESTINATION_MAC_ADDRESS, Iana.POST_DESTINATION_MAC_ADDRESS);
    static final int ETHERNET_TYPE = Iana.ETHERNET_TYPE.id();
    static final int[] ICMP_TYPE = ids(Iana.ICMP_TYPE_IPV4, Iana.ICMP_TYPE_IPV6);
    static final int[] ICMP_CODE = ids(Iana.ICMP_CODE_IPV4, Iana.ICMP_CODE_IPV6);
    /** icmpTypeCodeIPv4 and icmpTypeCodeIPv6: type * 256 + code (NetFlow v9's ICMP_TYPE, sFlow's sampled headers). */
    static final int[] ICMP_TYPE_CODE = ids(Iana.ICMP_TYPE_CODE_IPV4, Iana.ICMP_TYPE_CODE_IPV6);
    /** mplsTopLabelStackSection, mplsLabelStackSection2 and 3: the MPLS labels goflow2 reads, top first. */
    static final int[] MPLS_SECTIONS = ids(Iana.MPLS_TOP_LABEL_STACK_SECTION, Iana.MPLS_LABEL_STACK_SECTION2,
            Iana.MPLS_LABEL_STACK_SECTION3);
    /** mplsTopLabelIPv4Address and mplsTopLabelIPv6Address: goflow2's mpls_ip, each the record has, in template order. */
    static final int[] MPLS_IP = ids(Iana.MPLS_TOP_LABEL_IPV4_ADDRESS, Iana.MPLS_TOP_LABEL_IPV6_ADDRESS);
    /** IPFIX flowStartNanoseconds, flowStartMicroseconds: where a flow start has more than millisecond precision. */
    static final int[] IPFIX_FINE_START = ids(Iana.FLOW_START_NANOSECONDS, Iana.FLOW_START_MICROSECONDS);
    /** IPFIX flowEndNanoseconds, flowEndMicroseconds. */
    static final int[] IPFIX_FINE_END = ids(Iana.FLOW_END_NANOSECONDS, Iana.FLOW_END_MICROSECONDS);

    private static final List<Choice> COMMON = List.of(
            new Choice(FlowField.BYTES, ids(Iana.OCTET_DELTA_COUNT, Iana.POST_OCTET_DELTA_COUNT, Iana.OCTET_TOTAL_COUNT,
                    Iana.INITIATOR_OCTETS)),
            new Choice(FlowField.PACKETS, ids(Iana.PACKET_DELTA_COUNT, Iana.POST_PACKET_DELTA_COUNT, Iana.PACKET_TOTAL_COUNT,
                    Iana.INITIATOR_PACKETS)),
            new Choice(FlowField.PROTO, ids(Iana.PROTOCOL_IDENTIFIER)),
            new Choice(FlowField.SRC_PORT, ids(Iana.SOURCE_TRANSPORT_PORT)),
            new Choice(FlowField.DST_PORT, ids(Iana.DESTINATION_TRANSPORT_PORT)),
            new Choice(FlowField.IN_IF, ids(Iana.INGRESS_INTERFACE)),
            new Choice(FlowField.OUT_IF, ids(Iana.EGRESS_INTERFACE)),
            new Choice(FlowField.SRC_VLAN, ids(Iana.VLAN_ID)),
            new Choice(FlowField.DST_VLAN, ids(Iana.POST_VLAN_ID)),
            new Choice(FlowField.IP_TOS, ids(Iana.IP_CLASS_OF_SERVICE)),
            new Choice(FlowField.FORWARDING_STATUS, ids(Iana.FORWARDING_STATUS)),
            new Choice(FlowField.IP_TTL, ids(Iana.IP_TTL)),
            new Choice(FlowField.IP_FLAGS, ids(Iana.FRAGMENT_FLAGS)),
            new Choice(FlowField.TCP_FLAGS, ids(Iana.TCP_CONTROL_BITS)),
            new Choice(FlowField.IPV6_FLOW_LABEL, ids(Iana.FLOW_LABEL_IPV6)),
            new Choice(FlowField.FRAGMENT_ID, ids(Iana.FRAGMENT_IDENTIFICATION)),
            new Choice(FlowField.FRAGMENT_OFFSET, ids(Iana.FRAGMENT_OFFSET)),
            new Choice(FlowField.SRC_AS, ids(Iana.BGP_SOURCE_AS_NUMBER)),
            new Choice(FlowField.DST_AS, ids(Iana.BGP_DESTINATION_AS_NUMBER)),
            new Choice(FlowField.NEXT_HOP_AS, ids(Iana.BGP_NEXT_ADJACENT_AS_NUMBER)),
            new Choice(FlowField.OBSERVATION_POINT_ID, ids(Iana.OBSERVATION_POINT_ID)));

    /** vlan_id: vlanId (NetFlow v9's SRC_VLAN), else dot1qVlanId. */
    private static final Choice VLAN_ID = new Choice(FlowField.VLAN_ID, ids(Iana.VLAN_ID, Iana.DOT1Q_VLAN_ID));
    /** vlan_id of sFlow: the sampled header's 802.1Q tag only (vlanId there is the extended switch's input VLAN, src_vlan). */
    private static final Choice SFLOW_VLAN_ID = new Choice(FlowField.VLAN_ID, ids(Iana.DOT1Q_VLAN_ID));

    private static final Choice[] NUMBERS = concat(COMMON, VLAN_ID);
    private static final Choice[] SFLOW_NUMBERS = concat(COMMON, SFLOW_VLAN_ID);

    private ElementChoices() {
    }

    private static int[] ids(InformationElement... elements) {
        return Arrays.stream(elements).mapToInt(InformationElement::id).toArray();
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
