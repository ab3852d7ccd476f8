package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The wire form of a record that is a fixed list of unsigned 32-bit and 64-bit integers, one per record
 * component in order: read and written through its canonical constructor and accessors, from its field sizes.
 *
 * <pre>{@code
 * FixedLayout l = new FixedLayout(CounterData.Vlan.class, 4, 8, 4, 4, 4, 4);
 * l.length();                                     // 28
 * CounterData.Vlan v = (CounterData.Vlan) l.read(buffer, offset, 28);
 * }</pre>
 */
public final class FixedLayout {
    private final Class<? extends Record> type;
    private final int[] sizes;
    private final int length;
    private final MethodHandle constructor;
    private final ToLongFunction<Object>[] getters;
    private final Method[] accessors;

    /** The layout of {@code type}, whose components are as many as {@code sizes} (4 or 8 each). */
    public FixedLayout(Class<? extends Record> type, int... sizes) {
        this.type = type;
        this.sizes = sizes.clone();
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        this.length = n;
        RecordComponent[] rc = type.getRecordComponents();
        if (rc.length != sizes.length) {
            throw new IllegalStateException(type + ": " + rc.length + " components, " + sizes.length + " sizes");
        }
        Class<?>[] types = new Class<?>[rc.length];
        accessors = new Method[rc.length];
        @SuppressWarnings("unchecked")
        ToLongFunction<Object>[] g = new ToLongFunction[rc.length];
        getters = g;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                accessors[i] = rc[i].getAccessor();
                getters[i] = getter(lookup.unreflect(accessors[i]));
            }
            Constructor<?> c = type.getDeclaredConstructor(types);
            constructor = lookup.unreflectConstructor(c).asSpreader(long[].class, rc.length)
                    .asType(MethodType.methodType(Object.class, long[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + ": no public canonical constructor and accessors", e);
        }
    }




    /** The encoded length. */
    /**
     * A component accessor as a {@link ToLongFunction}: a class of its own that calls the accessor directly, where a
     * {@link MethodHandle} held in an array is invoked through its generic invoker on every call.
     */
    @SuppressWarnings("unchecked")
    private static ToLongFunction<Object> getter(MethodHandle accessor) {
        try {
            CallSite site = LambdaMetafactory.metafactory(MethodHandles.lookup(), "applyAsLong",
                    MethodType.methodType(ToLongFunction.class), MethodType.methodType(long.class, Object.class), accessor,
                    MethodType.methodType(long.class, accessor.type().parameterType(0)));
            return (ToLongFunction<Object>) site.getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    public int length() {
        return length;
    }

    /** The size of each component: 4 (unsigned 32-bit) or 8 (64-bit). */
    public List<Integer> sizes() {
        return java.util.Arrays.stream(sizes).boxed().toList();
    }

    /** Reads one record of exactly {@link #length()} bytes. */
    public Object read(ByteBuffer b, int off, int len) {
        if (len != length) {
            throw new ContentException(off, "a " + type.getSimpleName() + " record is " + length + " bytes, not " + len);
        }
        long[] args = new long[sizes.length];
        int p = off;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == 4) {
                args[i] = b.getInt(p) & 0xFFFF_FFFFL;
                p += 4;
            } else {
                args[i] = b.getLong(p);
                p += 8;
            }
        }
        try {
            return construct(args);
        } catch (IllegalArgumentException e) {
            throw new ContentException(off, type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private Object construct(long[] args) {
        try {
            return (Object) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot construct " + type, e);
        }
    }

    private long get(int i, Object record) {
        return getters[i].applyAsLong(record);
    }

    /** The component values, in order. */
    public long[] values(Object record) {
        long[] v = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            v[i] = get(i, record);
        }
        return v;
    }

    /** Builds a record from component values. */
    public Object create(long... values) {
        return construct(values.clone());
    }

    /** Writes the record's data. */
    public void write(Object record, ByteBuffer out) {
        for (int i = 0; i < sizes.length; i++) {
            long v = get(i, record);
            if (sizes[i] == 4) {
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw new EncodingException(FlowProtocol.SFLOW_V5, out.position(), type.getSimpleName() + "."
                            + accessors[i].getName() + " = " + v + " is not an unsigned 32-bit value");
                }
                out.putInt((int) v);
            } else {
                out.putLong(v);
            }
        }
    }
}
