package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DecoderCounters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.core.TruncatedPacketException;
import io.github.flowcodec.core.UnsupportedVersionException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder, feature by feature and quirk by quirk, on packets crafted with {@link Netflow9PacketBuilder}. */
class Netflow9DecoderTest {

    static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    static final InetSocketAddress EXPORTER = new InetSocketAddress("192.0.2.1", 2055);
    static final InetSocketAddress OTHER_EXPORTER = new InetSocketAddress("192.0.2.2", 2055);

    static InformationElement e(String name) {
        return IANA.require(name);
    }

    /** src addr, dst addr, bytes (4), packets (4), proto. */
    static Template flowTemplate(int id) {
        return Template.builder(id).field(e("sourceIPv4Address")).field(e("destinationIPv4Address"))
                .field(e("octetDeltaCount"), 4).field(e("packetDeltaCount"), 4).field(e("protocolIdentifier")).build();
    }

    static FlowRecord flow(Template t, String src, long bytes) {
        try {
            return FlowRecord.builder(t).setAddress(0, InetAddress.getByName(src)).setAddress(1, InetAddress.getByName("198.51.100.1"))
                    .setLong(2, bytes).setLong(3, bytes / 100 + 1).setLong(4, 6).build();
        } catch (java.net.UnknownHostException ex) {
            throw new AssertionError(ex);
        }
    }

    /** An options template: scope system (4 bytes), then the given option fields. */
    static Template optionsTemplate(int id, FieldSpec... options) {
        List<FieldSpec> f = new ArrayList<>();
        f.add(FieldSpec.of(Netflow9.scopeElement(Netflow9.SCOPE_SYSTEM), 4));
        f.addAll(List.of(options));
        return Template.options(id, 1, f);
    }

    static final class Collected {
        final List<DecodeProblem> problems = new ArrayList<>();
        final Netflow9Decoder decoder;

        Collected(DecodeMode mode) {
            this(mode, DecoderOptions.DEFAULT_MAX_PENDING_SETS, DecoderOptions.DEFAULT_MAX_PENDING_BYTES, DecoderOptions.DEFAULT_MAX_PENDING_AGE,
                    TemplateStore.inMemory());
        }

        Collected(DecodeMode mode, int pendingSets, long pendingBytes, Duration age, TemplateStore store) {
            decoder = new Netflow9Decoder(DecoderOptions.builder().mode(mode).templateStore(store)
                    .problemListener(problems::add).maxPendingSets(pendingSets).maxPendingBytes(pendingBytes).maxPendingAge(age).build());
        }

        Netflow9Packet decode(byte[] packet) {
            return decoder.decode(ByteBuffer.wrap(packet), EXPORTER);
        }
    }

    static Netflow9Decoder strict() {
        return new Netflow9Decoder();
    }

    // ------------------------------------------------------------------------------------ basics

