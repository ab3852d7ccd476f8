package io.github.flowcodec.sflow;

/**
 * Constants of sFlow version 5 (sflow.org, "sFlow Version 5", July 2004, and its published extensions):
 * the version, the standard UDP port, sample and record formats (enterprise 0), header protocols and the
 * interface formats of flow samples.
 *
 * <p>Formats travel as one XDR {@code data_format}: the enterprise in the top 20 bits and the format in
 * the low 12 bits ({@link #dataFormat(long, int)}).
 *
 * <pre>{@code
 * int word = Sflow.dataFormat(0, Sflow.SAMPLE_FLOW);   // 1
 * Sflow.enterprise(word);                              // 0
 * Sflow.format(word);                                  // 1
 * }</pre>
 */
public final class Sflow {

    private Sflow() {
    }

    /** The datagram version number: 5. */
    public static final int VERSION = 5;
    /** The UDP port sFlow collectors listen on. */
    public static final int PORT = 6343;
    /** The largest datagram the encoder writes by default (fits an Ethernet MTU with IPv6/UDP headers). */
    public static final int DEFAULT_MAX_DATAGRAM = 1400;

    /** Agent address type: unknown (no address bytes follow). */
    public static final int ADDRESS_UNKNOWN = 0;
    /** Agent address type: IPv4. */
    public static final int ADDRESS_IPV4 = 1;
    /** Agent address type: IPv6. */
    public static final int ADDRESS_IPV6 = 2;

    /** Sample format 0:1, flow sample (compact source id and interfaces). */
    public static final int SAMPLE_FLOW = 1;
    /** Sample format 0:2, counter sample. */
    public static final int SAMPLE_COUNTER = 2;
    /** Sample format 0:3, expanded flow sample. */
    public static final int SAMPLE_EXPANDED_FLOW = 3;
    /** Sample format 0:4, expanded counter sample. */
    public static final int SAMPLE_EXPANDED_COUNTER = 4;
    /** Sample format 0:5, discarded packet event (sflow_drops.txt), decoded as a {@link DiscardedPacket}. */
    public static final int SAMPLE_DISCARDED_PACKET = 5;

