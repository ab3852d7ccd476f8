package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;

/**
 * Where a NetFlow v9 or IPFIX parse puts what it finds: the caller's handler on the zero-copy path
 * ({@link HandlerOutput}), a packet being built on the materialized path. {@code H} is the protocol's
 * header type, for data released from an earlier packet.
 */
public interface DecodeOutput<H> {

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
}
