package io.github.flowcodec.cli.internal.json;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Where {@code flowcodec decode} and {@code listen} write flow records: JSON lines ({@link FlowJsonWriter}) or
 * length-delimited protobuf ({@link FlowProtobufOutput}), goflow2's flow message either way. Closing flushes
 * but leaves the stream open. One instance per thread.
 */
public interface FlowOutput extends Closeable, Flushable {

    /** The names {@code --format} takes. */
    String FORMATS = "json, protobuf";

    /**
     * Writes one record.
     *
     * @param receivedNanos when the datagram was received (capture time), nanoseconds since the epoch
     * @param sampler the exporter's address as seen on the wire, or null when there is none (an IPFIX file):
     *                {@code sampler_address} is then left out (sFlow's is the agent address)
     */
    void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) throws IOException;

    /**
     * The output of a {@code --format} name to {@code out}.
     *
     * @throws IllegalArgumentException as {@link #check} does
     */
    static FlowOutput of(String format, OutputStream out, boolean allFields) {
        return check(format, allFields) ? new FlowProtobufOutput(out) : new FlowJsonWriter(out, allFields);
    }

    /**
     * Whether a {@code --format} name is protobuf (else JSON).
     *
     * @throws IllegalArgumentException for a name not among {@link #FORMATS}, or --all-fields with protobuf
     */
    static boolean check(String format, boolean allFields) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json":
                return false;
            case "protobuf":
                if (allFields) {
                    throw new IllegalArgumentException("--all-fields is for JSON only: goflow2's protobuf message has no place for them");
                }
                return true;
            default:
                throw new IllegalArgumentException("--format takes " + FORMATS + ", not " + format);
        }
    }
}
