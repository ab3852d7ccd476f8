package io.github.flowcodec.sflow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a wide counter record field by field, by name, instead of through a constructor of a dozen or more
 * positional numbers. Fields not set are 0.
 *
 * <pre>{@code
 * CounterData.GenericInterface g = CounterRecordBuilder.of(CounterData.GenericInterface.class)
 *         .set(CounterData.GenericInterface.IF_INDEX, 3)
 *         .set(CounterData.GenericInterface.IF_SPEED, 1_000_000_000L)
 *         .set(CounterData.GenericInterface.IF_STATUS, 3)            // admin and operational up
 *         .set(CounterData.GenericInterface.IF_IN_OCTETS, 9_876_543_210L)
 *         .build();
 * }</pre>
 *
 * @param <R> the record type built
 */
public final class CounterRecordBuilder<R extends CounterData.Standard> {

    private final List<CounterField<R>> fields;
    private final long[] values;

    CounterRecordBuilder(List<CounterField<R>> fields) {
        this.fields = fields;
        this.values = new long[fields.size()];
    }

    /**
     * A builder of a counter record type that names its fields (a {@code FIELDS} list of {@link CounterField}s:
     * the generic interface, Ethernet, VLAN, host and MIB-2 counter records ...), every field 0 until set.
     *
     * @param recordType the record type, e.g. {@code CounterData.GenericInterface.class}
     * @param <R> the record type
     * @return a new builder
     * @throws IllegalArgumentException if the type does not name its fields
     */
    @SuppressWarnings("unchecked")
    public static <R extends CounterData.Standard> CounterRecordBuilder<R> of(Class<R> recordType) {
        try {
            Object fields = recordType.getField("FIELDS").get(null);
            return new CounterRecordBuilder<>((List<CounterField<R>>) fields);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalArgumentException(recordType.getSimpleName() + " does not name its fields", e);
        }
    }

    /**
     * Sets one field.
     *
     * @param field a field of the record type built
     * @param value the value: 0 to 2^32-1 for a 4-byte field, any 64 bits for an 8-byte one
     * @return this builder
     * @throws IllegalArgumentException if the field is another record type's or the value does not fit it
     */
    public CounterRecordBuilder<R> set(CounterField<R> field, long value) {
        Objects.requireNonNull(field, "field");
        if (field.index() >= fields.size() || fields.get(field.index()) != field) {
            throw new IllegalArgumentException(field + " is not a field of " + fields.get(0).recordType().getSimpleName());
        }
        if (field.width() == 4 && (value < 0 || value > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException(field.name() + " is an unsigned 32-bit counter: " + value + " does not fit");
        }
        values[field.index()] = value;
        return this;
    }

    /**
     * The record.
     *
     * @return a new record with the fields set and 0 elsewhere
     */
    public R build() {
        Class<R> type = fields.get(0).recordType();
        Class<?>[] parameters = new Class<?>[values.length];
        Arrays.fill(parameters, long.class);
        try {
            MethodHandle constructor = MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, parameters));
            Object[] arguments = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                arguments[i] = values[i];
            }
            return type.cast(constructor.invokeWithArguments(arguments));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }
}
