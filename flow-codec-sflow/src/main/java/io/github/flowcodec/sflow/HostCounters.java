package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The host counter records: processor (0:1001) and Host sFlow's host structures (0:2000 to 0:2010).
 *
 * <p>Its types are members of {@link CounterData} (which extends this interface), so they are named
 * {@code CounterData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var m = new CounterData.HostParent(3, 17);
 * }</pre>
 */
public sealed interface HostCounters permits CounterData {

    /**
     * 0:1001, processor: CPU load in hundredths of a percent over 5 s, 1 min and 5 min, and memory in bytes.
     *
     * <pre>{@code
     * new CounterData.Processor(1250, 1100, 900, 8L << 30, 3L << 30);
     * }</pre>
     */
    record Processor(long cpu5s, long cpu1m, long cpu5m, long totalMemory, long freeMemory) implements CounterData.Standard {
    }

    /**
     * 0:2000, host description (Host sFlow).
     *
     * <pre>{@code
     * new CounterData.HostDescription("web-1", new UUID(1, 2), 3, 2, "6.1.0");  // x86_64, Linux
     * }</pre>
     *
     * @param hostname the host name
     * @param uuid the host's UUID (16 bytes on the wire)
     * @param machineType the machine type code (3 = x86_64 ...)
     * @param osName the OS code (2 = Linux ...)
     * @param osRelease the OS release
     */
    record HostDescription(String hostname, UUID uuid, long machineType, long osName, String osRelease) implements CounterData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param hostname the host name
         * @param uuid the host's UUID (16 bytes on the wire)
         * @param machineType the machine type code (3 = x86_64 ...)
         * @param osName the OS code (2 = Linux ...)
         * @param osRelease the OS release
         */
        public HostDescription {
            Checks.notNulls("hostname uuid", hostname, uuid);
            Checks.u32s("machineType osName", machineType, osName);
            Checks.notNull(osRelease, "osRelease");
        }
    }

    /**
     * One network adapter of {@link HostAdapters}.
     *
     * <pre>{@code
     * new CounterData.HostAdapter(2, List.of(0x0016_3e00_0001L));
     * }</pre>
     *
     * @param ifIndex the adapter's ifIndex
     * @param macAddresses its MAC addresses, each in the low 48 bits
     */
    record HostAdapter(long ifIndex, List<Long> macAddresses) {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and MAC addresses fit 48 bits, and copies the
         * lists and arrays given (the record keeps its own).
         *
         * @param ifIndex the adapter's ifIndex
         * @param macAddresses its MAC addresses, each in the low 48 bits
         */
        public HostAdapter {
            Checks.u32(ifIndex, "ifIndex");
            macAddresses = List.copyOf(macAddresses);
            macAddresses.forEach(m -> Checks.range(m, 0, 0xFFFF_FFFF_FFFFL, "MAC address"));
        }
    }

    /**
     * 0:2001, host adapters (Host sFlow).
     *
     * <pre>{@code
     * new CounterData.HostAdapters(List.of(new CounterData.HostAdapter(2, List.of(0x0016_3e00_0001L))));
     * }</pre>
     *
     * @param adapters the host's network adapters
     */
    record HostAdapters(List<HostAdapter> adapters) implements CounterData.Standard {
        /**
         * Checks the components, and copies the lists and arrays given (the record keeps its own).
         *
         * @param adapters the host's network adapters
         */
        public HostAdapters {
            adapters = List.copyOf(adapters);
        }
    }

    /**
     * 0:2002, host parent: the container this host runs in.
     *
     * <pre>{@code
     * new CounterData.HostParent(2, 1);
     * }</pre>
     */
    record HostParent(long containerType, long containerIndex) implements CounterData.Standard {
    }

    /**
     * 0:2003, host CPU (Host sFlow). Agents send either the first 17 fields (68 bytes) or all 20 (80 bytes,
     * with steal and guest times); {@link #extended()} says which, and the same form is re-encoded.
     *
     * <pre>{@code
     * c.loadOne();   // 1-minute load average
     * }</pre>
     *
     * @param loadOne the 1-minute load average
     * @param loadFive the 5-minute load average
     * @param loadFifteen the 15-minute load average
     * @param procRun processes running
     * @param procTotal processes in all
     * @param cpuNum the number of CPUs
     * @param cpuSpeed the CPU speed in MHz
     * @param uptime seconds since the host booted
     * @param cpuUser milliseconds of CPU time in user mode
     * @param cpuNice milliseconds in user mode at low priority
     * @param cpuSystem milliseconds in the kernel
     * @param cpuIdle milliseconds idle
     * @param cpuWio milliseconds waiting for I/O
     * @param cpuIntr milliseconds servicing interrupts
     * @param cpuSintr milliseconds servicing soft interrupts
     * @param interrupts interrupts since boot
     * @param contexts context switches since boot
     * @param extended true for the 80-byte form with the three fields below
     * @param cpuSteal milliseconds stolen by the hypervisor (extended form only, else 0)
     * @param cpuGuest milliseconds running a guest (extended form only, else 0)
     * @param cpuGuestNice milliseconds running a low-priority guest (extended form only, else 0)
     */
    record HostCpu(float loadOne, float loadFive, float loadFifteen, long procRun, long procTotal, long cpuNum,
            long cpuSpeed, long uptime, long cpuUser, long cpuNice, long cpuSystem, long cpuIdle, long cpuWio,
            long cpuIntr, long cpuSintr, long interrupts, long contexts, boolean extended, long cpuSteal,
            long cpuGuest, long cpuGuestNice) implements CounterData.Standard {
        /**
         * Checks that steal and guest times come only with the extended form.
         *
         * @param loadOne the 1-minute load average
         * @param loadFive the 5-minute load average
         * @param loadFifteen the 15-minute load average
         * @param procRun processes running
         * @param procTotal processes in all
         * @param cpuNum the number of CPUs
         * @param cpuSpeed the CPU speed in MHz
         * @param uptime seconds since the host booted
         * @param cpuUser milliseconds of CPU time in user mode
         * @param cpuNice milliseconds in user mode at low priority
         * @param cpuSystem milliseconds in the kernel
         * @param cpuIdle milliseconds idle
         * @param cpuWio milliseconds waiting for I/O
         * @param cpuIntr milliseconds servicing interrupts
         * @param cpuSintr milliseconds servicing soft interrupts
         * @param interrupts interrupts since boot
         * @param contexts context switches since boot
         * @param extended true for the 80-byte form with the three fields below
         * @param cpuSteal milliseconds stolen by the hypervisor (extended form only, else 0)
         * @param cpuGuest milliseconds running a guest (extended form only, else 0)
         * @param cpuGuestNice milliseconds running a low-priority guest (extended form only, else 0)
         */
        public HostCpu {
            if (!extended && (cpuSteal | cpuGuest | cpuGuestNice) != 0) {
                throw new IllegalArgumentException("steal and guest times need the extended (80-byte) form");
            }
        }


        @Override
        public boolean equals(Object o) {
            return o instanceof HostCpu c && Float.floatToRawIntBits(c.loadOne) == Float.floatToRawIntBits(loadOne)
                    && Float.floatToRawIntBits(c.loadFive) == Float.floatToRawIntBits(loadFive)
                    && Float.floatToRawIntBits(c.loadFifteen) == Float.floatToRawIntBits(loadFifteen)
                    && c.procRun == procRun && c.procTotal == procTotal && c.cpuNum == cpuNum && c.cpuSpeed == cpuSpeed
                    && c.uptime == uptime && c.cpuUser == cpuUser && c.cpuNice == cpuNice && c.cpuSystem == cpuSystem
                    && c.cpuIdle == cpuIdle && c.cpuWio == cpuWio && c.cpuIntr == cpuIntr && c.cpuSintr == cpuSintr
                    && c.interrupts == interrupts && c.contexts == contexts && c.extended == extended
                    && c.cpuSteal == cpuSteal && c.cpuGuest == cpuGuest && c.cpuGuestNice == cpuGuestNice;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Float.floatToRawIntBits(loadOne), procRun, procTotal, cpuUser, cpuIdle, uptime, extended);
        }
    }

    /**
     * 0:2004, host memory in bytes and paging counters (Host sFlow).
     *
     * <pre>{@code
     * m.memFree();
     * }</pre>
     */
    record HostMemory(long memTotal, long memFree, long memShared, long memBuffers, long memCached, long swapTotal,
            long swapFree, long pageIn, long pageOut, long swapIn, long swapOut) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<HostMemory>> FIELDS = CounterField.layout(HostMemory.class, Sflow.COUNTER_HOST_MEMORY,
                8, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4);
        /** {@code memTotal}. */
        public static final CounterField<HostMemory> MEM_TOTAL = FIELDS.get(0);
        /** {@code memFree}. */
        public static final CounterField<HostMemory> MEM_FREE = FIELDS.get(1);
        /** {@code memShared}. */
        public static final CounterField<HostMemory> MEM_SHARED = FIELDS.get(2);
        /** {@code memBuffers}. */
        public static final CounterField<HostMemory> MEM_BUFFERS = FIELDS.get(3);
        /** {@code memCached}. */
        public static final CounterField<HostMemory> MEM_CACHED = FIELDS.get(4);
        /** {@code swapTotal}. */
        public static final CounterField<HostMemory> SWAP_TOTAL = FIELDS.get(5);
        /** {@code swapFree}. */
        public static final CounterField<HostMemory> SWAP_FREE = FIELDS.get(6);
        /** {@code pageIn}. */
        public static final CounterField<HostMemory> PAGE_IN = FIELDS.get(7);
        /** {@code pageOut}. */
        public static final CounterField<HostMemory> PAGE_OUT = FIELDS.get(8);
        /** {@code swapIn}. */
        public static final CounterField<HostMemory> SWAP_IN = FIELDS.get(9);
        /** {@code swapOut}. */
        public static final CounterField<HostMemory> SWAP_OUT = FIELDS.get(10);
    }

    /**
     * 0:2005, host disk I/O (Host sFlow).
     *
     * <pre>{@code
     * d.bytesRead();
     * }</pre>
     */
    record HostDiskIo(long diskTotal, long diskFree, long partMaxUsed, long reads, long bytesRead, long readTime,
            long writes, long bytesWritten, long writeTime) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<HostDiskIo>> FIELDS = CounterField.layout(HostDiskIo.class, Sflow.COUNTER_HOST_DISK_IO,
                8, 8, 4, 4, 8, 4, 4, 8, 4);
        /** {@code diskTotal}. */
        public static final CounterField<HostDiskIo> DISK_TOTAL = FIELDS.get(0);
        /** {@code diskFree}. */
        public static final CounterField<HostDiskIo> DISK_FREE = FIELDS.get(1);
        /** {@code partMaxUsed}. */
        public static final CounterField<HostDiskIo> PART_MAX_USED = FIELDS.get(2);
        /** {@code reads}. */
        public static final CounterField<HostDiskIo> READS = FIELDS.get(3);
        /** {@code bytesRead}. */
        public static final CounterField<HostDiskIo> BYTES_READ = FIELDS.get(4);
        /** {@code readTime}. */
        public static final CounterField<HostDiskIo> READ_TIME = FIELDS.get(5);
        /** {@code writes}. */
        public static final CounterField<HostDiskIo> WRITES = FIELDS.get(6);
        /** {@code bytesWritten}. */
        public static final CounterField<HostDiskIo> BYTES_WRITTEN = FIELDS.get(7);
        /** {@code writeTime}. */
        public static final CounterField<HostDiskIo> WRITE_TIME = FIELDS.get(8);
    }

    /**
     * 0:2006, host network I/O (Host sFlow).
     *
     * <pre>{@code
     * n.bytesIn();
     * }</pre>
     */
    record HostNetIo(long bytesIn, long pktsIn, long errsIn, long dropsIn, long bytesOut, long pktsOut, long errsOut,
            long dropsOut) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<HostNetIo>> FIELDS = CounterField.layout(HostNetIo.class, Sflow.COUNTER_HOST_NET_IO,
                8, 4, 4, 4, 8, 4, 4, 4);
        /** {@code bytesIn}. */
        public static final CounterField<HostNetIo> BYTES_IN = FIELDS.get(0);
        /** {@code pktsIn}. */
        public static final CounterField<HostNetIo> PKTS_IN = FIELDS.get(1);
        /** {@code errsIn}. */
        public static final CounterField<HostNetIo> ERRS_IN = FIELDS.get(2);
        /** {@code dropsIn}. */
        public static final CounterField<HostNetIo> DROPS_IN = FIELDS.get(3);
        /** {@code bytesOut}. */
        public static final CounterField<HostNetIo> BYTES_OUT = FIELDS.get(4);
        /** {@code pktsOut}. */
        public static final CounterField<HostNetIo> PKTS_OUT = FIELDS.get(5);
        /** {@code errsOut}. */
        public static final CounterField<HostNetIo> ERRS_OUT = FIELDS.get(6);
        /** {@code dropsOut}. */
        public static final CounterField<HostNetIo> DROPS_OUT = FIELDS.get(7);
    }

    /**
     * 0:2007, the MIB-II IP group (RFC 1213 / 4293 counters) of a host (Host sFlow).
     *
     * <pre>{@code
     * ip.ipInDiscards();
     * }</pre>
     */
    record Mib2Ip(long ipForwarding, long ipDefaultTTL, long ipInReceives, long ipInHdrErrors, long ipInAddrErrors,
            long ipForwDatagrams, long ipInUnknownProtos, long ipInDiscards, long ipInDelivers, long ipOutRequests,
            long ipOutDiscards, long ipOutNoRoutes, long ipReasmTimeout, long ipReasmReqds, long ipReasmOKs,
            long ipReasmFails, long ipFragOKs, long ipFragFails, long ipFragCreates) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Mib2Ip>> FIELDS = CounterField.layout(Mib2Ip.class, Sflow.COUNTER_MIB2_IP,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        /** {@code ipForwarding}. */
        public static final CounterField<Mib2Ip> IP_FORWARDING = FIELDS.get(0);
        /** {@code ipDefaultTTL}. */
        public static final CounterField<Mib2Ip> IP_DEFAULT_TTL = FIELDS.get(1);
        /** {@code ipInReceives}. */
        public static final CounterField<Mib2Ip> IP_IN_RECEIVES = FIELDS.get(2);
        /** {@code ipInHdrErrors}. */
        public static final CounterField<Mib2Ip> IP_IN_HDR_ERRORS = FIELDS.get(3);
        /** {@code ipInAddrErrors}. */
        public static final CounterField<Mib2Ip> IP_IN_ADDR_ERRORS = FIELDS.get(4);
        /** {@code ipForwDatagrams}. */
        public static final CounterField<Mib2Ip> IP_FORW_DATAGRAMS = FIELDS.get(5);
        /** {@code ipInUnknownProtos}. */
        public static final CounterField<Mib2Ip> IP_IN_UNKNOWN_PROTOS = FIELDS.get(6);
        /** {@code ipInDiscards}. */
        public static final CounterField<Mib2Ip> IP_IN_DISCARDS = FIELDS.get(7);
        /** {@code ipInDelivers}. */
        public static final CounterField<Mib2Ip> IP_IN_DELIVERS = FIELDS.get(8);
        /** {@code ipOutRequests}. */
        public static final CounterField<Mib2Ip> IP_OUT_REQUESTS = FIELDS.get(9);
        /** {@code ipOutDiscards}. */
        public static final CounterField<Mib2Ip> IP_OUT_DISCARDS = FIELDS.get(10);
        /** {@code ipOutNoRoutes}. */
        public static final CounterField<Mib2Ip> IP_OUT_NO_ROUTES = FIELDS.get(11);
        /** {@code ipReasmTimeout}. */
        public static final CounterField<Mib2Ip> IP_REASM_TIMEOUT = FIELDS.get(12);
        /** {@code ipReasmReqds}. */
        public static final CounterField<Mib2Ip> IP_REASM_REQDS = FIELDS.get(13);
        /** {@code ipReasmOKs}. */
        public static final CounterField<Mib2Ip> IP_REASM_O_KS = FIELDS.get(14);
        /** {@code ipReasmFails}. */
        public static final CounterField<Mib2Ip> IP_REASM_FAILS = FIELDS.get(15);
        /** {@code ipFragOKs}. */
        public static final CounterField<Mib2Ip> IP_FRAG_O_KS = FIELDS.get(16);
        /** {@code ipFragFails}. */
        public static final CounterField<Mib2Ip> IP_FRAG_FAILS = FIELDS.get(17);
        /** {@code ipFragCreates}. */
        public static final CounterField<Mib2Ip> IP_FRAG_CREATES = FIELDS.get(18);
    }

    /**
     * 0:2008, the MIB-II ICMP group of a host (Host sFlow; the structure has no icmpInTimestampReps).
     *
     * <pre>{@code
     * icmp.icmpInDestUnreachs();
     * }</pre>
     */
    record Mib2Icmp(long icmpInMsgs, long icmpInErrors, long icmpInDestUnreachs, long icmpInTimeExcds,
            long icmpInParamProbs, long icmpInSrcQuenchs, long icmpInRedirects, long icmpInEchos, long icmpInEchoReps,
            long icmpInTimestamps, long icmpInAddrMasks, long icmpInAddrMaskReps, long icmpOutMsgs, long icmpOutErrors,
            long icmpOutDestUnreachs, long icmpOutTimeExcds, long icmpOutParamProbs, long icmpOutSrcQuenchs,
            long icmpOutRedirects, long icmpOutEchos, long icmpOutEchoReps, long icmpOutTimestamps,
            long icmpOutTimestampReps, long icmpOutAddrMasks, long icmpOutAddrMaskReps) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Mib2Icmp>> FIELDS = CounterField.layout(Mib2Icmp.class, Sflow.COUNTER_MIB2_ICMP,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        /** {@code icmpInMsgs}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_MSGS = FIELDS.get(0);
        /** {@code icmpInErrors}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_ERRORS = FIELDS.get(1);
        /** {@code icmpInDestUnreachs}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_DEST_UNREACHS = FIELDS.get(2);
        /** {@code icmpInTimeExcds}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_TIME_EXCDS = FIELDS.get(3);
        /** {@code icmpInParamProbs}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_PARAM_PROBS = FIELDS.get(4);
        /** {@code icmpInSrcQuenchs}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_SRC_QUENCHS = FIELDS.get(5);
        /** {@code icmpInRedirects}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_REDIRECTS = FIELDS.get(6);
        /** {@code icmpInEchos}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_ECHOS = FIELDS.get(7);
        /** {@code icmpInEchoReps}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_ECHO_REPS = FIELDS.get(8);
        /** {@code icmpInTimestamps}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_TIMESTAMPS = FIELDS.get(9);
        /** {@code icmpInAddrMasks}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_ADDR_MASKS = FIELDS.get(10);
        /** {@code icmpInAddrMaskReps}. */
        public static final CounterField<Mib2Icmp> ICMP_IN_ADDR_MASK_REPS = FIELDS.get(11);
        /** {@code icmpOutMsgs}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_MSGS = FIELDS.get(12);
        /** {@code icmpOutErrors}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_ERRORS = FIELDS.get(13);
        /** {@code icmpOutDestUnreachs}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_DEST_UNREACHS = FIELDS.get(14);
        /** {@code icmpOutTimeExcds}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_TIME_EXCDS = FIELDS.get(15);
        /** {@code icmpOutParamProbs}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_PARAM_PROBS = FIELDS.get(16);
        /** {@code icmpOutSrcQuenchs}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_SRC_QUENCHS = FIELDS.get(17);
        /** {@code icmpOutRedirects}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_REDIRECTS = FIELDS.get(18);
        /** {@code icmpOutEchos}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_ECHOS = FIELDS.get(19);
        /** {@code icmpOutEchoReps}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_ECHO_REPS = FIELDS.get(20);
        /** {@code icmpOutTimestamps}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_TIMESTAMPS = FIELDS.get(21);
        /** {@code icmpOutTimestampReps}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_TIMESTAMP_REPS = FIELDS.get(22);
        /** {@code icmpOutAddrMasks}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_ADDR_MASKS = FIELDS.get(23);
        /** {@code icmpOutAddrMaskReps}. */
        public static final CounterField<Mib2Icmp> ICMP_OUT_ADDR_MASK_REPS = FIELDS.get(24);
    }

    /**
     * 0:2009, the MIB-II TCP group of a host (Host sFlow).
     *
     * <pre>{@code
     * tcp.tcpRetransSegs();
     * }</pre>
     */
    record Mib2Tcp(long tcpRtoAlgorithm, long tcpRtoMin, long tcpRtoMax, long tcpMaxConn, long tcpActiveOpens,
            long tcpPassiveOpens, long tcpAttemptFails, long tcpEstabResets, long tcpCurrEstab, long tcpInSegs,
            long tcpOutSegs, long tcpRetransSegs, long tcpInErrs, long tcpOutRsts, long tcpInCsumErrs) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Mib2Tcp>> FIELDS = CounterField.layout(Mib2Tcp.class, Sflow.COUNTER_MIB2_TCP,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        /** {@code tcpRtoAlgorithm}. */
        public static final CounterField<Mib2Tcp> TCP_RTO_ALGORITHM = FIELDS.get(0);
        /** {@code tcpRtoMin}. */
        public static final CounterField<Mib2Tcp> TCP_RTO_MIN = FIELDS.get(1);
        /** {@code tcpRtoMax}. */
        public static final CounterField<Mib2Tcp> TCP_RTO_MAX = FIELDS.get(2);
        /** {@code tcpMaxConn}. */
        public static final CounterField<Mib2Tcp> TCP_MAX_CONN = FIELDS.get(3);
        /** {@code tcpActiveOpens}. */
        public static final CounterField<Mib2Tcp> TCP_ACTIVE_OPENS = FIELDS.get(4);
        /** {@code tcpPassiveOpens}. */
        public static final CounterField<Mib2Tcp> TCP_PASSIVE_OPENS = FIELDS.get(5);
        /** {@code tcpAttemptFails}. */
        public static final CounterField<Mib2Tcp> TCP_ATTEMPT_FAILS = FIELDS.get(6);
        /** {@code tcpEstabResets}. */
        public static final CounterField<Mib2Tcp> TCP_ESTAB_RESETS = FIELDS.get(7);
        /** {@code tcpCurrEstab}. */
        public static final CounterField<Mib2Tcp> TCP_CURR_ESTAB = FIELDS.get(8);
        /** {@code tcpInSegs}. */
        public static final CounterField<Mib2Tcp> TCP_IN_SEGS = FIELDS.get(9);
        /** {@code tcpOutSegs}. */
        public static final CounterField<Mib2Tcp> TCP_OUT_SEGS = FIELDS.get(10);
        /** {@code tcpRetransSegs}. */
        public static final CounterField<Mib2Tcp> TCP_RETRANS_SEGS = FIELDS.get(11);
        /** {@code tcpInErrs}. */
        public static final CounterField<Mib2Tcp> TCP_IN_ERRS = FIELDS.get(12);
        /** {@code tcpOutRsts}. */
        public static final CounterField<Mib2Tcp> TCP_OUT_RSTS = FIELDS.get(13);
        /** {@code tcpInCsumErrs}. */
        public static final CounterField<Mib2Tcp> TCP_IN_CSUM_ERRS = FIELDS.get(14);
    }

    /**
     * 0:2010, the MIB-II UDP group of a host (Host sFlow).
     *
     * <pre>{@code
     * udp.udpNoPorts();
     * }</pre>
     */
    record Mib2Udp(long udpInDatagrams, long udpNoPorts, long udpInErrors, long udpOutDatagrams, long udpRcvbufErrors,
            long udpSndbufErrors, long udpInCsumErrors) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Mib2Udp>> FIELDS = CounterField.layout(Mib2Udp.class, Sflow.COUNTER_MIB2_UDP,
                4, 4, 4, 4, 4, 4, 4);
        /** {@code udpInDatagrams}. */
        public static final CounterField<Mib2Udp> UDP_IN_DATAGRAMS = FIELDS.get(0);
        /** {@code udpNoPorts}. */
        public static final CounterField<Mib2Udp> UDP_NO_PORTS = FIELDS.get(1);
        /** {@code udpInErrors}. */
        public static final CounterField<Mib2Udp> UDP_IN_ERRORS = FIELDS.get(2);
        /** {@code udpOutDatagrams}. */
        public static final CounterField<Mib2Udp> UDP_OUT_DATAGRAMS = FIELDS.get(3);
        /** {@code udpRcvbufErrors}. */
        public static final CounterField<Mib2Udp> UDP_RCVBUF_ERRORS = FIELDS.get(4);
        /** {@code udpSndbufErrors}. */
        public static final CounterField<Mib2Udp> UDP_SNDBUF_ERRORS = FIELDS.get(5);
        /** {@code udpInCsumErrors}. */
        public static final CounterField<Mib2Udp> UDP_IN_CSUM_ERRORS = FIELDS.get(6);
    }
}
