package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.http.HttpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code listen}'s HTTP transport options, goflow2's {@code -transport=http} ones and a few of flowcodec's own
 * (kept in one mixin: {@code listen}'s other transports sit beside them).
 */
final class ListenHttpOptions {

    @Option(names = "--http", paramLabel = "URL", description = "post the records to this HTTP endpoint in batches instead of "
            + "writing them (goflow2: -transport=http -transport.http.destination=URL), e.g. "
            + "http://openobserve:5080/api/default/netflow/_json")
    String url;

    @Option(names = "--http-batch-size", paramLabel = "N", defaultValue = "100",
            description = "records per request (goflow2: -transport.http.batchSize; default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--http-flush-interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "post a partial batch once its first record has waited this long (default ${DEFAULT-VALUE})")
    double flushInterval;

    @Option(names = "--http-auth-header", paramLabel = "NAME", description = "header carrying the credentials, e.g. "
            + "Authorization (goflow2: -transport.http.auth.header)")
    String authHeader;

    @Option(names = "--http-auth-credentials", paramLabel = "VALUE", description = "its value, e.g. \"Basic dXNlcjpwYXNz\" "
            + "(goflow2: -transport.http.auth.credentials)")
    String authValue;

    @Option(names = "--http-body", paramLabel = "FORM", defaultValue = "json-array", description = "json-array (one JSON "
            + "array of the records, as OpenObserve's _json takes; the default) or ndjson (one record a line)")
    String body;

    @Option(names = "--http-gzip", description = "gzip the request bodies (Content-Encoding: gzip)")
    boolean gzip;

    @Option(names = "--http-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "connection and request time-out (default ${DEFAULT-VALUE})")
    double timeout;

    @Option(names = "--http-give-up", paramLabel = "SECONDS", defaultValue = "60", description = "retry a batch answered "
            + "5xx, 408 or 429, or timed out, with back-off for this long, then drop it (counted on the stats line); "
            + "also the longest wait for queued batches when listen stops (default ${DEFAULT-VALUE})")
    double giveUp;

    @Option(names = "--http-queue", paramLabel = "BATCHES", defaultValue = "64", description = "batches waiting to be "
            + "sent at most; past that new records are dropped and counted (default ${DEFAULT-VALUE})")
    int queue;

    @Option(names = "--http-senders", paramLabel = "N", defaultValue = "2",
            description = "threads posting batches in parallel (default ${DEFAULT-VALUE})")
    int senders;

    /** The settings, or null without {@code --http}; a usage error for options that do not fit together. */
    HttpSettings settings(CommandSpec spec, String format, boolean toFile) {
        if (url == null) {
            return null;
        }
        if (toFile) {
            throw new ParameterException(spec.commandLine(), "--http and --output are two destinations: give one");
        }
        if (format.equalsIgnoreCase("protobuf") || format.equalsIgnoreCase("csv")) {
            throw new ParameterException(spec.commandLine(), "--http posts JSON: --format json or json-compact");
        }
        if ((authHeader == null) != (authValue == null)) {
            throw new ParameterException(spec.commandLine(), "--http-auth-header and --http-auth-credentials go together");
        }
        if (batchSize < 1 || queue < 1 || senders < 1 || senders > 64 || !(flushInterval > 0) || !(timeout > 0) || !(giveUp >= 0)) {
            throw new ParameterException(spec.commandLine(), "--http-batch-size, --http-queue, --http-senders (at most 64), "
                    + "--http-flush-interval and --http-timeout must be positive, --http-give-up not negative");
        }
        HttpSettings.Body form = switch (body.toLowerCase(Locale.ROOT)) {
            case "json-array" -> HttpSettings.Body.JSON_ARRAY;
            case "ndjson" -> HttpSettings.Body.NDJSON;
            default -> throw new ParameterException(spec.commandLine(), "--http-body takes json-array or ndjson, not " + body);
        };
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--http: not a URL: " + url);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--http takes an http:// or https:// URL, not " + url);
        }
        return new HttpSettings(uri, batchSize, seconds(flushInterval), authHeader, authValue, form, gzip, queue, senders,
                seconds(timeout), seconds(giveUp));
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
