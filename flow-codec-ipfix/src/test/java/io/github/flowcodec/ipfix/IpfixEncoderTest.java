package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.ExportContext;
import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.internal.IpfixLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder: layout, template refresh, splitting, sequence numbers, withdrawals, refusals, allocation. */
class IpfixEncoderTest {

    static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.3", 4739);
    static final Template A = Template.builder(256).field(e("sourceIPv4Address")).field(e("destinationIPv4Address"))
            .field(e("octetDeltaCount"), 4).field(e("protocolIdentifier")).build();
    static final Template OPT = Template.builder(257).scope(e("selectorId"), 4).field(e("samplingPacketInterval"), 4).build();

    static FlowRecord flow(int i) throws Exception {
        return FlowRecord.builder(A).setAddress(0, InetAddress.getByName("10.0.0." + (i % 250))).setAddress(1, InetAddress.getByName("10.9.0.1"))
                .setLong(2, i).setLong(3, 6).build();
    }

    static IpfixEncoder.Builder enc() {
        return IpfixEncoder.builder().observationDomainId(9).clock(() -> 1_700_000_000_500L);
    }

    @Test
    void writesHeaderTemplatesThenDataWithTheRecordCountAsSequence() throws Exception {
        IpfixEncoder e = enc().firstSequence(1000).build();
        FlowRecord opt = FlowRecord.builder(OPT).setLong(0, 1).setLong(1, 64).build();
        ByteBuffer m = e.encode(List.of(opt, flow(1), flow(2))).get(0);
        assertThat(m.getShort(0)).isEqualTo((short) 10);
        assertThat(m.getShort(2) & 0xFFFF).isEqualTo(m.remaining());
        assertThat(m.getInt(4)).isEqualTo(1_700_000_000);
        assertThat(m.getInt(8)).isEqualTo(1000);
        assertThat(m.getInt(12)).isEqualTo(9);
        assertThat(m.getShort(16)).isEqualTo((short) 2); // the template set first
        assertThat(e.nextSequence()).isEqualTo(1003);
        IpfixMessage d = new IpfixDecoder().decode(m, EXPORTER);
        assertThat(d.templates()).containsExactly(A, OPT);
        assertThat(d.records()).containsExactly(flow(1), flow(2));
        assertThat(d.optionsRecords()).containsExactly(opt);
        assertThat(d.samplingRate(0)).isZero(); // the data template names no selector
        ByteBuffer next = e.encode(List.of(flow(3))).get(0);
        assertThat(next.getInt(8)).isEqualTo(1003);
    }

    @Test
    void recordsOfTwoTemplatesSharingAnIdEachGoAfterTheirOwnTemplate() throws Exception {
        Template b = Template.builder(256).field(e("octetDeltaCount"), 4).build();
        List<FlowRecord> in = List.of(flow(1), flow(2), FlowRecord.builder(b).setLong(0, 5).build(),
                FlowRecord.builder(b).setLong(0, 6).build(), flow(3));
        IpfixDecoder d = new IpfixDecoder();
        List<FlowRecord> out = new java.util.ArrayList<>();
        for (ByteBuffer m : enc().build().encode(in)) {
            out.addAll(d.decode(m, EXPORTER).records());
        }
        assertThat(out).containsExactlyElementsOf(in);
    }

