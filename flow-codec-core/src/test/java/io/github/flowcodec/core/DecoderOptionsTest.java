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
                .pendingSets(7).pendingBytes(4096).pendingAge(Duration.ofSeconds(90)).build();
        DecoderOptions copy = options.toBuilder().build();
        assertThat(copy.mode()).isEqualTo(DecodeMode.LENIENT);
        assertThat(copy.problemListener()).isSameAs(listener);
        assertThat(copy.templateStore()).isSameAs(shared);
        assertThat(copy.registry()).isSameAs(registry);
        assertThat(copy.scopePolicy()).isEqualTo(TemplateScopePolicy.ADDRESS_ONLY);
        assertThat(copy.pendingSets()).isEqualTo(7);
        assertThat(copy.pendingBytes()).isEqualTo(4096);
        assertThat(copy.pendingAge()).isEqualTo(Duration.ofSeconds(90));
        DecoderOptions fromDefaults = DecoderOptions.DEFAULT.toBuilder().build();
        assertThat(fromDefaults.templateStore()).isNotSameAs(fromDefaults.templateStore());
    }

    @Test
    void eachDecoderOfTheDefaultsGetsItsOwnTemplateStore() {
        assertThat(DecoderOptions.DEFAULT.templateStore()).isNotSameAs(DecoderOptions.DEFAULT.templateStore());
    }

    @Test
    void thePendingBoundsDefaultAndRejectWhatCannotBeABound() {
        assertThat(DecoderOptions.DEFAULT.pendingSets()).isEqualTo(DecoderOptions.DEFAULT_PENDING_SETS);
        assertThat(DecoderOptions.DEFAULT.pendingBytes()).isEqualTo(DecoderOptions.DEFAULT_PENDING_BYTES);
        assertThat(DecoderOptions.DEFAULT.pendingAge()).isEqualTo(DecoderOptions.DEFAULT_PENDING_AGE);
        assertThat(DecoderOptions.builder().pendingSets(0).build().pendingSets()).isZero();
        assertThatThrownBy(() -> DecoderOptions.builder().pendingSets(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pendingSets");
        assertThatThrownBy(() -> DecoderOptions.builder().pendingBytes(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pendingBytes");
        assertThatThrownBy(() -> DecoderOptions.builder().pendingAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pendingAge");
        assertThatThrownBy(() -> DecoderOptions.builder().pendingAge(null)).isInstanceOf(NullPointerException.class);
    }
}
