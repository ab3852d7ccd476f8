package io.github.flowcodec.flowmessage;

/**
 * The fields of a flow message: goflow2's {@code FlowMessage} fields (the JSON key and the protobuf field
 * number of goflow2's {@code pb/flow.proto}) and four of flowcodec's own for the sFlow sample header. The
 * constants are in the order the compact JSON layout writes them.
 *
 * <pre>{@code
 * FlowField.BYTES.jsonKey();        // "bytes"
 * FlowField.BYTES.protobufNumber(); // 9
 * FlowField.SRC_NET.kind();         // Kind.PREFIX: the JSON writes "10.1.0.0/16", protobuf the length 16
 * }</pre>
 */
public enum FlowField {
    /** The protocol, as goflow2's {@code FlowType}: 1 sFlow v5, 2 NetFlow v5, 3 NetFlow v9, 4 IPFIX. */
    TYPE("type", 1, Kind.TYPE),
    /** When the datagram was received, nanoseconds since the epoch. */
    TIME_RECEIVED_NS("time_received_ns", 110, Kind.UINT64),
    /** The packet header's sequence number (sFlow: the datagram's). */
    SEQUENCE_NUM("sequence_num", 4, Kind.UINT32),
    /** One packet in N was sampled; 0 when unknown or not sampled. */
    SAMPLING_RATE("sampling_rate", 3, Kind.UINT64),
    /** The exporter: the UDP source for NetFlow and IPFIX, the agent address for sFlow (goflow2's rule). */
    SAMPLER_ADDRESS("sampler_address", 11, Kind.ADDRESS),
    /** sFlow only: the datagram's agent address. */
    AGENT_ADDRESS("agent_address", 1001, Kind.ADDRESS),
    /** sFlow only: the sub-agent id. */
    SUB_AGENT_ID("sub_agent_id", 1002, Kind.UINT32),
    /** sFlow only: the sample format, written as its name ("flow", "expanded", "counter", "expanded_counter"). */
    SAMPLE_TYPE("sample_type", 1003, Kind.SAMPLE_TYPE),
    /** sFlow only: the sample's sequence number. */
    SAMPLE_SEQ("sample_seq", 1004, Kind.UINT32),
    /** When the flow started, nanoseconds since the epoch (sFlow: the time received). */
    TIME_FLOW_START_NS("time_flow_start_ns", 111, Kind.UINT64),
    /** When the flow ended, nanoseconds since the epoch (sFlow: the time received). */
    TIME_FLOW_END_NS("time_flow_end_ns", 112, Kind.UINT64),
    /** Bytes (octets) of the flow or of the sampled packet. */
    BYTES("bytes", 9, Kind.UINT64),
    /** Packets of the flow. */
    PACKETS("packets", 10, Kind.UINT64),
    /** The source address (IPv4 or IPv6). */
    SRC_ADDR("src_addr", 6, Kind.ADDRESS),
    /** The destination address (IPv4 or IPv6). */
    DST_ADDR("dst_addr", 7, Kind.ADDRESS),
    /** The ethernet type: the record's, else 0x0800 or 0x86DD by the source address's family. */
    ETYPE("etype", 30, Kind.UINT32),
    /** The IP protocol. */
    PROTO("proto", 20, Kind.UINT32),
    /** The source port. */
    SRC_PORT("src_port", 21, Kind.UINT32),
    /** The destination port. */
    DST_PORT("dst_port", 22, Kind.UINT32),
    /** The input interface (ifIndex). */
    IN_IF("in_if", 18, Kind.UINT32),
    /** The output interface (ifIndex). */
    OUT_IF("out_if", 19, Kind.UINT32),
    /** The source VLAN (sFlow: the extended switch's input VLAN). */
    SRC_VLAN("src_vlan", 33, Kind.UINT32),
    /** The destination VLAN. */
    DST_VLAN("dst_vlan", 34, Kind.UINT32),
    /** The IP type of service byte. */
    IP_TOS("ip_tos", 23, Kind.UINT32),
    /** The forwarding status. */
    FORWARDING_STATUS("forwarding_status", 24, Kind.UINT32),
    /** The IP TTL or hop limit. */
    IP_TTL("ip_ttl", 25, Kind.UINT32),
    /** The IP flags. */
    IP_FLAGS("ip_flags", 38, Kind.UINT32),
    /** The TCP flags. */
    TCP_FLAGS("tcp_flags", 26, Kind.UINT32),
    /** The IPv6 flow label. */
    IPV6_FLOW_LABEL("ipv6_flow_label", 37, Kind.UINT32),
    /** The IP fragment identification. */
    FRAGMENT_ID("fragment_id", 35, Kind.UINT32),
    /** The IP fragment offset. */
    FRAGMENT_OFFSET("fragment_offset", 36, Kind.UINT32),
    /** The source AS. */
    SRC_AS("src_as", 14, Kind.UINT32),
    /** The destination AS (sFlow: the last AS of the path). */
    DST_AS("dst_as", 15, Kind.UINT32),
    /** The next hop's AS. */
    NEXT_HOP_AS("next_hop_as", 13, Kind.UINT32),
    /** The observation point id. */
    OBSERVATION_POINT_ID("observation_point_id", 71, Kind.UINT32),
    /** The 802.1Q VLAN (sFlow: of the sampled header only). */
    VLAN_ID("vlan_id", 29, Kind.UINT32),
    /** The ICMP type. */
    ICMP_TYPE("icmp_type", 31, Kind.UINT32),
    /** The ICMP code. */
    ICMP_CODE("icmp_code", 32, Kind.UINT32),
    /** The source MAC address in the low 48 bits. */
    SRC_MAC("src_mac", 27, Kind.MAC),
    /** The destination MAC address in the low 48 bits. */
    DST_MAC("dst_mac", 28, Kind.MAC),
    /** The next hop address. */
    NEXT_HOP("next_hop", 12, Kind.ADDRESS),
    /** The BGP next hop address. */
    BGP_NEXT_HOP("bgp_next_hop", 100, Kind.ADDRESS),
    /** The source prefix length, with {@link #SRC_ADDR} the source network. */
    SRC_NET("src_net", 16, Kind.PREFIX),
    /** The destination prefix length, with {@link #DST_ADDR} the destination network. */
    DST_NET("dst_net", 17, Kind.PREFIX),
    /** The BGP communities (sFlow: the extended gateway's). */
    BGP_COMMUNITIES("bgp_communities", 101, Kind.UINT32_LIST),
    /** The AS path, its segments one after the other (sFlow: the extended gateway's). */
    AS_PATH("as_path", 102, Kind.UINT32_LIST),
    /**
     * The TTLs of the MPLS label stack entries, top first: sFlow only, from the sampled header, as goflow2 reads
     * it (the entries up to the bottom of the stack or the first reserved label, 0 to 15).
     */
    MPLS_TTL("mpls_ttl", 80, Kind.UINT32_LIST),
    /**
     * The MPLS labels, top first, as goflow2 fills them: NetFlow v9 and IPFIX from mplsTopLabelStackSection,
     * ...Section2 and 3; sFlow from the sampled header's label stack (with {@link #MPLS_TTL}).
     */
    MPLS_LABEL("mpls_label", 81, Kind.UINT32_LIST),
    /**
     * The MPLS top label addresses, as goflow2 fills them: NetFlow v9 and IPFIX records' mplsTopLabelIPv4Address
     * (47) and mplsTopLabelIPv6Address (140), each one the record has, in template order.
     *
     * <pre>{@code
     * List<InetAddress> ips = message.mplsIp();     // [10.0.0.1]; JSON "mpls_ip":["10.0.0.1"]
     * }</pre>
     */
    MPLS_IP("mpls_ip", 82, Kind.ADDRESS_LIST),
    /** The observation domain (IPFIX), source id (NetFlow v9), engine type and id (NetFlow v5), sub-agent (sFlow). */
    OBSERVATION_DOMAIN_ID("observation_domain_id", 70, Kind.UINT32),
    /**
     * sFlow only: the layers of the sampled header (header protocol Ethernet) as goflow2 walks it, outermost first
     * ({@link PacketLayer}'s numbers).
     *
     * <pre>{@code
     * message.layerStack();   // [ETHERNET, DOT1Q, IPV4, TCP]; JSON "layer_stack":["Ethernet","Dot1Q","IPv4","TCP"]
     * }</pre>
     */
    LAYER_STACK("layer_stack", 103, Kind.LAYER_LIST),
    /**
     * sFlow only: the size in bytes of each layer of {@link #LAYER_STACK}, as goflow2 counts it (IPv4 20 whatever its
     * header length, TCP 20 plus 4 times the high nibble of its flags byte, goflow2's reading); one more, 0, when the
     * sampled bytes end before a layer's minimum.
     *
     * <pre>{@code
     * message.layerSize();    // [14, 4, 20, 24]; JSON "layer_size":[14,4,20,24]
     * }</pre>
     */
    LAYER_SIZE("layer_size", 104, Kind.UINT32_LIST),
    /**
     * sFlow only: the segments of the sampled header's outer IPv6 segment routing header (routing type 4), from
     * segment 0 to the last entry, as far as the header and the sampled bytes hold them.
     */
    IPV6_ROUTING_HEADER_ADDRESSES("ipv6_routing_header_addresses", 105, Kind.ADDRESS_LIST),
    /** sFlow only: segments left of the sampled header's outer IPv6 routing header (any routing type). */
    IPV6_ROUTING_HEADER_SEG_LEFT("ipv6_routing_header_seg_left", 106, Kind.UINT32);

