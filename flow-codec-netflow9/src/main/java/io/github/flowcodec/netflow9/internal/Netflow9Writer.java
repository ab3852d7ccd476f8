package io.github.flowcodec.netflow9.internal;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.Netflow9;
import java.nio.ByteBuffer;

/** Writes the pieces of NetFlow v9 packets at absolute or relative positions; shared by the encoder and the builder. */
public final class Netflow9Writer {

    private Netflow9Writer() {
    }

    /** Writes a header at {@code at}. */
    public static void header(ByteBuffer b, int at, int version, int count, long sysUptime, long unixSecs, long sequence, long sourceId) {
        b.putShort(at, (short) version);
        b.putShort(at + 2, (short) count);
        b.putInt(at + 4, (int) sysUptime);
        b.putInt(at + 8, (int) unixSecs);
        b.putInt(at + 12, (int) sequence);
        b.putInt(at + 16, (int) sourceId);
    }

    /** Bytes a template record takes (template or options template). */
    public static int templateRecordLength(Template t) {
        return (t.isOptions() ? 6 : 4) + 4 * t.fieldCount();
    }

    /**
     * Writes a template record (plain or options) at the position.
     *
     * @throws IllegalArgumentException if a field cannot be carried by NetFlow v9
     */
    public static void templateRecord(ByteBuffer b, Template t) {
        b.putShort((short) t.id());
        if (t.isOptions()) {
            b.putShort((short) (4 * t.scopeFieldCount()));
            b.putShort((short) (4 * (t.fieldCount() - t.scopeFieldCount())));
        } else {
            b.putShort((short) t.fieldCount());
        }
        for (int i = 0; i < t.fieldCount(); i++) {
            FieldSpec f = t.field(i);
            b.putShort((short) Netflow9.fieldType(f.element(), i < t.scopeFieldCount()));
            b.putShort((short) f.length());
        }
    }

    /** Checks that NetFlow v9 can carry the template (field types, scope fields, sizes). */
    public static void check(Template t) {
        if (t.id() < Netflow9.MIN_DATA_SET_ID) {
            throw new IllegalArgumentException("template id " + t.id() + " is below 256");
        }
        if (t.fieldCount() == 0) {
            throw new IllegalArgumentException("template " + t.id() + " has no fields");
        }
        if (t.isOptions() && 4 * t.fieldCount() > 0xFFFF) {
            throw new IllegalArgumentException("options template " + t.id() + " has too many fields for v9");
        }
        for (int i = 0; i < t.fieldCount(); i++) {
            FieldSpec f = t.field(i);
            if (f.length() == 0) {
                throw new IllegalArgumentException("template " + t.id() + ": field " + i + " has length 0");
            }
            boolean scope = i < t.scopeFieldCount();
            Netflow9.fieldType(f.element(), scope);
            if (scope && f.element().enterprise() != Netflow9.SCOPE_ENTERPRISE) {
                throw new IllegalArgumentException("template " + t.id() + ": scope field " + i + " is " + f.element()
                        + ", not a v9 scope type (Netflow9.scopeElement)");
            }
        }
        if (templateRecordLength(t) + 4 > 0xFFFF) {
            throw new IllegalArgumentException("template " + t.id() + " does not fit a FlowSet");
        }
    }

    /** Zero bytes up to the next multiple of 4 from {@code setStart}; the new position. */
    public static int pad(ByteBuffer b, int setStart) {
        while (((b.position() - setStart) & 3) != 0) {
            b.put((byte) 0);
        }
        return b.position();
    }
}
