package io.github.flowcodec.ipfix;

import static io.github.flowcodec.ipfix.IpfixArbitraries.e;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecodeProblem;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowDecoders;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.MalformedPacketException;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per header rule, set rule, template rule, quirk and hostile input. */
class IpfixDecoderTest {

    static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 4739);
    static final Template T = Template.builder(256).field(e("sourceIPv4Address")).field(e("destinationIPv4Address"))
            .field(e("octetDeltaCount"), 4).field(e("packetDeltaCount"), 2).field(e("protocolIdentifier")).build();

    static FlowRecord r(int bytes) throws Exception {
        return FlowRecord.builder(T).setAddress(0, InetAddress.getByName("10.0.0.1")).setAddress(1, InetAddress.getByName("10.0.0.2"))
                .setLong(2, bytes).setLong(3, 3).setLong(4, 6).build();
    }

    static IpfixDecoder lenient(List<DecodeProblem> problems) {
        return new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(problems::add).build());
    }

    // ------------------------------------------------------------------------------------ header

    @Test
    void decodesTemplateAndDataOnBothPaths() throws Exception {
        byte[] m = IpfixMessageBuilder.create().sequence(7).observationDomainId(42).exportTimeSeconds(1_700_000_000)
                .templates(T).data(r(100), r(200)).toBytes();
        IpfixMessage msg = new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER);
        assertThat(msg.records()).containsExactly(r(100), r(200));
        assertThat(msg.header()).isEqualTo(new IpfixHeader(10, m.length, 1_700_000_000L, 7, 42));
        assertThat(msg.templates()).containsExactly(T);
        assertThat(msg.exportTimeMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(msg.observationDomainId()).isEqualTo(42);
        List<Long> bytes = new ArrayList<>();
        int n = new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER, (ctx, rec) -> {
            assertThat(ctx.protocol()).isEqualTo(FlowProtocol.IPFIX);
            assertThat(ctx.sequenceNumber()).isEqualTo(7);
            assertThat(((IpfixContext) ctx).templateId()).isEqualTo(256);
            bytes.add(rec.getLong(2));
        });
        assertThat(n).isEqualTo(2);
        assertThat(bytes).containsExactly(100L, 200L);
    }

    @Test
    void theBufferPositionAndLimitAreLeftAlone() throws Exception {
        byte[] m = IpfixMessageBuilder.create().templates(T).data(r(1)).toBytes();
        ByteBuffer b = ByteBuffer.allocate(m.length + 10);
        b.position(5);
        b.put(m);
        b.position(5).limit(5 + m.length);
        IpfixMessage msg = new IpfixDecoder().decode(b, EXPORTER);
        assertThat(msg.records()).containsExactly(r(1));
        assertThat(b.position()).isEqualTo(5);
        assertThat(b.limit()).isEqualTo(5 + m.length);
    }

    @Test
    void shortDatagramsOtherVersionsAndLengthsBelowTheHeaderAreRejectedInBothModes() {
        List<DecodeProblem> p = new ArrayList<>();
        for (IpfixDecoder d : List.of(new IpfixDecoder(), lenient(p))) {
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(new byte[] {0, 10, 0, 16}), EXPORTER))
                    .isInstanceOf(TruncatedPacketException.class).extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(0L);
            byte[] v9 = IpfixMessageBuilder.create().version(9).toBytes();
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(v9), EXPORTER)).isInstanceOf(UnsupportedVersionException.class);
            byte[] short15 = IpfixMessageBuilder.create().declaredLength(15).toBytes();
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(short15), EXPORTER))
                    .isInstanceOf(MalformedPacketException.class).extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(2L);
        }
    }

    @Test
    void aMessageLongerThanItsDatagramIsAnErrorInStrictModeAndReadAsFarAsItGoesInLenientMode() throws Exception {
        byte[] m = IpfixMessageBuilder.create().templates(T).data(r(1), r(2)).toBytes();
        byte[] cut = java.util.Arrays.copyOf(m, m.length - T.recordLength());
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(cut), EXPORTER))
                .isInstanceOf(TruncatedPacketException.class).extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(2L);
        List<DecodeProblem> p = new ArrayList<>();
        IpfixDecoder d = lenient(p);
        assertThat(d.decode(ByteBuffer.wrap(cut), EXPORTER).records()).containsExactly(r(1));
        assertThat(p).hasSize(2); // the message length, then the data set's length
        assertThat(d.counters().repaired()).isEqualTo(2);
    }

    @Test
    void bytesAfterTheMessageLengthAreCountedNotDecoded() throws Exception {
        byte[] m = IpfixMessageBuilder.create().templates(T).data(r(1)).trailing(new byte[7]).toBytes();
        IpfixDecoder d = new IpfixDecoder();
        assertThat(d.decode(ByteBuffer.wrap(m), EXPORTER).records()).containsExactly(r(1));
        assertThat(d.counters().extra("trailingBytes")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------ sets

    @Test
    void severalSetsAndTemplatesPerMessageInAnyOrder() throws Exception {
        Template t2 = Template.builder(300).field(e("sourceIPv6Address")).field(e("octetDeltaCount")).build();
        FlowRecord v6 = FlowRecord.builder(t2).setAddress(0, InetAddress.getByName("2001:db8::1")).setLong(1, 9).build();
        byte[] m = IpfixMessageBuilder.create().templates(T, t2).data(v6).data(r(1)).data(v6, v6).toBytes();
        assertThat(new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER).records()).containsExactly(v6, r(1), v6, v6);
    }

    @Test
    void setPaddingAndZerosAfterTheLastSetAreAccepted() throws Exception {
        byte[] m = IpfixMessageBuilder.create().templates(T).dataPadded(3, r(1)).rawSet(300).toBytes();
        // a data set of an unknown template with no records: held, no problem; then zero padding in the message itself
        byte[] padded = IpfixMessageBuilder.create().templates(T).dataPadded(2, r(1)).rawSet(0, new byte[0]).declaredSetLength(0).toBytes();
        IpfixDecoder d = new IpfixDecoder();
        assertThat(d.decode(ByteBuffer.wrap(m), EXPORTER).records()).containsExactly(r(1));
        assertThat(d.decode(ByteBuffer.wrap(padded), EXPORTER).records()).containsExactly(r(1));
        assertThat(d.counters().extra("setPadding")).isEqualTo(3);
    }

    @Test
    void setLengthsBelowFourOrPastTheEndAreErrorsWithTheirOffset() throws Exception {
        byte[] below = IpfixMessageBuilder.create().templates(T).data(r(1)).rawSet(256, new byte[] {1, 2, 3, 4}).declaredSetLength(3).toBytes();
        int lastSet = below.length - 8;
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(below), EXPORTER))
                .isInstanceOf(MalformedPacketException.class).extracting(x -> ((FlowCodecException) x).offset()).isEqualTo((long) lastSet);
        byte[] past = IpfixMessageBuilder.create().templates(T).data(r(1), r(2)).declaredSetLength(999).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(past), EXPORTER)).isInstanceOf(TruncatedPacketException.class);
        List<DecodeProblem> p = new ArrayList<>();
        assertThat(lenient(p).decode(ByteBuffer.wrap(past), EXPORTER).records()).containsExactly(r(1), r(2));
        assertThat(p).hasSize(1);
    }

    @Test
    void reservedSetIdsAreReported() throws Exception {
        byte[] m = IpfixMessageBuilder.create().rawSet(5, new byte[] {1, 2, 3, 4}).templates(T).data(r(1)).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("set id 5 is reserved").extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(16L);
        List<DecodeProblem> p = new ArrayList<>();
        assertThat(lenient(p).decode(ByteBuffer.wrap(m), EXPORTER).records()).containsExactly(r(1));
        assertThat(p).hasSize(1);
    }

    @Test
    void recordsLongerThanTheirSetAreReportedNotRead() throws Exception {
        byte[] m = IpfixMessageBuilder.create().templates(T).rawSet(256, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("no whole record");
        List<DecodeProblem> p = new ArrayList<>();
        assertThat(lenient(p).decode(ByteBuffer.wrap(m), EXPORTER).records()).isEmpty();
        assertThat(p).hasSize(1);
    }

    // ------------------------------------------------------------------------------------ templates

    @Test
    void templateIdsBelow256AreRejected() {
        byte[] m = IpfixMessageBuilder.create().rawTemplate(255, 8, 4).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("below 256").extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(20L);
    }

    @Test
    void aFieldOfLength0IsAnErrorInStrictModeAndKeptInLenientMode() throws Exception {
        byte[] m = IpfixMessageBuilder.create().rawTemplate(300, 8, 4, 150, 0, 12, 4)
                .rawSet(300, new byte[] {10, 0, 0, 1, 10, 0, 0, 2}).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("length 0").extracting(x -> ((FlowCodecException) x).offset()).isEqualTo(28L);
        List<DecodeProblem> p = new ArrayList<>();
        IpfixDecoder d = lenient(p);
        IpfixMessage msg = d.decode(ByteBuffer.wrap(m), EXPORTER);
        assertThat(msg.records()).hasSize(1);
        assertThat(msg.records().get(0).getAddress(2)).isEqualTo(InetAddress.getByName("10.0.0.2"));
        assertThat(d.counters().extra("zeroLengthFields")).isEqualTo(1);
    }

    @Test
    void aTemplateWhoseRecordsHaveNoBytesIsRefused() {
        byte[] m = IpfixMessageBuilder.create().rawTemplate(300, 8, 0, 12, 0).rawSet(300, new byte[8]).toBytes();
        List<DecodeProblem> p = new ArrayList<>();
        IpfixDecoder d = lenient(p);
        assertThat(d.decode(ByteBuffer.wrap(m), EXPORTER).records()).isEmpty();
        assertThat(d.templateStore().size()).isZero();
        assertThat(p).anySatisfy(x -> assertThat(x.reason()).contains("no bytes"));
    }

    @Test
    void aTemplateDeclaring65535FieldsInASmallSetIsRejectedWithoutAllocatingForThem() {
        byte[] m = IpfixMessageBuilder.create().rawTemplate(300, 8, 4).toBytes();
        m[22] = (byte) 0xFF;
        m[23] = (byte) 0xFF; // field count 65535
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("65535 fields");
    }

    @Test
    void anEnterpriseFieldSpecifierCutShortIsRejected() {
        // element id with the enterprise bit, but the set ends before its PEN
        byte[] m = IpfixMessageBuilder.create().rawTemplate(300, 0x8001, 4).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("run past");
    }

    @Test
    void optionsTemplatesNeedAScopeField() {
        byte[] body = {1, 44, 0, 1, 0, 0, 0, 8, 0, 4};
        byte[] m = IpfixMessageBuilder.create().rawSet(3, body).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("scope field count 0");
    }

    @Test
    void aTemplateFloodStaysWithinTheStoreBounds() {
        TemplateStore store = TemplateStore.builder().maxTemplatesPerExporter(50).build();
        IpfixDecoder d = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).templateStore(store).build());
        for (int i = 0; i < 2000; i++) {
            d.decode(IpfixMessageBuilder.create().rawTemplate(256 + i, 8, 4, 1, 4).toBuffer(), EXPORTER);
        }
        assertThat(store.size()).isLessThanOrEqualTo(50);
        assertThat(d.counters().templates()).isEqualTo(2000);
    }

    @Test
    void aRefreshedTemplateIsTheSameObjectAndARedefinitionIsCounted() {
        IpfixDecoder d = new IpfixDecoder();
        IpfixMessage a = d.decode(IpfixMessageBuilder.create().templates(T).toBuffer(), EXPORTER);
        IpfixMessage b = d.decode(IpfixMessageBuilder.create().templates(T).toBuffer(), EXPORTER);
        assertThat(b.templates().get(0)).isSameAs(a.templates().get(0));
        d.decode(IpfixMessageBuilder.create().rawTemplate(256, 8, 4).toBuffer(), EXPORTER);
        assertThat(d.counters().extra("templateRedefinitions")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------ withdrawal

    @Test
    void aWithdrawnTemplateNoLongerDecodesItsData() throws Exception {
        IpfixDecoder d = new IpfixDecoder();
        d.decode(IpfixMessageBuilder.create().templates(T).toBuffer(), EXPORTER);
        IpfixMessage w = d.decode(IpfixMessageBuilder.create().withdraw(256).data(r(1)).toBuffer(), EXPORTER);
        assertThat(w.records()).isEmpty();
        assertThat(d.counters().extra("withdrawals")).isEqualTo(1);
        assertThat(d.counters().missingTemplateSets()).isEqualTo(1);
        assertThat(d.templateStore().size()).isZero();
    }

    @Test
    void withdrawAllRemovesEveryTemplateOfItsKind() {
        Template opt = Template.builder(400).scope(e("selectorId"), 4).field(e("samplingPacketInterval"), 4).build();
        IpfixDecoder d = new IpfixDecoder();
        d.decode(IpfixMessageBuilder.create().templates(T).templates(opt).toBuffer(), EXPORTER);
        d.decode(IpfixMessageBuilder.create().withdrawAll(false).toBuffer(), EXPORTER);
        assertThat(d.templateStore().size()).isEqualTo(1);
        d.decode(IpfixMessageBuilder.create().withdrawAll(true).toBuffer(), EXPORTER);
        assertThat(d.templateStore().size()).isZero();
    }

    @Test
    void withdrawingATemplateThatDoesNotExistIsReportedAndCounted() {
        List<DecodeProblem> p = new ArrayList<>();
        IpfixDecoder strict = new IpfixDecoder(DecoderOptions.builder().problemListener(p::add).build());
        strict.decode(IpfixMessageBuilder.create().withdraw(999).toBuffer(), EXPORTER);
        assertThat(strict.counters().extra("unknownWithdrawals")).isEqualTo(1);
        assertThat(p).singleElement().satisfies(x -> assertThat(x.reason()).contains("template 999"));
    }

    @Test
    void withdrawingAnIdBelow256IsMalformed() {
        assertThatThrownBy(() -> new IpfixDecoder().decode(IpfixMessageBuilder.create().withdraw(17).toBuffer(), EXPORTER))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("below 256");
    }

    @Test
    void templatesExpireAfterTheStoreLifetimeForUdp() throws Exception {
        long[] now = {0};
        TemplateStore store = TemplateStore.builder().lifetime(Duration.ofMinutes(30)).nanoClock(() -> now[0]).build();
        IpfixDecoder d = new IpfixDecoder(DecoderOptions.builder().templateStore(store).build());
        d.decode(IpfixMessageBuilder.create().templates(T).toBuffer(), EXPORTER);
        now[0] = Duration.ofMinutes(31).toNanos();
        assertThat(d.decode(IpfixMessageBuilder.create().data(r(1)).toBuffer(), EXPORTER).records()).isEmpty();
        assertThat(d.pendingSets()).isEqualTo(1);
    }

    @Test
    void templatesAreScopedByExporterAndObservationDomain() throws Exception {
        IpfixDecoder d = new IpfixDecoder();
        d.decode(IpfixMessageBuilder.create().observationDomainId(1).templates(T).toBuffer(), EXPORTER);
        assertThat(d.decode(IpfixMessageBuilder.create().observationDomainId(2).data(r(1)).toBuffer(), EXPORTER).records()).isEmpty();
        assertThat(d.decode(IpfixMessageBuilder.create().observationDomainId(1).data(r(1)).toBuffer(),
                new InetSocketAddress("192.0.2.2", 4739)).records()).isEmpty();
        assertThat(d.decode(IpfixMessageBuilder.create().observationDomainId(1).data(r(1)).toBuffer(), EXPORTER).records()).hasSize(1);
    }

    // ------------------------------------------------------------------------------------ data before template

    @Test
    void dataBeforeItsTemplateIsHeldAndDecodedWhenTheTemplateComes() throws Exception {
        IpfixDecoder d = new IpfixDecoder();
        IpfixMessage first = d.decode(IpfixMessageBuilder.create().sequence(10).data(r(1)).toBuffer(), EXPORTER);
        assertThat(first.records()).isEmpty();
        IpfixMessage second = d.decode(IpfixMessageBuilder.create().sequence(11).templates(T).data(r(2)).toBuffer(), EXPORTER);
        assertThat(second.records()).containsExactly(r(2));
        assertThat(second.releasedPackets()).singleElement().satisfies(p -> {
            assertThat(p.records()).containsExactly(r(1));
            assertThat(p.sequenceNumber()).isEqualTo(10);
        });
        // in the same message: the data set before its template set
        IpfixMessage same = new IpfixDecoder().decode(IpfixMessageBuilder.create().data(r(3)).templates(T).toBuffer(), EXPORTER);
        assertThat(same.records()).containsExactly(r(3));
        assertThat(d.counters().extra("releasedRecords")).isEqualTo(1);
    }

    @Test
    void thePendingBufferIsBoundedAndWhatItDropsIsCounted() throws Exception {
        List<DecodeProblem> p = new ArrayList<>();
        IpfixDecoder d = new IpfixDecoder(DecoderOptions.builder().problemListener(p::add).maxPendingSets(2).maxPendingBytes(1 << 20)
                .maxPendingAge(Duration.ofMinutes(1)).build());
        for (int i = 0; i < 5; i++) {
            d.decode(IpfixMessageBuilder.create().data(r(i)).toBuffer(), EXPORTER);
        }
        assertThat(d.pendingSets()).isEqualTo(2);
        assertThat(d.counters().missingTemplateSetsDropped()).isEqualTo(3);
        assertThat(p).hasSize(3);
    }

    // ------------------------------------------------------------------------------------ elements

    @Test
    void enterpriseElementsKnownUnknownAndReverse() throws Exception {
        InformationElement unknown = InformationElement.unknown(4242, 7);
        InformationElement vmware = IpfixArbitraries.STD.elements().stream().filter(x -> x.enterprise() == 6876).findFirst().orElseThrow();
        Template t = Template.builder(300).field(e("octetDeltaCount"), 4).field(Ipfix.reverse(e("octetDeltaCount")), 4)
                .field(unknown, 3).field(vmware).build();
        FlowRecord.Builder rb = FlowRecord.builder(t).setLong(0, 10).setLong(1, 20).setBytes(2, new byte[] {1, 2, 3});
        rb.setBytes(3, new byte[t.field(3).isVariableLength() ? 2 : t.field(3).length()]);
        FlowRecord rec = rb.build();
        IpfixMessage m = new IpfixDecoder().decode(IpfixMessageBuilder.create().templates(t).data(rec).toBuffer(), EXPORTER);
        FlowRecord got = m.records().get(0);
        assertThat(got).isEqualTo(rec);
        assertThat(got.template().field(1).element().name()).isEqualTo("reverseOctetDeltaCount");
        assertThat(got.template().field(1).element().dataType()).isEqualTo(DataType.UNSIGNED64);
        assertThat(got.template().field(1).element().enterprise()).isEqualTo(29305);
        assertThat(got.getLong(1)).isEqualTo(20);
        assertThat(got.template().field(2).element().isKnown()).isFalse();
        assertThat(got.getValue(2)).isEqualTo(new byte[] {1, 2, 3});
        assertThat(got.template().field(3).element().name()).isEqualTo(vmware.name());
    }

    @Test
    void rfc5610TypeRecordsTeachTheExportersOwnElements() {
        Template types = Template.builder(500).scope(e("privateEnterpriseNumber"), 4).scope(e("informationElementId"), 2)
                .field(e("informationElementDataType"), 1).field(e("informationElementSemantics"), 1)
                .field(e("informationElementUnits"), 2).field(e("informationElementName")).build();
        FlowRecord desc = FlowRecord.builder(types).setLong(0, 4242).setLong(1, 7).setLong(2, DataType.UNSIGNED32.code())
                .setLong(3, 2).setLong(4, 1).setString(5, "widgetCount").build();
        Template data = Template.of(300, FieldSpec.of(InformationElement.unknown(4242, 7), 4), FieldSpec.of(e("octetDeltaCount"), 4));
        FlowRecord rec = FlowRecord.builder(data).setBytes(0, new byte[] {0, 0, 1, 0}).setLong(1, 5).build();
        IpfixDecoder d = new IpfixDecoder();
        IpfixMessage m = d.decode(IpfixMessageBuilder.create().templates(types).data(desc).templates(data).data(rec).toBuffer(), EXPORTER);
        InformationElement learned = m.records().get(0).template().field(0).element();
        assertThat(learned.name()).isEqualTo("widgetCount");
        assertThat(learned.dataType()).isEqualTo(DataType.UNSIGNED32);
        assertThat(m.records().get(0).getValue(0)).isEqualTo(256L);
        assertThat(d.counters().extra("elementTypesLearned")).isEqualTo(1);
        TemplateScope scope = TemplateStore.class.isInstance(d.templateStore()) ? d.templateStore().scopes().get(0) : null;
        assertThat(d.learnedElements(scope)).extracting(InformationElement::name).containsExactly("widgetCount");
        // another exporter did not describe it: octets there
        IpfixMessage other = d.decode(IpfixMessageBuilder.create().templates(data).data(rec).toBuffer(), new InetSocketAddress("192.0.2.99", 1));
        assertThat(other.records().get(0).template().field(0).element().isKnown()).isFalse();
    }

    @Test
    void repeatedElementsAreKeptInOrder() {
        Template t = Template.builder(300).field(e("interfaceName"), 4).field(e("interfaceName"), 4).build();
        FlowRecord rec = FlowRecord.builder(t).setString(0, "eth0").setString(1, "eth1").build();
        FlowRecord got = new IpfixDecoder().decode(IpfixMessageBuilder.create().templates(t).data(rec).toBuffer(), EXPORTER).records().get(0);
        assertThat(got.getAll(e("interfaceName"))).containsExactly("eth0", "eth1");
    }

    @Test
    void variableLengthFieldsInBothLengthForms() {
        Template t = Template.builder(300).field(e("interfaceName")).field(e("applicationName")).build();
        byte[] longValue = new byte[300];
        java.util.Arrays.fill(longValue, (byte) 'x');
        // 1-byte form "ab", then the 3-byte form for a short value "cd" and for a long one
        byte[] bytes = {2, 'a', 'b', (byte) 255, 0, 2, 'c', 'd'};
        FlowRecord r1 = FlowRecord.of(t, bytes);
        FlowRecord r2 = FlowRecord.builder(t).setString(0, "eth0").setBytes(1, longValue).build();
        IpfixMessage m = new IpfixDecoder().decode(IpfixMessageBuilder.create().templates(t).data(r1, r2).toBuffer(), EXPORTER);
        assertThat(m.records()).containsExactly(r1, r2);
        assertThat(m.records().get(0).getString(1)).isEqualTo("cd");
        assertThat(m.records().get(1).fieldLength(1)).isEqualTo(300);
    }

    @Test
    void variableLengthValuesRunningPastTheSetAndCutShortLengthFormsAreReported() {
        Template t = Template.builder(300).field(e("interfaceName")).field(e("applicationName")).build();
        byte[] past = {50, 'a', 'b', 'c', 1, 'x'};                       // a 1-byte length of 50, 3 bytes there
        byte[] longPast = {(byte) 255, 0, 9, 'a', 'b', 'c', 'd'};         // a 3-byte length of 9, 4 bytes there
        byte[] cutLong = {1, 'a', (byte) 255, 1};                        // the second field's 3-byte length cut short
        for (byte[] body : List.of(past, longPast, cutLong)) {
            byte[] m = IpfixMessageBuilder.create().templates(t).rawSet(300, body).toBytes();
            List<DecodeProblem> p = new ArrayList<>();
            IpfixDecoder d = lenient(p);
            assertThat(d.decode(ByteBuffer.wrap(m), EXPORTER).records()).isEmpty();
            assertThat(p).singleElement().satisfies(x -> assertThat(x.offset()).isEqualTo(m.length - body.length));
            assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                    .extracting(x -> ((FlowCodecException) x).offset()).isEqualTo((long) (m.length - body.length));
        }
        // bytes shorter than any record (here 1: a record has at least 2) are padding (RFC 7011 section 3.3.1), not an error
        byte[] m = IpfixMessageBuilder.create().templates(t).rawSet(300, (byte) 255).toBytes();
        IpfixDecoder d = new IpfixDecoder();
        assertThat(d.decode(ByteBuffer.wrap(m), EXPORTER).records()).isEmpty();
        assertThat(d.counters().extra("setPadding")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------ sampling, sequence, time

    @Test
    void samplingRatesFromTheRecordOrItsSelectorsOptionsRecord() {
        Template sel = Template.builder(400).scope(e("selectorId"), 4).field(e("samplingPacketInterval"), 4)
                .field(e("samplingPacketSpace"), 4).build();
        Template data = Template.builder(300).field(e("selectorId"), 4).field(e("octetDeltaCount"), 4).build();
        Template own = Template.builder(301).field(e("samplingInterval"), 4).field(e("octetDeltaCount"), 4).build();
        IpfixDecoder d = new IpfixDecoder();
        IpfixMessage m = d.decode(IpfixMessageBuilder.create().templates(sel).data(FlowRecord.builder(sel).setLong(0, 7).setLong(1, 1).setLong(2, 99).build())
                .templates(data, own).data(FlowRecord.builder(data).setLong(0, 7).setLong(1, 1).build(),
                        FlowRecord.builder(data).setLong(0, 8).setLong(1, 1).build())
                .data(FlowRecord.builder(own).setLong(0, 512).setLong(1, 1).build()).toBuffer(), EXPORTER);
        assertThat(m.samplingRate(0)).isEqualTo(100);
        assertThat(m.samplingRate(1)).isZero();
        assertThat(m.samplingRate(2)).isEqualTo(512);
        assertThat(m.optionsRecords()).hasSize(1);
    }

    @Test
    void sequenceNumbersCountDataRecordsAndLossesAreReported() throws Exception {
        IpfixDecoder d = new IpfixDecoder();
        d.decode(IpfixMessageBuilder.create().sequence(100).templates(T).data(r(1), r(2)).toBuffer(), EXPORTER);
        d.decode(IpfixMessageBuilder.create().sequence(102).data(r(1)).toBuffer(), EXPORTER);
        assertThat(d.counters().lostSequenceNumbers()).isZero();
        d.decode(IpfixMessageBuilder.create().sequence(110).data(r(1)).toBuffer(), EXPORTER);
        assertThat(d.counters().lostSequenceNumbers()).isEqualTo(7);
        d.decode(IpfixMessageBuilder.create().sequence(105).data(r(1)).toBuffer(), EXPORTER);
        assertThat(d.counters().extra("lateMessages")).isEqualTo(1);
    }

    @Test
    void exportersCountingTheCurrentMessageToo_softflowd_giveNoFalseLoss() throws Exception {
        IpfixDecoder d = new IpfixDecoder();
        long seq = 0;
        int[] counts = {0, 3, 1, 4, 0, 2, 2, 5};
        for (int n : counts) {
            seq += n; // softflowd: the number includes this message's records
            IpfixMessageBuilder b = IpfixMessageBuilder.create().sequence(seq).templates(T);
            if (n > 0) {
                FlowRecord[] rs = new FlowRecord[n];
                for (int i = 0; i < n; i++) {
                    rs[i] = r(i);
                }
                b.data(rs);
            }
            d.decode(b.toBuffer(), EXPORTER);
        }
        assertThat(d.counters().lostSequenceNumbers()).isZero();
        assertThat(d.counters().extra("lateMessages")).isZero();
        assertThat(d.counters().extra("sequenceCountsCurrent")).isPositive();
    }

    @Test
    void timestampsResolveWhateverTheirFormAndFieldOrder() {
        Instant start = Instant.parse("2024-03-01T10:00:00.250Z");
        Instant end = Instant.parse("2024-03-01T10:00:05.750Z");
        long export = 1_709_287_210L; // 10:00:10
        List<Template> forms = List.of(
                Template.builder(300).field(e("flowEndMilliseconds")).field(e("flowStartMilliseconds")).build(),
                Template.builder(301).field(e("flowStartMicroseconds")).field(e("flowEndMicroseconds")).build(),
                Template.builder(302).field(e("flowEndNanoseconds")).field(e("flowStartNanoseconds")).build());
        IpfixDecoder d = new IpfixDecoder();
        for (Template t : forms) {
            int s = t.indexOf(t.field(0).element().name().contains("Start") ? t.field(0).element() : t.field(1).element());
            FlowRecord rec = FlowRecord.builder(t).setInstant(s, start).setInstant(1 - s, end).build();
            IpfixMessage m = d.decode(IpfixMessageBuilder.create().exportTimeSeconds(export).templates(t).data(rec).toBuffer(), EXPORTER);
            assertThat(m.flowStartMillis(m.records().get(0))).as(t.toString()).isEqualTo(start.toEpochMilli());
            assertThat(m.flowEndMillis(m.records().get(0))).as(t.toString()).isEqualTo(end.toEpochMilli());
        }
        Template secs = Template.builder(303).field(e("flowStartSeconds")).field(e("flowEndSeconds")).build();
        IpfixMessage ms = d.decode(IpfixMessageBuilder.create().templates(secs)
                .data(FlowRecord.builder(secs).setLong(0, 1_709_287_200L).setLong(1, 0).build()).toBuffer(), EXPORTER);
        assertThat(ms.flowStartMillis(ms.records().get(0))).isEqualTo(1_709_287_200_000L);
        assertThat(ms.flowEndMillis(ms.records().get(0))).as("0 is not set: never a silent epoch 0").isEqualTo(ExportContext.NO_TIME);
        Template delta = Template.builder(304).field(e("flowStartDeltaMicroseconds"), 4).field(e("flowEndDeltaMicroseconds"), 4).build();
        IpfixMessage md = d.decode(IpfixMessageBuilder.create().exportTimeSeconds(export).templates(delta)
                .data(FlowRecord.builder(delta).setLong(0, 9_750_000).setLong(1, 4_250_000).build()).toBuffer(), EXPORTER);
        assertThat(md.flowStartMillis(md.records().get(0))).isEqualTo(start.toEpochMilli());
        assertThat(md.flowEndMillis(md.records().get(0))).isEqualTo(end.toEpochMilli());
    }

    @Test
    void sysUpTimeTimestampsUseSystemInitTimeFromTheRecordOrTheExportersOptions() {
        long init = 1_709_280_000_000L;
        Template inRecord = Template.builder(300).field(e("flowStartSysUpTime")).field(e("flowEndSysUpTime"))
                .field(e("systemInitTimeMilliseconds")).build();
        Template bare = Template.builder(301).field(e("flowEndSysUpTime")).field(e("flowStartSysUpTime")).build();
        Template opts = Template.builder(400).scope(e("exportingProcessId"), 4).field(e("systemInitTimeMilliseconds")).build();
        IpfixDecoder d = new IpfixDecoder();
        IpfixMessage a = d.decode(IpfixMessageBuilder.create().templates(inRecord, bare)
                .data(FlowRecord.builder(inRecord).setLong(0, 1000).setLong(1, 2000).setLong(2, init).build())
                .data(FlowRecord.builder(bare).setLong(0, 2000).setLong(1, 1000).build()).toBuffer(), EXPORTER);
        assertThat(a.flowStartMillis(a.records().get(0))).isEqualTo(init + 1000);
        assertThat(a.flowStartMillis(a.records().get(1))).as("no init time known yet").isEqualTo(ExportContext.NO_TIME);
        List<Long> starts = new ArrayList<>();
        d.decode(IpfixMessageBuilder.create().templates(opts).data(FlowRecord.builder(opts).setLong(0, 1).setLong(1, init).build())
                .data(FlowRecord.builder(bare).setLong(0, 2000).setLong(1, 1000).build()).toBuffer(), EXPORTER,
                (ctx, rec) -> starts.add(ctx.flowStartMillis(rec)));
        assertThat(starts).containsExactly(init + 1000);
    }

    // ------------------------------------------------------------------------------------ structured data

    @Test
    void structuredDataNestedPastTheDepthLimitIsRejectedWithItsOffset() {
        // template 300: one subTemplateList whose records are of template 300 itself
        Template self = Template.of(300, FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST));
        byte[] value = {0, 0}; // innermost: an empty list field of length 0 ... built outwards
        byte[] inner = new byte[0];
        for (int level = 0; level < SubTemplateListView.MAX_DEPTH + 3; level++) {
            // a record of template 300: a variable-length field holding the list (semantic, template id, records)
            byte[] list = new byte[3 + inner.length];
            list[0] = 3;
            list[1] = 1;
            list[2] = 44;
            System.arraycopy(inner, 0, list, 3, inner.length);
            inner = FlowRecord.builder(self).setBytes(0, list).build().toBytes();
        }
        assertThat(value).hasSize(2);
        byte[] m = IpfixMessageBuilder.create().templates(self).rawSet(300, inner).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("nested").satisfies(x -> assertThat(((FlowCodecException) x).offset()).isBetween(16L, (long) m.length));
        List<DecodeProblem> p = new ArrayList<>();
        assertThat(lenient(p).decode(ByteBuffer.wrap(m), EXPORTER).records()).hasSize(1);
        assertThat(p).hasSize(1);
    }

    @Test
    void aListTemplateRedefinedBetweenDataSetsOfOneMessageReadsTheNewWay() {
        // the context remembers the last list template it looked up, but not past the end of a data set
        Template fourBytes = Template.of(400, FieldSpec.of(e("octetDeltaCount"), 4));
        Template twoBytes = Template.of(400, FieldSpec.of(e("octetDeltaCount"), 2));
        Template outer = Template.of(300, FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST));
        byte[] first = {3, 1, (byte) 0x90, 0, 0, 0, 7, 0, 0, 0, 8};
        byte[] second = {3, 1, (byte) 0x90, 0, 9, 0, 10};
        ByteBuffer m = IpfixMessageBuilder.create().templates(fourBytes, outer)
                .data(FlowRecord.builder(outer).setBytes(0, first).build())
                .templates(twoBytes)
                .data(FlowRecord.builder(outer).setBytes(0, second).build()).toBuffer();
        List<Long> labels = new ArrayList<>();
        SubTemplateListView list = new SubTemplateListView();
        new IpfixDecoder().decode(m, EXPORTER, (ctx, record) -> {
            list.wrap(record, 0, (IpfixContext) ctx);
            for (int i = 0; i < list.size(); i++) {
                labels.add(list.record(i).getLong(0));
            }
        });
        assertThat(labels).containsExactly(7L, 8L, 9L, 10L);
    }

    @Test
    void aListTheCheckAcceptedReadsAsTheFullWayReadsIt() {
        // the handler's view takes a flat list from what the decoder's check noted; a look-up that is not the
        // decoder's context reads the header again: both must see the same list, record after record, and the
        // same buffer decoded again with another message must not show the first one's list
        Template labels = Template.of(400, FieldSpec.of(e("octetDeltaCount"), 2));
        Template wide = Template.of(401, FieldSpec.of(e("octetDeltaCount"), 4));
        Template outer = Template.of(300, FieldSpec.of(e("octetDeltaCount"), 4), FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST));
        byte[] a = {4, 1, (byte) 0x90, 0, 5, 0, 6};
        byte[] b = {2, 1, (byte) 0x91, 0, 0, 0, 7};
        byte[] one = IpfixMessageBuilder.create().templates(labels, wide, outer)
                .data(FlowRecord.builder(outer).setLong(0, 1).setBytes(1, a).build(),
                        FlowRecord.builder(outer).setLong(0, 2).setBytes(1, b).build()).toBytes();
        byte[] two = IpfixMessageBuilder.create().templates(labels, wide, outer)
                .data(FlowRecord.builder(outer).setLong(0, 1).setBytes(1, b).build(),
                        FlowRecord.builder(outer).setLong(0, 2).setBytes(1, a).build()).toBytes();
        assertThat(two).hasSameSizeAs(one);
        ByteBuffer buffer = ByteBuffer.wrap(one.clone());
        SubTemplateListView fast = new SubTemplateListView();
        SubTemplateListView full = new SubTemplateListView();
        List<String> seen = new ArrayList<>();
        IpfixDecoder decoder = new IpfixDecoder();
        FlowRecordHandler<IpfixContext> handler = (ctx, record) -> {
            fast.wrap(record, 1, ctx);
            full.wrap(record, 1, id -> ctx.template(id));
            assertThat(fast.semanticCode()).isEqualTo(full.semanticCode());
            assertThat(fast.templateId()).isEqualTo(full.templateId());
            assertThat(fast.size()).isEqualTo(full.size());
            StringBuilder s = new StringBuilder(fast.semanticCode() + "/" + fast.templateId() + ":");
            for (int i = 0; i < fast.size(); i++) {
                assertThat(fast.record(i).getLong(0)).isEqualTo(full.record(i).getLong(0));
                s.append(' ').append(fast.record(i).getLong(0));
            }
            seen.add(s.toString());
        };
        decoder.decode(buffer, EXPORTER, handler);
        buffer.clear().put(two).flip();
        decoder.decode(buffer, EXPORTER, handler);
        assertThat(seen).containsExactly("4/400: 5 6", "2/401: 7", "2/401: 7", "4/400: 5 6");
    }

    @Test
    void twoListsOfARecordReadRightAndALaterRecordsBrokenListIsStillRejected() {
        // the check notes the last list of a record and the template its lists name; the first list must read the
        // full way, and a later record whose list of that noted template holds no whole number of records is
        // rejected as the first record's would be
        Template labels = Template.of(400, FieldSpec.of(e("octetDeltaCount"), 2));
        Template outer = Template.of(300, FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST),
                FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_LIST));
        byte[] a = {3, 1, (byte) 0x90, 0, 5, 0, 6};
        byte[] b = {4, 1, (byte) 0x90, 0, 7};
        ByteBuffer good = IpfixMessageBuilder.create().templates(labels, outer)
                .data(FlowRecord.builder(outer).setBytes(0, a).setBytes(1, b).build(),
                        FlowRecord.builder(outer).setBytes(0, b).setBytes(1, a).build()).toBuffer();
        List<String> seen = new ArrayList<>();
        SubTemplateListView list = new SubTemplateListView();
        new IpfixDecoder().decode(good, EXPORTER, (ctx, record) -> {
            StringBuilder s = new StringBuilder();
            for (int field = 0; field < 2; field++) {
                list.wrap(record, field, ctx);
                s.append(list.semanticCode()).append('/').append(list.templateId()).append(':');
                for (int i = 0; i < list.size(); i++) {
                    s.append(' ').append(list.record(i).getLong(0));
                }
                s.append(field == 0 ? "; " : "");
            }
            seen.add(s.toString());
        });
        assertThat(seen).containsExactly("3/400: 5 6; 4/400: 7", "4/400: 7; 3/400: 5 6");
        byte[] broken = {3, 1, (byte) 0x90, 0, 8, 9};
        byte[] m = IpfixMessageBuilder.create().templates(labels, outer)
                .data(FlowRecord.builder(outer).setBytes(0, a).setBytes(1, b).build(),
                        FlowRecord.builder(outer).setBytes(0, b).setBytes(1, broken).build()).toBytes();
        List<Long> handed = new ArrayList<>();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER, (ctx, record) -> handed.add(1L)))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("subTemplateList");
        assertThat(handed).as("the record before the broken one").hasSize(1);
    }

    @Test
    void listsWhoseElementsDoNotAddUpAreRejected() {
        Template t = Template.of(300, FieldSpec.of(IpfixArbitraries.BASIC_LIST));
        // semantic 3, element 1 (octetDeltaCount), element length 0x7FFF, then 3 bytes: no whole element
        byte[] list = {3, 0, 1, 0x7F, (byte) 0xFF, 1, 2, 3};
        byte[] m = IpfixMessageBuilder.create().templates(t).data(FlowRecord.builder(t).setBytes(0, list).build()).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("whole number");
        // a subTemplateMultiList entry whose length runs past the list
        Template mt = Template.of(301, FieldSpec.of(IpfixArbitraries.SUB_TEMPLATE_MULTI_LIST));
        byte[] multi = {3, 1, 0, (byte) 0xFF, (byte) 0xFF, 9};
        byte[] m2 = IpfixMessageBuilder.create().templates(mt).data(FlowRecord.builder(mt).setBytes(0, multi).build()).toBytes();
        assertThatThrownBy(() -> new IpfixDecoder().decode(ByteBuffer.wrap(m2), EXPORTER)).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("runs past the list");
    }

    // ------------------------------------------------------------------------------------ SPI

    @Test
    void theAutoDetectingDecoderFindsIpfix() throws Exception {
        FlowPacket p = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT)
                .decode(IpfixMessageBuilder.create().templates(T).data(r(5)).toBuffer(), EXPORTER);
        assertThat(p).isInstanceOf(IpfixMessage.class);
        assertThat(p.records()).containsExactly(r(5));
    }

    @Test
    void statisticsNameEveryCounter() {
        IpfixDecoder d = new IpfixDecoder();
        d.decode(IpfixMessageBuilder.create().templates(T).toBuffer(), EXPORTER);
        assertThat(d.statistics()).containsEntry("ipfix.datagrams", 1L).containsEntry("ipfix.templates", 1L).containsKey("ipfix.pendingSets")
                .containsKey("ipfix.lostSequenceNumbers");
    }

    @Test
    void aDatagramStrictModeRejectsKeepsTheTemplateChangesBeforeTheBreachAsDocumented() throws Exception {
        IpfixDecoder strict = new IpfixDecoder();
        Template other = Template.builder(300).field(e("octetDeltaCount"), 8).build();
        strict.decode(IpfixMessageBuilder.create().templates(other).toBuffer(), EXPORTER);
        byte[] broken = IpfixMessageBuilder.create().templates(T).withdraw(300).data(r(1)).data(r(2)).declaredSetLength(3).toBytes();
        assertThatThrownBy(() -> strict.decode(ByteBuffer.wrap(broken), EXPORTER)).isInstanceOf(FlowCodecException.class);
        assertThat(strict.templateStore().scopes()).hasSize(1);
        assertThat(strict.templateStore().templates(strict.templateStore().scopes().get(0)))
                .as("template before the breach kept, withdrawal applied").containsExactly(T);
        assertThat(strict.counters().rejected()).isEqualTo(1);
        assertThat(strict.counters().datagrams()).isEqualTo(1);
        List<FlowRecord> handed = new ArrayList<>();
        assertThatThrownBy(() -> strict.decode(ByteBuffer.wrap(broken), EXPORTER, (ctx, rec) -> handed.add(rec.toRecord())))
                .isInstanceOf(FlowCodecException.class);
        assertThat(handed).as("the zero-copy handler had the records before the breach").containsExactly(r(1));
        assertThat(strict.decode(IpfixMessageBuilder.create().data(r(3)).toBuffer(), EXPORTER).records()).containsExactly(r(3));
    }
}
