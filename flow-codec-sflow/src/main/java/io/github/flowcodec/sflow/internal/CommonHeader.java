package io.github.flowcodec.sflow.internal;

import static io.github.flowcodec.sflow.internal.FlowTemplates.*;

import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowSampleView;

/**
 * The mapper's straight way for the raw packet header a switch samples most: an Ethernet header with at most 8
 * 802.1Q tags and a whole IPv4 header of a valid length (then TCP, UDP, SCTP, DCCP, ICMP or anything else),
 * announced as Ethernet and within its record. {@link #read} says whether a record's header is one; {@link #map}
 * then writes the flow record from the header's bytes, with the bits and values {@code FlowMapper.map} takes from
 * the parsed {@code SampledHeaderView}, without parsing it: the view is parsed only when a handler asks for it.
 * These are the headers {@code SampledHeaderParser.parse} reads in one pass, where no rule is broken (no problem
 * to report). One per mapper, on the sample being mapped.
 *
 * <pre>{@code
 * if (common.read(b, at, len)) { ... }   // at: the record's data in b
 * RecordView r = common.map(mapper, sample, b);
 * }</pre>
 */
final class CommonHeader {

    /** The header's first byte, its end and its IPv4 header's first byte, as indexes of the datagram's array. */
    private int from;
    private int end;
    private int ip;
    /** How many 802.1Q tags precede the IPv4 header. */
    private int vlans;

    /**
     * Whether the raw packet header record whose data (of {@code len} bytes, at least its 16-byte header) starts at
     * {@code at} of {@code b} holds a common header; if so this object is on it.
     */
    boolean read(byte[] b, int at, int len) {
        long headerLength = Bytes.u32(b, at + DatagramLayout.RAW_HEADER_LENGTH);
        if (Bytes.i32(b, at + DatagramLayout.RAW_HEADER_PROTOCOL) != Sflow.HEADER_ETHERNET
                || headerLength > len - DatagramLayout.RAW_HEADER) {
            return false;
        }
        int h = at + DatagramLayout.RAW_HEADER;
        int e = h + (int) headerLength;
        int p = h + 14;
        if (e - p < 20) {
            return false;
        }
        int type = Bytes.u16(b, p - 2);
        int n = 0;
        while (type == 0x8100 || type == 0x88A8 || type == 0x9100 || type == 0x9200) {
            if (n == 8 || e - p < 24) {
                return false;
            }
            n++;
            type = Bytes.u16(b, p + 2);
            p += 4;
        }
        int vihl = b[p] & 0xFF;
        if (type != 0x0800 || (vihl & 0xF0) != 0x40 || (vihl & 0xF) < 5) {
            return false;
        }
        from = h;
        end = e;
        ip = p;
        vlans = n;
        return true;
    }

    /** Writes the sample's flow record, its header the one {@link #read} accepted, into the mapper's scratch record. */
    RecordView map(FlowMapper m, SflowSampleView s, byte[] b) {
        int h = from;
        int ip = this.ip;
        int fragmentOffset = Bytes.u16(b, ip + 6) & 0x1FFF;
        int protocol = b[ip + 9] & 0xFF;
        int q = ip + (b[ip] & 0xF) * 4;
        int avail = end - q;
        boolean transport = fragmentOffset == 0 && avail >= 0;
        boolean ports = transport && avail >= 4 && (protocol == 6 || protocol == 17 || protocol == 132 || protocol == 136);
        int mask = BYTES | MAC | FAM4 | IPCOMMON | IPTTL | FRAG;
        if (vlans > 0) {
            mask |= vlans > 1 ? DOT1Q | QINQ : DOT1Q;
        }
        if (m.sw) {
            mask |= m.inVlan > 0xFFFF || m.outVlan > 0xFFFF ? SWITCH | SWITCH32 : SWITCH;
        }
        if (ports) {
            mask |= PORTS;
            if (protocol == 6 && avail >= 14) {
                mask |= TCP;
            }
        } else if (transport && protocol == 1 && avail >= 2) {
            mask |= ICMP;
        }
        mask |= m.nextHopFamily == 4 ? NH4 : m.nextHopFamily == 6 ? NH6 : 0;
        if (m.gateway) {
            mask |= AS;
        }

        byte[] o = m.scratch;
        int p = FlowMapper.AT;
        Bytes.put64(o, p, (long) s.inputInterface() << 32 | s.outputInterface());
        Bytes.put64(o, p + 8, s.samplingRate() << 32 | s.samplePool());
        Bytes.put64(o, p + 16, s.drops() << 32 | 1);
        Bytes.put32(o, p + 24, (int) m.frameLength);
        Bytes.put16(o, p + 28, Bytes.u16(b, h + 6));       // source MAC
        Bytes.put32(o, p + 30, Bytes.i32(b, h + 8));
        Bytes.put16(o, p + 34, Bytes.u16(b, h));           // destination MAC
        Bytes.put32(o, p + 36, Bytes.i32(b, h + 2));
        Bytes.put16(o, p + 40, 0x0800);
        p += 42;
        if ((mask & DOT1Q) != 0) {
            Bytes.put16(o, p, Bytes.u16(b, h + 14) & 0xFFF);
            p += 2;
            if ((mask & QINQ) != 0) {
                Bytes.put16(o, p, Bytes.u16(b, h + 18) & 0xFFF);
                p += 2;
            }
        }
        if ((mask & SWITCH32) != 0) {
            Bytes.put32(o, p, (int) m.inVlan);
            Bytes.put32(o, p + 4, (int) m.outVlan);
            p += 8;
        } else if ((mask & SWITCH) != 0) {
            Bytes.put16(o, p, (int) m.inVlan);
            Bytes.put16(o, p + 2, (int) m.outVlan);
            p += 4;
        }
        Bytes.put64(o, p, Bytes.i64(b, ip + 12));                  // source and destination address
        o[p + 8] = 4;
        o[p + 9] = (byte) protocol;
        o[p + 10] = b[ip + 1];                                     // DS field
        o[p + 11] = b[ip + 8];                                     // TTL
        Bytes.put32(o, p + 12, Bytes.u16(b, ip + 4));              // identification
        Bytes.put16(o, p + 16, fragmentOffset);
        p += 18;
        if ((mask & PORTS) != 0) {
            Bytes.put32(o, p, Bytes.i32(b, q));                    // source and destination port
            p += 4;
            if ((mask & TCP) != 0) {
                Bytes.put16(o, p, b[q + 13] & 0xFF);
                p += 2;
            }
        } else if ((mask & ICMP) != 0) {
            Bytes.put16(o, p, Bytes.u16(b, q));                    // type and code
            p += 2;
        }
        if ((mask & NH4) != 0) {
            System.arraycopy(m.nextHop, 0, o, p, 4);
            p += 4;
        } else if ((mask & NH6) != 0) {
            System.arraycopy(m.nextHop, 0, o, p, 16);
            p += 16;
        }
        if ((mask & AS) != 0) {
            Bytes.put32(o, p, (int) m.srcAs);
            Bytes.put32(o, p + 4, (int) m.dstAs);
        }
        return m.view(mask);
    }
}
