package io.github.flowcodec.cli.internal.generate;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.IpfixEncoder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * IPFIX export as a router's flow monitor sends it over UDP: one template for IPv4 flows (256) and one for
 * IPv6 (257), absolute flowStartMilliseconds/flowEndMilliseconds, ICMP type and code in icmpTypeCodeIPv4/IPv6
 * (the ports are 0 for ICMP), the observation domain of the exporter, and the templates resent every N
 * messages. When sampled, each data record names selector 1 (selectorId) and an options template (258, RFC 5476
 * Selector Report Interpretation: scope selectorId; selectorAlgorithm 3, random n-out-of-N, with samplingSize 1
 * and samplingPopulation N) gives its record, sent first and again with every template refresh.
 */
public final class IpfixExportEncoder extends TemplateExportEncoder {

    /** RFC 5477 / IANA psamp-parameters: random n-out-of-N sampling. */
    private static final int RANDOM_N_OUT_OF_N = 3;
    private static final Layout LAYOUT =
            new Layout(Iana.FLOW_START_MILLISECONDS, Iana.FLOW_END_MILLISECONDS, true, 2, Iana.SELECTOR_ID, 2);

    private final Template selectorOptions;

    public IpfixExportEncoder(Clock clock, ExporterSettings settings) {
        super(settings, IpfixEncoder.builder().clock(clock::millis).observationDomainId(settings.sourceId())
                .maxDatagramSize(MAX_PACKET_SIZE).templateRefreshDatagrams(settings.templateRefresh())
                .templateRefreshInterval(Duration.ZERO).build()::encode, LAYOUT);
        this.selectorOptions = Template.options(258, 1, List.of(
                FieldSpec.of(Iana.SELECTOR_ID, 8),
                FieldSpec.of(Iana.SELECTOR_ALGORITHM, 2),
                FieldSpec.of(Iana.SAMPLING_SIZE, 4),
                FieldSpec.of(Iana.SAMPLING_POPULATION, 4)));
    }

    /** Absolute times; the ports, 0 for ICMP, whose type and code go to icmpTypeCodeIPv4/IPv6. */
    @Override
    int setTimesAndPorts(long[] values, SyntheticFlow f, boolean v4) {
        boolean icmp = f.protocol() == 1;
        values[7] = f.startMillis();
        values[8] = f.endMillis();
        values[9] = icmp ? 0 : f.srcPort();
        values[10] = icmp ? 0 : f.dstPort();
        values[11] = !icmp ? 0 : v4 ? f.dstPort() : (f.dstPort() == 0 ? 129 << 8 : 128 << 8);
        return 12;
    }

    /** ICMP over IPv6 is ICMPv6 (58): echo request/reply are 128/129. */
    @Override
    int protocol(SyntheticFlow f, boolean v4) {
        return f.protocol() == 1 && !v4 ? 58 : f.protocol();
    }

    @Override
    FlowRecord samplingOptions(int samplingInterval) {
        return FlowRecord.builder(selectorOptions).setLong(0, SAMPLER_ID).setLong(1, RANDOM_N_OUT_OF_N)
                .setLong(2, 1).setLong(3, samplingInterval).build();
    }
}
