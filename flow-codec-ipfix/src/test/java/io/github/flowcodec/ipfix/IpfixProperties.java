package io.github.flowcodec.ipfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.internal.IpfixWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Round trips both ways, structured data read back, and robustness against arbitrary and mutated bytes, over
 * generated templates and records ({@link IpfixArbitraries}).
 */
class IpfixProperties {

    static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.10", 4739);

    /** Every record, data and options, in the order the decoder hands them over, with each message's sequence number. */
    static final class InOrder implements FlowRecordHandler<ExportContext> {
        final List<FlowRecord> all = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();

        @Override
        public void onRecord(ExportContext ctx, RecordView record) {
            all.add(record.toRecord());
            sequences.add(ctx.sequenceNumber());
        }

        @Override
        public void onOptionsRecord(ExportContext ctx, RecordView record) {
            onRecord(ctx, record);
        }
    }

    @Provide
    Arbitrary<List<FlowRecord>> recordLists() {
        return IpfixArbitraries.recordLists(60);
    }

    private static IpfixEncoder encoder(int maxMessageSize, int refresh, long firstSequence) {
        return IpfixEncoder.builder().observationDomainId(77).maxDatagramSize(maxMessageSize).templateRefreshDatagrams(refresh)
                .templateRefreshInterval(Duration.ZERO).clock(() -> 1_700_000_000_123L).firstSequence(firstSequence).build();
    }

    @Property(tries = 300)
    void decodeOfEncodeGivesTheRecordsBack(@ForAll("recordLists") List<FlowRecord> records,
                                           @ForAll @IntRange(min = 200, max = 6000) int maxMessageSize,
                                           @ForAll @IntRange(min = 0, max = 4) int refresh,
                                           @ForAll @IntRange(min = 0, max = 100_000) int firstSequence) {
        List<ByteBuffer> messages;
        try {
            messages = encoder(maxMessageSize, refresh, firstSequence).encode(records);
        } catch (EncodingException e) {
            assertThat(records).anySatisfy(r -> assertThat(Ipfix.HEADER_LENGTH + 4 + IpfixWriter.templateRecordLength(r.template())
                    + 4 + r.length()).isGreaterThan(maxMessageSize));
            return;
        }
        IpfixDecoder decoder = new IpfixDecoder();
        InOrder got = new InOrder();
        for (ByteBuffer m : messages) {
            assertThat(m.remaining()).isLessThanOrEqualTo(maxMessageSize);
            decoder.decode(m.duplicate(), EXPORTER, got);
        }
        assertThat(got.all).isEqualTo(records);
        for (int i = 0; i < got.all.size(); i++) {
            // the header counts the records sent before its message: record i's message began at most at record i
            assertThat(got.sequences.get(i)).isBetween((long) firstSequence, (long) firstSequence + i);
        }
        assertThat(decoder.counters().lostSequenceNumbers()).isZero();
        assertThat(decoder.counters().extra("sequenceResets")).isZero();
        assertThat(decoder.counters().missingTemplateSets()).isZero();
    }

    @Property(tries = 200)
    void encodeOfDecodeGivesTheBytesBack(@ForAll("recordLists") List<FlowRecord> records,
                                         @ForAll @IntRange(min = 300, max = 3000) int maxMessageSize,
                                         @ForAll @IntRange(min = 0, max = 3) int refresh) {
        List<ByteBuffer> messages;
        try {
            messages = encoder(maxMessageSize, refresh, 5).encode(records);
        } catch (EncodingException e) {
            return;
        }
        IpfixDecoder decoder = new IpfixDecoder();
        InOrder got = new InOrder();
        for (ByteBuffer m : messages) {
            decoder.decode(m.duplicate(), EXPORTER, got);
        }
        List<ByteBuffer> again = encoder(maxMessageSize, refresh, 5).encode(got.all);
        assertThat(again).isEqualTo(messages);
        // the materialized path holds the same records
        IpfixDecoder materialized = new IpfixDecoder();
        List<FlowRecord> data = new ArrayList<>();
        for (ByteBuffer m : messages) {
            data.addAll(materialized.decode(m.duplicate(), EXPORTER).records());
        }
        assertThat(data).isEqualTo(got.all.stream().filter(r -> !r.template().isOptions()).toList());
    }