    /** Flow record 0:1, sampled packet header. */
    public static final int FLOW_RAW_HEADER = 1;
    /** Flow record 0:2, sampled Ethernet frame. */
    public static final int FLOW_ETHERNET = 2;
    /** Flow record 0:3, sampled IPv4 data. */
    public static final int FLOW_IPV4 = 3;
    /** Flow record 0:4, sampled IPv6 data. */
    public static final int FLOW_IPV6 = 4;
    /** Flow record 0:1001, extended switch. */
    public static final int FLOW_EXTENDED_SWITCH = 1001;
    /** Flow record 0:1002, extended router. */
    public static final int FLOW_EXTENDED_ROUTER = 1002;
    /** Flow record 0:1003, extended gateway. */
    public static final int FLOW_EXTENDED_GATEWAY = 1003;
    /** Flow record 0:1004, extended user. */
    public static final int FLOW_EXTENDED_USER = 1004;
    /** Flow record 0:1005, extended URL. */
    public static final int FLOW_EXTENDED_URL = 1005;
    /** Flow record 0:1006, extended MPLS. */
    public static final int FLOW_EXTENDED_MPLS = 1006;
    /** Flow record 0:1007, extended NAT. */
    public static final int FLOW_EXTENDED_NAT = 1007;
    /** Flow record 0:1008, extended MPLS tunnel. */
    public static final int FLOW_EXTENDED_MPLS_TUNNEL = 1008;
    /** Flow record 0:1009, extended MPLS VC. */
    public static final int FLOW_EXTENDED_MPLS_VC = 1009;
    /** Flow record 0:1010, extended MPLS FTN. */
    public static final int FLOW_EXTENDED_MPLS_FTN = 1010;
    /** Flow record 0:1011, extended MPLS LDP FEC. */
    public static final int FLOW_EXTENDED_MPLS_LDP_FEC = 1011;
    /** Flow record 0:1012, extended VLAN tunnel. */
    public static final int FLOW_EXTENDED_VLAN_TUNNEL = 1012;
    /** Flow record 0:1013, extended 802.11 payload (sflow_80211.txt): the cipher suite and the decrypted header. */
    public static final int FLOW_IEEE80211_PAYLOAD = 1013;
    /** Flow record 0:1014, extended 802.11 rx (sflow_80211.txt). */
    public static final int FLOW_IEEE80211_RX = 1014;
    /** Flow record 0:1015, extended 802.11 tx (sflow_80211.txt). */
    public static final int FLOW_IEEE80211_TX = 1015;
    /** Flow record 0:1016, extended 802.11 aggregation (sflow_80211.txt): one list of flow records per PDU. */
    public static final int FLOW_IEEE80211_AGGREGATION = 1016;
    /** Flow record 0:1020, extended NAT port: the translated source and destination ports (with 0:1007). */
    public static final int FLOW_EXTENDED_NAT_PORT = 1020;
    /** Flow record 0:1021, extended L2 tunnel egress (the outer Ethernet header, as 0:2). */
    public static final int FLOW_TUNNEL_L2_EGRESS = 1021;
    /** Flow record 0:1022, extended L2 tunnel ingress. */
    public static final int FLOW_TUNNEL_L2_INGRESS = 1022;
    /** Flow record 0:1023, extended IPv4 tunnel egress (the outer IPv4 header, as 0:3). */
    public static final int FLOW_TUNNEL_IPV4_EGRESS = 1023;
    /** Flow record 0:1024, extended IPv4 tunnel ingress. */
    public static final int FLOW_TUNNEL_IPV4_INGRESS = 1024;
    /** Flow record 0:1025, extended IPv6 tunnel egress (the outer IPv6 header, as 0:4). */
    public static final int FLOW_TUNNEL_IPV6_EGRESS = 1025;
    /** Flow record 0:1026, extended IPv6 tunnel ingress. */
    public static final int FLOW_TUNNEL_IPV6_INGRESS = 1026;
    /** Flow record 0:1027, extended decapsulate egress (offset of the inner header). */
    public static final int FLOW_DECAPSULATE_EGRESS = 1027;
    /** Flow record 0:1028, extended decapsulate ingress. */
    public static final int FLOW_DECAPSULATE_INGRESS = 1028;
    /** Flow record 0:1029, extended VNI egress. */
    public static final int FLOW_VNI_EGRESS = 1029;
    /** Flow record 0:1030, extended VNI ingress. */
    public static final int FLOW_VNI_INGRESS = 1030;
    /** Flow record 0:1036, extended egress queue (sflow_drops.txt): the egress queue of the packet. */
    public static final int FLOW_EGRESS_QUEUE = 1036;
    /** Flow record 0:1038, extended function (sflow_drops.txt): the symbol of the function that dropped the packet. */
    public static final int FLOW_FUNCTION = 1038;
    /** Flow record 0:1039, extended transit delay (sflow_transit.txt): nanoseconds through the device. */
    public static final int FLOW_TRANSIT = 1039;
    /** Flow record 0:1040, extended queue depth (sflow_transit.txt): bytes queued ahead of the packet. */
    public static final int FLOW_QUEUE_DEPTH = 1040;
    /** Flow record 0:1041, extended hardware trap (sflow_drops.txt): trap group and trap names. */
    public static final int FLOW_HW_TRAP = 1041;
    /** Flow record 0:1042, extended Linux drop reason (sflow_drops.txt). */
    public static final int FLOW_LINUX_DROP_REASON = 1042;
    /** Flow record 0:2100, extended socket IPv4 (Host sFlow). */
    public static final int FLOW_EXTENDED_SOCKET_IPV4 = 2100;
    /** Flow record 0:2101, extended socket IPv6 (Host sFlow). */
    public static final int FLOW_EXTENDED_SOCKET_IPV6 = 2101;

