package io.github.flowcodec.cli.internal.http;

import java.net.URI;
import java.time.Duration;

/**
 * How {@code listen --http} posts records: where, in batches of how many records, how long a partial batch may
 * wait, with which auth header, as a JSON array or newline-delimited JSON, gzipped or not, with how many
 * batches queued and how many sender threads at most, each request's time-out and when a batch is given up.
 *
 * @param authHeader the header that carries the credentials, or null for none
 * @param giveUpAfter a batch not delivered this long after its first attempt is dropped (and counted)
 */
public record HttpSettings(URI url, int batchSize, Duration flushInterval, String authHeader, String authValue,
        Body body, boolean gzip, int queueBatches, int senders, Duration timeout, Duration giveUpAfter) {

    /** The request body of a batch. */
    public enum Body {
        /** One JSON array of the records' objects, {@code application/json} (OpenObserve's {@code _json}, Elasticsearch-style stores). */
        JSON_ARRAY("application/json"),
        /** The records' JSON lines, one object a line, {@code application/x-ndjson} (Loki-style and bulk endpoints). */
        NDJSON("application/x-ndjson");

        private final String contentType;

        Body(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }
}
