package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.AddressFormat;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Addresses as text the way goflow2's JSON and tshark write them, as {@link FlowMessageJsonWriter} does:
 * IPv4 dotted, IPv6 in RFC 5952's canonical form (lower case, leading zeros dropped, the longest run of two
 * or more zero groups as "::"; IPv4-mapped addresses as ::ffff:a.b.c.d), MAC addresses as
 * aa:bb:cc:dd:ee:ff.
 *
 * <pre>{@code
 * AddressText.of(InetAddress.getByName("2001:db8:0:0:1:0:0:1"));   // "2001:db8::1:0:0:1"
 * AddressText.mac(0x0a1b2c3d4e5fL);                                 // "0a:1b:2c:3d:4e:5f"
 * }</pre>
 */
public final class AddressText {

    private AddressText() {
    }

    /**
     * An IPv4 or IPv6 address as text.
     *
     * @param address the address
     * @return the text goflow2 writes: dotted quad for IPv4, RFC 5952 (compressed, lower case) for IPv6
     */
    public static String of(InetAddress address) {
        byte[] b = address.getAddress();
        byte[] text = new byte[AddressFormat.MAX_TEXT];
        return new String(text, 0, AddressFormat.address(text, 0, b, 0, b.length, new int[8]), StandardCharsets.US_ASCII);
    }

    /**
     * A MAC address in the low 48 bits of {@code mac} as text.
     *
     * @param mac the address, first octet highest
     * @return six lower-case hex pairs separated by colons, e.g. {@code "00:11:22:33:44:55"}
     */
    public static String mac(long mac) {
        byte[] text = new byte[17];
        return new String(text, 0, AddressFormat.mac(text, 0, mac), StandardCharsets.US_ASCII);
    }
}
