package io.github.flowcodec.flowmessage;

/**
 * A layer of a sampled packet header, as goflow2's {@code FlowMessage.LayerStack} enum names and numbers it: the
 * entries of {@link FlowField#LAYER_STACK}. The JSON writes {@link #goflow2Name()}, protobuf {@link #number()}.
 *
 * <pre>{@code
 * for (PacketLayer layer : message.layerStack()) {
 *     if (layer == PacketLayer.GRE) tunnelled++;
 * }
 * PacketLayer.of(6).goflow2Name();   // "Dot1Q"
 * }</pre>
 */
public enum PacketLayer {
    /** Ethernet II (and transparent Ethernet bridging inside GRE or Geneve). */
    ETHERNET(0, "Ethernet"),
    /** IPv4. */
    IPV4(1, "IPv4"),
    /** IPv6. */
    IPV6(2, "IPv6"),
    /** TCP. */
    TCP(3, "TCP"),
    /** UDP. */
    UDP(4, "UDP"),
    /** An MPLS label stack. */
    MPLS(5, "MPLS"),
    /** An 802.1Q tag. */
    DOT1Q(6, "Dot1Q"),
    /** ICMP. */
    ICMP(7, "ICMP"),
    /** ICMPv6. */
    ICMPV6(8, "ICMPv6"),
    /** GRE. */
    GRE(9, "GRE"),
    /** An IPv6 routing extension header. */
    IPV6_HEADER_ROUTING(10, "IPv6HeaderRouting"),
    /** An IPv6 fragment extension header. */
    IPV6_HEADER_FRAGMENT(11, "IPv6HeaderFragment"),
    /** Geneve (goflow2 walks it only when configured for its port; flowcodec's walk does not). */
    GENEVE(12, "Geneve"),
    /** Teredo (goflow2 walks it only when configured for its port; flowcodec's walk does not). */
    TEREDO(13, "Teredo"),
    /** A layer of goflow2's user-configured parsers. */
    CUSTOM(99, "Custom");

    private static final PacketLayer[] BY_NUMBER = new PacketLayer[100];

    static {
        for (PacketLayer l : values()) {
            BY_NUMBER[l.number] = l;
        }
    }

    private final int number;
    private final String goflow2Name;

    PacketLayer(int number, String goflow2Name) {
        this.number = number;
        this.goflow2Name = goflow2Name;
    }

    /**
     * The layer's number in goflow2's {@code LayerStack} enum (flow.proto).
     *
     * @return 0 to 13, or 99 for {@link #CUSTOM}
     */
    public int number() {
        return number;
    }

    /**
     * The layer's name in goflow2's {@code LayerStack} enum, as goflow2's JSON writes it.
     *
     * @return the name, e.g. {@code "Ethernet"} or {@code "IPv6HeaderRouting"}
     */
    public String goflow2Name() {
        return goflow2Name;
    }

    /**
     * The layer of a {@code LayerStack} number.
     *
     * @param number the enum number (flow.proto)
     * @return the layer
     * @throws IllegalArgumentException when goflow2's enum has no such number
     */
    public static PacketLayer of(int number) {
        PacketLayer l = number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
        if (l == null) {
            throw new IllegalArgumentException("no LayerStack number " + number);
        }
        return l;
    }
}
