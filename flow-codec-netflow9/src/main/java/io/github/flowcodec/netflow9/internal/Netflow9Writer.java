package io.github.flowcodec.netflow9.internal;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.TemplatedWireFormat;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.core.internal.templated.TemplatedWireSets;
import io.github.flowcodec.netflow9.Netflow9;
import java.nio.ByteBuffer;

/**
 * The NetFlow v9 wire format: writes the pieces of packets at absolute or relative positions, and holds the
 * {@link TemplatedWireFormat} of the encoder's {@code TemplatedWriter} ({@link #FORMAT}). Shared by the encoder
 * and the packet builder; the sets themselves are written by {@link TemplatedWireSets}.
 *
 * <pre>{@code
 * buffer.position(Netflow9.HEADER_LENGTH);
 * int set = TemplatedWireSets.openSet(buffer, Netflow9.TEMPLATE_SET_ID);
 * Netflow9Writer.templateRecord(buffer, template);
 * TemplatedWireSets.closeSet(buffer, set, Netflow9Writer.FORMAT.padMask());
 * Netflow9Writer.header(buffer, 0, Netflow9.VERSION, 1, uptimeMillis, unixSeconds, sequence, sourceId);
 * }</pre>
 */
public final class Netflow9Writer {

    /** The NetFlow v9 wire format: FlowSets padded to 4 bytes, the sequence number counting packets, no withdrawal. */
    public static final TemplatedWireFormat FORMAT = new TemplatedWireFormat(FlowProtocol.NETFLOW_V9, "packet",
            Netflow9Layout.HEADER_LENGTH, Netflow9.TEMPLATE_SET_ID, Netflow9.OPTIONS_TEMPLATE_SET_ID,
            Netflow9Layout.SET_ALIGNMENT - 1, false, false, Netflow9Writer::check, Netflow9Writer::templateRecordLength,
            Netflow9Writer::templateRecord, Netflow9Writer::encodedHeader);

    private Netflow9Writer() {
    }

    /** Writes a header with these fields at {@code at} (each cut to its width). */
    public static void header(ByteBuffer b, int at, int version, int count, long sysUptime, long unixSecs, long sequence, long sourceId) {
        b.putShort(at + Netflow9Layout.VERSION, (short) version);
        b.putShort(at + Netflow9Layout.COUNT, (short) count);
        b.putInt(at + Netflow9Layout.SYS_UPTIME, (int) sysUptime);
        b.putInt(at + Netflow9Layout.UNIX_SECS, (int) unixSecs);
        b.putInt(at + Netflow9Layout.SEQUENCE, (int) sequence);
        b.putInt(at + Netflow9Layout.SOURCE_ID, (int) sourceId);
    }

    /** Bytes a template record takes (template or options template). */
    public static int templateRecordLength(Template t) {
        return (t.isOptions() ? Netflow9Layout.OPTIONS_TEMPLATE_HEADER_LENGTH : TemplatedWireLayout.TEMPLATE_HEADER_LENGTH)
                + TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * t.fieldCount();
    }

    /**
     * Writes a template record (plain or options) at the position.
     *
     * @throws IllegalArgumentException if a field cannot be carried by NetFlow v9
     */
    public static void templateRecord(ByteBuffer b, Template t) {
        int at = b.position();
        b.putShort(at + TemplatedWireLayout.TEMPLATE_ID, (short) t.id());
        int p;
        if (t.isOptions()) {
            int scopes = t.scopeFieldCount();
            b.putShort(at + Netflow9Layout.OPTIONS_SCOPE_LENGTH, (short) (TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * scopes));
            b.putShort(at + Netflow9Layout.OPTIONS_OPTION_LENGTH,
                    (short) (TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * (t.fieldCount() - scopes)));
            p = at + Netflow9Layout.OPTIONS_TEMPLATE_HEADER_LENGTH;
        } else {
            b.putShort(at + TemplatedWireLayout.TEMPLATE_FIELD_COUNT, (short) t.fieldCount());
            p = at + TemplatedWireLayout.TEMPLATE_HEADER_LENGTH;
        }
        b.position(p);
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
        if (t.isOptions() && TemplatedWireLayout.FIELD_SPECIFIER_LENGTH * t.fieldCount() > 0xFFFF) {
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
        if (templateRecordLength(t) + TemplatedWireLayout.SET_HEADER_LENGTH > TemplatedWireLayout.MAX_SET_LENGTH) {
            throw new IllegalArgumentException("template " + t.id() + " does not fit a FlowSet");
        }
    }

    /** The header of an encoded packet: sys_uptime from the boot time, count the template and data records. */
    private static void encodedHeader(ByteBuffer b, int at, int length, int records, long nowMillis, long sequence,
            long sourceId, long bootMillis) {
        header(b, at, Netflow9.VERSION, records, (nowMillis - bootMillis) & 0xFFFF_FFFFL,
                Math.floorDiv(nowMillis, 1000) & 0xFFFF_FFFFL, sequence, sourceId);
    }
}
