package io.github.flowcodec.bench;

import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.Netflow9;
import io.github.flowcodec.netflow9.Netflow9Decoder;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import io.github.flowcodec.netflow9.Netflow9Packet;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * NetFlow v9 decode and encode, one full datagram per operation, against hand-written {@link ByteBuffer}
 * code doing the same work, for two templates ({@code -p template=ipv4,ipv6}, see {@link Netflow9Traffic}):
 *
 * <ul>
 *   <li>{@code ipv4}: Cisco IOS's 18-field IPv4 template (45-byte records), 30 records in a 1376-byte datagram;
 *   <li>{@code ipv6}: an IOS-XE style 18-field IPv6 template (89-byte records), 15 records in a 1360-byte datagram.
 * </ul>
 *
 * <p>The datagrams are what an exporter sends between template refreshes: one exporter and source id, a
 * header and one data FlowSet (padded to 4 bytes), no template. The template came in a template-only
 * datagram that the setup decodes first, so the decoder's store knows it.
 *
 * <ul>
 *   <li>{@link #baselineScan}: checks the version, walks the FlowSets by their lengths and, in the data
 *       FlowSet of the known template, reads source and destination address, packets, octets, ports and
 *       protocol of every record with absolute gets at the template's offsets. The reference for both
 *       decode benchmarks.
 *   <li>{@link #decodeZeroCopy}: {@link Netflow9Decoder#decode(ByteBuffer, InetSocketAddress, FlowRecordHandler)}
 *       with a handler reading the same fields from the {@link RecordView}.
 *   <li>{@link #decodeMaterialized}: {@link Netflow9Decoder#decode(ByteBuffer, InetSocketAddress)} into a
 *       {@link Netflow9Packet}, then the same fields from each {@link FlowRecord}.
 *   <li>{@link #baselineWrite}: header and FlowSet header with puts, each record's bytes copied from a
 *       {@code byte[]}, padding: exactly the bytes {@link #encode} writes. The reference for encode.
 *   <li>{@link #encode}: {@link Netflow9Encoder#encode(List, int, ByteBuffer)} of one datagram's prebuilt
 *       records into a reused buffer (the template was sent before measuring; refreshes are off, so every
 *       measured packet is data only, like the decoded ones).
 * </ul>
 *
 * <p>Each operation takes the next of {@value #INPUTS} different datagrams (or record lists), so branch
 * predictors cannot learn one packet. The setup checks that the three decode paths compute the same sums
 * and that the encode baseline writes the encoder's bytes; the teardown checks that the decoder saw no
 * exporter restart and no missing template, so the comparisons stay honest.
 *
 * <p>{@code -p buffer=heap} or {@code -p buffer=direct} runs only on heap or direct buffers.
 */
public class Netflow9Benchmark extends TemplatedCodecBenchmark<Netflow9Decoder, Netflow9Encoder> {

    static final long SEED = 0x5EED_F109L;
    static final long SOURCE_ID = 0x0000_0100L;
    static final long FIRST_SEQUENCE = 1_000L;

    // Field indexes of the summed fields, as Netflow9Traffic lays the templates out (checked in setup).
    static final int V4_OCTETS = 0;
    static final int V4_PACKETS = 1;
    static final int V4_PROTOCOL = 2;
    static final int V4_SRC_PORT = 5;
    static final int V4_SRC_ADDR = 6;
    static final int V4_DST_PORT = 9;
    static final int V4_DST_ADDR = 10;
    static final int V6_SRC_ADDR = 0;
    static final int V6_DST_ADDR = 1;
    static final int V6_PACKETS = 5;
    static final int V6_OCTETS = 6;
    static final int V6_SRC_PORT = 9;
    static final int V6_DST_PORT = 10;
    static final int V6_PROTOCOL = 12;

    // Their byte offsets in a record: what the hand-written baseline hard-codes (checked in setup).
    static final int V4_OCTETS_AT = 0;
    static final int V4_PACKETS_AT = 4;
    static final int V4_PROTOCOL_AT = 8;
    static final int V4_SRC_PORT_AT = 11;
    static final int V4_SRC_ADDR_AT = 13;
    static final int V4_DST_PORT_AT = 20;
    static final int V4_DST_ADDR_AT = 22;
    static final int V6_SRC_ADDR_AT = 0;
    static final int V6_DST_ADDR_AT = 16;
    static final int V6_PACKETS_AT = 56;
    static final int V6_OCTETS_AT = 60;
    static final int V6_SRC_PORT_AT = 72;
    static final int V6_DST_PORT_AT = 74;
    static final int V6_PROTOCOL_AT = 77;

    /** "ipv4" (Cisco IOS, 18 fields, 45 bytes) or "ipv6" (18 fields, 89 bytes). */
    @Param({"ipv4", "ipv6"})
    public String template;

    /** "heap" (ByteBuffer.wrap / allocate) or "direct" (ByteBuffer.allocateDirect), for datagrams and the encode buffer. */
    @Param({"heap", "direct"})
    public String buffer;

    private boolean ipv4;
    private Template tmpl;
    private int templateId;
    private int recordLength;
    private int records;

    @Setup
    public void setUp() throws UnknownHostException {
        BufferKind kind = BufferKind.of(buffer);
        ipv4 = switch (template) {
            case "ipv4" -> true;
            case "ipv6" -> false;
            default -> throw new IllegalArgumentException("template must be ipv4 or ipv6, not " + template);
        };
        tmpl = ipv4 ? Netflow9Traffic.ipv4Template() : Netflow9Traffic.ipv6Template();
        templateId = tmpl.id();
        recordLength = tmpl.recordLength();
        records = Netflow9Traffic.recordsPerPacket(tmpl);
        checkLayout(tmpl);

        exporter = BenchmarkSetup.exporter(2055);
        Netflow9Traffic traffic = new Netflow9Traffic(SEED);
        for (int p = 0; p < INPUTS; p++) {
            List<FlowRecord> list = traffic.records(tmpl, records, Netflow9Traffic.UPTIME_BASE + p * Netflow9Traffic.UPTIME_STEP);
            byte[] bytes = Netflow9Traffic.datagram(list, p, FIRST_SEQUENCE + p, SOURCE_ID);
            if (bytes.length > Netflow9Traffic.MAX_PACKET) {
                throw new IllegalStateException("datagram of " + bytes.length + " bytes");
            }
            input(p, kind, bytes, list, BenchmarkSetup.toBytes(list));
        }
        out = kind.allocate(Netflow9Traffic.MAX_PACKET);
        startMeasuring(kind);
        Netflow9Decoder d = decoder;
        Netflow9Encoder e = encoder;
        codecWork(d::decode, this::writeBaseline, e::encode);
    }

    // ---------------------------------------------------------------- decode

    @Benchmark
    public void baselineScan(Blackhole bh) {
        ByteBuffer b = datagrams[nextIndex()];
        int base = b.position();
        int limit = b.limit();
        if (limit - base < Netflow9.HEADER_LENGTH || (b.getShort(base) & 0xFFFF) != Netflow9.VERSION) {
            throw new IllegalStateException("not a v9 datagram");
        }
        bh.consume(b.getShort(base + 2) & 0xFFFF);  // count
        int id = templateId;
        int len = recordLength;
        boolean v4 = ipv4;
        long sum = 0;
        int n = 0;
        for (int pos = base + Netflow9.HEADER_LENGTH; pos < limit; ) {
            int setLength = b.getShort(pos + 2) & 0xFFFF;
            if (setLength < Netflow9.SET_HEADER_LENGTH || setLength > limit - pos) {
                throw new IllegalStateException("bad FlowSet length " + setLength);
            }
            if ((b.getShort(pos) & 0xFFFF) == id) {
                int count = (setLength - Netflow9.SET_HEADER_LENGTH) / len;
                int first = pos + Netflow9.SET_HEADER_LENGTH;
                sum += scan(b, first, count, v4);
                n += count;
            }
            pos += setLength;
        }
        bh.consume(n);
        bh.consume(sum);
    }

    @Benchmark
    public void decodeMaterialized(Blackhole bh) {
        Netflow9Packet packet = decoder.decode(datagrams[nextIndex()], exporter);
        bh.consume(packet);
        bh.consume(ipv4 ? sumIpv4(packet) : sumIpv6(packet));
    }

    // ---------------------------------------------------------------- encode

    // ---------------------------------------------------------------- helpers

    /** The encode baseline: header and FlowSet header with puts, each record's bytes copied, zero padding. */
    @Override
    int writeBaseline(ByteBuffer o, byte[][] recs) {
        int n = recs.length;
        int start = o.position();
        int unpadded = Netflow9.SET_HEADER_LENGTH + n * recordLength;
        int setLength = (unpadded + 3) & ~3;
        o.putShort((short) Netflow9.VERSION)
                .putShort((short) n)
                .putInt((int) ENCODER_UPTIME)
                .putInt((int) (EXPORT_MILLIS / 1000))
                .putInt((int) baselineSequence)
                .putInt((int) SOURCE_ID)
                .putShort((short) templateId)
                .putShort((short) setLength);
        for (byte[] record : recs) {
            o.put(record);
        }
        for (int i = unpadded; i < setLength; i++) {
            o.put((byte) 0);
        }
        baselineSequence = (baselineSequence + 1) & 0xFFFF_FFFFL;
        return o.position() - start;
    }

    /**
     * The baseline's field sum over {@code count} records from {@code first}: absolute gets at the template's
     * offsets (an IPv6 address read as two longs).
     */
    static long scan(ByteBuffer b, int first, int count, boolean v4) {
        long sum = 0;
        int length = v4 ? 45 : 89;
        for (int i = 0, off = first; i < count; i++, off += length) {
            sum += v4
                    ? FlowSums.ipv4At(b, off, V4_SRC_ADDR_AT, V4_DST_ADDR_AT, V4_SRC_PORT_AT, V4_DST_PORT_AT, V4_PROTOCOL_AT,
                            V4_PACKETS_AT, V4_OCTETS_AT)
                    : FlowSums.ipv6At(b, off, V6_SRC_ADDR_AT, V6_DST_ADDR_AT, V6_SRC_PORT_AT, V6_DST_PORT_AT, V6_PROTOCOL_AT,
                            V6_PACKETS_AT, V6_OCTETS_AT);
        }
        return sum;
    }

    /** The same fields from a zero-copy view. */
    static long sumIpv4(RecordView r) {
        return FlowSums.ipv4(r, V4_SRC_ADDR, V4_DST_ADDR, V4_SRC_PORT, V4_DST_PORT, V4_PROTOCOL, V4_PACKETS, V4_OCTETS);
    }

    static long sumIpv6(RecordView r) {
        return FlowSums.ipv6(r, V6_SRC_ADDR, V6_DST_ADDR, V6_SRC_PORT, V6_DST_PORT, V6_PROTOCOL, V6_PACKETS, V6_OCTETS);
    }

    /** The same fields from a materialized record. */
    static long sumIpv4(FlowRecord r) {
        return FlowSums.ipv4(r, V4_SRC_ADDR, V4_DST_ADDR, V4_SRC_PORT, V4_DST_PORT, V4_PROTOCOL, V4_PACKETS, V4_OCTETS);
    }

    static long sumIpv6(FlowRecord r) {
        return FlowSums.ipv6(r, V6_SRC_ADDR, V6_DST_ADDR, V6_SRC_PORT, V6_DST_PORT, V6_PROTOCOL, V6_PACKETS, V6_OCTETS);
    }

    static long sumIpv4(FlowPacket packet) {
        return FlowSums.records(packet.records(), (FlowRecord r) -> sumIpv4(r));
    }

    static long sumIpv6(FlowPacket packet) {
        return FlowSums.records(packet.records(), (FlowRecord r) -> sumIpv6(r));
    }

    /** Sums the fields of each record it is handed, of the IPv4 or the IPv6 template. */
    static class FieldsHandler extends SumHandler {
        final boolean v4;

        FieldsHandler(boolean v4) {
            this.v4 = v4;
        }

        @Override
        public void onRecord(ExportContext context, RecordView record) {
            sum += v4 ? sumIpv4(record) : sumIpv6(record);
        }
    }

    /**
     * Reads the same fields a data set at a time: {@link DataSetView#getLongs} (and, for an IPv6 address,
     * {@link DataSetView#readUnsigned} of each half) into a column per field, then sums the columns.
     */
    static final class ColumnHandler extends FieldsHandler {
        private static final int[] V4_FIELDS = {V4_SRC_ADDR, V4_DST_ADDR, V4_PACKETS, V4_OCTETS, V4_SRC_PORT, V4_DST_PORT, V4_PROTOCOL};
        private static final int[] V6_FIELDS = {V6_PACKETS, V6_OCTETS, V6_SRC_PORT, V6_DST_PORT, V6_PROTOCOL};
        private long[][] columns = new long[9][64];

        ColumnHandler(boolean v4) {
            super(v4);
        }

        @Override
        public void onDataSet(ExportContext context, DataSetView set) {
            int n = set.size();
            long[][] c = columns;
            if (c[0].length < n) {
                c = columns = new long[9][n];
            }
            long s = 0;
            if (v4) {
                for (int f = 0; f < V4_FIELDS.length; f++) {
                    set.getLongs(V4_FIELDS[f], c[f]);
                }
                for (int i = 0; i < n; i++) {
                    s += c[0][i] + c[1][i] + c[2][i] + c[3][i] + c[4][i] + c[5][i] + c[6][i];
                }
            } else {
                Template t = set.template();
                int src = t.fieldOffset(V6_SRC_ADDR);
                int dst = t.fieldOffset(V6_DST_ADDR);
                set.readUnsigned(src, 8, c[0]);
                set.readUnsigned(src + 8, 8, c[1]);
                set.readUnsigned(dst, 8, c[2]);
                set.readUnsigned(dst + 8, 8, c[3]);
                for (int f = 0; f < V6_FIELDS.length; f++) {
                    set.getLongs(V6_FIELDS[f], c[4 + f]);
                }
                for (int i = 0; i < n; i++) {
                    s += c[0][i] + c[1][i] + c[2][i] + c[3][i] + c[4][i] + c[5][i] + c[6][i] + c[7][i] + c[8][i];
                }
            }
            sum += s;
        }
    }

    @Override
    SumHandler newHandler() {
        return new FieldsHandler(ipv4);
    }

    @Override
    SumHandler newColumnHandler() {
        return new ColumnHandler(ipv4);
    }

    @Override
    Netflow9Decoder newDecoder() {
        Netflow9Decoder d = new Netflow9Decoder();
        ByteBuffer templates = ByteBuffer.wrap(Netflow9Traffic.templatePacket(tmpl, SOURCE_ID));
        Netflow9Packet p = d.decode(templates, exporter);
        if (p.templates().size() != 1 || !p.records().isEmpty()) {
            throw new IllegalStateException("the template datagram decoded to " + p);
        }
        Template stored = d.templateStore().templates(d.templateStore().scopes().get(0)).get(0);
        if (stored.recordLength() != recordLength || stored.fieldCount() != tmpl.fieldCount()) {
            throw new IllegalStateException("stored template " + stored + " differs from " + tmpl);
        }
        return d;
    }

    @Override
    Netflow9Encoder newEncoder() {
        return Netflow9Encoder.builder()
                .sourceId(SOURCE_ID)
                .maxDatagramSize(Netflow9Traffic.MAX_PACKET)
                .templateRefreshDatagrams(0)
                .templateRefreshInterval(Duration.ZERO)
                .clock(() -> EXPORT_MILLIS)
                .bootTimeMillis(EXPORT_MILLIS - ENCODER_UPTIME)
                .firstSequence(FIRST_SEQUENCE)
                .build();
    }


    /** The hand-written offsets and the summed indexes must be the template's. */
    private void checkLayout(Template t) {
        int[][] fields = ipv4
                ? new int[][] {{V4_OCTETS, V4_OCTETS_AT}, {V4_PACKETS, V4_PACKETS_AT}, {V4_PROTOCOL, V4_PROTOCOL_AT},
                    {V4_SRC_PORT, V4_SRC_PORT_AT}, {V4_SRC_ADDR, V4_SRC_ADDR_AT}, {V4_DST_PORT, V4_DST_PORT_AT},
                    {V4_DST_ADDR, V4_DST_ADDR_AT}}
                : new int[][] {{V6_SRC_ADDR, V6_SRC_ADDR_AT}, {V6_DST_ADDR, V6_DST_ADDR_AT}, {V6_PACKETS, V6_PACKETS_AT},
                    {V6_OCTETS, V6_OCTETS_AT}, {V6_SRC_PORT, V6_SRC_PORT_AT}, {V6_DST_PORT, V6_DST_PORT_AT},
                    {V6_PROTOCOL, V6_PROTOCOL_AT}};
        String[] names = ipv4
                ? new String[] {"octetDeltaCount", "packetDeltaCount", "protocolIdentifier", "sourceTransportPort",
                    "sourceIPv4Address", "destinationTransportPort", "destinationIPv4Address"}
                : new String[] {"sourceIPv6Address", "destinationIPv6Address", "packetDeltaCount", "octetDeltaCount",
                    "sourceTransportPort", "destinationTransportPort", "protocolIdentifier"};
        BenchmarkSetup.checkFields(t, fields, names);
        if (t.fieldCount() != 18 || t.recordLength() != (ipv4 ? 45 : 89)) {
            throw new IllegalStateException("unexpected template " + t);
        }
    }

    /** Its template known, no restart, nothing skipped. */
    @Override
    void checkSteadyState(DecoderCounters c) {
        if (c.restarts() != 0 || c.missingTemplateSets() != 0 || c.repaired() != 0 || c.extra("countMismatches") != 0) {
            throw new IllegalStateException("the decoder left the steady state: " + c);
        }
    }

    @Override
    long baselineSum(ByteBuffer b, int index) {
        return scan(b, b.position() + Netflow9.HEADER_LENGTH + Netflow9.SET_HEADER_LENGTH, records, ipv4);
    }

    @Override
    long materializedSum(FlowPacket packet) {
        return ipv4 ? sumIpv4(packet) : sumIpv6(packet);
    }

    /** The header fields the encoder sets itself: uptime, time, sequence. */
    @Override
    void encoderHeader(ByteBuffer header, long sequence) {
        header.putInt(4, (int) ENCODER_UPTIME).putInt(8, (int) (EXPORT_MILLIS / 1000)).putInt(12, (int) sequence);
    }
}
