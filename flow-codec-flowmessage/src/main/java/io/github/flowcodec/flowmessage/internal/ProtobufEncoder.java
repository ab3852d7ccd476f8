package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.flowmessage.FlowField;
import java.nio.charset.StandardCharsets;

/**
 * Writes a flow message as goflow2's protobuf {@code FlowMessage} (our {@code flow.proto}), preceded by its
 * length as a varint: the length-delimited framing of goflow2's {@code -format=bin}. As proto3 does, fields
 * of value 0 are left out; {@code uint32} fields take the low 32 bits of the value. Allocates nothing.
 */
public final class ProtobufEncoder {

    private static final FlowField[] FIELDS = FlowField.values();
    /** Per field: its number shifted to make a tag. */
    private static final long[] TAGS = new long[FIELDS.length];
    /** Per field: its kind's ordinal. */
    private static final int[] KINDS = new int[FIELDS.length];
    private static final int UINT32 = FlowField.Kind.UINT32.ordinal();
    private static final int ADDRESS = FlowField.Kind.ADDRESS.ordinal();
    private static final int PREFIX = FlowField.Kind.PREFIX.ordinal();
    private static final int SAMPLE_TYPE = FlowField.Kind.SAMPLE_TYPE.ordinal();
    private static final int LIST = FlowField.Kind.UINT32_LIST.ordinal();

    static {
        for (FlowField f : FIELDS) {
            TAGS[f.ordinal()] = (long) f.protobufNumber() << 3;
            KINDS[f.ordinal()] = f.kind().ordinal();
        }
    }
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final byte[][] SAMPLE_TYPES = {ascii("unknown"), ascii("flow"), ascii("counter"), ascii("expanded"),
        ascii("expanded_counter")};
    /** A message is at most this long: every field set, each at its longest. */
    private static final int MAX_MESSAGE = 1024 + MessageSlots.LIST_FIELDS * (MessageSlots.MAX_LIST * 5 + 8);

    private final byte[] message = new byte[MAX_MESSAGE];

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the varint length and the message. */
    public void write(MessageSlots m, ByteSink out) {
        byte[] b = message;
        int p = 0;
        byte[] addresses = m.addressBytes();
        for (long set = m.present(); set != 0; set &= set - 1) {
            int field = Long.numberOfTrailingZeros(set);
            long v = m.value(field);
            int kind = KINDS[field];
            if (kind == ADDRESS) {
                p = varint(b, p, TAGS[field] | LENGTH_DELIMITED);
                b[p++] = (byte) v; // 4 or 16
                System.arraycopy(addresses, field * 16, b, p, (int) v);
                p += (int) v;
            } else if (kind == LIST) {
                p = packed(b, p, TAGS[field] | LENGTH_DELIMITED, m.list(field), (int) v);
            } else if (kind == SAMPLE_TYPE) {
                byte[] name = SAMPLE_TYPES[v >= 0 && v < SAMPLE_TYPES.length ? (int) v : 0];
                p = varint(b, p, TAGS[field] | LENGTH_DELIMITED);
                b[p++] = (byte) name.length;
                System.arraycopy(name, 0, b, p, name.length);
                p += name.length;
            } else {
                if (kind == UINT32 || kind == PREFIX) {
                    v &= 0xFFFF_FFFFL;
                }
                if (v != 0) {
                    p = varint(b, p, TAGS[field] | VARINT);
                    p = varint(b, p, v);
                }
            }
        }
        out.ensure(p + 10);
        out.pos = varint(out.buf, out.pos, p);
        System.arraycopy(b, 0, out.buf, out.pos, p);
        out.pos += p;
    }

    /** A packed repeated uint32: the tag, the length, the numbers as varints (nothing for an empty list, as proto3). */
    private static int packed(byte[] b, int p, long tag, int[] list, int n) {
        if (n == 0) {
            return p;
        }
        int length = 0;
        for (int i = 0; i < n; i++) {
            length += varintLength(list[i] & 0xFFFF_FFFFL);
        }
        p = varint(b, p, tag);
        p = varint(b, p, length);
        for (int i = 0; i < n; i++) {
            p = varint(b, p, list[i] & 0xFFFF_FFFFL);
        }
        return p;
    }

    private static int varintLength(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private static int varint(byte[] b, int p, long v) {
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }
}
