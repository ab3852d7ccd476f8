package io.github.flowcodec.cli.internal.kafka;

import io.github.flowcodec.cli.internal.generate.ExportEncoder;
import io.github.flowcodec.cli.internal.generate.ExportProtocol;
import io.github.flowcodec.cli.internal.generate.TrafficModel;
import io.github.flowcodec.cli.internal.listen.ListenServer;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplatedFlowPacket;
import io.github.flowcodec.flowmessage.FlowMessageProtobufWriter;
import io.github.flowcodec.flowmessage.FlowMessageView;
import io.github.flowcodec.ipfix.IpfixMessageBuilder;
import io.github.flowcodec.kafka.KafkaFlowSink;
import io.github.flowcodec.kafka.broker.EmbeddedKafkaBroker;
import io.github.flowcodec.netflow9.Netflow9PacketBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code flowcodec demo --cluster}: a Kafka broker in this JVM, two collector nodes ({@code listen --kafka
 * --template-topic}) sharing templates through it, and an exporter whose template packets go to node A and
 * whose data packets go to node B. The flows topic is read back and compared, message by message, with what
 * one collector decodes of the same datagrams (all fields but the time received).
 */
public final class ClusterDemo {

    private static final String FLOWS = "flows";
    private static final String TEMPLATES = "flowcodec-templates";
    /** flow.proto's time_received_ns: each node's own clock. */
    private static final int TIME_RECEIVED_NS = 110;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PrintWriter out;
    private final int flows;
    private final long seed;

    public ClusterDemo(PrintWriter out, int flows, long seed) {
        this.out = out;
        this.flows = flows;
        this.seed = seed;
    }

