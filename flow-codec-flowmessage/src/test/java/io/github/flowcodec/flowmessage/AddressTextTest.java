package io.github.flowcodec.flowmessage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** IPv6 text as RFC 5952 section 4 writes it (and tshark and goflow2 print it). */
class AddressTextTest {

    private static String text(String address) throws UnknownHostException {
        return AddressText.of(InetAddress.getByName(address));
    }

    @Test
    void canonicalIpv6() throws UnknownHostException {
        assertThat(text("2001:db8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(text("2001:db8:0:0:0:0:0:0")).isEqualTo("2001:db8::");
        assertThat(text("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(text("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(text("fe80:0:0:0:20c:29ff:fe83:3b6e")).isEqualTo("fe80::20c:29ff:fe83:3b6e");
        // a single zero group is not shortened; the longest run wins; the first run on a tie
        assertThat(text("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(text("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
        assertThat(text("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(text("2001:DB8::ABCD")).isEqualTo("2001:db8::abcd");
        assertThat(AddressText.of(Inet6Address.getByAddress(null,
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 192, 0, 2, 1}, -1)))
                .isEqualTo("::ffff:192.0.2.1");
    }

    @Test
    void ipv4IsDotted() throws UnknownHostException {
        assertThat(text("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void macIsLowerCaseHexWithColons() {
        assertThat(AddressText.mac(0x0a1b2c3d4e5fL)).isEqualTo("0a:1b:2c:3d:4e:5f");
        assertThat(AddressText.mac(0xFFFF_FFFF_FFFFL)).isEqualTo("ff:ff:ff:ff:ff:ff");
    }
}
