package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;

/**
 * The application flow records: memcache (0:2200), HTTP (0:2201, 0:2206) and application operations (0:2202 to 0:2205).
 *
 * <p>Its types are members of {@link FlowData} (which extends this interface), so they are named
 * {@code FlowData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var op = new FlowData.AppOperation("payments", "authorize", "card=visa", "", 310, 120, 4_500, 0);
 * }</pre>
 */
public sealed interface ApplicationFlowRecords permits FlowData {

    /**
     * 0:2200, a memcache operation (sflow_memcache.txt).
     *
     * <pre>{@code
     * new FlowData.Memcache(1, 7, "session:42", 1, 512, 180, 1);   // ASCII GET, OK
     * }</pre>
     *
     * @param protocol 0 other, 1 ASCII, 2 binary
     * @param command the command (1 set ... 7 get ...)
     * @param key the key
     * @param keys the number of keys
     * @param valueBytes the size of the value
     * @param durationMicros the duration in microseconds
     * @param status the status (1 OK ...)
     */
    record Memcache(long protocol, long command, String key, long keys, long valueBytes, long durationMicros, long status)
            implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param protocol 0 other, 1 ASCII, 2 binary
         * @param command the command (1 set ... 7 get ...)
         * @param key the key
         * @param keys the number of keys
         * @param valueBytes the size of the value
         * @param durationMicros the duration in microseconds
         * @param status the status (1 OK ...)
         */
        public Memcache {
            Checks.notNull(key, "key");
            long[] v = {protocol, command, keys, valueBytes, durationMicros, status};
            for (long x : v) {
                Checks.u32(x, "memcache field");
            }
        }
    }

    /**
     * 0:2201 / 0:2206, an HTTP request (sflow_http.txt). The first version (0:2201, {@code extended} false) has
     * no X-Forwarded-For and no request bytes: they must be {@code ""} and 0.
     *
     * <pre>{@code
     * new FlowData.HttpRequest(true, 2, 1001, "/index.html", "example.com", "", "curl/8", "10.0.0.9", "", "text/html",
     *         0, 5120, 850, 200);
     * }</pre>
     *
     * @param extended true for 0:2206, false for 0:2201
     * @param method the method (1 OPTIONS, 2 GET, 3 HEAD, 4 POST ...)
     * @param protocol the HTTP version times 1000 plus the minor (1001 for 1.1)
     * @param durationMicros the duration in microseconds
     * @param status the HTTP status code
     * @param uri the request URI
     * @param host the Host header
     * @param referrer the Referer header, {@code ""} when absent
     * @param userAgent the User-Agent header
     * @param xForwardedFor the X-Forwarded-For header (0:2206 only)
     * @param authUser the authenticated user, {@code ""} when none
     * @param mimeType the response's content type
     * @param requestBytes the request body's size in bytes (0:2206 only)
     * @param responseBytes the response body's size in bytes
     */
    record HttpRequest(boolean extended, long method, long protocol, String uri, String host, String referrer, String userAgent,
            String xForwardedFor, String authUser, String mimeType, long requestBytes, long responseBytes,
            long durationMicros, long status) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param extended true for 0:2206, false for 0:2201
         * @param method the method (1 OPTIONS, 2 GET, 3 HEAD, 4 POST ...)
         * @param protocol the HTTP version times 1000 plus the minor (1001 for 1.1)
         * @param durationMicros the duration in microseconds
         * @param status the HTTP status code
         * @param uri the request URI
         * @param host the Host header
         * @param referrer the Referer header, {@code ""} when absent
         * @param userAgent the User-Agent header
         * @param xForwardedFor the X-Forwarded-For header (0:2206 only)
         * @param authUser the authenticated user, {@code ""} when none
         * @param mimeType the response's content type
         * @param requestBytes the request body's size in bytes (0:2206 only)
         * @param responseBytes the response body's size in bytes
         */
        public HttpRequest {
            Checks.u32s("method protocol", method, protocol);
            Checks.notNulls("uri host referrer userAgent xForwardedFor authUser mimeType",
                    uri, host, referrer, userAgent, xForwardedFor, authUser, mimeType);
            Checks.u32s("durationMicros status", durationMicros, status);
            if (!extended && (!xForwardedFor.isEmpty() || requestBytes != 0)) {
                throw new IllegalArgumentException("a 0:2201 HTTP record has no X-Forwarded-For and no request bytes");
            }
        }
    }

    /**
     * 0:2202, an application operation (sflow_application.txt).
     *
     * <pre>{@code
     * new FlowData.AppOperation("payments", "authorize", "card=visa", "", 310, 120, 4_500, 0);   // SUCCESS
     * }</pre>
     *
     * @param status 0 SUCCESS, 1 OTHER, 2 TIMEOUT, 3 INTERNAL_ERROR ... 10 UNAUTHORIZED
     * @param application the application name (a dotted hierarchy)
     * @param operation the operation
     * @param attributes the operation's attributes as URL query-style text
     * @param statusDescription the status in words, {@code ""} when none
     * @param requestBytes the request's size in bytes
     * @param responseBytes the response's size in bytes
     * @param durationMicros how long the operation took, in microseconds
     */
    record AppOperation(String application, String operation, String attributes, String statusDescription,
            long requestBytes, long responseBytes, long durationMicros, long status) implements FlowData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param status 0 SUCCESS, 1 OTHER, 2 TIMEOUT, 3 INTERNAL_ERROR ... 10 UNAUTHORIZED
         * @param application the application name (a dotted hierarchy)
         * @param operation the operation
         * @param attributes the operation's attributes as URL query-style text
         * @param statusDescription the status in words, {@code ""} when none
         * @param requestBytes the request's size in bytes
         * @param responseBytes the response's size in bytes
         * @param durationMicros how long the operation took, in microseconds
         */
        public AppOperation {
            Checks.notNulls("application operation attributes statusDescription",
                    application, operation, attributes, statusDescription);
            Checks.u32s("durationMicros status", durationMicros, status);
        }
    }

    /**
     * 0:2203, the application context enclosing an operation (sflow_application.txt).
     *
     * <pre>{@code
     * new FlowData.AppContext("payments", "checkout", "shop=eu");
     * }</pre>
     *
     * @param application the application name (a dotted hierarchy, e.g. {@code "payments.auth"})
     * @param operation the operation, e.g. {@code "authorize"}
     * @param attributes the operation's attributes as URL query-style {@code key=value&...} text
     */
    record AppContext(String application, String operation, String attributes) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param application the application name (a dotted hierarchy, e.g. {@code "payments.auth"})
         * @param operation the operation, e.g. {@code "authorize"}
         * @param attributes the operation's attributes as URL query-style {@code key=value&...} text
         */
        public AppContext {
            Checks.notNulls("application operation attributes", application, operation, attributes);
        }
    }

    /**
     * 0:2204 / 0:2205, an application actor (sflow_application.txt): the initiator or the target of an operation.
     *
     * <pre>{@code
     * new FlowData.AppActor(false, "customer-17");   // 0:2204, initiator
     * }</pre>
     *
     * @param target true for 0:2205 (target), false for 0:2204 (initiator)
     * @param actor the actor's name or address, as the application reports it
     */
    record AppActor(boolean target, String actor) implements FlowData.Standard {
        /**
         * Checks that no reference is null.
         *
         * @param target true for 0:2205 (target), false for 0:2204 (initiator)
         * @param actor the actor's name or address, as the application reports it
         */
        public AppActor {
            Checks.notNull(actor, "actor");
        }
    }
}
