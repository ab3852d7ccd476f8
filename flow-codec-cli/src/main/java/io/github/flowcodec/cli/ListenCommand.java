package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.http.HttpBatchOutput;
import io.github.flowcodec.cli.internal.http.HttpSettings;
import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.cli.internal.listen.ListenServer;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowcodec listen}: a UDP collector printing JSON lines or writing length-delimited protobuf. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Receives NetFlow v5, NetFlow v9, IPFIX and sFlow v5 over UDP (every protocol on every port) and "
            + "prints one JSON object per flow record, goflow2's record (or with --format protobuf writes goflow2's "
            + "FlowMessage, length-delimited; or with --http posts the records to an HTTP endpoint in batches, as "
            + "goflow2's -transport=http does). Datagrams are decoded on several worker threads, each exporter "
            + "always on the same one so its packets stay in order; a stats line goes to standard error every "
            + "interval and at the end. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM, after --count datagrams or "
            + "after --duration seconds.",
        footer = {"", "Examples:",
            "  flowcodec listen                                   # 0.0.0.0:2055, JSON lines on standard output",
            "  flowcodec listen -l 0.0.0.0:2055 -l 0.0.0.0:4739 -l 0.0.0.0:6343 -o flows.jsonl",
            "  flowcodec listen -l [::]:9995 --workers 4 --stats-interval 5",
            "  flowcodec listen -l 127.0.0.1:2055 --count 1000   # stop after 1000 datagrams",
            "  flowcodec listen --http http://localhost:5080/api/default/netflow/_json \\",
            "      --http-auth-header Authorization --http-auth-credentials \"Basic dXNlcjpwYXNz\""})
public final class ListenCommand implements Callable<Integer> {

