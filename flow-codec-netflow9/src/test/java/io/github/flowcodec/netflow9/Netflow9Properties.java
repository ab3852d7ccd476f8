package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DecoderCounters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.internal.Netflow9Writer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Round trips, and robustness against arbitrary and mutated bytes, over generated templates and records. */
class Netflow9Properties {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.9", 2055);

    /** Every record of every packet, data and options, in the order the decoder hands them over. */
    static final class InOrder implements FlowRecordHandler<ExportContext> {
        final List<FlowRecord> all = new ArrayList<>();
        final List<FlowRecord> data = new ArrayList<>();
        final List<FlowRecord> options = new ArrayList<>();

        @Override
        public void onRecord(ExportContext ctx, RecordView record) {
            FlowRecord r = record.toRecord();
            all.add(r);
            data.add(r);
        }

        @Override
        public void onOptionsRecord(ExportContext ctx, RecordView record) {
            FlowRecord r = record.toRecord();
            all.add(r);
            options.add(r);
        }
    }

    @Provide
    Arbitrary<List<FlowRecord>> recordLists() {
        return Netflow9Arbitraries.recordLists(60);
    }

    @Property(tries = 300)
    void decodeOfEncodeGivesTheRecordsBack(@ForAll("recordLists") List<FlowRecord> records,
                                           @ForAll @IntRange(min = 200, max = 4000) int maxPacketSize,
                                           @ForAll @IntRange(min = 0, max = 4) int refreshPackets,
                                           @ForAll @IntRange(min = 0, max = 100_000) int firstSequence) {
        long[] now = {1_700_000_000_123L};
        Netflow9Encoder encoder = Netflow9Encoder.builder().sourceId(77).maxDatagramSize(maxPacketSize)
                .templateRefreshDatagrams(refreshPackets).templateRefreshInterval(Duration.ofSeconds(10))
                .clock(() -> now[0]).bootTimeMillis(now[0] - 3_600_000L).firstSequence(firstSequence).build();
        List<ByteBuffer> packets;
        try {
            packets = encoder.encode(records);
        } catch (EncodingException e) {
            // only when a record and its template cannot fit an empty packet
            assertThat(records).anySatisfy(r -> assertThat(Netflow9.HEADER_LENGTH + padded(4 + Netflow9Writer.templateRecordLength(r.template()))
                    + padded(4 + r.length())).isGreaterThan(maxPacketSize));
            return;
        }
        Netflow9Decoder decoder = new Netflow9Decoder();
        InOrder got = new InOrder();
        long sequence = firstSequence;
        for (ByteBuffer packet : packets) {
            assertThat(packet.remaining()).isLessThanOrEqualTo(maxPacketSize);
            Netflow9Packet p = new Netflow9Decoder(DecoderOptions.builder().templateStore(decoder.templateStore()).build())
                    .decode(packet.duplicate(), EXPORTER);
            assertThat(p.header().sequence()).isEqualTo(sequence++);
            assertThat(p.header().sysUptimeMillis()).isEqualTo(3_600_000L);
            assertThat(p.header().unixSeconds()).isEqualTo(1_700_000_000L);
            assertThat(p.header().sourceId()).isEqualTo(77);
            assertThat(p.header().count()).isEqualTo(p.records().size() + p.optionsRecords().size() + p.templates().size());
            decoder.decode(packet.duplicate(), EXPORTER, got);
        }
        assertThat(got.all).isEqualTo(records);
        DecoderCounters c = decoder.counters();
        assertThat(c.extra("countMismatches")).isZero();
        assertThat(c.lostSequenceNumbers()).isZero();
        assertThat(c.missingTemplateSets()).isZero();
        assertThat(c.repaired()).isZero();
        assertThat(c.extra("unalignedSets")).isZero();
        assertThat(encoder.nextSequence()).isEqualTo(sequence);
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    /** A packet crafted by the builder: header, a template FlowSet, an options template FlowSet, a data FlowSet per template. */
    @Provide
    Arbitrary<byte[]> builtPackets() {
        Arbitrary<long[]> header = Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL)).as((a, b, c, d) -> new long[] {a, b, c, d});
        return Netflow9Arbitraries.templateSets().flatMap(ts -> {
            List<Arbitrary<List<FlowRecord>>> sets = new ArrayList<>();
            for (Template t : ts) {
                sets.add(Netflow9Arbitraries.records(t).list().ofMaxSize(5));
            }
            return Combinators.combine(Combinators.combine(sets).as(l -> l), header).as((perTemplate, h) -> {
                Netflow9PacketBuilder b = Netflow9PacketBuilder.create().sysUptime(h[0]).unixSeconds(h[1]).sequence(h[2]).sourceId(h[3]);
                addTemplates(b, ts);
                // plain data sets first, then options data sets (the decoder hands both kinds over in order)
                for (boolean options : new boolean[] {false, true}) {
                    for (List<FlowRecord> set : perTemplate) {
                        if (!set.isEmpty() && set.get(0).template().isOptions() == options) {
                            b.data(set.toArray(new FlowRecord[0]));
                        }
                    }
                }
                return b.toBytes();
            });
        });
    }

    private static void addTemplates(Netflow9PacketBuilder b, List<Template> ts) {
        Template[] plain = ts.stream().filter(t -> !t.isOptions()).toArray(Template[]::new);
        Template[] options = ts.stream().filter(Template::isOptions).toArray(Template[]::new);
        if (plain.length > 0) {
            b.templates(plain);
        }
        if (options.length > 0) {
            b.templates(options);
        }
    }

    /** Packets from the encoder when everything fits one packet: templates, options templates, then data. */
    @Provide
    Arbitrary<byte[]> encodedPackets() {
        return recordLists().map(records -> {
            ByteBuffer b = ByteBuffer.allocate(0xFFFF);
            Netflow9Encoder encoder = Netflow9Encoder.builder().maxDatagramSize(0xFFFF).clock(() -> 1_600_000_000_000L)
                    .bootTimeMillis(1_599_000_000_000L).firstSequence(5).sourceId(3).build();
            int n = encoder.encode(records, 0, b);
            return n == records.size() ? Arrays.copyOf(b.array(), b.position()) : null;
        }).filter(p -> p != null);
    }

    @Property(tries = 250)
    void encodeOfDecodeGivesTheBytesBackForBuiltPackets(@ForAll("builtPackets") byte[] packet) {
        assertThat(reencode(packet)).isEqualTo(packet);
    }

    @Property(tries = 250)
    void encodeOfDecodeGivesTheBytesBackForEncodedPackets(@ForAll("encodedPackets") byte[] packet) {
        assertThat(reencode(packet)).isEqualTo(packet);
    }

    /** Decodes the packet and writes it again with the builder: same header, templates, records and sets. */
    private static byte[] reencode(byte[] packet) {
        Netflow9Decoder decoder = new Netflow9Decoder();
        Netflow9Packet p = decoder.decode(ByteBuffer.wrap(packet), EXPORTER);
        InOrder order = new InOrder();
        new Netflow9Decoder().decode(ByteBuffer.wrap(packet), EXPORTER, order);
        assertThat(order.data).isEqualTo(p.records());
        assertThat(order.options).isEqualTo(p.optionsRecords());
        Netflow9Header h = p.header();
        Netflow9PacketBuilder b = Netflow9PacketBuilder.create().declaredCount(h.count()).sysUptime(h.sysUptimeMillis())
                .unixSeconds(h.unixSeconds()).sequence(h.sequence()).sourceId(h.sourceId());
        addTemplates(b, p.templates());
        List<FlowRecord> set = new ArrayList<>();
        for (FlowRecord r : order.all) {
            if (!set.isEmpty() && set.get(0).template().id() != r.template().id()) {
                b.data(set.toArray(new FlowRecord[0]));
                set.clear();
            }
            set.add(r);
        }
        if (!set.isEmpty()) {
            b.data(set.toArray(new FlowRecord[0]));
        }
        assertThat(decoder.counters().repaired()).isZero();
        return b.toBytes();
    }

    /** Decoded and encoded again as decoded, a packet gives back its bytes: built, encoded and mutated ones alike. */
    @Property(tries = 250)
    void encodeAsDecodedGivesTheBytesBack(@ForAll("builtPackets") byte[] built, @ForAll("encodedPackets") byte[] encoded) {
        for (byte[] packet : List.of(built, encoded)) {
            Netflow9Packet p = new Netflow9Decoder().decode(ByteBuffer.wrap(packet), EXPORTER);
            assertThat(Netflow9Encoder.encodeAsDecoded(p)).isEqualTo(packet);
        }
    }

    /**
     * Whatever a lenient decoder makes of a mutated packet, encoding it again as decoded gives the same bytes:
     * what it could not read it kept, and nothing it read is lost. (Even with its templates in the store: the
     * data sets are then re-encoded from their records.)
     */
    @Property(tries = 500)
    void aMutatedPacketEncodesAsDecodedToItsBytes(@ForAll("builtPackets") byte[] templates, @ForAll("mutatedPackets") byte[] bytes) {
        Netflow9Decoder d = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        d.decode(ByteBuffer.wrap(templates), EXPORTER);
        Netflow9Packet p;
        try {
            p = d.decode(ByteBuffer.wrap(bytes), EXPORTER);
        } catch (FlowCodecException e) {
            return; // not a v9 packet at all (header cut or version changed)
        }
        assertThat(Netflow9Encoder.encodeAsDecoded(p)).isEqualTo(bytes);
    }

    @Property(tries = 250)
    void bothPathsSeeTheSameRecords(@ForAll("encodedPackets") byte[] packet) {
        Netflow9Decoder decoder = new Netflow9Decoder();
        List<FlowRecord> viaViews = new ArrayList<>();
        List<Long> rates = new ArrayList<>();
        int n = decoder.decode(ByteBuffer.wrap(packet), EXPORTER, (ctx, view) -> {
            viaViews.add(view.toRecord());
            rates.add(ctx.samplingRate());
        });
        assertThat(n).isEqualTo(viaViews.size());
        Netflow9Packet p = new Netflow9Decoder().decode(ByteBuffer.wrap(packet), EXPORTER);
        assertThat(viaViews).isEqualTo(p.records());
        for (int i = 0; i < rates.size(); i++) {
            assertThat(p.samplingRate(i)).isEqualTo(rates.get(i));
        }
    }

    /**
     * A set-at-a-time handler sees the records and sampling rates the materialized path sees: each set is
     * read back through {@link DataSetView#record} and a column of its first field through
     * {@link DataSetView#getLongs} or {@link DataSetView#readUnsigned} agrees with the records.
     */
    @Property(tries = 250)
    void setAtATimeHandlersSeeTheSameRecords(@ForAll("encodedPackets") byte[] packet) {
        List<FlowRecord> viaSets = new ArrayList<>();
        List<Long> rates = new ArrayList<>();
        int n = new Netflow9Decoder().decode(ByteBuffer.wrap(packet), EXPORTER, new FlowRecordHandler<ExportContext>() {
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
        Netflow9Packet p = new Netflow9Decoder().decode(ByteBuffer.wrap(packet), EXPORTER);
        assertThat(viaSets).isEqualTo(p.records());
        for (int i = 0; i < rates.size(); i++) {
            assertThat(p.samplingRate(i)).isEqualTo(rates.get(i));
        }
    }

    @Property(tries = 500)
    void arbitraryBytesGiveAResultOrAFlowCodecException(@ForAll byte[] bytes) {
        byte[] v9 = bytes.clone();
        if (v9.length >= 2) {
            v9[0] = 0;
            v9[1] = 9; // mostly v9: get past the version check
        }
        decodesOrThrowsFlowCodecException(null, bytes);
        decodesOrThrowsFlowCodecException(null, v9);
    }

    @Provide
    Arbitrary<byte[]> mutatedPackets() {
        return Arbitraries.oneOf(builtPackets(), encodedPackets()).flatMap(p -> Arbitraries.integers().between(0, 5).flatMap(kind -> {
            switch (kind) {
                case 0: // flip some bytes
                    return Arbitraries.integers().between(0, p.length - 1).list().ofMinSize(1).ofMaxSize(8)
                            .map(idx -> { byte[] c = p.clone(); for (int i : idx) { c[i] ^= 0x5A; } return c; });
                case 1: // cut
                    return Arbitraries.integers().between(0, p.length).map(len -> Arrays.copyOf(p, len));
                case 2: // extend with garbage
                    return Arbitraries.bytes().array(byte[].class).ofMaxSize(100).map(extra -> concat(p, extra));
                case 3: // overwrite a 16-bit word after the header (set ids, lengths, field counts, types) with an extreme
                    return Combinators.combine(Arbitraries.integers().between(Netflow9.HEADER_LENGTH / 2, Math.max(Netflow9.HEADER_LENGTH / 2, p.length / 2 - 1)),
                            Arbitraries.of(0, 1, 2, 3, 4, 5, 255, 256, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF)).as((w, v) -> {
                        byte[] c = p.clone();
                        if (2 * w + 1 < c.length) {
                            c[2 * w] = (byte) (v >> 8);
                            c[2 * w + 1] = (byte) (int) v;
                        }
                        return c;
                    });
                case 4: // random word anywhere
                    return Combinators.combine(Arbitraries.integers().between(0, Math.max(0, p.length / 2 - 1)),
                            Arbitraries.integers().between(0, 0xFFFF)).as((w, v) -> {
                        byte[] c = p.clone();
                        c[2 * w] = (byte) (v >> 8);
                        c[2 * w + 1] = (byte) (int) v;
                        return c;
                    });
                default: // the packet twice (templates again, data again)
                    return Arbitraries.just(concat(p, Arrays.copyOfRange(p, Netflow9.HEADER_LENGTH, p.length)));
            }
        }));
    }

    @Property(tries = 500)
    void mutatedPacketsGiveAResultOrAFlowCodecException(@ForAll("mutatedPackets") byte[] bytes) {
        decodesOrThrowsFlowCodecException(null, bytes);
    }

    @Property(tries = 300)
    void mutatedDataAfterValidTemplatesGivesAResultOrAFlowCodecException(@ForAll("builtPackets") byte[] templates,
                                                                        @ForAll("mutatedPackets") byte[] bytes) {
        decodesOrThrowsFlowCodecException(templates, bytes);
    }

    /** Decodes (optionally after a valid packet) in both modes, on both paths, reading every value. */
    private static void decodesOrThrowsFlowCodecException(byte[] first, byte[] bytes) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (DecodeMode mode : DecodeMode.values()) {
                List<String> problems = new ArrayList<>();
                Netflow9Decoder decoder = new Netflow9Decoder(DecoderOptions.builder().mode(mode)
                        .problemListener(pr -> problems.add(pr.reason())).build());
                Netflow9Decoder zeroCopy = new Netflow9Decoder(DecoderOptions.builder().mode(mode).build());
                if (first != null) {
                    decoder.decode(ByteBuffer.wrap(first), EXPORTER);
                    zeroCopy.decode(ByteBuffer.wrap(first), EXPORTER, (ctx, r) -> { });
                }
                try {
                    Netflow9Packet p = decoder.decode(ByteBuffer.wrap(bytes), EXPORTER);
                    List<FlowRecord> all = new ArrayList<>(p.records());
                    all.addAll(p.optionsRecords());
                    p.releasedPackets().forEach(r -> all.addAll(r.records()));
                    long bytesOfRecords = 0;
                    for (FlowRecord r : all) {
                        bytesOfRecords += r.length();
                        p.flowStartMillis(r);
                        p.flowEndMillis(r);
                        for (int i = 0; i < r.fieldCount(); i++) {
                            r.getValue(i);
                        }
                    }
                    // no record invented: what was handed over fits in what came in
                    assertThat(bytesOfRecords).isLessThanOrEqualTo((long) bytes.length + (first == null ? 0 : first.length));
                    assertThat(problems.size()).isLessThanOrEqualTo((int) decoder.counters().repaired());
                } catch (FlowCodecException e) {
                    assertThat(e.offset()).isBetween(FlowCodecException.NO_OFFSET, (long) Math.max(bytes.length, Netflow9.HEADER_LENGTH));
                    assertThat(e.getMessage()).isNotBlank();
                }
                try {
                    zeroCopy.decode(ByteBuffer.wrap(bytes), EXPORTER, new FlowRecordHandler<ExportContext>() {
                        @Override
                        public void onRecord(ExportContext ctx, RecordView r) {
                            ctx.flowStartMillis(r);
                            for (int i = 0; i < r.fieldCount(); i++) {
                                r.getValue(i);
                            }
                        }
                    });
                } catch (FlowCodecException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
