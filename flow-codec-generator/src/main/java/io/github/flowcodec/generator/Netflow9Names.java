package io.github.flowcodec.generator;

import io.github.flowcodec.generator.RegistryGenerator.RegistryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The NetFlow v9 field names users know (RFC 3954 section 8 and Cisco's "NetFlow Version 9 Flow-Record
 * Format" list: {@code IN_BYTES}, {@code L4_SRC_PORT}, {@code INPUT_SNMP} ...), as facts transcribed from
 * those two documents: the reference directory has no file of them (logstash's list spells them in lower
 * case, up to type 96, and lacks the MPLS labels 70-79). For example {@code Netflow9Names.names().get(0)}
 * is {@code IN_BYTES} for type 1.
 */
final class Netflow9Names {

    /** One name of a v9 field type; {@code primary} is false for a second spelling of the type. */
    record Name(String name, int type, boolean primary) {
    }

    /**
     * {@code type NAME [OTHER_SPELLING ...]}, the first name as Cisco's list spells it. Types 43, 51, 65-69 and
     * 87 are "vendor proprietary" in both documents and have no name.
     */
    private static final String TABLE = """
            1 IN_BYTES
            2 IN_PKTS
            3 FLOWS
            4 PROTOCOL
            5 SRC_TOS
            6 TCP_FLAGS
            7 L4_SRC_PORT
            8 IPV4_SRC_ADDR
            9 SRC_MASK
            10 INPUT_SNMP
            11 L4_DST_PORT
            12 IPV4_DST_ADDR
            13 DST_MASK
            14 OUTPUT_SNMP
            15 IPV4_NEXT_HOP
            16 SRC_AS
            17 DST_AS
            18 BGP_IPV4_NEXT_HOP
            19 MUL_DST_PKTS
            20 MUL_DST_BYTES
            21 LAST_SWITCHED
            22 FIRST_SWITCHED
            23 OUT_BYTES
            24 OUT_PKTS
            25 MIN_PKT_LNGTH MIN_PKT_LENGTH
            26 MAX_PKT_LNGTH MAX_PKT_LENGTH
            27 IPV6_SRC_ADDR
            28 IPV6_DST_ADDR
            29 IPV6_SRC_MASK
            30 IPV6_DST_MASK
            31 IPV6_FLOW_LABEL
            32 ICMP_TYPE
            33 MUL_IGMP_TYPE
            34 SAMPLING_INTERVAL
            35 SAMPLING_ALGORITHM
            36 FLOW_ACTIVE_TIMEOUT
            37 FLOW_INACTIVE_TIMEOUT
            38 ENGINE_TYPE
            39 ENGINE_ID
            40 TOTAL_BYTES_EXP
            41 TOTAL_PKTS_EXP
            42 TOTAL_FLOWS_EXP
            44 IPV4_SRC_PREFIX
            45 IPV4_DST_PREFIX
            46 MPLS_TOP_LABEL_TYPE
            47 MPLS_TOP_LABEL_IP_ADDR
            48 FLOW_SAMPLER_ID
            49 FLOW_SAMPLER_MODE
            50 FLOW_SAMPLER_RANDOM_INTERVAL
            52 MIN_TTL
            53 MAX_TTL
            54 IPV4_IDENT
            55 DST_TOS
            56 IN_SRC_MAC SRC_MAC
            57 OUT_DST_MAC DST_MAC
            58 SRC_VLAN
            59 DST_VLAN
            60 IP_PROTOCOL_VERSION
            61 DIRECTION
            62 IPV6_NEXT_HOP
            63 BGP_IPV6_NEXT_HOP
            64 IPV6_OPTION_HEADERS
            70 MPLS_LABEL_1
            71 MPLS_LABEL_2
            72 MPLS_LABEL_3
            73 MPLS_LABEL_4
            74 MPLS_LABEL_5
            75 MPLS_LABEL_6
            76 MPLS_LABEL_7
            77 MPLS_LABEL_8
            78 MPLS_LABEL_9
            79 MPLS_LABEL_10
            80 IN_DST_MAC
            81 OUT_SRC_MAC
            82 IF_NAME
            83 IF_DESC
            84 SAMPLER_NAME
            85 IN_PERMANENT_BYTES
            86 IN_PERMANENT_PKTS
            88 FRAGMENT_OFFSET
            89 FORWARDING_STATUS
            90 MPLS_PAL_RD
            91 MPLS_PREFIX_LEN
            92 SRC_TRAFFIC_INDEX
            93 DST_TRAFFIC_INDEX
            94 APPLICATION_DESCRIPTION
            95 APPLICATION_TAG
            96 APPLICATION_NAME
            """;

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Netflow9Names() {
    }

    /** Every name, by type, each type's first spelling first. */
    static List<Name> names() {
        List<Name> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int previous = 0;
        for (String line : TABLE.lines().toList()) {
            String[] f = line.trim().split(" +");
            int type = Integer.parseInt(f[0]);
            if (type <= previous || f.length < 2) {
                throw new RegistryException("NetFlow v9 name table: types out of order or unnamed at " + line);
            }
            previous = type;
            for (int i = 1; i < f.length; i++) {
                if (!NAME.matcher(f[i]).matches() || !seen.add(f[i])) {
                    throw new RegistryException("NetFlow v9 name table: bad or repeated name " + f[i]);
                }
                out.add(new Name(f[i], type, i == 1));
            }
        }
        return out;
    }
}
