package io.github.flowcodec.core;

import java.nio.ByteBuffer;

/**
 * The layout of the records of a template with variable-length fields, as far as the template alone fixes
 * it: what {@link RecordView} needs to find any field of such a record after reading only the lengths of
 * its variable-length fields (RFC 7011 section 7: a length byte below 255, or 255 and a two-byte length),
 * instead of computing every field's offset for every record.
 *
 * <p>The variable-length fields cut a record into segments: segment 0 starts with the record, segment
 * {@code k + 1} right after the value of the k-th variable-length field. Every field sits at a fixed
 * distance from the start of its segment (a variable-length field: its length prefix). So a record's
 * layout is its segments' starts and its variable-length values' offsets and lengths, which
 * {@link #measure} writes into {@code spots}: {@code spots[s]} is where segment {@code s} starts,
 * {@code spots[V + 1 + 2k]} and {@code spots[V + 2 + 2k]} the value offset and length of the k-th
 * variable-length field (V of them), all relative to the record's start.
 */
final class VariableRecordShape {

    /** How many variable-length fields the template has (V, at least 1). */
    final int variableCount;
    /** Per field: its segment, which is how many variable-length fields precede it. */
    final int[] segment;
    /** Per field: bytes from its segment's start to the field (to the length prefix of a variable-length one). */
    private final int[] distance;
    /**
     * Per field, for {@link RecordView#getLong}: {@code distance + length - 8} in the high 32 bits and
     * {@code 64 - 8 * length} in the low 6 bits for an unsigned integer of 1 to 8 bytes (one 8-byte load that
     * ends where the field ends, and a mask: a long shift uses only those 6 bits), else
     * {@link Template#GENERAL_READ}; and the field's segment in bits 8 to 31 (see {@link #segmentOf}), so a
     * read finds its segment's start without a second array.
     */
    final long[] reads;
    /**
     * Per field, for {@link RecordView#fieldOffset}: the index in {@code spots} of where its offset counts from
     * (its segment's start; a variable-length field's value offset) in the high 32 bits, and the bytes after
     * that in the low 32 bits (0 for a variable-length field): one look-up and one spot a field.
     */
    final long[] offsets;
    /**
     * Per field, for {@link RecordView#fieldLength}: a fixed-length field's length, or the complement
     * ({@code ~}) of the index in {@code spots} of a variable-length field's value length.
     */
    final int[] lengths;
    /** Per variable-length field: the fixed bytes between its segment's start and its length prefix. */
    private final int[] gaps;
    /** The fixed bytes after the last variable-length field's value. */
    private final int tail;

    VariableRecordShape(int[] lengths, boolean[] signed) {
        int n = lengths.length;
        int v = 0;
        for (int len : lengths) {
            if (len == FieldSpec.VARIABLE_LENGTH) {
                v++;
            }
        }
        this.variableCount = v;
        this.segment = new int[n];
        this.distance = new int[n];
        this.reads = new long[n];
        this.offsets = new long[n];
        this.lengths = new int[n];
        this.gaps = new int[v];
        int s = 0;
        int at = 0;
        for (int i = 0; i < n; i++) {
            int len = lengths[i];
            segment[i] = s;
            distance[i] = at;
            if (len == FieldSpec.VARIABLE_LENGTH) {
                reads[i] = Template.GENERAL_READ | ((long) s << 8);
                offsets[i] = (long) (v + 1 + 2 * s) << 32;
                this.lengths[i] = ~(v + 2 + 2 * s);
                gaps[s] = at;
                s++;
                at = 0;
            } else {
                reads[i] = Template.oneLoadRead(at, len, signed[i]) | ((long) s << 8);
                offsets[i] = (long) s << 32 | at;
                this.lengths[i] = len;
                at += len;
            }
        }
        this.tail = at;
    }

    /** The segment of a field from its entry in {@link #reads} (0 in a fixed-length template's packed layout). */
    static int segmentOf(long read) {
        return (int) read >>> 8;
    }

    /** How many ints {@link #measure} writes. */
    int spotCount() {
        return 3 * variableCount + 1;
    }

