package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.generate.ExportEncoder;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowcodec generate}: synthetic flows into a pcap or to a UDP collector. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates synthetic but realistic flows (many hosts, a mix of services, heavy-tailed sizes) "
            + "and writes them as export packets into a pcap file or sends them to a collector over UDP.",
        footer = {"", "Examples:",
            "  flowcodec generate --protocol netflow5 --flows 10000 --pcap flows.pcap",
            "  flowcodec generate --protocol netflow5 --flows 100000 --target 127.0.0.1:2055 --rate 2000",
            "  flowcodec generate --protocol sflow --flows 5000 --sampling 1024 --pcap sflow.pcap"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--protocol"}, defaultValue = "netflow5", description = "export protocol: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    ExportProtocol protocol;

    @Option(names = {"-n", "--flows"}, defaultValue = "1000", description = "how many flows (default ${DEFAULT-VALUE})")
    int flows;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
        @Option(names = "--pcap", paramLabel = "FILE", description = "write the packets into this pcap file")
        Path pcap;

        @Option(names = "--target", paramLabel = "HOST:PORT", description = "send the packets over UDP to this collector")
        String target;
    }

    @Option(names = "--rate", defaultValue = "1000", description = "packets per second when sending (0: as fast as possible; default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seed", defaultValue = "1", description = "random seed: the same seed gives the same flows (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sampling", defaultValue = "1", description = "sampling interval announced by the exporter (1: not sampled)")
    int sampling;

    @Option(names = "--exporter", defaultValue = "192.0.2.1", description = "exporter address written in the pcap, and the sFlow agent address (default ${DEFAULT-VALUE})")
    String exporter;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (flows < 0) {
            throw new ParameterException(spec.commandLine(), "--flows must not be negative");
        }
        if (sampling < 1 || sampling > 0x3FFF) {
            throw new ParameterException(spec.commandLine(), "--sampling must be between 1 and 16383");
        }
        PrintWriter err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        InetAddress from;
        try {
            from = InetAddress.getByName(exporter);
        } catch (java.net.UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--exporter: cannot resolve " + exporter);
        }
        ExportEncoder encoder = protocol.newEncoder(clock, sampling, from);
        List<FlowRecord> records = encoder.records(new TrafficModel(seed, protocol.ipv6Fraction()).flows(flows, clock.millis()));
        List<ByteBuffer> packets = encoder.encode(records);
        if (destination.pcap != null) {
            InetAddress to = from.getAddress().length == 4 ? InetAddress.getByName("192.0.2.250") : InetAddress.getByName("2001:db8::250");
            try (PcapWriter pcap = PcapWriter.open(new BufferedOutputStream(Files.newOutputStream(destination.pcap)))) {
                long t = clock.millis() * 1_000_000L;
                for (ByteBuffer p : packets) {
                    pcap.writeUdp(t, from, 40000, to, protocol.defaultPort(), p);
                    t += 1_000_000L;
                }
            }
            err.printf("wrote %d %s packets (%d flows%s) to %s%n", packets.size(), protocol, records.size(), alongside(encoder),
                    destination.pcap);
        } else {
            InetSocketAddress target = parseTarget(destination.target);
            long sent = send(packets, target);
            err.printf("sent %d %s packets (%d flows%s) to %s%n", sent, protocol, records.size(), alongside(encoder),
                    destination.target);
        }
        err.flush();
        return 0;
    }

    private static String alongside(ExportEncoder encoder) {
        String s = encoder.sentAlongside();
        return s.isEmpty() ? "" : ", " + s;
    }

    private InetSocketAddress parseTarget(String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new ParameterException(spec.commandLine(), "--target must be HOST:PORT, not " + target);
        }
        String host = target.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(target.substring(colon + 1));
            InetSocketAddress a = new InetSocketAddress(host, port);
            if (a.isUnresolved()) {
                throw new ParameterException(spec.commandLine(), "cannot resolve " + host);
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target must be HOST:PORT, not " + target);
        }
    }

    private long send(List<ByteBuffer> packets, InetSocketAddress target) throws IOException, InterruptedException {
        long sent = 0;
        long start = System.nanoTime();
        try (DatagramChannel channel = DatagramChannel.open()) {
            for (ByteBuffer p : packets) {
                if (rate > 0) {
                    long due = start + TimeUnit.SECONDS.toNanos(sent) / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                channel.send(p, target);
                sent++;
            }
        }
        return sent;
    }
}
