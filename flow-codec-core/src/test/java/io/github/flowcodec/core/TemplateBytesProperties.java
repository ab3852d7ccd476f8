package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The byte forms of templates and scopes that a shared template store keeps. */
class TemplateBytesProperties {

    private static final List<InformationElement> ELEMENTS = new ArrayList<>(InformationElementRegistry.standard().elements());

    @Provide
    Arbitrary<Template> templates() {
        Arbitrary<InformationElement> element = Arbitraries.oneOf(
                Arbitraries.of(ELEMENTS),
                Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 0xFFFF))
                        .as(InformationElement::unknown),
                Combinators.combine(Arbitraries.longs().between(1, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 0x7FFF),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(40), Arbitraries.of(DataType.values()))
                        .as(InformationElement::of));
        Arbitrary<FieldSpec> field = element.flatMap(e -> lengthsOf(e).map(len -> FieldSpec.of(e, len)));
        return Combinators.combine(Arbitraries.integers().between(256, 0xFFFF), field.list().ofMinSize(1).ofMaxSize(30),
                Arbitraries.integers().between(0, 3)).as((id, fields, scopes) -> scopes == 0 || scopes > fields.size()
                        ? Template.of(id, fields) : Template.options(id, scopes, fields));
    }

    private static Arbitrary<Integer> lengthsOf(InformationElement e) {
        DataType t = e.dataType();
        if (t.isVariableLength()) {
            return Arbitraries.of(FieldSpec.VARIABLE_LENGTH, 0, 1, 7, 300);
        }
        return Arbitraries.integers().between(1, t.defaultLength()).filter(t::isValidLength);
    }

    @Property(tries = 300)
    void templatesSurviveTheirBytes(@ForAll("templates") Template t) {
        Template back = Template.fromBytes(t.toBytes());
        assertThat(back).isEqualTo(t);
        assertThat(back.recordLength()).isEqualTo(t.recordLength());
        for (int i = 0; i < t.fieldCount(); i++) {
            InformationElement a = t.field(i).element();
            InformationElement b = back.field(i).element();
            assertThat(List.of(b.name(), b.dataType(), b.semantics(), b.unit(), b.isKnown()))
                    .isEqualTo(List.of(a.name(), a.dataType(), a.semantics(), a.unit(), a.isKnown()));
        }
    }

    @Property(tries = 300)
    void scopesSurviveTheirBytes(@ForAll boolean v6, @ForAll byte[] seed, @ForAll @IntRange(max = 0xFFFF) int port,
            @ForAll("domains") long domain, @ForAll FlowProtocol protocol) throws UnknownHostException {
        byte[] address = java.util.Arrays.copyOf(seed, v6 ? 16 : 4);
        TemplateScope s = new TemplateScope(protocol, InetAddress.getByAddress(address), port, domain);
        assertThat(TemplateScope.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @Provide
    Arbitrary<Long> domains() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    @Property(tries = 500)
    void damagedBytesGiveATemplateOrIllegalArgument(@ForAll("templates") Template t, @ForAll int position,
            @ForAll byte value, @ForAll @IntRange(max = 3) int cut) {
        byte[] bytes = t.toBytes();
        bytes[Math.floorMod(position, bytes.length)] = value;
        byte[] damaged = java.util.Arrays.copyOf(bytes, bytes.length - Math.min(cut, bytes.length - 1));
        try {
            Template.fromBytes(damaged);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void arbitraryBytesGiveAScopeOrIllegalArgument(@ForAll byte[] bytes) {
        try {
            TemplateScope.fromBytes(bytes);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 100)
    void trailingBytesAreRefused(@ForAll("templates") Template t) {
        byte[] bytes = java.util.Arrays.copyOf(t.toBytes(), t.toBytes().length + 1);
        assertThatThrownBy(() -> Template.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after the template");
    }
}
