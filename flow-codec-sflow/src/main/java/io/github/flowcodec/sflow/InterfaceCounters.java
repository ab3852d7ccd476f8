package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;

/**
 * The interface counter records of sFlow v5 (0:1 to 0:7, 0:10, 0:1002, 0:1005): generic, Ethernet, Token Ring, 100BaseVG, VLAN, 802.11, LACP, SFP, radio and port name.
 *
 * <p>Its types are members of {@link CounterData} (which extends this interface), so they are named
 * {@code CounterData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var g = new CounterData.Vlan(100, 1_000_000, 900, 5, 2, 0);
 * }</pre>
 */
public sealed interface InterfaceCounters permits CounterData {

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
            long ifOutBroadcastPkts, long ifOutDiscards, long ifOutErrors, long ifPromiscuousMode) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<GenericInterface>> FIELDS = CounterField.layout(GenericInterface.class, Sflow.COUNTER_GENERIC_INTERFACE,
                4, 4, 8, 4, 4, 8, 4, 4, 4, 4, 4, 4, 8, 4, 4, 4, 4, 4, 4);
        /** {@code ifIndex}. */
        public static final CounterField<GenericInterface> IF_INDEX = FIELDS.get(0);
        /** {@code ifType}. */
        public static final CounterField<GenericInterface> IF_TYPE = FIELDS.get(1);
        /** {@code ifSpeed}. */
        public static final CounterField<GenericInterface> IF_SPEED = FIELDS.get(2);
        /** {@code ifDirection}. */
        public static final CounterField<GenericInterface> IF_DIRECTION = FIELDS.get(3);
        /** {@code ifStatus}. */
        public static final CounterField<GenericInterface> IF_STATUS = FIELDS.get(4);
        /** {@code ifInOctets}. */
        public static final CounterField<GenericInterface> IF_IN_OCTETS = FIELDS.get(5);
        /** {@code ifInUcastPkts}. */
        public static final CounterField<GenericInterface> IF_IN_UCAST_PKTS = FIELDS.get(6);
        /** {@code ifInMulticastPkts}. */
        public static final CounterField<GenericInterface> IF_IN_MULTICAST_PKTS = FIELDS.get(7);
        /** {@code ifInBroadcastPkts}. */
        public static final CounterField<GenericInterface> IF_IN_BROADCAST_PKTS = FIELDS.get(8);
        /** {@code ifInDiscards}. */
        public static final CounterField<GenericInterface> IF_IN_DISCARDS = FIELDS.get(9);
        /** {@code ifInErrors}. */
        public static final CounterField<GenericInterface> IF_IN_ERRORS = FIELDS.get(10);
        /** {@code ifInUnknownProtos}. */
        public static final CounterField<GenericInterface> IF_IN_UNKNOWN_PROTOS = FIELDS.get(11);
        /** {@code ifOutOctets}. */
        public static final CounterField<GenericInterface> IF_OUT_OCTETS = FIELDS.get(12);
        /** {@code ifOutUcastPkts}. */
        public static final CounterField<GenericInterface> IF_OUT_UCAST_PKTS = FIELDS.get(13);
        /** {@code ifOutMulticastPkts}. */
        public static final CounterField<GenericInterface> IF_OUT_MULTICAST_PKTS = FIELDS.get(14);
        /** {@code ifOutBroadcastPkts}. */
        public static final CounterField<GenericInterface> IF_OUT_BROADCAST_PKTS = FIELDS.get(15);
        /** {@code ifOutDiscards}. */
        public static final CounterField<GenericInterface> IF_OUT_DISCARDS = FIELDS.get(16);
        /** {@code ifOutErrors}. */
        public static final CounterField<GenericInterface> IF_OUT_ERRORS = FIELDS.get(17);
        /** {@code ifPromiscuousMode}. */
        public static final CounterField<GenericInterface> IF_PROMISCUOUS_MODE = FIELDS.get(18);
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
            long dot3StatsSymbolErrors) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Ethernet>> FIELDS = CounterField.layout(Ethernet.class, Sflow.COUNTER_ETHERNET,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        /** {@code dot3StatsAlignmentErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_ALIGNMENT_ERRORS = FIELDS.get(0);
        /** {@code dot3StatsFCSErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_FCS_ERRORS = FIELDS.get(1);
        /** {@code dot3StatsSingleCollisionFrames}. */
        public static final CounterField<Ethernet> DOT3_STATS_SINGLE_COLLISION_FRAMES = FIELDS.get(2);
        /** {@code dot3StatsMultipleCollisionFrames}. */
        public static final CounterField<Ethernet> DOT3_STATS_MULTIPLE_COLLISION_FRAMES = FIELDS.get(3);
        /** {@code dot3StatsSQETestErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_SQE_TEST_ERRORS = FIELDS.get(4);
        /** {@code dot3StatsDeferredTransmissions}. */
        public static final CounterField<Ethernet> DOT3_STATS_DEFERRED_TRANSMISSIONS = FIELDS.get(5);
        /** {@code dot3StatsLateCollisions}. */
        public static final CounterField<Ethernet> DOT3_STATS_LATE_COLLISIONS = FIELDS.get(6);
        /** {@code dot3StatsExcessiveCollisions}. */
        public static final CounterField<Ethernet> DOT3_STATS_EXCESSIVE_COLLISIONS = FIELDS.get(7);
        /** {@code dot3StatsInternalMacTransmitErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_INTERNAL_MAC_TRANSMIT_ERRORS = FIELDS.get(8);
        /** {@code dot3StatsCarrierSenseErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_CARRIER_SENSE_ERRORS = FIELDS.get(9);
        /** {@code dot3StatsFrameTooLongs}. */
        public static final CounterField<Ethernet> DOT3_STATS_FRAME_TOO_LONGS = FIELDS.get(10);
        /** {@code dot3StatsInternalMacReceiveErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_INTERNAL_MAC_RECEIVE_ERRORS = FIELDS.get(11);
        /** {@code dot3StatsSymbolErrors}. */
        public static final CounterField<Ethernet> DOT3_STATS_SYMBOL_ERRORS = FIELDS.get(12);
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
            long dot5StatsSingles, long dot5StatsFreqErrors) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<TokenRing>> FIELDS = CounterField.layout(TokenRing.class, Sflow.COUNTER_TOKEN_RING,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        /** {@code dot5StatsLineErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_LINE_ERRORS = FIELDS.get(0);
        /** {@code dot5StatsBurstErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_BURST_ERRORS = FIELDS.get(1);
        /** {@code dot5StatsACErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_AC_ERRORS = FIELDS.get(2);
        /** {@code dot5StatsAbortTransErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_ABORT_TRANS_ERRORS = FIELDS.get(3);
        /** {@code dot5StatsInternalErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_INTERNAL_ERRORS = FIELDS.get(4);
        /** {@code dot5StatsLostFrameErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_LOST_FRAME_ERRORS = FIELDS.get(5);
        /** {@code dot5StatsReceiveCongestions}. */
        public static final CounterField<TokenRing> DOT5_STATS_RECEIVE_CONGESTIONS = FIELDS.get(6);
        /** {@code dot5StatsFrameCopiedErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_FRAME_COPIED_ERRORS = FIELDS.get(7);
        /** {@code dot5StatsTokenErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_TOKEN_ERRORS = FIELDS.get(8);
        /** {@code dot5StatsSoftErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_SOFT_ERRORS = FIELDS.get(9);
        /** {@code dot5StatsHardErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_HARD_ERRORS = FIELDS.get(10);
        /** {@code dot5StatsSignalLoss}. */
        public static final CounterField<TokenRing> DOT5_STATS_SIGNAL_LOSS = FIELDS.get(11);
        /** {@code dot5StatsTransmitBeacons}. */
        public static final CounterField<TokenRing> DOT5_STATS_TRANSMIT_BEACONS = FIELDS.get(12);
        /** {@code dot5StatsRecoverys}. */
        public static final CounterField<TokenRing> DOT5_STATS_RECOVERYS = FIELDS.get(13);
        /** {@code dot5StatsLobeWires}. */
        public static final CounterField<TokenRing> DOT5_STATS_LOBE_WIRES = FIELDS.get(14);
        /** {@code dot5StatsRemoves}. */
        public static final CounterField<TokenRing> DOT5_STATS_REMOVES = FIELDS.get(15);
        /** {@code dot5StatsSingles}. */
        public static final CounterField<TokenRing> DOT5_STATS_SINGLES = FIELDS.get(16);
        /** {@code dot5StatsFreqErrors}. */
        public static final CounterField<TokenRing> DOT5_STATS_FREQ_ERRORS = FIELDS.get(17);
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
            long dot12HCInNormPriorityOctets, long dot12HCOutHighPriorityOctets) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Vg100>> FIELDS = CounterField.layout(Vg100.class, Sflow.COUNTER_VG,
                4, 8, 4, 8, 4, 4, 4, 4, 4, 8, 4, 8, 8, 8);
        /** {@code dot12InHighPriorityFrames}. */
        public static final CounterField<Vg100> DOT12_IN_HIGH_PRIORITY_FRAMES = FIELDS.get(0);
        /** {@code dot12InHighPriorityOctets}. */
        public static final CounterField<Vg100> DOT12_IN_HIGH_PRIORITY_OCTETS = FIELDS.get(1);
        /** {@code dot12InNormPriorityFrames}. */
        public static final CounterField<Vg100> DOT12_IN_NORM_PRIORITY_FRAMES = FIELDS.get(2);
        /** {@code dot12InNormPriorityOctets}. */
        public static final CounterField<Vg100> DOT12_IN_NORM_PRIORITY_OCTETS = FIELDS.get(3);
        /** {@code dot12InIPMErrors}. */
        public static final CounterField<Vg100> DOT12_IN_IPM_ERRORS = FIELDS.get(4);
        /** {@code dot12InOversizeFrameErrors}. */
        public static final CounterField<Vg100> DOT12_IN_OVERSIZE_FRAME_ERRORS = FIELDS.get(5);
        /** {@code dot12InDataErrors}. */
        public static final CounterField<Vg100> DOT12_IN_DATA_ERRORS = FIELDS.get(6);
        /** {@code dot12InNullAddressedFrames}. */
        public static final CounterField<Vg100> DOT12_IN_NULL_ADDRESSED_FRAMES = FIELDS.get(7);
        /** {@code dot12OutHighPriorityFrames}. */
        public static final CounterField<Vg100> DOT12_OUT_HIGH_PRIORITY_FRAMES = FIELDS.get(8);
        /** {@code dot12OutHighPriorityOctets}. */
        public static final CounterField<Vg100> DOT12_OUT_HIGH_PRIORITY_OCTETS = FIELDS.get(9);
        /** {@code dot12TransitionIntoTrainings}. */
        public static final CounterField<Vg100> DOT12_TRANSITION_INTO_TRAININGS = FIELDS.get(10);
        /** {@code dot12HCInHighPriorityOctets}. */
        public static final CounterField<Vg100> DOT12_HC_IN_HIGH_PRIORITY_OCTETS = FIELDS.get(11);
        /** {@code dot12HCInNormPriorityOctets}. */
        public static final CounterField<Vg100> DOT12_HC_IN_NORM_PRIORITY_OCTETS = FIELDS.get(12);
        /** {@code dot12HCOutHighPriorityOctets}. */
        public static final CounterField<Vg100> DOT12_HC_OUT_HIGH_PRIORITY_OCTETS = FIELDS.get(13);
    }

    /**
     * 0:5, VLAN counters.
     *
     * <pre>{@code
     * new CounterData.Vlan(100, 123456, 100, 3, 2, 0);
     * }</pre>
     */
    record Vlan(long vlanId, long octets, long ucastPkts, long multicastPkts, long broadcastPkts, long discards)
            implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Vlan>> FIELDS = CounterField.layout(Vlan.class, Sflow.COUNTER_VLAN,
                4, 8, 4, 4, 4, 4);
        /** {@code vlanId}. */
        public static final CounterField<Vlan> VLAN_ID = FIELDS.get(0);
        /** {@code octets}. */
        public static final CounterField<Vlan> OCTETS = FIELDS.get(1);
        /** {@code ucastPkts}. */
        public static final CounterField<Vlan> UCAST_PKTS = FIELDS.get(2);
        /** {@code multicastPkts}. */
        public static final CounterField<Vlan> MULTICAST_PKTS = FIELDS.get(3);
        /** {@code broadcastPkts}. */
        public static final CounterField<Vlan> BROADCAST_PKTS = FIELDS.get(4);
        /** {@code discards}. */
        public static final CounterField<Vlan> DISCARDS = FIELDS.get(5);
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
            long dot11QoSCFPollsLostCount) implements CounterData.Standard {
        /** Every field of the record, in order, with its place in the record's data. */
        public static final List<CounterField<Ieee80211>> FIELDS = CounterField.layout(Ieee80211.class, Sflow.COUNTER_IEEE80211,
                4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);
        /** {@code dot11TransmittedFragmentCount}. */
        public static final CounterField<Ieee80211> DOT11_TRANSMITTED_FRAGMENT_COUNT = FIELDS.get(0);
        /** {@code dot11MulticastTransmittedFrameCount}. */
        public static final CounterField<Ieee80211> DOT11_MULTICAST_TRANSMITTED_FRAME_COUNT = FIELDS.get(1);
        /** {@code dot11FailedCount}. */
        public static final CounterField<Ieee80211> DOT11_FAILED_COUNT = FIELDS.get(2);
        /** {@code dot11RetryCount}. */
        public static final CounterField<Ieee80211> DOT11_RETRY_COUNT = FIELDS.get(3);
        /** {@code dot11MultipleRetryCount}. */
        public static final CounterField<Ieee80211> DOT11_MULTIPLE_RETRY_COUNT = FIELDS.get(4);
        /** {@code dot11FrameDuplicateCount}. */
        public static final CounterField<Ieee80211> DOT11_FRAME_DUPLICATE_COUNT = FIELDS.get(5);
        /** {@code dot11RTSSuccessCount}. */
        public static final CounterField<Ieee80211> DOT11_RTS_SUCCESS_COUNT = FIELDS.get(6);
        /** {@code dot11RTSFailureCount}. */
        public static final CounterField<Ieee80211> DOT11_RTS_FAILURE_COUNT = FIELDS.get(7);
        /** {@code dot11ACKFailureCount}. */
        public static final CounterField<Ieee80211> DOT11_ACK_FAILURE_COUNT = FIELDS.get(8);
        /** {@code dot11ReceivedFragmentCount}. */
        public static final CounterField<Ieee80211> DOT11_RECEIVED_FRAGMENT_COUNT = FIELDS.get(9);
        /** {@code dot11MulticastReceivedFrameCount}. */
        public static final CounterField<Ieee80211> DOT11_MULTICAST_RECEIVED_FRAME_COUNT = FIELDS.get(10);
        /** {@code dot11FCSErrorCount}. */
        public static final CounterField<Ieee80211> DOT11_FCS_ERROR_COUNT = FIELDS.get(11);
        /** {@code dot11TransmittedFrameCount}. */
        public static final CounterField<Ieee80211> DOT11_TRANSMITTED_FRAME_COUNT = FIELDS.get(12);
        /** {@code dot11WEPUndecryptableCount}. */
        public static final CounterField<Ieee80211> DOT11_WEP_UNDECRYPTABLE_COUNT = FIELDS.get(13);
        /** {@code dot11QoSDiscardedFragmentCount}. */
        public static final CounterField<Ieee80211> DOT11_QO_S_DISCARDED_FRAGMENT_COUNT = FIELDS.get(14);
        /** {@code dot11AssociatedStationCount}. */
        public static final CounterField<Ieee80211> DOT11_ASSOCIATED_STATION_COUNT = FIELDS.get(15);
        /** {@code dot11QoSCFPollsReceivedCount}. */
        public static final CounterField<Ieee80211> DOT11_QO_SCF_POLLS_RECEIVED_COUNT = FIELDS.get(16);
        /** {@code dot11QoSCFPollsUnusedCount}. */
        public static final CounterField<Ieee80211> DOT11_QO_SCF_POLLS_UNUSED_COUNT = FIELDS.get(17);
        /** {@code dot11QoSCFPollsUnusableCount}. */
        public static final CounterField<Ieee80211> DOT11_QO_SCF_POLLS_UNUSABLE_COUNT = FIELDS.get(18);
        /** {@code dot11QoSCFPollsLostCount}. */
        public static final CounterField<Ieee80211> DOT11_QO_SCF_POLLS_LOST_COUNT = FIELDS.get(19);
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
     * @param lacpdusRx LACPDUs received
     * @param markerPdusRx marker PDUs received
     * @param markerResponsePdusRx marker response PDUs received
     * @param unknownRx frames received with an unknown slow protocol subtype
     * @param illegalRx frames received with the slow protocol EtherType but an illegal subtype
     * @param lacpdusTx LACPDUs sent
     * @param markerPdusTx marker PDUs sent
     * @param markerResponsePdusTx marker response PDUs sent
     */
    record Lacp(long actorSystemId, long partnerSystemId, long attachedAggId, long portState, long lacpdusRx,
            long markerPdusRx, long markerResponsePdusRx, long unknownRx, long illegalRx, long lacpdusTx,
            long markerPdusTx, long markerResponsePdusTx) implements CounterData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and MAC addresses fit 48 bits.
         *
         * @param actorSystemId the actor's system id (a MAC) in the low 48 bits
         * @param partnerSystemId the partner's system id in the low 48 bits
         * @param attachedAggId the ifIndex of the aggregator the port is attached to
         * @param portState actor admin, actor oper, partner admin and partner oper state, one byte each (first is the
         *     top byte)
         * @param lacpdusRx LACPDUs received
         * @param markerPdusRx marker PDUs received
         * @param markerResponsePdusRx marker response PDUs received
         * @param unknownRx frames received with an unknown slow protocol subtype
         * @param illegalRx frames received with the slow protocol EtherType but an illegal subtype
         * @param lacpdusTx LACPDUs sent
         * @param markerPdusTx marker PDUs sent
         * @param markerResponsePdusTx marker response PDUs sent
         */
        public Lacp {
            Checks.range(actorSystemId, 0, 0xFFFF_FFFF_FFFFL, "actorSystemId");
            Checks.range(partnerSystemId, 0, 0xFFFF_FFFF_FFFFL, "partnerSystemId");
            long[] v = {attachedAggId, portState, lacpdusRx, markerPdusRx, markerResponsePdusRx, unknownRx, illegalRx,
                lacpdusTx, markerPdusTx, markerResponsePdusTx};
            for (long x : v) {
                Checks.u32(x, "LACP counter");
            }
        }
    }

    /**
     * One lane of an optical module (sflow_optics.txt): currents in uA, powers in uW, wavelengths in nm.
     *
     * <pre>{@code
     * new CounterData.SfpLane(1, 6_500, 800, 300, 1_500, 1310, 750, 200, 1_500, 1310);
     * }</pre>
     *
     * @param index the lane number, from 1
     * @param txBiasCurrent the transmit bias current in microamperes
     * @param txPower the transmit power in microwatts
     * @param txPowerMin the transmit power's low alarm threshold in microwatts
     * @param txPowerMax the transmit power's high alarm threshold in microwatts
     * @param txWavelength the transmit wavelength in nanometres
     * @param rxPower the receive power in microwatts
     * @param rxPowerMin the receive power's low alarm threshold in microwatts
     * @param rxPowerMax the receive power's high alarm threshold in microwatts
     * @param rxWavelength the receive wavelength in nanometres
     */
    record SfpLane(long index, long txBiasCurrent, long txPower, long txPowerMin, long txPowerMax, long txWavelength,
            long rxPower, long rxPowerMin, long rxPowerMax, long rxWavelength) {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field.
         *
         * @param index the lane number, from 1
         * @param txBiasCurrent the transmit bias current in microamperes
         * @param txPower the transmit power in microwatts
         * @param txPowerMin the transmit power's low alarm threshold in microwatts
         * @param txPowerMax the transmit power's high alarm threshold in microwatts
         * @param txWavelength the transmit wavelength in nanometres
         * @param rxPower the receive power in microwatts
         * @param rxPowerMin the receive power's low alarm threshold in microwatts
         * @param rxPowerMax the receive power's high alarm threshold in microwatts
         * @param rxWavelength the receive wavelength in nanometres
         */
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
            implements CounterData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, and copies the lists and arrays given (the
         * record keeps its own).
         *
         * @param moduleId the module's id (the ifIndex of the interface it serves, usually)
         * @param moduleTotalLanes the lanes the module has (the list holds those with gauges)
         * @param moduleSupplyVoltage the supply voltage in mV
         * @param moduleTemperature the temperature in thousandths of a degree Celsius (signed)
         * @param lanes the lanes
         */
        public Sfp {
            Checks.u32s("moduleId moduleTotalLanes moduleSupplyVoltage",
                    moduleId, moduleTotalLanes, moduleSupplyVoltage);
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * 0:1002, radio utilization (sflow_80211.txt), times in milliseconds.
     *
     * <pre>{@code
     * new CounterData.RadioUtilization(30_000, 29_500, 6_000);   // 20% busy while on channel
     * }</pre>
     */
    record RadioUtilization(long elapsedTime, long onChannelTime, long onChannelBusyTime) implements CounterData.Standard {
    }

    /**
     * 0:1005, port name.
     *
     * <pre>{@code
     * new CounterData.PortName("eno1");
     * }</pre>
     *
     * @param name the port's name, e.g. {@code "eth0"}
     */
    record PortName(String name) implements CounterData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param name the port's name, e.g. {@code "eth0"}
         */
        public PortName {
            Checks.notNull(name, "name");
        }
    }
}
