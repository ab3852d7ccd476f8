package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.FlowRecord;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The records a {@link RecordBatch} collected, as the packet's unmodifiable list: the batch's array wrapped
 * once, not copied (the batch hands it over and never writes it again). What a materialized packet keeps
 * instead of a growing list and its exact copy; {@link io.github.flowcodec.core.TemplatedFlowPacket} keeps
 * it as it is.
 */
public final class RecordArray extends AbstractList<FlowRecord> implements RandomAccess {

    private final FlowRecord[] records;
    private final int size;

    RecordArray(FlowRecord[] records, int size) {
        this.records = records;
        this.size = size;
    }

    @Override
    public FlowRecord get(int index) {
        java.util.Objects.checkIndex(index, size);
        return records[index];
    }

    @Override
    public int size() {
        return size;
    }
}
