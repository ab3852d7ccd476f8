package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class DecoderOptionsTest {

    @Test
    void theDefaultsHaveAListenerThatIgnoresProblems() {
        DecodeProblem p = new DecodeProblem(FlowProtocol.NETFLOW_V9, 4, "a problem");
        assertThat(DecoderOptions.DEFAULT.problemListener()).isNotNull();
        assertThatCode(() -> DecoderOptions.DEFAULT.problemListener().accept(p)).doesNotThrowAnyException();
        assertThatCode(() -> DecoderOptions.DEFAULT.toBuilder().mode(DecodeMode.LENIENT).build().problemListener().accept(p))
                .doesNotThrowAnyException();
        assertThat(DecoderOptions.DEFAULT.mode()).isEqualTo(DecodeMode.STRICT);
    }

    @Test
    void eachDecoderOfTheDefaultsGetsItsOwnTemplateStore() {
        assertThat(DecoderOptions.DEFAULT.templateStore()).isNotSameAs(DecoderOptions.DEFAULT.templateStore());
    }
}
