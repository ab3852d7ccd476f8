package io.github.flowcodec.bench;

import static io.github.flowcodec.bench.IpfixLayout.AFTER_APP;
import static io.github.flowcodec.bench.IpfixLayout.APP_NAME_AT;
import static io.github.flowcodec.bench.IpfixLayout.DST_ADDR_AT;
import static io.github.flowcodec.bench.IpfixLayout.DST_PORT_AT;
import static io.github.flowcodec.bench.IpfixLayout.FIXED;
import static io.github.flowcodec.bench.IpfixLayout.FIXED_LENGTH;
import static io.github.flowcodec.bench.IpfixLayout.FLOW_END_AT;
import static io.github.flowcodec.bench.IpfixLayout.LABELS_AT;
import static io.github.flowcodec.bench.IpfixLayout.LABEL_LENGTH;
import static io.github.flowcodec.bench.IpfixLayout.OCTETS_AT;
import static io.github.flowcodec.bench.IpfixLayout.PACKETS_AT;
import static io.github.flowcodec.bench.IpfixLayout.PROTOCOL_AT;
import static io.github.flowcodec.bench.IpfixLayout.SRC_ADDR_AT;
import static io.github.flowcodec.bench.IpfixLayout.SRC_PORT_AT;
import static io.github.flowcodec.bench.IpfixLayout.STL;
import static io.github.flowcodec.bench.IpfixLayout.STRINGS;
import static io.github.flowcodec.bench.IpfixRecordSums.sumCommon;
import static io.github.flowcodec.bench.IpfixRecordSums.sumStl;
import static io.github.flowcodec.bench.IpfixRecordSums.sumStrings;

