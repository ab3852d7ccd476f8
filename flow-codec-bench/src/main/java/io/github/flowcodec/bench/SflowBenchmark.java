package io.github.flowcodec.bench;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowDatagram;
import io.github.flowcodec.sflow.SflowDecoder;
import io.github.flowcodec.sflow.SflowEncoder;
import io.github.flowcodec.sflow.SflowPacket;
import io.github.flowcodec.sflow.SflowSample;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * sFlow v5 decode and encode, one typical switch datagram per operation ({@value #FLOWS} flow samples with
 * 128-byte Ethernet / 802.1Q / IPv4 / TCP or UDP headers and an extended switch record, plus one counter
 * sample: 1284 bytes, what an agent with the default 1400-byte maximum datagram size sends), against
 * hand-written {@link ByteBuffer} code doing the same work.
 *
 * <ul>
 *   <li>{@link #baselineScan}: walks the datagram like the strict decoder (version, agent address, each
 *       sample's and record's length checked against its container) and, for each flow sample, reads the
 *       input/output interfaces and the frame length, parses the sampled header (Ethernet, VLAN tags, IPv4,
 *       TCP/UDP) for the addresses, protocol and ports. The reference for the decode benchmarks.
 *   <li>{@link #decodeZeroCopy}: {@link SflowDecoder#decode(ByteBuffer, InetSocketAddress, FlowRecordHandler)}
 *       with a handler reading the same eight fields from each flow sample's {@link RecordView}.
 *   <li>{@link #decodeMaterialized}: {@link SflowDecoder#decode(ByteBuffer, InetSocketAddress)} into an
 *       {@link SflowPacket}, then the same fields from each {@link FlowRecord}.
 *   <li>{@link #decodeTyped}: {@link SflowDecoder#decodeDatagram} into the typed model (every sample and record).
 *   <li>{@link #baselineWrite}: the datagram header with puts and each sample's bytes copied from a
 *       {@code byte[]}: exactly the bytes {@link #encode} writes. The reference for encode.
 *   <li>{@link #encode}: {@link SflowEncoder#encode(List, int, ByteBuffer)} of the typed samples into a reused buffer.
 * </ul>
 *
 * <p>Each operation takes the next of {@value #INPUTS} different datagrams. The setup checks that the
 * decode paths compute the baseline's sums and that the encode baseline writes the encoder's bytes.
 * {@code -p buffer=direct} runs everything on direct buffers. The zero-copy path allocates nothing per
 * datagram (run with {@code -prof gc} to see it).
 */
public class SflowBenchmark extends CodecBenchmark<SflowSample> {

    static final int FLOWS = 5;
    static final long SEED = 0x5F10_5EEDL;
    static final long UPTIME = 987_654_321L;
    static final byte[] AGENT = {(byte) 192, 0, 2, 1};

    @Param({"heap"})
    public String buffer;

    private SflowDecoder decoder;
    private SflowEncoder encoder;

    @Setup
    public void setUp() throws UnknownHostException {
        BufferKind kind = BufferKind.of(buffer);
        exporter = new InetSocketAddress(InetAddress.getByAddress(AGENT), 6343);
        SflowTraffic traffic = new SflowTraffic(SEED);
        for (int p = 0; p < INPUTS; p++) {
            List<SflowSample> samples = traffic.samples(FLOWS);
            byte[] bytes = SflowEncoder.toBytes(new SflowDatagram(InetAddress.getByAddress(AGENT), 0, 1 + p, UPTIME, samples));
            if (bytes.length > Sflow.DEFAULT_MAX_DATAGRAM) {
                throw new IllegalStateException("datagram " + p + " is " + bytes.length + " bytes, more than an agent sends");
            }
            input(p, kind, bytes, samples, splitSamples(bytes));
        }
        out = kind.allocate(65_536);
        checkDecodePathsAgree();
        checkEncodeBaselineWritesEncoderBytes(kind);
        decoder = new SflowDecoder();
        handler = new SampleFieldsHandler();
        encoder = newEncoder();
        codecWork(decoder::decode, this::writeBaseline, encoder::encode);
        baselineSequence = 1;
    }

    // ---------------------------------------------------------------- decode

    @Benchmark
    public void baselineScan(Blackhole bh) {
        bh.consume(scan(datagrams[nextIndex()]));
    }

    @Benchmark
    public void decodeMaterialized(Blackhole bh) {
        SflowPacket packet = decoder.decode(datagrams[nextIndex()], exporter);
        bh.consume(packet);
        bh.consume(sum(packet));
    }

    /** The next datagram decoded into a packet, for {@link MaterializedCost}. */
    SflowPacket decodePacket() {
        return decoder.decode(datagrams[nextIndex()], exporter);
    }

    @Benchmark
    public void decodeTyped(Blackhole bh) {
        bh.consume(decoder.decodeDatagram(datagrams[nextIndex()]));
    }

    // ---------------------------------------------------------------- encode

    // ---------------------------------------------------------------- helpers

    private int writeBaseline(ByteBuffer o, byte[][] samples) {
        o.putInt(Sflow.VERSION).putInt(Sflow.ADDRESS_IPV4).put(AGENT).putInt(0).putInt((int) baselineSequence)
                .putInt((int) UPTIME).putInt(samples.length);
        for (byte[] s : samples) {
            o.put(s);
        }
        baselineSequence = (baselineSequence + 1) & 0xFFFF_FFFFL;
        return samples.length;
    }

    /** The baseline: a validating walk and the same eight fields per flow sample, by hand. */
    static long scan(ByteBuffer b) {
        int base = b.position();
        int end = b.limit();
        if (end - base < 28 || b.getInt(base) != Sflow.VERSION || b.getInt(base + 4) != Sflow.ADDRESS_IPV4) {
            throw new IllegalStateException("not an sFlow v5 datagram from an IPv4 agent");
        }
        long count = b.getInt(base + 24) & 0xFFFF_FFFFL;
        int p = base + 28;
        long sum = 0;
        for (long i = 0; i < count; i++) {
            if (end - p < 8) {
                throw new IllegalStateException("sample count lies");
            }
            int format = b.getInt(p);
            long len = b.getInt(p + 4) & 0xFFFF_FFFFL;
            if (((len + 3) & ~3L) > end - p - 8) {
                throw new IllegalStateException("sample runs past the datagram");
            }
            int data = p + 8;
            int sampleEnd = data + (int) len;
            if (format == Sflow.SAMPLE_FLOW) {
                long in = b.getInt(data + 20) & 0x3FFF_FFFF;
                long outIf = b.getInt(data + 24) & 0x3FFF_FFFF;
                long records = b.getInt(data + 28) & 0xFFFF_FFFFL;
                int r = data + 32;
                long s = in + outIf;
                for (long k = 0; k < records; k++) {
                    if (sampleEnd - r < 8) {
                        throw new IllegalStateException("record count lies");
                    }
                    int rf = b.getInt(r);
                    long rl = b.getInt(r + 4) & 0xFFFF_FFFFL;
                    if (((rl + 3) & ~3L) > sampleEnd - r - 8) {
                        throw new IllegalStateException("record runs past the sample");
                    }
                    if (rf == Sflow.FLOW_RAW_HEADER) {
                        s += b.getInt(r + 12) & 0xFFFF_FFFFL;              // frame length
                        int h = r + 24;
                        int hEnd = h + b.getInt(r + 20);
                        int type = b.getShort(h + 12) & 0xFFFF;
                        int q = h + 14;
                        while (type == 0x8100 || type == 0x88A8) {
                            type = b.getShort(q + 2) & 0xFFFF;
                            q += 4;
                        }
                        if (type == 0x0800 && hEnd - q >= 20) {
                            int ihl = (b.get(q) & 0xF) * 4;
                            int proto = b.get(q + 9) & 0xFF;
                            s += b.getInt(q + 12) + (long) b.getInt(q + 16) + proto;
                            int l4 = q + ihl;
                            if ((proto == 6 || proto == 17) && hEnd - l4 >= 4) {
                                s += (b.getShort(l4) & 0xFFFF) + (b.getShort(l4 + 2) & 0xFFFF);
                            }
                        }
                    }
                    r += 8 + (int) ((rl + 3) & ~3L);
                }
                sum += s;
            }
            p = data + (int) ((len + 3) & ~3L);
        }
        return sum;
    }

    /** Field indexes of one template, resolved once. */
    static final class Indexes {
        final Template template;
        final int src;
        final int dst;
        final int proto;
        final int srcPort;
        final int dstPort;
        final int octets;
        final int in;
        final int out;

        Indexes(Template t) {
            template = t;
            src = t.indexOf(Iana.SOURCE_IPV4_ADDRESS);
            dst = t.indexOf(Iana.DESTINATION_IPV4_ADDRESS);
            proto = t.indexOf(Iana.PROTOCOL_IDENTIFIER);
            srcPort = t.indexOf(Iana.SOURCE_TRANSPORT_PORT);
            dstPort = t.indexOf(Iana.DESTINATION_TRANSPORT_PORT);
            octets = t.indexOf(Iana.OCTET_DELTA_COUNT);
            in = t.indexOf(Iana.INGRESS_INTERFACE);
            out = t.indexOf(Iana.EGRESS_INTERFACE);
        }
    }

    /** Sums the fields of each flow record; keeps the indexes of the last two templates (TCP and UDP layouts). */
    static final class SampleFieldsHandler extends SumHandler {
        private Indexes a;
        private Indexes b;

        Indexes indexes(Template t) {
            if (a != null && a.template == t) {
                return a;
            }
            if (b != null && b.template == t) {
                Indexes x = b;
                b = a;
                a = x;
                return x;
            }
            b = a;
            a = new Indexes(t);
            return a;
        }

        @Override
        public void onRecord(ExportContext context, RecordView r) {
            sum += sum(r, indexes(r.template()));
        }
    }

    static long sum(RecordView r, Indexes x) {
        long s = r.getLong(x.in) + r.getLong(x.out) + r.getLong(x.octets);
        s += r.getInt(x.src) + (long) r.getInt(x.dst) + r.getLong(x.proto);
        if (x.srcPort >= 0) {
            s += r.getLong(x.srcPort) + r.getLong(x.dstPort);
        }
        return s;
    }

    static long sum(FlowRecord r, Indexes x) {
        long s = r.getLong(x.in) + r.getLong(x.out) + r.getLong(x.octets);
        s += r.getInt(x.src) + (long) r.getInt(x.dst) + r.getLong(x.proto);
        if (x.srcPort >= 0) {
            s += r.getLong(x.srcPort) + r.getLong(x.dstPort);
        }
        return s;
    }

    private final SampleFieldsHandler materializedIndexes = new SampleFieldsHandler();

    long sum(SflowPacket packet) {
        List<FlowRecord> records = packet.records();
        long sum = 0;
        for (int i = 0, n = records.size(); i < n; i++) {
            FlowRecord r = records.get(i);
            sum += sum(r, materializedIndexes.indexes(r.template()));
        }
        return sum;
    }

    private SflowEncoder newEncoder() throws UnknownHostException {
        return SflowEncoder.builder(InetAddress.getByAddress(AGENT)).subAgentId(0).firstSequence(1)
                .uptimeMillis(() -> UPTIME).maxDatagramSize(65_507).build();
    }

    private static byte[][] splitSamples(byte[] datagram) {
        ByteBuffer b = ByteBuffer.wrap(datagram);
        int n = b.getInt(24);
        byte[][] out = new byte[n][];
        int p = 28;
        for (int i = 0; i < n; i++) {
            int len = 8 + ((b.getInt(p + 4) + 3) & ~3);
            out[i] = Arrays.copyOfRange(datagram, p, p + len);
            p += len;
        }
        return out;
    }

    private void checkDecodePathsAgree() {
        SflowDecoder d = new SflowDecoder();
        SumHandler h = new SampleFieldsHandler();
        for (int p = 0; p < INPUTS; p++) {
            ByteBuffer b = datagrams[p];
            long baseline = scan(b);
            h.sum = 0;
            int n = d.decode(b, exporter, h);
            SflowPacket packet = d.decode(b, exporter);
            if (n != FLOWS || packet.records().size() != FLOWS) {
                throw new IllegalStateException("datagram " + p + ": decoded " + n + " / " + packet.records().size() + " flow samples");
            }
            if (h.sum != baseline || sum(packet) != baseline) {
                throw new IllegalStateException("datagram " + p + ": baseline sum " + baseline + ", zero-copy " + h.sum
                        + ", materialized " + sum(packet));
            }
            if (!d.decodeDatagram(b).samples().equals(recordLists.get(p))) {
                throw new IllegalStateException("datagram " + p + ": the typed decode differs from the samples");
            }
        }
    }

    private void checkEncodeBaselineWritesEncoderBytes(BufferKind kind) throws UnknownHostException {
        SflowEncoder e = newEncoder();
        baselineSequence = 1;
        for (int p = 0; p < 2; p++) {
            List<SflowSample> samples = recordLists.get(p);
            byte[][] bytes = recordBytes[p];
            BenchmarkSetup.sameBytes("datagram " + p, out, kind, o -> e.encode(samples, 0, o), o -> writeBaseline(o, bytes));
        }
    }
}
