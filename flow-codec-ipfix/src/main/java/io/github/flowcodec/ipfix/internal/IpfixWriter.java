package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.TemplatedWireFormat;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.core.internal.templated.TemplatedWireSets;
import io.github.flowcodec.ipfix.Ipfix;
import java.nio.ByteBuffer;

/**
 * The IPFIX wire format: writes the pieces of messages, and holds the {@link TemplatedWireFormat} of the
 * encoder's {@code TemplatedWriter} ({@link #FORMAT}). Shared by the encoder and the message builder; the sets
 * themselves are written by {@link TemplatedWireSets}.
 *
 * <pre>{@code
 * buffer.position(Ipfix.HEADER_LENGTH);
 * int set = TemplatedWireSets.openSet(buffer, Ipfix.TEMPLATE_SET_ID);
 * IpfixWriter.templateRecord(buffer, template);
 * TemplatedWireSets.closeSet(buffer, set, 0);
 * IpfixWriter.header(buffer, 0, Ipfix.VERSION, buffer.position(), exportSeconds, sequence, domain);
 * }</pre>
 */
public final class IpfixWriter {

    /** The IPFIX wire format: sets not padded, the sequence number counting data records, withdrawals. */
    public static final TemplatedWireFormat FORMAT = new TemplatedWireFormat(FlowProtocol.IPFIX, "message",
            IpfixLayout.HEADER_LENGTH, Ipfix.TEMPLATE_SET_ID, Ipfix.OPTIONS_TEMPLATE_SET_ID, 0, true, true,
            IpfixWriter::check, IpfixWriter::templateRecordLength, IpfixWriter::templateRecord, IpfixWriter::encodedHeader);

    private IpfixWriter() {
    }

    /** Writes a message header with these fields at {@code at} (each cut to its width). */
    public static void header(ByteBuffer b, int at, int version, int length, long exportSeconds, long sequence, long domain) {
        b.putShort(at + IpfixLayout.VERSION, (short) version);
        b.putShort(at + IpfixLayout.LENGTH, (short) length);
        b.putInt(at + IpfixLayout.EXPORT_TIME, (int) exportSeconds);
        b.putInt(at + IpfixLayout.SEQUENCE, (int) sequence);
        b.putInt(at + IpfixLayout.DOMAIN, (int) domain);
    }

    /** Bytes a template record takes (template or options template). */
    public static int templateRecordLength(Template t) {
        int n = t.isOptions() ? IpfixLayout.OPTIONS_TEMPLATE_HEADER_LENGTH : TemplatedWireLayout.TEMPLATE_HEADER_LENGTH;
        for (FieldSpec f : t.fields()) {
            n += Ipfix.fieldSpecifierLength(f);
        }
        return n;
    }

    /** Writes a template record (plain or options) at the position. */
    public static void templateRecord(ByteBuffer b, Template t) {
        int at = b.position();
        b.putShort(at + TemplatedWireLayout.TEMPLATE_ID, (short) t.id());
        b.putShort(at + TemplatedWireLayout.TEMPLATE_FIELD_COUNT, (short) t.fieldCount());
        if (t.isOptions()) {
            b.putShort(at + IpfixLayout.OPTIONS_SCOPE_FIELD_COUNT, (short) t.scopeFieldCount());
            at += IpfixLayout.OPTIONS_TEMPLATE_HEADER_LENGTH;
        } else {
            at += TemplatedWireLayout.TEMPLATE_HEADER_LENGTH;
        }
        for (FieldSpec f : t.fields()) {
            InformationElement e = f.element();
            boolean enterprise = e.enterprise() != 0;
            b.putShort(at + TemplatedWireLayout.FIELD_TYPE, (short) (enterprise ? e.id() | Ipfix.ENTERPRISE_BIT : e.id()));
            b.putShort(at + TemplatedWireLayout.FIELD_LENGTH, (short) f.length());
            if (enterprise) {
                b.putInt(at + IpfixLayout.ENTERPRISE_NUMBER, (int) e.enterprise());
                at += IpfixLayout.ENTERPRISE_FIELD_SPECIFIER_LENGTH;
            } else {
                at += TemplatedWireLayout.FIELD_SPECIFIER_LENGTH;
            }
        }
        b.position(at);
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
        if (IpfixLayout.HEADER_LENGTH + TemplatedWireLayout.SET_HEADER_LENGTH + templateRecordLength(t) > Ipfix.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("template " + t.id() + " does not fit a message");
        }
    }

    /** The header of an encoded message: its length, the export time in seconds (no uptime, no count). */
    private static void encodedHeader(ByteBuffer b, int at, int length, int records, long nowMillis, long sequence,
            long domain, long bootMillis) {
        header(b, at, Ipfix.VERSION, length, Math.floorDiv(nowMillis, 1000) & 0xFFFF_FFFFL, sequence, domain);
    }
}
