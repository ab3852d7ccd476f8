package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.FlowField;
import io.github.flowcodec.sflow.SampledHeaderView;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowRecordView;
import io.github.flowcodec.sflow.SflowSampleContext;
import io.github.flowcodec.sflow.SflowSampleView;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns one record and its export context into a flow message, goflow2's way: the message's fields from the
 * record's IANA elements ({@link ElementChoices}), the header's sequence number, sampling rate and
 * observation domain, flow times made absolute by the context, and the sampler: the UDP source for NetFlow
 * and IPFIX, the agent address for sFlow (the UDP source when the agent sent none). Records of a template
 * already seen are mapped without allocating (sFlow's agent address excepted: its context hands it as an
 * {@link InetAddress}). One instance per thread.
 */
public final class RecordMapping {

    /** Templates remembered at most; past that the plans are forgotten and made again as records come. */
    private static final int MAX_PLANS = 1024;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** A raw packet header record's fields before the header: header_protocol, frame_length, stripped, header_length. */
    private static final int RAW_HEADER_BYTES = 16;

    /** Where {@link #viewOf} copies a record into its array. */
    private static final int COPY_AT = 8;

    private final Map<Template, TemplatePlan> plans = new IdentityHashMap<>();
    private final RecordView copyView = new RecordView();
    private byte[] copy = new byte[256];
    private ByteBuffer copyBuffer = ByteBuffer.wrap(copy);
    private TemplatePlan last;
    /** A direct buffer's sampled header, copied for the walk (grown to the longest met). */
    private byte[] headerCopy = new byte[256];
    private InetAddress lastSampler;
    private byte[] lastSamplerBytes;

    /**
     * Fills {@code m} with the record; {@code receivedNanos}: when its datagram was received; {@code exporter}:
     * the sampler of NetFlow and IPFIX records, none when null or the wildcard address.
     */
    public void fill(MessageSlots m, ExportContext ctx, FlowFields record, long receivedNanos, InetAddress exporter) {
        fill(m, ctx, record instanceof RecordView v ? v : viewOf(record), receivedNanos, exporter);
    }

    /**
     * A record that is not a view (a {@link io.github.flowcodec.core.FlowRecord}) as this mapping's own view over a
     * copy of its bytes: the mapping reads one class of record, whatever its callers pass. Reading the decoder's
     * views and materialized records through the same calls would let the second class into the profile of
     * every read, and the views' reads run at half their speed then (see the bench README, "The zero-copy
     * handlers read the view's own type"). The copy starts 8 bytes into the array, so that the first fields are
     * one load too.
     */
    private RecordView viewOf(FlowFields r) {
        int len = r.length();
        byte[] c = copy;
        if (c.length < COPY_AT + len) {
            c = copy = new byte[Math.max(COPY_AT + len, 2 * c.length)];
            copyBuffer = ByteBuffer.wrap(c);
        }
        r.copyBytes(0, c, COPY_AT, len);
        if (copyView.wrap(r.template(), copyBuffer, COPY_AT, COPY_AT + len) != len) {
            throw new IllegalArgumentException("the record's " + len + " bytes are not one record of template " + r.template().id());
        }
        return copyView;
    }