    /** Flow record 0:2102, extended proxy socket IPv4 (Host sFlow: the back-end socket of a proxy). */
    public static final int FLOW_EXTENDED_PROXY_SOCKET_IPV4 = 2102;
    /** Flow record 0:2103, extended proxy socket IPv6. */
    public static final int FLOW_EXTENDED_PROXY_SOCKET_IPV6 = 2103;
    /** Flow record 0:2200, memcache operation (sflow_memcache.txt). */
    public static final int FLOW_MEMCACHE = 2200;
    /** Flow record 0:2201, HTTP request (sflow_http.txt, the first version: no X-Forwarded-For, no request bytes). */
    public static final int FLOW_HTTP = 2201;
    /** Flow record 0:2202, application operation (sflow_application.txt). */
    public static final int FLOW_APP_OPERATION = 2202;
    /** Flow record 0:2203, application context (sflow_application.txt). */
    public static final int FLOW_APP_CONTEXT = 2203;
    /** Flow record 0:2204, application actor: the initiator (sflow_application.txt). */
    public static final int FLOW_APP_ACTOR_INITIATOR = 2204;
    /** Flow record 0:2205, application actor: the target (sflow_application.txt). */
    public static final int FLOW_APP_ACTOR_TARGET = 2205;
    /** Flow record 0:2206, HTTP request (sflow_http.txt, with X-Forwarded-For and request bytes). */
    public static final int FLOW_HTTP2 = 2206;
    /** Flow record 0:2209, extended TCP info (Host sFlow: the socket's {@code struct tcp_info}). */
    public static final int FLOW_EXTENDED_TCP_INFO = 2209;
    /** Flow record 0:2210, extended entities (Host sFlow: the data sources of the packet's source and destination). */
    public static final int FLOW_EXTENDED_ENTITIES = 2210;

    /** Counter record 0:1, generic interface counters. */
    public static final int COUNTER_GENERIC_INTERFACE = 1;
    /** Counter record 0:2, Ethernet interface counters. */
    public static final int COUNTER_ETHERNET = 2;
    /** Counter record 0:3, token ring counters. */
    public static final int COUNTER_TOKEN_RING = 3;
    /** Counter record 0:4, 100BaseVG counters. */
    public static final int COUNTER_VG = 4;
    /** Counter record 0:5, VLAN counters. */
    public static final int COUNTER_VLAN = 5;
    /** Counter record 0:6, IEEE 802.11 counters. */
    public static final int COUNTER_IEEE80211 = 6;
    /** Counter record 0:7, LAG port (IEEE 802.1AX LACP) counters (sflow_lag.txt). */
    public static final int COUNTER_LACP = 7;
    /** Counter record 0:10, optical SFP/QSFP module gauges (sflow_optics.txt). */
    public static final int COUNTER_SFP = 10;
    /** Counter record 0:1001, processor. */
    public static final int COUNTER_PROCESSOR = 1001;
    /** Counter record 0:1002, radio utilization (sflow_80211.txt). */
    public static final int COUNTER_RADIO_UTILIZATION = 1002;
    /** Counter record 0:1005, port name. */
    public static final int COUNTER_PORT_NAME = 1005;
    /** Counter record 0:2000, host description. */
    public static final int COUNTER_HOST_DESCRIPTION = 2000;
    /** Counter record 0:2001, host adapters. */
    public static final int COUNTER_HOST_ADAPTERS = 2001;
    /** Counter record 0:2002, host parent. */
    public static final int COUNTER_HOST_PARENT = 2002;
    /** Counter record 0:2003, host CPU. */
    public static final int COUNTER_HOST_CPU = 2003;
    /** Counter record 0:2004, host memory. */
    public static final int COUNTER_HOST_MEMORY = 2004;
    /** Counter record 0:2005, host disk I/O. */
    public static final int COUNTER_HOST_DISK_IO = 2005;
    /** Counter record 0:2006, host network I/O. */
    public static final int COUNTER_HOST_NET_IO = 2006;
    /** Counter record 0:2007, MIB-II IP group (Host sFlow). */
    public static final int COUNTER_MIB2_IP = 2007;
    /** Counter record 0:2008, MIB-II ICMP group (Host sFlow). */
    public static final int COUNTER_MIB2_ICMP = 2008;
    /** Counter record 0:2009, MIB-II TCP group (Host sFlow). */
    public static final int COUNTER_MIB2_TCP = 2009;
    /** Counter record 0:2010, MIB-II UDP group (Host sFlow). */
    public static final int COUNTER_MIB2_UDP = 2010;
    /** Counter record 0:2202, application operations (sflow_application.txt). */
    public static final int COUNTER_APP_OPERATIONS = 2202;
    /** Counter record 0:2203, application resources (sflow_application.txt). */
    public static final int COUNTER_APP_RESOURCES = 2203;
    /** Counter record 0:2206, application workers (sflow_application.txt). */
    public static final int COUNTER_APP_WORKERS = 2206;
    /** Counter record 0:2100, virtual node. */
    public static final int COUNTER_VIRT_NODE = 2100;
    /** Counter record 0:2101, virtual CPU. */
    public static final int COUNTER_VIRT_CPU = 2101;
    /** Counter record 0:2102, virtual memory. */
    public static final int COUNTER_VIRT_MEMORY = 2102;
    /** Counter record 0:2103, virtual disk I/O. */
    public static final int COUNTER_VIRT_DISK_IO = 2103;
    /** Counter record 0:2104, virtual network I/O. */
    public static final int COUNTER_VIRT_NET_IO = 2104;

