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
    void toBuilderKeepsEveryOption() {
        TemplateStore shared = TemplateStore.inMemory();
        java.util.function.Consumer<DecodeProblem> listener = p -> { };
        InformationElementRegistry registry = InformationElementRegistry.iana();
        DecoderOptions options = DecoderOptions.builder().mode(DecodeMode.LENIENT).problemListener(listener)
                .templateStore(shared).registry(registry).scopePolicy(TemplateScopePolicy.ADDRESS_ONLY).build();
        DecoderOptions copy = options.toBuilder().build();
        assertThat(copy.mode()).isEqualTo(DecodeMode.LENIENT);
        assertThat(copy.problemListener()).isSameAs(listener);
        assertThat(copy.templateStore()).isSameAs(shared);
        assertThat(copy.registry()).isSameAs(registry);
        assertThat(copy.scopePolicy()).isEqualTo(TemplateScopePolicy.ADDRESS_ONLY);
        DecoderOptions fromDefaults = DecoderOptions.DEFAULT.toBuilder().build();
        assertThat(fromDefaults.templateStore()).isNotSameAs(fromDefaults.templateStore());
    }

    @Test
    void eachDecoderOfTheDefaultsGetsItsOwnTemplateStore() {
        assertThat(DecoderOptions.DEFAULT.templateStore()).isNotSameAs(DecoderOptions.DEFAULT.templateStore());
    }
}
