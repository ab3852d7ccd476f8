package io.github.flowcodec.bench;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.netflow5.Netflow5;
import io.github.flowcodec.netflow5.Netflow5Decoder;
import io.github.flowcodec.netflow5.Netflow5Encoder;
import io.github.flowcodec.netflow5.Netflow5Packet;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * NetFlow v5 decode and encode, one full datagram (header and 30 records) per operation, against
 * hand-written {@link ByteBuffer} code doing the same work.
 *
 * <ul>
 *   <li>{@link #baselineScan}: validates the header like the strict decoder (version, count, length) and
 *       reads srcaddr, dstaddr, dPkts, dOctets, srcport, dstport and prot of every record with absolute
 *       gets. The reference for both decode benchmarks.
 *   <li>{@link #decodeZeroCopy}: {@link Netflow5Decoder#decode(ByteBuffer, InetSocketAddress, FlowRecordHandler)}
 *       with a handler reading the same seven fields from the {@link RecordView}.
 *   <li>{@link #decodeMaterialized}: {@link Netflow5Decoder#decode(ByteBuffer, InetSocketAddress)} into a
 *       {@link Netflow5Packet}, then the same seven fields from each {@link FlowRecord}.
 *   <li>{@link #baselineWrite}: the 24-byte header with puts and each record's 48 bytes copied from a
 *       {@code byte[]}: exactly the bytes {@link #encode} writes. The reference for encode.
 *   <li>{@link #encode}: {@link Netflow5Encoder#encode(List, int, ByteBuffer)} of 30 prebuilt records into
 *       a reused buffer.
 * </ul>
 *
 * <p>Each operation takes the next of {@value #INPUTS} different datagrams (or record lists), so branch
 * predictors cannot learn one packet. The setup checks that the three decode paths compute the same sums
 * and that the encode baseline writes the encoder's bytes, so the comparisons stay honest.
 *
 * <p>{@code -p buffer=direct} runs everything on direct buffers instead of heap buffers.
 */
public class Netflow5Benchmark extends CodecBenchmark<FlowRecord> {

    /** Records per datagram. */
    static final int RECORDS = Netflow5.MAX_RECORDS;
    static final long SEED = 0x5EED_F10BL;

    /** Encoder header values (and CodecBenchmark's clock and uptime), so the baseline can write the same header. */
    static final int ENGINE_TYPE = 1;
    static final int ENGINE_ID = 7;
    static final int SAMPLING_MODE = 1;
    static final int SAMPLING_INTERVAL = 100;

    /** "heap" (ByteBuffer.allocate / wrap) or "direct" (ByteBuffer.allocateDirect), for datagrams and the encode buffer. */
    @Param({"heap"})
    public String buffer;

    private Netflow5Decoder decoder;
    private Netflow5Encoder encoder;

    @Setup
    public void setUp() throws UnknownHostException {
        BufferKind kind = BufferKind.of(buffer);
        exporter = BenchmarkSetup.exporter(2055);
        Netflow5Traffic traffic = new Netflow5Traffic(SEED);
        long sequence = 1_000_000L;
        for (int p = 0; p < INPUTS; p++) {
            List<FlowRecord> records = traffic.records(RECORDS, Netflow5Traffic.UPTIME_BASE + p * 1_000L);
            byte[] bytes = Netflow5Traffic.datagram(records, p, sequence, traffic.unixNanos());
            sequence += RECORDS;
            input(p, kind, bytes, records, BenchmarkSetup.toBytes(records));
        }
        out = kind.allocate(Netflow5.MAX_PACKET_LENGTH);

        checkDecodePathsAgree();
        checkEncodeBaselineWritesEncoderBytes(kind);

        decoder = new Netflow5Decoder();
        handler = new FieldsHandler();
        encoder = newEncoder();
        codecWork(decoder::decode, this::writeBaseline, encoder::encode);
        baselineSequence = 0;
    }

    // ---------------------------------------------------------------- decode

    @Benchmark
    public void baselineScan(Blackhole bh) {
        ByteBuffer b = datagrams[nextIndex()];
        int base = b.position();
        int length = b.limit() - base;
        if (length < Netflow5.HEADER_LENGTH || (b.getShort(base) & 0xFFFF) != Netflow5.VERSION) {
            throw new IllegalStateException("not a v5 datagram");
        }
        int count = b.getShort(base + 2) & 0xFFFF;
        if (count > Netflow5.MAX_RECORDS || Netflow5.HEADER_LENGTH + count * Netflow5.RECORD_LENGTH != length) {
            throw new IllegalStateException("count " + count + " does not match " + length + " bytes");
        }
        bh.consume(count);
        bh.consume(scan(b, base, count));
    }

    @Benchmark
    public void decodeMaterialized(Blackhole bh) {
        Netflow5Packet packet = decoder.decode(datagrams[nextIndex()], exporter);
        bh.consume(packet);
        bh.consume(sum(packet));
    }

    // ---------------------------------------------------------------- encode

    // ---------------------------------------------------------------- helpers

    /** The encode baseline: the header with puts, then each record's 48 bytes copied. */
    private int writeBaseline(ByteBuffer o, byte[][] records) {
        int n = records.length;
        o.putShort((short) Netflow5.VERSION)
                .putShort((short) n)
                .putInt((int) ENCODER_UPTIME)
                .putInt((int) (EXPORT_MILLIS / 1000))
                .putInt((int) ((EXPORT_MILLIS % 1000) * 1_000_000L))
                .putInt((int) baselineSequence)
                .put((byte) ENGINE_TYPE)
                .put((byte) ENGINE_ID)
                .putShort((short) (SAMPLING_MODE << 14 | SAMPLING_INTERVAL));
        for (byte[] record : records) {
            o.put(record);
        }
        baselineSequence = (baselineSequence + n) & 0xFFFF_FFFFL;
        return n;
    }

    /** The baseline's field sum over {@code count} records: absolute gets at the v5 record offsets. */
    static long scan(ByteBuffer b, int base, int count) {
        long sum = 0;
        for (int i = 0, off = base + Netflow5.HEADER_LENGTH; i < count; i++, off += Netflow5.RECORD_LENGTH) {
            // srcaddr, dstaddr, srcport, dstport, prot, dPkts, dOctets
            sum += FlowSums.ipv4At(b, off, 0, 4, 32, 34, 38, 16, 20);
        }
        return sum;
    }

    /** The same fields from a zero-copy view. */
    static long sum(RecordView r) {
        return FlowSums.ipv4(r, Netflow5.SRC_ADDR, Netflow5.DST_ADDR, Netflow5.SRC_PORT, Netflow5.DST_PORT, Netflow5.PROTOCOL,
                Netflow5.PACKETS, Netflow5.OCTETS);
    }

    /** The same fields from a materialized record. */
    static long sum(FlowRecord r) {
        return FlowSums.ipv4(r, Netflow5.SRC_ADDR, Netflow5.DST_ADDR, Netflow5.SRC_PORT, Netflow5.DST_PORT, Netflow5.PROTOCOL,
                Netflow5.PACKETS, Netflow5.OCTETS);
    }

    static long sum(Netflow5Packet packet) {
        return FlowSums.records(packet.records(), (FlowRecord r) -> sum(r));
    }

    /** Sums the fields of each record it is handed. */
    static final class FieldsHandler extends SumHandler {
        @Override
        public void onRecord(ExportContext context, RecordView record) {
            sum += sum(record);
        }
    }

    private static Netflow5Encoder newEncoder() {
        return Netflow5Encoder.builder()
                .engineType(ENGINE_TYPE)
                .engineId(ENGINE_ID)
                .sampling(SAMPLING_MODE, SAMPLING_INTERVAL)
                .clock(() -> EXPORT_MILLIS)
                .uptimeMillis(() -> ENCODER_UPTIME)
                .build();
    }

    /** All three decode paths must see the same 30 records and the same field values in every datagram. */
    private void checkDecodePathsAgree() {
        Netflow5Decoder d = new Netflow5Decoder();
        SumHandler h = new FieldsHandler();
        for (int p = 0; p < INPUTS; p++) {
            ByteBuffer b = datagrams[p];
            long baseline = scan(b, b.position(), b.getShort(b.position() + 2) & 0xFFFF);
            h.sum = 0;
            int n = d.decode(b, exporter, h);
            Netflow5Packet packet = d.decode(b, exporter);
            if (n != RECORDS || packet.records().size() != RECORDS) {
                throw new IllegalStateException("packet " + p + ": decoded " + n + " / " + packet.records().size() + " records");
            }
            if (h.sum != baseline || sum(packet) != baseline) {
                throw new IllegalStateException("packet " + p + ": baseline sum " + baseline + ", zero-copy " + h.sum
                        + ", materialized " + sum(packet));
            }
            BenchmarkSetup.checkUnmoved(b, 0, Netflow5.MAX_PACKET_LENGTH, "datagram");
        }
    }

    /** The encode baseline must write exactly the encoder's bytes, over two packets (the sequence advancing). */
    private void checkEncodeBaselineWritesEncoderBytes(BufferKind kind) {
        Netflow5Encoder e = newEncoder();
        baselineSequence = 0;
        for (int p = 0; p < 2; p++) {
            List<FlowRecord> records = recordLists.get(p);
            byte[][] bytes = recordBytes[p];
            BenchmarkSetup.sameBytes("packet " + p, out, kind, o -> e.encode(records, 0, o), o -> writeBaseline(o, bytes));
        }
    }
}
