package io.github.flowcodec.sflow;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Fixed values for the unit tests. */
final class Samples {

    private Samples() {
    }

    static Inet4Address v4(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Inet6Address v6(String s) {
        try {
            return Inet6Address.getByAddress(null, InetAddress.getByName(s).getAddress(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An Ethernet / 802.1Q 100 / IPv4 / TCP frame of 1000 bytes. */
    static byte[] tcpFrame() {
        return SampledFrameBuilder.ethernet(0x0016_3e00_0001L, 0x0016_3e00_0002L).vlan(100)
                .ipv4(v4("198.51.100.1"), v4("203.0.113.2")).tos(0x28).ttl(63).fragment(0x1234, 0, false).dontFragment()
                .tcp(443, 51000, 0x18).payload(1000 - 58).build();
    }

    static FlowSample flowSample(long sequence, List<FlowData> records) {
        return FlowSample.compact(sequence, 0, 7, 1024, 1_000_000, 3, 7, 9, records);
    }

    static FlowSample typicalFlowSample(long sequence) {
        return flowSample(sequence, List.of(SampledFrameBuilder.rawHeader(tcpFrame(), 128),
                new FlowData.ExtendedSwitch(100, 0, 200, 0)));
    }

    static CounterSample counterSample(long sequence) {
        return CounterSample.compact(sequence, 0, 7, List.of(
                new CounterData.GenericInterface(7, 6, 10_000_000_000L, 1, 3, 123_456_789_012L, 10, 11, 12, 13, 14, 15,
                        987_654_321L, 20, 21, 22, 23, 24, 0),
                new CounterData.Ethernet(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)));
    }
}
