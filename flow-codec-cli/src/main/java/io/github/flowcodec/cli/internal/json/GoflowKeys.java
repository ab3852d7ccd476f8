package io.github.flowcodec.cli.internal.json;

import java.util.List;

/**
 * Which IANA information elements give each goflow2 JSON key, in order of preference (the first the
 * record has wins; for addresses, the first non-zero one).
 */
final class GoflowKeys {

    /** A numeric key and its elements. */
    record Key(String name, int[] ids) {
    }

    static final int[] BYTES = {1, 23, 85, 231};
    static final int[] PACKETS = {2, 24, 86, 298};
    static final int[] SRC_ADDR = {8, 27};
    static final int[] DST_ADDR = {12, 28};
    static final int[] SRC_MASK = {9, 29};
    static final int[] DST_MASK = {13, 30};
    static final int[] NEXT_HOP = {15, 62};
    static final int[] BGP_NEXT_HOP = {18, 63};
    static final int[] SRC_MAC = {56, 81};
    static final int[] DST_MAC = {80, 57};
    static final int ETHERNET_TYPE = 256;
    /** vlan_id: vlanId (NetFlow v9's SRC_VLAN), else dot1qVlanId. */
    static final int[] VLAN_ID = {58, 243};
    /** vlan_id of sFlow: the sampled header's 802.1Q tag only (vlanId there is the extended switch's input VLAN, src_vlan). */
    static final int[] SFLOW_VLAN_ID = {243};
    static final int[] ICMP_TYPE = {176, 178};
    static final int[] ICMP_CODE = {177, 179};
    /** icmpTypeCodeIPv4 and icmpTypeCodeIPv6: type * 256 + code (NetFlow v9's ICMP_TYPE, sFlow's sampled headers). */
    static final int[] ICMP_TYPE_CODE = {32, 139};

    /** IPFIX flowStartNanoseconds, flowStartMicroseconds: where a flow start has more than millisecond precision. */
    static final int[] IPFIX_FINE_START = {156, 154};
    /** IPFIX flowEndNanoseconds, flowEndMicroseconds. */
    static final int[] IPFIX_FINE_END = {157, 155};

    static final List<Key> NUMBERS = List.of(
            new Key("proto", new int[] {4}),
            new Key("src_port", new int[] {7}),
            new Key("dst_port", new int[] {11}),
            new Key("in_if", new int[] {10}),
            new Key("out_if", new int[] {14}),
            new Key("src_vlan", new int[] {58}),
            new Key("dst_vlan", new int[] {59}),
            new Key("ip_tos", new int[] {5}),
            new Key("forwarding_status", new int[] {89}),
            new Key("ip_ttl", new int[] {192}),
            new Key("ip_flags", new int[] {197}),
            new Key("tcp_flags", new int[] {6}),
            new Key("ipv6_flow_label", new int[] {31}),
            new Key("fragment_id", new int[] {54}),
            new Key("fragment_offset", new int[] {88}),
            new Key("src_as", new int[] {16}),
            new Key("dst_as", new int[] {17}),
            new Key("next_hop_as", new int[] {128}),
            new Key("observation_point_id", new int[] {138}));

    private GoflowKeys() {
    }
}
