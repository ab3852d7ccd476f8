package io.github.flowcodec.cli.internal.listen;

import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.TemplateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The collector behind {@code flowcodec listen}: one receiving thread per UDP socket, every protocol on
 * every socket, and N decoding workers; each datagram goes to the worker its exporter's address hashes to,
 * so one exporter's datagrams are decoded in order, by one decoder, while the template store is shared.
 * {@link #stop()} (from a signal handler, say) closes the sockets, lets the workers finish what was
 * received, and returns when the output is flushed.
 */
public final class ListenServer {

    /** Configuration; {@code format}: a {@code --format} name ({@link io.github.flowcodec.cli.internal.json.FlowOutput}). */
    public record Settings(List<InetSocketAddress> addresses, int workers, int queueCapacity, DecoderOptions options,
            String format, boolean allFields, int receiveBufferBytes, long maxDatagrams) {
    }

    /**
     * Where the records go and which template store the workers share, when not the output stream and an
     * in-memory store ({@code --kafka}).
     */
    public interface Destination {
        /** The store the decoders share. */
        TemplateStore templateStore();

        /** A worker's record writer; {@code lines} is its buffer of the shared output stream. */
        io.github.flowcodec.cli.internal.json.FlowOutput output(OutputStream lines);

        /** What the stats line adds. */
        String stats();
    }

    private final Settings settings;
    private final Destination destination;
    private final OutputStream output;
    private final Consumer<String> log;
    private final ListenStatistics stats;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<DecodeWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SocketDrops drops;
    private long startNanos;

    /**
     * @param output where the records go (written under its own lock, one datagram's records at a time)
     * @param log where problems and stats lines go, one line each
     */
    public ListenServer(Settings settings, OutputStream output, Consumer<String> log) {
        this(settings, null, output, log);
    }

    /** A server whose records go to {@code destination} (null: {@code output}, as the settings' format says). */
    public ListenServer(Settings settings, Destination destination, OutputStream output, Consumer<String> log) {
        this.settings = settings;
        this.destination = destination;
        this.output = output;
        this.log = log;
        this.stats = new ListenStatistics(settings.workers());
    }

    /** Binds the sockets and starts the threads; the addresses actually bound (port 0 becomes a real port). */
    public List<InetSocketAddress> start() throws IOException {
        startNanos = System.nanoTime();
        DecoderOptions shared = settings.options().toBuilder().templateStore(destination == null ? TemplateStore.inMemory() : destination.templateStore())
                .problemListener(p -> log.accept("repaired: " + p)).build();
        for (int i = 0; i < settings.workers(); i++) {
            DecodeWorker w = new DecodeWorker(i, settings.queueCapacity(), shared, stats, output,
                    lines -> destination == null ? io.github.flowcodec.cli.internal.json.FlowOutput.of(settings.format(), lines,
                            settings.allFields()) : destination.output(lines), log);
            workers.add(w);
            threads.add(start(w, "flowcodec-decode-" + i));
        }
        List<InetSocketAddress> bound = new ArrayList<>();
        Set<Integer> ports = new HashSet<>();
        try {
            for (InetSocketAddress a : settings.addresses()) {
                DatagramChannel c = DatagramChannel.open();
                channels.add(c);
                if (settings.receiveBufferBytes() > 0) {
                    c.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBufferBytes());
                }
                c.bind(a);
                InetSocketAddress local = (InetSocketAddress) c.getLocalAddress();
                bound.add(local);
                ports.add(local.getPort());
            }
        } catch (IOException e) {
            stop();
            throw e;
        }
        drops = new SocketDrops(ports);
        for (DatagramChannel c : channels) {
            threads.add(start(() -> receive(c), "flowcodec-receive-" + c));
        }
        return bound;
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Receives until the socket is closed; never stops for a bad datagram. */
    private void receive(DatagramChannel c) {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (!stopping.get()) {
                buffer.clear();
                SocketAddress from = c.receive(buffer);
                long now = System.currentTimeMillis() * 1_000_000L;
                buffer.flip();
                byte[] payload = new byte[buffer.remaining()];
                buffer.get(payload);
                InetSocketAddress exporter = (InetSocketAddress) from;
                stats.datagrams.increment();
                stats.bytes.add(payload.length);
                DecodeWorker w = workers.get(Math.floorMod(exporter.getAddress().hashCode(), workers.size()));
                w.offer(new ReceivedDatagram(payload, exporter, now));
                if (settings.maxDatagrams() > 0 && stats.datagrams.sum() >= settings.maxDatagrams()) {
                    new Thread(this::stop, "flowcodec-stop").start(); // not on this thread: stop() joins it
                    return;
                }
            }
        } catch (ClosedChannelException e) {
            // stop() closed the socket
        } catch (IOException e) {
            log.accept("receiving on " + c + " failed: " + e.getMessage());
            new Thread(this::stop, "flowcodec-stop").start(); // not on this thread: stop() joins it
        }
    }

    /** The stats line now. */
    public String statsLine() {
        String line = stats.line((System.nanoTime() - startNanos) / 1e9, drops == null ? OptionalLong.empty() : drops.read());
        return destination == null ? line : line + destination.stats();
    }

    /** Whether {@link #stop()} has completed. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** A worker's output failure, if one happened. */
    public Throwable failure() {
        for (DecodeWorker w : workers) {
            if (w.failure() != null) {
                return w.failure();
            }
        }
        return null;
    }

    /**
     * Stops receiving, lets the workers decode what was received, flushes the output. Safe to call more
     * than once and from any thread; later calls wait for the first to finish.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            if (drops != null) {
                drops.read(); // the last figure while the sockets are open: the final stats line keeps it
            }
            for (DatagramChannel c : channels) {
                try {
                    c.close();
                } catch (IOException e) {
                    log.accept("closing " + c + ": " + e.getMessage());
                }
            }
            for (DecodeWorker w : workers) {
                w.finish();
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            synchronized (output) {
                output.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.accept("flushing the output: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }
}
