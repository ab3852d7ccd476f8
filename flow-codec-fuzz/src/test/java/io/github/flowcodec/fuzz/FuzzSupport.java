package io.github.flowcodec.fuzz;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.FlowMessage;
import io.github.flowcodec.flowmessage.FlowMessageJsonWriter;
import io.github.flowcodec.flowmessage.FlowMessageProtobufWriter;
import io.github.flowcodec.flowmessage.FlowMessageView;
import io.github.flowcodec.flowmessage.JsonLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every fuzz target shares: the property, the input framing, and handlers that read every field.
 *
 * <p>The property (DESIGN.md, "Errors and hostile input"): for any input a decoder returns a result or
 * throws a {@link FlowCodecException}; anything else it throws (an {@code IndexOutOfBoundsException}, an
 * {@code IllegalArgumentException} from an accessor called within its documented preconditions, an
 * {@code OutOfMemoryError}, a {@code StackOverflowError} ...) escapes the target and is a finding. Memory is
 * bounded by the heap (-Xmx512m in the pom) and, when fuzzing, libFuzzer's -rss_limit_mb=1024; time by
 * libFuzzer's -timeout=10 when fuzzing, surefire's fork timeout in a plain build, and {@link #timed}, which
 * fails an input that takes longer than {@link #MAX_MILLIS}.
 *
 * <p>Fuzzing for real (one target per run, CPU 0 only on the shared machine):
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m taskset -c 0 mvn -o -pl flow-codec-fuzz test -Dtest=Netflow9FuzzTest#decode
 * </pre>
 */
final class FuzzSupport {

    /** The exporter every datagram comes from (no DNS lookup). */
    static final InetSocketAddress EXPORTER;

    /** The longest one decode of an input of at most 64 KiB may take, however slow the machine. */
    static final long MAX_MILLIS = 5_000;

    /** At most this many datagrams are taken from one input. */
    static final int MAX_DATAGRAMS = 64;

    static {
        try {
            EXPORTER = new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 2055);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FuzzSupport() {
    }

    /** Strict and lenient options; the lenient ones read every problem they are told. */
    static DecoderOptions options(DecodeMode mode) {
        DecoderOptions.Builder b = DecoderOptions.builder().mode(mode);
        if (mode == DecodeMode.LENIENT) {
            b.problemListener(FuzzSupport::touchProblem);
        }
        return b.build();
    }

    static void touchProblem(DecodeProblem p) {
        if (p.reason() == null || p.toString().isEmpty()) {
            throw new AssertionError("a problem without a reason: " + p);
        }
    }

    /**
     * Splits a fuzz input into datagrams: each is a big-endian u16 length and that many bytes (the last one
     * takes what is left when the length runs past the end). At most {@link #MAX_DATAGRAMS}.
     */
    static List<byte[]> datagrams(byte[] input) {
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p < input.length && out.size() < MAX_DATAGRAMS) {
            if (p + 2 > input.length) {
                out.add(Arrays.copyOfRange(input, p, input.length));
                break;
            }
            int n = ((input[p] & 0xFF) << 8) | (input[p + 1] & 0xFF);
            p += 2;
            int end = (int) Math.min((long) p + n, input.length);
            out.add(Arrays.copyOfRange(input, p, end));
            p = end;
        }
        return out;
    }

    /** The inverse of {@link #datagrams}: for writing seeds. */
    static byte[] frame(List<byte[]> datagrams) {
        int n = 0;
        for (byte[] d : datagrams) {
            n += 2 + d.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] d : datagrams) {
            if (d.length > 0xFFFF) {
                throw new IllegalArgumentException("a datagram of " + d.length + " bytes");
            }
            b.putShort((short) d.length).put(d);
        }
        return b.array();
    }

    /**
     * The datagram in a buffer as a collector would hold it: a heap buffer at a non-zero position (with
     * bytes of garbage before and after the datagram), or a direct buffer, so that decoders that forget
     * the position or limit read the wrong bytes.
     */
    static ByteBuffer buffer(byte[] datagram, boolean direct) {
        if (direct) {
            ByteBuffer b = ByteBuffer.allocateDirect(datagram.length);
            b.put(datagram).flip();
            return b;
        }
        byte[] padded = new byte[datagram.length + 7];
        Arrays.fill(padded, (byte) 0xA5);
        System.arraycopy(datagram, 0, padded, 3, datagram.length);
        return ByteBuffer.wrap(padded, 3, datagram.length).slice().position(0).limit(datagram.length);
    }

    /** Runs one decode: a result or a FlowCodecException, within {@link #MAX_MILLIS}. */
    static void timed(String what, Runnable decode) {
        long t0 = System.nanoTime();
        try {
            decode.run();
        } catch (FlowCodecException expected) {
            touchException(expected);
        } finally {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > MAX_MILLIS) {
                throw new AssertionError(what + " took " + ms + " ms");
            }
        }
    }

    static void touchException(FlowCodecException e) {
        if (e.getMessage() == null || e.reason() == null) {
            throw new AssertionError("a FlowCodecException without a reason", e);
        }
        e.protocol();
        e.offset();
    }

    /** Zero-copy and materialized, on a datagram, checking that the decoder leaves position and limit alone. */
    static int decodeZeroCopy(DatagramDecoder<?> decoder, ByteBuffer datagram) {
        int position = datagram.position();
        int limit = datagram.limit();
        int[] count = new int[1];
        try {
            return decoder.decode(datagram, EXPORTER, new TouchingHandler(count));
        } finally {
            checkUntouched(datagram, position, limit);
        }
    }

    static FlowPacket decodeMaterialized(DatagramDecoder<?> decoder, ByteBuffer datagram) {
        int position = datagram.position();
        int limit = datagram.limit();
        try {
            FlowPacket packet = decoder.decode(datagram, EXPORTER);
            touchPacket(packet, 0);
            return packet;
        } finally {
            checkUntouched(datagram, position, limit);
        }
    }

    static void checkUntouched(ByteBuffer datagram, int position, int limit) {
        if (datagram.position() != position || datagram.limit() != limit) {
            throw new AssertionError("the decoder moved the buffer: position " + position + " -> " + datagram.position()
                    + ", limit " + limit + " -> " + datagram.limit());
        }
    }

    /** A handler that reads every field of every record through the view, and copies it. */
    static final class TouchingHandler implements FlowRecordHandler<ExportContext> {
        private final int[] count;

        TouchingHandler(int[] count) {
            this.count = count;
        }

        @Override
        public void onRecord(ExportContext context, RecordView record) {
            count[0]++;
            touchView(context, record);
            touchMessage(context, record);
        }

        @Override
        public void onOptionsRecord(ExportContext context, RecordView record) {
            touchView(context, record);
        }
    }

    private static final FlowMessageView FROM_VIEW = new FlowMessageView();
    private static final FlowMessageView FROM_RECORD = new FlowMessageView();
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();
    private static final List<FlowMessageJsonWriter> JSON = Arrays.stream(JsonLayout.values())
            .map(l -> new FlowMessageJsonWriter(DISCARD, l)).toList();
    private static final FlowMessageProtobufWriter PROTOBUF = new FlowMessageProtobufWriter(DISCARD);

    /**
     * The record as goflow2's flow message (the flowmessage module's mapping: for sFlow the sampled header's
     * layers, MPLS labels and gateway lists too) written in every JSON layout and in protobuf; the message of the
     * view and the one of its materialized copy must be equal.
     */
    static void touchMessage(ExportContext context, RecordView view) {
        FlowMessage fromView = FROM_VIEW.fill(context, view, 1L).toMessage();
        FlowMessage fromRecord = FROM_RECORD.fill(context, view.toRecord(), 1L).toMessage();
        if (!fromView.equals(fromRecord)) {
            throw new AssertionError("a record and its view map to different messages:\n" + fromView + "\n" + fromRecord);
        }
        try {
            for (FlowMessageJsonWriter w : JSON) {
                w.write(FROM_VIEW);
                w.flush();
            }
            PROTOBUF.write(FROM_VIEW);
            PROTOBUF.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void touchView(ExportContext context, RecordView view) {
        touchContext(context);
        touchFields(view);
        context.flowStartMillis(view);
        context.flowEndMillis(view);
        FlowRecord copy = view.toRecord();
        if (copy.length() != view.length() || copy.fieldCount() != view.fieldCount()) {
            throw new AssertionError("toRecord() differs from its view: " + copy + " / " + view);
        }
        for (int i = 0; i < view.fieldCount(); i++) {
            if (!Arrays.equals(copy.getBytes(i), view.getBytes(i))) {
                throw new AssertionError("field " + i + " of toRecord() differs from its view");
            }
        }
        view.toString();
    }

    static void touchContext(ExportContext c) {
        c.protocol();
        c.exporter();
        c.sequenceNumber();
        c.exportTimeMillis();
        c.systemUptimeMillis();
        c.observationDomainId();
        c.samplingRate();
    }

    static void touchPacket(FlowPacket packet, int depth) {
        if (depth > 4) {
            throw new AssertionError("released packets nested " + depth + " deep");
        }
        touchContext(packet);
        for (FlowRecord r : packet.records()) {
            touchFields(r);
            packet.samplingRate(r);
            packet.flowStartMillis(r);
            packet.flowEndMillis(r);
            r.hashCode();
            r.toString();
            if (!r.equals(FlowRecord.of(r.template(), r.toBytes()))) {
                throw new AssertionError("a record is not equal to a copy of its bytes: " + r);
            }
        }
        for (FlowRecord r : packet.optionsRecords()) {
            touchFields(r);
        }
        for (FlowPacket released : packet.releasedPackets()) {
            touchPacket(released, depth + 1);
        }
        packet.toString();
    }

    /** Every field of a record, through every accessor its length and type allow (FlowFields' contract). */
    static void touchFields(FlowFields r) {
        Template t = r.template();
        int n = r.fieldCount();
        if (n != t.fieldCount()) {
            throw new AssertionError("field counts differ");
        }
        int total = r.length();
        for (int i = 0; i < n; i++) {
            int len = r.fieldLength(i);
            int off = r.fieldOffset(i);
            if (len < 0 || off < 0 || off + len > total) {
                throw new AssertionError("field " + i + " at " + off + "+" + len + " outside a record of " + total);
            }
            byte[] bytes = r.getBytes(i);
            if (bytes.length != len) {
                throw new AssertionError("getBytes gave " + bytes.length + " bytes of a field of " + len);
            }
            r.getValue(i);
            DataType type = t.field(i).element().dataType();
            if (len <= 8) {
                long v = r.getLong(i);
                r.getInt(i);
                r.getBoolean(i);
                if (len > 0 && !type.isSigned() && len < 8 && (v >>> (8 * len)) != 0) {
                    throw new AssertionError("getLong of an unsigned " + len + "-byte field gave " + v);
                }
                switch (type) {
                    case DATE_TIME_SECONDS: case DATE_TIME_MILLISECONDS:
                    case DATE_TIME_MICROSECONDS: case DATE_TIME_NANOSECONDS:
                        if (type.isValidLength(len)) {
                            r.getEpochMillis(i);
                            r.getInstant(i);
                        }
                        break;
                    case FLOAT32: case FLOAT64:
                        if (len == 4 || len == 8) {
                            r.getDouble(i);
                        }
                        break;
                    default:
                        r.getDouble(i);
                }
            }
            if (len == 4) {
                r.getIpv4(i);
            }
            if (len == 4 || len == 16) {
                r.getAddress(i);
            }
            if (len == 6) {
                r.getMacAddress(i);
            }
            r.getString(i);
            if (len > 0) {
                r.byteAt(off);
                r.byteAt(off + len - 1);
            }
        }
        for (int i = 0; i < Math.min(n, 4); i++) {
            r.has(t.field(i).element());
            r.getAll(t.field(i).element());
            r.get(t.field(i).element());
        }
    }
}
