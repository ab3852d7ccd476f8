package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.util.List;

/**
 * The 802.11 flow records of sflow_80211.txt (0:1013 to 0:1016).
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var rx = new FlowData.Ieee80211Rx("office", 0x0016_3cc2_a9abL, 4, 36, 300_000_000L, 30, 120, 85);
 * }</pre>
 */
public sealed interface Ieee80211Records permits FlowData {

    /**
     * 0:1013, extended 802.11 payload (sflow_80211.txt): the cipher suite the frame was encrypted with and its
     * header after decryption, in the form of a sampled header record.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Payload(0x000F_AC04L, new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1500, 0, first128));
     * }</pre>
     *
     * @param cipherSuite the 802.11i cipher suite selector (OUI in the top three bytes, suite type in the last)
     * @param header the decrypted header
     */
    record Ieee80211Payload(long cipherSuite, FlowData.RawPacketHeader header) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param cipherSuite the 802.11i cipher suite selector (OUI in the top three bytes, suite type in the last)
         * @param header the decrypted header
         */
        public Ieee80211Payload {
            Checks.u32(cipherSuite, "cipherSuite");
            Checks.notNull(header, "header");
        }
    }

    /**
     * 0:1014, extended 802.11 rx (sflow_80211.txt): how the sampled frame was received.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Rx("office", 0x0016_3cc2_a9abL, 4, 36, 300_000_000L, 30, 120, 85);
     * }</pre>
     *
     * @param ssid the SSID
     * @param bssid the BSSID in the low 48 bits
     * @param version the 802.11 version (1 = a, 2 = b, 3 = g, 4 = n)
     * @param channel the channel number
     * @param speed the speed in bits per second
     * @param rsni the received signal to noise ratio (IEEE 802.11-2007 RSNI)
     * @param rcpi the received channel power indicator
     * @param packetDurationMicros the time the frame occupied the medium, in microseconds
     */
    record Ieee80211Rx(String ssid, long bssid, long version, long channel, long speed, long rsni, long rcpi,
            long packetDurationMicros) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, MAC addresses fit 48 bits and no reference is
         * null.
         *
         * @param ssid the SSID
         * @param bssid the BSSID in the low 48 bits
         * @param version the 802.11 version (1 = a, 2 = b, 3 = g, 4 = n)
         * @param channel the channel number
         * @param speed the speed in bits per second
         * @param rsni the received signal to noise ratio (IEEE 802.11-2007 RSNI)
         * @param rcpi the received channel power indicator
         * @param packetDurationMicros the time the frame occupied the medium, in microseconds
         */
        public Ieee80211Rx {
            Checks.notNull(ssid, "ssid");
            Checks.range(bssid, 0, 0xFFFF_FFFF_FFFFL, "bssid");
            Checks.u32s("version channel rsni rcpi packetDurationMicros",
                    version, channel, rsni, rcpi, packetDurationMicros);
        }
    }

    /**
     * 0:1015, extended 802.11 tx (sflow_80211.txt): how the sampled frame was transmitted.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Tx("office", 0x0016_3cc2_a9abL, 4, 1, 85, 0, 36, 300_000_000L, 50);
     * }</pre>
     *
     * @param ssid the SSID
     * @param bssid the BSSID in the low 48 bits
     * @param version the 802.11 version (1 = a, 2 = b, 3 = g, 4 = n)
     * @param transmissions 0 unknown, 1 sent at the first attempt, n: n - 1 retransmissions
     * @param packetDurationMicros the time the successful transmission occupied the medium, in microseconds
     * @param retransmissionDurationMicros the time failed attempts occupied the medium, in microseconds
     * @param channel the channel number
     * @param speed the speed in bits per second
     * @param powerMilliwatts the transmit power in mW
     */
    record Ieee80211Tx(String ssid, long bssid, long version, long transmissions, long packetDurationMicros,
            long retransmissionDurationMicros, long channel, long speed, long powerMilliwatts) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, MAC addresses fit 48 bits and no reference is
         * null.
         *
         * @param ssid the SSID
         * @param bssid the BSSID in the low 48 bits
         * @param version the 802.11 version (1 = a, 2 = b, 3 = g, 4 = n)
         * @param transmissions 0 unknown, 1 sent at the first attempt, n: n - 1 retransmissions
         * @param packetDurationMicros the time the successful transmission occupied the medium, in microseconds
         * @param retransmissionDurationMicros the time failed attempts occupied the medium, in microseconds
         * @param channel the channel number
         * @param speed the speed in bits per second
         * @param powerMilliwatts the transmit power in mW
         */
        public Ieee80211Tx {
            Checks.notNull(ssid, "ssid");
            Checks.range(bssid, 0, 0xFFFF_FFFF_FFFFL, "bssid");
            Checks.u32s("version transmissions packetDurationMicros retransmissionDurationMicros channel powerMilliwatts",
                    version, transmissions, packetDurationMicros, retransmissionDurationMicros, channel, powerMilliwatts);
        }
    }

    /**
     * 0:1016, extended 802.11 aggregation (sflow_80211.txt): the PDUs of an aggregated frame, each described by
     * its own flow records (typically a sampled header each). Aggregations nest at most
     * {@link Sflow#MAX_AGGREGATION_DEPTH} deep (counting this one): deeper ones are refused here and by the decoder.
     *
     * <pre>{@code
     * new FlowData.Ieee80211Aggregation(List.of(
     *         List.of(new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 1500, 0, pdu1)),
     *         List.of(new FlowData.RawPacketHeader(Sflow.HEADER_ETHERNET, 600, 0, pdu2))));
     * }</pre>
     *
     * @param pdus the flow records of each PDU, in order
     */
    record Ieee80211Aggregation(List<List<FlowData>> pdus) implements FlowData.Standard {
        /**
         * Checks that aggregations nest at most {@link Sflow#MAX_AGGREGATION_DEPTH} deep, and copies the lists and
         * arrays given (the record keeps its own).
         *
         * @param pdus the flow records of each PDU, in order
         */
        public Ieee80211Aggregation {
            pdus = pdus.stream().map(List::copyOf).toList();
            if (depth(pdus) > Sflow.MAX_AGGREGATION_DEPTH) {
                throw new IllegalArgumentException("802.11 aggregations nest at most " + Sflow.MAX_AGGREGATION_DEPTH + " deep");
            }
        }

        /** How deep aggregations nest in these PDUs, counting this one (1 when none is inside). */
        private static int depth(List<List<FlowData>> pdus) {
            int inner = 0;
            for (List<FlowData> pdu : pdus) {
                for (FlowData d : pdu) {
                    if (d instanceof Ieee80211Aggregation a) {
                        inner = Math.max(inner, depth(a.pdus()));
                    }
                }
            }
            return 1 + inner;
        }
    }
}
