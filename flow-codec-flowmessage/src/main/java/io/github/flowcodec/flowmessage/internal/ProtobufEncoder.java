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
    /** Per field: its tag (number and wire type) as varint bytes, the first in the low byte. */
    private static final int[] TAG_BYTES = new int[FIELDS.length];
    /** Per field: how many bytes its tag takes (1 or 2). */
    private static final int[] TAG_LENGTHS = new int[FIELDS.length];
    /** Per field: how its value is written, one of the constants below (a number first: most fields are). */
    private static final int[] WRITES = new int[FIELDS.length];
    /** A varint, left out when 0. */
    private static final int NUMBER = 0;
    /** Bytes: an address of 4 or 16. */
    private static final int ADDRESS = 1;
    /** A packed repeated varint: numbers, layers. */
    private static final int PACKED = 2;
    /** A repeated bytes: an address list. */
    private static final int ADDRESSES = 3;
    /** A string: the sFlow sample type's name. */
    private static final int NAME = 4;
    /** Per field: what a number is masked with (uint32 fields take the low 32 bits). */
    private static final long[] MASKS = new long[FIELDS.length];

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;

    static {
        byte[] tag = new byte[10];
        for (FlowField f : FIELDS) {
            int o = f.ordinal();
            WRITES[o] = switch (f.kind()) {
                case ADDRESS -> ADDRESS;
                case UINT32_LIST, LAYER_LIST -> PACKED;
                case ADDRESS_LIST -> ADDRESSES;
                case SAMPLE_TYPE -> NAME;
                default -> NUMBER;
            };
            MASKS[o] = f.kind() == FlowField.Kind.UINT32 || f.kind() == FlowField.Kind.PREFIX ? 0xFFFF_FFFFL : -1L;
            boolean bytes = WRITES[o] != NUMBER;
            int n = varint(tag, 0, (long) f.protobufNumber() << 3 | (bytes ? LENGTH_DELIMITED : VARINT));
            if (n > 2) {
                throw new IllegalStateException("protobuf number too large for a 2-byte tag: " + f);
            }
            TAG_LENGTHS[o] = n;
            TAG_BYTES[o] = (tag[0] & 0xFF) | (n == 2 ? (tag[1] & 0xFF) << 8 : 0);
        }
    }
    private static final byte[][] SAMPLE_TYPES = {ascii("unknown"), ascii("flow"), ascii("counter"), ascii("expanded"),
        ascii("expanded_counter")};
    /**
     * A message is at most this long: every field set, each at its longest (a list of numbers: tag, length, varints
     * of 5 bytes at most; a list of addresses: per entry a tag, a length and 16 bytes).
     */
    private static final int MAX_MESSAGE = 1024 + MessageSlots.LIST_FIELDS * (MessageSlots.MAX_LIST * 5 + 8)
            + MessageSlots.ADDRESS_LIST_FIELDS * MessageSlots.MAX_LIST * (2 + 1 + 16);

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
            int write = WRITES[field];
            if (write == NUMBER) {
                v &= MASKS[field];
                if (v != 0) {
                    p = varint(b, tag(b, p, field), v);
                }
            } else if (write == ADDRESS) {
                p = tag(b, p, field);
                b[p++] = (byte) v; // 4 or 16
                System.arraycopy(addresses, field * 16, b, p, (int) v);
                p += (int) v;
            } else if (write == PACKED) {
                p = packed(b, p, field, m.list(field), (int) v);
            } else if (write == ADDRESSES) {
                p = addresses(b, p, field, m.list(field), m.addressList(field), (int) v);
            } else {
                byte[] name = SAMPLE_TYPES[v >= 0 && v < SAMPLE_TYPES.length ? (int) v : 0];
                p = tag(b, p, field);
                b[p++] = (byte) name.length;
                System.arraycopy(name, 0, b, p, name.length);
                p += name.length;
            }
        }
        out.ensure(p + 10);
        out.pos = varint(out.buf, out.pos, p);
        System.arraycopy(b, 0, out.buf, out.pos, p);
        out.pos += p;
    }

    /** A packed repeated uint32: the tag, the length, the numbers as varints (nothing for an empty list, as proto3). */
    private static int packed(byte[] b, int p, int field, int[] list, int n) {
        if (n == 0) {
            return p;
        }
        int length = 0;
        for (int i = 0; i < n; i++) {
            length += varintLength(list[i] & 0xFFFF_FFFFL);
        }
        p = tag(b, p, field);
        p = varint(b, p, length);
        for (int i = 0; i < n; i++) {
            p = varint(b, p, list[i] & 0xFFFF_FFFFL);
        }
        return p;
    }

    /** A repeated bytes: per entry the tag, its length (0 to 16) and its bytes (entry i at {@code 16 * i}). */
    private static int addresses(byte[] b, int p, int field, int[] lengths, byte[] bytes, int n) {
        for (int i = 0; i < n; i++) {
            p = tag(b, p, field);
            int len = lengths[i];
            b[p++] = (byte) len;
            System.arraycopy(bytes, 16 * i, b, p, len);
            p += len;
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

    /** Writes a field's tag (1 or 2 bytes, made once). */
    private static int tag(byte[] b, int p, int field) {
        int t = TAG_BYTES[field];
        b[p] = (byte) t;
        if (TAG_LENGTHS[field] == 1) {
            return p + 1;
        }
        b[p + 1] = (byte) (t >>> 8);
        return p + 2;
    }

    /** Writes a varint: values below 2^14 (most of a message's) without a loop. */
    private static int varint(byte[] b, int p, long v) {
        if (v >>> 7 == 0) {
            b[p] = (byte) v;
            return p + 1;
        }
        if (v >>> 14 == 0) {
            b[p] = (byte) (v | 0x80);
            b[p + 1] = (byte) (v >>> 7);
            return p + 2;
        }
        return longVarint(b, p, v);
    }

    private static int longVarint(byte[] b, int p, long v) {
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }
}
