package io.github.flowcodec.sflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generators behind the properties reach every sample type and every record type of the model. */
class SflowArbitrariesCoverageTest {

    @Test
    void everySampleAndRecordTypeIsGenerated() {
        Set<String> seen = new HashSet<>();
        SflowArbitraries.datagram().sampleStream().limit(1500).forEach(d -> {
            seen.add(d.agentAddress() == null ? "agent:none" : "agent:" + d.agentAddress().getAddress().length);
            for (SflowSample s : d.samples()) {
                seen.add(s.getClass().getSimpleName() + (s instanceof FlowSample f && f.expanded()
                        || s instanceof CounterSample c && c.expanded() ? ":expanded" : ""));
                if (s instanceof FlowSample f) {
                    f.records().forEach(r -> seen.add(r.getClass().getSimpleName()));
                } else if (s instanceof DiscardedPacket p) {
                    p.records().forEach(r -> seen.add(r.getClass().getSimpleName()));
                } else if (s instanceof CounterSample c) {
                    c.records().forEach(r -> seen.add(r.getClass().getSimpleName()));
                }
            }
        });
        Set<String> expected = new HashSet<>(Set.of("agent:none", "agent:4", "agent:16", "FlowSample", "FlowSample:expanded",
                "CounterSample", "CounterSample:expanded", "DiscardedPacket", "UnknownSample"));
        expected.addAll(names(FlowData.class.getPermittedSubclasses()));
        expected.addAll(names(CounterData.class.getPermittedSubclasses()));
        expected.addAll(names(FlowData.Standard.class.getPermittedSubclasses()));
        expected.addAll(names(CounterData.Standard.class.getPermittedSubclasses()));
        expected.remove("Standard");
        assertThat(seen).containsAll(expected);
    }

    private static Set<String> names(Class<?>[] classes) {
        return Arrays.stream(classes).map(Class::getSimpleName).collect(Collectors.toSet());
    }
}
