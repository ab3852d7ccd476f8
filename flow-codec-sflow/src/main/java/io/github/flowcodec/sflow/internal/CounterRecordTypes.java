package io.github.flowcodec.sflow.internal;

import static io.github.flowcodec.sflow.internal.RecordType.counter;
import static io.github.flowcodec.sflow.internal.RecordType.fixedCounter;
import static io.github.flowcodec.sflow.internal.RecordType.fours;

import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterField;
import io.github.flowcodec.sflow.Sflow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The standard counter record structures of sFlow v5, Host sFlow and the application structures, one
 * {@link RecordType} each.
 *
 * <pre>{@code
 * RecordType<? extends CounterData> vlan = CounterRecordTypes.ALL.stream()
 *         .filter(t -> t.type() == CounterData.Vlan.class).findFirst().orElseThrow();
 * vlan.fixedLayout().length();   // 28
 * }</pre>
 */
public final class CounterRecordTypes {

    private CounterRecordTypes() {
    }

    /** The host CPU record without and with its three extended counters (steal, guest, guest nice). */
    private static final int HOST_CPU_LENGTH = 68;
    private static final int HOST_CPU_EXTENDED_LENGTH = 80;

    /**
     * The counter records that name their fields (a {@code FIELDS} list of {@code CounterField}s each): their
     * codec's layout is their fields' widths, one table for both.
     */
    private static final List<List<? extends CounterField<?>>> NAMED = List.of(CounterData.GenericInterface.FIELDS,
            CounterData.Ethernet.FIELDS, CounterData.TokenRing.FIELDS, CounterData.Vg100.FIELDS, CounterData.Vlan.FIELDS,
            CounterData.Ieee80211.FIELDS, CounterData.HostMemory.FIELDS, CounterData.HostDiskIo.FIELDS,
            CounterData.HostNetIo.FIELDS, CounterData.Mib2Ip.FIELDS, CounterData.Mib2Icmp.FIELDS, CounterData.Mib2Tcp.FIELDS,
            CounterData.Mib2Udp.FIELDS);

