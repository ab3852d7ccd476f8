package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;
import java.net.InetAddress;
import java.util.List;

/**
 * The forwarding flow records of sFlow v5: extended switch, router, gateway (BGP), user, URL, NAT and NAT port.
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var sw = new FlowData.ExtendedSwitch(100, 0, 200, 0);
 * }</pre>
 */
public sealed interface ForwardingRecords permits FlowData {

    /**
     * 0:1001, extended switch: the 802.1Q VLAN and priority in and out.
     *
     * <pre>{@code
     * new FlowData.ExtendedSwitch(100, 0, 200, 0);
     * }</pre>
     *
     * @param sourceVlan the 802.1Q VLAN id the packet came in on, 0 to 4095
     * @param sourcePriority the 802.1p priority it came in with, 0 to 7
     * @param destinationVlan the 802.1Q VLAN id it goes out on
     * @param destinationPriority the 802.1p priority it goes out with
     */
    record ExtendedSwitch(long sourceVlan, long sourcePriority, long destinationVlan, long destinationPriority) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field.
         *
         * @param sourceVlan the 802.1Q VLAN id the packet came in on, 0 to 4095
         * @param sourcePriority the 802.1p priority it came in with, 0 to 7
         * @param destinationVlan the 802.1Q VLAN id it goes out on
         * @param destinationPriority the 802.1p priority it goes out with
         */
        public ExtendedSwitch {
            Checks.u32s("sourceVlan sourcePriority destinationVlan destinationPriority",
                    sourceVlan, sourcePriority, destinationVlan, destinationPriority);
        }
    }

    /**
     * 0:1002, extended router: the next hop and the source and destination prefix lengths.
     *
     * <pre>{@code
     * new FlowData.ExtendedRouter(InetAddress.getByName("192.0.2.254"), 24, 16);
     * }</pre>
     *
     * @param nextHop the next hop, or null when its address type is unknown
     * @param sourceMaskLength the source address's prefix length, 0 to 32 (IPv4) or 128 (IPv6)
     * @param destinationMaskLength the destination address's prefix length
     */
    record ExtendedRouter(InetAddress nextHop, long sourceMaskLength, long destinationMaskLength) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field.
         *
         * @param nextHop the next hop, or null when its address type is unknown
         * @param sourceMaskLength the source address's prefix length, 0 to 32 (IPv4) or 128 (IPv6)
         * @param destinationMaskLength the destination address's prefix length
         */
        public ExtendedRouter {
            Checks.u32s("sourceMaskLength destinationMaskLength", sourceMaskLength, destinationMaskLength);
        }
    }

    /**
     * One segment of a BGP AS path.
     *
     * <pre>{@code
     * new FlowData.AsPathSegment(FlowData.AsPathSegment.AS_SEQUENCE, List.of(64500L, 64501L));
     * }</pre>
     *
     * @param type {@link #AS_SET} (1) or {@link #AS_SEQUENCE} (2), as sent
     * @param asNumbers the AS numbers
     */
    record AsPathSegment(long type, List<Long> asNumbers) {
        /** An unordered set of ASes. */
        public static final long AS_SET = 1;
        /** An ordered sequence of ASes. */
        public static final long AS_SEQUENCE = 2;

        /**
         * Checks that each number fits its unsigned 32-bit XDR field, and copies the lists and arrays given (the
         * record keeps its own).
         *
         * @param type {@link #AS_SET} (1) or {@link #AS_SEQUENCE} (2), as sent
         * @param asNumbers the AS numbers
         */
        public AsPathSegment {
            Checks.u32(type, "type");
            asNumbers = List.copyOf(asNumbers);
            for (Long as : asNumbers) {
                Checks.u32(as, "AS number");
            }
        }
    }

    /**
     * 0:1003, extended gateway: BGP next hop, ASes, AS path, communities and local preference.
     *
     * <pre>{@code
     * var g = new FlowData.ExtendedGateway(nextHop, 64496, 64497, 64498,
     *         List.of(new FlowData.AsPathSegment(FlowData.AsPathSegment.AS_SEQUENCE, List.of(64498L, 64499L))),
     *         List.of(0xFDE8_0001L), 100);
     * g.lastDestinationAs();   // 64499
     * }</pre>
     *
     * @param nextHop the BGP next hop, or null when its address type is unknown
     * @param as the router's own AS
     * @param sourceAs the source's AS
     * @param sourcePeerAs the source peer's AS
     * @param path the AS path to the destination
     * @param communities the BGP communities
     * @param localPreference the local preference
     */
    record ExtendedGateway(InetAddress nextHop, long as, long sourceAs, long sourcePeerAs, List<AsPathSegment> path,
            List<Long> communities, long localPreference) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field, and copies the lists and arrays given (the
         * record keeps its own).
         *
         * @param nextHop the BGP next hop, or null when its address type is unknown
         * @param as the router's own AS
         * @param sourceAs the source's AS
         * @param sourcePeerAs the source peer's AS
         * @param path the AS path to the destination
         * @param communities the BGP communities
         * @param localPreference the local preference
         */
        public ExtendedGateway {
            Checks.u32s("as sourceAs sourcePeerAs", as, sourceAs, sourcePeerAs);
            path = List.copyOf(path);
            communities = List.copyOf(communities);
            for (Long c : communities) {
                Checks.u32(c, "community");
            }
            Checks.u32(localPreference, "localPreference");
        }

        /**
         * The last AS of the path (the destination's AS, as tshark and most collectors report it), or 0 for an empty
         * path.
         *
         * @return the AS number (unsigned 32-bit), or 0
         */
        public long lastDestinationAs() {
            for (int i = path.size() - 1; i >= 0; i--) {
                List<Long> a = path.get(i).asNumbers();
                if (!a.isEmpty()) {
                    return a.get(a.size() - 1);
                }
            }
            return 0;
        }
    }

    /**
     * 0:1004, extended user: the source and destination user names and their character sets (IANA MIBenum).
     *
     * <pre>{@code
     * new FlowData.ExtendedUser(106, "alice", 106, "bob");   // 106 = UTF-8
     * }</pre>
     *
     * @param sourceCharset the source user name's character set (IANA MIBenum, 106 for UTF-8)
     * @param sourceUser the source user name
     * @param destinationCharset the destination user name's character set
     * @param destinationUser the destination user name
     */
    record ExtendedUser(long sourceCharset, String sourceUser, long destinationCharset, String destinationUser) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param sourceCharset the source user name's character set (IANA MIBenum, 106 for UTF-8)
         * @param sourceUser the source user name
         * @param destinationCharset the destination user name's character set
         * @param destinationUser the destination user name
         */
        public ExtendedUser {
            Checks.u32(sourceCharset, "sourceCharset");
            Checks.notNull(sourceUser, "sourceUser");
            Checks.u32(destinationCharset, "destinationCharset");
            Checks.notNull(destinationUser, "destinationUser");
        }
    }

    /**
     * 0:1005, extended URL.
     *
     * <pre>{@code
     * new FlowData.ExtendedUrl(1, "/index.html", "example.com");   // 1 = source address is the server
     * }</pre>
     *
     * @param direction 1 the URL is the source's, 2 the destination's
     * @param url the URL
     * @param host the host name (HTTP Host header)
     */
    record ExtendedUrl(long direction, String url, String host) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param direction 1 the URL is the source's, 2 the destination's
         * @param url the URL
         * @param host the host name (HTTP Host header)
         */
        public ExtendedUrl {
            Checks.u32(direction, "direction");
            Checks.notNulls("url host", url, host);
        }
    }

    /**
     * 0:1007, extended NAT: the source and destination addresses after translation.
     *
     * <pre>{@code
     * new FlowData.ExtendedNat(InetAddress.getByName("198.51.100.7"), InetAddress.getByName("203.0.113.9"));
     * }</pre>
     */
    record ExtendedNat(InetAddress source, InetAddress destination) implements FlowData.Standard {
    }

    /**
     * 0:1020, extended NAT port: the source and destination ports after translation (the addresses go in 0:1007).
     *
     * <pre>{@code
     * new FlowData.ExtendedNatPort(61000, 443);
     * }</pre>
     */
    record ExtendedNatPort(long sourcePort, long destinationPort) implements FlowData.Standard {
    }
}
