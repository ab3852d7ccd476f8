package io.github.flowcodec.ipfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElement;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What real exporters of the corpus send beyond the tshark keys: sampling options, biflow, timestamps. */
class IpfixCorpusFeaturesTest {

    private static final Path DIR = CorpusPcap.CORPUS.resolve("ipfix");

    private static List<IpfixMessage> decode(String capture) throws IOException {
        Path file = DIR.resolve(capture);
        Assumptions.assumeTrue(Files.exists(file), "../../shared/corpus is absent: skipping " + capture);
        IpfixDecoder d = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
        List<IpfixMessage> out = new ArrayList<>();
        for (CorpusPcap.Datagram g : CorpusPcap.read(file)) {
            IpfixMessage m = d.decode(ByteBuffer.wrap(g.payload()), g.from());
            out.add(m);
            for (var released : m.releasedPackets()) {
                out.add((IpfixMessage) released);
            }
        }
        return out;
    }

    @Test
    void ciscoSelectorOptionsGiveTheDataRecordsTheirSamplingRate() throws IOException {
        // IOS XR: options template 257 announces selector 1 with samplingSize 1 of samplingPopulation 256
        // (and samplingPacketInterval 1); the data records of template 342 name selector 1
        List<IpfixMessage> ms = decode("pmacct_104_ipfix_ipv6_cisco_sampling_option.pcap");
        FlowRecord options = ms.stream().flatMap(m -> m.optionsRecords().stream()).findFirst().orElseThrow();
        assertThat(options.getLong(IpfixArbitraries.e("samplingPopulation"), 0)).isEqualTo(256);
        int n = 0;
        for (IpfixMessage m : ms) {
            for (int i = 0; i < m.records().size(); i++) {
                assertThat(m.records().get(i).getLong(IpfixArbitraries.e("selectorId"), -1)).isEqualTo(1);
                assertThat(m.samplingRate(i)).isEqualTo(256);
                n++;
            }
        }
        assertThat(n).isEqualTo(3);
    }

    @Test
    void ipfixprobeBiflowRecordsCarryReverseElementsWithIanaTypes() throws IOException {
        List<IpfixMessage> ms = decode("akvorado_ipfix_ipfixprobe_biflow.merged.pcap");
        List<FlowRecord> records = ms.stream().flatMap(m -> m.records().stream()).toList();
        assertThat(records).hasSize(4);
        for (FlowRecord r : records) {
            List<InformationElement> reverse = r.template().fields().stream().map(f -> f.element())
                    .filter(e -> e.enterprise() == Ipfix.REVERSE_PEN).toList();
            assertThat(reverse).isNotEmpty().allSatisfy(e -> {
                assertThat(e.name()).startsWith("reverse");
                InformationElement forward = IpfixArbitraries.STD.lookup(0, e.id());
                assertThat(e.dataType()).isEqualTo(forward.dataType());
                assertThat(e.name()).isEqualToIgnoringCase("reverse" + forward.name());
            });
            assertThat(r.getLong(IpfixArbitraries.e("octetDeltaCount"), -1) + r.getLong(Ipfix.reverse(IpfixArbitraries.e("octetDeltaCount")), 0))
                    .isPositive();
        }
    }

    @Test
    void dataRecordsHaveStartAndEndTimesAroundTheirExportTimeOnceTheirFormCanBeResolved() throws IOException {
        // absolute milliseconds (ipfixcol2, Cisco XR) or SysUpTime with the systemInitTimeMilliseconds of the
        // exporter's options records (the NetGauze SRv6 router): records of the latter that come before the first
        // such options record cannot be placed in time and say so (NO_TIME), never epoch 0
        for (String capture : List.of("pmacct_100_ipfix_cisco.pcap", "pmacct_500_ipfix_bgp_cisco_srv6.pcap",
                "netgauze_ipfix_srv6.pcap", "ipfixcol2_example_flows.wrapped.pcap")) {
            int resolved = 0;
            int unresolved = 0;
            for (IpfixMessage m : decode(capture)) {
                for (FlowRecord r : m.records()) {
                    long start = m.flowStartMillis(r);
                    long end = m.flowEndMillis(r);
                    boolean upTime = r.template().indexOf(0, 22) >= 0 && r.template().indexOf(0, 160) < 0;
                    if (upTime && m.systemInitTimeMillis() == ExportContext.NO_TIME) {
                        assertThat(start).isEqualTo(ExportContext.NO_TIME);
                        assertThat(end).isEqualTo(ExportContext.NO_TIME);
                        unresolved++;
                        continue;
                    }
                    assertThat(start).as(capture + " start").isNotEqualTo(ExportContext.NO_TIME);
                    assertThat(end).as(capture + " end").isBetween(start, m.exportTimeMillis() + 1000);
                    assertThat(m.exportTimeMillis() - start).as(capture + ": a flow started within a day of its export")
                            .isLessThan(86_400_000L);
                    resolved++;
                }
            }
            assertThat(resolved).as(capture).isGreaterThan(unresolved);
        }
    }
}