    /** Runs the demo; whether what was read back equals what was sent. */
    public boolean run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.started()) {
            out.printf("broker: Kafka (KRaft, one node) in this JVM on %s, started in %.1f s%n", broker.bootstrapServers(),
                    (System.nanoTime() - start) / 1e9);
            Node a = new Node("A", broker.bootstrapServers());
            Node b = new Node("B", broker.bootstrapServers());
            List<byte[]> datagrams = new ArrayList<>();
            int templates = 0;
            int records = 0;
            try (DatagramChannel exporter = DatagramChannel.open()) {
                exporter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                for (ExportProtocol protocol : List.of(ExportProtocol.netflow9, ExportProtocol.ipfix)) {
                    Split split = split(protocol);
                    for (byte[] p : split.templatePackets()) {
                        exporter.send(ByteBuffer.wrap(p), a.address);
                    }
                    templates += split.templates();
                    int expectedTemplates = templates;
                    await("node B has the templates node A learned",
                            () -> b.kafka.replicatedStore().counters().applied() >= expectedTemplates);
                    for (byte[] p : split.dataPackets()) {
                        exporter.send(ByteBuffer.wrap(p), b.address);
                        Thread.sleep(0, 200_000); // loopback buffers are finite: pace a little
                    }
                    records += split.records();
                    int expectedRecords = records;
                    await("node B published the records", () -> done(b.kafka.counters()) >= expectedRecords);
                    out.printf("%s: sent %d templates in %d packets to node A, %d flows in %d packets to node B%n",
                            protocol, split.templates(), split.templatePackets().size(), split.records(), split.dataPackets().size());
                    datagrams.addAll(split.templatePackets());
                    datagrams.addAll(split.dataPackets());
                }
            } finally {
                a.stop();
                b.stop();
            }
            out.println("node A: " + a.server.statsLine());
            out.println("node B: " + b.server.statsLine());
            List<Map<String, String>> expected = ProtobufMessages.read(decodeLocally(datagrams, exporterAddress()), TIME_RECEIVED_NS);
            List<Map<String, String>> read = ProtobufMessages.read(readTopic(broker.bootstrapServers(), records), TIME_RECEIVED_NS);
            boolean equal = read.equals(expected) && read.size() == records;
            out.printf("cluster: sent %d flows, node B decoded and published %d, read back %d from topic %s, equal: %s%n",
                    records, b.kafka.counters().published(), read.size(), FLOWS, equal);
            return equal;
        }
    }

    private static long done(KafkaFlowSink.Counters c) {
        return c.published() + c.publishErrors() + c.backPressureDrops();
    }

    private static InetAddress exporterAddress() {
        return InetAddress.getLoopbackAddress();
    }

    /** One collector node: {@code listen --kafka HOST:PORT --topic flows --template-topic T} on a loopback port. */
    private static final class Node {
        final KafkaDestination kafka;
        final ListenServer server;
        final InetSocketAddress address;

        Node(String name, String bootstrap) throws IOException, InterruptedException {
            kafka = new KafkaDestination(bootstrap, FLOWS, KafkaFlowSink.Format.PROTOBUF, TEMPLATES);
            if (!kafka.awaitTemplates(WAIT)) {
                throw new IllegalStateException("node " + name + " did not read the template topic");
            }
            server = new ListenServer(new ListenServer.Settings(
                    List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), 1, 65_536,
                    DecoderOptions.DEFAULT, "protobuf", false, 4 << 20, 0), kafka, OutputStream.nullOutputStream(), line -> { });
            address = server.start().get(0);
        }

        void stop() {
            server.stop();
            kafka.close();
        }
    }

    /** An exporter's packets, templates apart from data. */
    private record Split(List<byte[]> templatePackets, List<byte[]> dataPackets, int templates, int records) {
    }

    /** The protocol's export of the demo flows, its templates in packets of their own and its data in others. */
    private Split split(ExportProtocol protocol) {
        Clock clock = Clock.systemUTC();
        ExportEncoder encoder = protocol.newEncoder(clock, 1);
        List<FlowRecord> sent = encoder.records(new TrafficModel(seed, protocol.ipv6Fraction()).flows(flows, clock.millis()));
        DatagramDecoder decoder = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT);
        InetSocketAddress from = new InetSocketAddress(exporterAddress(), 9999);
        List<Template> templates = new ArrayList<>();
        List<List<FlowRecord>> packets = new ArrayList<>();
        for (ByteBuffer p : encoder.encode(sent)) {
            TemplatedFlowPacket<?> packet = (TemplatedFlowPacket<?>) decoder.decode(p, from);
            packet.templates().stream().filter(t -> !templates.contains(t)).forEach(templates::add);
            packets.add(packet.records());
        }
        long now = clock.millis() / 1000;
        boolean v9 = protocol == ExportProtocol.netflow9;
        List<byte[]> templatePackets = List.of(v9
                ? Netflow9PacketBuilder.create().sourceId(1).sequence(0).unixSeconds(now).sysUptime(3_600_000).templates(templates.toArray(Template[]::new)).toBytes()
                : IpfixMessageBuilder.create().observationDomainId(1).sequence(0).exportTimeSeconds(now).templates(templates.toArray(Template[]::new)).toBytes());
        List<byte[]> dataPackets = new ArrayList<>();
        long sequence = 0;
        int records = 0;
        for (List<FlowRecord> p : packets) {
            sequence++;
            Netflow9PacketBuilder nf = Netflow9PacketBuilder.create().sourceId(1).sequence(sequence).unixSeconds(now).sysUptime(3_600_000);
            IpfixMessageBuilder ipfix = IpfixMessageBuilder.create().observationDomainId(1).sequence(records).exportTimeSeconds(now);
            for (List<FlowRecord> run : runsOfOneTemplate(p)) {
                FlowRecord[] r = run.toArray(FlowRecord[]::new);
                if (v9) {
                    nf.data(r);
                } else {
                    ipfix.data(r);
                }
            }
            records += p.size();
            dataPackets.add(v9 ? nf.toBytes() : ipfix.toBytes());
        }
        return new Split(templatePackets, dataPackets, templates.size(), records);
    }

    private static List<List<FlowRecord>> runsOfOneTemplate(List<FlowRecord> records) {
        List<List<FlowRecord>> runs = new ArrayList<>();
        for (FlowRecord r : records) {
            if (runs.isEmpty() || runs.get(runs.size() - 1).get(0).template() != r.template()) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(r);
        }
        return runs;
    }

    /** What one collector makes of the datagrams: goflow2 protobuf messages, length-delimited. */
    private static byte[] decodeLocally(List<byte[]> datagrams, InetAddress sampler) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FlowMessageProtobufWriter writer = new FlowMessageProtobufWriter(bytes);
        FlowMessageView message = new FlowMessageView();
        DatagramDecoder decoder = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT);
        InetSocketAddress from = new InetSocketAddress(sampler, 9999);
        for (byte[] d : datagrams) {
            decoder.decode(ByteBuffer.wrap(d), from, (ctx, record) -> {
                try {
                    writer.write(message.fill(ctx, record, 0L, sampler));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        writer.flush();
        return bytes.toByteArray();
    }

    /** The values of the flows topic, concatenated (each is one length-delimited message). */
    private static byte[] readTopic(String bootstrap, int expected) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        TopicReadBack.records(bootstrap, FLOWS, expected, WAIT).forEach(r -> all.writeBytes(r.value()));
        return all.toByteArray();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not within " + WAIT.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
