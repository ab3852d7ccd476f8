package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteBuffer;

/**
 * Finds the IP header inside a link-layer frame.
 *
 * <p>Every method returns null, never throws, when the frame is not IP or is malformed.
 */
final class LinkLayer {

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_8021Q = 0x8100;
    private static final int ETHERTYPE_8021AD = 0x88A8;
    private static final int ETHERTYPE_QINQ_LEGACY = 0x9100;
    private static final int MAX_VLAN_TAGS = 8;

    /**
     * Where an IP packet starts in a frame.
     *
     * @param offset the index of the first byte of the IP header
     * @param version 4 or 6 when the link layer says so, 0 when only the header itself can tell
     */
    record IpStart(int offset, int version) {}

    private LinkLayer() {}

    /** Locates the IP packet in a frame that starts at index 0 of {@code frame}. */
    static IpStart locate(int linkType, ByteBuffer frame) {
        int length = frame.limit();
        return switch (linkType) {
            case LinkType.ETHERNET -> length < 14 ? null : fromEtherType(frame, 14, u16(frame, 12));
            case LinkType.LINUX_SLL -> length < 16 ? null : fromEtherType(frame, 16, u16(frame, 14));
            case LinkType.LINUX_SLL2 -> length < 20 ? null : fromEtherType(frame, 20, u16(frame, 0));
            case LinkType.NULL, LinkType.LOOP -> length < 4 ? null : fromAddressFamily(frame);
            case LinkType.RAW, LinkType.RAW_DLT_12, LinkType.RAW_DLT_14 -> new IpStart(0, 0);
            case LinkType.IPV4 -> new IpStart(0, 4);
            case LinkType.IPV6 -> new IpStart(0, 6);
            default -> null;
        };
    }

    private static IpStart fromEtherType(ByteBuffer frame, int offset, int etherType) {
        int at = offset;
        int type = etherType;
        for (int tags = 0; isVlanTag(type); tags++) {
            if (tags == MAX_VLAN_TAGS || at + 4 > frame.limit()) {
                return null;
            }
            type = u16(frame, at + 2);
            at += 4;
        }
        return switch (type) {
            case ETHERTYPE_IPV4 -> new IpStart(at, 4);
            case ETHERTYPE_IPV6 -> new IpStart(at, 6);
            default -> null;
        };
    }

    private static boolean isVlanTag(int etherType) {
        return etherType == ETHERTYPE_8021Q
                || etherType == ETHERTYPE_8021AD
                || etherType == ETHERTYPE_QINQ_LEGACY;
    }

    /** The 4-byte family is in the capturing host's byte order (NULL) or big-endian (LOOP). */
    private static IpStart fromAddressFamily(ByteBuffer frame) {
        int bigEndian = frame.getInt(0);
        int version = versionOfFamily(bigEndian);
        if (version == 0) {
            version = versionOfFamily(Integer.reverseBytes(bigEndian));
        }
        return version == 0 ? null : new IpStart(4, version);
    }

    private static int versionOfFamily(int family) {
        return switch (family) {
            case 2 -> 4; // AF_INET everywhere
            case 24, 28, 30 -> 6; // AF_INET6 on NetBSD/OpenBSD, FreeBSD, macOS
            default -> 0;
        };
    }

    private static int u16(ByteBuffer frame, int at) {
        return frame.getShort(at) & 0xFFFF;
    }
}