    private void fill(MessageSlots m, ExportContext ctx, RecordView r, long receivedNanos, InetAddress exporter) {
        FlowProtocol protocol = ctx.protocol();
        boolean sflow = protocol == FlowProtocol.SFLOW_V5;
        TemplatePlan p = plan(r.template(), sflow);
        m.clear();
        m.set(FlowField.TYPE, typeNumber(protocol));
        m.set(FlowField.TIME_RECEIVED_NS, receivedNanos);
        m.set(FlowField.SEQUENCE_NUM, ctx.sequenceNumber());
        m.set(FlowField.SAMPLING_RATE, ctx.samplingRate());
        boolean agent = false;
        if (ctx instanceof SflowSampleView v) {
            // the decoder's own view: the agent address copied, not made an InetAddress
            int n = v.copyAgentAddress(m.addressBytes(), FlowField.AGENT_ADDRESS.ordinal() * 16);
            if (n > 0) {
                m.set(FlowField.AGENT_ADDRESS, n);
                m.setAddress(FlowField.SAMPLER_ADDRESS, m.addressBytes(), FlowField.AGENT_ADDRESS.ordinal() * 16, n);
                agent = true;
            }
            sampleHeader(m, v);
        } else if (ctx instanceof SflowSampleContext s) {
            InetAddress a = s.agentAddress();
            if (a != null) {
                address(m, FlowField.AGENT_ADDRESS, a);
                address(m, FlowField.SAMPLER_ADDRESS, a);
                agent = true;
            }
            sampleHeader(m, s);
        }
        if (!agent) {
            sampler(m, exporter);
        }
        times(m, ctx, r, p, receivedNanos, sflow, protocol == FlowProtocol.IPFIX);
        int[] fields = p.numberFields;
        int[] indexes = p.numberIndexes;
        for (int k = 0; k < fields.length; k++) {
            int i = indexes[k];
            if (validNumber(r, i)) {
                m.set(fields[k], r.getLong(i));
            }
        }
        int src = address(m, r, p, FlowField.SRC_ADDR);
        address(m, r, p, FlowField.DST_ADDR);
        address(m, r, p, FlowField.NEXT_HOP);
        address(m, r, p, FlowField.BGP_NEXT_HOP);
        if (p.ethernetType >= 0 && validNumber(r, p.ethernetType)) {
            m.set(FlowField.ETYPE, r.getLong(p.ethernetType));
        } else if (src >= 0) {
            m.set(FlowField.ETYPE, r.fieldLength(src) == 4 ? 0x0800 : 0x86DD);
        }
        icmp(m, r, p);
        mac(m, r, FlowField.SRC_MAC, p.single[FlowField.SRC_MAC.ordinal()]);
        mac(m, r, FlowField.DST_MAC, p.single[FlowField.DST_MAC.ordinal()]);
        prefix(m, r, FlowField.SRC_NET, p.single[FlowField.SRC_NET.ordinal()]);
        prefix(m, r, FlowField.DST_NET, p.single[FlowField.DST_NET.ordinal()]);
        m.set(FlowField.OBSERVATION_DOMAIN_ID, ctx.observationDomainId());
        if (p.mplsSections != null) {
            mplsLabels(m, r, p.mplsSections);
        }
        if (p.mplsIp != null) {
            for (int i : p.mplsIp) {
                m.appendAddress(FlowField.MPLS_IP, r, i); // goflow2 appends each one the record has, in template order
            }
        }
        if (ctx instanceof SflowSampleView v) {
            sampleRecords(m, v);
            mpls(m, v);
        }
    }

    /**
     * From an sFlow flow sample's records: the layers of its first raw packet header record (0:1) when its header
     * protocol is Ethernet, as goflow2 walks them ({@link PacketLayers}), and the lists of its first extended gateway
     * record (0:1003).
     */
    private void sampleRecords(MessageSlots m, SflowSampleView v) {
        SflowRecordView r = v.records();
        boolean header = false;
        boolean gateway = false;
        while (!(header && gateway) && r.next()) {
            if (!r.isFlowRecord()) {
                continue;
            }
            if (!header && r.isStandard(Sflow.FLOW_RAW_HEADER)) {
                header = true;
                layers(m, r);
            } else if (!gateway && r.isStandard(Sflow.FLOW_EXTENDED_GATEWAY)) {
                gateway = true;
                if (!gateway(m, r)) {
                    m.unset(FlowField.AS_PATH);
                    m.unset(FlowField.BGP_COMMUNITIES);
                }
            }
        }
    }

