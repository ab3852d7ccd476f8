package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.Sflow;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records whose wire form is a fixed list of unsigned 32-bit and 64-bit integers, one per record
 * component in order: read and written through their canonical constructor and accessors, from one
 * table of field sizes.
 *
 * <pre>{@code
 * FixedLayouts.Layout l = FixedLayouts.of(CounterData.Vlan.class);
 * l.length();                                     // 28
 * CounterData.Vlan v = (CounterData.Vlan) l.read(buffer, offset, 28);
 * }</pre>
 */
public final class FixedLayouts {

    /**
     * One record type's layout.
     *
     * <pre>{@code
     * FixedLayouts.of(CounterData.VirtCpu.class).sizes();   // [4, 4, 4]
     * }</pre>
     */
    public static final class Layout {
        private final Class<? extends Record> type;
        private final int dataFormat;
        private final int[] sizes;
        private final int length;
        private final MethodHandle constructor;
        private final MethodHandle[] getters;
        private final Method[] accessors;
        private final boolean flow;

        Layout(Class<? extends Record> type, boolean flow, int format, int... sizes) {
            this.type = type;
            this.flow = flow;
            this.dataFormat = Sflow.dataFormat(0, format);
            this.sizes = sizes;
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
            getters = new MethodHandle[rc.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                    accessors[i] = rc[i].getAccessor();
                    getters[i] = lookup.unreflect(accessors[i]).asType(MethodType.methodType(long.class, Object.class));
                }
                Constructor<?> c = type.getDeclaredConstructor(types);
                constructor = lookup.unreflectConstructor(c).asSpreader(long[].class, rc.length)
                        .asType(MethodType.methodType(Object.class, long[].class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + ": no public canonical constructor and accessors", e);
            }
        }

        /** The record type. */
        public Class<? extends Record> type() {
            return type;
        }

        /** Whether it is a flow record (else a counter record). */
        public boolean flow() {
            return flow;
        }

        /** The data format word. */
        public int dataFormat() {
            return dataFormat;
        }

        /** The encoded length. */
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
            try {
                return (long) getters[i].invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + type, e);
            }
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

