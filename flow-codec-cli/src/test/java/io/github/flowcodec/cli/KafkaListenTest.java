package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.cli.internal.kafka.ProtobufMessages;
import io.github.flowcodec.cli.internal.kafka.TopicReadBack;
import io.github.flowcodec.cli.internal.pcap.PcapWriter;
import io.github.flowcodec.kafka.broker.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code listen --kafka} against a real broker (one for the class, in this JVM): what {@code generate --target}
 * sends is published, every record once, as {@code decode} makes it of the same datagrams.
 */
class KafkaListenTest {

    /** flow.proto's time_received_ns: the capture's time for decode, the time of arrival for listen. */
    private static final int TIME_RECEIVED_NS = 110;
    /** flow.proto's time_flow_start_ns and time_flow_end_ns: for sFlow, the time received (goflow2's rule). */
    private static final int[] SFLOW_FLOW_TIMES = {111, 112};

    /** One broker for the class, closed after its tests. */
    @AutoClose
    static EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.started();

    @TempDir
    Path dir;

    /**
     * generate sends to a relay that keeps a copy of each datagram (a pcap) and forwards it to listen --kafka; the
     * topic read back holds, in order, exactly what decode prints of that pcap (but for the time received).
     */
    @ParameterizedTest
    @CsvSource({"netflow9, protobuf", "ipfix, json", "sflow, protobuf", "netflow5, json-compact"})
    void publishesEveryRecordAsDecodePrintsIt(String protocol, String format) throws Exception {
        int flows = 300; // generate makes 300 flows at a time over UDP: the same packets as in a pcap
        String[] common = {"generate", "--protocol", protocol, "--flows", Integer.toString(flows), "--seed", "3",
                "--exporter", "127.0.0.1"};
        Path counted = dir.resolve("count.pcap");
        assertThat(CommandRun.run(with(common, "--pcap", counted.toString())).exit()).isZero();
        int datagrams = CommandRun.datagrams(counted).size();

        String topic = "flows-" + protocol + "-" + format;
        int port = ListenCommandTest.freePort();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = ListenCommandTest.listen(err, "-l", "127.0.0.1:" + port, "--count",
                Integer.toString(datagrams), "--workers", "2", "--stats-interval", "0", "--format", format,
                "--kafka", broker.bootstrapServers(), "--topic", topic);
        ListenCommandTest.awaitListening(err);
        Path relayed = dir.resolve("relayed.pcap");
        try (Relay relay = new Relay(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), relayed)) {
            CommandRun gen = CommandRun.run(with(common, "--target", relay.address(), "--rate", "4000", "--progress", "0"));
            assertThat(gen.exit()).as(gen.err()).isZero();
            assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
            assertThat(relay.forwarded()).isEqualTo(datagrams);
        }
        String stats = err.toString();
        assertThat(stats).contains(datagrams + " datagrams").contains(flows + " records").contains("0 decode errors")
                .contains("kafka " + topic + ": " + flows + " published, 0 publish errors, 0 back-pressure drops");

        Path expected = dir.resolve("expected." + format);
        CommandRun decode = CommandRun.run("decode", "--format", format, "-o", expected.toString(), relayed.toString());
        assertThat(decode.exit()).as(decode.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> read = TopicReadBack.records(broker.bootstrapServers(), topic, flows, Duration.ofSeconds(30));
        assertThat(read).hasSize(flows);
        byte[] loopback = InetAddress.getLoopbackAddress().getAddress();
        assertThat(read).allSatisfy(r -> assertThat(r.key()).as("the key: the exporter's address").isEqualTo(loopback));
        if ("protobuf".equals(format)) {
            ByteArrayOutputStream values = new ByteArrayOutputStream();
            read.forEach(r -> values.writeBytes(r.value()));
            int[] leaveOut = "sflow".equals(protocol) ? new int[] {TIME_RECEIVED_NS, SFLOW_FLOW_TIMES[0], SFLOW_FLOW_TIMES[1]}
                    : new int[] {TIME_RECEIVED_NS};
            assertThat(ProtobufMessages.read(values.toByteArray(), leaveOut))
                    .isEqualTo(ProtobufMessages.read(Files.readAllBytes(expected), leaveOut));
        } else {
            StringBuilder lines = new StringBuilder();
            read.forEach(r -> lines.append(new String(r.value(), StandardCharsets.UTF_8)).append('\n'));
            assertThat(withoutTimeReceived(JsonLines.parse(lines.toString())))
                    .isEqualTo(withoutTimeReceived(JsonLines.parse(Files.readString(expected))));
        }
    }

    private static List<Map<String, String>> withoutTimeReceived(List<Map<String, String>> records) {
        records.forEach(m -> assertThat(m.remove("time_received_ns")).isNotNull());
        return records;
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A UDP relay on loopback: forwards each datagram to the target and writes it into a pcap, as received. */
    private static final class Relay implements AutoCloseable {
        private final DatagramChannel in = DatagramChannel.open();
        private final DatagramChannel out = DatagramChannel.open();
        private final List<byte[]> copies = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private final Path pcap;
        private final InetSocketAddress target;

        Relay(InetSocketAddress target, Path pcap) throws IOException {
            this.target = target;
            this.pcap = pcap;
            in.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            in.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            out.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::run, "relay");
            thread.start();
        }

        String address() throws IOException {
            return "127.0.0.1:" + ((InetSocketAddress) in.getLocalAddress()).getPort();
        }

        private void run() {
            ByteBuffer b = ByteBuffer.allocate(65_536);
            try {
                while (true) {
                    b.clear();
                    in.receive(b);
                    b.flip();
                    byte[] copy = new byte[b.remaining()];
                    b.get(copy);
                    copies.add(copy);
                    out.send(ByteBuffer.wrap(copy), target);
                }
            } catch (ClosedChannelException done) {
                // closed by the test
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        int forwarded() {
            return copies.size();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            in.close();
            thread.join(5_000);
            int srcPort = ((InetSocketAddress) out.getLocalAddress()).getPort();
            out.close();
            try (PcapWriter w = PcapWriter.open(Files.newOutputStream(pcap))) {
                long t = System.currentTimeMillis() * 1_000_000L;
                for (byte[] d : copies) {
                    w.writeUdp(t++, InetAddress.getLoopbackAddress(), srcPort, target.getAddress(), target.getPort(), d);
                }
            }
        }
    }
}
