package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.generate.ExportEncoder;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.cli.internal.generate.TrafficModel;
import io.github.flowcodec.cli.internal.json.FlowJsonWriter;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcodec demo}: encodes a realistic mix of flows in every protocol the build has, sends them over
 * UDP on loopback to a listener in the same process, decodes them there and checks they are the flows sent:
 * NetFlow v5, NetFlow v9 and IPFIX (templates first, absolute millisecond times for IPFIX) and sFlow v5.
 * For sFlow each flow is one flow sample (a 128-byte Ethernet / 802.1Q / IP / TCP, UDP or ICMP sampled
 * header with switch, router and gateway records), with a counter sample every few flow samples.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the codecs end to end with no setup: encodes synthetic flows, sends them over UDP on "
            + "loopback to a listener in this process that decodes them, prints what it received and a summary.",
        footer = {"", "Examples:", "  flowcodec demo", "  flowcodec demo --flows 5000 --show 0"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--flows"}, defaultValue = "300", description = "flows per protocol (default ${DEFAULT-VALUE})")
    int flows;

    @Option(names = "--show", defaultValue = "5", description = "how many received records to print as JSON per protocol (default ${DEFAULT-VALUE})")
    int show;

    @Option(names = "--seed", defaultValue = "7", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--cluster", description = "instead: a Kafka broker in this process, two collector nodes sharing "
            + "templates through it, NetFlow v9 and IPFIX templates sent to node A and data to node B, the flows topic "
            + "read back and compared (needs the class path: java -jar flowcodec.jar)")
    boolean cluster;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true);
        if (cluster) {
            return ClusterDemoRun.run(out, err, flows, seed);
        }
        boolean allEqual = true;
        for (ExportProtocol protocol : ExportProtocol.values()) {
            allEqual &= runOne(protocol, out);
        }
        out.flush();
        err.flush();
        return allEqual ? 0 : 1;
    }

    private boolean runOne(ExportProtocol protocol, PrintWriter out) throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        ExportEncoder encoder = protocol.newEncoder(clock, 1);
        List<FlowRecord> sentRecords = encoder.records(new TrafficModel(seed, protocol.ipv6Fraction()).flows(flows, clock.millis()));
        List<ByteBuffer> packets = encoder.encode(sentRecords);

        List<FlowRecord> received = new ArrayList<>();
        long errors;
        FlowJsonWriter json = new FlowJsonWriter(out, JsonLayout.COMPACT, false);
        try (DatagramChannel listener = DatagramChannel.open()) {
            listener.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Receiver receiver = new Receiver(listener, packets.size(), received, json, show);
            Thread thread = new Thread(receiver, "flowcodec-demo-listener");
            thread.start();
            try (DatagramChannel sender = DatagramChannel.open()) {
                sender.connect(listener.getLocalAddress());
                for (ByteBuffer p : packets) {
                    sender.write(p);
                    Thread.sleep(0, 200_000); // loopback buffers are finite: pace a little
                }
            }
            thread.join(10_000);
            listener.close();
            thread.join(1_000);
            errors = receiver.errors;
        }
        json.flush();
        boolean equal = received.size() == sentRecords.size();
        for (int i = 0; equal && i < received.size(); i++) {
            equal = encoder.sameRecord(sentRecords.get(i), received.get(i));
        }
        String alongside = encoder.sentAlongside();
        out.printf("%s: sent %d flows in %d packets%s, received %d flows, decode errors %d, equal: %s%n",
                protocol, sentRecords.size(), packets.size(), alongside.isEmpty() ? "" : " (with " + alongside + ")",
                received.size(), errors, equal);
        return equal;
    }

    /** The in-process collector: decodes each datagram it receives until it has them all or is closed. */
    private static final class Receiver implements Runnable {
        private final DatagramChannel channel;
        private final int expected;
        private final List<FlowRecord> received;
        private final FlowJsonWriter json;
        private final int show;
        private final DatagramDecoder<?> decoder = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT);
        volatile long errors;

        Receiver(DatagramChannel channel, int expected, List<FlowRecord> received, FlowJsonWriter json, int show) {
            this.channel = channel;
            this.expected = expected;
            this.received = received;
            this.json = json;
            this.show = show;
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocateDirect(65536);
            try {
                for (int n = 0; n < expected; n++) {
                    buf.clear();
                    InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
                    buf.flip();
                    long now = System.currentTimeMillis() * 1_000_000L;
                    try {
                        decoder.decode(buf, from, (ctx, view) -> {
                            if (received.size() < show) {
                                try {
                                    json.write(ctx, view, now, from.getAddress());
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                            received.add(view.toRecord());
                        });
                    } catch (FlowCodecException e) {
                        errors++;
                    }
                }
            } catch (IOException closed) {
                // the demo closed the socket after its wait: whatever arrived is counted
            }
        }
    }
}
