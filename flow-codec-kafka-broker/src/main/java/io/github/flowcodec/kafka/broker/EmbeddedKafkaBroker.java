package io.github.flowcodec.kafka.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) running in this JVM on loopback, with its
 * data in a temporary directory: for tests and {@code flowcodec demo --cluster}, never for production. Its two
 * ports are picked free at creation and kept across {@link #stop()} and {@link #start()}, so clients
 * reconnect to a restarted broker by themselves; {@link #close()} stops it and deletes its directory.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.started()) {
 *     props.put("bootstrap.servers", broker.bootstrapServers());
 *     ...
 *     broker.stop();   // clients see the broker go away
 *     broker.start();  // and come back, with its topics and data
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    private final Path directory;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId = Uuid.randomUuid().toString();
    private boolean formatted;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path directory, int brokerPort, int controllerPort) {
        this.directory = directory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * A broker started on two free loopback ports, with its data in a new temporary directory.
     *
     * @throws IllegalStateException if it could not start
     */
    public static EmbeddedKafkaBroker started() {
        EmbeddedKafkaBroker broker;
        try {
            broker = new EmbeddedKafkaBroker(Files.createTempDirectory("flowcodec-kafka-"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the broker's directory or find free ports", e);
        }
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** Whether the broker is running. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker (again), on the same ports and with the data it had; nothing if it runs.
     *
     * @throws IllegalStateException if it could not start
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        String logDir = directory.resolve("data").toString();
        try {
            if (!formatted) {
                new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setNodeId(1).setClusterId(clusterId).setDirectories(List.of(logDir))
                        .setReleaseVersion(MetadataVersion.latestProduction())
                        .setControllerListenerName("CONTROLLER").setMetadataLogDirectory(logDir).run();
                formatted = true;
            }
            KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(config(logDir), false), Time.SYSTEM);
            s.startup();
            server = s;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /** Stops the broker, keeping its data for {@link #start()}; nothing if it is stopped. */
    public synchronized void stop() {
        KafkaRaftServer s = server;
        if (s == null) {
            return;
        }
        server = null;
        s.shutdown();
        s.awaitShutdown();
    }

    /** Stops the broker and deletes its directory. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            deleteTree(directory);
        }
    }

    private Properties config(String logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir);
        p.put("metadata.log.dir", logDir);
        // One node, and a machine shared with the caller's work: few threads, no replication, no waiting.
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(1 << 22));
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the broker's directory " + root, e);
        }
    }
}
