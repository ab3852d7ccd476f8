package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The field specifiers of one template record, read once from the packet (element id, enterprise number,
 * length and where each specifier stands) and then checked, compared with the stored template and, when it
 * differs, built into a {@link Template} from these arrays, never from the bytes again. One per engine,
 * reused: nothing is allocated for a template record that refreshes a stored template.
 */
final class FieldSpecifiers {

    /** IPFIX: the bit of a field type that says an enterprise number follows. */
    private static final int ENTERPRISE_BIT = 0x8000;
    /** IPFIX: the bytes of a field specifier with an enterprise number. */
    private static final int ENTERPRISE_SPECIFIER_LENGTH = TemplatedWireLayout.FIELD_SPECIFIER_LENGTH + 4;

    int count;
    int[] ids = new int[16];
    long[] enterprises = new long[16];
    int[] lengths = new int[16];
    int[] offsets = new int[16];

    /**
     * Reads {@code fieldCount} specifiers from {@code pos}: 4 bytes each, or 8 with the enterprise bit set
     * where the protocol has it.
     *
     * @return the position after the last specifier, or -1 if they run past {@code end}
     */
    int read(ByteBuffer b, int pos, int end, int fieldCount, boolean enterpriseBit) {
        if (fieldCount > ids.length) {
            int n = Math.max(fieldCount, ids.length * 2);
            ids = Arrays.copyOf(ids, n);
            enterprises = Arrays.copyOf(enterprises, n);
            lengths = Arrays.copyOf(lengths, n);
            offsets = Arrays.copyOf(offsets, n);
        }
        count = 0;
        int p = pos;
        for (int i = 0; i < fieldCount; i++) {
            if (end - p < TemplatedWireLayout.FIELD_SPECIFIER_LENGTH) {
                return -1;
            }
            int type = b.getShort(p + TemplatedWireLayout.FIELD_TYPE) & 0xFFFF;
            offsets[i] = p;
            lengths[i] = b.getShort(p + TemplatedWireLayout.FIELD_LENGTH) & 0xFFFF;
            if (enterpriseBit && (type & ENTERPRISE_BIT) != 0) {
                if (end - p < ENTERPRISE_SPECIFIER_LENGTH) {
                    return -1;
                }
                ids[i] = type & ~ENTERPRISE_BIT;
                enterprises[i] = b.getInt(p + TemplatedWireLayout.FIELD_SPECIFIER_LENGTH) & 0xFFFF_FFFFL; // after the type and length
                p += ENTERPRISE_SPECIFIER_LENGTH;
            } else {
                ids[i] = type;
                enterprises[i] = 0;
                p += TemplatedWireLayout.FIELD_SPECIFIER_LENGTH;
            }
        }
        count = fieldCount;
        return p;
    }

    /** Whether {@code t} has these fields, scope fields first: a refresh (nothing allocated). */
    boolean sameAs(Template t, int scopeCount, TemplatedDialect<?> dialect) {
        if (t.fieldCount() != count || t.scopeFieldCount() != scopeCount) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            FieldSpec f = t.field(i);
            if (f.length() != lengths[i] || f.element().id() != ids[i]
                    || f.element().enterprise() != dialect.specifierEnterprise(enterprises[i], i < scopeCount)) {
                return false;
            }
        }
        return true;
    }

    /** A template of these fields, the first {@code scopeCount} of them scope fields. */
    Template build(int id, int scopeCount, TemplatedDialect<?> dialect) {
        List<FieldSpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            specs.add(FieldSpec.of(dialect.element(enterprises[i], ids[i], i < scopeCount), lengths[i]));
        }
        return scopeCount > 0 ? Template.options(id, scopeCount, specs) : Template.of(id, specs);
    }
}
