package io.github.flowcodec.cli.internal.listen;

import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One decoding thread of {@code flowcodec listen}: the datagrams of the exporters hashed to it, in the order
 * they arrived, through its own auto-detecting decoder (the template store is shared), to JSON lines or
 * protobuf written to the shared output one datagram at a time. A datagram that cannot be decoded is counted and
 * reported, and the worker goes on.
 */
final class DecodeWorker implements Runnable {

    /** A datagram that tells the worker to finish once the datagrams queued before it are done. */
    static final ReceivedDatagram END = new ReceivedDatagram(new byte[0], null, 0);

    private final int index;
    private final BlockingQueue<ReceivedDatagram> queue;
    private final DatagramDecoder<?> decoder;
    private final ListenStatistics stats;
    private final OutputStream output;
    private final Consumer<String> problems;
    private final ByteArrayOutputStream lines = new ByteArrayOutputStream(1 << 12);
    private final FlowOutput json;
    private volatile Throwable failure;

    DecodeWorker(int index, int capacity, io.github.flowcodec.core.DecoderOptions options, ListenStatistics stats,
            OutputStream output, java.util.function.Function<OutputStream, FlowOutput> outputs, Consumer<String> problems) {
        this.index = index;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.decoder = FlowDecoders.autoDetecting(options);
        this.stats = stats;
        this.output = output;
        this.problems = problems;
        this.json = outputs.apply(lines);
    }

    /** Why the worker stopped early (its output failed), or null. */
    Throwable failure() {
        return failure;
    }

    /** Queues a datagram without waiting; false (and counted) if the worker is that far behind. */
    boolean offer(ReceivedDatagram d) {
        if (queue.offer(d)) {
            return true;
        }
        stats.queueDrops.increment();
        return false;
    }

    /** Queues the end marker, waiting for room: every datagram queued before it is still decoded. */
    void finish() throws InterruptedException {
        queue.put(END);
    }

    @Override
    public void run() {
        long sincePublish = 0;
        try {
            while (true) {
                ReceivedDatagram d = queue.poll(1, TimeUnit.SECONDS);
                if (d == END) {
                    break;
                }
                if (d != null) {
                    decode(d);
                    sincePublish++;
                }
                if (d == null || sincePublish >= 1000) {
                    stats.publish(index, decoder.counters());
                    sincePublish = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        } finally {
            stats.publish(index, decoder.counters());
        }
    }

    private void decode(ReceivedDatagram d) {
        ByteBuffer payload = ByteBuffer.wrap(d.payload());
        Optional<FlowProtocol> protocol = FlowDecoders.detect(payload);
        try {
            int n = decoder.decode(payload, d.from(), (ctx, record) -> {
                try {
                    json.write(ctx, record, d.receivedNanos(), d.from().getAddress());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            protocol.ifPresent(p -> stats.records(p, n));
        } catch (UnsupportedVersionException e) {
            stats.decodeErrors.increment();
            if (protocol.isEmpty()) {
                stats.unknownDatagrams.increment();
            }
            problems.accept(describe(d, e));
        } catch (FlowCodecException e) {
            stats.decodeErrors.increment();
            problems.accept(describe(d, e));
        } catch (UncheckedIOException e) {
            throw e; // the output is broken: the worker stops, the command ends
        } catch (RuntimeException e) {
            // a bug of ours: counted and reported loudly, and the collector keeps running
            stats.internalErrors.increment();
            problems.accept("internal error decoding " + d.payload().length + " bytes from " + d.from() + ": " + e);
        }
        flushLines();
    }

    private static String describe(ReceivedDatagram d, FlowCodecException e) {
        return d.from().getAddress().getHostAddress() + ":" + d.from().getPort() + ": " + e.getMessage();
    }

    /** Writes this datagram's lines to the shared output in one piece. */
    private void flushLines() {
        try {
            json.flush();
            if (lines.size() > 0) {
                synchronized (output) {
                    lines.writeTo(output);
                }
                lines.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output", e);
        }
    }
}