    /** How a field's value is held and written. */
    public enum Kind {
        /** The protocol: a goflow2 {@code FlowType} number, written in JSON as its name. */
        TYPE,
        /** An unsigned 64-bit number. */
        UINT64,
        /** A number that goflow2's protobuf holds in 32 bits (JSON writes the whole value). */
        UINT32,
        /** An IPv4 or IPv6 address: JSON text, protobuf bytes (4 or 16). */
        ADDRESS,
        /** A MAC address: JSON "aa:bb:cc:dd:ee:ff", protobuf uint64. */
        MAC,
        /** A prefix length of the address field before it: JSON "address/length", protobuf the length. */
        PREFIX,
        /** The sFlow sample format: JSON and protobuf its name. */
        SAMPLE_TYPE,
        /**
         * A list of 32-bit numbers (at most {@link FlowMessageFields#MAX_LIST} of them): JSON an array, protobuf a
         * packed repeated uint32; the field's value is how many.
         */
        UINT32_LIST,
        /**
         * A list of addresses (at most {@link FlowMessageFields#MAX_LIST}), each 4 or 16 bytes (or, as goflow2 keeps
         * an exporter's element of another length, what it was): JSON an array of address texts ({@code ""} for one
         * that is neither 4 nor 16 bytes), protobuf a repeated bytes; the field's value is how many.
         */
        ADDRESS_LIST,
        /**
         * A list of {@link PacketLayer}s (at most {@link FlowMessageFields#MAX_LIST}): JSON an array of their names,
         * protobuf a packed repeated enum; the field's value is how many.
         */
        LAYER_LIST;