    /** Header protocol of a sampled header: Ethernet (ISO 8802-3). */
    public static final int HEADER_ETHERNET = 1;
    /** Header protocol: IEEE 802.11 (not parsed further). */
    public static final int HEADER_IEEE80211 = 2;
    /** Header protocol: PPP (not parsed further). */
    public static final int HEADER_PPP = 7;
    /** Header protocol: raw IPv4. */
    public static final int HEADER_IPV4 = 11;
    /** Header protocol: raw IPv6. */
    public static final int HEADER_IPV6 = 12;
    /** Header protocol: MPLS label stack. */
    public static final int HEADER_MPLS = 13;

    /** How deep 0:1016 aggregation records may nest inside one another before the decoder refuses them. */
    public static final int MAX_AGGREGATION_DEPTH = 2;

    /** Interface format 0 of a flow sample's input/output: the value is an ifIndex (0 = unknown). */
    public static final int INTERFACE_SINGLE = 0;
    /** Interface format 1: the packet was dropped; the value is a reason code. */
    public static final int INTERFACE_DISCARDED = 1;
    /** Interface format 2: the packet went out of several interfaces; the value is their number (0 = unknown). */
    public static final int INTERFACE_MULTIPLE = 2;
    /** The value 0x3FFFFFFF of a single interface: the packet came from or went to the agent itself. */
    public static final long INTERFACE_LOCAL = 0x3FFF_FFFFL;

    /** The largest enterprise number a data format can carry (20 bits). */
    public static final long MAX_ENTERPRISE = 0xF_FFFFL;
    /** The largest format number a data format can carry (12 bits). */
    public static final int MAX_FORMAT = 0xFFF;

    /**
     * The XDR data format word of (enterprise, format).
     *
     * @param enterprise the enterprise number, 0 to 1048575 (0 for sFlow.org's formats)
     * @param format the format number, 0 to 4095
     * @return {@code enterprise << 12 | format}, the 32-bit word as sent
     */
    public static int dataFormat(long enterprise, int format) {
        if (enterprise < 0 || enterprise > MAX_ENTERPRISE || format < 0 || format > MAX_FORMAT) {
            throw new IllegalArgumentException("enterprise " + enterprise + " / format " + format
                    + " do not fit a data format (20 and 12 bits)");
        }
        return (int) (enterprise << 12) | format;
    }

    /**
     * The enterprise of a data format word.
     *
     * @param dataFormat the 32-bit word as sent
     * @return its top 20 bits, 0 to 1048575
     */
    public static long enterprise(int dataFormat) {
        return (dataFormat >>> 12) & MAX_ENTERPRISE;
    }

    /**
     * The format of a data format word.
     *
     * @param dataFormat the 32-bit word as sent
     * @return its low 12 bits, 0 to 4095
     */
    public static int format(int dataFormat) {
        return dataFormat & MAX_FORMAT;
    }
}