    /**
     * The layers of a raw packet header record (header_protocol, frame_length, stripped, header_length, the header's
     * bytes): an Ethernet header's, as many bytes as the record holds of it.
     */
    private void layers(MessageSlots m, SflowRecordView r) {
        int len = r.length();
        if (len < RAW_HEADER_BYTES || r.u32(0) != Sflow.HEADER_ETHERNET) {
            return;
        }
        int n = (int) Math.min(r.u32(12), len - RAW_HEADER_BYTES);
        ByteBuffer buffer = r.buffer();
        int at = r.offset() + RAW_HEADER_BYTES;
        if (buffer.hasArray()) {
            PacketLayers.walk(m, buffer.array(), buffer.arrayOffset() + at, n);
            return;
        }
        if (headerCopy.length < n) {
            headerCopy = new byte[Math.max(n, 2 * headerCopy.length)];
        }
        buffer.get(at, headerCopy, 0, n);
        PacketLayers.walk(m, headerCopy, 0, n);
    }

    /**
     * mpls_label and mpls_ttl from an sFlow sample's sampled header, as goflow2 reads its label stack: the entries
     * from the top to the bottom of the stack or to the first reserved label (0 to 15), that one included; and, as
     * goflow2, the etype of the packet under the stack (IPv4 or IPv6 by its version) rather than MPLS's.
     */
    private static void mpls(MessageSlots m, SflowSampleView v) {
        SampledHeaderView h = v.sampledHeader();
        if (h == null || h.mplsLabelCount() == 0) {
            return;
        }
        if (h.ipVersion() == 4 || h.ipVersion() == 6) {
            m.set(FlowField.ETYPE, h.ipVersion() == 4 ? 0x0800 : 0x86DD);
        }
        for (int i = 0, n = h.mplsLabelCount(); i < n; i++) {
            int entry = h.mplsLabelStackEntry(i);
            int label = entry >>> 12;
            m.append(FlowField.MPLS_LABEL, label);
            m.append(FlowField.MPLS_TTL, entry & 0xFF);
            if ((entry & 0x100) != 0 || label <= 15) {
                return;
            }
        }
    }

    private static void sampleHeader(MessageSlots m, SflowSampleContext s) {
        m.set(FlowField.SUB_AGENT_ID, s.subAgentId());
        m.set(FlowField.SAMPLE_TYPE, s.sampleFormat());
        m.set(FlowField.SAMPLE_SEQ, s.sampleSequenceNumber());
    }

    /**
     * mpls_label as goflow2 fills it: label k from label stack section k (top, 2, 3), the 20 bits above the
     * entry's experimental and bottom-of-stack bits; up to the deepest section the record has, 0 for a
     * section before it that the template lacks.
     */
    private static void mplsLabels(MessageSlots m, RecordView r, int[] sections) {
        int deepest = -1;
        for (int k = 0; k < sections.length; k++) {
            if (sections[k] >= 0 && validNumber(r, sections[k])) {
                deepest = k;
            }
        }
        for (int k = 0; k <= deepest; k++) {
            int i = sections[k];
            m.append(FlowField.MPLS_LABEL, i >= 0 && validNumber(r, i) ? (r.getLong(i) & 0xFFFF_FFFFL) >>> 4 : 0);
        }
    }

    /**
     * From an sFlow flow sample's extended gateway record (0:1003), as goflow2 reads it: as_path (the
     * segments' ASes one after the other), next_hop_as (the path's first AS), bgp_communities and, unless
     * the record gave one, bgp_next_hop (the gateway's next hop). False when the record's lengths do not add
     * up (the decoder has reported it): the caller unsets the lists.
     */
    private static boolean gateway(MessageSlots m, SflowRecordView r) {
        int len = r.length();
        if (len < 4) {
            return false;
        }
        long type = r.u32(0);
        if (type != Sflow.ADDRESS_UNKNOWN && type != Sflow.ADDRESS_IPV4 && type != Sflow.ADDRESS_IPV6) {
            return false;
        }
        int n = type == Sflow.ADDRESS_IPV4 ? 4 : type == Sflow.ADDRESS_IPV6 ? 16 : 0;
        int p = 4 + n;
        if (len - p < 16) {
            return false;
        }
        int hop = p - n;
        long segments = r.u32(p + 12);
        p += 16;
        if (segments > (len - p) / 8) {
            return false;
        }
        for (long s = 0; s < segments; s++) {
            long count = r.u32(p + 4);
            p += 8;
            if (count > (len - p) / 4) {
                return false;
            }
            for (int k = 0; k < count; k++) {
                m.append(FlowField.AS_PATH, r.u32(p + 4 * k)); // past MAX_LIST ASes the path is cut
            }
            p += (int) count * 4;
        }
        if (len - p < 4) {
            return false;
        }
        long communities = r.u32(p);
        p += 4;
        if (communities > (len - p) / 4) {
            return false;
        }
        for (int k = 0; k < communities; k++) {
            m.append(FlowField.BGP_COMMUNITIES, r.u32(p + 4 * k));
        }
        if (m.has(FlowField.AS_PATH)) {
            m.set(FlowField.NEXT_HOP_AS, m.list(FlowField.AS_PATH.ordinal())[0] & 0xFFFF_FFFFL);
        }
        if (n > 0 && !m.has(FlowField.BGP_NEXT_HOP)) {
            r.buffer().get(r.offset() + hop, m.addressBytes(), FlowField.BGP_NEXT_HOP.ordinal() * 16, n);
            m.set(FlowField.BGP_NEXT_HOP, n);
        }
        return true;
    }

