package io.github.flowcodec.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateScope;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The parts of the in-memory template store agree with one another after every change: the eviction
 * order holds exactly the templates of the scope tables, each exporter's put order is the store's put order
 * of that exporter's templates, the buckets rank every exporter by its count, and the tables are compact.
 */
class InMemoryTemplateStoreBookkeepingProperties {

    private static final long LIFETIME = 100;

    /** One change of the store, or of its clock. */
    sealed interface Op permits Put, Withdraw, WithdrawAll, Restart, Get, Tick, Rewind {
    }

    record Put(TemplateScope scope, Template template) implements Op {
    }

    record Withdraw(TemplateScope scope, int id) implements Op {
    }

    record WithdrawAll(TemplateScope scope, boolean options) implements Op {
    }

    record Restart(TemplateScope scope) implements Op {
    }

    /** A look-up, which removes the template it finds expired. */
    record Get(TemplateScope scope, int id) implements Op {
    }

    record Tick(int nanos) implements Op {
    }

    /** The clock going back, which the store survives but which leaves its put order out of stamp order. */
    record Rewind(int nanos) implements Op {
    }

    private static void apply(Op op, InMemoryTemplateStore store, AtomicLong clock) {
        if (op instanceof Put put) {
            store.put(put.scope(), put.template());
        } else if (op instanceof Withdraw withdraw) {
            store.withdraw(withdraw.scope(), withdraw.id());
        } else if (op instanceof WithdrawAll withdrawAll) {
            store.withdrawAll(withdrawAll.scope(), withdrawAll.options());
        } else if (op instanceof Restart restart) {
            store.exporterRestarted(restart.scope());
        } else if (op instanceof Get get) {
            store.get(get.scope(), get.id());
        } else if (op instanceof Tick tick) {
            clock.addAndGet(tick.nanos());
        } else if (op instanceof Rewind rewind) {
            clock.addAndGet(-rewind.nanos());
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // four exporters, two ports each, eight ids: small enough for the limits, refreshes and redefinitions to meet
        Arbitrary<TemplateScope> scopes = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1))
                .as((exporter, port) -> new TemplateScope(FlowProtocol.IPFIX, address(exporter), port, 0));
        Arbitrary<Integer> ids = Arbitraries.integers().between(256, 263);
        Arbitrary<Template> templates = Combinators.combine(ids, Arbitraries.integers().between(0, 2))
                .as((id, variant) -> variant == 2 ? options(id) : plain(id, variant));
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(scopes, templates).as(Put::new)),
                Tuple.of(2, Combinators.combine(scopes, ids).as(Withdraw::new)),
                Tuple.of(1, Combinators.combine(scopes, Arbitraries.of(true, false)).as(WithdrawAll::new)),
                Tuple.of(1, scopes.map(Restart::new)),
                Tuple.of(2, Combinators.combine(scopes, ids).as(Get::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 60).map(Tick::new)),
                Tuple.of(1, Arbitraries.integers().between(1, 30).map(Rewind::new)));
        return op.list().ofMaxSize(150);
    }

    @Property(tries = 500)
    void thePartsAgreeAfterEveryChange(@ForAll("ops") List<Op> ops,
            @ForAll @IntRange(min = 1, max = 6) int perExporter,
            @ForAll @IntRange(min = 1, max = 12) int max,
            @ForAll boolean expiring) {
        AtomicLong clock = new AtomicLong();
        InMemoryTemplateStore store = new InMemoryTemplateStore(perExporter, max, expiring ? LIFETIME : 0, clock::get);
        boolean rewound = false;
        for (Op op : ops) {
            apply(op, store, clock);
            rewound |= op instanceof Rewind;
            assertPartsAgree(store, perExporter, max, !rewound);
        }
    }

    private static void assertPartsAgree(InMemoryTemplateStore store, int perExporter, int max, boolean inStampOrder) {
        // the tables: compact, every entry findable, none empty
        Map<ExporterTemplates, List<StoredTemplate>> tablesOfExporter = new IdentityHashMap<>();
        Set<StoredTemplate> inTables = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<TemplateScope, ScopeTemplates> scoped : store.templatesByScope.entrySet()) {
            ScopeTemplates table = scoped.getValue();
            assertThat(table.scope).isEqualTo(scoped.getKey());
            assertThat(table.exporter.address).isEqualTo(table.scope.exporter());
            assertThat(table.dirty).isFalse();
            assertThat(table.live).as("a scope without templates is dropped").isPositive();
            assertThat(table.slots).hasSize(ScopeTemplates.capacityFor(table.live));
            List<StoredTemplate> entries = new ArrayList<>();
            for (StoredTemplate e : table.slots) {
                if (e != null) {
                    entries.add(e);
                }
            }
            assertThat(entries).hasSize(table.live);
            for (StoredTemplate e : entries) {
                assertThat(e.removed).isFalse();
                assertThat(e.table).isSameAs(table);
                assertThat(table.find(e.id)).isSameAs(e);
            }
            inTables.addAll(entries);
            tablesOfExporter.computeIfAbsent(table.exporter, x -> new ArrayList<>()).addAll(entries);
        }

        // the put order of every template: exactly the tables' templates
        EvictionOrder order = store.evictionOrder;
        List<StoredTemplate> everyTemplate = new ArrayList<>();
        for (StoredTemplate e = order.oldest(); e != null; e = order.after(e)) {
            everyTemplate.add(e);
        }
        assertThat(everyTemplate).hasSize(order.size()).hasSize(inTables.size()).hasSizeLessThanOrEqualTo(max);
        assertThat(inTables).containsAll(everyTemplate);
        if (inStampOrder) {
            assertThat(everyTemplate).extracting(e -> e.stamp).isSorted();
        }

        // each exporter's put order: its templates in the store's put order
        Set<ExporterTemplates> exporters = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ExporterTemplates x : order.exporters()) {
            exporters.add(x);
            List<StoredTemplate> own = new ArrayList<>();
            for (StoredTemplate e = x.order.oldest(); e != null; e = x.order.after(e)) {
                own.add(e);
            }
            assertThat(own).hasSize(x.count()).isNotEmpty().hasSizeLessThanOrEqualTo(perExporter);
            assertThat(own).containsExactlyElementsOf(
                    everyTemplate.stream().filter(e -> e.table.exporter == x).toList());
            assertThat(own).containsExactlyInAnyOrderElementsOf(tablesOfExporter.getOrDefault(x, List.of()));
        }
        assertThat(exporters).as("the exporters of the tables are the known ones")
                .containsExactlyInAnyOrderElementsOf(tablesOfExporter.keySet());

        // the buckets: every exporter in the one of its count, once
        ExporterBuckets buckets = order.buckets();
        List<ExporterTemplates> ranked = new ArrayList<>();
        for (int n = 1; n <= buckets.largest(); n++) {
            ExporterTemplates before = null;
            for (ExporterTemplates x = buckets.first(n); x != null; x = x.bucketNext) {
                assertThat(x.count()).isEqualTo(n);
                assertThat(x.bucketPrev).isSameAs(before);
                ranked.add(x);
                before = x;
            }
        }
        assertThat(buckets.first(buckets.largest() + 1)).isNull();
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(exporters);
        int most = exporters.stream().mapToInt(ExporterTemplates::count).max().orElse(0);
        assertThat(buckets.largest()).isEqualTo(most);
        assertThat(buckets.first(most)).isSameAs(buckets.fullest());
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static FieldSpec field(int element, int length) {
        return FieldSpec.of(InformationElement.unknown(0, element), length);
    }

    private static Template plain(int id, int variant) {
        return Template.of(id, field(8, 4), field(12, 4), field(1, 4 + variant));
    }

    private static Template options(int id) {
        return Template.options(id, 1, List.of(field(149, 4), field(41, 8)));
    }
}
