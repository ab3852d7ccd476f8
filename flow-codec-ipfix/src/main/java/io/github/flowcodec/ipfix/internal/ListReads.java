package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.ipfix.SubTemplateListView;
import io.github.flowcodec.ipfix.TemplateLookup;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Where a structured-data field's bytes are (in place for a view, a copy of the field for a record), and the
 * checks every list view makes of them before reading its header.
 */
public final class ListReads {

    private ListReads() {
    }

    /**
     * Where a list view found its field's bytes ({@link #locate}): the start and length, and the view's own copy
     * of the field of a record that is not a view, reused from one wrap to the next (nothing allocated once it
     * is big enough).
     */
    public static final class Located {
        public int start;
        public int length;
        private byte[] copy = new byte[64];
        private ByteBuffer copyBuffer = ByteBuffer.wrap(copy);
    }

    /**
     * A buffer holding field {@code index}'s bytes, from {@code at.start} for {@code at.length} bytes: a view's own
     * buffer, or {@code at}'s copy of a record's field (valid until the next call with {@code at}).
     */
    public static ByteBuffer locate(FlowFields record, int index, Located at) {
        if (record instanceof RecordView v) {
            at.start = v.offset() + v.fieldOffset(index);
            at.length = v.fieldLength(index);
            return RecordView.bigEndian(v.buffer());
        }
        int len = record.fieldLength(index);
        if (at.copy.length < len) {
            at.copy = new byte[Math.max(len, 2 * at.copy.length)];
            at.copyBuffer = ByteBuffer.wrap(at.copy);
        }
        record.copyBytes(record.fieldOffset(index), at.copy, 0, len);
        at.start = 0;
        at.length = len;
        return at.copyBuffer;
    }

    /**
     * The buffer, big-endian, holding a list of {@code length} bytes at {@code offset}.
     *
     * @param list what the list is, for the error ("a basicList")
     * @throws FlowCodecException if the list does not fit the buffer
     */
    public static ByteBuffer fitting(ByteBuffer buffer, int offset, int length, String list) {
        ByteBuffer b = RecordView.bigEndian(buffer);
        if (offset < 0 || length < 0 || offset + length > b.limit()) {
            throw malformed(offset, list + " of " + length + " bytes does not fit its buffer");
        }
        return b;
    }

    /**
     * As {@link #fitting}, for a list of records (a subTemplateList or subTemplateMultiList) nested
     * {@code depth} levels deep, read with templates from {@code lookup}, whose header takes {@code header} bytes.
     *
     * @param list what the list is, for the errors ("a subTemplateList")
     * @throws NullPointerException if {@code lookup} is null
     * @throws FlowCodecException if the list nests deeper than {@link SubTemplateListView#MAX_DEPTH}, does not
     *     fit the buffer or is shorter than its header
     */
    public static ByteBuffer nested(ByteBuffer buffer, int offset, int length, int depth, TemplateLookup lookup,
            int header, String list) {
        Objects.requireNonNull(lookup, "lookup");
        ByteBuffer b = RecordView.bigEndian(buffer);
        if (depth > SubTemplateListView.MAX_DEPTH) {
            throw malformed(offset, "structured data nested " + depth + " levels deep (at most "
                    + SubTemplateListView.MAX_DEPTH + ")");
        }
        fitting(b, offset, length, list);
        if (length < header) {
            throw malformed(offset, list + " needs " + header + (header == 1 ? " byte" : " bytes") + " of header, not "
                    + length);
        }
        return b;
    }

    /**
     * How many whole records of {@code size} bytes (above 0) {@code bytes} hold: by subtraction when they are
     * few (a list of a few records, the common case: cheaper than a division), else divided.
     */
    public static int records(int bytes, int size) {
        if (bytes >= 8L * size) {
            return bytes / size;
        }
        int n = 0;
        for (int left = bytes; left >= size; left -= size) {
            n++;
        }
        return n;
    }

    public static FlowCodecException malformed(long offset, String reason) {
        return new MalformedPacketException(FlowProtocol.IPFIX, offset, reason);
    }

}
