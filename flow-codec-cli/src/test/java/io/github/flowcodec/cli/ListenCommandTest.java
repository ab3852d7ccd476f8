package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow5.Netflow5;
import io.github.flowcodec.netflow5.Netflow5Encoder;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flowcodec listen} as a collector: real UDP on loopback, several protocols and exporters, bad datagrams. */
class ListenCommandTest {

    @TempDir
    Path dir;

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs {@code flowcodec listen args} on another thread; its exit status, with standard error in {@code err}. */
    private static CompletableFuture<Integer> listen(StringWriter err, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            CommandLine cl = new CommandLine(new FlowcodecCommand());
            cl.setErr(new PrintWriter(err, true));
            List<String> all = new ArrayList<>(List.of("listen"));
            all.addAll(List.of(args));
            return cl.execute(all.toArray(String[]::new));
        });
    }

    private static void awaitListening(StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!err.toString().contains("listening on")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("listen did not start: " + err);
            }
            Thread.sleep(10);
        }
    }

    private static List<FlowRecord> v5Records(int n) throws Exception {
        List<FlowRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FlowRecord.builder(Netflow5.TEMPLATE)
                    .setAddress(Netflow5.SRC_ADDR, InetAddress.getByName("10.0.0." + (i + 1)))
                    .setAddress(Netflow5.DST_ADDR, InetAddress.getByName("192.0.2.7"))
                    .setLong(Netflow5.PACKETS, 3).setLong(Netflow5.OCTETS, 1000 + i).setLong(Netflow5.PROTOCOL, 6).build());
        }
        return out;
    }

    private static List<FlowRecord> v9Records(int n) throws Exception {
        Template t = Template.builder(300).field(IANA.require("sourceIPv4Address")).field(IANA.require("destinationIPv4Address"))
                .field(IANA.require("octetDeltaCount"), 4).field(IANA.require("protocolIdentifier")).build();
        List<FlowRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FlowRecord.builder(t).setAddress(0, InetAddress.getByName("10.9.0." + (i + 1)))
                    .setAddress(1, InetAddress.getByName("198.51.100.1")).setLong(2, 500 + i).setLong(3, 17).build());
        }
        return out;
    }

    @Test
    void decodesEveryProtocolFromSeveralExportersAndSurvivesBadDatagrams() throws Exception {
        int port = freePort();
        Path out = dir.resolve("flows.jsonl");
        List<ByteBuffer> v5 = Netflow5Encoder.builder().build().encode(v5Records(40));          // 2 datagrams
        List<ByteBuffer> v9 = Netflow9Encoder.builder().sourceId(3).build().encode(v9Records(25)); // template first
        List<byte[]> bad = List.of(new byte[] {0, 9, 0, 1}, "not a flow packet".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        int datagrams = v5.size() + v9.size() + bad.size();

        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = listen(err, "-l", "127.0.0.1:" + port, "--count", Integer.toString(datagrams),
                "--workers", "2", "--stats-interval", "0", "-o", out.toString());
        awaitListening(err);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramChannel a = DatagramChannel.open(); DatagramChannel b = DatagramChannel.open()) {
            for (ByteBuffer d : v9) {
                a.send(d, target);
            }
            for (byte[] d : bad) {
                a.send(ByteBuffer.wrap(d), target);
            }
            for (ByteBuffer d : v5) {
                b.send(d, target);
            }
        }
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();

        List<Map<String, String>> lines = JsonLines.parse(Files.readString(out));
        assertThat(lines).hasSize(65);
        assertThat(lines.stream().filter(m -> "NETFLOW_V5".equals(m.get("type")))).hasSize(40);
        assertThat(lines.stream().filter(m -> "NETFLOW_V9".equals(m.get("type")))
                .map(m -> m.get("src_addr")).distinct()).hasSize(25);
        String stats = err.toString();
        assertThat(stats).contains(datagrams + " datagrams").contains("65 records").contains("NETFLOW_V5 40")
                .contains("NETFLOW_V9 25").contains("3 decode errors").contains("(2 not flow protocols)");
    }

    @Test
    void stopsAfterItsDurationAndPrintsFinalStats() throws Exception {
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        CompletableFuture<Integer> exit = listen(err, "-l", "127.0.0.1:0", "--duration", "1", "--stats-interval", "0",
                "-o", dir.resolve("none.jsonl").toString());
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(err.toString()).contains("listening on").contains("0 datagrams").contains("0 records");
        assertThat(Files.readString(dir.resolve("none.jsonl"))).isEmpty();
    }

    @Test
    void refusesBadOptions() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new FlowcodecCommand());
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("listen", "-l", "127.0.0.1:99999")).isEqualTo(2);
        assertThat(err.toString()).contains("--listen takes HOST:PORT or PORT");
        assertThat(cl.execute("listen", "--workers", "0")).isEqualTo(2);
    }
}
