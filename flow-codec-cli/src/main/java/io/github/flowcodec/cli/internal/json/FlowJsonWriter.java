package io.github.flowcodec.cli.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.sflow.SflowSampleContext;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes flow records as JSON lines with goflow2's keys (see DESIGN.md), one object per record. Keys
 * that come from the record are written when its template has the element; {@code --all-fields} adds
 * every field under its information element's name (an array when the element repeats). Closing it
 * flushes but leaves the underlying writer open.
 *
 * <p>sFlow flow samples get the keys of their {@link SflowSampleContext} too ({@code agent_address} when
 * the agent sent one, {@code sub_agent_id}, {@code sample_type}, {@code sample_seq}), as the corpus
 * reference writes them; as goflow2 does, their flow start and end are the time received (sFlow samples
 * one packet, with no flow times), {@code src_vlan}/{@code dst_vlan} are the extended switch VLANs and
 * {@code vlan_id} is the sampled header's 802.1Q tag only.
 */
public final class FlowJsonWriter implements Closeable, Flushable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final boolean allFields;

    public FlowJsonWriter(Writer out, boolean allFields) throws IOException {
        this.json = FACTORY.createGenerator(out);
        this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.json.setRootValueSeparator(null);
        this.allFields = allFields;
    }

    /**
     * Writes one record.
     *
     * @param receivedNanos when the datagram was received (capture time), nanoseconds since the epoch
     * @param sampler the exporter's address as seen on the wire, or null when there is none (an IPFIX file):
     *                {@code sampler_address} is then left out
     */
    public void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) throws IOException {
        Template t = record.template();
        json.writeStartObject();
        json.writeStringField("type", ctx.protocol().jsonName());
        json.writeNumberField("time_received_ns", receivedNanos);
        json.writeNumberField("sequence_num", ctx.sequenceNumber());
        json.writeNumberField("sampling_rate", ctx.samplingRate());
        if (sampler != null) {
            json.writeStringField("sampler_address", AddressText.of(sampler));
        }
        boolean sflow = ctx.protocol() == FlowProtocol.SFLOW_V5;
        if (ctx instanceof SflowSampleContext s) {
            InetAddress agent = s.agentAddress();
            if (agent != null) {
                json.writeStringField("agent_address", AddressText.of(agent));
            }
            json.writeNumberField("sub_agent_id", s.subAgentId());
            json.writeStringField("sample_type", s.sampleTypeName());
            json.writeNumberField("sample_seq", s.sampleSequenceNumber());
        }
        long start = ctx.flowStartMillis(record);
        long end = ctx.flowEndMillis(record);
        if (sflow && start == ExportContext.NO_TIME && end == ExportContext.NO_TIME) {
            json.writeNumberField("time_flow_start_ns", receivedNanos);
            json.writeNumberField("time_flow_end_ns", receivedNanos);
        } else if (ctx.protocol() == FlowProtocol.IPFIX) {
            time("time_flow_start_ns", start, record, GoflowKeys.IPFIX_FINE_START);
            time("time_flow_end_ns", end, record, GoflowKeys.IPFIX_FINE_END);
        } else {
            time("time_flow_start_ns", start);
            time("time_flow_end_ns", end);
        }
        number(record, "bytes", GoflowKeys.BYTES);
        number(record, "packets", GoflowKeys.PACKETS);
        address(record, "src_addr", GoflowKeys.SRC_ADDR);
        address(record, "dst_addr", GoflowKeys.DST_ADDR);
        long etype = etype(record);
        if (etype >= 0) {
            json.writeNumberField("etype", etype);
        }
        for (GoflowKeys.Key k : GoflowKeys.NUMBERS) {
            number(record, k.name(), k.ids());
        }
        number(record, "vlan_id", sflow ? GoflowKeys.SFLOW_VLAN_ID : GoflowKeys.VLAN_ID);
        icmp(record);
        mac(record, "src_mac", GoflowKeys.SRC_MAC);
        mac(record, "dst_mac", GoflowKeys.DST_MAC);
        address(record, "next_hop", GoflowKeys.NEXT_HOP);
        address(record, "bgp_next_hop", GoflowKeys.BGP_NEXT_HOP);
        net(record, "src_net", GoflowKeys.SRC_ADDR, GoflowKeys.SRC_MASK);
        net(record, "dst_net", GoflowKeys.DST_ADDR, GoflowKeys.DST_MASK);
        json.writeNumberField("observation_domain_id", ctx.observationDomainId());
        if (allFields) {
            writeAllFields(record, t);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void time(String key, long millis) throws IOException {
        if (millis != ExportContext.NO_TIME) {
            json.writeNumberField(key, millis * 1_000_000L);
        }
    }

    /**
     * An IPFIX flow time: the context resolved it (IPFIX's rules: the first form of the record that is set) to
     * {@code millis}; when that came from a dateTimeMicroseconds or dateTimeNanoseconds field, the nanoseconds
     * it holds are written rather than the milliseconds.
     */
    private void time(String key, long millis, FlowFields r, int[] fineIds) throws IOException {
        if (millis == ExportContext.NO_TIME) {
            return;
        }
        Template t = r.template();
        for (int id : fineIds) {
            int i = t.indexOf(0, id);
            if (i >= 0 && r.fieldLength(i) == 8 && r.getLong(i) != 0) {
                Instant fine = r.getInstant(i);
                if (Math.abs(fine.toEpochMilli() - millis) <= 1) {
                    json.writeNumberField(key, fine.getEpochSecond() * 1_000_000_000L + fine.getNano());
                    return;
                }
            }
        }
        json.writeNumberField(key, millis * 1_000_000L);
    }

    /** The first field among {@code ids} (IANA element ids, in order of preference) the record has, or -1. */
    private static int first(FlowFields r, int[] ids) {
        Template t = r.template();
        for (int id : ids) {
            int i = t.indexOf(0, id);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private void number(FlowFields r, String key, int[] ids) throws IOException {
        int i = first(r, ids);
        if (i >= 0 && r.fieldLength(i) >= 1 && r.fieldLength(i) <= 8) {
            writeUnsigned(key, r.getLong(i), r.template().field(i).element().dataType());
        }
    }

    /** icmp_type and icmp_code from icmpTypeIPv4/IPv6 and icmpCodeIPv4/IPv6, else from icmpTypeCodeIPv4/IPv6 (type * 256 + code). */
    private void icmp(FlowFields r) throws IOException {
        if (first(r, GoflowKeys.ICMP_TYPE) >= 0 || first(r, GoflowKeys.ICMP_CODE) >= 0) {
            number(r, "icmp_type", GoflowKeys.ICMP_TYPE);
            number(r, "icmp_code", GoflowKeys.ICMP_CODE);
            return;
        }
        int i = first(r, GoflowKeys.ICMP_TYPE_CODE);
        if (i >= 0 && r.fieldLength(i) == 2) {
            long v = r.getLong(i);
            json.writeNumberField("icmp_type", v >>> 8);
            json.writeNumberField("icmp_code", v & 0xFF);
        }
    }

    private void writeUnsigned(String key, long v, DataType type) throws IOException {
        json.writeFieldName(key);
        if (v < 0 && !type.isSigned()) {
            json.writeNumber(Long.toUnsignedString(v));
        } else {
            json.writeNumber(v);
        }
    }

    /** The first non-zero address among the candidates (IPv4 and IPv6 fields zero-fill the family they do not use). */
    private static int addressIndex(FlowFields r, int[] ids) {
        Template t = r.template();
        int fallback = -1;
        for (int id : ids) {
            int i = t.indexOf(0, id);
            if (i < 0 || (r.fieldLength(i) != 4 && r.fieldLength(i) != 16)) {
                continue;
            }
            if (!isZero(r, i)) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        return fallback;
    }

    private static boolean isZero(FlowFields r, int i) {
        int off = r.fieldOffset(i);
        for (int k = 0; k < r.fieldLength(i); k++) {
            if (r.byteAt(off + k) != 0) {
                return false;
            }
        }
        return true;
    }

    private void address(FlowFields r, String key, int[] ids) throws IOException {
        int i = addressIndex(r, ids);
        if (i >= 0) {
            json.writeStringField(key, AddressText.of(r.getAddress(i)));
        }
    }

    private void net(FlowFields r, String key, int[] addrIds, int[] maskIds) throws IOException {
        int a = addressIndex(r, addrIds);
        int m = first(r, maskIds);
        if (a < 0 || m < 0 || r.fieldLength(m) < 1 || r.fieldLength(m) > 8) {
            return;
        }
        byte[] addr = r.getBytes(a);
        long bits = r.getLong(m);
        if (bits > addr.length * 8L) {
            return;
        }
        for (int k = 0; k < addr.length; k++) {
            int keep = (int) Math.max(0, Math.min(8, bits - 8L * k));
            addr[k] &= (byte) (0xFF << (8 - keep));
        }
        json.writeStringField(key, AddressText.of(InetAddress.getByAddress(addr)) + "/" + bits);
    }

    private void mac(FlowFields r, String key, int[] ids) throws IOException {
        int i = first(r, ids);
        if (i >= 0 && r.fieldLength(i) == 6) {
            json.writeStringField(key, macText(r.getMacAddress(i)));
        }
    }

    private static long etype(FlowFields r) {
        Template t = r.template();
        int i = t.indexOf(0, GoflowKeys.ETHERNET_TYPE);
        if (i >= 0 && r.fieldLength(i) >= 1 && r.fieldLength(i) <= 8) {
            return r.getLong(i);
        }
        int src = addressIndex(r, GoflowKeys.SRC_ADDR);
        if (src >= 0) {
            return r.fieldLength(src) == 4 ? 0x0800 : 0x86DD;
        }
        return -1;
    }

    static String macText(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int k = 5; k >= 0; k--) {
            int b = (int) (mac >>> (8 * k)) & 0xFF;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            if (k > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private void writeAllFields(FlowFields r, Template t) throws IOException {
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < t.fieldCount(); i++) {
            byName.computeIfAbsent(t.field(i).element().name(), n -> new java.util.ArrayList<>()).add(i);
        }
        json.writeObjectFieldStart("fields");
        for (Map.Entry<String, List<Integer>> e : byName.entrySet()) {
            json.writeFieldName(e.getKey());
            if (e.getValue().size() > 1) {
                json.writeStartArray();
                for (int i : e.getValue()) {
                    value(r, i);
                }
                json.writeEndArray();
            } else {
                value(r, e.getValue().get(0));
            }
        }
        json.writeEndObject();
    }

    private void value(FlowFields r, int i) throws IOException {
        FieldSpec spec = r.template().field(i);
        InformationElement e = spec.element();
        Object v = r.getValue(i);
        if (e.dataType() == DataType.MAC_ADDRESS && r.fieldLength(i) == 6) {
            json.writeString(macText(r.getMacAddress(i)));
        } else if (v instanceof Long l) {
            if (l < 0 && !e.dataType().isSigned()) {
                json.writeNumber(Long.toUnsignedString(l));
            } else {
                json.writeNumber(l);
            }
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                json.writeString(d.toString());
            } else {
                json.writeNumber(d);
            }
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof String s) {
            json.writeString(s);
        } else if (v instanceof InetAddress a) {
            json.writeString(AddressText.of(a));
        } else if (v instanceof Instant instant) {
            json.writeString(instant.toString());
        } else {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder(b.length * 2);
            for (byte x : b) {
                sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            json.writeString(sb.toString());
        }
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
