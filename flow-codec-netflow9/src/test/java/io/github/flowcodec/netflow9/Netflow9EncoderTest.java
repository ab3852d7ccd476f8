package io.github.flowcodec.netflow9;

import static io.github.flowcodec.netflow9.Netflow9DecoderTest.e;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flow;
import static io.github.flowcodec.netflow9.Netflow9DecoderTest.flowTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.internal.Netflow9Layout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Netflow9EncoderTest {

    private static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 2055);

    /** The FlowSet ids of a packet, walked by their lengths. */
    static List<Integer> setIds(ByteBuffer packet) {
        List<Integer> ids = new ArrayList<>();
        int pos = packet.position() + Netflow9.HEADER_LENGTH;
        while (pos + 4 <= packet.limit()) {
            int len = packet.getShort(pos + 2) & 0xFFFF;
            assertThat(len % 4).as("set lengths are multiples of 4").isZero();
            assertThat(len).isGreaterThanOrEqualTo(4);
            ids.add(packet.getShort(pos) & 0xFFFF);
            pos += len;
        }
        assertThat(pos).as("the sets end on the packet").isEqualTo(packet.limit());
        return ids;
    }

    static Template samplerOptions(int id) {
        return Template.options(id, 1, List.of(FieldSpec.of(Netflow9.scopeElement(Netflow9.SCOPE_SYSTEM), 4),
                FieldSpec.of(e("samplerId"), 2), FieldSpec.of(e("samplerRandomInterval"), 4)));
    }

    @Test
    void writesTemplatesOptionsTemplatesThenDataWithSequenceAndUptime() {
        Template a = flowTemplate(256);
        Template o = samplerOptions(257);
        FlowRecord opt = FlowRecord.builder(o).setLong(1, 1).setLong(2, 100).build();
        long[] now = {1_700_000_000_500L};
        Netflow9Encoder enc = Netflow9Encoder.builder().sourceId(0xFFFF_FFFFL).clock(() -> now[0]).bootTimeMillis(now[0] - 0x1_0000_0005L)
                .firstSequence(0xFFFF_FFFFL).build();
        List<ByteBuffer> packets = enc.encode(List.of(flow(a, "10.0.0.1", 1), opt, flow(a, "10.0.0.2", 2), flow(a, "10.0.0.3", 3)));
        assertThat(packets).hasSize(1);
        ByteBuffer p = packets.get(0);
        assertThat(setIds(p)).containsExactly(0, 1, 256, 257, 256);
        Netflow9Packet d = new Netflow9Decoder().decode(p, EXPORTER);
        assertThat(d.header()).isEqualTo(new Netflow9Header(9, 6, 5, 1_700_000_000L, 0xFFFF_FFFFL, 0xFFFF_FFFFL)); // uptime wrapped, unsigned
        assertThat(d.records()).hasSize(3);
        assertThat(d.samplingRate(0)).isZero(); // the options record gives sampler 1's rate; these records name no sampler
        assertThat(enc.nextSequence()).isZero(); // the sequence number wraps at 2^32
        now[0] += 1000;
        ByteBuffer next = enc.encode(List.of(flow(a, "10.0.0.4", 4))).get(0);
        assertThat(setIds(next)).containsExactly(256);
        Netflow9Packet d2 = new Netflow9Decoder().decode(next, EXPORTER);
        assertThat(d2.header().sequence()).isZero();
        assertThat(d2.header().sysUptimeMillis()).isEqualTo(1005);
        assertThat(d2.header().count()).isEqualTo(1);
    }

    @Test
    void recordsOfTwoTemplatesSharingAnIdEachGoAfterTheirOwnTemplate() {
        Template a = flowTemplate(256);
        Template b = Template.of(256, FieldSpec.of(e("octetDeltaCount"), 4));
        List<FlowRecord> in = List.of(flow(a, "10.0.0.1", 1), flow(a, "10.0.0.2", 2), FlowRecord.builder(b).setLong(0, 5).build(),
                FlowRecord.builder(b).setLong(0, 6).build(), flow(a, "10.0.0.3", 3));
        List<ByteBuffer> packets = Netflow9Encoder.builder().build().encode(in);
        Netflow9Decoder d = new Netflow9Decoder();
        List<FlowRecord> out = new ArrayList<>();
        for (ByteBuffer p : packets) {
            out.addAll(d.decode(p, EXPORTER).records());
        }
        assertThat(out).containsExactlyElementsOf(in);
        assertThat(setIds(packets.get(0))).containsSubsequence(0, 256, 0, 256, 0, 256);
    }

    @Test
    void resendsTemplatesEveryNPackets() {
        Template a = flowTemplate(256);
        Template o = samplerOptions(300);
        Netflow9Encoder enc = Netflow9Encoder.builder().templateRefreshDatagrams(3).templateRefreshInterval(Duration.ZERO)
                .clock(() -> 1_000_000L).build();
        List<String> layouts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            layouts.add(setIds(enc.encode(List.of(flow(a, "10.0.0.1", i), FlowRecord.builder(o).build())).get(0)).toString());
        }
        assertThat(layouts).containsExactly("[0, 1, 256, 300]", "[256, 300]", "[256, 300]", "[0, 1, 256, 300]", "[256, 300]", "[256, 300]",
                "[0, 1, 256, 300]");
    }

    @Test
    void resendsTemplatesEveryTSeconds() {
        Template a = flowTemplate(256);
        long[] now = {1_000_000L};
        Netflow9Encoder enc = Netflow9Encoder.builder().templateRefreshDatagrams(0).templateRefreshInterval(Duration.ofSeconds(10))
                .clock(() -> now[0]).build();
        List<Boolean> withTemplates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            withTemplates.add(setIds(enc.encode(List.of(flow(a, "10.0.0.1", i))).get(0)).contains(0));
            now[0] += 4000;
        }
        // t = 0, 4, 8, 12, 16, 20, 24, 28 s: sent at 0, 12 and 24
        assertThat(withTemplates).containsExactly(true, false, false, true, false, false, true, false);
    }

    @Test
    void aNewOrChangedTemplateIsSentBeforeItsFirstRecord() {
        Template a = flowTemplate(256);
        Template b = Template.builder(256).field(e("sourceIPv4Address")).build();
        Netflow9Encoder enc = Netflow9Encoder.builder().templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO).build();
        Netflow9Decoder dec = new Netflow9Decoder();
        ByteBuffer p1 = enc.encode(List.of(flow(a, "10.0.0.1", 1))).get(0);
        assertThat(dec.decode(p1, EXPORTER).records()).hasSize(1);
        FlowRecord rb = FlowRecord.builder(b).build();
        ByteBuffer p2 = enc.encode(List.of(rb, flow(a, "10.0.0.2", 2))).get(0);
        assertThat(setIds(p2)).containsExactly(0, 256, 0, 256);
        assertThat(dec.decode(p2, EXPORTER).records()).containsExactly(rb, flow(a, "10.0.0.2", 2));
        assertThat(dec.counters().extra("templateRedefinitions")).isEqualTo(2);
    }

    @Test
    void splitsRecordsByTheMaximumPacketSize() {
        Template a = flowTemplate(256);
        List<FlowRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(flow(a, "10.0." + (i / 250) + "." + (i % 250), i));
        }
        Netflow9Encoder enc = Netflow9Encoder.builder().maxDatagramSize(512).build();
        List<ByteBuffer> packets = enc.encode(records);
        Netflow9Decoder dec = new Netflow9Decoder();
        List<FlowRecord> back = new ArrayList<>();
        for (ByteBuffer p : packets) {
            assertThat(p.remaining()).isLessThanOrEqualTo(512);
            back.addAll(dec.decode(p, EXPORTER).records());
        }
        assertThat(back).isEqualTo(records);
        // (512 - 20 - 4) / 17 = 28 records a packet; the first packet also holds the template (12 bytes): 27
        assertThat(packets.size()).isEqualTo(1 + (1000 - 27 + 27) / 28);
        assertThat(dec.counters().lostSequenceNumbers()).isZero();
    }

    @Test
    void anOptionsTemplateSentBeforeItsFirstRecordCountsItsPadding() {
        // an options template record is 6 + 4n bytes: its FlowSet takes 2 bytes of padding. Here the packet is
        // header 20 + options template set 20 (4 + 14 + 2) + data set 12 (4 + 5 + 3) = 52 bytes. Before the fix
        // the encoder counted 50 and wrote 52 bytes into a 50-byte packet: BufferOverflowException.
        Template plain = Template.builder(256).field(e("sourceIPv4Address")).build();
        Template o = Template.options(300, 1, List.of(FieldSpec.of(Netflow9.scopeElement(1), 1), FieldSpec.of(e("samplingInterval"), 4)));
        FlowRecord r = FlowRecord.builder(o).setLong(1, 100).build();
        for (int max : new int[] {50, 51, 52}) {
            Netflow9Encoder enc = Netflow9Encoder.builder().maxDatagramSize(max).templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO).build();
            Netflow9Decoder dec = new Netflow9Decoder();
            assertThat(dec.decode(enc.encode(List.of(FlowRecord.builder(plain).build())).get(0), EXPORTER).records()).hasSize(1);
            if (max < 52) {
                assertThatThrownBy(() -> enc.encode(List.of(r))).isInstanceOf(EncodingException.class).hasMessageContaining("does not fit");
                ByteBuffer exact = ByteBuffer.allocate(max);
                assertThatThrownBy(() -> enc.encode(List.of(r), 0, exact)).isInstanceOf(EncodingException.class);
                assertThat(exact.position()).isZero();
            } else {
                ByteBuffer p = enc.encode(List.of(r)).get(0);
                assertThat(p.remaining()).isEqualTo(52);
                assertThat(setIds(p)).containsExactly(1, 300);
                assertThat(dec.decode(p, EXPORTER).optionsRecords()).containsExactly(r);
            }
        }
    }

    @Test
    void templatesThatFillAPacketWithARefreshEveryPacketStillLetTheRecordsThrough() {
        // 10 templates of 20 fields (84 bytes each): the refresh fills a 900-byte packet; before the fix a
        // refresh every packet wrote template-only packets for ever
        List<FlowRecord> records = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            Template.Builder b = Template.builder(256 + t);
            for (int f = 0; f < 20; f++) {
                b.field(e("octetDeltaCount"), 4);
            }
            records.add(FlowRecord.builder(b.build()).setLong(0, t).build());
        }
        Netflow9Encoder enc = Netflow9Encoder.builder().maxDatagramSize(900).templateRefreshDatagrams(1).build();
        List<ByteBuffer> packets = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> enc.encode(records));
        Netflow9Decoder dec = new Netflow9Decoder();
        List<FlowRecord> back = new ArrayList<>();
        for (ByteBuffer p : packets) {
            back.addAll(dec.decode(p, EXPORTER).records());
        }
        assertThat(back).isEqualTo(records);
    }

    @Test
    void refusesWhatV9CannotCarryWithAnEncodingException() {
        InformationElement enterprise = InformationElement.of(9, 12, "ciscoThing", DataType.UNSIGNED32);
        Netflow9Encoder enc = Netflow9Encoder.builder().build();
        Template withPen = Template.builder(256).field(enterprise).build();
        assertThatThrownBy(() -> enc.encode(List.of(FlowRecord.builder(withPen).build()))).isInstanceOf(EncodingException.class)
                .hasMessageContaining("enterprise");
        Template zeroLength = Template.builder(256).field(e("octetDeltaCount"), 0).field(e("sourceIPv4Address")).build();
        assertThatThrownBy(() -> enc.encode(List.of(FlowRecord.builder(zeroLength).build()))).isInstanceOf(EncodingException.class)
                .hasMessageContaining("length 0");
        Template lowId = Template.builder(255).field(e("sourceIPv4Address")).build();
        assertThatThrownBy(() -> enc.encode(List.of(FlowRecord.builder(lowId).build()))).isInstanceOf(EncodingException.class);
        Template ipfixScope = Template.builder(300).scope(e("ingressInterface")).field(e("samplingInterval")).build();
        assertThatThrownBy(() -> enc.encode(List.of(FlowRecord.builder(ipfixScope).build()))).isInstanceOf(EncodingException.class)
                .hasMessageContaining("scope");
        Template big = Template.builder(256).field(e("interfaceName"), 1300).build();
        assertThatThrownBy(() -> Netflow9Encoder.builder().maxDatagramSize(1200).build().encode(List.of(FlowRecord.builder(big).build())))
                .isInstanceOf(EncodingException.class).hasMessageContaining("does not fit");
    }

    @Test
    void theTemplatesPacketHoldsEveryKnownTemplate() {
        Template a = flowTemplate(256);
        Template o = samplerOptions(257);
        Netflow9Encoder enc = Netflow9Encoder.builder().build();
        enc.encode(List.of(flow(a, "10.0.0.1", 1), FlowRecord.builder(o).build()));
        ByteBuffer t = enc.templatesDatagram();
        assertThat(setIds(t)).containsExactly(0, 1);
        Netflow9Packet d = new Netflow9Decoder().decode(t, EXPORTER);
        assertThat(d.templates()).containsExactly(a, o);
        assertThat(d.header().sequence()).isEqualTo(1);
        assertThat(enc.nextSequence()).isEqualTo(2);
    }

    @Test
    void aBufferWithoutRoomForTheHeaderIsRefusedAndLeftAsItWas() {
        Netflow9Encoder enc = Netflow9Encoder.builder().firstSequence(3).build();
        ByteBuffer small = ByteBuffer.allocate(Netflow9Layout.HEADER_LENGTH - 1);
        assertThatThrownBy(() -> enc.encode(List.of(flow(flowTemplate(256), "10.0.0.1", 1)), 0, small))
                .isInstanceOf(EncodingException.class).hasMessageContaining("no room");
        assertThat(small.position()).isZero();
        assertThat(enc.nextSequence()).isEqualTo(3);
    }

    @Test
    void encodingIntoTheCallersBufferAllocatesNothingOnceTheTemplatesAreKnown() {
        Template a = flowTemplate(256);
        Template b = Template.builder(300).field(e("sourceIPv4Address")).field(e("octetDeltaCount"), 8).build();
        List<FlowRecord> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            records.add(i % 2 == 0 ? flow(a, "10.0.0.1", i) : FlowRecord.builder(b).setLong(1, i).build());
        }
        Netflow9Encoder enc = Netflow9Encoder.builder().maxDatagramSize(1400).templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO)
                .clock(() -> 1_700_000_000_000L).build();
        ByteBuffer buffer = ByteBuffer.allocate(1400);
        for (int i = 0; i < 20_000; i++) {
            buffer.clear();
            enc.encode(records, 0, buffer);
        }
        long before = Netflow9DecoderTest.allocatedBytes();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            buffer.clear();
            enc.encode(records, 0, buffer);
        }
        long after = Netflow9DecoderTest.allocatedBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(before >= 0, "the JVM cannot measure allocations");
        assertThat((after - before) / n).as("bytes allocated per packet of 60 records").isLessThan(16);
        Netflow9Decoder dec = new Netflow9Decoder(DecoderOptions.DEFAULT);
        dec.decode(enc.templatesDatagram(), EXPORTER);
        assertThat(dec.decode(ByteBuffer.wrap(buffer.array(), 0, buffer.position()), EXPORTER).records()).hasSize(60);
    }
}
