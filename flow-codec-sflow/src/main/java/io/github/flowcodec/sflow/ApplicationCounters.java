package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Checks;

/**
 * The application counter records of sflow_application.txt (0:2202, 0:2203, 0:2206).
 *
 * <p>Its types are members of {@link CounterData} (which extends this interface), so they are named
 * {@code CounterData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var w = new CounterData.AppWorkers(4, 12, 16, 0, 0);
 * }</pre>
 */
public sealed interface ApplicationCounters permits CounterData {

    /**
     * 0:2202, application operations (sflow_application.txt): operations by status since the application started.
     *
     * <pre>{@code
     * new CounterData.AppOperations("payments", 1000, 2, 1, 0, 3, 0, 0, 0, 4, 0, 0);
     * }</pre>
     *
     * @param application the application name
     * @param success operations that succeeded
     * @param other operations that failed for another reason than those below
     * @param timeout operations that timed out
     * @param internalError operations that failed with an internal error
     * @param badRequest operations refused as malformed
     * @param forbidden operations refused as not permitted
     * @param tooLarge operations refused as too large
     * @param notImplemented operations the application does not implement
     * @param notFound operations on something that was not found
     * @param unavailable operations refused because the service was unavailable
     * @param unauthorized operations refused for lack of authentication
     */
    record AppOperations(String application, long success, long other, long timeout, long internalError,
            long badRequest, long forbidden, long tooLarge, long notImplemented, long notFound, long unavailable,
            long unauthorized) implements CounterData.Standard {
        /**
         * Checks that each number fits its unsigned 32-bit XDR field and no reference is null.
         *
         * @param application the application name
         * @param success operations that succeeded
         * @param other operations that failed for another reason than those below
         * @param timeout operations that timed out
         * @param internalError operations that failed with an internal error
         * @param badRequest operations refused as malformed
         * @param forbidden operations refused as not permitted
         * @param tooLarge operations refused as too large
         * @param notImplemented operations the application does not implement
         * @param notFound operations on something that was not found
         * @param unavailable operations refused because the service was unavailable
         * @param unauthorized operations refused for lack of authentication
         */
        public AppOperations {
            Checks.notNull(application, "application");
            long[] v = {success, other, timeout, internalError, badRequest, forbidden, tooLarge, notImplemented, notFound,
                unavailable, unauthorized};
            for (long x : v) {
                Checks.u32(x, "application operations counter");
            }
        }
    }

    /**
     * 0:2203, application resources (sflow_application.txt): CPU time in ms, memory in bytes, descriptors and connections.
     *
     * <pre>{@code
     * r.memUsed();
     * }</pre>
     */
    record AppResources(long userTime, long systemTime, long memUsed, long memMax, long fdOpen, long fdMax,
            long connOpen, long connMax) implements CounterData.Standard {
    }

    /**
     * 0:2206, application workers (sflow_application.txt).
     *
     * <pre>{@code
     * new CounterData.AppWorkers(12, 4, 16, 0, 0);
     * }</pre>
     */
    record AppWorkers(long workersActive, long workersIdle, long workersMax, long requestsDelayed, long requestsDropped)
            implements CounterData.Standard {
    }
}
