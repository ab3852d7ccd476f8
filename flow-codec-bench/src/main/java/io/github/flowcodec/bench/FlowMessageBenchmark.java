package io.github.flowcodec.bench;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.FlowMessageJsonWriter;
import io.github.flowcodec.flowmessage.FlowMessageProtobufWriter;
import io.github.flowcodec.flowmessage.FlowMessageView;
import io.github.flowcodec.flowmessage.JsonLayout;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * goflow2 flow messages from NetFlow v9 records, per record: the decoder's zero-copy records (Cisco IOS's
 * 18-field IPv4 template, {@link Netflow9Traffic}, 30 records a datagram) mapped to a
 * {@link FlowMessageView} and written as a JSON line or length-delimited protobuf into a stream that
 * discards them, beside what a collector writes by hand.
 *
 * <ul>
 *   <li>{@link #decodeOnly}: the decode, each record's octets read: what every other benchmark here costs
 *       on top of the mapping and writing.
 *   <li>{@link #baselineStringJson}: a JSON line of the same eight keys for every record built in a
 *       {@link StringBuilder} and turned into UTF-8 bytes: the plain String baseline (allocates per record).
 *   <li>{@link #fillView}: {@link FlowMessageView#fill} of every record, nothing written.
 *   <li>{@link #jsonGoflow2}: fill and {@link FlowMessageJsonWriter#write} in {@link JsonLayout#GOFLOW2}: goflow2's
 *       record, every key of its message (what {@code flowcodec decode} writes by default).
 *   <li>{@link #jsonCompact}: the same in {@link JsonLayout#COMPACT}: the keys the record has.
 *   <li>{@link #protobuf}: fill and {@link FlowMessageProtobufWriter#write}.
 * </ul>
 *
 * <p>Scores are per record ({@link OperationsPerInvocation}); with {@code -prof gc} the zero-copy forms show
 * 0 B/op. Run: {@code BENCH=FlowMessage ./run-benchmarks.sh}.
 */
@State(Scope.Thread)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1)
public class FlowMessageBenchmark {

    static final int RECORDS = 30;
    /** Different datagrams cycled through; a power of two. */
    static final int PACKETS = CodecBenchmark.INPUTS;
    static final long SOURCE_ID = 0x0000_0100L;

    private ByteBuffer[] datagrams;
    private InetSocketAddress exporter;
    private Netflow9Decoder decoder;
    private int next;
    private final FlowMessageView view = new FlowMessageView();
    private final FlowMessageJsonWriter compactWriter = new FlowMessageJsonWriter(OutputStream.nullOutputStream(), JsonLayout.COMPACT);
    private final FlowMessageJsonWriter goflow2Writer = new FlowMessageJsonWriter(OutputStream.nullOutputStream(), JsonLayout.GOFLOW2);
    private final FlowMessageProtobufWriter protobufWriter = new FlowMessageProtobufWriter(OutputStream.nullOutputStream());
    private final StringBuilder line = new StringBuilder(512);
    private Blackhole blackhole;
    private long receivedNanos = 1_700_000_000_000_000_000L;

    private final FlowRecordHandler<ExportContext> octets = (ctx, r) -> blackhole.consume(r.getLong(0));
    private final FlowRecordHandler<ExportContext> fill = (ctx, r) -> blackhole.consume(view.fill(ctx, r, receivedNanos).get(
            io.github.flowcodec.flowmessage.FlowField.BYTES));
    private final FlowRecordHandler<ExportContext> compact = (ctx, r) -> write(compactWriter, view.fill(ctx, r, receivedNanos));
    private final FlowRecordHandler<ExportContext> goflow2 = (ctx, r) -> write(goflow2Writer, view.fill(ctx, r, receivedNanos));
    private final FlowRecordHandler<ExportContext> protobuf = (ctx, r) -> write(protobufWriter, view.fill(ctx, r, receivedNanos));
    private final FlowRecordHandler<ExportContext> stringJson = this::stringJson;

    @Setup
    public void setUp() throws IOException {
        Template t = Netflow9Traffic.ipv4Template();
        if (Netflow9Traffic.recordsPerPacket(t) != RECORDS) {
            throw new IllegalStateException("records per datagram: " + Netflow9Traffic.recordsPerPacket(t));
        }
        exporter = BenchmarkSetup.exporter(2055);
        Netflow9Traffic traffic = new Netflow9Traffic(Netflow9Benchmark.SEED);
        datagrams = new ByteBuffer[PACKETS];
        for (int p = 0; p < PACKETS; p++) {
            List<FlowRecord> list = traffic.records(t, RECORDS, Netflow9Traffic.UPTIME_BASE + p * Netflow9Traffic.UPTIME_STEP);
            datagrams[p] = ByteBuffer.wrap(Netflow9Traffic.datagram(list, p, 1_000 + p, SOURCE_ID));
        }
        decoder = new Netflow9Decoder();
        decoder.decode(ByteBuffer.wrap(Netflow9Traffic.templatePacket(t, SOURCE_ID)), exporter);
    }

    private int decode(Blackhole bh, FlowRecordHandler<ExportContext> handler) {
        blackhole = bh;
        receivedNanos += 1_000;
        ByteBuffer d = datagrams[next++ & (PACKETS - 1)];
        int n = decoder.decode(d, exporter, handler); // the decoder reads without moving the position
        if (n != RECORDS) {
            throw new IllegalStateException(n + " records decoded, not " + RECORDS);
        }
        return n;
    }

    private static void write(FlowMessageJsonWriter w, FlowMessageView m) {
        try {
            w.write(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(FlowMessageProtobufWriter w, FlowMessageView m) {
        try {
            w.write(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON line of eight keys by hand, as a collector without this library writes it. */
    private void stringJson(ExportContext ctx, RecordView r) {
        StringBuilder s = line;
        s.setLength(0);
        s.append("{\"type\":\"").append(ctx.protocol().jsonName()).append("\",\"time_received_ns\":").append(receivedNanos)
                .append(",\"sampler_address\":\"").append(ctx.exporter().getAddress().getHostAddress())
                .append("\",\"bytes\":").append(r.getLong(0)).append(",\"packets\":").append(r.getLong(1))
                .append(",\"proto\":").append(r.getLong(2)).append(",\"src_addr\":\"").append(r.getAddress(6).getHostAddress())
                .append("\",\"dst_addr\":\"").append(r.getAddress(10).getHostAddress()).append("\"}\n");
        blackhole.consume(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int decodeOnly(Blackhole bh) {
        return decode(bh, octets);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int baselineStringJson(Blackhole bh) {
        return decode(bh, stringJson);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int fillView(Blackhole bh) {
        return decode(bh, fill);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int jsonCompact(Blackhole bh) {
        return decode(bh, compact);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int jsonGoflow2(Blackhole bh) {
        return decode(bh, goflow2);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int protobuf(Blackhole bh) {
        return decode(bh, protobuf);
    }
}
