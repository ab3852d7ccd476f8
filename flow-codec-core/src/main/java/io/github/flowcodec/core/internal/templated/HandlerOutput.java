package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;

/** The zero-copy path's output: the caller's handler, and how many data records it was handed. One per decoder. */
public final class HandlerOutput<H> implements DecodeOutput<H> {

    private FlowRecordHandler<ExportContext> handler;
    private int count;

    /**
     * Before a decode: the handler to call, the count at 0. The handler was typed by the public decoder for
     * the one context class its engine passes, so calling it with {@link ExportContext} arguments is safe.
     */
    @SuppressWarnings("unchecked")
    public void start(FlowRecordHandler<?> handler) {
        this.handler = (FlowRecordHandler<ExportContext>) handler;
        this.count = 0;
    }

    /** After a decode: forgets the handler. */
    public void finish() {
        this.handler = null;
    }

    /** The handler of the decode under way: plain data sets go to it directly. */
    @Override
    public FlowRecordHandler<ExportContext> directHandler() {
        return handler;
    }

    /** Data records handed over in this decode. */
    public int count() {
        return count;
    }

    /** Counts {@code n} data records handed to {@link #directHandler()} directly (the walker's fast lane). */
    @Override
    public void counted(int n) {
        count += n;
    }

    @Override
    public void data(ExportContext ctx, RecordView record) {
        count++;
        handler.onRecord(ctx, record);
    }

    @Override
    public void options(ExportContext ctx, RecordView record) {
        handler.onOptionsRecord(ctx, record);
    }
}
