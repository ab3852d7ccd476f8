package io.github.flowcodec.flowmessage.internal;

/**
 * IP protocol numbers by name, as goflow2 (v2.2 and later) renders {@code proto}: IANA's keyword for every
 * assigned number (0 to 145; the numbers IANA gives no keyword get their description, hyphenated), then
 * "unassigned" (146 to 252), "experimental" (253, 254), "reserved" (255) and "unknown" past a byte.
 */
final class IpProtocolNames {

    /** IANA's "Assigned Internet Protocol Numbers", 0 to 145. */
    private static final String[] ASSIGNED = {
        "HOPOPT", "ICMP", "IGMP", "GGP", "IPv4", "ST", "TCP", "CBT", "EGP", "IGP",
        "BBN-RCC-MON", "NVP-II", "PUP", "ARGUS", "EMCON", "XNET", "CHAOS", "UDP", "MUX", "DCN-MEAS",
        "HMP", "PRM", "XNS-IDP", "TRUNK-1", "TRUNK-2", "LEAF-1", "LEAF-2", "RDP", "IRTP", "ISO-TP4",
        "NETBLT", "MFE-NSP", "MERIT-INP", "DCCP", "3PC", "IDPR", "XTP", "DDP", "IDPR-CMTP", "TP++",
        "IL", "IPv6", "SDRP", "IPv6-Route", "IPv6-Frag", "IDRP", "RSVP", "GRE", "DSR", "BNA",
        "ESP", "AH", "I-NLSP", "SWIPE", "NARP", "Min-IPv4", "TLSP", "SKIP", "IPv6-ICMP", "IPv6-NoNxt",
        "IPv6-Opts", "any-host-internal-protocol", "CFTP", "any-local-network", "SAT-EXPAK", "KRYPTOLAN", "RVD",
        "IPPC", "any-distributed-file-system", "SAT-MON",
        "VISA", "IPCV", "CPNX", "CPHB", "WSN", "PVP", "BR-SAT-MON", "SUN-ND", "WB-MON", "WB-EXPAK",
        "ISO-IP", "VMTP", "SECURE-VMTP", "VINES", "IPTM", "NSFNET-IGP", "DGP", "TCF", "EIGRP", "OSPFIGP",
        "Sprite-RPC", "LARP", "MTP", "AX.25", "IPIP", "MICP", "SCC-SP", "ETHERIP", "ENCAP", "any-private-encryption-scheme",
        "GMTP", "IFMP", "PNNI", "PIM", "ARIS", "SCPS", "QNX", "A/N", "IPComp", "SNP",
        "Compaq-Peer", "IPX-in-IP", "VRRP", "PGM", "any-0-hop-protocol", "L2TP", "DDX", "IATP", "STP", "SRP",
        "UTI", "SMP", "SM", "PTP", "ISIS over IPv4", "FIRE", "CRTP", "CRUDP", "SSCOPMCE", "IPLT",
        "SPS", "PIPE", "SCTP", "FC", "RSVP-E2E-IGNORE", "Mobility Header", "UDPLite", "MPLS-in-IP", "manet", "HIP",
        "Shim6", "WESP", "ROHC", "Ethernet", "AGGFRAG", "NSH",
    };

    private IpProtocolNames() {
    }

    /** The name of protocol {@code number} (an unsigned 32-bit value). */
    static String name(long number) {
        if (number >= 0 && number < ASSIGNED.length) {
            return ASSIGNED[(int) number];
        }
        if (number >= 146 && number <= 252) {
            return "unassigned";
        }
        if (number == 253 || number == 254) {
            return "experimental";
        }
        return number == 255 ? "reserved" : "unknown";
    }

    /** How many numbers have a name of their own (0 to this, exclusive). */
    static int assigned() {
        return ASSIGNED.length;
    }
}
