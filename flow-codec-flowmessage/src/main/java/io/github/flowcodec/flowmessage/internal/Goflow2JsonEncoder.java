package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a flow message as goflow2's JSON record ({@code JsonLayout.GOFLOW2}): the object goflow2 v2's default
 * formatter prints, every key of its {@code FlowMessage} in the order of its {@code flow.proto}, whether or not
 * the record had the field, rendered as goflow2 renders it:
 * <ul>
 *   <li>{@code type}: the FlowType's name; numbers as unsigned decimals, 0 when the field is not set
 *       ({@code uint32} fields cut to 32 bits, as goflow2's message holds them);</li>
 *   <li>{@code etype}: "IPv4", "IPv6" or "ARP", else {@code ""}; {@code proto}: the IANA name
 *       ({@link IpProtocolNames});</li>
 *   <li>addresses as text, {@code ""} when not set; MACs as "aa:bb:cc:dd:ee:ff" (all zeros when not set);</li>
 *   <li>{@code src_net}/{@code dst_net}: the address's network as "network/length" ("0.0.0.0/0" without a
 *       mask), "invalid Prefix" when there is no address or the length does not fit it;</li>
 *   <li>BGP communities, AS path, MPLS labels and TTLs and layer sizes as arrays of numbers, MPLS and SRv6
 *       addresses as arrays of address texts, layers as an array of goflow2's LayerStack names ({@code []} when
 *       not set).</li>
 * </ul>
 * flowcodec's own sFlow sample-header fields ({@code agent_address}, ...) are not goflow2's and are left out.
 * Nothing is allocated per message. One instance per thread.
 */
public final class Goflow2JsonEncoder extends JsonObjectEncoder {

    /** How a column's value is written. */
    private enum Render { TYPE, UINT64, UINT32, ADDRESS, MAC, ETYPE, PROTO, NETWORK, LIST, ADDRESS_LIST, LAYER_LIST }

    /** One key of goflow2's record and where its value comes from. */
    private record Column(String key, FlowField field, Render render) {
    }

    /** goflow2's record: its keys in order (flow.proto's field order), each with its rendering. */
    private static final List<Column> RECORD = List.of(
            column("type", FlowField.TYPE, Render.TYPE),
            column("time_received_ns", FlowField.TIME_RECEIVED_NS, Render.UINT64),
            column("sequence_num", FlowField.SEQUENCE_NUM, Render.UINT32),
            column("sampling_rate", FlowField.SAMPLING_RATE, Render.UINT64),
            column("sampler_address", FlowField.SAMPLER_ADDRESS, Render.ADDRESS),
            column("time_flow_start_ns", FlowField.TIME_FLOW_START_NS, Render.UINT64),
            column("time_flow_end_ns", FlowField.TIME_FLOW_END_NS, Render.UINT64),
            column("bytes", FlowField.BYTES, Render.UINT64),
            column("packets", FlowField.PACKETS, Render.UINT64),
            column("src_addr", FlowField.SRC_ADDR, Render.ADDRESS),
            column("dst_addr", FlowField.DST_ADDR, Render.ADDRESS),
            column("etype", FlowField.ETYPE, Render.ETYPE),
            column("proto", FlowField.PROTO, Render.PROTO),
            column("src_port", FlowField.SRC_PORT, Render.UINT32),
            column("dst_port", FlowField.DST_PORT, Render.UINT32),
            column("in_if", FlowField.IN_IF, Render.UINT32),
            column("out_if", FlowField.OUT_IF, Render.UINT32),
            column("src_mac", FlowField.SRC_MAC, Render.MAC),
            column("dst_mac", FlowField.DST_MAC, Render.MAC),
            column("src_vlan", FlowField.SRC_VLAN, Render.UINT32),
            column("dst_vlan", FlowField.DST_VLAN, Render.UINT32),
            column("vlan_id", FlowField.VLAN_ID, Render.UINT32),
            column("ip_tos", FlowField.IP_TOS, Render.UINT32),
            column("forwarding_status", FlowField.FORWARDING_STATUS, Render.UINT32),
            column("ip_ttl", FlowField.IP_TTL, Render.UINT32),
            column("ip_flags", FlowField.IP_FLAGS, Render.UINT32),
            column("tcp_flags", FlowField.TCP_FLAGS, Render.UINT32),
            column("icmp_type", FlowField.ICMP_TYPE, Render.UINT32),
            column("icmp_code", FlowField.ICMP_CODE, Render.UINT32),
            column("ipv6_flow_label", FlowField.IPV6_FLOW_LABEL, Render.UINT32),
            column("fragment_id", FlowField.FRAGMENT_ID, Render.UINT32),
            column("fragment_offset", FlowField.FRAGMENT_OFFSET, Render.UINT32),
            column("src_as", FlowField.SRC_AS, Render.UINT32),
            column("dst_as", FlowField.DST_AS, Render.UINT32),
            column("next_hop", FlowField.NEXT_HOP, Render.ADDRESS),
            column("next_hop_as", FlowField.NEXT_HOP_AS, Render.UINT32),
            column("src_net", FlowField.SRC_NET, Render.NETWORK),
            column("dst_net", FlowField.DST_NET, Render.NETWORK),
            column("bgp_next_hop", FlowField.BGP_NEXT_HOP, Render.ADDRESS),
            column("bgp_communities", FlowField.BGP_COMMUNITIES, Render.LIST),
            column("as_path", FlowField.AS_PATH, Render.LIST),
            column("mpls_ttl", FlowField.MPLS_TTL, Render.LIST),
            column("mpls_label", FlowField.MPLS_LABEL, Render.LIST),
            column("mpls_ip", FlowField.MPLS_IP, Render.ADDRESS_LIST),
            column("observation_domain_id", FlowField.OBSERVATION_DOMAIN_ID, Render.UINT32),
            column("observation_point_id", FlowField.OBSERVATION_POINT_ID, Render.UINT32),
            column("layer_stack", FlowField.LAYER_STACK, Render.LAYER_LIST),
            column("layer_size", FlowField.LAYER_SIZE, Render.LIST),
            column("ipv6_routing_header_addresses", FlowField.IPV6_ROUTING_HEADER_ADDRESSES, Render.ADDRESS_LIST),
            column("ipv6_routing_header_seg_left", FlowField.IPV6_ROUTING_HEADER_SEG_LEFT, Render.UINT32));