    /** goflow2's FlowType number. */
    private static int typeNumber(FlowProtocol p) {
        switch (p) {
            case SFLOW_V5: return 1;
            case NETFLOW_V5: return 2;
            case NETFLOW_V9: return 3;
            default: return 4;
        }
    }

    private TemplatePlan plan(Template t, boolean sflow) {
        TemplatePlan p = last;
        if (p == null || p.template != t || p.sflow != sflow) {
            p = plans.get(t);
            if (p == null || p.sflow != sflow) {
                if (plans.size() >= MAX_PLANS) {
                    plans.clear();
                }
                p = new TemplatePlan(t, sflow);
                plans.put(t, p);
            }
            last = p;
        }
        return p;
    }

    /** The exporter's address as the sampler, unless the packet came from no address (an IPFIX file: the wildcard). */
    private void sampler(MessageSlots m, InetAddress a) {
        if (a == null || a.isAnyLocalAddress()) {
            return;
        }
        if (!a.equals(lastSampler)) {
            lastSamplerBytes = a.getAddress();
            lastSampler = a;
        }
        m.setAddress(FlowField.SAMPLER_ADDRESS, lastSamplerBytes, 0, lastSamplerBytes.length);
    }

    private static void address(MessageSlots m, FlowField f, InetAddress a) {
        byte[] b = a.getAddress();
        m.setAddress(f, b, 0, b.length);
    }

    private static void times(MessageSlots m, ExportContext ctx, RecordView r, TemplatePlan p, long receivedNanos,
            boolean sflow, boolean ipfix) {
        long start = ctx.flowStartMillis(r);
        long end = ctx.flowEndMillis(r);
        if (sflow && start == ExportContext.NO_TIME && end == ExportContext.NO_TIME) {
            m.set(FlowField.TIME_FLOW_START_NS, receivedNanos);
            m.set(FlowField.TIME_FLOW_END_NS, receivedNanos);
            return;
        }
        if (start != ExportContext.NO_TIME) {
            m.set(FlowField.TIME_FLOW_START_NS, ipfix ? fineNanos(r, p, start, p.fineStart) : start * NANOS_PER_MILLI);
        }
        if (end != ExportContext.NO_TIME) {
            m.set(FlowField.TIME_FLOW_END_NS, ipfix ? fineNanos(r, p, end, p.fineEnd) : end * NANOS_PER_MILLI);
        }
    }

    /**
     * An IPFIX flow time: the context resolved it (IPFIX's rules: the first form of the record that is set) to
     * {@code millis}; when that came from a dateTimeMicroseconds or dateTimeNanoseconds field, the nanoseconds
     * it holds rather than the milliseconds.
     */
    private static long fineNanos(RecordView r, TemplatePlan p, long millis, int[] fine) {
        for (int i : fine) {
            if (r.fieldLength(i) == 8) {
                long v = r.getLong(i);
                if (v != 0) {
                    long nanos = epochNanos(v, p.types[i]);
                    if (Math.abs(Math.floorDiv(nanos, NANOS_PER_MILLI) - millis) <= 1) {
                        return nanos;
                    }
                }
            }
        }
        return millis * NANOS_PER_MILLI;
    }

