package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;

/**
 * Where a NetFlow v9 or IPFIX parse puts what it finds: the caller's handler on the zero-copy path
 * ({@link HandlerOutput}), a packet being built on the materialized path ({@link PacketCollector}). {@code H}
 * is the protocol's header type, for data released from an earlier packet.
 */
public interface DecodeOutput<H> {

    /**
     * The handler that plain data sets (no per-record work) may be handed to directly, a set at a time, or
     * {@code null} when every record must come through {@link #data}.
     */
    default FlowRecordHandler<ExportContext> directHandler() {
        return null;
    }

    /** {@code n} data records went to {@link #directHandler()} directly. */
    default void counted(int n) {
    }

    /** A data set of up to {@code records} data records is about to be walked (room to make for them). */
    default void expect(int records) {
    }

    /** A data record, valid during the call only. */
    void data(ExportContext ctx, RecordView record);

    /** An options record, valid during the call only. */
    void options(ExportContext ctx, RecordView record);

    /** A template the packet defined. */
    default void template(Template t) {
    }

    /** Records held for their template and released now belong to the packet of {@code header}. */
    default void beginReleased(H header) {
    }

    /** The released records of the packet named by {@link #beginReleased} are all handed over. */
    default void endReleased() {
    }

    // the packet's layout on the wire, for outputs that keep it (see PacketParts); the zero-copy path ignores it

    /** A set with this id and this length field (as sent: it may lie) begins. */
    default void beginSet(int setId, int length) {
    }

    /** The set begun last ends. */
    default void endSet() {
    }

    /** A withdrawal record of {@code templateId} (IPFIX). */
    default void withdrawal(int templateId) {
    }

    /** Bytes {@code [from, to)} of {@code b} the decoder did not turn into templates or records (padding, held data, broken parts). */
    default void keep(ByteBuffer b, int from, int to) {
    }

    /** Records that follow (or no longer) come from a held set of this packet whose bytes were kept. */
    default void skipping(boolean skipping) {
    }
}
