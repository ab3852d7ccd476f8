package io.github.flowcodec.core;

/**
 * Receives each record of a packet on the zero-copy decode path.
 *
 * <p>Both arguments are reused by the decoder and valid only during the call; copy what you keep
 * ({@link RecordView#toRecord()}).
 *
 * <pre>{@code
 * FlowRecordHandler sum = (ctx, record) -> total[0] += record.getLong(bytesIndex);
 * }</pre>
 */
@FunctionalInterface
public interface FlowRecordHandler {

    /** Called once per flow record. */
    void onRecord(ExportContext context, RecordView record);

    /**
     * Called once per options record (NetFlow v9, IPFIX: sampler tables, interface names ...); ignores it
     * unless overridden. The decoder has already applied what it understands (sampling rates).
     */
    default void onOptionsRecord(ExportContext context, RecordView record) {
    }
}
