package io.github.flowcodec.core.internal.templated;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.ExporterState.SequenceResult;
import org.junit.jupiter.api.Test;

/** IPFIX's record-counting sequence numbers and RFC 5476 n-out-of-N sampling in the shared template machinery. */
class ExporterStateTest {

    @Test
    void recordSequencesFollowTheRecordsSentBefore() {
        ExporterState s = new ExporterState();
        assertThat(s.recordSequence(100, 5)).isEqualTo(SequenceResult.IN_ORDER);
        assertThat(s.recordSequence(105, 3)).isEqualTo(SequenceResult.IN_ORDER);
        assertThat(s.recordSequence(120, 1)).isEqualTo(SequenceResult.GAP);
        assertThat(s.lastGap()).isEqualTo(12);
        assertThat(s.recordSequence(110, 1)).isEqualTo(SequenceResult.LATE);
        assertThat(s.expectedSequence()).isEqualTo(121);
    }

    @Test
    void numbersThatCountTheCurrentMessageTooAreRecognised() {
        ExporterState s = new ExporterState();
        // softflowd: each number is the previous one plus this message's records
        assertThat(s.recordSequence(6, 6)).isEqualTo(SequenceResult.IN_ORDER);
        assertThat(s.recordSequence(7, 1)).isEqualTo(SequenceResult.COUNTS_CURRENT);
        assertThat(s.recordSequence(12, 5)).isEqualTo(SequenceResult.COUNTS_CURRENT);
        assertThat(s.recordSequence(12, 0)).isEqualTo(SequenceResult.COUNTS_CURRENT);
        assertThat(s.recordSequence(14, 2)).isEqualTo(SequenceResult.COUNTS_CURRENT);
    }

    @Test
    void aForgottenSequenceStartsAfresh() {
        ExporterState s = new ExporterState();
        s.recordSequence(100, 5);
        s.forgetSequence();
        assertThat(s.expectedSequence()).isEqualTo(-1);
        assertThat(s.recordSequence(5000, 1)).isEqualTo(SequenceResult.IN_ORDER);
    }

    @Test
    void samplingSizeOfPopulationGivesTheRateEvenWithAPacketIntervalOfOne() {
        InformationElementRegistry iana = InformationElementRegistry.iana();
        Template t = Template.builder(257).scope(iana.require("selectorId"), 4).field(iana.require("samplingPacketInterval"), 4)
                .field(iana.require("samplingSize"), 4).field(iana.require("samplingPopulation"), 4).build();
        FlowRecord cisco = FlowRecord.builder(t).setLong(0, 1).setLong(1, 1).setLong(2, 1).setLong(3, 256).build();
        SamplingFields f = new SamplingFields.Cache().of(t);
        assertThat(f.any()).isTrue();
        assertThat(f.ownRate(cisco)).isEqualTo(256);
        ExporterState s = new ExporterState();
        assertThat(f.learn(cisco, s)).isTrue();
        assertThat(s.samplingRate(1)).isEqualTo(256);
        FlowRecord twoOfTen = FlowRecord.builder(t).setLong(0, 2).setLong(2, 2).setLong(3, 10).build();
        assertThat(f.ownRate(twoOfTen)).isEqualTo(5);
    }
}