    private static final Map<Class<?>, Layout> BY_TYPE = new HashMap<>();
    private static final ClassValue<Layout> CACHE = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            return BY_TYPE.get(type);
        }
    };
    private static final Map<Integer, Layout> FLOW = new HashMap<>();
    private static final Map<Integer, Layout> COUNTER = new HashMap<>();

    private static int[] fours(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 4);
        return a;
    }

    static {
        add(new Layout(FlowData.ExtendedSwitch.class, true, Sflow.FLOW_EXTENDED_SWITCH, 4, 4, 4, 4));
        add(new Layout(FlowData.ExtendedMplsLdpFec.class, true, Sflow.FLOW_EXTENDED_MPLS_LDP_FEC, 4));
        add(new Layout(FlowData.ExtendedNatPort.class, true, Sflow.FLOW_EXTENDED_NAT_PORT, 4, 4));
        add(new Layout(FlowData.EgressQueue.class, true, Sflow.FLOW_EGRESS_QUEUE, 4));
        add(new Layout(FlowData.TransitDelay.class, true, Sflow.FLOW_TRANSIT, 4));
        add(new Layout(FlowData.QueueDepth.class, true, Sflow.FLOW_QUEUE_DEPTH, 4));
        add(new Layout(FlowData.ExtendedTcpInfo.class, true, Sflow.FLOW_EXTENDED_TCP_INFO, fours(12)));
        add(new Layout(FlowData.ExtendedEntities.class, true, Sflow.FLOW_EXTENDED_ENTITIES, fours(4)));
        add(new Layout(CounterData.RadioUtilization.class, false, Sflow.COUNTER_RADIO_UTILIZATION, 4, 4, 4));
        add(new Layout(CounterData.AppResources.class, false, Sflow.COUNTER_APP_RESOURCES, 4, 4, 8, 8, 4, 4, 4, 4));
        add(new Layout(CounterData.AppWorkers.class, false, Sflow.COUNTER_APP_WORKERS, fours(5)));
        add(new Layout(CounterData.GenericInterface.class, false, Sflow.COUNTER_GENERIC_INTERFACE,
                4, 4, 8, 4, 4, 8, 4, 4, 4, 4, 4, 4, 8, 4, 4, 4, 4, 4, 4));
        add(new Layout(CounterData.Ethernet.class, false, Sflow.COUNTER_ETHERNET, fours(13)));
        add(new Layout(CounterData.TokenRing.class, false, Sflow.COUNTER_TOKEN_RING, fours(18)));
        add(new Layout(CounterData.Vg100.class, false, Sflow.COUNTER_VG, 4, 8, 4, 8, 4, 4, 4, 4, 4, 8, 4, 8, 8, 8));
        add(new Layout(CounterData.Vlan.class, false, Sflow.COUNTER_VLAN, 4, 8, 4, 4, 4, 4));
        add(new Layout(CounterData.Ieee80211.class, false, Sflow.COUNTER_IEEE80211, fours(20)));
        add(new Layout(CounterData.Processor.class, false, Sflow.COUNTER_PROCESSOR, 4, 4, 4, 8, 8));
        add(new Layout(CounterData.HostParent.class, false, Sflow.COUNTER_HOST_PARENT, 4, 4));
        add(new Layout(CounterData.HostMemory.class, false, Sflow.COUNTER_HOST_MEMORY, 8, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4));
        add(new Layout(CounterData.HostDiskIo.class, false, Sflow.COUNTER_HOST_DISK_IO, 8, 8, 4, 4, 8, 4, 4, 8, 4));
        add(new Layout(CounterData.HostNetIo.class, false, Sflow.COUNTER_HOST_NET_IO, 8, 4, 4, 4, 8, 4, 4, 4));
        add(new Layout(CounterData.Mib2Ip.class, false, Sflow.COUNTER_MIB2_IP, fours(19)));
        add(new Layout(CounterData.Mib2Icmp.class, false, Sflow.COUNTER_MIB2_ICMP, fours(25)));
        add(new Layout(CounterData.Mib2Tcp.class, false, Sflow.COUNTER_MIB2_TCP, fours(15)));
        add(new Layout(CounterData.Mib2Udp.class, false, Sflow.COUNTER_MIB2_UDP, fours(7)));
        add(new Layout(CounterData.VirtNode.class, false, Sflow.COUNTER_VIRT_NODE, 4, 4, 8, 8, 4));
        add(new Layout(CounterData.VirtCpu.class, false, Sflow.COUNTER_VIRT_CPU, 4, 4, 4));
        add(new Layout(CounterData.VirtMemory.class, false, Sflow.COUNTER_VIRT_MEMORY, 8, 8));
        add(new Layout(CounterData.VirtDiskIo.class, false, Sflow.COUNTER_VIRT_DISK_IO, 8, 8, 8, 4, 8, 4, 8, 4));
        add(new Layout(CounterData.VirtNetIo.class, false, Sflow.COUNTER_VIRT_NET_IO, 8, 4, 4, 4, 8, 4, 4, 4));
    }

    private static void add(Layout l) {
        BY_TYPE.put(l.type(), l);
        (l.flow() ? FLOW : COUNTER).put(l.dataFormat(), l);
    }

    private FixedLayouts() {
    }

    /** The layout of a record type, or null. */
    public static Layout of(Class<?> type) {
        return CACHE.get(type);
    }

    /** The layout of a flow record format, or null. */
    public static Layout flow(int dataFormat) {
        return FLOW.get(dataFormat);
    }

    /** The layout of a counter record format, or null. */
    public static Layout counter(int dataFormat) {
        return COUNTER.get(dataFormat);
    }

    /** Every layout. */
    public static List<Layout> all() {
        return List.copyOf(BY_TYPE.values());
    }
}
