package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.generate.ExportEncoder;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.cli.internal.generate.ExporterSettings;
import io.github.flowcodec.cli.internal.generate.SyntheticFlow;
import io.github.flowcodec.cli.internal.generate.TrafficModel;
import io.github.flowcodec.cli.internal.pcap.PcapWriter;
import io.github.flowcodec.core.FlowRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowcodec generate}: synthetic flows into a pcap or to a UDP collector, from one or many exporters,
 * for a number of flows or continuously at a rate.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates synthetic but realistic flows (hundreds of hosts talking at random to servers of "
            + "Zipf popularity, a mix of services over TCP, UDP and ICMP, IPv4 and IPv6, heavy-tailed (Pareto) sizes) "
            + "and exports them in NetFlow v5, NetFlow v9, IPFIX or sFlow v5 packets, into a pcap file or over UDP to a "
            + "collector at a given packet rate: a stand-in for nflow-generator-style tools when testing collectors.",
            "",
            "Several exporters (--exporters) look like several devices: in a pcap each has its own address, counting "
            + "up from --exporter; over UDP each sends from its own socket (source port; to a 127.x.x.x collector from its "
            + "own loopback address, 127.0.0.1, 127.0.0.2, ..., as devices on a network do); and each has its own NetFlow "
            + "v9 source id / IPFIX observation domain (1, 2, ...), NetFlow v5 engine id (0, 1, ...) and sFlow agent "
            + "address (counting up from --exporter), with its own sequence numbers and templates.",
            "",
            "Over UDP, --duration or --continuous keep generating at --rate until the time is up or Ctrl-C; a progress "
            + "line (packets, flows, rates) goes to standard error every --progress seconds, and a summary at the end."},
        footer = {"", "Examples:",
            "  flowcodec generate -p netflow5 -n 10000 --pcap flows.pcap",
            "  flowcodec generate -p ipfix -n 50000 --exporters 4 --sampling 100 --pcap a",
            "  flowcodec generate -p netflow9 -n 100000 --target 127.0.0.1:2055 --rate 2000",
            "  flowcodec generate -p ipfix --target host:4739 --exporters 9 --duration 60",
            "  flowcodec generate -p netflow9 --target collector:2055 --continuous --rate 50",
            "  flowcodec generate -t 127.0.0.1 --port 2055 --continuous --rate 2   # as nflow-generator -t 127.0.0.1 -p 2055",
            "  flowcodec generate -p ipfix -n 5000 --template-refresh 0 --pcap once.pcap",
            "  flowcodec generate -p sflow -n 5000 --sampling 1024 --pcap sflow.pcap"})
public final class GenerateCommand implements Callable<Integer> {

    /** Flows generated at a time per exporter when sending over UDP. */
    static final int BATCH_FLOWS = 300;
    private static final int MAX_EXPORTERS = 4096;
    private static final int COLLECTOR_PORT_IN_PCAP_FROM = 40000;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--protocol"}, paramLabel = "PROTOCOL", defaultValue = "netflow5", description = "export protocol: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    ExportProtocol protocol;

    @Option(names = {"-n", "--flows"}, paramLabel = "N", defaultValue = "1000", description = "how many flows, shared among the exporters "
            + "(default ${DEFAULT-VALUE}; ignored with --duration or --continuous)")
    int flows;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
        @Option(names = "--pcap", paramLabel = "FILE", description = "write the packets into this pcap file")
        Path pcap;

