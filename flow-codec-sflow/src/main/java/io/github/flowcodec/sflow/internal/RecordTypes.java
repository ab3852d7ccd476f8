package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.sflow.Sflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard record structures ({@link FlowRecordTypes#ALL}, {@link CounterRecordTypes#ALL}) indexed by data
 * format (enterprise 0, so formats 0 to {@link Sflow#MAX_FORMAT}) and by record type.
 *
 * <pre>{@code
 * RecordType<?> t = RecordTypes.flow(Sflow.FLOW_EXTENDED_URL);
 * RecordTypes.of(FlowData.ExtendedUrl.class) == t;   // true
 * }</pre>
 */
public final class RecordTypes {

    private static final RecordType<?>[] FLOW = byFormat(FlowRecordTypes.ALL);
    private static final RecordType<?>[] COUNTER = byFormat(CounterRecordTypes.ALL);
    private static final Map<Class<?>, RecordType<?>> BY_TYPE = byType();
    private static final ClassValue<RecordType<?>> OF = new ClassValue<>() {
        @Override
        protected RecordType<?> computeValue(Class<?> type) {
            return BY_TYPE.get(type);
        }
    };

    private RecordTypes() {
    }

    private static RecordType<?>[] byFormat(List<? extends RecordType<?>> types) {
        RecordType<?>[] table = new RecordType<?>[Sflow.MAX_FORMAT + 1];
        for (RecordType<?> t : types) {
            for (int f : t.formats()) {
                if (table[f] != null) {
                    throw new IllegalStateException("format 0:" + f + " is both " + table[f] + " and " + t);
                }
                table[f] = t;
            }
        }
        return table;
    }

    private static Map<Class<?>, RecordType<?>> byType() {
        Map<Class<?>, RecordType<?>> m = new HashMap<>();
        FlowRecordTypes.ALL.forEach(t -> m.put(t.type(), t));
        CounterRecordTypes.ALL.forEach(t -> m.put(t.type(), t));
        return m;
    }

    /** The flow record structure of a data format, or null (an enterprise format or one the model does not know). */
    public static RecordType<?> flow(int dataFormat) {
        return (dataFormat & ~Sflow.MAX_FORMAT) == 0 ? FLOW[dataFormat] : null;
    }

    /** The counter record structure of a data format, or null. */
    public static RecordType<?> counter(int dataFormat) {
        return (dataFormat & ~Sflow.MAX_FORMAT) == 0 ? COUNTER[dataFormat] : null;
    }

    /**
     * Whether a record's data format is one the typed model knows (enterprise 0 only): the decoder's table of
     * known flow and counter formats.
     */
    public static boolean known(int dataFormat, boolean flow) {
        return (dataFormat & ~Sflow.MAX_FORMAT) == 0 && (flow ? FLOW : COUNTER)[dataFormat] != null;
    }

    /** The structure of a record type, or null ({@code Extension}, {@code Unknown}). */
    public static RecordType<?> of(Class<?> type) {
        return OF.get(type);
    }
}
