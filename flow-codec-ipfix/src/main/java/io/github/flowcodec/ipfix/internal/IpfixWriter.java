package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.Ipfix;
import java.nio.ByteBuffer;

/** Writes the pieces of IPFIX messages; shared by the encoder and the builder. */
public final class IpfixWriter {

    private IpfixWriter() {
    }

    /** Writes a message header at {@code at}. */
    public static void header(ByteBuffer b, int at, int version, int length, long exportSeconds, long sequence, long domain) {
        b.putShort(at, (short) version);
        b.putShort(at + 2, (short) length);
        b.putInt(at + 4, (int) exportSeconds);
        b.putInt(at + 8, (int) sequence);
        b.putInt(at + 12, (int) domain);
    }

    /** Bytes a template record takes (template or options template). */
    public static int templateRecordLength(Template t) {
        int n = t.isOptions() ? 6 : 4;
        for (FieldSpec f : t.fields()) {
            n += Ipfix.fieldSpecifierLength(f);
        }
        return n;
    }

    /** Writes a template record (plain or options) at the position. */
    public static void templateRecord(ByteBuffer b, Template t) {
        b.putShort((short) t.id());
        b.putShort((short) t.fieldCount());
        if (t.isOptions()) {
            b.putShort((short) t.scopeFieldCount());
        }
        for (FieldSpec f : t.fields()) {
            InformationElement e = f.element();
            if (e.enterprise() != 0) {
                b.putShort((short) (e.id() | Ipfix.ENTERPRISE_BIT));
                b.putShort((short) f.length());
                b.putInt((int) e.enterprise());
            } else {
                b.putShort((short) e.id());
                b.putShort((short) f.length());
            }
        }
    }

    /**
     * Checks that IPFIX can carry the template: id 256 and above, at least one field, element ids up to
     * 32767, no field of length 0, and a template record that fits a set.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void check(Template t) {
        if (t.id() < Ipfix.MIN_DATA_SET_ID) {
            throw new IllegalArgumentException("template id " + t.id() + " is below 256");
        }
        if (t.fieldCount() == 0) {
            throw new IllegalArgumentException("template " + t.id() + " has no fields");
        }
        for (int i = 0; i < t.fieldCount(); i++) {
            FieldSpec f = t.field(i);
            if (f.length() == 0) {
                throw new IllegalArgumentException("template " + t.id() + ": field " + i + " has length 0");
            }
            if (!Ipfix.representable(f)) {
                throw new IllegalArgumentException("template " + t.id() + ": field " + i + " (" + f.element()
                        + ") has an element id above 32767, which IPFIX cannot carry");
            }
        }
        if (Ipfix.HEADER_LENGTH + Ipfix.SET_HEADER_LENGTH + templateRecordLength(t) > Ipfix.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("template " + t.id() + " does not fit a message");
        }
    }
}