    @Test
    void resendsTemplatesEveryNMessagesAndEveryTSeconds() throws Exception {
        long[] now = {1_700_000_000_000L};
        IpfixEncoder e = IpfixEncoder.builder().templateRefreshDatagrams(3).templateRefreshInterval(Duration.ZERO).clock(() -> now[0]).build();
        List<Boolean> withTemplates = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            withTemplates.add(e.encode(List.of(flow(i))).get(0).getShort(16) == 2);
        }
        assertThat(withTemplates).containsExactly(true, false, false, true, false, false, true);
        IpfixEncoder t = IpfixEncoder.builder().templateRefreshDatagrams(0).templateRefreshInterval(Duration.ofSeconds(10)).clock(() -> now[0]).build();
        assertThat(t.encode(List.of(flow(1))).get(0).getShort(16)).isEqualTo((short) 2);
        now[0] += 5000;
        assertThat(t.encode(List.of(flow(1))).get(0).getShort(16)).isEqualTo((short) 256);
        now[0] += 6000;
        assertThat(t.encode(List.of(flow(1))).get(0).getShort(16)).isEqualTo((short) 2);
    }

    @Test
    void splitsByTheMaximumMessageSize() throws Exception {
        List<FlowRecord> rs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rs.add(flow(i));
        }
        List<ByteBuffer> ms = enc().maxDatagramSize(512).build().encode(rs);
        IpfixDecoder d = new IpfixDecoder();
        List<FlowRecord> got = new ArrayList<>();
        long expectedSequence = 0;
        for (ByteBuffer m : ms) {
            assertThat(m.remaining()).isLessThanOrEqualTo(512);
            IpfixMessage msg = d.decode(m, EXPORTER);
            assertThat(msg.header().sequence()).isEqualTo(expectedSequence);
            expectedSequence += msg.records().size();
            got.addAll(msg.records());
        }
        assertThat(got).isEqualTo(rs);
        assertThat(d.counters().lostSequenceNumbers()).isZero();
    }

    @Test
    void variableLengthEnterpriseAndStructuredFieldsAreWrittenAsTheyAre() throws Exception {
        InformationElementRegistry std = InformationElementRegistry.standard();
        Template inner = Template.builder(300).field(e("mplsTopLabelStackSection"), 3).build();
        Template outer = Template.builder(301).field(e("interfaceName")).field(Ipfix.reverse(e("octetDeltaCount")), 4)
                .field(FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST)).build();
        List<FlowRecord> labels = List.of(FlowRecord.builder(inner).setBytes(0, new byte[] {1, 2, 3}).build(),
                FlowRecord.builder(inner).setBytes(0, new byte[] {4, 5, 6}).build());
        SubTemplateList list = new SubTemplateList(ListSemantic.ORDERED.code(), inner, labels);
        FlowRecord r = FlowRecord.builder(outer).setString(0, "x".repeat(400)).setLong(1, 7).setBytes(2, list.toBytes()).build();
        IpfixEncoder e = enc().maxDatagramSize(2000).build();
        List<ByteBuffer> ms = e.encode(List.of(labels.get(0), r));
        IpfixMessage m = new IpfixDecoder().decode(ms.get(0), EXPORTER);
        assertThat(m.records()).containsExactly(labels.get(0), r);
        assertThat(StructuredValue.read(m.records().get(1), 2, m, std)).isEqualTo(list);
        assertThat(m.records().get(1).template().field(1).element().name()).isEqualTo("reverseOctetDeltaCount");
    }

    @Test
    void theTemplatesOfListsTravelBeforeTheRecordsThatUseThem() throws Exception {
        InformationElementRegistry std = InformationElementRegistry.standard();
        Template label = Template.builder(401).field(e("mplsTopLabelStackSection"), 3).build();
        Template hop = Template.builder(403).field(e("sourceIPv4Address")).field(FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST)).build();
        Template outer = Template.builder(402).field(e("octetDeltaCount"), 8)
                .field(FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST)).field(FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_MULTI_LIST)).build();
        SubTemplateList labels = new SubTemplateList(ListSemantic.ORDERED.code(), label,
                List.of(FlowRecord.builder(label).setBytes(0, new byte[] {1, 2, 3}).build()));
        FlowRecord hopRecord = labels.writeTo(FlowRecord.builder(hop).setAddress(0, InetAddress.getByName("192.0.2.9")), 1).build();
        SubTemplateList hops = new SubTemplateList(ListSemantic.ALL_OF.code(), hop, List.of(hopRecord)); // a list in a list
        SubTemplateMultiList multi = new SubTemplateMultiList(ListSemantic.ALL_OF.code(),
                List.of(new SubTemplateList(ListSemantic.ALL_OF.code(), label, labels.records())));
        FlowRecord.Builder b = FlowRecord.builder(outer).setLong(0, 1500);
        hops.writeTo(b, 1);
        FlowRecord r = multi.writeTo(b, 2).build();
        assertThat(r.referencedTemplates()).as("innermost first, each once").containsExactly(label, hop);

        IpfixEncoder e = enc().templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO).build();
        IpfixDecoder fresh = new IpfixDecoder();
        List<ByteBuffer> ms = e.encode(List.of(r));
        assertThat(ms).hasSize(1);
        IpfixMessage m = fresh.decode(ms.get(0), EXPORTER);
        assertThat(m.templates()).extracting(Template::id).containsExactly(401, 403, 402);
        assertThat(m.records()).containsExactly(r);
        SubTemplateList hopsBack = (SubTemplateList) StructuredValue.read(m.records().get(0), 1, m); // the message's registry
        assertThat(hopsBack.records()).containsExactly(hopRecord);
        assertThat(StructuredValue.read(hopsBack.records().get(0), 1, m)).isEqualTo(labels);
        assertThat(StructuredValue.read(m.records().get(0), 2, m, std)).isEqualTo(multi);
        assertThat(m.registry()).isSameAs(InformationElementRegistry.standard());
        InformationElementRegistry iana = InformationElementRegistry.iana();
        IpfixDecoder ianaOnly = new IpfixDecoder(io.github.flowcodec.core.DecoderOptions.builder().registry(iana).build());
        IpfixMessage again = ianaOnly.decode(e.templatesDatagram(), EXPORTER);
        assertThat(again.registry()).as("what the decoder reads basicLists with").isSameAs(iana);
        List<Object> fromContext = new ArrayList<>();
        ianaOnly.decode(e.encode(List.of(r)).get(0), EXPORTER, (ctx, rec) -> {
            fromContext.add(ctx.registry());
            fromContext.add(StructuredValue.read(rec, 1, ctx));
        });
        assertThat(fromContext).containsExactly(iana, hops);

        IpfixMessage second = fresh.decode(e.encode(List.of(r)).get(0), EXPORTER);
        assertThat(second.templates()).as("sent once").isEmpty();
        assertThat(second.records()).containsExactly(r);

        IpfixDecoder restarted = new IpfixDecoder(); // a collector that restarted asks for every template
        assertThat(restarted.decode(e.templatesDatagram(), EXPORTER).templates()).extracting(Template::id)
                .containsExactlyInAnyOrder(401, 402, 403);
        assertThat(restarted.decode(e.encode(List.of(r)).get(0), EXPORTER).records()).containsExactly(r);
    }

    @Test
    void aListTemplateRedefinedUnderItsIdIsSentAgain() throws Exception {
        Template v1 = Template.builder(401).field(e("mplsTopLabelStackSection"), 3).build();
        Template v2 = Template.builder(401).field(e("mplsTopLabelStackSection"), 3).field(e("mplsLabelStackSection2"), 3).build();
        Template outer = Template.builder(402).field(FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST)).build();
        FlowRecord r1 = new SubTemplateList(0, v1, List.of(FlowRecord.builder(v1).build())).writeTo(FlowRecord.builder(outer), 0).build();
        FlowRecord r2 = new SubTemplateList(0, v2, List.of(FlowRecord.builder(v2).build())).writeTo(FlowRecord.builder(outer), 0).build();
        IpfixEncoder e = enc().templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO).build();
        IpfixDecoder d = new IpfixDecoder();
        IpfixMessage m = d.decode(e.encode(List.of(r1, r2)).get(0), EXPORTER);
        // the first message's templates (the latest 401 and 402), then v1 again before r1, v2 again before r2
        assertThat(m.templates()).containsExactly(v2, outer, v1, v2);
        assertThat(m.records()).containsExactly(r1, r2);
        assertThat(StructuredValue.read(m.records().get(1), 0, m, InformationElementRegistry.standard()))
                .isEqualTo(new SubTemplateList(0, v2, List.of(FlowRecord.builder(v2).build())));
    }

    @Test
    void withdrawalMessagesRemoveTemplatesAtTheCollectorAndTheEncoderSendsThemAgainWhenUsed() throws Exception {
        IpfixEncoder e = enc().templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO).build();
        IpfixDecoder d = new IpfixDecoder();
        d.decode(e.encode(List.of(flow(1), FlowRecord.builder(OPT).setLong(0, 1).setLong(1, 8).build())).get(0), EXPORTER);
        assertThat(d.templateStore().size()).isEqualTo(2);
        d.decode(e.withdrawalDatagram(256), EXPORTER);
        assertThat(d.templateStore().size()).isEqualTo(1);
        d.decode(e.withdrawAllDatagram(), EXPORTER);
        assertThat(d.templateStore().size()).isZero();
        assertThat(d.counters().extra("withdrawals")).isEqualTo(3);
        IpfixMessage again = d.decode(e.encode(List.of(flow(2))).get(0), EXPORTER);
        assertThat(again.templates()).containsExactly(A);
        assertThat(again.records()).containsExactly(flow(2));
        assertThatThrownBy(() -> e.withdrawalDatagram(999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatIpfixCannotCarry() {
        Template v9Vendor = Template.of(300, FieldSpec.of(InformationElementRegistry.netflowV9Types().lookup(0, 40000), 4));
        assertThatThrownBy(() -> enc().build().encode(List.of(FlowRecord.builder(v9Vendor).build())))
                .isInstanceOf(EncodingException.class).hasMessageContaining("32767");
        Template low = Template.of(255, FieldSpec.of(e("octetDeltaCount"), 4));
        assertThatThrownBy(() -> enc().build().encode(List.of(FlowRecord.builder(low).build())))
                .isInstanceOf(EncodingException.class).hasMessageContaining("below 256");
        FlowRecord huge = FlowRecord.builder(Template.of(300, FieldSpec.of(e("interfaceName")))).setBytes(0, new byte[2000]).build();
        assertThatThrownBy(() -> enc().maxDatagramSize(1400).build().encode(List.of(huge)))
                .isInstanceOf(EncodingException.class).hasMessageContaining("does not fit");
    }

    @Test
    void theTemplatesMessageHoldsEveryKnownTemplate() throws Exception {
        IpfixEncoder e = enc().build();
        e.encode(List.of(flow(1), FlowRecord.builder(OPT).build()));
        IpfixMessage m = new IpfixDecoder().decode(e.templatesDatagram(), EXPORTER);
        assertThat(m.templates()).containsExactly(A, OPT);
    }

    @Test
    void messagesWithoutDataRecordsLeaveTheSequenceAndCarryTheirLength() throws Exception {
        IpfixEncoder e = enc().firstSequence(40).build();
        e.encode(List.of(flow(1), flow(2)));
        for (ByteBuffer m : List.of(e.templatesDatagram(), e.withdrawalDatagram(256), e.withdrawAllDatagram())) {
            assertThat(m.getShort(IpfixLayout.VERSION)).isEqualTo((short) Ipfix.VERSION);
            assertThat(m.getShort(IpfixLayout.LENGTH) & 0xFFFF).isEqualTo(m.remaining());
            assertThat(m.getInt(IpfixLayout.EXPORT_TIME)).isEqualTo(1_700_000_000);
            assertThat(m.getInt(IpfixLayout.SEQUENCE)).isEqualTo(42);
            assertThat(m.getInt(IpfixLayout.DOMAIN)).isEqualTo(9);
        }
        assertThat(e.nextSequence()).isEqualTo(42);
        ByteBuffer small = ByteBuffer.allocate(IpfixLayout.HEADER_LENGTH - 1);
        assertThatThrownBy(() -> e.encode(List.of(flow(3)), 0, small)).isInstanceOf(EncodingException.class)
                .hasMessageContaining("no room");
        assertThat(small.position()).isZero();
    }

    @Test
    void encodingIntoTheCallersBufferAndDecodingZeroCopyAllocateNothingInSteadyState() throws Exception {
        List<FlowRecord> rs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rs.add(flow(i));
        }
        IpfixEncoder e = enc().maxDatagramSize(1400).templateRefreshDatagrams(0).templateRefreshInterval(Duration.ZERO).build();
        ByteBuffer buffer = ByteBuffer.allocate(1400);
        for (int i = 0; i < 20_000; i++) {
            buffer.clear();
            e.encode(rs, 0, buffer);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            buffer.clear();
            e.encode(rs, 0, buffer);
        }
        long after = allocatedBytes();
        org.junit.jupiter.api.Assumptions.assumeTrue(before >= 0, "the JVM cannot measure allocations");
        assertThat((after - before) / 20_000).as("bytes allocated per message of 30 records").isLessThan(16);
        buffer.flip();
        IpfixDecoder d = new IpfixDecoder();
        d.decode(e.templatesDatagram(), EXPORTER);
        long[] sum = new long[1];
        FlowRecordHandler<ExportContext> h = (ctx, r) -> sum[0] += r.getLong(2);
        for (int i = 0; i < 20_000; i++) {
            d.decode(buffer, EXPORTER, h);
        }
        before = allocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            d.decode(buffer, EXPORTER, h);
        }
        after = allocatedBytes();
        assertThat((after - before) / 20_000).as("bytes allocated per message decoded zero-copy").isLessThan(16);
        assertThat(sum[0]).isPositive();
    }

    /** The bytes this thread allocated so far, or -1 (java.management by reflection). */
    static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
            if (!sun.isInstance(bean)) {
                return -1;
            }
            return (long) sun.getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
