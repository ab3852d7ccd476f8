package io.github.flowcodec.netflow5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DataSetView;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Netflow5Properties {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 2055);

    @Provide
    Arbitrary<List<FlowRecord>> recordLists() {
        return Netflow5Arbitraries.records().list().ofMinSize(0).ofMaxSize(100);
    }

    @Provide
    Arbitrary<byte[]> packets() {
        return Netflow5Arbitraries.packets();
    }

    @Property(tries = 300)
    void decodeOfEncodeGivesTheRecordsBack(@ForAll("recordLists") List<FlowRecord> records) {
        Netflow5Encoder encoder = Netflow5Encoder.builder()
                .clock(() -> 1_700_000_000_250L)
                .uptimeMillis(() -> 3_600_000L).engineType(1).engineId(7).sampling(1, 64).build();
        Netflow5Decoder decoder = new Netflow5Decoder();
        List<FlowRecord> back = new ArrayList<>();
        long expectedSequence = 0;
        for (ByteBuffer packet : encoder.encode(records)) {
            Netflow5Packet p = decoder.decode(packet, EXPORTER);
            assertThat(p.records().size()).isBetween(0, 30);
            assertThat(p.header().flowSequence()).isEqualTo(expectedSequence);
            assertThat(p.header().engineId()).isEqualTo(7);
            assertThat(p.header().samplingInterval()).isEqualTo(64);
            assertThat(p.exportTimeMillis()).isEqualTo(1_700_000_000_250L);
            expectedSequence += p.records().size();
            back.addAll(p.records());
        }
        assertThat(back).isEqualTo(records);
        assertThat(encoder.nextSequence()).isEqualTo(records.size());
    }

    @Property(tries = 300)
    void encodeOfDecodeGivesTheBytesBack(@ForAll("packets") byte[] packet) {
        Netflow5Packet decoded = new Netflow5Decoder().decode(ByteBuffer.wrap(packet), EXPORTER);
        ByteBuffer again = Netflow5Encoder.write(decoded);
        assertThat(toArray(again)).isEqualTo(packet);
    }

    @Provide
    Arbitrary<Netflow5Packet> decodedPackets() {
        return Netflow5Arbitraries.decodedPackets(EXPORTER);
    }

    /** The other way round: a packet written and decoded again is the same packet, a header count that lies included. */
    @Property(tries = 300)
    void decodeOfWriteGivesThePacketBack(@ForAll("decodedPackets") Netflow5Packet packet) {
        Netflow5Decoder lenient = new Netflow5Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        assertThat(lenient.decode(Netflow5Encoder.write(packet), EXPORTER)).isEqualTo(packet);
    }

    /**
     * Whatever lenient mode makes of a datagram writes back as the datagram's bytes up to the last whole
     * record it read: the header as sent (the count too), then the records.
     */
    @Property(tries = 1000)
    void aLenientlyDecodedPacketWritesBackTheBytesItWasDecodedFrom(@ForAll("mutatedPackets") byte[] bytes) {
        Netflow5Decoder lenient = new Netflow5Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        Netflow5Packet p;
        try {
            p = lenient.decode(ByteBuffer.wrap(bytes), EXPORTER);
        } catch (FlowCodecException e) {
            return; // another version, or shorter than the header: no packet to write
        }
        byte[] again = toArray(Netflow5Encoder.write(p));
        assertThat(again).hasSize(Netflow5.HEADER_LENGTH + p.records().size() * Netflow5.RECORD_LENGTH);
        assertThat(again).isEqualTo(java.util.Arrays.copyOf(bytes, again.length));
    }

    @Property(tries = 300)
    void bothPathsSeeTheSameRecords(@ForAll("packets") byte[] packet) {
        Netflow5Decoder decoder = new Netflow5Decoder();
        List<FlowRecord> viaViews = new ArrayList<>();
        int n = decoder.decode(ByteBuffer.wrap(packet), EXPORTER, (ctx, view) -> viaViews.add(view.toRecord()));
        assertThat(n).isEqualTo(viaViews.size());
        assertThat(viaViews).isEqualTo(decoder.decode(ByteBuffer.wrap(packet), EXPORTER).records());
    }

    /** A set-at-a-time handler gets every record of the datagram, once, and its columns agree with the records. */
    @Property(tries = 300)
    void aSetAtATimeHandlerSeesTheSameRecords(@ForAll("packets") byte[] packet) {
        List<FlowRecord> viaSet = new ArrayList<>();
        int n = new Netflow5Decoder().decode(ByteBuffer.wrap(packet), EXPORTER, new FlowRecordHandler<ExportContext>() {
            @Override
            public void onDataSet(ExportContext ctx, DataSetView set) {
                long[] octets = new long[set.size()];
                set.getLongs(Netflow5.OCTETS, octets);
                for (int i = 0; i < set.size(); i++) {
                    assertThat(octets[i]).isEqualTo(set.record(i).getLong(Netflow5.OCTETS));
                    viaSet.add(set.record(i).toRecord());
                }
            }

            @Override
            public void onRecord(ExportContext ctx, RecordView record) {
                throw new AssertionError("records come as a set");
            }
        });
        assertThat(n).isEqualTo(viaSet.size());
        assertThat(viaSet).isEqualTo(new Netflow5Decoder().decode(ByteBuffer.wrap(packet), EXPORTER).records());
    }

    @Property(tries = 1000)
    void arbitraryBytesGiveAResultOrAFlowCodecException(@ForAll byte[] bytes) {
        decodesOrThrowsFlowCodecException(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutatedPackets() {
        return Netflow5Arbitraries.packets().flatMap(p -> Arbitraries.integers().between(0, 4).flatMap(kind -> {
            switch (kind) {
                case 0: // flip some bytes
                    return Arbitraries.integers().between(0, Math.max(0, p.length - 1)).list().ofMaxSize(8)
                            .map(idx -> { byte[] c = p.clone(); for (int i : idx) { if (c.length > 0) c[i] ^= 0x5A; } return c; });
                case 1: // cut
                    return Arbitraries.integers().between(0, p.length).map(len -> java.util.Arrays.copyOf(p, len));
                case 2: // extend with garbage
                    return Arbitraries.bytes().array(byte[].class).ofMaxSize(100).map(extra -> concat(p, extra));
                case 3: // lie about the count
                    return Arbitraries.integers().between(0, 0xFFFF).map(count -> {
                        byte[] c = p.clone(); ByteBuffer.wrap(c).putShort(Netflow5Layout.COUNT, (short) (int) count); return c; });
                default: // change the version
                    return Arbitraries.integers().between(0, 0xFFFF).map(v -> {
                        byte[] c = p.clone(); ByteBuffer.wrap(c).putShort(Netflow5Layout.VERSION, (short) (int) v); return c; });
            }
        }));
    }

    @Property(tries = 1000)
    void mutatedPacketsGiveAResultOrAFlowCodecException(@ForAll("mutatedPackets") byte[] bytes) {
        decodesOrThrowsFlowCodecException(bytes);
    }

    private static void decodesOrThrowsFlowCodecException(byte[] bytes) {
        for (DecodeMode mode : DecodeMode.values()) {
            Netflow5Decoder decoder = new Netflow5Decoder(DecoderOptions.builder().mode(mode).build());
            try {
                Netflow5Packet p = decoder.decode(ByteBuffer.wrap(bytes), EXPORTER);
                assertThat(p.records().size()).isLessThanOrEqualTo(Netflow5.MAX_RECORDS);
                assertThat(Netflow5.HEADER_LENGTH + p.records().size() * Netflow5.RECORD_LENGTH).isLessThanOrEqualTo(bytes.length);
                for (FlowRecord r : p.records()) {
                    p.flowStartMillis(r);
                    p.flowEndMillis(r);
                    for (int i = 0; i < r.fieldCount(); i++) {
                        r.getValue(i);
                    }
                }
            } catch (FlowCodecException e) {
                assertThat(e.offset()).isBetween(0L, (long) Math.max(bytes.length, Netflow5.HEADER_LENGTH));
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
