package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;

/**
 * Finds where each field of a record with variable-length fields starts (RFC 7011 section 7: a length
 * byte below 255, or 255 followed by a two-byte length).
 */
public final class VariableLayout {

    private VariableLayout() {
    }

    /**
     * Fills {@code layout[2*i]} with field i's value offset (relative to {@code start}) and
     * {@code layout[2*i+1]} with its length.
     *
     * @return the record's length, or -1 if it does not fit between {@code start} and {@code limit}
     */
    public static int compute(Template template, ByteBuffer buffer, int start, int limit, int[] layout) {
        int pos = start;
        int n = template.fieldCount();
        for (int i = 0; i < n; i++) {
            FieldSpec f = template.field(i);
            int len = f.length();
            if (len == FieldSpec.VARIABLE_LENGTH) {
                if (pos >= limit) {
                    return -1;
                }
                len = buffer.get(pos++) & 0xFF;
                if (len == 255) {
                    if (pos + 2 > limit) {
                        return -1;
                    }
                    len = buffer.getShort(pos) & 0xFFFF;
                    pos += 2;
                }
            }
            if (len > limit - pos) {
                return -1;
            }
            layout[2 * i] = pos - start;
            layout[2 * i + 1] = len;
            pos += len;
        }
        return pos - start;
    }
}