    /** goflow2's keys in order. */
    public static final List<String> KEYS = RECORD.stream().map(Column::key).toList();

    /**
     * The record as steps: per step the text before its value ({@code {"type":}, {@code ,"bytes":}), then the value's
     * rendering and field.
     */
    private static final WordText[] BEFORE;
    private static final Render[] RENDERS;
    private static final int[] FIELDS;
    private static final int MAX_OBJECT;
    /** Per step: what its value is masked with (uint32 fields are cut to 32 bits, as goflow2's message holds them). */
    private static final long[] MASKS;
    /** Per step: whether a zero value has one text, the one {@link #ALL_ZERO} has (all but the networks). */
    private static final boolean[] FOLDABLE;
    /**
     * The record with every foldable value zero: a run of zero values from step k to step j is the text from
     * {@code STARTS[k]} to {@code STARTS[j]}, copied at once ({@code STARTS[n]}: its end).
     */
    private static final byte[] ALL_ZERO;
    private static final int[] STARTS;

    private static final byte[][] TYPE_NAMES = JsonText.ascii("\"FLOWUNKNOWN\"", "\"SFLOW_5\"", "\"NETFLOW_V5\"", "\"NETFLOW_V9\"", "\"IPFIX\"");
    private static final byte[] IPV4 = quoted("IPv4");
    private static final byte[] IPV6 = quoted("IPv6");
    private static final byte[] ARP = quoted("ARP");
    private static final byte[] EMPTY = quoted("");
    private static final byte[] INVALID_PREFIX = quoted("invalid Prefix");
    /** The quoted protocol names of 0 to 255, and past a byte. */
    private static final byte[][] PROTO_NAMES = new byte[257][];

    static {
        List<byte[]> before = new ArrayList<>();
        List<Render> renders = new ArrayList<>();
        List<Integer> fields = new ArrayList<>();
        for (Column c : RECORD) {
            before.add(((before.isEmpty() ? "{\"" : ",\"") + c.key() + "\":").getBytes(StandardCharsets.US_ASCII));
            renders.add(c.render());
            fields.add(c.field().ordinal());
        }
        BEFORE = before.stream().map(WordText::new).toArray(WordText[]::new);
        RENDERS = renders.toArray(Render[]::new);
        FIELDS = fields.stream().mapToInt(Integer::intValue).toArray();
        for (int n = 0; n < PROTO_NAMES.length; n++) {
            PROTO_NAMES[n] = quoted(IpProtocolNames.name(n));
        }
        MASKS = new long[RENDERS.length];
        FOLDABLE = new boolean[RENDERS.length];
        STARTS = new int[RENDERS.length + 1];
        ByteArrayOutputStream zero = new ByteArrayOutputStream();
        for (int k = 0; k < RENDERS.length; k++) {
            MASKS[k] = switch (RENDERS[k]) {
                case UINT32, ETYPE, PROTO, NETWORK -> 0xFFFF_FFFFL;
                default -> -1L;
            };
            byte[] z = zeroText(RENDERS[k]);
            FOLDABLE[k] = z != null;
            STARTS[k] = zero.size();
            zero.writeBytes(before.get(k));
            zero.writeBytes(z == null ? new byte[0] : z);
        }
        STARTS[RENDERS.length] = zero.size();
        ALL_ZERO = zero.toByteArray();
        int longest = 0;
        for (int k = 0; k < BEFORE.length; k++) {
            // the longest value: a network "addr/128" in quotes, or a list at its longest
            longest += BEFORE[k].length() + WordText.SCRATCH + switch (RENDERS[k]) {
                case LIST -> JsonText.MAX_LIST_TEXT;
                case ADDRESS_LIST -> JsonText.MAX_ADDRESS_LIST_TEXT;
                case LAYER_LIST -> JsonText.MAX_LAYER_LIST_TEXT;
                default -> 2 + AddressFormat.MAX_TEXT + 4;
            };
        }
        MAX_OBJECT = longest + 64;
    }

