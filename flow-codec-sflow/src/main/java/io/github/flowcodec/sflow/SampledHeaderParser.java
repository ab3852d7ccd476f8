package io.github.flowcodec.sflow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The parser behind {@link SampledHeaderView#parse}: the link layer (Ethernet, 802.1Q/QinQ tags, LLC/SNAP),
 * the MPLS label stack, IPv4, IPv6 with its extension headers and the transport header, each step writing
 * what it found into the view's fields. Static, so the steps inline into the view's parse; it never throws
 * and never allocates.
 *
 * <pre>{@code
 * SampledHeaderParser.link(view, bytes, 0, length);   // after the view's reset
 * }</pre>
 */
final class SampledHeaderParser {

    private SampledHeaderParser() {
    }

    // what a parsed header holds: bits of SampledHeaderView.present
    static final int ETH = 1;
    static final int IP_SRC = 1 << 1;
    static final int IP_DST = 1 << 2;
    static final int PROTO = 1 << 3;
    static final int TOS = 1 << 4;
    static final int TTL = 1 << 5;
    static final int FRAG = 1 << 6;
    static final int PORTS = 1 << 7;
    static final int TCP_FLAGS = 1 << 8;
    static final int ICMP = 1 << 9;
    static final int FLOW_LABEL = 1 << 10;
    static final int NEXT_HEADER = 1 << 11;
    static final int ETHER_TYPE = 1 << 12;

    /** Empties the view for a header of {@code headerProtocol}, before {@link #link}. */
    static void start(SampledHeaderView v, int headerProtocol) {
        v.present = 0;
        v.ethernetType = 0;
        v.vlanCount = 0;
        v.mplsCount = 0;
        v.ipVersion = 0;
        v.ipOffset = -1;
        v.transportOffset = -1;
        v.tos = v.ttl = v.protocol = v.nextHeader = 0;
        v.sourceIpv4 = v.destinationIpv4 = 0;
        v.flowLabel = 0;
        v.fragmentId = 0;
        v.fragmentOffset = 0;
        v.moreFragments = false;
        v.extensionHeaders = 0;
        v.sourcePort = v.destinationPort = v.tcpFlags = v.icmpType = v.icmpCode = 0;
        v.sourceMac = v.destinationMac = 0;
        v.problem = null;
        v.base = 0;
        v.headerProtocol = headerProtocol;
    }

    /**
     * Parses the header between {@code offset} and {@code end} of {@code b} as a header of {@code headerProtocol}
     * into the view, offsets relative to {@code offset}: what {@link #start} then {@link #link} do. The common
     * header (Ethernet, at most {@value SampledHeaderView#MAX_VLAN_TAGS} 802.1Q tags, a whole IPv4 header of a
     * valid length, then TCP, UDP, SCTP, DCCP or ICMP) is read here in one pass, every field of the view written
     * once; any other header, or one cut short before its IPv4 header ends, is left to {@link #start} and
     * {@link #link}, which set the same fields from the same bytes.
     */
    static void parse(SampledHeaderView v, byte[] b, int offset, int end, int headerProtocol) {
        int p = offset + 14;
        if (headerProtocol != Sflow.HEADER_ETHERNET || end - p < 20) {
            slow(v, b, offset, end, headerProtocol);
            return;
        }
        int type = u16(b, p - 2);
        int vlans = 0;
        while (type == 0x8100 || type == 0x88A8 || type == 0x9100 || type == 0x9200) {
            if (vlans == SampledHeaderView.MAX_VLAN_TAGS || end - p < 24) {
                slow(v, b, offset, end, headerProtocol);
                return;
            }
            v.vlanTci[vlans++] = u16(b, p);
            type = u16(b, p + 2);
            p += 4;
        }
        int vihl = b[p] & 0xFF;
        if (type != 0x0800 || (vihl & 0xF0) != 0x40 || (vihl & 0xF) < 5) {
            slow(v, b, offset, end, headerProtocol);
            return;
        }
        v.headerProtocol = headerProtocol;
        v.base = offset;
        v.problem = null;
        v.destinationMac = mac(b, offset);
        v.sourceMac = mac(b, offset + 6);
        v.ethernetType = 0x0800;
        v.vlanCount = vlans;
        v.mplsCount = 0;
        v.ipVersion = 4;
        v.ipOffset = p - offset;
        v.tos = b[p + 1] & 0xFF;
        v.fragmentId = u16(b, p + 4);
        int ff = u16(b, p + 6);
        int fragmentOffset = ff & 0x1FFF;
        v.fragmentOffset = fragmentOffset;
        v.moreFragments = (ff & 0x2000) != 0;
        v.ttl = b[p + 8] & 0xFF;
        int protocol = b[p + 9] & 0xFF;
        v.protocol = protocol;
        v.nextHeader = protocol;
        v.sourceIpv4 = i32(b, p + 12);
        v.destinationIpv4 = i32(b, p + 16);
        v.flowLabel = 0;
        v.extensionHeaders = 0;
        int present = ETH | ETHER_TYPE | TOS | FRAG | TTL | PROTO | NEXT_HEADER | IP_SRC | IP_DST;
        int sourcePort = 0;
        int destinationPort = 0;
        int tcpFlags = 0;
        int icmpType = 0;
        int icmpCode = 0;
        int transportOffset = -1;
        int q = p + (vihl & 0xF) * 4;
        int avail = end - q;
        if (fragmentOffset == 0 && avail >= 0) {
            transportOffset = q - offset;
            if (protocol == 6 || protocol == 17 || protocol == 132 || protocol == 136) {
                if (avail >= 4) {
                    sourcePort = u16(b, q);
                    destinationPort = u16(b, q + 2);
                    present |= PORTS;
                }
                if (protocol == 6 && avail >= 14) {
                    tcpFlags = b[q + 13] & 0xFF;
                    present |= TCP_FLAGS;
                }
            } else if (protocol == 1 && avail >= 2) {
                icmpType = b[q] & 0xFF;
                icmpCode = b[q + 1] & 0xFF;
                present |= ICMP;
            }
        }
        v.transportOffset = transportOffset;
        v.sourcePort = sourcePort;
        v.destinationPort = destinationPort;
        v.tcpFlags = tcpFlags;
        v.icmpType = icmpType;
        v.icmpCode = icmpCode;
        v.present = present;
    }

    /** {@link #parse} of the headers its common case does not take. */
    private static void slow(SampledHeaderView v, byte[] b, int offset, int end, int headerProtocol) {
        start(v, headerProtocol);
        v.base = offset;
        link(v, b, offset, end);
    }

    /** Parses from the link layer of the view's header protocol on, between {@code offset} and {@code end}. */
    static void link(SampledHeaderView v, byte[] buffer, int offset, int end) {
        int p = offset;
        int type;
        switch (v.headerProtocol) {
            case Sflow.HEADER_ETHERNET: {
                if (end - p < 12) {
                    return;
                }
                v.destinationMac = mac(buffer, p);
                v.sourceMac = mac(buffer, p + 6);
                v.present |= ETH;
                if (end - p < 14) {
                    return;
                }
                type = u16(buffer, p + 12);
                p += 14;
                while (type == 0x8100 || type == 0x88A8 || type == 0x9100 || type == 0x9200) {
                    if (v.vlanCount == SampledHeaderView.MAX_VLAN_TAGS) {
                        v.problem = "more than 8 VLAN tags";
                        return;
                    }
                    if (end - p < 4) {
                        return;
                    }
                    v.vlanTci[v.vlanCount++] = u16(buffer, p);
                    type = u16(buffer, p + 2);
                    p += 4;
                }
                if (type <= 1500) {
                    // 802.3 length: only LLC/SNAP carries an Ethernet type on
                    if (end - p >= 8 && (buffer[p] & 0xFF) == 0xAA && (buffer[p + 1] & 0xFF) == 0xAA
                            && (buffer[p + 2] & 0xFF) == 0x03) {
                        type = u16(buffer, p + 6);
                        p += 8;
                    } else {
                        return;
                    }
                }
                v.ethernetType = type;
                v.present |= ETHER_TYPE;
                break;
            }
            case Sflow.HEADER_IPV4:
                type = 0x0800;
                break;
            case Sflow.HEADER_IPV6:
                type = 0x86DD;
                break;
            case Sflow.HEADER_MPLS:
                type = 0x8847;
                break;
            default:
                return;
        }
        if (type == 0x8847 || type == 0x8848) {
            while (true) {
                if (end - p < 4) {
                    return;
                }
                int entry = i32(buffer, p);
                p += 4;
                v.mpls[v.mplsCount++] = entry;
                if ((entry & 0x100) != 0) {
                    break;
                }
                if (v.mplsCount == SampledHeaderView.MAX_MPLS_LABELS) {
                    v.problem = "MPLS label stack deeper than 16 entries";
                    return;
                }
            }
            if (end - p < 1) {
                return;
            }
            int version = (buffer[p] & 0xFF) >>> 4;
            type = version == 4 ? 0x0800 : version == 6 ? 0x86DD : 0;
        }
        if (type == 0x0800) {
            ipv4(v, buffer, p, end);
        } else if (type == 0x86DD) {
            ipv6(v, buffer, p, end);
        }
        return;
    }

    private static void ipv4(SampledHeaderView v, byte[] b, int p, int end) {
        if (end - p < 1) {
            return;
        }
        int vihl = b[p] & 0xFF;
        if ((vihl >>> 4) != 4) {
            v.problem = "an IP version other than 4 where IPv4 was announced";
            return;
        }
        v.ipVersion = 4;
        v.ipOffset = p - v.base;
        int ihl = (vihl & 0xF) * 4;
        if (ihl < 20) {
            v.problem = "IPv4 header length below the 20-byte minimum";
            return;
        }
        int avail = end - p;
        if (avail >= 2) {
            v.tos = b[p + 1] & 0xFF;
            v.present |= TOS;
        }
        if (avail >= 8) {
            v.fragmentId = u16(b, p + 4);
            int ff = u16(b, p + 6);
            v.fragmentOffset = ff & 0x1FFF;
            v.moreFragments = (ff & 0x2000) != 0;
            v.present |= FRAG;
        }
        if (avail >= 9) {
            v.ttl = b[p + 8] & 0xFF;
            v.present |= TTL;
        }
        if (avail >= 10) {
            v.protocol = b[p + 9] & 0xFF;
            v.nextHeader = v.protocol;
            v.present |= PROTO | NEXT_HEADER;
        }
        if (avail >= 16) {
            v.sourceIpv4 = i32(b, p + 12);
            v.present |= IP_SRC;
        }
        if (avail >= 20) {
            v.destinationIpv4 = i32(b, p + 16);
            v.present |= IP_DST;
        }
        if ((v.present & PROTO) == 0 || v.fragmentOffset != 0 || ihl > avail) {
            return;
        }
        transport(v, b, p + ihl, end, v.protocol == 1);
    }

    private static void ipv6(SampledHeaderView v, byte[] b, int p, int end) {
        if (end - p < 1) {
            return;
        }
        int version = (b[p] & 0xFF) >>> 4;
        if (version != 6) {
            v.problem = "an IP version other than 6 where IPv6 was announced";
            return;
        }
        v.ipVersion = 6;
        v.ipOffset = p - v.base;
        int avail = end - p;
        if (avail >= 4) {
            int w = i32(b, p);
            v.tos = (w >>> 20) & 0xFF;
            v.flowLabel = w & 0xF_FFFF;
            v.present |= TOS | FLOW_LABEL;
        }
        if (avail < 7) {
            return;
        }
        v.nextHeader = b[p + 6] & 0xFF;
        v.present |= NEXT_HEADER;
        if (avail >= 8) {
            v.ttl = b[p + 7] & 0xFF;
            v.present |= TTL;
        }
        if (avail >= 24) {
            System.arraycopy(b, p + 8, v.sourceIpv6, 0, 16);
            v.present |= IP_SRC;
        }
        if (avail >= 40) {
            System.arraycopy(b, p + 24, v.destinationIpv6, 0, 16);
            v.present |= IP_DST;
        } else {
            return;
        }
        int q = p + 40;
        int nh = v.nextHeader;
        boolean laterFragment = false;
        while (true) {
            int len;
            if (nh == 0 || nh == 43 || nh == 60 || nh == 135 || nh == 139 || nh == 140) {
                if (end - q < 2) {
                    return;
                }
                len = ((b[q + 1] & 0xFF) + 1) * 8;
            } else if (nh == 44) {
                if (end - q < 8) {
                    return;
                }
                int off = u16(b, q + 2);
                v.fragmentOffset = off >>> 3;
                v.moreFragments = (off & 1) != 0;
                v.fragmentId = i32(b, q + 4) & 0xFFFF_FFFFL;
                v.present |= FRAG;
                laterFragment = v.fragmentOffset != 0;
                len = 8;
            } else if (nh == 51) {
                if (end - q < 2) {
                    return;
                }
                len = ((b[q + 1] & 0xFF) + 2) * 4;
            } else {
                break;
            }
            if (v.extensionHeaders == SampledHeaderView.MAX_IPV6_EXTENSIONS) {
                v.problem = "more than 16 IPv6 extension headers";
                return;
            }
            v.extensionHeaders++;
            nh = b[q] & 0xFF;
            q += len;
            if (q > end) {
                return;
            }
        }
        v.protocol = nh;
        v.present |= PROTO;
        if (!laterFragment) {
            transport(v, b, q, end, v.protocol == 58);
        }
    }

    private static void transport(SampledHeaderView v, byte[] b, int q, int end, boolean icmp) {
        int avail = end - q;
        v.transportOffset = q - v.base;
        switch (v.protocol) {
            case 6:
                if (avail >= 4) {
                    v.sourcePort = u16(b, q);
                    v.destinationPort = u16(b, q + 2);
                    v.present |= PORTS;
                }
                if (avail >= 14) {
                    v.tcpFlags = b[q + 13] & 0xFF;
                    v.present |= TCP_FLAGS;
                }
                break;
            case 17:
            case 132:
            case 136:
                if (avail >= 4) {
                    v.sourcePort = u16(b, q);
                    v.destinationPort = u16(b, q + 2);
                    v.present |= PORTS;
                }
                break;
            default:
                if (icmp && avail >= 2) {
                    v.icmpType = b[q] & 0xFF;
                    v.icmpCode = b[q + 1] & 0xFF;
                    v.present |= ICMP;
                }
                break;
        }
    }

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private static int i32(byte[] b, int p) {
        return (int) INT.get(b, p);
    }

    private static int u16(byte[] b, int p) {
        return (short) SHORT.get(b, p) & 0xFFFF;
    }

    private static long mac(byte[] b, int p) {
        return (((short) SHORT.get(b, p) & 0xFFFFL) << 32) | (i32(b, p + 2) & 0xFFFF_FFFFL);
    }
}