import io.github.flowcodec.bench.IpfixRecordSums.ColumnHandler;
import io.github.flowcodec.bench.IpfixRecordSums.FixedHandler;
import io.github.flowcodec.bench.IpfixRecordSums.StlHandler;
import io.github.flowcodec.bench.IpfixRecordSums.StringsHandler;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.Ipfix;
import io.github.flowcodec.ipfix.IpfixContext;
import io.github.flowcodec.ipfix.IpfixDecoder;
import io.github.flowcodec.ipfix.IpfixEncoder;
import io.github.flowcodec.ipfix.IpfixMessage;
import io.github.flowcodec.ipfix.SubTemplateListView;
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
 * IPFIX decode and encode, one full message per operation, against hand-written {@link ByteBuffer} code
 * doing the same work, for three templates ({@code -p template=fixed,strings,stl}, see {@link IpfixTraffic}):
 *
 * <ul>
 *   <li>{@code fixed}: an 18-field IPv4 template (53-byte records), 26 records in a 1398-byte message;
 *   <li>{@code strings}: the same plus applicationName (in the middle) and interfaceName (last), variable-length
 *       strings in the 1-byte length form: 63-94 bytes a record, 17 or 18 records a message;
 *   <li>{@code stl}: the same 18 fields plus a subTemplateList of the MPLS label stack (1-3 records of a
 *       3-byte template): 60-66 bytes a record, 21 or 22 records a message.
 * </ul>
 *
 * <p>The messages are what an exporter sends between template refreshes: one exporter and observation
 * domain, a header and one data set, no template. The templates came in a template-only message that the
 * setup decodes first, so the decoder's store knows them.
 *
 * <ul>
 *   <li>{@link #baselineScan}: checks the version and the message length, walks the sets by their lengths
 *       and, in the data set of the known template, reads source and destination address, ports, protocol,
 *       packets, octets and flowEndMilliseconds of every record with absolute gets at the template's offsets;
 *       for {@code strings} it walks each record's variable-length fields by their length prefixes and reads
 *       each string's length and first byte; for {@code stl} it walks the list (semantic, template id, 3-byte
 *       entries) and reads every entry. The reference for both decode benchmarks.
 *   <li>{@link #decodeZeroCopy}: {@link IpfixDecoder#decode(ByteBuffer, InetSocketAddress, FlowRecordHandler)}
 *       with a handler reading the same values from the {@link RecordView}: the strings through the view's
 *       field offsets and lengths (nothing allocated), the list through one reused {@link SubTemplateListView}
 *       with the {@link IpfixContext} as template lookup.
 *   <li>{@link #decodeMaterialized}: {@link IpfixDecoder#decode(ByteBuffer, InetSocketAddress)} into an
 *       {@link IpfixMessage}, then the same values from each {@link FlowRecord} (the list through a reused
 *       view, the message as lookup).
 *   <li>{@link #baselineWrite}: header and set header with puts, each record's bytes copied from a
 *       {@code byte[]} (no set padding, as the encoder writes none): exactly the bytes {@link #encode} writes.
 *       The reference for encode.
 *   <li>{@link #encode}: {@link IpfixEncoder#encode(List, int, ByteBuffer)} of one message's prebuilt records
 *       into a reused buffer (the template was sent before measuring; refreshes are off, so every measured
 *       message is data only, like the decoded ones).
 * </ul>
 *
 * <p>Each operation takes the next of {@value #INPUTS} different messages (or record lists), so branch
 * predictors cannot learn one message. IPFIX sequence numbers count data records, and a rotation of 16
 * messages cannot be in order with itself, so each decode operation (the baseline's too) first writes the
 * next in-order sequence number into the message's header: the decoder measured is an exporter's steady
 * state, not a stream of late messages. The setup checks that the three decode paths compute the same sums
 * over the same records and that the encode baseline writes the encoder's bytes; the teardown checks that
 * the decoder saw no missing template, loss, late message, reset or problem.
 *
 * <p>{@code -p buffer=heap} or {@code -p buffer=direct} runs only on heap or direct buffers.
 */
public class IpfixBenchmark extends TemplatedCodecBenchmark<IpfixDecoder, IpfixEncoder> {

    static final long SEED = 0x5EED_F10FL;
    static final long DOMAIN = 0x0000_0100L;
    static final long FIRST_SEQUENCE = 1_000L;

    /** "fixed" (18 fields, 53 bytes), "strings" (20 fields, two variable-length strings) or "stl" (19 fields, a subTemplateList). */
    @Param({"fixed", "strings", "stl"})
    public String template;

    /** "heap" (ByteBuffer.wrap / allocate) or "direct" (ByteBuffer.allocateDirect), for messages and the encode buffer. */
    @Param({"heap", "direct"})
    public String buffer;

    private int kind;
    private Template tmpl;
    private Template[] templates;
    private int templateId;
    private int[] recordCounts;
    private SubTemplateListView materializedList;
    private long decodeSequence;
    private int scanned;

    @Setup
    public void setUp() throws UnknownHostException {
        BufferKind bufferKind = BufferKind.of(buffer);
        kind = switch (template) {
            case "fixed" -> FIXED;
            case "strings" -> STRINGS;
            case "stl" -> STL;
            default -> throw new IllegalArgumentException("template must be fixed, strings or stl, not " + template);
        };
        tmpl = kind == FIXED ? IpfixTraffic.fixedTemplate() : kind == STRINGS ? IpfixTraffic.stringsTemplate() : IpfixTraffic.stlTemplate();
        templates = IpfixTraffic.templatesOf(tmpl);
        templateId = tmpl.id();
        IpfixLayout.check(tmpl, kind);

        exporter = BenchmarkSetup.exporter(4739);
        IpfixTraffic traffic = new IpfixTraffic(SEED);
        recordCounts = new int[INPUTS];
        for (int p = 0; p < INPUTS; p++) {
            long exportMillis = IpfixTraffic.EXPORT_MILLIS_BASE + p * IpfixTraffic.EXPORT_STEP;
            List<FlowRecord> list = traffic.records(tmpl, exportMillis);
            byte[] bytes = IpfixTraffic.message(list, exportMillis, FIRST_SEQUENCE, DOMAIN);
            if (bytes.length > IpfixTraffic.MAX_MESSAGE || list.isEmpty()) {
                throw new IllegalStateException("message of " + bytes.length + " bytes, " + list.size() + " records");
            }
            if (kind == FIXED && list.size() != 26) {
                throw new IllegalStateException(list.size() + " fixed-length records in a message, not 26");
            }
            input(p, bufferKind, bytes, list, BenchmarkSetup.toBytes(list));
            recordCounts[p] = list.size();
        }
        out = bufferKind.allocate(IpfixTraffic.MAX_MESSAGE);
        materializedList = new SubTemplateListView();
        startMeasuring(bufferKind);
        IpfixDecoder d = decoder;
        IpfixEncoder e = encoder;
        codecWork(d::decode, this::writeBaseline, e::encode);
    }

    // ---------------------------------------------------------------- decode

    @Benchmark
    public void baselineScan(Blackhole bh) {
        ByteBuffer b = nextMessage();
        int base = b.position();
        int available = b.limit() - base;
        if (available < Ipfix.HEADER_LENGTH || (b.getShort(base) & 0xFFFF) != Ipfix.VERSION) {
            throw new IllegalStateException("not an IPFIX message");
        }
        int length = b.getShort(base + 2) & 0xFFFF;
        if (length < Ipfix.HEADER_LENGTH || length > available) {
            throw new IllegalStateException("bad message length " + length);
        }
        bh.consume(b.getInt(base + 8));  // sequence
        int end = base + length;
        int id = templateId;
        long sum = 0;
        int n = 0;
        for (int pos = base + Ipfix.HEADER_LENGTH; pos < end; ) {
            int setLength = b.getShort(pos + 2) & 0xFFFF;
            if (setLength < Ipfix.SET_HEADER_LENGTH || setLength > end - pos) {
                throw new IllegalStateException("bad set length " + setLength);
            }
            if ((b.getShort(pos) & 0xFFFF) == id) {
                int first = pos + Ipfix.SET_HEADER_LENGTH;
                int setEnd = pos + setLength;
                sum += kind == FIXED ? scanFixed(b, first, (setEnd - first) / FIXED_LENGTH) : scanVariable(b, first, setEnd);
                n += scanned;
            }
            pos += setLength;
        }
        bh.consume(n);
        bh.consume(sum);
    }

    @Benchmark
    public void decodeMaterialized(Blackhole bh) {
        IpfixMessage message = decoder.decode(nextMessage(), exporter);
        bh.consume(message);
        bh.consume(sumMaterialized(message, materializedList));
    }

    // ---------------------------------------------------------------- encode

    // ---------------------------------------------------------------- helpers

    /** The encode baseline: set header room, each record's bytes copied, then the set and message headers with puts. */
    @Override
    int writeBaseline(ByteBuffer o, byte[][] recs) {
        int start = o.position();
        int set = start + Ipfix.HEADER_LENGTH;
        o.position(set + Ipfix.SET_HEADER_LENGTH);
        for (byte[] record : recs) {
            o.put(record);
        }
        int end = o.position();
        o.putShort(set, (short) templateId)
                .putShort(set + 2, (short) (end - set))
                .putShort(start, (short) Ipfix.VERSION)
                .putShort(start + 2, (short) (end - start))
                .putInt(start + 4, (int) (EXPORT_MILLIS / 1000))
                .putInt(start + 8, (int) baselineSequence)
                .putInt(start + 12, (int) DOMAIN);
        baselineSequence = (baselineSequence + recs.length) & 0xFFFF_FFFFL;
        return end - start;
    }

    /** The next message, its header carrying the next in-order sequence number (data records before it). */
    private ByteBuffer nextMessage() {
        int i = nextIndex();
        ByteBuffer b = datagrams[i];
        b.putInt(b.position() + 8, (int) decodeSequence);
        decodeSequence += recordCounts[i];
        return b;
    }

    /** The baseline's sum over {@code count} fixed-length records from {@code first}: absolute gets at the template's offsets. */
    long scanFixed(ByteBuffer b, int first, int count) {
        long sum = 0;
        for (int i = 0, off = first; i < count; i++, off += FIXED_LENGTH) {
            sum += scanCommon(b, off);
        }
        scanned = count;
        return sum;
    }

    /** The eight fields the three templates share, at a record starting at {@code off}. */
    static long scanCommon(ByteBuffer b, int off) {
        return FlowSums.ipv4At(b, off, SRC_ADDR_AT, DST_ADDR_AT, SRC_PORT_AT, DST_PORT_AT, PROTOCOL_AT, PACKETS_AT, OCTETS_AT)
                + b.getLong(off + FLOW_END_AT);
    }

    /**
     * The baseline for the records of the variable-length templates, from {@code first} to {@code end}: the shared
     * fields at their fixed offsets, then, for {@code strings}, each string found by walking the length prefixes
     * (1-byte form, or 255 and a 2-byte length), its length and first byte read; for {@code stl}, the list
     * (length prefix, semantic, template id checked) and every 3-byte entry, the sum counting the entries too.
     */
    long scanVariable(ByteBuffer b, int first, int end) {
        boolean strings = kind == STRINGS;
        long sum = 0;
        int n = 0;
        int off = first;
        while (off < end) {
            long s = scanCommon(b, off);
            int p;
            if (strings) {
                p = off + APP_NAME_AT;
                s += scanString(b, p);
                p = contentAt(b, p) + contentLength(b, p) + AFTER_APP;
                s += scanString(b, p);
                p = contentAt(b, p) + contentLength(b, p);
            } else {
                int len = contentLength(b, off + LABELS_AT);
                int list = contentAt(b, off + LABELS_AT);
                p = list + len;
                if (len < 3 || p > end || (b.getShort(list + 1) & 0xFFFF) != IpfixTraffic.LABEL_TEMPLATE_ID
                        || (len - 3) % LABEL_LENGTH != 0) {
                    throw new IllegalStateException("not a label stack list");
                }
                int entries = 0;
                for (int q = list + 3; q < p; q += LABEL_LENGTH) {
                    s += ((b.getShort(q) & 0xFFFFL) << 8) | (b.get(q + 2) & 0xFF);
                    entries++;
                }
                s += entries;
            }
            if (p > end) {
                throw new IllegalStateException("a record runs past its set");
            }
            sum += s;
            n++;
            off = p;
        }
        scanned = n;
        return sum;
    }

    /** The length of the variable-length field whose prefix is at {@code p}: its 1-byte form, or 255 and 2 bytes. */
    static int contentLength(ByteBuffer b, int p) {
        int len = b.get(p) & 0xFF;
        return len == 255 ? b.getShort(p + 1) & 0xFFFF : len;
    }

    /** Where the content of the variable-length field whose prefix is at {@code p} starts. */
    static int contentAt(ByteBuffer b, int p) {
        return p + ((b.get(p) & 0xFF) == 255 ? 3 : 1);
    }

    /** A string's length and first byte, its length prefix at {@code p}. */
    static long scanString(ByteBuffer b, int p) {
        int len = contentLength(b, p);
        return len + (len > 0 ? b.get(contentAt(b, p)) & 0xFF : 0);
    }

    long sumMaterialized(IpfixMessage message, SubTemplateListView list) {
        List<FlowRecord> records = message.records();
        long sum = 0;
        int n = records.size();
        switch (kind) {
            case FIXED -> {
                for (int i = 0; i < n; i++) {
                    sum += sumCommon(records.get(i));
                }
            }
            case STRINGS -> {
                for (int i = 0; i < n; i++) {
                    sum += sumStrings(records.get(i));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    sum += sumStl(records.get(i), list, message);
                }
            }
        }
        return sum;
    }

    @Override
    SumHandler newHandler() {
        return switch (kind) {
            case FIXED -> new FixedHandler();
            case STRINGS -> new StringsHandler();
            default -> new StlHandler();
        };
    }

    @Override
    SumHandler newColumnHandler() {
        return new ColumnHandler(newHandler());
    }

    /**
     * A strict decoder (its own template store) that has decoded the exporter's template-only message; the
     * sequence numbers {@link #nextMessage} writes start again where it expects them.
     */
    @Override
    IpfixDecoder newDecoder() {
        decodeSequence = FIRST_SEQUENCE;
        IpfixDecoder d = new IpfixDecoder();
        ByteBuffer t = ByteBuffer.wrap(IpfixTraffic.templateMessage(templates, IpfixTraffic.EXPORT_MILLIS_BASE - 1_000,
                FIRST_SEQUENCE, DOMAIN));
        IpfixMessage m = d.decode(t, exporter);
        if (m.templates().size() != templates.length || !m.records().isEmpty()) {
            throw new IllegalStateException("the template message decoded to " + m);
        }
        Template stored = d.templateStore().templates(d.templateStore().scopes().get(0)).stream()
                .filter(x -> x.id() == templateId).findFirst().orElseThrow();
        if (!stored.equals(tmpl) || stored.minimumRecordLength() != tmpl.minimumRecordLength()) {
            throw new IllegalStateException("stored template " + stored + " differs from " + tmpl);
        }
        return d;
    }

    @Override
    IpfixEncoder newEncoder() {
        return IpfixEncoder.builder()
                .observationDomainId(DOMAIN)
                .maxDatagramSize(IpfixTraffic.MAX_MESSAGE)
                .templateRefreshDatagrams(0)
                .templateRefreshInterval(Duration.ZERO)
                .clock(() -> EXPORT_MILLIS)
                .firstSequence(FIRST_SEQUENCE)
                .build();
    }


    /** Its templates known, every message in order, nothing skipped. */
    @Override
    void checkSteadyState(DecoderCounters c) {
        if (c.missingTemplateSets() != 0 || c.repaired() != 0 || c.extra("templateRedefinitions") != 0 || c.lostSequenceNumbers() != 0
                || c.extra("lateMessages") != 0 || c.extra("sequenceResets") != 0 || c.extra("sequenceCountsCurrent") != 0 || c.extra("trailingBytes") != 0
                || c.extra("setPadding") != 0 || c.extra("releasedRecords") != 0 || c.optionsRecords() != 0) {
            throw new IllegalStateException("the decoder left the steady state: " + c);
        }
    }

    @Override
    long baselineSum(ByteBuffer b, int index) {
        int position = b.position();
        int first = position + Ipfix.HEADER_LENGTH + Ipfix.SET_HEADER_LENGTH;
        int end = position + (b.getShort(position + 2) & 0xFFFF);
        long sum = kind == FIXED ? scanFixed(b, first, (end - first) / FIXED_LENGTH) : scanVariable(b, first, end);
        if (scanned != recordCounts[index]) {
            throw new IllegalStateException("message " + index + ": " + recordCounts[index] + " records, baseline " + scanned);
        }
        return sum;
    }

    @Override
    long materializedSum(FlowPacket packet) {
        return sumMaterialized((IpfixMessage) packet, materializedList);
    }

    @Override
    long nextSequence() {
        return decodeSequence;
    }

    /** The message's header must carry the sequence number stamped into it. */
    @Override
    void checkHeader(int index, FlowPacket packet, long sequence) {
        IpfixMessage message = (IpfixMessage) packet;
        if (message.sequenceNumber() != (sequence & 0xFFFF_FFFFL)) {
            throw new IllegalStateException("message " + index + ": decoded sequence " + message.sequenceNumber());
        }
    }

    /** The header fields the encoder sets itself: export time, sequence. */
    @Override
    void encoderHeader(ByteBuffer header, long sequence) {
        header.putInt(4, (int) (EXPORT_MILLIS / 1000)).putInt(8, (int) sequence);
    }

    @Override
    ByteBuffer nextDatagram() {
        return nextMessage();
    }
}