    /** A dateTime* value of 8 bytes as nanoseconds since the epoch (RFC 7011 section 6.1.7 to 6.1.10). */
    private static long epochNanos(long v, DataType type) {
        switch (type) {
            case DATE_TIME_SECONDS:
                return v * 1_000_000_000L;
            case DATE_TIME_MICROSECONDS:
            case DATE_TIME_NANOSECONDS: {
                long fraction = v & 0xFFFF_FFFFL;
                if (type == DataType.DATE_TIME_MICROSECONDS) {
                    fraction &= ~0x7FFL; // RFC 7011 6.1.9: the low 11 bits carry no information
                }
                long seconds = (v >>> 32) - FlowFields.NTP_EPOCH_OFFSET_SECONDS;
                return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> 32);
            }
            default:
                return v * NANOS_PER_MILLI;
        }
    }

    private static boolean validNumber(RecordView r, int i) {
        int len = r.fieldLength(i);
        return len >= 1 && len <= 8;
    }

    private static void number(MessageSlots m, RecordView r, FlowField f, int i) {
        if (i >= 0 && validNumber(r, i)) {
            m.set(f, r.getLong(i));
        }
    }

    /** icmp_type and icmp_code from icmpTypeIPv4/IPv6 and icmpCodeIPv4/IPv6, else from icmpTypeCodeIPv4/IPv6 (type * 256 + code). */
    private static void icmp(MessageSlots m, RecordView r, TemplatePlan p) {
        if (p.icmpType >= 0 || p.icmpCode >= 0) {
            number(m, r, FlowField.ICMP_TYPE, p.icmpType);
            number(m, r, FlowField.ICMP_CODE, p.icmpCode);
            return;
        }
        int i = p.icmpTypeCode;
        if (i >= 0 && r.fieldLength(i) == 2) {
            long v = r.getLong(i);
            m.set(FlowField.ICMP_TYPE, v >>> 8);
            m.set(FlowField.ICMP_CODE, v & 0xFF);
        }
    }

    private static void mac(MessageSlots m, RecordView r, FlowField f, int i) {
        if (i >= 0 && r.fieldLength(i) == 6) {
            m.set(f, r.getMacAddress(i));
        }
    }

    /** The prefix length of an address set already, when it fits the address. */
    private static void prefix(MessageSlots m, RecordView r, FlowField f, int i) {
        FlowField of = f.prefixOf();
        if (i < 0 || !m.has(of) || !validNumber(r, i)) {
            return;
        }
        long bits = r.getLong(i);
        if (bits <= m.get(of) * 8L) {
            m.set(f, bits);
        }
    }

    /**
     * Sets an address field from the first non-zero candidate (IPv4 and IPv6 fields zero-fill the family they
     * do not use), else the first; the record's field index, or -1 when it has none. The address is read as
     * numbers once, both to test it and to store it.
     */
    private static int address(MessageSlots m, RecordView r, TemplatePlan p, FlowField f) {
        int fallback = -1;
        for (int i : p.addressCandidates[f.ordinal()]) {
            int len = r.fieldLength(i);
            if (len == 4) {
                long v = r.readUnsigned(r.fieldOffset(i), 4);
                if (v != 0) {
                    m.setIpv4(f, (int) v);
                    return i;
                }
            } else if (len == 16) {
                int off = r.fieldOffset(i);
                long high = r.readUnsigned(off, 8);
                long low = r.readUnsigned(off + 8, 8);
                if ((high | low) != 0) {
                    m.setIpv6(f, high, low);
                    return i;
                }
            } else {
                continue;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        if (fallback >= 0) {
            if (r.fieldLength(fallback) == 4) {
                m.setIpv4(f, 0);
            } else {
                m.setIpv6(f, 0, 0);
            }
        }
        return fallback;
    }
}