        /**
         * Whether the field is a list, its value being how many entries it holds.
         *
         * @return true for {@link #UINT32_LIST}, {@link #ADDRESS_LIST} and {@link #LAYER_LIST}
         */
        public boolean isList() {
            return this == UINT32_LIST || this == ADDRESS_LIST || this == LAYER_LIST;
        }
    }

    private static final FlowField[] VALUES = values();

    private final String jsonKey;
    private final int protobufNumber;
    private final Kind kind;

    FlowField(String jsonKey, int protobufNumber, Kind kind) {
        this.jsonKey = jsonKey;
        this.protobufNumber = protobufNumber;
        this.kind = kind;
    }

    /**
     * The key of the field in goflow2's JSON.
     *
     * @return the JSON key, e.g. {@code "bytes"} or {@code "src_addr"}
     */
    public String jsonKey() {
        return jsonKey;
    }

    /**
     * The field's number in goflow2's {@code flow.proto} (1001 to 1004: flowcodec's own).
     *
     * @return the protobuf field number
     */
    public int protobufNumber() {
        return protobufNumber;
    }

    /**
     * How the value is held and written.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The field the prefix length of a {@link Kind#PREFIX} field applies to.
     *
     * @return the address field, or null if this is not a prefix length
     */
    public FlowField prefixOf() {
        if (this == SRC_NET) {
            return SRC_ADDR;
        }
        if (this == DST_NET) {
            return DST_ADDR;
        }
        throw new IllegalArgumentException(this + " is not a prefix length");
    }

    /** Every field, in JSON order (a shared array: do not change it). */
    static FlowField[] all() {
        return VALUES;
    }
}