    private static Column column(String key, FlowField field, Render render) {
        return new Column(key, field, render);
    }

    private static byte[] quoted(String text) {
        return ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
    }

    /** An encoder with an address memory of its own. */
    public Goflow2JsonEncoder() {
        super(MAX_OBJECT);
    }

    @Override
    int write(MessageSlots m, byte[] b, int p) {
        long present = m.present();
        int n = FIELDS.length;
        int k = 0;
        while (k < n) {
            int field = FIELDS[k];
            long v = (present & (1L << field)) != 0 ? m.value(field) & MASKS[k] : 0;
            if (v == 0 && FOLDABLE[k]) {
                // this value and the zero values after it read as in the all-zero record: one copy
                int j = k + 1;
                while (j < n && FOLDABLE[j] && ((present & (1L << FIELDS[j])) == 0 || (m.value(FIELDS[j]) & MASKS[j]) == 0)) {
                    j++;
                }
                int len = STARTS[j] - STARTS[k];
                System.arraycopy(ALL_ZERO, STARTS[k], b, p, len);
                p += len;
                k = j;
                continue;
            }
            p = BEFORE[k].write(b, p);
            switch (RENDERS[k]) {
                case UINT64, UINT32 -> p = JsonText.unsigned(b, p, v);
                case ADDRESS -> p = address(b, p, m, field, v);
                case MAC -> {
                    b[p++] = '"';
                    p = AddressFormat.mac(b, p, v);
                    b[p++] = '"';
                }
                case ETYPE -> p = JsonText.put(b, p, etype(v));
                case PROTO -> p = JsonText.put(b, p, PROTO_NAMES[(int) Math.min(v, 256)]);
                case NETWORK -> p = network(b, p, m, field, v);
                case LIST -> p = JsonText.list(b, p, m.list(field), (int) v);
                case ADDRESS_LIST -> p = addressList(b, p, m, field, (int) v);
                case LAYER_LIST -> p = JsonText.layers(b, p, m.list(field), (int) v);
                case TYPE -> p = JsonText.put(b, p, TYPE_NAMES[v >= 0 && v < TYPE_NAMES.length ? (int) v : 0]);
                default -> throw new IllegalStateException("no rendering " + RENDERS[k]);
            }
            k++;
        }
        return p;
    }

    /** The text of a zero (or unset) value of a rendering that has one text for it; null for a network. */
    private static byte[] zeroText(Render render) {
        return switch (render) {
            case TYPE -> TYPE_NAMES[0];
            case UINT64, UINT32 -> new byte[] {'0'};
            case ADDRESS, ETYPE -> EMPTY;
            case MAC -> quoted("00:00:00:00:00:00");
            case PROTO -> PROTO_NAMES[0];
            case LIST, ADDRESS_LIST, LAYER_LIST -> new byte[] {'[', ']'};
            default -> null;
        };
    }

    private static byte[] etype(long v) {
        if (v == 0x0800) {
            return IPV4;
        }
        if (v == 0x86DD) {
            return IPV6;
        }
        return v == 0x0806 ? ARP : EMPTY;
    }

    /** An address field's text in quotes, {@code ""} when it is not set ({@code len}: 0, 4 or 16). */
    private int address(byte[] b, int p, MessageSlots m, int field, long len) {
        if (len != 4 && len != 16) {
            return JsonText.put(b, p, EMPTY);
        }
        b[p++] = '"';
        p = addresses.address(b, p, field, m.addressBytes(), field * 16, (int) len, len);
        b[p++] = '"';
        return p;
    }

    /** The network of the prefix field's address, "network/bits" in quotes, or "invalid Prefix". */
    private int network(byte[] b, int p, MessageSlots m, int field, long bits) {
        FlowField of = field == FlowField.SRC_NET.ordinal() ? FlowField.SRC_ADDR : FlowField.DST_ADDR;
        int len = (int) m.get(of);
        if ((len != 4 && len != 16) || bits > 8L * len) {
            return JsonText.put(b, p, INVALID_PREFIX);
        }
        b[p++] = '"';
        p = addresses.network(b, p, field, m.addressBytes(), of.ordinal() * 16, len, bits);
        b[p++] = '/';
        p = JsonText.unsigned(b, p, bits);
        b[p++] = '"';
        return p;
    }
}
