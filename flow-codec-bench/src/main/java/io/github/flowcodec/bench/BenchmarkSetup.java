package io.github.flowcodec.bench;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The setup steps and setup checks the codec benchmarks share; nothing here runs in a measured operation. For
 * example {@code BenchmarkSetup.sameBytes("packet 0", out, kind, o -> encoder.encode(list, 0, o),
 * o -> writeBaseline(o, bytes))} fails the setup unless the hand-written baseline writes the encoder's bytes.
 */
final class BenchmarkSetup {

    private static final byte[] EXPORTER_ADDRESS = {(byte) 192, 0, 2, 1};

    private BenchmarkSetup() {
    }

    /** The exporter the benchmarks decode from: 192.0.2.1 (TEST-NET-1) at {@code port}. */
    static InetSocketAddress exporter(int port) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByAddress(EXPORTER_ADDRESS), port);
    }

    /** Each record's bytes, in order: what the encode baselines copy. */
    static byte[][] toBytes(List<FlowRecord> records) {
        byte[][] bytes = new byte[records.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = records.get(i).toBytes();
        }
        return bytes;
    }

    /** The bytes before {@code b}'s position. */
    static byte[] written(ByteBuffer b) {
        byte[] bytes = new byte[b.position()];
        b.duplicate().flip().get(bytes);
        return bytes;
    }

    /**
     * Writes one message into {@code out} with {@code encode}, then again with {@code baseline}; the two must be
     * the same bytes, which it returns.
     *
     * @param what the message, for the failure ("packet 3")
     */
    static byte[] sameBytes(String what, ByteBuffer out, BufferKind kind, Consumer<ByteBuffer> encode,
                            Consumer<ByteBuffer> baseline) {
        out.clear();
        encode.accept(out);
        byte[] encoded = written(out);
        out.clear();
        baseline.accept(out);
        if (!Arrays.equals(encoded, written(out))) {
            throw new IllegalStateException(what + ": baselineWrite differs from encode (" + kind + ")");
        }
        return encoded;
    }

    /** The encoder must have written all of a message's records. */
    static void checkAllWritten(String what, int written, int records) {
        if (written != records) {
            throw new IllegalStateException(what + ": the encoder wrote " + written + " of " + records + " records");
        }
    }

    /**
     * The fields a benchmark reads by index, and its baseline by hard-coded offset, must be the template's:
     * field {@code fields[i][0]} of {@code t} is {@code names[i]} at offset {@code fields[i][1]}.
     */
    static void checkFields(Template t, int[][] fields, String[] names) {
        for (int i = 0; i < fields.length; i++) {
            int index = fields[i][0];
            if (!t.field(index).element().name().equals(names[i]) || t.fieldOffset(index) != fields[i][1]) {
                throw new IllegalStateException("field " + index + " of " + t + " is not " + names[i] + " at " + fields[i][1]);
            }
        }
    }

    /** Decoding must leave the message's position and limit as they were. */
    static void checkUnmoved(ByteBuffer b, int position, int limit, String what) {
        if (b.position() != position || b.limit() != limit) {
            throw new IllegalStateException("decoding moved the " + what + "'s position or limit");
        }
    }
}
