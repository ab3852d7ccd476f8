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
    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final byte[][] SAMPLE_TYPES = {ascii("unknown"), ascii("flow"), ascii("counter"), ascii("expanded"),
        ascii("expanded_counter")};
    /** A message is at most this long: every field set, each at its longest. */
    private static final int MAX_MESSAGE = 1024;

    private final ByteSink message = new ByteSink(MAX_MESSAGE);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the varint length and the message. */
    public void write(MessageSlots m, ByteSink out) {
        ByteSink b = message;
        b.reset();
        b.ensure(MAX_MESSAGE);
        for (long set = m.present(); set != 0; set &= set - 1) {
            FlowField f = FIELDS[Long.numberOfTrailingZeros(set)];
            long v = m.get(f);
            int number = f.protobufNumber();
            switch (f.kind()) {
                case UINT32:
                case PREFIX:
                    v &= 0xFFFF_FFFFL;
                    // fall through
                case TYPE:
                case UINT64:
                case MAC:
                    if (v != 0) {
                        varint(b, (long) number << 3 | VARINT);
                        varint(b, v);
                    }
                    break;
                case ADDRESS:
                    varint(b, (long) number << 3 | LENGTH_DELIMITED);
                    varint(b, v);
                    System.arraycopy(m.addressBytes(), f.ordinal() * 16, b.buf, b.pos, (int) v);
                    b.pos += (int) v;
                    break;
                default:
                    byte[] name = SAMPLE_TYPES[v >= 0 && v < SAMPLE_TYPES.length ? (int) v : 0];
                    varint(b, (long) number << 3 | LENGTH_DELIMITED);
                    varint(b, name.length);
                    System.arraycopy(name, 0, b.buf, b.pos, name.length);
                    b.pos += name.length;
                    break;
            }
        }
        out.ensure(b.pos + 10);
        varint(out, b.pos);
        System.arraycopy(b.buf, 0, out.buf, out.pos, b.pos);
        out.pos += b.pos;
    }

    private static void varint(ByteSink out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.buf[out.pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.buf[out.pos++] = (byte) v;
    }
}
