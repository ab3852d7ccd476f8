package io.github.flowcodec.cli.internal.pcap;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The {@link InetAddress} objects of the addresses a capture's packets carry, made once each: a capture's
 * packets come from few exporters to few collectors, so the reader of a file hands the same objects again
 * instead of making two a packet. A small direct-mapped table (by a hash of the address bytes); a miss makes
 * the object and takes the slot. Not thread-safe: one per reader.
 *
 * <pre>{@code
 * AddressCache addresses = new AddressCache();
 * InetAddress source = addresses.address(frame, ipStart + 12, 4); // the same object for the same 4 bytes
 * }</pre>
 */
final class AddressCache {

    private static final int SLOTS = 16;

    private final long[] high = new long[SLOTS];
    private final long[] low = new long[SLOTS];
    private final InetAddress[] addresses = new InetAddress[SLOTS];

    /**
     * The address of {@code length} (4 or 16) bytes of {@code frame} at {@code at}.
     *
     * @param cache the cache to use, or null to make a new object
     */
    static InetAddress address(AddressCache cache, ByteBuffer frame, int at, int length) {
        return cache == null ? make(frame, at, length) : cache.address(frame, at, length);
    }

    /** The address of {@code length} (4 or 16) bytes of {@code frame} at {@code at}. */
    InetAddress address(ByteBuffer frame, int at, int length) {
        long h = length == 4 ? -1L : frame.getLong(at);
        long l = length == 4 ? frame.getInt(at) & 0xFFFF_FFFFL : frame.getLong(at + 8);
        int slot = Long.hashCode(h * 31 + l * 0x9E37_79B9_7F4A_7C15L) & (SLOTS - 1);
        InetAddress a = addresses[slot];
        if (a != null && high[slot] == h && low[slot] == l) {
            return a;
        }
        a = make(frame, at, length);
        high[slot] = h;
        low[slot] = l;
        addresses[slot] = a;
        return a;
    }

    private static InetAddress make(ByteBuffer frame, int at, int length) {
        byte[] bytes = new byte[length];
        frame.get(at, bytes);
        try {
            // Inet6Address keeps IPv4-mapped IPv6 addresses as IPv6, unlike InetAddress.getByAddress.
            return length == 4
                    ? InetAddress.getByAddress(bytes)
                    : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("address of length " + length, e);
        }
    }
}
