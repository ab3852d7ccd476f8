package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;

/**
 * goflow2's walk of an sFlow sampled header (header protocol Ethernet), layer by layer from Ethernet, for the flow
 * message's {@code layer_stack}, {@code layer_size}, {@code ipv6_routing_header_addresses} and
 * {@code ipv6_routing_header_seg_left} (goflow2 v2, {@code producer/proto/producer_packet.go}, its default parsers:
 * none by port). The message's other fields (addresses, ports, VLAN, MPLS labels) come from the sFlow decoder's own
 * parse of the header and are not touched here.
 *
 * <p>Each layer's parser needs a minimum of bytes; given them it names its layer, gives its size and the next
 * parser (by ethertype, IP protocol, or none). Every call appends its size to {@code layer_size}, a call whose bytes
 * fall short too (size 0, no layer, and the walk ends), so {@code layer_size} has as many entries as
 * {@code layer_stack} or one more. The walk goes on while there is a next parser and its offset is within the header
 * (a layer may start exactly at the end: that call gets no bytes, its size is 0); sizes are goflow2's, not checked
 * against the header (a TCP or routing header size can take the sum past it). At most {@link MessageSlots#MAX_LIST}
 * parsers are called, each eating 4 bytes or more, so a hostile header costs at most that many steps.
 *
 * <p>The SRv6 fields come from the base layer only: the walk is "encapsulated" from the first layer whose group
 * (Ethernet 20; IPv4, IPv6 30; IPv6 extension headers 35; TCP, UDP, GRE 40; ICMP 70) is not above the one before
 * (802.1Q, MPLS and the IPv6 fragment header never set it): Ethernet in GRE, IP in IP, a second routing header.
 * Allocates nothing.
 */
final class PacketLayers {

    // goflow2's parsers
    private static final int NONE = 0;
    private static final int ETHERNET = 1;
    private static final int DOT1Q = 2;
    private static final int MPLS = 3;
    private static final int IPV4 = 4;
    private static final int IPV6 = 5;
    private static final int ROUTING = 6;
    private static final int FRAGMENT = 7;
    private static final int TCP = 8;
    private static final int UDP = 9;
    private static final int GRE = 10;
    private static final int ICMP = 11;
    private static final int ICMPV6 = 12;

    /** Per parser: the LayerStack number of its layer. */
    private static final int[] LAYER = {-1, 0, 6, 5, 1, 2, 10, 11, 3, 4, 9, 7, 8};
    /** Per parser: goflow2's layer group (its LayerIndex; none: 100). */
    private static final int[] GROUP = {100, 20, 25, 25, 30, 30, 35, 35, 40, 40, 40, 70, 70};
    /** Per parser: whether reaching it never makes the walk encapsulated (goflow2's EncapSkip). */
    private static final boolean[] ENCAP_SKIP = {false, false, true, true, false, false, false, true, false, false, false,
        false, false};

    private static final FlowField STACK = FlowField.LAYER_STACK;
    private static final FlowField SIZES = FlowField.LAYER_SIZE;
    private static final FlowField SEGMENTS = FlowField.IPV6_ROUTING_HEADER_ADDRESSES;

    private PacketLayers() {
    }

