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
            Checks.notNull(hostname, "hostname");
            Checks.notNull(uuid, "uuid");
            Checks.u32(machineType, "machineType");
            Checks.u32(osName, "osName");
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
    }
}