    /** Problem lines printed per stats interval at most: hostile traffic must not flood the terminal. */
    static final int PROBLEM_LINES_PER_INTERVAL = 20;

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--listen"}, paramLabel = "HOST:PORT", description = "UDP address to listen on, repeatable "
            + "(a bare PORT means 0.0.0.0:PORT; default 0.0.0.0:2055)")
    List<String> listen = new ArrayList<>();

    @Option(names = {"-w", "--workers"}, description = "decoding threads (default: the number of processors, ${DEFAULT-VALUE})")
    int workers = Runtime.getRuntime().availableProcessors();

    @Mixin
    RecordOutputOptions output;

    @Option(names = "--strict", description = "reject datagrams that break the protocol instead of keeping what can be read")
    boolean strict;

    @Option(names = "--stats-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "print a stats line every SECONDS on standard error (0: only at the end; default ${DEFAULT-VALUE})")
    int statsInterval;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "stop after N datagrams (0: no limit)")
    long count;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0", description = "stop after SECONDS (0: no limit)")
    long duration;

    @Option(names = "--receive-buffer", paramLabel = "BYTES", defaultValue = "4194304",
            description = "socket receive buffer asked of the OS (default ${DEFAULT-VALUE}); the OS may cap it")
    int receiveBuffer;

    @Mixin
    ListenHttpOptions http;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (workers < 1 || workers > 1024) {
            throw new ParameterException(spec.commandLine(), "--workers must be between 1 and 1024");
        }
        if (statsInterval < 0 || count < 0 || duration < 0 || receiveBuffer < 0) {
            throw new ParameterException(spec.commandLine(), "--stats-interval, --count, --duration and --receive-buffer must not be negative");
        }
        output.check(spec);
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String l : listen.isEmpty() ? List.of("0.0.0.0:2055") : listen) {
            addresses.add(parseAddress(l));
        }
        HttpSettings httpSettings = http.settings(spec, output.format, output.file != null);
        io.github.flowcodec.cli.internal.kafka.KafkaDestination toKafka;
        try {
            toKafka = kafka.destination(output.format, output.allFields);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (toKafka != null && httpSettings != null) {
            throw new ParameterException(spec.commandLine(), "--kafka and --http cannot be combined");
        }
        PrintWriter err = spec.commandLine().getErr();
        AtomicLong problemLines = new AtomicLong();
        AtomicLong problemsHidden = new AtomicLong();
        Consumer<String> problems = line -> {
            if (problemLines.incrementAndGet() <= PROBLEM_LINES_PER_INTERVAL) {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            } else {
                problemsHidden.incrementAndGet();
            }
        };
        HttpBatchOutput httpOut = httpSettings == null ? null : new HttpBatchOutput(httpSettings, problems);
        OutputStream out = httpOut != null ? httpOut
                : new BufferedOutputStream(output.file == null ? System.out : Files.newOutputStream(output.file), 1 << 16);
        if (toKafka == null && httpOut == null) {
            out.write(FlowOutput.header(output.format)); // CSV's header row, once, before any worker's rows
        }
        ListenServer server = new ListenServer(new ListenServer.Settings(addresses, workers, 65_536,
                DecoderOptions.builder().mode(strict ? DecodeMode.STRICT : DecodeMode.LENIENT).build(), output.format, output.allFields,
                receiveBuffer, count), toKafka, out, problems);
        List<InetSocketAddress> bound;
        try {
            bound = server.start();
        } catch (IOException e) {
            if (httpOut != null) {
                httpOut.close();
            }
            err.println("cannot listen on " + addresses + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        // On SIGINT/SIGTERM the JVM ends once its shutdown hooks return, whatever the main thread is doing:
        // the hook itself stops the server (which flushes the output) and prints the final stats.
        java.util.concurrent.atomic.AtomicBoolean finalPrinted = new java.util.concurrent.atomic.AtomicBoolean();
        // Both the hook and the main thread run finish(); the final line is printed once, under err's lock, so
        // the one that comes second waits until it is out: the JVM cannot halt (hooks done) mid-print.
        Runnable finish = () -> {
            server.stop();
            if (httpOut != null) {
                httpOut.close(); // posts what is queued (at most --http-give-up): the final line counts what was not
            }
            if (toKafka != null) {
                toKafka.close(); // idempotent: the final stats line counts every message
            }
            printStats(err, server, httpOut, problemsHidden, finalPrinted, true);
        };
        Thread onSignal = new Thread(finish, "flowcodec-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        synchronized (err) {
            err.println("listening on " + bound + " with " + workers + " decoding threads (Ctrl-C to stop)");
            err.flush();
        }
        long start = System.nanoTime();
        long deadline = duration > 0 ? start + TimeUnit.SECONDS.toNanos(duration) : Long.MAX_VALUE;
        long interval = statsInterval > 0 ? TimeUnit.SECONDS.toNanos(statsInterval) : Long.MAX_VALUE;
        long nextStats = statsInterval > 0 ? start + interval : Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            long wait = Math.max(0, Math.min(Math.min(deadline, nextStats) - now, TimeUnit.MILLISECONDS.toNanos(200)));
            if (server.awaitStopped(wait, TimeUnit.NANOSECONDS)) {
                break;
            }
            now = System.nanoTime();
            if (now >= deadline || server.failure() != null) {
                server.stop();
                break;
            }
            if (now >= nextStats) {
                printStats(err, server, httpOut, problemsHidden, finalPrinted, false);
                problemLines.set(0);
                nextStats += interval;
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running finish(), which prints the final stats
        }
        finish.run();
        if (output.file != null) {
            out.close();
        }
        Throwable failure = server.failure();
        if (failure != null) {
            err.println("stopped: cannot write the output: " + failure.getMessage());
            err.flush();
            return 1;
        }
        return 0;
    }

    /**
     * Prints a stats line, an interval's or the {@code last} one (which says the collector stopped), unless
     * the last one is out already: nothing comes after it.
     */
    private static void printStats(PrintWriter err, ListenServer server, HttpBatchOutput http, AtomicLong problemsHidden,
            java.util.concurrent.atomic.AtomicBoolean finalPrinted, boolean last) {
        synchronized (err) {
            if (finalPrinted.get()) {
                return;
            }
            finalPrinted.set(last);
            long hidden = problemsHidden.getAndSet(0);
            if (hidden > 0) {
                err.println("(" + hidden + " more problem lines not shown)");
            }
            String line = server.statsLine() + (http == null ? "" : http.statistics().line());
            err.println(last ? "stopped, " + line : line);
            err.flush();
        }
    }

    private InetSocketAddress parseAddress(String text) {
        String host = "0.0.0.0";
        String port = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            host = text.substring(0, colon).replace("[", "").replace("]", "");
            port = text.substring(colon + 1);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 0xFFFF) {
                throw new NumberFormatException();
            }
            InetSocketAddress a = new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, p);
            if (a.isUnresolved()) {
                throw new ParameterException(spec.commandLine(), "cannot resolve " + host);
            }
            return a;
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--listen takes HOST:PORT or PORT, not " + text);
        }
    }
}