    /** Walks the {@code length} header bytes of {@code b} from {@code from} into {@code m}. */
    static void walk(MessageSlots m, byte[] b, int from, int length) {
        int offset = 0;
        int parser = ETHERNET;
        boolean encapsulated = false;
        for (int calls = 0; parser != NONE && offset <= length && calls < MessageSlots.MAX_LIST; calls++) {
            int at = from + offset;
            int left = length - offset;
            int size = 0;
            int next = NONE;
            switch (parser) {
                case ETHERNET:
                    if (left >= 14) {
                        size = 14;
                        next = byEthertype(u16(b, at + 12));
                    }
                    break;
                case DOT1Q:
                    if (left >= 4) {
                        size = 4;
                        next = byEthertype(u16(b, at + 2));
                    }
                    break;
                case MPLS:
                    if (left >= 4) {
                        // entries to the bottom of the stack or a reserved label (0 to 15), or as far as the bytes go;
                        // then the next byte's version nibble says what is under the stack
                        while (size + 4 <= left) {
                            int label = u16(b, at + size) << 4 | (b[at + size + 2] & 0xFF) >>> 4;
                            boolean bottom = (b[at + size + 2] & 1) != 0;
                            size += 4;
                            if (bottom || label <= 15) {
                                if (left > size) {
                                    int version = (b[at + size] & 0xFF) >>> 4;
                                    next = version == 4 ? IPV4 : version == 6 ? IPV6 : NONE;
                                }
                                break;
                            }
                        }
                    }
                    break;
                case IPV4:
                    if (left >= 20) {
                        size = 20; // goflow2's size: the header length field (IHL) is not read
                        next = byProtocol(b[at + 9] & 0xFF);
                    }
                    break;
                case IPV6:
                    if (left >= 40) {
                        size = 40;
                        next = byProtocol(b[at + 6] & 0xFF);
                    }
                    break;
                case FRAGMENT:
                    if (left >= 8) {
                        size = 8;
                        next = byProtocol(b[at] & 0xFF);
                    }
                    break;
                case ROUTING:
                    if (left >= 8) {
                        size = 8 + 8 * (b[at + 1] & 0xFF);
                        if (!encapsulated) {
                            routing(m, b, at, left, size);
                        }
                        next = byProtocol(b[at] & 0xFF);
                    }
                    break;
                case TCP:
                    if (left >= 20) {
                        // goflow2 adds 4 times the high nibble of byte 13 (the flags byte: CWR ECE URG ACK) to 20, not
                        // the data offset (the high nibble of byte 12): a plain ACK segment is 24 bytes here. Kept, as
                        // goflow2 writes it.
                        size = 20 + 4 * ((b[at + 13] & 0xFF) >>> 4);
                    }
                    break;
                case UDP:
                    if (left >= 8) {
                        size = 8;
                    }
                    break;
                case GRE:
                    if (left >= 4) {
                        size = 4;
                        next = byEthertype(u16(b, at + 2));
                    }
                    break;
                default: // ICMP, ICMPV6: two bytes suffice; the layer is 8
                    if (left >= 2) {
                        size = 8;
                    }
                    break;
            }
            if (size > 0) {
                m.append(STACK, LAYER[parser]);
            }
            m.append(SIZES, size);
            // goflow2: a parser whose bytes fell short gives a next parser of group 0, encapsulated; the walk ends anyway
            if (!ENCAP_SKIP[next] && GROUP[next] <= GROUP[parser]) {
                encapsulated = true;
            }
            parser = next;
            offset += size;
        }
    }

    /** The base layer's IPv6 routing header: segments left, and the segment list of a segment routing header (type 4). */
    private static void routing(MessageSlots m, byte[] b, int at, int left, int size) {
        m.set(FlowField.IPV6_ROUTING_HEADER_SEG_LEFT, b[at + 3] & 0xFF);
        if ((b[at + 2] & 0xFF) != 4) {
            return;
        }
        int last = b[at + 4] & 0xFF;
        for (int o = 8, entry = 0; o < size && o + 16 <= left && entry <= last; o += 16, entry++) {
            m.appendAddress(SEGMENTS, b, at + o, 16);
        }
    }

    private static int byEthertype(int type) {
        switch (type) {
            case 0x0800: return IPV4;
            case 0x86DD: return IPV6;
            case 0x8100: return DOT1Q;
            case 0x8847: return MPLS;
            case 0x6558: // transparent Ethernet bridging (Geneve)
            case 0x199E: // transparent Ethernet bridging (GRE)
                return ETHERNET;
            default: return NONE; // ARP (0x0806) included
        }
    }

    private static int byProtocol(int protocol) {
        switch (protocol) {
            case 1: return ICMP;
            case 4: return IPV4;
            case 6: return TCP;
            case 17: return UDP;
            case 41: return IPV6;
            case 43: return ROUTING;
            case 44: return FRAGMENT;
            case 47: return GRE;
            case 58: return ICMPV6;
            default: return NONE;
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
