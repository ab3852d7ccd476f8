package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.Netflow9;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * NetFlow v9 export as a Cisco IOS-XE router sends it: one template for IPv4 flows (256) and one for IPv6
 * (257), times as sys_uptime offsets, the exporter's source id, templates resent every N packets, and when
 * sampled a sampler options template (258: scope system, sampler id, mode, random interval) whose record gives
 * every data record (which names sampler 1) its rate, sent first and again with every template refresh.
 */
public final class Netflow9ExportEncoder extends TemplateExportEncoder {

    private static final long UPTIME_AT_START = 3_600_000L;
    private static final Layout LAYOUT = new Layout(Iana.FLOW_START_SYS_UP_TIME, Iana.FLOW_END_SYS_UP_TIME, false, 1,
            Iana.SAMPLER_ID, 1);

    private final long bootMillis;
    private final Template samplerOptions;

    public Netflow9ExportEncoder(Clock clock, ExporterSettings settings) {
        this(clock, settings, clock.millis() - UPTIME_AT_START);
    }

    private Netflow9ExportEncoder(Clock clock, ExporterSettings settings, long bootMillis) {
        super(settings, Netflow9Encoder.builder().clock(clock::millis).bootTimeMillis(bootMillis)
                .sourceId(settings.sourceId()).maxDatagramSize(MAX_PACKET_SIZE)
                .templateRefreshDatagrams(settings.templateRefresh()).templateRefreshInterval(Duration.ZERO).build()::encode,
                LAYOUT);
        this.bootMillis = bootMillis;
        this.samplerOptions = Template.options(258, 1, List.of(
                FieldSpec.of(Netflow9.scopeElement(Netflow9.SCOPE_SYSTEM), 4),
                FieldSpec.of(Iana.SAMPLER_ID, 1),
                FieldSpec.of(Iana.SAMPLER_MODE, 1),
                FieldSpec.of(Iana.SAMPLER_RANDOM_INTERVAL, 4)));
    }

    /** The times as sys_uptime offsets (milliseconds since the exporter booted, modulo 2^32); the ports. */
    @Override
    int setTimesAndPorts(long[] values, SyntheticFlow f, boolean v4) {
        values[7] = (f.startMillis() - bootMillis) & 0xFFFF_FFFFL;
        values[8] = (f.endMillis() - bootMillis) & 0xFFFF_FFFFL;
        values[9] = f.srcPort();
        values[10] = f.dstPort();
        return 11;
    }

    @Override
    FlowRecord samplingOptions(int samplingInterval) {
        return FlowRecord.builder(samplerOptions).setBytes(0, new byte[4])
                .setLong(1, SAMPLER_ID).setLong(2, 2).setLong(3, samplingInterval).build();
    }
}
