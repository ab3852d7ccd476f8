package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Template#indexOf} (a hash table for templates of more than 8 fields) against a plain scan. */
class TemplateIndexProperties {

    @Provide
    Arbitrary<List<InformationElement>> elements() {
        // few distinct elements, so templates repeat them as real ones do
        Arbitrary<InformationElement> e = Arbitraries.longs().between(0, 3).flatMap(pen ->
                Arbitraries.integers().between(1, 40).map(id -> InformationElement.of(pen, id, pen + "/" + id, DataType.UNSIGNED32)));
        return e.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 500)
    void indexOfGivesTheFirstFieldOfTheElement(@ForAll("elements") List<InformationElement> elements,
            @ForAll("elements") List<InformationElement> probes) {
        List<FieldSpec> fields = new ArrayList<>();
        elements.forEach(e -> fields.add(FieldSpec.of(e, 4)));
        Template t = Template.of(256, fields);
        List<InformationElement> all = new ArrayList<>(elements);
        all.addAll(probes);
        for (InformationElement e : all) {
            assertThat(t.indexOf(e)).as("%s in %s", e, elements).isEqualTo(elements.indexOf(e));
            assertThat(t.indexOf(e.enterprise(), e.id())).isEqualTo(elements.indexOf(e));
        }
    }
}