    /** The other counter record structures. */
    private static final List<RecordType<? extends CounterData>> OTHERS = List.of(
            counter(CounterData.Lacp.class,
                    (in, f, x, d) -> {
                        long actor = in.mac();
                        long partner = in.mac();
                        long[] v = u32s(in, 10);
                        return new CounterData.Lacp(actor, partner, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
                    },
                    (out, l, x) -> {
                        XdrOut.mac(out, l.actorSystemId());
                        XdrOut.mac(out, l.partnerSystemId());
                        putU32s(out, l.attachedAggId(), l.portState(), l.lacpdusRx(), l.markerPdusRx(), l.markerResponsePdusRx(),
                                l.unknownRx(), l.illegalRx(), l.lacpdusTx(), l.markerPdusTx(), l.markerResponsePdusTx());
                    },
                    (l, x) -> 56, Sflow.COUNTER_LACP),
            counter(CounterData.Sfp.class, (in, f, x, d) -> sfp(in), (out, s, x) -> write(out, s),
                    (s, x) -> 20 + 40 * s.lanes().size(), Sflow.COUNTER_SFP),
            fixedCounter(CounterData.Processor.class, Sflow.COUNTER_PROCESSOR, 4, 4, 4, 8, 8),
            fixedCounter(CounterData.RadioUtilization.class, Sflow.COUNTER_RADIO_UTILIZATION, 4, 4, 4),
            counter(CounterData.PortName.class, (in, f, x, d) -> new CounterData.PortName(in.string("the port name")),
                    (out, p, x) -> XdrOut.string(out, p.name()), (p, x) -> XdrOut.stringLength(p.name()), Sflow.COUNTER_PORT_NAME),
            counter(CounterData.HostDescription.class,
                    (in, f, x, d) -> {
                        String host = in.string("the host name");
                        ByteBuffer u = ByteBuffer.wrap(in.opaque(16, "the UUID"));
                        return new CounterData.HostDescription(host, new UUID(u.getLong(0), u.getLong(8)), in.u32(), in.u32(),
                                in.string("the OS release"));
                    },
                    (out, h, x) -> {
                        XdrOut.string(out, h.hostname());
                        out.putLong(h.uuid().getMostSignificantBits()).putLong(h.uuid().getLeastSignificantBits());
                        out.putInt((int) h.machineType()).putInt((int) h.osName());
                        XdrOut.string(out, h.osRelease());
                    },
                    (h, x) -> XdrOut.stringLength(h.hostname()) + 16 + 8 + XdrOut.stringLength(h.osRelease()),
                    Sflow.COUNTER_HOST_DESCRIPTION),
            counter(CounterData.HostAdapters.class, (in, f, x, d) -> adapters(in), (out, a, x) -> write(out, a),
                    (a, x) -> {
                        int n = 4;
                        for (CounterData.HostAdapter h : a.adapters()) {
                            n += 8 + 8 * h.macAddresses().size();
                        }
                        return n;
                    },
                    Sflow.COUNTER_HOST_ADAPTERS),
            fixedCounter(CounterData.HostParent.class, Sflow.COUNTER_HOST_PARENT, 4, 4),
            counter(CounterData.HostCpu.class, (in, f, x, d) -> hostCpu(in), (out, c, x) -> write(out, c),
                    (c, x) -> c.extended() ? HOST_CPU_EXTENDED_LENGTH : HOST_CPU_LENGTH, Sflow.COUNTER_HOST_CPU),
            fixedCounter(CounterData.VirtNode.class, Sflow.COUNTER_VIRT_NODE, 4, 4, 8, 8, 4),
            fixedCounter(CounterData.VirtCpu.class, Sflow.COUNTER_VIRT_CPU, 4, 4, 4),
            fixedCounter(CounterData.VirtMemory.class, Sflow.COUNTER_VIRT_MEMORY, 8, 8),
            fixedCounter(CounterData.VirtDiskIo.class, Sflow.COUNTER_VIRT_DISK_IO, 8, 8, 8, 4, 8, 4, 8, 4),
            fixedCounter(CounterData.VirtNetIo.class, Sflow.COUNTER_VIRT_NET_IO, 8, 4, 4, 4, 8, 4, 4, 4),
            counter(CounterData.AppOperations.class,
                    (in, f, x, d) -> {
                        String app = in.string("the application");
                        long[] v = u32s(in, 11);
                        return new CounterData.AppOperations(app, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
                    },
                    (out, a, x) -> {
                        XdrOut.string(out, a.application());
                        putU32s(out, a.success(), a.other(), a.timeout(), a.internalError(), a.badRequest(), a.forbidden(),
                                a.tooLarge(), a.notImplemented(), a.notFound(), a.unavailable(), a.unauthorized());
                    },
                    (a, x) -> XdrOut.stringLength(a.application()) + 44, Sflow.COUNTER_APP_OPERATIONS),
            fixedCounter(CounterData.AppResources.class, Sflow.COUNTER_APP_RESOURCES, 4, 4, 8, 8, 4, 4, 4, 4),
            fixedCounter(CounterData.AppWorkers.class, Sflow.COUNTER_APP_WORKERS, fours(5)));

    /** Every standard counter record structure. */
    public static final List<RecordType<? extends CounterData>> ALL =
            Stream.concat(NAMED.stream().map(RecordType::fixedCounter), OTHERS.stream()).toList();

    private static long[] u32s(XdrIn in, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.u32();
        }
        return v;
    }

    private static void putU32s(ByteBuffer out, long... values) {
        for (long x : values) {
            out.putInt((int) x);
        }
    }

    private static CounterData.Sfp sfp(XdrIn in) {
        long id = in.u32();
        long total = in.u32();
        long voltage = in.u32();
        int temperature = (int) in.u32();
        int n = in.count(40, "SFP lane");
        List<CounterData.SfpLane> lanes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] v = u32s(in, 10);
            lanes.add(new CounterData.SfpLane(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]));
        }
        return new CounterData.Sfp(id, total, voltage, temperature, lanes);
    }

    private static void write(ByteBuffer out, CounterData.Sfp f) {
        out.putInt((int) f.moduleId()).putInt((int) f.moduleTotalLanes()).putInt((int) f.moduleSupplyVoltage())
                .putInt(f.moduleTemperature()).putInt(f.lanes().size());
        for (CounterData.SfpLane l : f.lanes()) {
            putU32s(out, l.index(), l.txBiasCurrent(), l.txPower(), l.txPowerMin(), l.txPowerMax(), l.txWavelength(), l.rxPower(),
                    l.rxPowerMin(), l.rxPowerMax(), l.rxWavelength());
        }
    }

    private static CounterData.HostAdapters adapters(XdrIn in) {
        int n = in.count(8, "adapter");
        List<CounterData.HostAdapter> adapters = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long ifIndex = in.u32();
            int macs = in.count(8, "MAC address");
            List<Long> list = new ArrayList<>(macs);
            for (int j = 0; j < macs; j++) {
                list.add(in.mac());
            }
            adapters.add(new CounterData.HostAdapter(ifIndex, list));
        }
        return new CounterData.HostAdapters(adapters);
    }

    private static void write(ByteBuffer out, CounterData.HostAdapters a) {
        out.putInt(a.adapters().size());
        for (CounterData.HostAdapter x : a.adapters()) {
            out.putInt((int) x.ifIndex());
            out.putInt(x.macAddresses().size());
            for (long m : x.macAddresses()) {
                XdrOut.mac(out, m);
            }
        }
    }

    private static CounterData.HostCpu hostCpu(XdrIn in) {
        int len = in.remaining();
        if (len != HOST_CPU_LENGTH && len != HOST_CPU_EXTENDED_LENGTH) {
            throw new ContentException(in.position(), "a host CPU record is 68 or 80 bytes, not " + len);
        }
        float l1 = in.f32();
        float l5 = in.f32();
        float l15 = in.f32();
        long[] v = u32s(in, 14);
        boolean extended = len == HOST_CPU_EXTENDED_LENGTH;
        long steal = extended ? in.u32() : 0;
        long guest = extended ? in.u32() : 0;
        long guestNice = extended ? in.u32() : 0;
        return new CounterData.HostCpu(l1, l5, l15, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11], v[12], v[13], extended, steal, guest, guestNice);
    }

    private static void write(ByteBuffer out, CounterData.HostCpu c) {
        out.putFloat(c.loadOne()).putFloat(c.loadFive()).putFloat(c.loadFifteen());
        long[] v = {c.procRun(), c.procTotal(), c.cpuNum(), c.cpuSpeed(), c.uptime(), c.cpuUser(), c.cpuNice(),
            c.cpuSystem(), c.cpuIdle(), c.cpuWio(), c.cpuIntr(), c.cpuSintr(), c.interrupts(), c.contexts()};
        for (long x : v) {
            XdrOut.u32(out, x, "host CPU counter");
        }
        if (c.extended()) {
            XdrOut.u32(out, c.cpuSteal(), "cpuSteal");
            XdrOut.u32(out, c.cpuGuest(), "cpuGuest");
            XdrOut.u32(out, c.cpuGuestNice(), "cpuGuestNice");
        }
    }
}
