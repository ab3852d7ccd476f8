package io.github.flowcodec.sflow.internal;

import static io.github.flowcodec.sflow.internal.FlowMapper.*;

import io.github.flowcodec.core.Template;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of the records {@link FlowMapper} makes: one per combination of the groups of fields present (a
 * presence mask, which is also the template's id), built on first use and shared by every decoder.
 *
 * <pre>{@code
 * Template t = FlowTemplates.template(FlowTemplates.BYTES | FlowTemplates.FAM4 | FlowTemplates.IPCOMMON);
 * }</pre>
 */
final class FlowTemplates {

    private FlowTemplates() {
    }

    static final int BYTES = 1;
    static final int MAC = 1 << 1;
    static final int DOT1Q = 1 << 2;
    static final int QINQ = 1 << 3;
    static final int SWITCH = 1 << 4;
    static final int FAM4 = 1 << 5;
    static final int FAM6 = 1 << 6;
    static final int IPCOMMON = 1 << 7;
    static final int IPTTL = 1 << 8;
    static final int FRAG = 1 << 9;
    static final int PORTS = 1 << 10;
    static final int TCP = 1 << 11;
    /** ICMP type and code: the TCP bit without the PORTS bit. */
    static final int ICMP = TCP;
    /** The extended switch VLANs do not fit 16 bits (0xFFFFFFFF, "unknown"): vlanId and postVlanId are 4 bytes. */
    static final int SWITCH32 = 1 << 12;
    static final int NH4 = 1 << 13;
    static final int NH6 = 1 << 14;
    static final int AS = 1 << 15;

    private static final ConcurrentHashMap<Integer, Template> TEMPLATES = new ConcurrentHashMap<>();

    /** The template of a presence mask: its id is the mask. */
    public static Template template(int mask) {
        return TEMPLATES.computeIfAbsent(mask, FlowTemplates::build);
    }

    private static Template build(int mask) {
        Template.Builder b = Template.builder(mask)
                .field(INGRESS_INTERFACE, 4).field(EGRESS_INTERFACE, 4).field(SAMPLING_INTERVAL, 4)
                .field(SAMPLE_POOL, 4).field(DROPS, 4).field(PACKETS, 4);
        if ((mask & BYTES) != 0) {
            b.field(OCTETS, 4);
        }
        if ((mask & MAC) != 0) {
            b.field(SRC_MAC, 6).field(DST_MAC, 6).field(ETHERNET_TYPE, 2);
        }
        if ((mask & DOT1Q) != 0) {
            b.field(DOT1Q_VLAN, 2);
        }
        if ((mask & QINQ) != 0) {
            b.field(DOT1Q_CUSTOMER_VLAN, 2);
        }
        if ((mask & SWITCH) != 0) {
            int n = (mask & SWITCH32) != 0 ? 4 : 2;
            b.field(VLAN, n).field(POST_VLAN, n);
        }
        if ((mask & FAM4) != 0) {
            b.field(SRC_IPV4, 4).field(DST_IPV4, 4);
        }
        if ((mask & FAM6) != 0) {
            b.field(SRC_IPV6, 16).field(DST_IPV6, 16).field(FLOW_LABEL, 4);
        }
        if ((mask & IPCOMMON) != 0) {
            b.field(IP_VERSION, 1).field(PROTOCOL, 1).field(TOS, 1);
        }
        if ((mask & IPTTL) != 0) {
            b.field(TTL, 1);
        }
        if ((mask & FRAG) != 0) {
            b.field(FRAGMENT_ID, 4).field(FRAGMENT_OFFSET, 2);
        }
        if ((mask & PORTS) != 0) {
            b.field(SRC_PORT, 2).field(DST_PORT, 2);
            if ((mask & TCP) != 0) {
                b.field(TCP_FLAGS, 2);
            }
        } else if ((mask & ICMP) != 0) {
            b.field((mask & FAM6) != 0 ? ICMP_V6 : ICMP_V4, 2);
        }
        if ((mask & NH4) != 0) {
            b.field(NEXT_HOP_V4, 4);
        }
        if ((mask & NH6) != 0) {
            b.field(NEXT_HOP_V6, 16);
        }
        if ((mask & AS) != 0) {
            b.field(SRC_AS, 4).field(DST_AS, 4);
        }
        return b.build();
    }

}
