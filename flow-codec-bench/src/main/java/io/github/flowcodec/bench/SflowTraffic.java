package io.github.flowcodec.bench;

import io.github.flowcodec.sflow.CounterData;
import io.github.flowcodec.sflow.CounterSample;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.FlowSample;
import io.github.flowcodec.sflow.SampledFrameBuilder;
import io.github.flowcodec.sflow.SflowSample;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic sFlow traffic for the benchmarks, as a top-of-rack switch sends it: each datagram holds
 * flow samples of Ethernet / 802.1Q / IPv4 / TCP (about 80%) or UDP frames, their first 128 bytes in a raw
 * packet header record plus an extended switch record, and one counter sample (generic interface and
 * Ethernet counters). The same seed always gives the same samples.
 */
final class SflowTraffic {

    private static final int[] TCP_SERVICES = {443, 443, 443, 80, 22, 8080, 5432, 3389};
    private static final int[] UDP_SERVICES = {53, 53, 123, 443, 4789, 514};
    private static final int[] TCP_FLAGS = {0x10, 0x18, 0x18, 0x10, 0x02, 0x12, 0x11};
    private static final int[] TOS = {0, 0, 0, 0x28, 0xb8};

    private final Random random;
    private long sampleSequence = 1_000_000;
    private long counterSequence = 5_000;

    SflowTraffic(long seed) {
        this.random = new Random(seed);
    }

    /** The samples of one datagram: {@code flows} flow samples and one counter sample. */
    List<SflowSample> samples(int flows) {
        List<SflowSample> out = new ArrayList<>(flows + 1);
        for (int i = 0; i < flows; i++) {
            out.add(flowSample());
        }
        out.add(counterSample());
        return out;
    }

    private FlowSample flowSample() {
        int port = 1 + random.nextInt(48);
        int vlan = 100 + random.nextInt(8);
        boolean tcp = random.nextInt(10) < 8;
        int size = 64 + random.nextInt(1455);
        SampledFrameBuilder f = SampledFrameBuilder.ethernet(0x0016_3e00_0000L | random.nextInt(1 << 24),
                0x0050_5600_0000L | random.nextInt(1 << 24)).vlan(vlan)
                .ipv4(address(10, random.nextInt(1 << 24)), address(198, random.nextInt(1 << 24)))
                .tos(TOS[random.nextInt(TOS.length)]).ttl(64 - random.nextInt(8)).dontFragment();
        if (tcp) {
            f.tcp(1024 + random.nextInt(64_000), TCP_SERVICES[random.nextInt(TCP_SERVICES.length)],
                    TCP_FLAGS[random.nextInt(TCP_FLAGS.length)]).payload(Math.max(0, size - 58));
        } else {
            f.udp(1024 + random.nextInt(64_000), UDP_SERVICES[random.nextInt(UDP_SERVICES.length)]).payload(Math.max(0, size - 46));
        }
        byte[] frame = f.build();
        return FlowSample.compact(sampleSequence++, 0, port, 4096, sampleSequence * 4096, 0, port,
                1 + random.nextInt(48), List.of(SampledFrameBuilder.rawHeader(frame, 128),
                        new FlowData.ExtendedSwitch(vlan, 0, vlan, 0)));
    }

    private CounterSample counterSample() {
        int port = 1 + random.nextInt(48);
        long in = random.nextLong() >>> 20;
        long out = random.nextLong() >>> 20;
        return CounterSample.compact(counterSequence++, 0, port, List.of(
                new CounterData.GenericInterface(port, 6, 10_000_000_000L, 1, 3, in, (in / 900) & 0xFFFF_FFFFL, 12, 3, 0, 0, 0, out,
                        (out / 900) & 0xFFFF_FFFFL, 10, 2, 0, 0, 0),
                new CounterData.Ethernet(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    private static Inet4Address address(int first, int rest) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) first, (byte) (rest >>> 16), (byte) (rest >>> 8), (byte) rest});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
