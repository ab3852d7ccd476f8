package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ExportContextTest {

    private static ExportContext context(long exportMillis, long uptime) {
        return new ExportContext() {
            public FlowProtocol protocol() { return FlowProtocol.NETFLOW_V9; }
            public InetSocketAddress exporter() { return UNKNOWN_EXPORTER; }
            public long sequenceNumber() { return 0; }
            public long exportTimeMillis() { return exportMillis; }
            public long systemUptimeMillis() { return uptime; }
            public long observationDomainId() { return 0; }
            public long samplingRate() { return 0; }
        };
    }

    @Test
    void uptimeArithmeticIsUnsigned32BitOnBothSidesOfTheWrap() {
        long export = 1_700_000_000_000L;
        ExportContext beforeWrap = context(export, 0xFFFF_FFFFL - 1000);
        assertThat(beforeWrap.uptimeToEpochMillis(0xFFFF_FFFFL - 6000)).isEqualTo(export - 5000);
        ExportContext afterWrap = context(export, 2000);
        assertThat(afterWrap.uptimeToEpochMillis(0xFFFF_FFFFL - 2999)).isEqualTo(export - 5000);
        // a time slightly after the header's uptime (clock skew) stays after the export time
        assertThat(afterWrap.uptimeToEpochMillis(2500)).isEqualTo(export + 500);
        assertThat(context(export, ExportContext.NO_TIME).uptimeToEpochMillis(5)).isEqualTo(ExportContext.NO_TIME);
    }

    @Test
    void flowTimesComeFromWhicheverElementTheRecordHas() {
        InformationElementRegistry iana = InformationElementRegistry.iana();
        ExportContext ctx = context(1_700_000_100_000L, 100_000);
        Template millis = Template.of(256, FieldSpec.of(iana.require("flowStartMilliseconds")), FieldSpec.of(iana.require("flowEndSeconds")));
        FlowRecord r = FlowRecord.builder(millis).setLong(0, 1_700_000_000_123L).setLong(1, 1_700_000_050L).build();
        assertThat(ctx.flowStartMillis(r)).isEqualTo(1_700_000_000_123L);
        assertThat(ctx.flowEndMillis(r)).isEqualTo(1_700_000_050_000L);

        Template uptime = Template.of(256, FieldSpec.of(iana.require("flowStartSysUpTime")), FieldSpec.of(iana.require("flowEndSysUpTime")));
        FlowRecord u = FlowRecord.builder(uptime).setLong(0, 40_000).setLong(1, 90_000).build();
        assertThat(ctx.flowStartMillis(u)).isEqualTo(1_700_000_040_000L);
        assertThat(ctx.flowEndMillis(u)).isEqualTo(1_700_000_090_000L);

        Template withInit = Template.of(256, FieldSpec.of(iana.require("flowStartSysUpTime")),
                FieldSpec.of(iana.require("systemInitTimeMilliseconds")));
        FlowRecord w = FlowRecord.builder(withInit).setLong(0, 40_000).setLong(1, 1_600_000_000_000L).build();
        assertThat(ctx.flowStartMillis(w)).isEqualTo(1_600_000_040_000L);

        Template delta = Template.of(256, FieldSpec.of(iana.require("flowStartDeltaMicroseconds")));
        FlowRecord d = FlowRecord.builder(delta).setLong(0, 2_500_000).build();
        assertThat(ctx.flowStartMillis(d)).isEqualTo(1_700_000_097_500L);

        Template none = Template.of(256, FieldSpec.of(iana.require("octetDeltaCount")));
        assertThat(ctx.flowStartMillis(FlowRecord.builder(none).build())).isEqualTo(ExportContext.NO_TIME);
    }

    @Test
    void detectsTheProtocolFromTheFirstBytes() {
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {0, 5}))).contains(FlowProtocol.NETFLOW_V5);
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {0, 9, 0, 1}))).contains(FlowProtocol.NETFLOW_V9);
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {0, 10}))).contains(FlowProtocol.IPFIX);
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {0, 0, 0, 5}))).contains(FlowProtocol.SFLOW_V5);
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {0, 0, 0, 4}))).isEmpty();
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {0}))).isEmpty();
        assertThat(FlowDecoders.detect(ByteBuffer.wrap(new byte[] {1, 5}))).isEmpty();
        ByteBuffer offset = ByteBuffer.wrap(new byte[] {7, 7, 0, 10});
        offset.position(2);
        assertThat(FlowDecoders.detect(offset)).contains(FlowProtocol.IPFIX);
    }
}
