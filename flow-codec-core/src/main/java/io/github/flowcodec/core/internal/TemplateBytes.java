package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DataTypeSemantics;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte forms of {@link Template} and {@link TemplateScope} that a shared template store keeps (see
 * {@link Template#toBytes()}). Big-endian, versioned by a first byte, self-describing: a template carries
 * each element's full description, so a node that decodes it needs no registry and reads data exactly as
 * the node that learned it.
 *
 * <pre>
 * template: u8 format (1) | u16 id | u16 scope field count | u16 field count | field*
 * field:    u32 enterprise | u16 element id | u16 length | u8 data type | u8 semantics | u16 unit
 *           | u8 known (0/1) | u16 name length | UTF-8 name
 * scope:    u8 format (1) | u8 protocol (FlowProtocol ordinal) | u8 address length (4/16) | address
 *           | u16 port | u32 observation domain
 * </pre>
 */
public final class TemplateBytes {

    private static final int FORMAT = 1;

    private TemplateBytes() {
    }

    public static byte[] template(Template t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + 24 * t.fieldCount());
        out.write(FORMAT);
        u16(out, t.id());
        u16(out, t.scopeFieldCount());
        u16(out, t.fieldCount());
        for (FieldSpec f : t.fields()) {
            InformationElement e = f.element();
            u32(out, e.enterprise());
            u16(out, e.id());
            u16(out, f.length());
            out.write(e.dataType().code());
            out.write(e.semantics().code());
            u16(out, e.unit().code());
            out.write(e.isKnown() ? 1 : 0);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            u16(out, name.length);
            out.writeBytes(name);
        }
        return out.toByteArray();
    }

    public static Template template(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            format(b, "template");
            int id = u16(b);
            int scopeCount = u16(b);
            int count = u16(b);
            if (count > b.remaining() / 15) {
                throw new IllegalArgumentException(count + " fields cannot fit in " + bytes.length + " bytes");
            }
            List<FieldSpec> fields = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long enterprise = b.getInt() & 0xFFFF_FFFFL;
                int elementId = u16(b);
                int length = u16(b);
                DataType type = DataType.fromCode(b.get() & 0xFF);
                DataTypeSemantics semantics = DataTypeSemantics.fromCode(b.get() & 0xFF);
                io.github.flowcodec.core.Unit unit = io.github.flowcodec.core.Unit.fromCode(u16(b));
                boolean known = b.get() != 0;
                byte[] name = new byte[u16(b)];
                b.get(name);
                InformationElement e = known
                        ? InformationElement.of(enterprise, elementId, new String(name, StandardCharsets.UTF_8), type, semantics, unit)
                        : InformationElement.unknown(enterprise, elementId);
                fields.add(FieldSpec.of(e, length));
            }
            end(b, "template");
            return scopeCount == 0 ? Template.of(id, fields) : Template.options(id, scopeCount, fields);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("template bytes end early (" + bytes.length + " bytes)", e);
        }
    }

    public static byte[] scope(TemplateScope s) {
        byte[] address = s.exporter().getAddress();
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + address.length);
        out.write(FORMAT);
        out.write(s.protocol().ordinal());
        out.write(address.length);
        out.writeBytes(address);
        u16(out, s.port());
        u32(out, s.observationDomainId());
        return out.toByteArray();
    }

    public static TemplateScope scope(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            format(b, "scope");
            int protocol = b.get() & 0xFF;
            FlowProtocol[] protocols = FlowProtocol.values();
            if (protocol >= protocols.length) {
                throw new IllegalArgumentException("unknown protocol " + protocol + " in scope bytes");
            }
            int length = b.get() & 0xFF;
            if (length != 4 && length != 16) {
                throw new IllegalArgumentException("an address of " + length + " bytes in scope bytes");
            }
            byte[] address = new byte[length];
            b.get(address);
            int port = u16(b);
            long domain = b.getInt() & 0xFFFF_FFFFL;
            end(b, "scope");
            return new TemplateScope(protocols[protocol], InetAddress.getByAddress(address), port, domain);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("scope bytes end early (" + bytes.length + " bytes)", e);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address in scope bytes", e); // unreachable: length checked
        }
    }

    private static void format(ByteBuffer b, String what) {
        int format = b.get() & 0xFF;
        if (format != FORMAT) {
            throw new IllegalArgumentException(what + " bytes in format " + format + ", this version reads " + FORMAT);
        }
    }

    private static void end(ByteBuffer b, String what) {
        if (b.hasRemaining()) {
            throw new IllegalArgumentException(b.remaining() + " bytes after the " + what + " at offset " + b.position());
        }
    }

    private static int u16(ByteBuffer b) {
        return b.getShort() & 0xFFFF;
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v >>> 16) & 0xFFFF);
        u16(out, (int) v & 0xFFFF);
    }
}
