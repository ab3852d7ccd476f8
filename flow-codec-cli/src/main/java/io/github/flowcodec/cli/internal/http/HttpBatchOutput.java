package io.github.flowcodec.cli.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code listen --http}: the JSON lines listen writes, posted in batches to an HTTP endpoint, the way goflow2's
 * {@code -transport=http} does. Lines are gathered into a batch of {@code batchSize} records (a JSON array, or
 * the lines as they are for NDJSON); a batch is sealed when full, or when its first record has waited the flush
 * interval, and queued for the sender threads ({@link BatchSender}), which post it with the JDK's
 * {@link HttpClient}. The queue holds {@code queueBatches} batches at most: a batch that finds it full is dropped
 * and counted, so memory stays bounded and listen keeps receiving whatever the server does.
 *
 * <p>Writing takes this object's lock (listen writes one datagram's lines at a time under it). {@link #close()}
 * seals the last batch and waits for the queue to drain, at most the give-up time; what is still undelivered
 * then is counted in {@link #statistics()}.
 */
public final class HttpBatchOutput extends OutputStream {

    private final HttpSettings settings;
    private final Consumer<String> problems;
    private final DeliveryStatistics stats = new DeliveryStatistics();
    private final BlockingQueue<Batch> queue;
    private final List<Thread> senders = new ArrayList<>();
    private final Thread flusher;
    /** The batch being gathered: its body so far (the record being written included). */
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
    private int records;
    /** Whether part of a record has been written and its newline not yet. */
    private boolean inRecord;
    private long firstRecordNanos;
    private long lastQueueFullReport;
    private boolean closed;

    /**
     * Starts the sender and flush threads.
     *
     * @param problems where failures are reported, one line each (4xx answers, batches given up or dropped)
     */
    public HttpBatchOutput(HttpSettings settings, Consumer<String> problems) {
        this.settings = settings;
        this.problems = problems;
        this.queue = new ArrayBlockingQueue<>(settings.queueBatches() + settings.senders());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < settings.senders(); i++) {
            Thread t = new Thread(new BatchSender(settings, client, queue, stats, problems), "flowcodec-http-" + i);
            t.setDaemon(true);
            t.start();
            senders.add(t);
        }
        flusher = new Thread(this::flushWhenDue, "flowcodec-http-flush");
        flusher.setDaemon(true);
        flusher.start();
    }

    /** What was delivered and what could not be. */
    public DeliveryStatistics statistics() {
        return stats;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Takes JSON lines (a line may come in several pieces); every complete line is a record of the batch. */
    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int newline = i;
            while (newline < end && b[newline] != '\n') {
                newline++;
            }
            if (newline > i) {
                if (!inRecord) {
                    startRecord();
                }
                body.write(b, i, newline - i);
            }
            if (newline < end && inRecord) {
                endRecord();
            }
            i = newline + 1;
        }
    }

    private void startRecord() {
        if (records == 0) {
            firstRecordNanos = System.nanoTime();
            if (settings.body() == HttpSettings.Body.JSON_ARRAY) {
                body.write('[');
            }
        } else if (settings.body() == HttpSettings.Body.JSON_ARRAY) {
            body.write(',');
        }
        inRecord = true;
    }

    private void endRecord() {
        inRecord = false;
        if (settings.body() == HttpSettings.Body.NDJSON) {
            body.write('\n');
        }
        records++;
        if (records >= settings.batchSize()) {
            seal();
        }
    }

    /**
     * Queues the records gathered so far as a batch, or drops and counts them if the queue is full (or, once
     * closed, as not sent).
     */
    private void seal() {
        if (records == 0) {
            return;
        }
        if (closed) { // no sender is left to post it
            stats.atExit.add(records);
            body.reset();
            records = 0;
            return;
        }
        if (settings.body() == HttpSettings.Body.JSON_ARRAY) {
            body.write(']');
        }
        Batch batch = new Batch(body.toByteArray(), records, System.nanoTime());
        body.reset();
        records = 0;
        // the sender threads' END markers have room of their own: the queue holds queueBatches batches
        if (queue.size() >= settings.queueBatches() || !queue.offer(batch)) {
            stats.queueFull.add(batch.records());
            long now = System.nanoTime();
            if (now - lastQueueFullReport > TimeUnit.SECONDS.toNanos(1)) {
                lastQueueFullReport = now;
                problems.accept("http: " + settings.queueBatches() + " batches waiting for " + settings.url()
                        + ": dropping new records until the server catches up");
            }
        }
    }

    /** Seals a partial batch once its first record has waited the flush interval. */
    private void flushWhenDue() {
        long interval = settings.flushInterval().toNanos();
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(interval / 4, TimeUnit.SECONDS.toNanos(1)));
        try {
            while (true) {
                TimeUnit.NANOSECONDS.sleep(tick);
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    if (records > 0 && !inRecord && System.nanoTime() - firstRecordNanos >= interval) {
                        seal();
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Nothing to do: batches go out when full or when the flush interval is over. */
    @Override
    public void flush() {
    }

    /**
     * Seals the last batch, lets the senders post what is queued, at most for the give-up time, then counts
     * whatever is left as not sent. Safe to call more than once.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            seal();
            closed = true;
        }
        flusher.interrupt();
        for (int i = 0; i < senders.size(); i++) {
            queue.add(Batch.END); // room kept for them
        }
        long deadline = System.nanoTime() + settings.giveUpAfter().toNanos() + settings.timeout().toNanos();
        try {
            for (Thread t : senders) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Thread t : senders) {
            t.interrupt();
        }
        for (Thread t : senders) {
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Batch> left = new ArrayList<>();
        queue.drainTo(left);
        for (Batch b : left) {
            stats.atExit.add(b.records());
        }
    }
}
