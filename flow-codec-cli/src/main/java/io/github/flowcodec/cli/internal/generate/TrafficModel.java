package io.github.flowcodec.cli.internal.generate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes synthetic but realistic traffic: a few hundred clients talking to servers chosen with a Zipf
 * popularity, a mix of services (HTTPS, HTTP, DNS, QUIC, SSH, NTP, SMTP, ICMP, random high ports), flow
 * sizes from a heavy-tailed (Pareto) distribution, and durations of a few seconds. Deterministic for a
 * seed.
 */
public final class TrafficModel {

    private record Service(int protocol, int port, double weight, int packetSize) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service(6, 443, 45, 900), new Service(6, 80, 15, 800), new Service(17, 53, 12, 110),
            new Service(17, 443, 8, 1100), new Service(6, 22, 3, 300), new Service(17, 123, 3, 76),
            new Service(6, 25, 2, 600), new Service(1, 0, 3, 84), new Service(6, -1, 5, 500),
            new Service(17, -1, 4, 400));
    private static final double TOTAL_WEIGHT = SERVICES.stream().mapToDouble(Service::weight).sum();

    private static final int[] SERVER_AS = {15169, 13335, 16509, 32934, 8075, 20940, 2906, 3356};

    private final SplittableRandom random;
    private final double ipv6Fraction;
    private final int clients;
    private final int servers;
    private final double[] serverCdf;
    /** The hosts' addresses, made once: [0] IPv4, [1] IPv6. */
    private final InetAddress[][] clientAddresses;
    private final InetAddress[][] serverAddresses;
    private final InetAddress[] gateways = {gateway(false), gateway(true)};

    /**
     * @param seed the random seed
     * @param ipv6Fraction how many flows are IPv6 (0 for protocols that carry only IPv4, such as NetFlow v5)
     */
    public TrafficModel(long seed, double ipv6Fraction) {
        this.random = new SplittableRandom(seed);
        this.ipv6Fraction = ipv6Fraction;
        this.clients = 250;
        this.servers = 400;
        this.serverCdf = new double[servers];
        double sum = 0;
        for (int i = 0; i < servers; i++) {
            sum += 1.0 / (i + 1);
            serverCdf[i] = sum;
        }
        for (int i = 0; i < servers; i++) {
            serverCdf[i] /= sum;
        }
        this.clientAddresses = new InetAddress[2][clients];
        this.serverAddresses = new InetAddress[2][servers];
        for (int v6 = 0; v6 < 2; v6++) {
            for (int i = 0; i < clients; i++) {
                clientAddresses[v6][i] = clientAddress(i, v6 == 1);
            }
            for (int i = 0; i < servers; i++) {
                serverAddresses[v6][i] = serverAddress(i, v6 == 1);
            }
        }
    }

    /** {@code n} flows that ended in the minute before {@code nowMillis}. */
    public List<SyntheticFlow> flows(int n, long nowMillis) {
        List<SyntheticFlow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next(nowMillis));
        }
        return out;
    }

    /** One flow that ended in the minute before {@code nowMillis}. */
    public SyntheticFlow next(long nowMillis) {
        boolean v6 = random.nextDouble() < ipv6Fraction;
        int client = random.nextInt(clients);
        int server = zipf();
        Service s = service();
        int serverPort = s.port() >= 0 ? s.port() : 1024 + random.nextInt(64512);
        int clientPort = s.protocol() == 1 ? 0 : 32768 + random.nextInt(28232);
        long packets = Math.min(5_000_000L, (long) pareto(1.3, 1));
        if (s.protocol() == 17 && (s.port() == 53 || s.port() == 123)) {
            packets = 1 + random.nextInt(2);
        }
        int size = Math.max(40, Math.min(1500, (int) (s.packetSize() * (0.5 + random.nextDouble()))));
        long octets = Math.min(0xFFFF_FFFFL, packets * size);
        long end = nowMillis - random.nextInt(60_000);
        long duration = packets == 1 ? 0 : (long) Math.min(120_000, -Math.log(1 - random.nextDouble()) * 5_000);
        boolean download = random.nextBoolean();
        InetAddress c = clientAddresses[v6 ? 1 : 0][client];
        InetAddress srv = serverAddresses[v6 ? 1 : 0][server];
        int icmp = s.protocol() == 1 ? (random.nextBoolean() ? 8 * 256 : 0) : 0; // echo request or reply
        int tcpFlags = s.protocol() == 6 ? (packets == 1 ? 0x02 : 0x1A | (random.nextInt(4) == 0 ? 0x01 : 0)) : 0;
        int clientAs = 64512 + client % 8;
        int serverAs = SERVER_AS[server % 8];
        return new SyntheticFlow(
                download ? srv : c, download ? c : srv, gateways[v6 ? 1 : 0],
                s.protocol() == 1 ? 0 : (download ? serverPort : clientPort),
                s.protocol() == 1 ? icmp : (download ? clientPort : serverPort),
                s.protocol(), tcpFlags, random.nextInt(8) == 0 ? 0xB8 : 0, packets, octets, end - duration, end,
                download ? 1 : 2 + client % 4, download ? 2 + client % 4 : 1,
                download ? serverAs : clientAs, download ? clientAs : serverAs,
                download ? (v6 ? 48 : 24) : (v6 ? 64 : 24), download ? (v6 ? 64 : 24) : (v6 ? 48 : 24));
    }

    private int zipf() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = servers - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (serverCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Service service() {
        double u = random.nextDouble() * TOTAL_WEIGHT;
        for (Service s : SERVICES) {
            u -= s.weight();
            if (u <= 0) {
                return s;
            }
        }
        return SERVICES.get(0);
    }

    private double pareto(double alpha, double min) {
        return min / Math.pow(1 - random.nextDouble(), 1 / alpha);
    }

    private static InetAddress clientAddress(int i, boolean v6) {
        return v6 ? address(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, (byte) (i >> 8), (byte) i})
                : address(new byte[] {10, 1, (byte) (i / 200), (byte) (1 + i % 200)});
    }

    private static InetAddress serverAddress(int i, boolean v6) {
        return v6 ? address(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, (byte) 0xff, (byte) (i >> 8), 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) (1 + i % 250)})
                : address(i % 2 == 0 ? new byte[] {(byte) 198, 51, 100, (byte) (1 + i / 2 % 254)}
                        : new byte[] {(byte) 203, 0, 113, (byte) (1 + i / 2 % 254)});
    }

    private static InetAddress gateway(boolean v6) {
        return v6 ? address(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
                : address(new byte[] {10, 0, 0, 1});
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
