package io.github.flowcodec.core;

/**
 * Receives each record of a packet on the zero-copy decode path.
 *
 * <p>The NetFlow v9 and IPFIX decoders hand a data set whose template has only fixed-length fields to
 * {@link #onDataSet} whole, which by default passes each record to {@link #onRecord}; override it to read
 * a set at a time (column reads, see {@link DataSetView}). Records of templates with variable-length
 * fields, and records of sets held back until their template came, always arrive through {@code onRecord}.
 *
 * <p>Both arguments are reused by the decoder and valid only during the call; copy what you keep
 * ({@link RecordView#toRecord()}).
 *
 * <pre>{@code
 * FlowRecordHandler<ExportContext> sum = (ctx, record) -> total[0] += record.getLong(bytesIndex);
 * // typed by the decoder it is given to: no cast to reach the protocol's context
 * ipfixDecoder.decode(datagram, exporter, (ctx, record) -> seen(ctx.observationDomainId(), ctx.templateId()));
 * }</pre>
 *
 * @param <C> the export context the decoder passes: the protocol's own ({@code IpfixContext} ...) or
 *        {@link ExportContext} for a handler that serves every protocol
 */
@FunctionalInterface
public interface FlowRecordHandler<C extends ExportContext> {

    /**
     * Called once per flow record.
     *
     * @param context the packet's context (header values, exporter, sampling), valid only during the call
     * @param record the record, a view valid only during the call: copy what you keep ({@link RecordView#toRecord()})
     */
    void onRecord(C context, RecordView record);

    /**
     * Called once per data set of a fixed-length template (NetFlow v9, IPFIX) with all its records; hands
     * each to {@link #onRecord} unless overridden. The context is the same for every record of the set.
     *
     * @param context the packet's context, valid only during the call
     * @param records the set's records, a view valid only during the call
     */
    default void onDataSet(C context, DataSetView records) {
        records.forEachRecord(context, this);
    }

    /**
     * Called once per options record (NetFlow v9, IPFIX: sampler tables, interface names ...); ignores it
     * unless overridden. The decoder has already applied what it understands (sampling rates).
     *
     * @param context the packet's context, valid only during the call
     * @param record the options record, valid only during the call
     */
    default void onOptionsRecord(C context, RecordView record) {
    }
}
