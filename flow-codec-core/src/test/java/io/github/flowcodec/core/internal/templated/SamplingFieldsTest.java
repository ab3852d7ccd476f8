package io.github.flowcodec.core.internal.templated;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** samplingProbability (a float) at every length a template may give it. */
class SamplingFieldsTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();

    private static long rateOf(int length, byte[] value) {
        Template t = Template.options(300, 1, java.util.List.of(FieldSpec.of(IANA.require("selectorId"), 4),
                FieldSpec.of(IANA.require("samplingProbability"), length)));
        byte[] bytes = ByteBuffer.allocate(4 + length).putInt(1).put(value).array();
        FlowRecord r = FlowRecord.of(t, bytes);
        return new SamplingFields.Cache().of(t).ownRate(r);
    }

    @Test
    void aProbabilityIsReadAsFloat64OrFloat32() {
        assertThat(rateOf(8, ByteBuffer.allocate(8).putDouble(0.1).array())).isEqualTo(10);
        assertThat(rateOf(4, ByteBuffer.allocate(4).putFloat(0.25f).array())).isEqualTo(4);
    }

    @Test
    void aProbabilityOfAnyOtherLengthGivesNoRate() {
        // found by fuzzing: a 6-byte samplingProbability made the rate read throw instead of giving none
        assertThat(rateOf(6, new byte[] {0x3f, (byte) 0xb9, (byte) 0x99, (byte) 0x99, (byte) 0x99, (byte) 0x9a})).isZero();
        assertThat(rateOf(2, new byte[] {0x3f, (byte) 0xb9})).isZero();
    }
}
