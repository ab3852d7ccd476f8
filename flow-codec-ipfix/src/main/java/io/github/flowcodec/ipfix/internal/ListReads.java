package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.RecordView;
import java.nio.ByteBuffer;

/** Where a structured-data field's bytes are: in place for a view, a copy of the field for a record. */
public final class ListReads {

    private ListReads() {
    }

    /** A buffer holding the field's bytes and where they start; {@code out[0]} = start, {@code out[1]} = length. */
    public static ByteBuffer locate(FlowFields record, int index, int[] out) {
        if (record instanceof RecordView v) {
            out[0] = v.offset() + v.fieldOffset(index);
            out[1] = v.fieldLength(index);
            return RecordView.bigEndian(v.buffer());
        }
        byte[] bytes = record.getBytes(index);
        out[0] = 0;
        out[1] = bytes.length;
        return ByteBuffer.wrap(bytes);
    }

    public static FlowCodecException malformed(long offset, String reason) {
        return new MalformedPacketException(FlowProtocol.IPFIX, offset, reason);
    }

}
