package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One counter record of a {@link CounterSample}: the interface counters of the sFlow v5 specification,
 * processor, port name, the Host sFlow host and virtual-machine structures, a registered enterprise
 * format ({@link Extension}) or any other record kept as its bytes ({@link Unknown}).
 *
 * <p>Every counter is held in a {@code long}: 32-bit counters are unsigned 0 to 2^32-1, 64-bit counters
 * are the 64 bits as sent (read them with {@link Long#toUnsignedString} above 2^63). A value of all ones
 * means "unknown" in the specification and is kept as it is.
 *
 * <pre>{@code
 * for (CounterData d : counterSample.records()) {
 *     if (d instanceof CounterData.GenericInterface g) {
 *         meter.record(g.ifIndex(), g.ifInOctets(), g.ifOutOctets());
 *     }
 * }
 * }</pre>
 */
public sealed interface CounterData {

    /** The enterprise of the record's data format. */
    long enterprise();

    /** The format of the record's data format. */
    int format();

    /**
     * A standard record of enterprise 0 (every typed counter record but {@link Extension} and {@link Unknown}).
     *
     * <pre>{@code
     * boolean standard = record instanceof CounterData.Standard;
     * }</pre>
     */
    sealed interface Standard extends CounterData {
        @Override
        default long enterprise() {
            return 0;
        }
    }

    /**
     * 0:1, generic interface counters (RFC 2233).
     *
     * <pre>{@code
     * g.ifSpeed();   // bits per second
     * }</pre>
     */
    record GenericInterface(long ifIndex, long ifType, long ifSpeed, long ifDirection, long ifStatus, long ifInOctets,
            long ifInUcastPkts, long ifInMulticastPkts, long ifInBroadcastPkts, long ifInDiscards, long ifInErrors,
            long ifInUnknownProtos, long ifOutOctets, long ifOutUcastPkts, long ifOutMulticastPkts,
            long ifOutBroadcastPkts, long ifOutDiscards, long ifOutErrors, long ifPromiscuousMode) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_GENERIC_INTERFACE;
        }
    }

    /**
     * 0:2, Ethernet interface counters (RFC 2358).
     *
     * <pre>{@code
     * e.dot3StatsFCSErrors();
     * }</pre>
     */
    record Ethernet(long dot3StatsAlignmentErrors, long dot3StatsFCSErrors, long dot3StatsSingleCollisionFrames,
            long dot3StatsMultipleCollisionFrames, long dot3StatsSQETestErrors, long dot3StatsDeferredTransmissions,
            long dot3StatsLateCollisions, long dot3StatsExcessiveCollisions, long dot3StatsInternalMacTransmitErrors,
            long dot3StatsCarrierSenseErrors, long dot3StatsFrameTooLongs, long dot3StatsInternalMacReceiveErrors,
            long dot3StatsSymbolErrors) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_ETHERNET;
        }
    }

    /**
     * 0:3, token ring counters (RFC 1748).
     *
     * <pre>{@code
     * t.dot5StatsLineErrors();
     * }</pre>
     */
    record TokenRing(long dot5StatsLineErrors, long dot5StatsBurstErrors, long dot5StatsACErrors,
            long dot5StatsAbortTransErrors, long dot5StatsInternalErrors, long dot5StatsLostFrameErrors,
            long dot5StatsReceiveCongestions, long dot5StatsFrameCopiedErrors, long dot5StatsTokenErrors,
            long dot5StatsSoftErrors, long dot5StatsHardErrors, long dot5StatsSignalLoss,
            long dot5StatsTransmitBeacons, long dot5StatsRecoverys, long dot5StatsLobeWires, long dot5StatsRemoves,
            long dot5StatsSingles, long dot5StatsFreqErrors) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_TOKEN_RING;
        }
    }

    /**
     * 0:4, 100BaseVG interface counters (RFC 2020).
     *
     * <pre>{@code
     * v.dot12InHighPriorityFrames();
     * }</pre>
     */
    record Vg100(long dot12InHighPriorityFrames, long dot12InHighPriorityOctets, long dot12InNormPriorityFrames,
            long dot12InNormPriorityOctets, long dot12InIPMErrors, long dot12InOversizeFrameErrors,
            long dot12InDataErrors, long dot12InNullAddressedFrames, long dot12OutHighPriorityFrames,
            long dot12OutHighPriorityOctets, long dot12TransitionIntoTrainings, long dot12HCInHighPriorityOctets,
            long dot12HCInNormPriorityOctets, long dot12HCOutHighPriorityOctets) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VG;
        }
    }

    /**
     * 0:5, VLAN counters.
     *
     * <pre>{@code
     * new CounterData.Vlan(100, 123456, 100, 3, 2, 0);
     * }</pre>
     */
    record Vlan(long vlanId, long octets, long ucastPkts, long multicastPkts, long broadcastPkts, long discards)
            implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VLAN;
        }
    }

    /**
     * 0:6, IEEE 802.11 counters.
     *
     * <pre>{@code
     * w.dot11FCSErrorCount();
     * }</pre>
     */
    record Ieee80211(long dot11TransmittedFragmentCount, long dot11MulticastTransmittedFrameCount, long dot11FailedCount,
            long dot11RetryCount, long dot11MultipleRetryCount, long dot11FrameDuplicateCount, long dot11RTSSuccessCount,
            long dot11RTSFailureCount, long dot11ACKFailureCount, long dot11ReceivedFragmentCount,
            long dot11MulticastReceivedFrameCount, long dot11FCSErrorCount, long dot11TransmittedFrameCount,
            long dot11WEPUndecryptableCount, long dot11QoSDiscardedFragmentCount, long dot11AssociatedStationCount,
            long dot11QoSCFPollsReceivedCount, long dot11QoSCFPollsUnusedCount, long dot11QoSCFPollsUnusableCount,
            long dot11QoSCFPollsLostCount) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_IEEE80211;
        }
    }

    /**
     * 0:7, LAG port counters (sflow_lag.txt, IEEE 802.1AX LACP).
     *
     * <pre>{@code
     * new CounterData.Lacp(actorMac, partnerMac, 1000, 0x3D3D_3D3DL, 10, 0, 0, 0, 0, 10, 0, 0);
     * }</pre>
     *
     * @param actorSystemId the actor's system id (a MAC) in the low 48 bits
     * @param partnerSystemId the partner's system id in the low 48 bits
     * @param attachedAggId the ifIndex of the aggregator the port is attached to
     * @param portState actor admin, actor oper, partner admin and partner oper state, one byte each (first is the top byte)
     */
    record Lacp(long actorSystemId, long partnerSystemId, long attachedAggId, long portState, long lacpdusRx,
            long markerPdusRx, long markerResponsePdusRx, long unknownRx, long illegalRx, long lacpdusTx,
            long markerPdusTx, long markerResponsePdusTx) implements Standard {
        public Lacp {
            Checks.range(actorSystemId, 0, 0xFFFF_FFFF_FFFFL, "actorSystemId");
            Checks.range(partnerSystemId, 0, 0xFFFF_FFFF_FFFFL, "partnerSystemId");
            long[] v = {attachedAggId, portState, lacpdusRx, markerPdusRx, markerResponsePdusRx, unknownRx, illegalRx,
                lacpdusTx, markerPdusTx, markerResponsePdusTx};
            for (long x : v) {
                Checks.u32(x, "LACP counter");
            }
        }

        @Override
        public int format() {
            return Sflow.COUNTER_LACP;
        }
    }

    /**
     * One lane of an optical module (sflow_optics.txt): currents in uA, powers in uW, wavelengths in nm.
     *
     * <pre>{@code
     * new CounterData.SfpLane(1, 6_500, 800, 300, 1_500, 1310, 750, 200, 1_500, 1310);
     * }</pre>
     */
    record SfpLane(long index, long txBiasCurrent, long txPower, long txPowerMin, long txPowerMax, long txWavelength,
            long rxPower, long rxPowerMin, long rxPowerMax, long rxWavelength) {
        public SfpLane {
            long[] v = {index, txBiasCurrent, txPower, txPowerMin, txPowerMax, txWavelength, rxPower, rxPowerMin, rxPowerMax,
                rxWavelength};
            for (long x : v) {
                Checks.u32(x, "SFP lane gauge");
            }
        }
    }

    /**
     * 0:10, optical SFP/QSFP module gauges (sflow_optics.txt).
     *
     * <pre>{@code
     * new CounterData.Sfp(1, 4, 3_300_000, 41_000, List.of(lane1, lane2));
     * }</pre>
     *
     * @param moduleId the module's id (the ifIndex of the interface it serves, usually)
     * @param moduleTotalLanes the lanes the module has (the list holds those with gauges)
     * @param moduleSupplyVoltage the supply voltage in mV
     * @param moduleTemperature the temperature in thousandths of a degree Celsius (signed)
     * @param lanes the lanes
     */
    record Sfp(long moduleId, long moduleTotalLanes, long moduleSupplyVoltage, int moduleTemperature, List<SfpLane> lanes)
            implements Standard {
        public Sfp {
            Checks.u32(moduleId, "moduleId");
            Checks.u32(moduleTotalLanes, "moduleTotalLanes");
            Checks.u32(moduleSupplyVoltage, "moduleSupplyVoltage");
            lanes = List.copyOf(lanes);
        }

        @Override
        public int format() {
            return Sflow.COUNTER_SFP;
        }
    }

    /**
     * 0:1001, processor: CPU load in hundredths of a percent over 5 s, 1 min and 5 min, and memory in bytes.
     *
     * <pre>{@code
     * new CounterData.Processor(1250, 1100, 900, 8L << 30, 3L << 30);
     * }</pre>
     */
    record Processor(long cpu5s, long cpu1m, long cpu5m, long totalMemory, long freeMemory) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_PROCESSOR;
        }
    }

    /**
     * 0:1002, radio utilization (sflow_80211.txt), times in milliseconds.
     *
     * <pre>{@code
     * new CounterData.RadioUtilization(30_000, 29_500, 6_000);   // 20% busy while on channel
     * }</pre>
     */
    record RadioUtilization(long elapsedTime, long onChannelTime, long onChannelBusyTime) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_RADIO_UTILIZATION;
        }
    }

    /**
     * 0:1005, port name.
     *
     * <pre>{@code
     * new CounterData.PortName("eno1");
     * }</pre>
     */
    record PortName(String name) implements Standard {
        public PortName {
            Checks.notNull(name, "name");
        }

        @Override
        public int format() {
            return Sflow.COUNTER_PORT_NAME;
        }
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
    record HostDescription(String hostname, UUID uuid, long machineType, long osName, String osRelease) implements Standard {
        public HostDescription {
            Checks.notNull(hostname, "hostname");
            Checks.notNull(uuid, "uuid");
            Checks.u32(machineType, "machineType");
            Checks.u32(osName, "osName");
            Checks.notNull(osRelease, "osRelease");
        }

        @Override
        public int format() {
            return Sflow.COUNTER_HOST_DESCRIPTION;
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
     */
    record HostAdapters(List<HostAdapter> adapters) implements Standard {
        public HostAdapters {
            adapters = List.copyOf(adapters);
        }

        @Override
        public int format() {
            return Sflow.COUNTER_HOST_ADAPTERS;
        }
    }

    /**
     * 0:2002, host parent: the container this host runs in.
     *
     * <pre>{@code
     * new CounterData.HostParent(2, 1);
     * }</pre>
     */
    record HostParent(long containerType, long containerIndex) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_HOST_PARENT;
        }
    }

    /**
     * 0:2003, host CPU (Host sFlow). Agents send either the first 17 fields (68 bytes) or all 20 (80 bytes,
     * with steal and guest times); {@link #extended()} says which, and the same form is re-encoded.
     *
     * <pre>{@code
     * c.loadOne();   // 1-minute load average
     * }</pre>
     */
    record HostCpu(float loadOne, float loadFive, float loadFifteen, long procRun, long procTotal, long cpuNum,
            long cpuSpeed, long uptime, long cpuUser, long cpuNice, long cpuSystem, long cpuIdle, long cpuWio,
            long cpuIntr, long cpuSintr, long interrupts, long contexts, boolean extended, long cpuSteal,
            long cpuGuest, long cpuGuestNice) implements Standard {
        public HostCpu {
            if (!extended && (cpuSteal | cpuGuest | cpuGuestNice) != 0) {
                throw new IllegalArgumentException("steal and guest times need the extended (80-byte) form");
            }
        }

        @Override
        public int format() {
            return Sflow.COUNTER_HOST_CPU;
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
            long swapFree, long pageIn, long pageOut, long swapIn, long swapOut) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_HOST_MEMORY;
        }
    }

    /**
     * 0:2005, host disk I/O (Host sFlow).
     *
     * <pre>{@code
     * d.bytesRead();
     * }</pre>
     */
    record HostDiskIo(long diskTotal, long diskFree, long partMaxUsed, long reads, long bytesRead, long readTime,
            long writes, long bytesWritten, long writeTime) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_HOST_DISK_IO;
        }
    }

    /**
     * 0:2006, host network I/O (Host sFlow).
     *
     * <pre>{@code
     * n.bytesIn();
     * }</pre>
     */
    record HostNetIo(long bytesIn, long pktsIn, long errsIn, long dropsIn, long bytesOut, long pktsOut, long errsOut,
            long dropsOut) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_HOST_NET_IO;
        }
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
            long ipReasmFails, long ipFragOKs, long ipFragFails, long ipFragCreates) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_MIB2_IP;
        }
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
            long icmpOutTimestampReps, long icmpOutAddrMasks, long icmpOutAddrMaskReps) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_MIB2_ICMP;
        }
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
            long tcpOutSegs, long tcpRetransSegs, long tcpInErrs, long tcpOutRsts, long tcpInCsumErrs) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_MIB2_TCP;
        }
    }

    /**
     * 0:2010, the MIB-II UDP group of a host (Host sFlow).
     *
     * <pre>{@code
     * udp.udpNoPorts();
     * }</pre>
     */
    record Mib2Udp(long udpInDatagrams, long udpNoPorts, long udpInErrors, long udpOutDatagrams, long udpRcvbufErrors,
            long udpSndbufErrors, long udpInCsumErrors) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_MIB2_UDP;
        }
    }

    /**
     * 0:2202, application operations (sflow_application.txt): operations by status since the application started.
     *
     * <pre>{@code
     * new CounterData.AppOperations("payments", 1000, 2, 1, 0, 3, 0, 0, 0, 4, 0, 0);
     * }</pre>
     *
     * @param application the application name
     */
    record AppOperations(String application, long success, long other, long timeout, long internalError,
            long badRequest, long forbidden, long tooLarge, long notImplemented, long notFound, long unavailable,
            long unauthorized) implements Standard {
        public AppOperations {
            Checks.notNull(application, "application");
            long[] v = {success, other, timeout, internalError, badRequest, forbidden, tooLarge, notImplemented, notFound,
                unavailable, unauthorized};
            for (long x : v) {
                Checks.u32(x, "application operations counter");
            }
        }

        @Override
        public int format() {
            return Sflow.COUNTER_APP_OPERATIONS;
        }
    }

    /**
     * 0:2203, application resources (sflow_application.txt): CPU time in ms, memory in bytes, descriptors and connections.
     *
     * <pre>{@code
     * r.memUsed();
     * }</pre>
     */
    record AppResources(long userTime, long systemTime, long memUsed, long memMax, long fdOpen, long fdMax,
            long connOpen, long connMax) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_APP_RESOURCES;
        }
    }

    /**
     * 0:2206, application workers (sflow_application.txt).
     *
     * <pre>{@code
     * new CounterData.AppWorkers(12, 4, 16, 0, 0);
     * }</pre>
     */
    record AppWorkers(long workersActive, long workersIdle, long workersMax, long requestsDelayed, long requestsDropped)
            implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_APP_WORKERS;
        }
    }

    /**
     * 0:2100, virtual node: the hypervisor.
     *
     * <pre>{@code
     * v.numDomains();
     * }</pre>
     */
    record VirtNode(long mhz, long cpus, long memory, long memoryFree, long numDomains) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VIRT_NODE;
        }
    }

    /**
     * 0:2101, virtual CPU of a domain.
     *
     * <pre>{@code
     * v.cpuTime();
     * }</pre>
     */
    record VirtCpu(long state, long cpuTime, long nrVirtCpu) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VIRT_CPU;
        }
    }

    /**
     * 0:2102, virtual memory of a domain.
     *
     * <pre>{@code
     * v.maxMemory();
     * }</pre>
     */
    record VirtMemory(long memory, long maxMemory) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VIRT_MEMORY;
        }
    }

    /**
     * 0:2103, virtual disk I/O of a domain.
     *
     * <pre>{@code
     * v.rdBytes();
     * }</pre>
     */
    record VirtDiskIo(long capacity, long allocation, long available, long rdReq, long rdBytes, long wrReq,
            long wrBytes, long errs) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VIRT_DISK_IO;
        }
    }

    /**
     * 0:2104, virtual network I/O of a domain.
     *
     * <pre>{@code
     * v.bytesOut();
     * }</pre>
     */
    record VirtNetIo(long bytesIn, long pktsIn, long errsIn, long dropsIn, long bytesOut, long pktsOut, long errsOut,
            long dropsOut) implements Standard {
        @Override
        public int format() {
            return Sflow.COUNTER_VIRT_NET_IO;
        }
    }

    /**
     * A record of an enterprise format registered with {@link SflowExtensions}: its decoded value.
     *
     * <pre>{@code
     * if (d instanceof CounterData.Extension e && e.value() instanceof MyVendorCounters v) { ... }
     * }</pre>
     */
    record Extension(long enterprise, int format, Object value) implements CounterData {
        public Extension {
            Sflow.dataFormat(enterprise, format);
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A counter record the decoder does not know (or, in lenient mode, a known one whose content did not
     * parse), kept as its bytes and re-encoded byte for byte.
     *
     * <pre>{@code
     * new CounterData.Unknown(0, 2200, bytes);
     * }</pre>
     */
    record Unknown(long enterprise, int format, byte[] data) implements CounterData {
        public Unknown {
            Sflow.dataFormat(enterprise, format);
            data = data.clone();
        }

        /** A copy of the record data. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The data's length. */
        public int length() {
            return data.length;
        }

        /** Writes the data at the buffer's position (advancing it), without copying it first. */
        public void writeData(java.nio.ByteBuffer dst) {
            dst.put(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.enterprise == enterprise && u.format == format && Arrays.equals(u.data, data);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(enterprise) * 31 + format) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "CounterData.Unknown[" + enterprise + ":" + format + ", " + HexFormat.of().formatHex(data) + "]";
        }
    }
}
