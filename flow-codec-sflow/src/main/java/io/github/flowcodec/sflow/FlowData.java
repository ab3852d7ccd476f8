package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.RecordTypes;
import java.util.Objects;

/**
 * One flow record of a {@link FlowSample}: the sampled header, sampled Ethernet/IPv4/IPv6 data, the
 * standard extended records, a record of a registered enterprise format ({@link Extension}) or any other
 * record kept as its bytes ({@link Unknown}).
 *
 * <p>Addresses in records are {@code null} where the agent sent address type 0 (unknown). IPv6 addresses
 * are always {@link java.net.Inet6Address}es (an IPv4-mapped IPv6 address stays IPv6). Unsigned 32-bit
 * values are held in {@code long}s.
 *
 * <p>The standard records ({@link Standard}) are declared one family to a file ({@link SampledPacketRecords},
 * {@link ForwardingRecords}, {@link MplsRecords}, {@link TunnelRecords}, {@link Ieee80211Records}, {@link DropRecords},
 * {@link HostFlowRecords}, {@link ApplicationFlowRecords}) and named through this interface: {@code FlowData.Ipv4Data}.
 *
 * <pre>{@code
 * for (FlowData d : flowSample.records()) {
 *     if (d instanceof FlowData.RawPacketHeader h) {
 *         SampledHeaderView parsed = h.parse();
 *         if (parsed.hasPorts()) ports.add(parsed.sourcePort(), parsed.destinationPort());
 *     } else if (d instanceof FlowData.ExtendedSwitch sw) {
 *         vlans.add(sw.sourceVlan());
 *     }
 * }
 * }</pre>
 */
public sealed interface FlowData extends SampledPacketRecords, ForwardingRecords, MplsRecords, TunnelRecords,
        Ieee80211Records, DropRecords, HostFlowRecords, ApplicationFlowRecords
        permits FlowData.Standard, FlowData.Extension, FlowData.Unknown {

    /**
     * The enterprise of the record's data format.
     *
     * @return the top 20 bits of the record's data_format, 0 for sFlow.org's own formats
     */
    long enterprise();

    /**
     * The format of the record's data format.
     *
     * @return the low 12 bits of the record's data_format (1 raw packet header, 1001 extended switch ...)
     */
    int format();

    /**
     * A standard record of enterprise 0 (every typed flow record but {@link Extension} and {@link Unknown}).
     *
     * <pre>{@code
     * boolean standard = record instanceof FlowData.Standard;
     * }</pre>
     */
    sealed interface Standard extends FlowData
            permits SampledPacketRecords.RawPacketHeader, SampledPacketRecords.EthernetFrame,
            SampledPacketRecords.Ipv4Data, SampledPacketRecords.Ipv6Data, ForwardingRecords.ExtendedSwitch,
            ForwardingRecords.ExtendedRouter, ForwardingRecords.ExtendedGateway, ForwardingRecords.ExtendedUser,
            ForwardingRecords.ExtendedUrl, ForwardingRecords.ExtendedNat, ForwardingRecords.ExtendedNatPort,
            MplsRecords.ExtendedMpls, MplsRecords.ExtendedMplsTunnel, MplsRecords.ExtendedMplsVc,
            MplsRecords.ExtendedMplsFtn, MplsRecords.ExtendedMplsLdpFec, TunnelRecords.ExtendedVlanTunnel,
            TunnelRecords.TunnelEthernet, TunnelRecords.TunnelIpv4, TunnelRecords.TunnelIpv6,
            TunnelRecords.TunnelDecapsulation, TunnelRecords.TunnelVni, Ieee80211Records.Ieee80211Payload,
            Ieee80211Records.Ieee80211Rx, Ieee80211Records.Ieee80211Tx, Ieee80211Records.Ieee80211Aggregation,
            DropRecords.EgressQueue, DropRecords.DropFunction, DropRecords.TransitDelay, DropRecords.QueueDepth,
            DropRecords.HardwareTrap, DropRecords.LinuxDropReason, HostFlowRecords.ExtendedSocket,
            HostFlowRecords.ExtendedProxySocket, HostFlowRecords.ExtendedTcpInfo, HostFlowRecords.ExtendedEntities,
            ApplicationFlowRecords.Memcache, ApplicationFlowRecords.HttpRequest,
            ApplicationFlowRecords.AppOperation, ApplicationFlowRecords.AppContext,
            ApplicationFlowRecords.AppActor {
        @Override
        default long enterprise() {
            return 0;
        }

        /**
         * The format, from its structure's descriptor: the one format of most records; egress or ingress for the
         * tunnel records, by address family for the sockets, by version for HTTP, initiator or target for actors.
         */
        @Override
        default int format() {
            return RecordTypes.of(getClass()).formatOf(this);
        }
    }

    /**
     * A record of an enterprise format registered with {@link SflowExtensions}: its decoded value.
     *
     * <pre>{@code
     * if (d instanceof FlowData.Extension e && e.value() instanceof PmacctTag tag) { ... }
     * }</pre>
     *
     * @param value what the registered {@link SflowExtension} decoded; encoded by the same extension
     * @param enterprise the enterprise number, 1 to 1048575
     * @param format the format number, 0 to 4095
     */
    record Extension(long enterprise, int format, Object value) implements FlowData {
        /**
         * Checks that the enterprise fits 20 bits and the format 12 and no reference is null.
         *
         * @param value what the registered {@link SflowExtension} decoded; encoded by the same extension
         * @param enterprise the enterprise number, 1 to 1048575
         * @param format the format number, 0 to 4095
         */
        public Extension {
            Sflow.dataFormat(enterprise, format);
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A record the decoder does not know (an enterprise format, a newer standard one, or a known one whose
     * content did not parse in lenient mode), kept as its bytes and re-encoded byte for byte.
     *
     * <pre>{@code
     * new FlowData.Unknown(8800, 1, new byte[] {0, 0, 0, 0, 0, 0, 0, 42});
     * }</pre>
     *
     * @param enterprise the enterprise number, 0 to 1048575
     * @param format the format number, 0 to 4095
     * @param bytes the record data, without XDR padding
     */
    record Unknown(long enterprise, int format, OpaqueBytes bytes) implements FlowData, OpaqueData {
        /**
         * A record of a copy of {@code data}.
         *
         * @param enterprise the enterprise number, 0 to 1048575
         * @param format the format number, 0 to 4095
         * @param data the record data, without XDR padding
         */
        public Unknown(long enterprise, int format, byte[] data) {
            this(enterprise, format, OpaqueBytes.copyOf(data));
        }

        /**
         * Checks that the enterprise fits 20 bits and the format 12.
         *
         * @param enterprise the enterprise number, 0 to 1048575
         * @param format the format number, 0 to 4095
         * @param bytes the record data, without XDR padding
         */
        public Unknown {
            Sflow.dataFormat(enterprise, format);
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
