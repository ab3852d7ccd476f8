package io.github.flowcodec.cli.internal.pcap;

/**
 * The link-layer header types (tcpdump.org {@code LINKTYPE_} values) that this package understands.
 */
public final class LinkType {

    /** BSD loopback: a 4-byte address family in the byte order of the capturing host. */
    public static final int NULL = 0;
    /** Ethernet II, optionally with 802.1Q / 802.1ad tags. */
    public static final int ETHERNET = 1;
    /** Raw IP as written by systems that use {@code DLT_RAW} = 12. */
    public static final int RAW_DLT_12 = 12;
    /** Raw IP as written by OpenBSD, where {@code DLT_RAW} = 14. */
    public static final int RAW_DLT_14 = 14;
    /** Raw IPv4 or IPv6, no link-layer header. */
    public static final int RAW = 101;
    /** OpenBSD loopback: a 4-byte address family in network byte order. */
    public static final int LOOP = 108;
    /** Linux "cooked" capture, version 1 (SLL). */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4, no link-layer header. */
    public static final int IPV4 = 228;
    /** Raw IPv6, no link-layer header. */
    public static final int IPV6 = 229;
    /** Linux "cooked" capture, version 2 (SLL2). */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {}
}
