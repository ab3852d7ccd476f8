package io.github.flowcodec.cli.internal.pcap;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * One IPv4 or IPv6 fragment found in a frame, as {@link FragmentReassembler} needs it.
 *
 * <p>{@link #parse} never throws: it tells apart packets that are not fragments (left to {@link
 * UdpDatagramExtractor}), fragments that cannot be part of a UDP datagram (ignored), fragments
 * that cannot be used (malformed or cut by the snapshot length) and usable fragments.
 *
 * @param key what identifies the datagram the fragment belongs to
 * @param frame the frame, indexed from 0, big-endian
 * @param addressLength 4 for IPv4, 16 for IPv6
 * @param sourceAt the index of the source address in {@code frame}
 * @param destinationAt the index of the destination address in {@code frame}
 * @param headerLength the length of the IP header (IPv4, with options) or of everything up to and
 *     including the fragment header (IPv6)
 * @param nextHeader for IPv6, the next header field of the fragment header; for IPv4, the protocol
 * @param offset the fragment offset in bytes, a multiple of 8
 * @param more whether the "more fragments" flag is set
 * @param dataAt the index of the first data byte in {@code frame}
 * @param dataLength the number of data bytes, all present in {@code frame}
 */
record IpFragment(
        Key key,
        ByteBuffer frame,
        int addressLength,
        int sourceAt,
        int destinationAt,
        int headerLength,
        int nextHeader,
        int offset,
        boolean more,
        int dataAt,
        int dataLength) {

    /** What {@link #parse} found when the result is not a usable fragment. */
    enum Verdict {
        /** Not IP, or an IP packet that is not fragmented: for {@link UdpDatagramExtractor}. */
        NOT_FRAGMENT,
        /** A fragment of something other than UDP: nothing to do. */
        IGNORED,
        /** A fragment whose header is malformed or whose bytes are not all in the capture. */
        MALFORMED
    }

    /**
     * Identifies the datagram a fragment belongs to: source, destination, protocol and
     * identification for IPv4 (RFC 791), source, destination and identification for IPv6 (RFC
     * 8200). Addresses are kept as numbers so that keys compare by value.
     *
     * @param version 4 or 6
     * @param sourceHigh the first 8 bytes of an IPv6 source address, 0 for IPv4
     * @param sourceLow the last 8 bytes of an IPv6 source address, or the IPv4 source address
     * @param destinationHigh the first 8 bytes of an IPv6 destination address, 0 for IPv4
     * @param destinationLow the last 8 bytes of an IPv6 destination address, or the IPv4 one
     * @param protocol the IPv4 protocol, 0 for IPv6
     * @param identification the 16-bit IPv4 or 32-bit IPv6 identification
     */
    record Key(
            int version,
            long sourceHigh,
            long sourceLow,
            long destinationHigh,
            long destinationLow,
            int protocol,
            long identification) {}

    /**
     * The outcome of {@link #parse}: either a fragment or a verdict.
     *
     * @param fragment the fragment, or null
     * @param verdict null when there is a fragment
     */
    record Parsed(IpFragment fragment, Verdict verdict) {
        static final Parsed NOT_FRAGMENT = new Parsed(null, Verdict.NOT_FRAGMENT);
        static final Parsed IGNORED = new Parsed(null, Verdict.IGNORED);
        static final Parsed MALFORMED = new Parsed(null, Verdict.MALFORMED);
    }

    static final int HOP_BY_HOP = 0;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int DESTINATION_OPTIONS = 60;
    static final int MAX_EXTENSION_HEADERS = 8;

    private static final int IPV4_MORE_FRAGMENTS = 0x2000;
    private static final int IPV4_OFFSET_MASK = 0x1FFF;

    /**
     * Reads the IP header of the packet at {@code start}.
     *
     * @param frame the frame, indexed from 0, big-endian
     * @param start where the IP header starts
     * @param version 4 or 6 as announced by the link layer, or 0 to trust the header's own
     */
    static Parsed parse(ByteBuffer frame, int start, int version) {
        if (start >= frame.limit()) {
            return Parsed.NOT_FRAGMENT;
        }
        int actual = (frame.get(start) & 0xF0) >>> 4;
        if (version != 0 && actual != version) {
            return Parsed.NOT_FRAGMENT;
        }
        return switch (actual) {
            case 4 -> ipv4(frame, start);
            case 6 -> ipv6(frame, start);
            default -> Parsed.NOT_FRAGMENT;
        };
    }

    private static Parsed ipv4(ByteBuffer frame, int start) {
        if (frame.limit() - start < 20) {
            return Parsed.NOT_FRAGMENT;
        }
        int flagsAndOffset = u16(frame, start + 6);
        boolean more = (flagsAndOffset & IPV4_MORE_FRAGMENTS) != 0;
        int offset = (flagsAndOffset & IPV4_OFFSET_MASK) * 8;
        if (!more && offset == 0) {
            return Parsed.NOT_FRAGMENT;
        }
        int protocol = frame.get(start + 9) & 0xFF;
        if (protocol != IpLayer.PROTOCOL_UDP) {
            return Parsed.IGNORED;
        }
        int headerLength = (frame.get(start) & 0x0F) * 4;
        int totalLength = u16(frame, start + 2);
        // A total length of 0 (segmentation offload) cannot describe a fragment.
        if (headerLength < 20 || totalLength < headerLength || totalLength > frame.limit() - start) {
            return Parsed.MALFORMED;
        }
        Key key =
                new Key(
                        4,
                        0,
                        frame.getInt(start + 12) & 0xFFFF_FFFFL,
                        0,
                        frame.getInt(start + 16) & 0xFFFF_FFFFL,
                        protocol,
                        u16(frame, start + 4));
        return new Parsed(
                new IpFragment(
                        key,
                        frame,
                        4,
                        start + 12,
                        start + 16,
                        headerLength,
                        protocol,
                        offset,
                        more,
                        start + headerLength,
                        totalLength - headerLength),
                null);
    }

    private static Parsed ipv6(ByteBuffer frame, int start) {
        int available = frame.limit() - start;
        if (available < 40) {
            return Parsed.NOT_FRAGMENT;
        }
        int payloadLength = u16(frame, start + 4);
        int next = frame.get(start + 6) & 0xFF;
        // A jumbogram (payload length 0) may not be fragmented; walk it anyway to tell.
        int bound = payloadLength == 0 ? frame.limit() : start + 40 + Math.min(payloadLength, available - 40);
        int at = start + 40;
        for (int headers = 0; next != FRAGMENT; headers++) {
            if (headers == MAX_EXTENSION_HEADERS || at + 8 > bound) {
                return Parsed.NOT_FRAGMENT;
            }
            if (next != HOP_BY_HOP && next != ROUTING && next != DESTINATION_OPTIONS) {
                return Parsed.NOT_FRAGMENT; // UDP, or anything else, before any fragment header
            }
            next = frame.get(at) & 0xFF;
            at += ((frame.get(at + 1) & 0xFF) + 1) * 8;
        }
        if (at + 8 > bound) {
            return Parsed.NOT_FRAGMENT; // for the extractor to reject
        }
        int fragmentNext = frame.get(at) & 0xFF;
        int offsetAndFlag = u16(frame, at + 2);
        int offset = (offsetAndFlag >>> 3) * 8;
        boolean more = (offsetAndFlag & 1) != 0;
        if (!more && offset == 0) {
            return Parsed.NOT_FRAGMENT; // an atomic fragment (RFC 6946) is a whole packet
        }
        // UDP, possibly behind destination options, is all that can become a UDP datagram.
        if (fragmentNext != IpLayer.PROTOCOL_UDP && fragmentNext != DESTINATION_OPTIONS) {
            return Parsed.IGNORED;
        }
        int end = start + 40 + payloadLength;
        if (payloadLength == 0 || end > frame.limit()) {
            return Parsed.MALFORMED;
        }
        Key key =
                new Key(
                        6,
                        frame.getLong(start + 8),
                        frame.getLong(start + 16),
                        frame.getLong(start + 24),
                        frame.getLong(start + 32),
                        0,
                        frame.getInt(at + 4) & 0xFFFF_FFFFL);
        return new Parsed(
                new IpFragment(
                        key,
                        frame,
                        16,
                        start + 8,
                        start + 24,
                        at + 8 - start,
                        fragmentNext,
                        offset,
                        more,
                        at + 8,
                        end - (at + 8)),
                null);
    }

    /** The offset of the byte after the last data byte, in the reassembled data. */
    int end() {
        return offset + dataLength;
    }

    /**
     * The largest {@link #end()} that keeps the reassembled packet within what its 16-bit length
     * field can say: 65535 bytes of IPv4 packet, header included, or 65535 bytes of IPv6 payload,
     * the unfragmentable extension headers included and the fragment header left out.
     */
    int maxEnd() {
        return addressLength == 4 ? 0xFFFF - headerLength : 0xFFFF - (headerLength - 48);
    }

    InetAddress source() {
        return address(sourceAt);
    }

    InetAddress destination() {
        return address(destinationAt);
    }

    private InetAddress address(int at) {
        return AddressCache.address(null, frame, at, addressLength);
    }

    private static int u16(ByteBuffer frame, int at) {
        return frame.getShort(at) & 0xFFFF;
    }
}