    /**
     * Reads the lengths of the variable-length fields of the record at {@code start} and writes its
     * {@code spots} (see the class comment).
     *
     * @return the record's length, or -1 if it does not fit between {@code start} and {@code limit}
     */
    int measure(ByteBuffer b, int start, int limit, int[] spots) {
        int v = variableCount;
        int[] g = gaps;
        int pos = start;
        spots[0] = 0;
        for (int k = 0; k < v; k++) {
            if (g[k] >= limit - pos) {
                return -1; // not even the length byte fits
            }
            pos += g[k];
            int len = b.get(pos++) & 0xFF;
            if (len == 255) {
                if (limit - pos < 2) {
                    return -1;
                }
                len = b.getShort(pos) & 0xFFFF;
                pos += 2;
            }
            if (len > limit - pos) {
                return -1;
            }
            spots[v + 1 + 2 * k] = pos - start;
            spots[v + 2 + 2 * k] = len;
            pos += len;
            spots[k + 1] = pos - start;
        }
        if (tail > limit - pos) {
            return -1;
        }
        return pos + tail - start;
    }

    /**
     * As {@link #measure(ByteBuffer, int, int, int[])}, for a record at {@code start} of an array: what the
     * view runs on heap buffers, without the buffer's checks on each length byte.
     */
    int measure(byte[] a, int start, int limit, int[] spots) {
        int v = variableCount;
        int[] g = gaps;
        int pos = start;
        spots[0] = 0;
        for (int k = 0; k < v; k++) {
            if (g[k] >= limit - pos) {
                return -1; // not even the length byte fits
            }
            pos += g[k];
            int len = a[pos++] & 0xFF;
            if (len == 255) {
                if (limit - pos < 2) {
                    return -1;
                }
                len = (a[pos] & 0xFF) << 8 | (a[pos + 1] & 0xFF);
                pos += 2;
            }
            if (len > limit - pos) {
                return -1;
            }
            spots[v + 1 + 2 * k] = pos - start;
            spots[v + 2 + 2 * k] = len;
            pos += len;
            spots[k + 1] = pos - start;
        }
        if (tail > limit - pos) {
            return -1;
        }
        return pos + tail - start;
    }

    /**
     * The segments' starts of a record that {@link #measure} measured into {@code spots}, as a
     * {@link FlowRecord} keeps them: 16 bits a segment (segment 1 in the low bits, segment 2 in the high ones;
     * segment 0, the record's start, is 0), or -1 when they do not fit (more than two variable-length fields,
     * or a record longer than 65,535 bytes).
     */
    long packStarts(int[] spots, int recordLength) {
        if (variableCount > 2 || recordLength > 0xFFFF) {
            return -1;
        }
        return variableCount == 1 ? spots[1] : spots[1] | (long) spots[2] << 16;
    }

    /** Segment {@code s}'s start (0, 1 or 2) from starts packed by {@link #packStarts}. */
    static int start(int packedStarts, int s) {
        return (int) (((packedStarts & 0xFFFF_FFFFL) << 16) >>> (s << 4)) & 0xFFFF;
    }

    /**
     * Field {@code index}'s value offset in the record {@code bytes} whose segment {@code segment[index]} starts
     * at {@code segmentStart}: for a variable-length field read from its length prefix (1 byte, or 3 after 255).
     */
    int offsetIn(byte[] bytes, int index, int fieldLength, int segmentStart) {
        int at = segmentStart + distance[index];
        if (fieldLength != FieldSpec.VARIABLE_LENGTH) {
            return at;
        }
        return bytes[at] == (byte) 255 ? at + 3 : at + 1;
    }

    /** Field {@code index}'s value offset in a record whose {@code spots} {@link #measure} wrote. */
    int offset(int index, int[] spots) {
        long o = offsets[index];
        return spots[(int) (o >>> 32)] + (int) o;
    }

    /** Field {@code index}'s value length in such a record. */
    int length(int index, int[] spots) {
        int len = lengths[index];
        return len >= 0 ? len : spots[~len];
    }
}