    @Property(tries = 150)
    void theStreamDecoderFramesMessagesWhateverTheReadSizes(@ForAll("recordLists") List<FlowRecord> records,
                                                           @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 700) Integer> reads) {
        List<ByteBuffer> messages;
        try {
            messages = encoder(1500, 0, 0).encode(records);
        } catch (EncodingException e) {
            return;
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (ByteBuffer m : messages) {
            byte[] b = new byte[m.remaining()];
            m.duplicate().get(b);
            all.writeBytes(b);
        }
        byte[] stream = all.toByteArray();
        IpfixStreamDecoder decoder = new IpfixStreamDecoder(new IpfixDecoder(), EXPORTER);
        InOrder got = new InOrder();
        int pos = 0;
        for (int i = 0; pos < stream.length; i++) {
            int n = Math.min(reads.get(i % reads.size()), stream.length - pos);
            decoder.feed(ByteBuffer.wrap(stream, pos, n), got);
            pos += n;
        }
        assertThat(got.all).isEqualTo(records);
        assertThat(decoder.messages()).isEqualTo(messages.size());
        assertThat(decoder.buffered()).isZero();
    }

    @Provide
    Arbitrary<Tuple.Tuple2<List<Template>, List<FlowRecord>>> nested() {
        return net.jqwik.api.Arbitraries.integers().between(1, 3).flatMap(depth -> IpfixArbitraries.nested(400, depth));
    }

    @Property(tries = 150)
    void structuredDataComesBackWalkableWithoutCopying(@ForAll("nested") Tuple.Tuple2<List<Template>, List<FlowRecord>> x) {
        IpfixMessageBuilder b = IpfixMessageBuilder.create();
        for (Template t : x.get1()) {
            b.templates(t);
        }
        int size = Ipfix.HEADER_LENGTH + 4 + x.get2().stream().mapToInt(FlowRecord::length).sum()
                + x.get1().stream().mapToInt(t -> 4 + IpfixWriter.templateRecordLength(t)).sum();
        net.jqwik.api.Assume.that(size <= Ipfix.MAX_MESSAGE_LENGTH); // one message holds them all
        ByteBuffer message = b.data(x.get2().toArray(new FlowRecord[0])).toBuffer();
        IpfixDecoder decoder = new IpfixDecoder();
        List<Object[]> seen = new ArrayList<>();
        decoder.decode(message.duplicate(), EXPORTER, (ctx, r) -> {
            IpfixContext c = (IpfixContext) ctx;
            int n = r.fieldCount();
            BasicListView basic = new BasicListView().wrap(r, n - 3, IpfixArbitraries.STD);
            SubTemplateListView list = new SubTemplateListView().wrap(r, n - 2, c);
            SubTemplateMultiListView multi = new SubTemplateMultiListView().wrap(r, n - 1, c);
            seen.add(new Object[] {basic.toList(), list.toList(), multi.toList(), r.toRecord()});
        });
        assertThat(seen).hasSize(x.get2().size());
        IpfixMessage materialized = new IpfixDecoder().decode(message.duplicate(), EXPORTER);
        for (int i = 0; i < seen.size(); i++) {
            FlowRecord original = x.get2().get(i);
            int n = original.fieldCount();
            assertThat(seen.get(i)[3]).isEqualTo(original);
            assertThat(((StructuredValue) seen.get(i)[0]).toBytes()).isEqualTo(original.getBytes(n - 3));
            assertThat(((StructuredValue) seen.get(i)[1]).toBytes()).isEqualTo(original.getBytes(n - 2));
            assertThat(((StructuredValue) seen.get(i)[2]).toBytes()).isEqualTo(original.getBytes(n - 1));
            FlowRecord m = materialized.records().get(i);
            for (int k = n - 3; k < n; k++) {
                assertThat(StructuredValue.read(m, k, materialized, IpfixArbitraries.STD)).isEqualTo(seen.get(i)[k - n + 3]);
            }
        }
    }

    // ------------------------------------------------------------------------------------ hostile input

    private static void decodeBoth(byte[] bytes) {
        for (DecodeMode mode : DecodeMode.values()) {
            IpfixDecoder d = new IpfixDecoder(DecoderOptions.builder().mode(mode).build());
            try {
                d.decode(ByteBuffer.wrap(bytes), EXPORTER);
            } catch (FlowCodecException e) {
                assertThat(e.offset()).isBetween(-1L, (long) bytes.length);
            }
            try {
                d.decode(ByteBuffer.wrap(bytes), EXPORTER, (ctx, r) -> r.toRecord());
            } catch (FlowCodecException e) {
                assertThat(e.offset()).isBetween(-1L, (long) bytes.length);
            }
        }
    }

    @Property(tries = 2000)
    void arbitraryBytesGiveAResultOrAFlowCodecException(@ForAll @Size(max = 300) byte[] bytes, @ForAll boolean validHeader) {
        if (validHeader && bytes.length >= 4) {
            bytes[0] = 0;
            bytes[1] = 10;
            bytes[2] = (byte) (bytes.length >>> 8);
            bytes[3] = (byte) bytes.length;
        }
        byte[] b = bytes;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decodeBoth(b));
    }

    @Provide
    Arbitrary<byte[]> validMessages() {
        return IpfixArbitraries.templateSets().flatMap(ts -> IpfixArbitraries.recordsOf(ts, 6).map(rs -> {
            IpfixMessageBuilder b = IpfixMessageBuilder.create();
            for (Template t : ts) {
                b.templates(t);
            }
            for (FlowRecord r : rs) {
                b.data(r);
            }
            try {
                return b.toBytes();
            } catch (IllegalArgumentException tooLong) {
                return IpfixMessageBuilder.create().templates(ts.get(0)).toBytes();
            }
        }));
    }

    /**
     * A set-at-a-time handler sees the records and sampling rates the materialized path sees: each set is
     * read back through {@link DataSetView#record} and a column of its first field through
     * {@link DataSetView#getLongs} or {@link DataSetView#readUnsigned} agrees with the records.
     */
    @Property(tries = 250)
    void setAtATimeHandlersSeeTheSameRecords(@ForAll("validMessages") byte[] packet) {
        List<FlowRecord> viaSets = new ArrayList<>();
        List<Long> rates = new ArrayList<>();
        int n = new IpfixDecoder().decode(ByteBuffer.wrap(packet), EXPORTER, new FlowRecordHandler<ExportContext>() {
            @Override
            public void onDataSet(ExportContext ctx, DataSetView set) {
                Template t = set.template();
                long[] column = new long[set.size()];
                int len = t.fieldLength(0);
                if (len <= 8) {
                    set.getLongs(0, column);
                } else {
                    set.readUnsigned(0, 8, column);
                }
                for (int i = 0; i < set.size(); i++) {
                    RecordView r = set.record(i);
                    assertThat(column[i]).isEqualTo(len <= 8 ? r.getLong(0) : r.readUnsigned(0, 8));
                    viaSets.add(r.toRecord());
                    rates.add(ctx.samplingRate());
                }
            }

            @Override
            public void onRecord(ExportContext ctx, RecordView record) {
                viaSets.add(record.toRecord());
                rates.add(ctx.samplingRate());
            }
        });
        assertThat(n).isEqualTo(viaSets.size());
        IpfixMessage p = new IpfixDecoder().decode(ByteBuffer.wrap(packet), EXPORTER);
        assertThat(viaSets).isEqualTo(p.records());
        for (int i = 0; i < rates.size(); i++) {
            assertThat(p.samplingRate(i)).isEqualTo(rates.get(i));
        }
    }

    /** Decoded and encoded again as decoded, a message gives back its bytes. */
    @Property(tries = 300)
    void encodeAsDecodedGivesTheBytesBack(@ForAll("validMessages") byte[] message) {
        IpfixMessage m = new IpfixDecoder().decode(ByteBuffer.wrap(message), EXPORTER);
        assertThat(IpfixEncoder.encodeAsDecoded(m)).isEqualTo(message);
    }

    /**
     * Whatever a lenient decoder makes of a mutated message (its templates known from an earlier one or not),
     * encoding it again as decoded gives the same bytes, except where a field specifier sets the enterprise bit
     * with enterprise number 0: that names an IANA element, which is written without the bit.
     */
    @Property(tries = 1000)
    void aMutatedMessageEncodesAsDecodedToItsBytes(@ForAll("validMessages") byte[] message,
                                                   @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 65535) Integer> positions,
                                                   @ForAll @Size(min = 8, max = 8) byte[] values,
                                                   @ForAll @IntRange(min = 0, max = 100) int cut, @ForAll boolean templatesFirst) {
        byte[] m = message.clone();
        for (int i = 0; i < positions.size(); i++) {
            m[positions.get(i) % m.length] = values[i];
        }
        if (cut < 20) {
            m = java.util.Arrays.copyOf(m, m.length * cut / 20);
        }
        IpfixDecoder d = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        if (templatesFirst) {
            d.decode(ByteBuffer.wrap(message), EXPORTER);
        }
        IpfixMessage decoded;
        try {
            decoded = d.decode(ByteBuffer.wrap(m), EXPORTER);
        } catch (FlowCodecException e) {
            return; // not an IPFIX message at all (header cut, version or length changed)
        }
        byte[] again = IpfixEncoder.encodeAsDecoded(decoded);
        if (!java.util.Arrays.equals(again, m)) {
            assertThat(namesEnterpriseZero(m)).as("only a specifier with the enterprise bit and enterprise number 0 "
                    + "re-encodes differently").isTrue();
        }
    }

    /** Whether a template record of the message has a field specifier with the enterprise bit and enterprise number 0. */
    private static boolean namesEnterpriseZero(byte[] message) {
        ByteBuffer b = ByteBuffer.wrap(message);
        int end = Math.min(message.length, b.getShort(2) & 0xFFFF);
        for (int set = Ipfix.HEADER_LENGTH; set + 4 <= end; ) {
            int id = b.getShort(set) & 0xFFFF;
            int setEnd = Math.min(end, set + Math.max(4, b.getShort(set + 2) & 0xFFFF));
            for (int r = set + 4; (id == 2 || id == 3) && r + 4 <= setEnd; ) {
                int fields = b.getShort(r + 2) & 0xFFFF;
                int p = r + (id == 3 && fields > 0 ? 6 : 4);
                for (int i = 0; i < fields && p + 4 <= setEnd; i++) {
                    boolean enterprise = (b.get(p) & 0x80) != 0;
                    if (enterprise && p + 8 <= setEnd && b.getInt(p + 4) == 0) {
                        return true;
                    }
                    p += enterprise ? 8 : 4;
                }
                r = p;
            }
            set = setEnd;
        }
        return false;
    }

    @Property(tries = 1000)
    void mutatedMessagesGiveAResultOrAFlowCodecException(@ForAll("validMessages") byte[] message,
                                                         @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 65535) Integer> positions,
                                                         @ForAll @Size(min = 8, max = 8) byte[] values,
                                                         @ForAll @IntRange(min = 0, max = 100) int cut) {
        byte[] m = message.clone();
        for (int i = 0; i < positions.size(); i++) {
            m[positions.get(i) % m.length] = values[i];
        }
        if (cut < 20) {
            m = java.util.Arrays.copyOf(m, m.length * cut / 20);
        }
        byte[] b = m;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> decodeBoth(b));
    }
}