    @Test
    void readsTheHeader() {
        Template t = flowTemplate(256);
        byte[] p = Netflow9PacketBuilder.create().sysUptime(0xFFFF_FFF0L).unixSeconds(0xF000_0000L).sequence(0xFFFF_FFFFL)
                .sourceId(0x8000_0001L).templates(t).data(flow(t, "10.0.0.1", 100)).toBytes();
        Netflow9Packet packet = strict().decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.header()).isEqualTo(new Netflow9Header(9, 2, 0xFFFF_FFF0L, 0xF000_0000L, 0xFFFF_FFFFL, 0x8000_0001L));
        assertThat(packet.exporter()).isEqualTo(EXPORTER);
        assertThat(packet.protocol()).isEqualTo(FlowProtocol.NETFLOW_V9);
        assertThat(packet.exportTimeMillis()).isEqualTo(0xF000_0000L * 1000);
        assertThat(packet.systemUptimeMillis()).isEqualTo(0xFFFF_FFF0L);
        assertThat(packet.observationDomainId()).isEqualTo(0x8000_0001L);
        assertThat(packet.sequenceNumber()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void rejectsShortDatagramsAndOtherVersionsInBothModes() {
        for (DecodeMode mode : DecodeMode.values()) {
            Netflow9Decoder d = new Netflow9Decoder(DecoderOptions.builder().mode(mode).build());
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(new byte[19]), EXPORTER)).isInstanceOf(TruncatedPacketException.class);
            byte[] v10 = Netflow9PacketBuilder.create().version(10).toBytes();
            assertThatThrownBy(() -> d.decode(ByteBuffer.wrap(v10), EXPORTER)).isInstanceOf(UnsupportedVersionException.class);
        }
    }

    @Test
    void decodesSeveralTemplatesOptionsTemplatesAndDataSetsInOnePacket() {
        Template a = flowTemplate(256);
        Template b = Template.builder(257).field(e("sourceIPv6Address")).field(e("destinationIPv6Address"))
                .field(e("octetDeltaCount"), 8).field(e("ipClassOfService")).build(); // 41 bytes: padded sets
        Template o = optionsTemplate(300, FieldSpec.of(e("samplingInterval"), 4));
        FlowRecord o1 = FlowRecord.builder(o).setLong(1, 100).build();
        FlowRecord a1 = flow(a, "10.0.0.1", 1000);
        FlowRecord a2 = flow(a, "10.0.0.2", 2000);
        FlowRecord b1 = FlowRecord.builder(b).setBytes(0, new byte[16]).setLong(2, 5).setLong(3, 0x2E).build();
        byte[] p = Netflow9PacketBuilder.create().templates(a, b).templates(o).data(o1).data(a1, a2).data(b1).data(a2).toBytes();
        Netflow9Packet packet = strict().decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.templates()).containsExactly(a, b, o);
        assertThat(packet.records()).containsExactly(a1, a2, b1, a2);
        assertThat(packet.optionsRecords()).containsExactly(o1);
        assertThat(packet.records().get(0).getAddress(0).getHostAddress()).isEqualTo("10.0.0.1");
        assertThat(packet.records().get(1).getLong(2)).isEqualTo(2000);
        for (int i = 0; i < 4; i++) {
            assertThat(packet.samplingRate(i)).isEqualTo(100); // the options record without a sampler id: the exporter's rate
        }
    }

    @Test
    void worksThroughTheAutoDetectingDecoder() {
        Template a = flowTemplate(256);
        byte[] p = Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1000)).toBytes();
        FlowPacket packet = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT).decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.protocol()).isEqualTo(FlowProtocol.NETFLOW_V9);
        assertThat(packet.records()).hasSize(1);
    }

    @Test
    void leavesTheBufferAsItWasAndReadsFromItsPosition() {
        Template a = flowTemplate(256);
        byte[] p = Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1000)).toBytes();
        ByteBuffer b = ByteBuffer.allocate(p.length + 10);
        b.position(7);
        b.put(p);
        b.position(7).limit(7 + p.length);
        b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Netflow9Packet packet = strict().decode(b, EXPORTER);
        assertThat(packet.records()).containsExactly(flow(a, "10.0.0.1", 1000));
        assertThat(b.position()).isEqualTo(7);
        assertThat(b.limit()).isEqualTo(7 + p.length);
    }

    @Test
    void neverTrustsTheHeaderCount() {
        Template a = flowTemplate(256);
        Collected c = new Collected(DecodeMode.STRICT);
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().declaredCount(1).templates(a)
                .data(flow(a, "10.0.0.1", 1), flow(a, "10.0.0.2", 2), flow(a, "10.0.0.3", 3)).toBytes());
        assertThat(p.records()).hasSize(3);
        assertThat(c.decoder.counters().extra("countMismatches")).isEqualTo(1);
        c.decode(Netflow9PacketBuilder.create().declaredCount(999).sequence(1).data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(c.decoder.counters().extra("countMismatches")).isEqualTo(2);
        c.decode(Netflow9PacketBuilder.create().sequence(2).data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(c.decoder.counters().extra("countMismatches")).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------ templates

    @Test
    void aRedefinedTemplateWins() {
        Template v1 = flowTemplate(256);
        Template v2 = Template.builder(256).field(e("sourceIPv4Address")).field(e("octetDeltaCount"), 8).build();
        Collected c = new Collected(DecodeMode.STRICT);
        c.decode(Netflow9PacketBuilder.create().templates(v1).data(flow(v1, "10.0.0.1", 5)).toBytes());
        FlowRecord r2 = FlowRecord.builder(v2).setLong(1, 1L << 40).build();
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().sequence(1).templates(v2).data(r2).toBytes());
        assertThat(p.records()).containsExactly(r2);
        assertThat(p.records().get(0).getLong(1)).isEqualTo(1L << 40);
        assertThat(c.decoder.counters().extra("templateRedefinitions")).isEqualTo(1);
        // a refresh of the same layout is not a redefinition
        c.decode(Netflow9PacketBuilder.create().sequence(2).templates(v2).toBytes());
        assertThat(c.decoder.counters().extra("templateRedefinitions")).isEqualTo(1);
        assertThat(c.decoder.counters().templates()).isEqualTo(3);
    }

    @Test
    void templatesAreScopedByExporterAndSourceId() {
        Template a = flowTemplate(256);
        Template b = Template.builder(256).field(e("sourceIPv4Address")).build();
        TemplateStore store = TemplateStore.inMemory();
        Netflow9Decoder d = new Netflow9Decoder(DecoderOptions.builder().templateStore(store).build());
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(1).templates(a).toBytes()), EXPORTER);
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(2).templates(b).toBytes()), EXPORTER);
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(1).templates(b).toBytes()), OTHER_EXPORTER);
        assertThat(store.size()).isEqualTo(3);
        assertThat(d.counters().extra("templateRedefinitions")).isZero();
        FlowRecord ra = flow(a, "10.1.1.1", 10);
        FlowRecord rb = FlowRecord.builder(b).setBytes(0, new byte[] {10, 2, 2, 2}).build();
        assertThat(d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(1).sequence(1).data(ra).toBytes()), EXPORTER).records()).containsExactly(ra);
        assertThat(d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(2).sequence(1).data(rb).toBytes()), EXPORTER).records()).containsExactly(rb);
        assertThat(d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(1).sequence(1).data(rb).toBytes()), OTHER_EXPORTER).records()).containsExactly(rb);
        // an exporter that never sent template 256 for source id 3 gets nothing decoded
        assertThat(d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(3).data(ra).toBytes()), EXPORTER).records()).isEmpty();
        TemplateScope scope = scope(EXPORTER, 1);
        assertThat(store.get(scope, 256)).contains(a);
    }

    @Test
    void theSameFieldTypeTwiceInOneTemplate() {
        // Cisco ASA and others repeat types (two interface ids, two byte counters)
        Template t = Template.builder(256).field(e("ingressInterface"), 2).field(e("ingressInterface"), 4)
                .field(e("octetDeltaCount"), 4).field(e("octetDeltaCount"), 8).build();
        FlowRecord r = FlowRecord.builder(t).setLong(0, 3).setLong(1, 70000).setLong(2, 10).setLong(3, 1L << 33).build();
        Netflow9Packet p = strict().decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().templates(t).data(r).toBytes()), EXPORTER);
        FlowRecord got = p.records().get(0);
        assertThat(got.getAll(e("ingressInterface"))).containsExactly(3L, 70000L);
        assertThat(got.getAll(e("octetDeltaCount"))).containsExactly(10L, 1L << 33);
    }

    @Test
    void resolvesIpfixIdsVendorTypesAbove32767AndUnknownTypes() {
        // IPFIX-only ids in v9 (Cisco ASR1000: 152/153, 130 ...), NSEL 40000 (username), nProbe 57590, and
        // 65000 that nobody assigned: octets
        byte[] p = Netflow9PacketBuilder.create()
                .rawTemplate(256, 130, 4, 152, 8, 40000, 8, 57590, 2, 65000, 3, 233, 1)
                .rawSet(256, new byte[] {10, 0, 0, 9, 0, 0, 1, -128, 0, 0, 0, 0, 'a', 'l', 'i', 'c', 'e', 0, 0, 0, 0, 7, 1, 2, 3, 2, 0, 0, 0, 0})
                .toBytes();
        Netflow9Packet packet = strict().decode(ByteBuffer.wrap(p), EXPORTER);
        Template t = packet.templates().get(0);
        assertThat(t.field(0).element()).isEqualTo(e("exporterIPv4Address"));
        assertThat(t.field(1).element()).isEqualTo(e("flowStartMilliseconds"));
        assertThat(t.field(2).element().name()).isEqualTo("username");
        assertThat(t.field(2).element().id()).isEqualTo(40000);
        assertThat(t.field(3).element().name()).isEqualTo("nprobe_proto");
        assertThat(t.field(4).element().isKnown()).isFalse();
        assertThat(t.field(5).element()).isEqualTo(e("firewallEvent"));
        FlowRecord r = packet.records().get(0);
        assertThat(r.getValue(0)).isEqualTo(InetAddressOf("10.0.0.9"));
        assertThat(r.getString(2)).isEqualTo("alice");
        assertThat(r.getLong(3)).isEqualTo(7);
        assertThat(r.getValue(4)).isEqualTo(new byte[] {1, 2, 3});
        assertThat(r.getLong(5)).isEqualTo(2);
        assertThat(Netflow9.fieldType(t.field(2).element(), false)).isEqualTo(40000);
    }

    static InetAddress InetAddressOf(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void variableLengthFieldsInsideV9AsH3CSendsThem() {
        Template t = Template.builder(3281).field(e("sourceIPv4Address")).field(e("interfaceName"), FieldSpec.VARIABLE_LENGTH)
                .field(e("octetDeltaCount"), 4).build();
        FlowRecord shortName = FlowRecord.builder(t).setString(1, "GE1/0/1").setLong(2, 10).build();
        FlowRecord longName = FlowRecord.builder(t).setString(1, "x".repeat(300)).setLong(2, 20).build(); // the 3-byte length form
        FlowRecord empty = FlowRecord.builder(t).setLong(2, 30).build();
        byte[] p = Netflow9PacketBuilder.create().templates(t).data(shortName, longName, empty).toBytes();
        Netflow9Packet packet = strict().decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.records()).containsExactly(shortName, longName, empty);
        assertThat(packet.records().get(1).getString(1)).hasSize(300);
        assertThat(packet.records().get(2).getLong(2)).isEqualTo(30);
    }

    // ------------------------------------------------------------------------------------ data before templates

    @Test
    void dataBeforeItsTemplateInTheSamePacketIsDecodedWhenTheTemplateComes() {
        Template a = flowTemplate(256);
        FlowRecord r1 = flow(a, "10.0.0.1", 1);
        FlowRecord r2 = flow(a, "10.0.0.2", 2);
        Collected c = new Collected(DecodeMode.STRICT);
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().data(r1).templates(a).data(r2).toBytes());
        assertThat(p.records()).containsExactly(r1, r2);
        assertThat(p.releasedPackets()).isEmpty();
        DecoderCounters k = c.decoder.counters();
        assertThat(k.missingTemplateSets()).isEqualTo(1);
        assertThat(k.extra("releasedRecords")).isEqualTo(1);
        assertThat(k.missingTemplateSetsDropped()).isZero();
        assertThat(k.extra("countMismatches")).isZero();
        assertThat(c.decoder.pendingSets()).isZero();
    }

    @Test
    void dataFromEarlierPacketsIsReleasedWithItsOwnHeader() {
        Template a = flowTemplate(256);
        Template o = optionsTemplate(257, FieldSpec.of(e("samplerId"), 2), FieldSpec.of(e("samplerRandomInterval"), 4));
        FlowRecord r1 = flow(a, "10.0.0.1", 1);
        FlowRecord o1 = FlowRecord.builder(o).setLong(1, 1).setLong(2, 512).build();
        Collected c = new Collected(DecodeMode.STRICT);
        Netflow9Packet first = c.decode(Netflow9PacketBuilder.create().sequence(10).sysUptime(5000).data(r1).data(o1).toBytes());
        assertThat(first.records()).isEmpty();
        assertThat(first.optionsRecords()).isEmpty();
        assertThat(c.decoder.pendingSets()).isEqualTo(2);
        Netflow9Packet second = c.decode(Netflow9PacketBuilder.create().sequence(11).sysUptime(6000).templates(o).templates(a).toBytes());
        assertThat(second.records()).isEmpty();
        assertThat(second.releasedPackets()).hasSize(2);
        FlowPacket options = second.releasedPackets().get(0);
        FlowPacket data = second.releasedPackets().get(1);
        assertThat(options.optionsRecords()).containsExactly(o1); // options records are released too, never dropped
        assertThat(data.records()).containsExactly(r1);
        assertThat(data.sequenceNumber()).isEqualTo(10);
        assertThat(data.systemUptimeMillis()).isEqualTo(5000);
        DecoderCounters k = c.decoder.counters();
        assertThat(k.extra("releasedRecords")).isEqualTo(2);
        assertThat(k.records()).isEqualTo(1);
        assertThat(k.optionsRecords()).isEqualTo(1);
        // the first packet's count (2) could not be checked: its sets waited; the second one's (2 templates) is right
        assertThat(k.extra("countMismatches")).isEqualTo(1);
        assertThat(c.decoder.pendingSets()).isZero();
    }

    @Test
    void theZeroCopyPathMarksReleasedRecordsAndGivesTheirPacketsContext() {
        Template a = flowTemplate(256);
        Netflow9Decoder d = strict();
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sequence(10).data(flow(a, "10.0.0.1", 1)).toBytes()), EXPORTER, (ctx, r) -> {
            throw new AssertionError("nothing to decode yet");
        });
        List<String> seen = new ArrayList<>();
        int n = d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sequence(11).templates(a).data(flow(a, "10.0.0.2", 2)).toBytes()),
                EXPORTER, (ctx, r) -> {
                    Netflow9Context v9 = (Netflow9Context) ctx;
                    seen.add(r.getAddress(0).getHostAddress() + " seq " + ctx.sequenceNumber() + " released " + v9.released()
                            + " template " + v9.templateId());
                });
        assertThat(n).isEqualTo(2);
        assertThat(seen).containsExactly("10.0.0.1 seq 10 released true template 256", "10.0.0.2 seq 11 released false template 256");
    }

    @Test
    void dataWhoseTemplateNeverComesIsDroppedCountedAndReported() {
        Template a = flowTemplate(256);
        Collected c = new Collected(DecodeMode.STRICT, 16, 1 << 20, Duration.ofSeconds(1), TemplateStore.inMemory());
        c.decode(Netflow9PacketBuilder.create().data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(c.decoder.pendingSets()).isEqualTo(1);
        assertThat(c.problems).isEmpty();
        sleep(1100);
        c.decode(Netflow9PacketBuilder.create().sequence(1).toBytes());
        assertThat(c.decoder.pendingSets()).isZero();
        assertThat(c.decoder.counters().missingTemplateSetsDropped()).isEqualTo(1);
        assertThat(c.problems).singleElement().satisfies(p -> assertThat(p.reason()).contains("256").contains("did not come in time"));
        assertThat(c.decoder.statistics()).containsEntry("netflow9.missingTemplateSetsDropped", 1L).containsEntry("netflow9.pendingSets", 0L);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void thePendingBufferIsBoundedInSetsAndBytes() {
        Template a = flowTemplate(256); // 17-byte records
        Collected c = new Collected(DecodeMode.LENIENT, 4, 1 << 20, Duration.ofMinutes(5), TemplateStore.inMemory());
        for (int i = 0; i < 10; i++) {
            c.decode(Netflow9PacketBuilder.create().sequence(i).data(flow(Template.of(300 + i, a.fields()), "10.0.0.1", i)).toBytes());
            assertThat(c.decoder.pendingSets()).isLessThanOrEqualTo(4);
        }
        assertThat(c.decoder.counters().missingTemplateSets()).isEqualTo(10);
        assertThat(c.decoder.counters().missingTemplateSetsDropped()).isEqualTo(6);
        assertThat(c.problems).hasSize(6).allSatisfy(p -> assertThat(p.reason()).contains("pending-data buffer is full"));
        // the 4 most recent ones are still there and come out when their templates come
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().sequence(10)
                .templates(Template.of(309, a.fields()), Template.of(306, a.fields()), Template.of(307, a.fields()), Template.of(305, a.fields())).toBytes());
        assertThat(p.releasedPackets()).hasSize(3);
        assertThat(c.decoder.pendingSets()).isEqualTo(1);

        // bytes: 20 bytes of records at most; a 3-record set (51 bytes) cannot wait at all, a 1-record set can
        Collected small = new Collected(DecodeMode.LENIENT, 100, 20, Duration.ofMinutes(5), TemplateStore.inMemory());
        small.decode(Netflow9PacketBuilder.create().data(flow(a, "10.0.0.1", 1), flow(a, "10.0.0.2", 2), flow(a, "10.0.0.3", 3)).toBytes());
        assertThat(small.decoder.pendingSets()).isZero();
        assertThat(small.decoder.counters().missingTemplateSetsDropped()).isEqualTo(1);
        small.decode(Netflow9PacketBuilder.create().sequence(1).data(flow(a, "10.0.0.1", 1)).toBytes());
        small.decode(Netflow9PacketBuilder.create().sequence(2).data(flow(a, "10.0.0.2", 1)).toBytes());
        assertThat(small.decoder.pendingSets()).isEqualTo(1);
        assertThat(small.decoder.counters().missingTemplateSetsDropped()).isEqualTo(2);

        // 0 sets: dropped at once, reported
        Collected none = new Collected(DecodeMode.STRICT, 0, 0, Duration.ofMinutes(5), TemplateStore.inMemory());
        none.decode(Netflow9PacketBuilder.create().data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(none.decoder.pendingSets()).isZero();
        assertThat(none.decoder.counters().missingTemplateSetsDropped()).isEqualTo(1);
        assertThat(none.problems).hasSize(1);
    }

    // ------------------------------------------------------------------------------------ sampling

    @Test
    void samplingRatesFromOptionsRecordsBySamplerId() {
        // Cisco IOS / IOS XR: an options record per sampler (FLOW_SAMPLER_ID 48, MODE 49, RANDOM_INTERVAL 50), data records name their sampler
        Template sampler = optionsTemplate(300, FieldSpec.of(e("samplerId"), 1), FieldSpec.of(e("samplerMode"), 1),
                FieldSpec.of(e("samplerRandomInterval"), 4));
        Template data = Template.builder(256).field(e("sourceIPv4Address")).field(e("octetDeltaCount"), 4).field(e("samplerId"), 1).build();
        byte[] p = Netflow9PacketBuilder.create().templates(sampler)
                .data(FlowRecord.builder(sampler).setLong(1, 1).setLong(2, 2).setLong(3, 100).build(),
                        FlowRecord.builder(sampler).setLong(1, 2).setLong(2, 2).setLong(3, 1000).build())
                .templates(data)
                .data(FlowRecord.builder(data).setLong(1, 1).setLong(2, 1).build(),
                        FlowRecord.builder(data).setLong(1, 2).setLong(2, 2).build(),
                        FlowRecord.builder(data).setLong(1, 3).setLong(2, 3).build())
                .toBytes();
        Netflow9Packet packet = strict().decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.samplingRate(0)).isEqualTo(100);
        assertThat(packet.samplingRate(1)).isEqualTo(1000);
        assertThat(packet.samplingRate(2)).isZero(); // sampler 3 was never announced
        assertThat(packet.samplingRate(packet.records().get(1))).isEqualTo(1000);
        assertThat(packet.samplingRate()).isZero(); // they differ
    }

    @Test
    void samplingRatesFromOptionsWithoutSamplerIdApplyToTheWholeExporter() {
        // older IOS: SAMPLING_INTERVAL 34 and SAMPLING_ALGORITHM 35 in an options record scoped to the system
        Template opt = optionsTemplate(300, FieldSpec.of(e("samplingInterval"), 4), FieldSpec.of(e("samplingAlgorithm"), 1));
        Template data = flowTemplate(256);
        Netflow9Decoder d = strict();
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().templates(opt).templates(data)
                .data(FlowRecord.builder(opt).setLong(1, 64).setLong(2, 1).build()).toBytes()), EXPORTER);
        Netflow9Packet p = d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sequence(1).data(flow(data, "10.0.0.1", 1)).toBytes()), EXPORTER);
        assertThat(p.samplingRate(0)).isEqualTo(64);
        assertThat(p.samplingRate()).isEqualTo(64);
        // another exporter knows no rate
        Netflow9Packet other = d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().templates(data).data(flow(data, "10.0.0.1", 1)).toBytes()), OTHER_EXPORTER);
        assertThat(other.samplingRate(0)).isZero();
    }

    @Test
    void samplingRatesFromIpfixSelectorsInV9() {
        // selectorId 302 with samplingPacketInterval 305 / samplingPacketSpace 306: 1 packet of every 1 + 99
        Template opt = optionsTemplate(300, FieldSpec.of(e("selectorId"), 4), FieldSpec.of(e("samplingPacketInterval"), 4),
                FieldSpec.of(e("samplingPacketSpace"), 4));
        Template data = Template.builder(256).field(e("sourceIPv4Address")).field(e("selectorId"), 4).build();
        byte[] p = Netflow9PacketBuilder.create().templates(opt).data(FlowRecord.builder(opt).setLong(1, 7).setLong(2, 1).setLong(3, 99).build())
                .templates(data).data(FlowRecord.builder(data).setLong(1, 7).build()).toBytes();
        assertThat(strict().decode(ByteBuffer.wrap(p), EXPORTER).samplingRate(0)).isEqualTo(100);
    }

    @Test
    void samplingRatesInsideDataRecordsAsHuaweiSendsThem() {
        Template data = Template.builder(256).field(e("sourceIPv4Address")).field(e("samplingInterval"), 4).field(e("samplingAlgorithm"), 1).build();
        byte[] p = Netflow9PacketBuilder.create().templates(data)
                .data(FlowRecord.builder(data).setLong(1, 2000).setLong(2, 1).build(), FlowRecord.builder(data).setLong(1, 10).setLong(2, 2).build())
                .toBytes();
        Netflow9Decoder d = strict();
        Netflow9Packet packet = d.decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.samplingRate(0)).isEqualTo(2000);
        assertThat(packet.samplingRate(1)).isEqualTo(10);
        List<Long> rates = new ArrayList<>();
        d.decode(ByteBuffer.wrap(p), EXPORTER, (ctx, r) -> rates.add(ctx.samplingRate()));
        assertThat(rates).containsExactly(2000L, 10L);
    }

    // ------------------------------------------------------------------------------------ times

    @Test
    void firstAndLastSwitchedRelativeToSysUptimeBecomeAbsolute() {
        Template t = Template.builder(256).field(e("flowStartSysUpTime"), 4).field(e("flowEndSysUpTime"), 4).build(); // FIRST_SWITCHED 22, LAST_SWITCHED 21
        FlowRecord r = FlowRecord.builder(t).setLong(0, 990_000).setLong(1, 999_500).build();
        byte[] p = Netflow9PacketBuilder.create().sysUptime(1_000_000).unixSeconds(1_700_000_000).templates(t).data(r).toBytes();
        Netflow9Decoder d = strict();
        Netflow9Packet packet = d.decode(ByteBuffer.wrap(p), EXPORTER);
        assertThat(packet.flowStartMillis(packet.records().get(0))).isEqualTo(1_700_000_000_000L - 10_000);
        assertThat(packet.flowEndMillis(packet.records().get(0))).isEqualTo(1_700_000_000_000L - 500);
        long[] times = new long[2];
        d.decode(ByteBuffer.wrap(p), EXPORTER, (ctx, v) -> {
            times[0] = ctx.flowStartMillis(v);
            times[1] = ctx.flowEndMillis(v);
        });
        assertThat(times).containsExactly(1_700_000_000_000L - 10_000, 1_700_000_000_000L - 500);
    }

    @Test
    void uptimeArithmeticIsUnsigned32BitOnBothSidesOfTheWrap() {
        Template t = Template.builder(256).field(e("flowStartSysUpTime"), 4).field(e("flowEndSysUpTime"), 4).build();
        long export = 1_700_000_000L;
        // just before the wrap: uptime 2^32 - 1000, the flow started 9 s earlier, with the high bit set
        FlowRecord before = FlowRecord.builder(t).setLong(0, 0xFFFF_FFFFL - 1000 - 9000 + 1).setLong(1, 0xFFFF_FFFFL - 1000 + 1).build();
        Netflow9Decoder d = strict();
        Netflow9Packet p1 = d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sysUptime(0x1_0000_0000L - 1000).unixSeconds(export)
                .templates(t).data(before).toBytes()), EXPORTER);
        assertThat(p1.flowStartMillis(p1.records().get(0))).isEqualTo(export * 1000 - 9000);
        assertThat(p1.flowEndMillis(p1.records().get(0))).isEqualTo(export * 1000);
        // just after the wrap: uptime 3000 (4 s later), the flow started before the wrap, ended after it
        FlowRecord across = FlowRecord.builder(t).setLong(0, 0x1_0000_0000L - 2000).setLong(1, 1000).build();
        Netflow9Packet p2 = d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sequence(1).sysUptime(3000).unixSeconds(export + 4)
                .data(across).toBytes()), EXPORTER);
        assertThat(p2.records()).hasSize(1); // the wrap is not a restart: the template is still there
        assertThat(d.counters().restarts()).isZero();
        assertThat(p2.flowStartMillis(p2.records().get(0))).isEqualTo((export + 4) * 1000 - 5000);
        assertThat(p2.flowEndMillis(p2.records().get(0))).isEqualTo((export + 4) * 1000 - 2000);
    }

    @Test
    void theUptimeWrapIsNotARestartEvenWithPacketsHoursApart() {
        // before the fix: 2^32 - 2 h then, 3 h later, 1 h (wrapped) was taken for a restart and flushed the templates
        Template a = flowTemplate(256);
        long e0 = 1_700_000_000L;
        Collected c = new Collected(DecodeMode.STRICT);
        c.decode(Netflow9PacketBuilder.create().sysUptime(0x1_0000_0000L - 7_200_000).unixSeconds(e0).templates(a).toBytes());
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().sequence(1).sysUptime(3_600_000).unixSeconds(e0 + 3 * 3600)
                .data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(c.decoder.counters().restarts()).isZero();
        assertThat(p.records()).hasSize(1);
        // a real restart hours later (uptime 10 minutes: the boot time moved by 50 minutes modulo 2^32) is one
        Collected r = new Collected(DecodeMode.STRICT);
        r.decode(Netflow9PacketBuilder.create().sysUptime(0x1_0000_0000L - 7_200_000).unixSeconds(e0).templates(a).toBytes());
        Netflow9Packet q = r.decode(Netflow9PacketBuilder.create().sequence(1).sysUptime(600_000).unixSeconds(e0 + 3 * 3600)
                .data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(r.decoder.counters().restarts()).isEqualTo(1);
        assertThat(q.records()).isEmpty();
    }

    @Test
    void absoluteMillisecondTimestampsAreTakenAsTheyAre() {
        Template t = Template.builder(256).field(e("flowStartMilliseconds")).field(e("flowEndMilliseconds"))
                .field(e("flowStartSysUpTime"), 4).build(); // 152/153 win over the uptime form
        FlowRecord r = FlowRecord.builder(t).setLong(0, 1_650_000_000_123L).setLong(1, 1_650_000_001_456L).setLong(2, 5).build();
        Netflow9Packet p = strict().decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().templates(t).data(r).toBytes()), EXPORTER);
        assertThat(p.flowStartMillis(p.records().get(0))).isEqualTo(1_650_000_000_123L);
        assertThat(p.flowEndMillis(p.records().get(0))).isEqualTo(1_650_000_001_456L);
    }

    // ------------------------------------------------------------------------------------ sequence, restarts

    @Test
    void sequenceNumbersPerScopeGiveLostAndLatePackets() {
        Netflow9Decoder d = strict();
        long[][] sent = {{1, 100}, {1, 101}, {2, 7}, {1, 105}, {2, 8}, {1, 104}, {1, 106}, {2, 10}};
        for (long[] s : sent) {
            d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(s[0]).sequence(s[1]).toBytes()), EXPORTER);
        }
        assertThat(d.counters().lostSequenceNumbers()).isEqualTo(3 + 1); // 102-104 from source 1, 9 from source 2
        assertThat(d.counters().extra("latePackets")).isEqualTo(1);
        // across the 32-bit wrap of the sequence number
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(5).sequence(0xFFFF_FFFFL).toBytes()), EXPORTER);
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(5).sequence(0).toBytes()), EXPORTER);
        assertThat(d.counters().lostSequenceNumbers()).isEqualTo(4);
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(5).sequence(5000).toBytes()), EXPORTER);
        assertThat(d.counters().lostSequenceNumbers()).isEqualTo(4 + 4999);
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(5).sequence(3).toBytes()), EXPORTER);
        assertThat(d.counters().extra("sequenceResets")).isEqualTo(1);
    }

    @Test
    void sysUptimeGoingBackIsARestartThatFlushesTheExportersTemplates() {
        Template a = flowTemplate(256);
        Collected c = new Collected(DecodeMode.STRICT);
        c.decode(Netflow9PacketBuilder.create().sysUptime(86_400_000).unixSeconds(1_700_000_000).templates(a).toBytes());
        c.decoder.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sysUptime(86_400_000).templates(a).toBytes()), OTHER_EXPORTER);
        // a late packet (uptime a little back, same boot time) is not a restart
        c.decode(Netflow9PacketBuilder.create().sequence(1).sysUptime(86_399_000).unixSeconds(1_699_999_999).data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(c.decoder.counters().restarts()).isZero();
        // data of a template that never came waits ...
        c.decode(Netflow9PacketBuilder.create().sequence(2).sysUptime(86_401_000).unixSeconds(1_700_000_001)
                .data(flow(Template.of(300, a.fields()), "10.0.0.9", 9)).toBytes());
        assertThat(c.decoder.pendingSets()).isEqualTo(1);
        // the exporter rebooted: uptime 20 s, 10 minutes later
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().sequence(0).sysUptime(20_000).unixSeconds(1_700_000_600)
                .data(flow(a, "10.0.0.1", 1)).toBytes());
        assertThat(c.decoder.counters().restarts()).isEqualTo(1);
        // ... and is dropped, counted and reported when its exporter restarts (its template can no longer come)
        assertThat(c.decoder.counters().missingTemplateSetsDropped()).isEqualTo(1);
        assertThat(c.problems).singleElement().satisfies(pr -> assertThat(pr.reason()).contains("300").contains("restarted"));
        assertThat(p.records()).isEmpty(); // template 256 was flushed: the data waits for the new one
        assertThat(c.decoder.pendingSets()).isEqualTo(1);
        assertThat(c.decoder.templateStore().get(scope(EXPORTER, 0), 256)).isEmpty();
        assertThat(c.decoder.templateStore().get(scope(OTHER_EXPORTER, 0), 256)).contains(a);
        Netflow9Packet again = c.decode(Netflow9PacketBuilder.create().sequence(1).sysUptime(21_000).unixSeconds(1_700_000_601).templates(a).toBytes());
        assertThat(again.releasedPackets()).hasSize(1);
        assertThat(c.decoder.counters().extra("sequenceResets")).isZero(); // the restart started the sequence afresh
    }

    // ------------------------------------------------------------------------------------ quirks

    @Test
    void zeroBytesAfterTheLastFlowSetAsPaloAltoSendsThem() {
        Template a = flowTemplate(256);
        for (int zeros : new int[] {1, 2, 3, 4, 5, 1000}) {
            Collected c = new Collected(DecodeMode.STRICT);
            Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1)).trailing(new byte[zeros]).toBytes());
            assertThat(p.records()).hasSize(1);
            assertThat(c.decoder.counters().extra("trailingPadding")).isEqualTo(1);
        }
    }

    @Test
    void paddingLongerThan3BytesInDataFlowSetsAsNxOsAndIosXrSendIt() {
        Template a = flowTemplate(256);
        Collected c = new Collected(DecodeMode.STRICT);
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().templates(a).dataPadded(15, flow(a, "10.0.0.1", 1))
                .data(flow(a, "10.0.0.2", 2)).toBytes());
        assertThat(p.records()).hasSize(2);
        assertThat(c.decoder.counters().extra("longPadding")).isEqualTo(1);
        assertThat(c.decoder.counters().repaired()).isZero();
    }

    @Test
    void flowSetLengthsThatAreNotMultiplesOf4AsSoftflowdSendsThem() {
        Template a = flowTemplate(256); // 17-byte records: unpadded sets of 21 and 38 bytes
        Collected c = new Collected(DecodeMode.STRICT);
        Netflow9Packet p = c.decode(Netflow9PacketBuilder.create().templates(a).dataPadded(0, flow(a, "10.0.0.1", 1))
                .dataPadded(0, flow(a, "10.0.0.2", 2), flow(a, "10.0.0.3", 3)).dataPadded(1, flow(a, "10.0.0.4", 4)).toBytes());
        assertThat(p.records()).extracting(r -> r.getLong(2)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(c.decoder.counters().extra("unalignedSets")).isEqualTo(3);
    }

    @Test
    void totalCountersInsteadOfDeltaCounters() {
        Template t = Template.builder(256).field(e("sourceIPv4Address")).field(e("octetTotalCount"), 8).field(e("packetTotalCount"), 8).build();
        FlowRecord r = FlowRecord.builder(t).setLong(1, 123_456_789_000L).setLong(2, 4242).build();
        FlowRecord got = strict().decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().templates(t).data(r).toBytes()), EXPORTER).records().get(0);
        assertThat(got.getLong(e("octetTotalCount"), -1)).isEqualTo(123_456_789_000L);
        assertThat(got.getLong(e("packetTotalCount"), -1)).isEqualTo(4242);
        assertThat(got.has(e("octetDeltaCount"))).isFalse();
    }

    @Test
    void ciscoAsaNselRecordsWithInitiatorAndResponderCountersAndNoInBytes() {
        // NSEL: 231/232 initiator/responder octets, 298/299 packets, 233 firewall event, 33000 ingress ACL, no IN_BYTES (1)
        byte[] p = Netflow9PacketBuilder.create()
                .rawTemplate(263, 8, 4, 12, 4, 7, 2, 11, 2, 4, 1, 231, 4, 232, 4, 298, 4, 299, 4, 233, 1, 33000, 12, 323, 8)
                .rawSet(263, concat(new byte[] {10, 1, 1, 1, 10, 2, 2, 2, 0x13, (byte) 0x88, 0, 80, 6},
                        new byte[] {0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 4, 2},
                        new byte[12], new byte[] {0, 0, 1, (byte) 0x8B, 0, 0, 0, 0}))
                .toBytes();
        Netflow9Packet packet = strict().decode(ByteBuffer.wrap(p), EXPORTER);
        FlowRecord r = packet.records().get(0);
        assertThat(r.has(e("octetDeltaCount"))).isFalse();
        assertThat(r.getLong(e("initiatorOctets"), -1)).isEqualTo(256);
        assertThat(r.getLong(e("responderOctets"), -1)).isEqualTo(512);
        assertThat(r.getLong(e("initiatorPackets"), -1)).isEqualTo(3);
        assertThat(r.getLong(e("responderPackets"), -1)).isEqualTo(4);
        assertThat(r.getLong(e("firewallEvent"), -1)).isEqualTo(2);
        assertThat(r.template().field(10).element().name()).isEqualTo("ingress_acl_id");
        assertThat(r.getLong(e("sourceTransportPort"), -1)).isEqualTo(5000);
        assertThat(packet.flowStartMillis(r)).isEqualTo(ExportContext.NO_TIME); // 323 is observationTimeMilliseconds: no flow start
    }

    static byte[] b(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static TemplateScope scope(InetSocketAddress exporter, long sourceId) {
        return io.github.flowcodec.core.TemplateScopePolicy.ADDRESS_AND_DOMAIN.scope(FlowProtocol.NETFLOW_V9, exporter, sourceId);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ hostile input

    /** Each hostile packet: strict throws a FlowCodecException; lenient reports it, counts it and decodes the rest. */
    private static void strictThrowsLenientReports(byte[] packet, String reasonPart, int lenientRecords) {
        assertThatThrownBy(() -> new Netflow9Decoder().decode(ByteBuffer.wrap(packet), EXPORTER))
                .isInstanceOf(FlowCodecException.class).hasMessageContaining(reasonPart);
        Collected c = new Collected(DecodeMode.LENIENT);
        Netflow9Packet p = c.decode(packet);
        assertThat(p.records()).hasSize(lenientRecords);
        assertThat(c.problems).isNotEmpty().anySatisfy(pr -> assertThat(pr.reason()).contains(reasonPart));
        assertThat(c.decoder.counters().repaired()).isEqualTo(c.problems.size());
    }

    @Test
    void aTemplateWithZeroFields() {
        Template a = flowTemplate(256);
        strictThrowsLenientReports(Netflow9PacketBuilder.create().rawTemplate(300).templates(a).data(flow(a, "10.0.0.1", 1)).toBytes(),
                "has no fields", 1);
    }

    @Test
    void aFieldOfLength0IsKeptInLenientModeAsRealExportersSendIt() {
        byte[] p = Netflow9PacketBuilder.create().rawTemplate(300, 8, 4, 7, 0, 2, 4)
                .rawSet(300, new byte[] {10, 0, 0, 1, 0, 0, 0, 9}).toBytes();
        strictThrowsLenientReports(p, "has length 0", 1);
        Collected c = new Collected(DecodeMode.LENIENT);
        FlowRecord r = c.decode(p).records().get(0);
        assertThat(r.getLong(2)).isEqualTo(9);
        assertThat(r.fieldLength(1)).isZero();
        assertThat(c.decoder.counters().extra("zeroLengthFields")).isEqualTo(1);
    }

    @Test
    void aTemplateWhoseRecordLengthIs0IsRefusedInBothModes() {
        byte[] p = Netflow9PacketBuilder.create().rawTemplate(300, 8, 0, 7, 0).rawSet(300, new byte[8]).toBytes();
        strictThrowsLenientReports(p, "length 0", 0);
        Collected c = new Collected(DecodeMode.LENIENT);
        c.decode(p);
        assertThat(c.decoder.templateStore().size()).isZero();
        assertThat(c.problems).anySatisfy(pr -> assertThat(pr.reason()).contains("no bytes"));
    }

    @Test
    void aRecordLongerThanItsSet() {
        Template a = flowTemplate(256);
        // a set of 8 bytes of records for 17-byte records
        strictThrowsLenientReports(Netflow9PacketBuilder.create().templates(a).rawSet(256, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .data(flow(a, "10.0.0.1", 1)).toBytes(), "hold no whole record", 1);
    }

    @Test
    void setLengthsBelow4() {
        Template a = flowTemplate(256);
        for (int len : new int[] {0, 1, 2, 3}) {
            byte[] p = Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1)).rawSet(256, b(1, 2, 3, 4)).declaredSetLength(len)
                    .data(flow(a, "10.0.0.2", 1)).toBytes();
            strictThrowsLenientReports(p, "is below 4", 1);
        }
    }

    @Test
    void setsThatRunPastTheEndOfThePacket() {
        Template a = flowTemplate(256);
        byte[] p = Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1), flow(a, "10.0.0.2", 2)).declaredSetLength(9999).toBytes();
        strictThrowsLenientReports(p, "runs past the end", 2); // lenient: the whole records that are there
        byte[] cut = Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1), flow(a, "10.0.0.2", 2)).truncateTo(20 + 4 + 32 + 4 + 17 + 5).toBytes();
        strictThrowsLenientReports(cut, "runs past the end", 1);
        byte[] templateCut = Netflow9PacketBuilder.create().templates(a).truncateTo(20 + 4 + 4 + 4 * 3).toBytes();
        strictThrowsLenientReports(templateCut, "runs past the end", 0);
    }

    @Test
    void bytesAfterTheLastSetThatAreNotPadding() {
        Template a = flowTemplate(256);
        byte[] p = concat(Netflow9PacketBuilder.create().templates(a).data(flow(a, "10.0.0.1", 1)).toBytes(), new byte[] {0, 7});
        strictThrowsLenientReports(p, "too few for a FlowSet header", 1);
    }

    @Test
    void templateWith65535FieldsAndFieldCountsOverTheSet() {
        byte[] p = Netflow9PacketBuilder.create().rawSet(0, new byte[] {1, 44, (byte) 0xFF, (byte) 0xFF, 0, 8, 0, 4}).toBytes();
        strictThrowsLenientReports(p, "65535 fields", 0);
        // the biggest template a set can hold: 16382 fields, all decoded and none allocated beyond them
        int n = (0xFFFF - 8) / 4;
        ByteBuffer body = ByteBuffer.allocate(4 + 4 * n);
        body.putShort((short) 300).putShort((short) n);
        for (int i = 0; i < n; i++) {
            body.putShort((short) 8).putShort((short) 4);
        }
        Netflow9Packet big = strict().decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().rawSet(0, body.array()).toBytes()), EXPORTER);
        assertThat(big.templates().get(0).fieldCount()).isEqualTo(n);
    }

    @Test
    void reservedSetIdsAndTemplateIdsBelow256() {
        Template a = flowTemplate(256);
        strictThrowsLenientReports(Netflow9PacketBuilder.create().rawSet(5, b(0, 0, 0, 0)).templates(a).data(flow(a, "10.0.0.1", 1)).toBytes(),
                "reserved", 1);
        strictThrowsLenientReports(Netflow9PacketBuilder.create().rawTemplate(200, 8, 4).templates(a).data(flow(a, "10.0.0.1", 1)).toBytes(),
                "below 256", 1);
    }

    @Test
    void optionsTemplatesWithoutScopeOrWithOddLengths() {
        Template a = flowTemplate(256);
        // scope length 0 (Juniper SRX sends that), option length 4
        byte[] noScope = Netflow9PacketBuilder.create().rawSet(1, b(1, 44, 0, 0, 0, 4, 0, 34, 0, 4, 0, 0)).templates(a)
                .data(flow(a, "10.0.0.1", 1)).toBytes();
        strictThrowsLenientReports(noScope, "no scope field", 1);
        byte[] odd = Netflow9PacketBuilder.create().rawSet(1, b(1, 44, 0, 3, 0, 4, 0, 1, 0, 4, 0, 34, 0, 4, 0, 0)).templates(a)
                .data(flow(a, "10.0.0.1", 1)).toBytes();
        strictThrowsLenientReports(odd, "multiples of 4", 1);
    }

    @Test
    void aFloodOfDistinctTemplatesFromManyExportersStaysWithinTheStoreLimits() {
        TemplateStore store = TemplateStore.builder().maxTemplatesPerExporter(50).maxTemplates(400).build();
        Netflow9Decoder d = new Netflow9Decoder(DecoderOptions.builder().templateStore(store).mode(DecodeMode.LENIENT).build());
        for (int exporter = 0; exporter < 30; exporter++) {
            InetSocketAddress from = new InetSocketAddress("10.9." + exporter + ".1", 2055);
            for (int packet = 0; packet < 10; packet++) {
                Template[] ts = new Template[20];
                for (int i = 0; i < ts.length; i++) {
                    ts[i] = Template.builder(256 + packet * 20 + i).field(e("sourceIPv4Address")).field(e("octetDeltaCount"), 1 + (i % 8)).build();
                }
                d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().sourceId(packet % 3).sequence(packet).templates(ts).toBytes()), from);
                assertThat(store.size()).isLessThanOrEqualTo(400);
                for (TemplateScope s : store.scopes()) {
                    if (s.exporter().equals(from)) {
                        assertThat(store.templates(s).size()).isLessThanOrEqualTo(50);
                    }
                }
            }
        }
        assertThat(store.size()).isEqualTo(400);
        assertThat(d.counters().templates()).isEqualTo(30 * 10 * 20);
    }

    // ------------------------------------------------------------------------------------ zero copy

    @Test
    void theZeroCopyPathAllocatesNothingPerRecord() {
        Template a = flowTemplate(256);
        Template s = Template.builder(257).field(e("sourceIPv4Address")).field(e("samplerId"), 1).build();
        Template o = optionsTemplate(300, FieldSpec.of(e("samplerId"), 1), FieldSpec.of(e("samplerRandomInterval"), 4));
        Netflow9Decoder d = strict();
        d.decode(ByteBuffer.wrap(Netflow9PacketBuilder.create().templates(a, s).templates(o)
                .data(FlowRecord.builder(o).setLong(1, 1).setLong(2, 10).build()).toBytes()), EXPORTER);
        FlowRecord[] few = {flow(a, "10.0.0.1", 1)};
        FlowRecord[] many = new FlowRecord[60];
        FlowRecord[] sampled = new FlowRecord[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = flow(a, "10.0.0." + i, i);
            sampled[i] = FlowRecord.builder(s).setLong(1, 1).build();
        }
        ByteBuffer one = ByteBuffer.wrap(Netflow9PacketBuilder.create().data(few).data(FlowRecord.builder(s).setLong(1, 1).build()).toBytes());
        ByteBuffer lots = ByteBuffer.wrap(Netflow9PacketBuilder.create().data(many).data(sampled).toBytes());
        long[] sink = {0};
        io.github.flowcodec.core.FlowRecordHandler<ExportContext> h = (ctx, r) -> sink[0] += r.getLong(2 % r.fieldCount()) + ctx.samplingRate();
        long perPacketFew = 0;
        long perPacketMany = 0;
        for (int round = 0; round < 3; round++) {
            perPacketFew = allocatedPerPacket(d, one, h);
            perPacketMany = allocatedPerPacket(d, lots, h);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(perPacketFew >= 0, "the JVM cannot measure allocations");
        // 118 more records per packet: less than one byte more per record (the per-packet cost is the store's lookup)
        assertThat(perPacketMany - perPacketFew).isLessThan(118);
        assertThat(sink[0]).isNotZero();
    }

    private static long allocatedPerPacket(Netflow9Decoder d, ByteBuffer packet, io.github.flowcodec.core.FlowRecordHandler<ExportContext> h) {
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            d.decode(packet, EXPORTER, h); // warm-up
        }
        long before = allocatedBytes();
        for (int i = 0; i < n; i++) {
            d.decode(packet, EXPORTER, h);
        }
        long after = allocatedBytes();
        return before < 0 ? -1 : (after - before) / n;
    }

    /** The bytes this thread allocated so far, or -1 (java.management by reflection: the module does not read it). */
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
