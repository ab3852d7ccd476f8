package io.github.flowcodec.cli.internal.json;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Where {@code flowcodec decode} and {@code listen} write flow records: JSON lines ({@link FlowJsonWriter}) in
 * goflow2's record ({@code json}) or the compact form ({@code json-compact}), length-delimited protobuf
 * ({@link FlowProtobufOutput}), or CSV rows of goflow2's record ({@link FlowCsvOutput}), goflow2's flow message
 * every way. Closing flushes but leaves the stream open.
 * One instance per thread.
 */
public interface FlowOutput extends Closeable, Flushable {

    /** The names {@code --format} takes. */
    String FORMATS = "json, json-compact, protobuf, csv";

    /**
     * Writes one record.
     *
     * @param receivedNanos when the datagram was received (capture time), nanoseconds since the epoch
     * @param sampler the exporter's address as seen on the wire, or null when there is none (an IPFIX file):
     *                {@code sampler_address} is then left out (sFlow's is the agent address)
     */
    void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) throws IOException;

    /**
     * The output of a {@code --format} name to {@code out}; a CSV output writes no header row (see {@link #header}).
     *
     * @throws IllegalArgumentException as {@link #check} does
     */
    static FlowOutput of(String format, OutputStream out, boolean allFields) {
        check(format, allFields);
        switch (format.toLowerCase(Locale.ROOT)) {
            case "protobuf":
                return new FlowProtobufOutput(out);
            case "csv":
                return new FlowCsvOutput(out);
            default:
                return new FlowJsonWriter(out, jsonLayout(format), allFields);
        }
    }

    /** The header row of a {@code --format}'s output (CSV's column names), to write once before the records; empty for the others. */
    static byte[] header(String format) {
        return format.equalsIgnoreCase("csv") ? FlowCsvOutput.header() : new byte[0];
    }

    /** The JSON layout of a JSON {@code --format} name: goflow2's record for json, the compact one for json-compact. */
    static JsonLayout jsonLayout(String format) {
        return format.equalsIgnoreCase("json-compact") ? JsonLayout.COMPACT : JsonLayout.GOFLOW2;
    }

    /**
     * Whether a {@code --format} name is protobuf.
     *
     * @throws IllegalArgumentException for a name not among {@link #FORMATS}, or --all-fields with protobuf or CSV
     */
    static boolean check(String format, boolean allFields) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json", "json-compact":
                return false;
            case "protobuf", "csv":
                if (allFields) {
                    throw new IllegalArgumentException("--all-fields is for JSON only: goflow2's " + (format.equalsIgnoreCase("csv")
                            ? "record has one column a key" : "protobuf message has") + " no place for them");
                }
                return format.equalsIgnoreCase("protobuf");
            default:
                throw new IllegalArgumentException("--format takes " + FORMATS + ", not " + format);
        }
    }
}
