package io.github.flowcodec.cli.internal.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code listen --http} delivered and what it could not, shared by the batching and the sender threads:
 * every record handed to the transport ends up counted once, delivered or in one of the undelivered counts.
 */
public final class DeliveryStatistics {

    final LongAdder delivered = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder retries = new LongAdder();
    /** Records the server refused with a 4xx answer (not retried). */
    final LongAdder rejected = new LongAdder();
    /** Records of batches still failing (5xx, time-outs, no connection) when the give-up time came. */
    final LongAdder givenUp = new LongAdder();
    /** Records dropped because the queue of batches was full. */
    final LongAdder queueFull = new LongAdder();
    /** Records still queued or being retried when listen stopped and its wait was over. */
    final LongAdder atExit = new LongAdder();

    public long delivered() {
        return delivered.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long undelivered() {
        return rejected.sum() + givenUp.sum() + queueFull.sum() + atExit.sum();
    }

    /** The part of listen's stats line about the transport, starting with ", ". */
    public String line() {
        StringBuilder s = new StringBuilder(String.format(", http: %,d records delivered in %,d requests, %,d retries, %,d undelivered",
                delivered(), requests.sum(), retries(), undelivered()));
        if (undelivered() > 0) {
            s.append(String.format(" (%,d rejected by the server, %,d given up after retries, %,d dropped with the queue full, "
                    + "%,d not sent before exit)", rejected.sum(), givenUp.sum(), queueFull.sum(), atExit.sum()));
        }
        return s.toString();
    }
}
