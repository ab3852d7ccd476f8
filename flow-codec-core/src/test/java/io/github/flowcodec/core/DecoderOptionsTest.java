package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

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
                .templateStore(shared).registry(registry).scopePolicy(TemplateScopePolicy.ADDRESS_ONLY)
                .maxPendingSets(7).maxPendingBytes(4096).maxPendingAge(Duration.ofSeconds(90)).build();
        DecoderOptions copy = options.toBuilder().build();
        assertThat(copy.mode()).isEqualTo(DecodeMode.LENIENT);
        assertThat(copy.problemListener()).isSameAs(listener);
        assertThat(copy.templateStore()).isSameAs(shared);
        assertThat(copy.registry()).isSameAs(registry);
        assertThat(copy.scopePolicy()).isEqualTo(TemplateScopePolicy.ADDRESS_ONLY);
        assertThat(copy.maxPendingSets()).isEqualTo(7);
        assertThat(copy.maxPendingBytes()).isEqualTo(4096);
        assertThat(copy.maxPendingAge()).isEqualTo(Duration.ofSeconds(90));
        DecoderOptions fromDefaults = DecoderOptions.DEFAULT.toBuilder().build();
        assertThat(fromDefaults.templateStore()).isNotSameAs(fromDefaults.templateStore());
    }

    @Test
    void eachDecoderOfTheDefaultsGetsItsOwnTemplateStore() {
        assertThat(DecoderOptions.DEFAULT.templateStore()).isNotSameAs(DecoderOptions.DEFAULT.templateStore());
    }

    @Test
    void thePendingBoundsDefaultAndRejectWhatCannotBeABound() {
        assertThat(DecoderOptions.DEFAULT.maxPendingSets()).isEqualTo(DecoderOptions.DEFAULT_MAX_PENDING_SETS);
        assertThat(DecoderOptions.DEFAULT.maxPendingBytes()).isEqualTo(DecoderOptions.DEFAULT_MAX_PENDING_BYTES);
        assertThat(DecoderOptions.DEFAULT.maxPendingAge()).isEqualTo(DecoderOptions.DEFAULT_MAX_PENDING_AGE);
        assertThat(DecoderOptions.builder().maxPendingSets(0).build().maxPendingSets()).isZero();
        assertThatThrownBy(() -> DecoderOptions.builder().maxPendingSets(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPendingSets");
        assertThatThrownBy(() -> DecoderOptions.builder().maxPendingBytes(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPendingBytes");
        assertThatThrownBy(() -> DecoderOptions.builder().maxPendingAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPendingAge");
        assertThatThrownBy(() -> DecoderOptions.builder().maxPendingAge(null)).isInstanceOf(NullPointerException.class);
    }
}
