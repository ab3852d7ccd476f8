package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.nio.charset.StandardCharsets;

/**
 * Writes a flow message as one JSON object in flowcodec's compact layout ({@code JsonLayout.COMPACT}): goflow2's
 * keys, the set fields only, in {@link FlowField} order, without allocating: numbers, addresses
 * ({@link AddressFormat}), MACs and prefixes are formatted straight into the sink's array. One instance per
 * thread.
 */
public final class JsonLineEncoder extends JsonObjectEncoder {

    /**
     * The longest object: every field set, each at its longest (a key, a prefix of 45 + 1 + 20 bytes, quotes; a list
     * of {@link MessageSlots#MAX_LIST} entries).
     */
    private static final int MAX_OBJECT = MessageSlots.FIELDS * 100 + java.util.Arrays.stream(FlowField.values())
            .filter(f -> f.kind().isList()).mapToInt(f -> JsonText.maxListText(f.kind())).sum() + 8;

    private static final FlowField[] FIELDS = FlowField.values();
    /** Per field: {@code ,"key":}, written a word at a time. */
    private static final WordText[] KEYS = new WordText[FIELDS.length];
    private static final int SRC_NET = FlowField.SRC_NET.ordinal();
    private static final int DST_NET = FlowField.DST_NET.ordinal();
    /** Per field: its kind's ordinal. */
    private static final int[] KINDS = new int[FIELDS.length];
    private static final int TYPE = FlowField.Kind.TYPE.ordinal();
    private static final int UINT64 = FlowField.Kind.UINT64.ordinal();
    private static final int UINT32 = FlowField.Kind.UINT32.ordinal();
    private static final int ADDRESS = FlowField.Kind.ADDRESS.ordinal();
    private static final int MAC = FlowField.Kind.MAC.ordinal();
    private static final int PREFIX = FlowField.Kind.PREFIX.ordinal();
    private static final int LIST = FlowField.Kind.UINT32_LIST.ordinal();
    private static final int ADDRESS_LIST = FlowField.Kind.ADDRESS_LIST.ordinal();
    private static final int LAYER_LIST = FlowField.Kind.LAYER_LIST.ordinal();
    private static final byte[][] TYPE_NAMES = JsonText.ascii("\"FLOWUNKNOWN\"", "\"SFLOW_5\"", "\"NETFLOW_V5\"", "\"NETFLOW_V9\"", "\"IPFIX\"");
    private static final byte[][] SAMPLE_TYPES = JsonText.ascii("\"unknown\"", "\"flow\"", "\"counter\"", "\"expanded\"", "\"expanded_counter\"");

    static {
        for (FlowField f : FIELDS) {
            KEYS[f.ordinal()] = new WordText((",\"" + f.jsonKey() + "\":").getBytes(StandardCharsets.US_ASCII));
            KINDS[f.ordinal()] = f.kind().ordinal();
        }
    }

    /** An encoder with an address memory of its own. */
    public JsonLineEncoder() {
        super(MAX_OBJECT);
    }

    /** Writes {@code {"type":...,...} } without the closing brace, so a caller may add members. */
    @Override
    int write(MessageSlots m, byte[] b, int p) {
        int open = p;
        byte[] bytes = m.addressBytes();
        for (long set = m.present(); set != 0; set &= set - 1) {
            int field = Long.numberOfTrailingZeros(set);
            p = KEYS[field].write(b, p); // and scratch past the key, which the value overwrites (MAX_OBJECT has room)
            long v = m.value(field);
            int kind = KINDS[field];
            if (kind == UINT64 || kind == UINT32) {
                p = JsonText.unsigned(b, p, v);
            } else if (kind == ADDRESS) {
                b[p++] = '"';
                p = addresses.address(b, p, field, bytes, field * 16, (int) v, v);
                b[p++] = '"';
            } else if (kind == PREFIX) {
                p = prefix(b, p, m, FIELDS[field].prefixOf(), v);
            } else if (kind == MAC) {
                b[p++] = '"';
                p = AddressFormat.mac(b, p, v);
                b[p++] = '"';
            } else if (kind == LIST) {
                p = JsonText.list(b, p, m.list(field), (int) v);
            } else if (kind == ADDRESS_LIST) {
                p = addressList(b, p, m, field, (int) v);
            } else if (kind == LAYER_LIST) {
                p = JsonText.layers(b, p, m.list(field), (int) v);
            } else if (kind == TYPE) {
                p = JsonText.put(b, p, TYPE_NAMES[v >= 0 && v < TYPE_NAMES.length ? (int) v : 0]);
            } else {
                p = JsonText.put(b, p, SAMPLE_TYPES[v >= 0 && v < SAMPLE_TYPES.length ? (int) v : 0]);
            }
        }
        b[open] = '{'; // the first key's comma
        return Math.max(p, open + 1);
    }

    /** "network/length": the address field {@code of} with the bits past {@code bits} cleared. */
    private int prefix(byte[] b, int p, MessageSlots m, FlowField of, long bits) {
        int len = (int) m.get(of);
        b[p++] = '"';
        p = addresses.network(b, p, of == FlowField.SRC_ADDR ? SRC_NET : DST_NET, m.addressBytes(), of.ordinal() * 16, len, bits);
        b[p++] = '/';
        p = JsonText.signed(b, p, bits);
        b[p++] = '"';
        return p;
    }
}
