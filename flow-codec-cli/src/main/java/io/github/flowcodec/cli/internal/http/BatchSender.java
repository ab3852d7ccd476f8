package io.github.flowcodec.cli.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * One sender thread of {@code listen --http}: takes batches off the queue and posts them. A 2xx answer delivers
 * the batch; 408, 429, any 5xx, a time-out or a failed connection are retried after a back-off (0.1 s doubling
 * to 5 s) until the batch has been failing for the give-up time, then it is dropped; any other answer (a 4xx
 * such as 401 or 400, or a redirect) is reported with the server's message and the batch dropped at once. Every
 * dropped record is counted.
 */
final class BatchSender implements Runnable {

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    /** How much of an error answer's body goes into the report. */
    private static final int MESSAGE_BYTES = 300;

    private final HttpSettings settings;
    private final HttpClient client;
    private final BlockingQueue<Batch> queue;
    private final DeliveryStatistics stats;
    private final Consumer<String> problems;

    BatchSender(HttpSettings settings, HttpClient client, BlockingQueue<Batch> queue, DeliveryStatistics stats, Consumer<String> problems) {
        this.settings = settings;
        this.client = client;
        this.queue = queue;
        this.stats = stats;
        this.problems = problems;
    }

    @Override
    public void run() {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return; // the wait at exit is over: what is left in the queue is counted by the output
            }
            if (batch == Batch.END) {
                return;
            }
            try {
                deliver(batch);
            } catch (InterruptedException e) {
                stats.atExit.add(batch.records());
                return;
            }
        }
    }

    private void deliver(Batch batch) throws InterruptedException {
        HttpRequest request = request(batch);
        long giveUpAt = System.nanoTime() + settings.giveUpAfter().toNanos();
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                stats.requests.increment();
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                String message = message(response);
                if (status >= 200 && status < 300) {
                    stats.delivered.add(batch.records());
                    return;
                }
                if (status != 408 && status != 429 && status < 500) {
                    stats.rejected.add(batch.records());
                    problems.accept("http: " + settings.url() + " answered " + status + (message.isEmpty() ? "" : ": " + message)
                            + "; " + batch.records() + " records dropped (not retried)");
                    return;
                }
                failure = "answered " + status + (message.isEmpty() ? "" : ": " + message);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (System.nanoTime() + backoff * 1_000_000L > giveUpAt) {
                stats.givenUp.add(batch.records());
                problems.accept("http: gave up on " + batch.records() + " records after " + attempt + " attempts over "
                        + settings.giveUpAfter().toSeconds() + " s; the last: " + failure);
                return;
            }
            stats.retries.increment();
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private HttpRequest request(Batch batch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", settings.body().contentType());
        if (settings.authHeader() != null) {
            b.header(settings.authHeader(), settings.authValue());
        }
        byte[] body = batch.body();
        if (settings.gzip()) {
            b.header("Content-Encoding", "gzip");
            body = gzip(body);
        }
        return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("unreachable: gzip into memory", e);
        }
        return out.toByteArray();
    }

    /** The start of the answer's body, on one line: a bounded read, whatever the server sends. */
    private static String message(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] start = in.readNBytes(MESSAGE_BYTES);
            return new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        }
    }
}