        @Option(names = {"-t", "--target"}, paramLabel = "HOST:PORT", description = "send the packets over UDP to this "
                + "collector (HOST alone with --port, as nflow-generator's -t HOST -p PORT)")
        String target;
    }

    @Option(names = "--port", paramLabel = "PORT", description = "the collector's UDP port when --target gives the host alone "
            + "(nflow-generator's -p; here -p is --protocol)")
    Integer port;

    @Option(names = "--rate", paramLabel = "PACKETS", defaultValue = "1000", description = "packets per second, all exporters together, when sending "
            + "(0: as fast as possible); in a pcap, the spacing of the packet timestamps (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--exporters", paramLabel = "N", defaultValue = "1", description = "how many exporters send (default ${DEFAULT-VALUE})")
    int exporters;

    @Option(names = "--exporter", paramLabel = "ADDRESS", defaultValue = "192.0.2.1", description = "the first exporter's "
            + "address in a pcap (the others count up from it), and its sFlow agent address (default ${DEFAULT-VALUE})")
    String exporter;

    @Option(names = "--sampling", paramLabel = "N", defaultValue = "1", description = "sampling interval announced by the "
            + "exporters, one packet in N (1: not sampled): the v5 header, a v9 sampler or IPFIX selector options record, "
            + "the sFlow sampling rate")
    int sampling;

    @Option(names = "--template-refresh", paramLabel = "N", defaultValue = "" + ExporterSettings.DEFAULT_TEMPLATE_REFRESH,
            description = "NetFlow v9 and IPFIX: resend the templates (and the sampling options record) every N packets of "
            + "an exporter; 0: only in its first packet (default ${DEFAULT-VALUE})")
    int templateRefresh;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", description = "over UDP: generate flows "
            + "continuously at --rate for this long (0: --flows flows, then stop)")
    long duration;

    @Option(names = "--continuous", description = "over UDP: generate flows continuously at --rate until Ctrl-C (or --duration)")
    boolean continuous;

    @Option(names = "--progress", paramLabel = "SECONDS", defaultValue = "5", description = "over UDP: a progress line on "
            + "standard error every SECONDS (0: only the summary; default ${DEFAULT-VALUE})")
    int progress;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "random seed: the same seed gives the same flows (default ${DEFAULT-VALUE})")
    long seed;

    /** One exporter: its settings, its encoder (sequence numbers, templates) and, over UDP, its socket and pending packets. */
    private static final class Exporter {
        final ExporterSettings settings;
        final ExportEncoder encoder;
        final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
        /** The flows each pending packet stands for: its batch's flows shared evenly among the batch's packets. */
        final ArrayDeque<Integer> pendingFlows = new ArrayDeque<>();
        long flowsLeft;
        /** Flows dealt to this exporter, not yet encoded. */
        final ArrayDeque<SyntheticFlow> dealt = new ArrayDeque<>();
        DatagramChannel channel;

        Exporter(ExporterSettings settings, ExportEncoder encoder) {
            this.settings = settings;
            this.encoder = encoder;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        InetAddress first;
        try {
            first = InetAddress.getByName(exporter);
        } catch (java.net.UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--exporter: cannot resolve " + exporter);
        }
        if (templateRefresh != ExporterSettings.DEFAULT_TEMPLATE_REFRESH && !protocol.hasTemplates()) {
            err.println("note: --template-refresh applies to netflow9 and ipfix only; " + protocol + " has no templates");
        }
        List<Exporter> all = new ArrayList<>(exporters);
        for (int i = 0; i < exporters; i++) {
            ExporterSettings s = new ExporterSettings(sampling, ExporterSettings.plus(first, i), i, templateRefresh);
            all.add(new Exporter(s, protocol.newEncoder(clock, s)));
        }
        TrafficModel traffic = new TrafficModel(seed, protocol.ipv6Fraction());
        if (destination.pcap != null) {
            writePcap(all, traffic, clock, err);
        } else {
            send(all, traffic, clock, parseTarget(destination.target), err);
        }
        err.flush();
        return 0;
    }

    private void validate() {
        if (flows < 0) {
            throw new ParameterException(spec.commandLine(), "--flows must not be negative");
        }
        int maxSampling = protocol == ExportProtocol.netflow5 ? 0x3FFF : Integer.MAX_VALUE;
        if (sampling < 1 || sampling > maxSampling) {
            throw new ParameterException(spec.commandLine(), "--sampling must be between 1 and " + maxSampling
                    + (protocol == ExportProtocol.netflow5 ? " (the v5 header has 14 bits for it)" : ""));
        }
        if (exporters < 1 || exporters > MAX_EXPORTERS) {
            throw new ParameterException(spec.commandLine(), "--exporters must be between 1 and " + MAX_EXPORTERS);
        }
        if (rate < 0 || templateRefresh < 0 || duration < 0 || progress < 0) {
            throw new ParameterException(spec.commandLine(), "--rate, --template-refresh, --duration and --progress must not be negative");
        }
        if (port != null && destination.pcap != null) {
            throw new ParameterException(spec.commandLine(), "--port goes with --target: a pcap has no collector");
        }
        if ((duration > 0 || continuous) && destination.pcap != null) {
            throw new ParameterException(spec.commandLine(), "--duration and --continuous need --target: a pcap gets --flows flows");
        }
    }

    /** How many of {@code total} flows exporter {@code i} of {@code n} sends. */
    private static long share(long total, int i, int n) {
        return total / n + (i < total % n ? 1 : 0);
    }

    private void writePcap(List<Exporter> all, TrafficModel traffic, Clock clock, PrintWriter err) throws IOException {
        // flow k goes to exporter k % n: every exporter sees the same kind of traffic
        List<List<SyntheticFlow>> perExporter = new ArrayList<>();
        all.forEach(e -> perExporter.add(new ArrayList<>()));
        List<SyntheticFlow> made = traffic.flows(flows, clock.millis());
        for (int k = 0; k < made.size(); k++) {
            perExporter.get(k % all.size()).add(made.get(k));
        }
        long packets = 0;
        for (int i = 0; i < all.size(); i++) {
            Exporter e = all.get(i);
            e.pending.addAll(e.encoder.encode(e.encoder.records(perExporter.get(i))));
            packets += e.pending.size();
        }
        InetAddress first = all.get(0).settings.address();
        InetAddress to = first.getAddress().length == 4 ? InetAddress.getByName("192.0.2.250") : InetAddress.getByName("2001:db8::250");
        long step = rate > 0 ? Math.max(1, 1_000_000_000L / rate) : 1_000_000L;
        try (PcapWriter pcap = PcapWriter.open(new BufferedOutputStream(Files.newOutputStream(destination.pcap)))) {
            long t = clock.millis() * 1_000_000L;
            boolean any = true;
            while (any) { // the exporters' packets interleaved, one each in turn
                any = false;
                for (Exporter e : all) {
                    ByteBuffer p = e.pending.poll();
                    if (p != null) {
                        pcap.writeUdp(t, e.settings.address(), COLLECTOR_PORT_IN_PCAP_FROM, to, protocol.defaultPort(), p);
                        t += step;
                        any = true;
                    }
                }
            }
        }
        err.printf("wrote %d %s packets (%d flows%s) to %s%s%n", packets, protocol, made.size(), alongside(all),
                destination.pcap, all.size() == 1 ? "" : " from " + all.size() + " exporters");
    }

    private static String alongside(List<Exporter> all) {
        ExportEncoder.Alongside sum = all.get(0).encoder.alongside();
        for (int i = 1; i < all.size(); i++) {
            sum = sum.plus(all.get(i).encoder.alongside());
        }
        String s = sum.toString();
        return s.isEmpty() ? "" : ", " + s;
    }

    /** {@code --target HOST:PORT}, or {@code --target HOST --port PORT} (then the whole target is the host). */
    private InetSocketAddress parseTarget(String target) {
        int colon = port != null ? target.length() : target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new ParameterException(spec.commandLine(), "--target must be HOST:PORT, or HOST with --port, not " + target);
        }
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int p = port != null ? port : Integer.parseInt(target.substring(colon + 1));
            InetSocketAddress a = new InetSocketAddress(host, p);
            if (a.isUnresolved()) {
                throw new ParameterException(spec.commandLine(), "cannot resolve " + host);
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target must be HOST:PORT, not " + target);
        }
    }

    /**
     * Sends over UDP, each exporter from its own socket, in turn, paced to {@code --rate} packets a second in all;
     * flows are made {@value #BATCH_FLOWS} at a time per exporter, as its packets run out.
     */
    private void send(List<Exporter> all, TrafficModel traffic, Clock clock, InetSocketAddress target, PrintWriter err)
            throws IOException, InterruptedException {
        boolean endless = continuous || duration > 0;
        for (int i = 0; i < all.size(); i++) {
            all.get(i).flowsLeft = endless ? Long.MAX_VALUE : share(flows, i, all.size());
        }
        long start = System.nanoTime();
        long deadline = duration > 0 ? start + TimeUnit.SECONDS.toNanos(duration) : Long.MAX_VALUE;
        long interval = progress > 0 ? TimeUnit.SECONDS.toNanos(progress) : Long.MAX_VALUE;
        long nextProgress = progress > 0 ? start + interval : Long.MAX_VALUE;
        long sent = 0;
        long flowsSent = 0;
        CountDownLatch done = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            stop.set(true);
            try {
                done.await(2, TimeUnit.SECONDS); // let the summary be printed before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flowcodec-generate-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        if (endless) {
            err.printf("sending %s to %s from %d exporter%s at %s (%s; Ctrl-C to stop)%n", protocol, destination.target, all.size(),
                    all.size() == 1 ? "" : "s", rate == 0 ? "full speed" : rate + " packets/s",
                    duration > 0 ? "for " + duration + " s" : "until stopped");
            err.flush();
        }
        try {
            for (Exporter e : all) {
                e.channel = DatagramChannel.open(target.getAddress() instanceof java.net.Inet6Address
                        ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
            }
            bindSources(all, target);
            boolean any = true;
            while (any && !stop.get()) {
                any = false;
                for (Exporter e : all) {
                    if (e.pending.isEmpty() && e.flowsLeft > 0) {
                        int n = (int) Math.min(BATCH_FLOWS, e.flowsLeft);
                        List<FlowRecord> records = e.encoder.records(deal(all, e, n, traffic, clock.millis()));
                        List<ByteBuffer> packets = e.encoder.encode(records);
                        e.pending.addAll(packets);
                        int k = packets.size();
                        for (int j = 0; j < k; j++) {
                            e.pendingFlows.add((int) ((long) records.size() * (j + 1) / k - (long) records.size() * j / k));
                        }
                        e.flowsLeft -= n;
                    }
                    ByteBuffer p = e.pending.poll();
                    if (p == null) {
                        continue;
                    }
                    flowsSent += e.pendingFlows.poll();
                    any = true;
                    if (rate > 0) {
                        // sleep only once a millisecond ahead: a sleep a packet would cap the rate at the timer's granularity
                        long wait = start + TimeUnit.SECONDS.toNanos(sent) / rate - System.nanoTime();
                        if (wait > MAX_AHEAD_NANOS) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    e.channel.send(p, target);
                    sent++;
                    long now = System.nanoTime();
                    if (now >= nextProgress) {
                        err.println(progressLine(now - start, sent, flowsSent, all.size()));
                        err.flush();
                        nextProgress += interval;
                    }
                    if (now >= deadline) {
                        stop.set(true);
                    }
                    if (stop.get()) {
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "sent %d %s packets (%d flows%s) to %s%s in %.1f s (%.0f packets/s, %.0f flows/s)%n", sent,
                    protocol, flowsSent, alongside(all), destination.target,
                    all.size() == 1 ? "" : " from " + all.size() + " exporters", seconds, sent / Math.max(seconds, 1e-9),
                    flowsSent / Math.max(seconds, 1e-9));
            err.flush();
        } finally {
            for (Exporter e : all) {
                if (e.channel != null) {
                    e.channel.close();
                }
            }
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook waited for the summary above
            }
        }
    }

    /** How far ahead of its rate the sender may run before it sleeps. */
    private static final long MAX_AHEAD_NANOS = 1_000_000;

    /**
     * Each exporter's socket its own source: to an IPv4 loopback collector, its own loopback address (127.0.0.1 up, as
     * long as there are addresses: a collector that spreads exporters by address sees them apart), else its own port;
     * its own port too where the system has no such address (macOS has 127.0.0.1 alone unless aliased).
     */
    private static void bindSources(List<Exporter> all, InetSocketAddress target) throws IOException {
        boolean loopback = target.getAddress().isLoopbackAddress() && target.getAddress() instanceof java.net.Inet4Address;
        for (int i = 0; i < all.size(); i++) {
            DatagramChannel c = all.get(i).channel;
            int host = 1 + i;
            if (loopback && host < 255) {
                try {
                    c.bind(new InetSocketAddress(java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host}), 0));
                    continue;
                } catch (java.net.BindException e) {
                    loopback = false; // no such address here: ports from now on
                }
            }
            c.bind(null);
        }
    }

    private long dealtSoFar;

    /**
     * {@code n} flows for exporter {@code e}: flows are made in one sequence and flow k goes to exporter k % N, as
     * in a pcap, so the same seed gives the same flows per exporter both ways; the others' flows wait in their queue.
     */
    private List<SyntheticFlow> deal(List<Exporter> all, Exporter e, int n, TrafficModel traffic, long nowMillis) {
        while (e.dealt.size() < n) {
            all.get((int) (dealtSoFar++ % all.size())).dealt.add(traffic.next(nowMillis));
        }
        List<SyntheticFlow> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(e.dealt.poll());
        }
        return out;
    }

    private static String progressLine(long elapsedNanos, long packets, long flows, int exporters) {
        double s = elapsedNanos / 1e9;
        return String.format(Locale.ROOT, "%6.0f s: %,d packets (%,.0f/s), %,d flows (%,.0f/s), %d exporter%s", s, packets,
                packets / s, flows, flows / s, exporters, exporters == 1 ? "" : "s");
    }
}
