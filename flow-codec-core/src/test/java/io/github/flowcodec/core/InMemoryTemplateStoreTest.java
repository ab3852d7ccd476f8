package io.github.flowcodec.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flowcodec.core.TemplateEvent.Type;
import io.github.flowcodec.core.TemplateStore.PutResult;
import io.github.flowcodec.core.internal.InMemoryTemplateStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InMemoryTemplateStoreTest {

    private static final Duration LIFETIME = Duration.ofSeconds(10);

    // ------------------------------------------------------------------------------------------ fixtures

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, (byte) (last >>> 8), (byte) last});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static TemplateScope scope(int exporter, int port, long domain) {
        return new TemplateScope(FlowProtocol.IPFIX, address(exporter), port, domain);
    }

    private static FieldSpec field(int element, int length) {
        return FieldSpec.of(InformationElement.unknown(0, element), length);
    }

    /** A plain template; {@code variant} changes its layout. */
    private static Template plain(int id, int variant) {
        return Template.of(id, field(8, 4), field(12, 4), field(1, 4 + variant));
    }

    private static Template plain(int id) {
        return plain(id, 0);
    }

    private static Template options(int id) {
        return Template.options(id, 1, List.of(field(149, 4), field(41, 8)));
    }

    /** Records every event. */
    private static final class Recorder implements TemplateListener {
        final List<TemplateEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onTemplateEvent(TemplateEvent event) {
            events.add(event);
        }

        List<Type> types() {
            synchronized (events) {
                return events.stream().map(TemplateEvent::type).collect(Collectors.toList());
            }
        }

        long count(Type type) {
            synchronized (events) {
                return events.stream().filter(e -> e.type() == type).count();
            }
        }

        void clear() {
            events.clear();
        }
    }

    private static TemplateStore store(int perExporter, int max, Duration lifetime, AtomicLong clock) {
        return TemplateStore.builder()
                .maxTemplatesPerExporter(perExporter)
                .maxTemplates(max)
                .lifetime(lifetime)
                .nanoClock(clock::get)
                .build();
    }

    // ------------------------------------------------------------------------------------ basic changes

    @Test
    void builderBuildsTheInMemoryStore() {
        assertThat(TemplateStore.inMemory()).isInstanceOf(InMemoryTemplateStore.class);
        assertThat(TemplateStore.inMemory().size()).isZero();
    }

    @Test
    void addRefreshRedefine() {
        TemplateStore store = store(100, 1000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 4739, 0);

        assertThat(store.get(s, 256)).isEmpty();
        assertThat(store.put(s, plain(256))).isEqualTo(PutResult.ADDED);
        assertThat(store.get(s, 256)).contains(plain(256));
        assertThat(store.put(s, plain(256))).isEqualTo(PutResult.REFRESHED);
        assertThat(store.put(s, plain(256, 1))).isEqualTo(PutResult.REDEFINED);
        assertThat(store.get(s, 256)).contains(plain(256, 1));
        assertThat(store.get(s, 257)).isEmpty();
        assertThat(store.size()).isEqualTo(1);

        assertThat(rec.events).containsExactly(
                new TemplateEvent(Type.ADDED, s, plain(256)),
                new TemplateEvent(Type.REDEFINED, s, plain(256, 1)));
    }

    @Test
    void scopesAreDistinct() {
        TemplateStore store = store(100, 1000, Duration.ZERO, new AtomicLong());
        TemplateScope a = scope(1, 4739, 0);
        TemplateScope b = scope(1, 4739, 1);
        TemplateScope c = new TemplateScope(FlowProtocol.NETFLOW_V9, address(1), 4739, 0);
        store.put(a, plain(256, 0));
        store.put(b, plain(256, 1));
        store.put(c, plain(256, 2));
        assertThat(store.get(a, 256)).contains(plain(256, 0));
        assertThat(store.get(b, 256)).contains(plain(256, 1));
        assertThat(store.get(c, 256)).contains(plain(256, 2));
        assertThat(store.get(scope(2, 4739, 0), 256)).isEmpty();
        assertThat(store.scopes()).containsExactlyInAnyOrder(a, b, c);
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void withdraw() {
        TemplateStore store = store(100, 1000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 4739, 0);
        store.put(s, plain(256));
        store.put(s, plain(257));
        rec.clear();

        assertThat(store.withdraw(s, 256)).isTrue();
        assertThat(store.withdraw(s, 256)).isFalse();
        assertThat(store.withdraw(scope(9, 1, 1), 257)).isFalse();
        assertThat(store.get(s, 256)).isEmpty();
        assertThat(store.get(s, 257)).contains(plain(257));
        assertThat(rec.events).containsExactly(new TemplateEvent(Type.WITHDRAWN, s, plain(256)));

        assertThat(store.withdraw(s, 257)).isTrue();
        assertThat(store.scopes()).isEmpty();
        assertThat(store.templates(s)).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void withdrawAllOptionsVersusPlain() {
        TemplateStore store = store(100, 1000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 4739, 0);
        TemplateScope other = scope(1, 4739, 7);
        store.put(s, plain(256));
        store.put(s, plain(257));
        store.put(s, options(258));
        store.put(s, options(259));
        store.put(other, options(258));
        rec.clear();

        assertThat(store.withdrawAll(s, true)).isEqualTo(2);
        assertThat(store.templates(s)).containsExactly(plain(256), plain(257));
        assertThat(store.get(other, 258)).contains(options(258));
        assertThat(rec.events).containsExactly(
                new TemplateEvent(Type.WITHDRAWN, s, options(258)),
                new TemplateEvent(Type.WITHDRAWN, s, options(259)));
        assertThat(store.withdrawAll(s, true)).isZero();

        rec.clear();
        assertThat(store.withdrawAll(s, false)).isEqualTo(2);
        assertThat(rec.types()).containsExactly(Type.WITHDRAWN, Type.WITHDRAWN);
        assertThat(store.templates(s)).isEmpty();
        assertThat(store.scopes()).containsExactly(other);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void exporterRestartedFlushesTheScope() {
        TemplateStore store = store(100, 1000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 4739, 0);
        TemplateScope other = scope(1, 4740, 0);
        store.put(s, plain(256));
        store.put(s, options(300));
        store.put(other, plain(256));
        rec.clear();

        assertThat(store.exporterRestarted(s)).isEqualTo(2);
        assertThat(rec.events).containsExactly(
                new TemplateEvent(Type.EXPORTER_RESTARTED, s, plain(256)),
                new TemplateEvent(Type.EXPORTER_RESTARTED, s, options(300)));
        assertThat(store.get(s, 256)).isEmpty();
        assertThat(store.get(other, 256)).contains(plain(256));
        assertThat(store.scopes()).containsExactly(other);
        assertThat(store.exporterRestarted(s)).isZero();
        // and the scope can be filled again
        assertThat(store.put(s, plain(256))).isEqualTo(PutResult.ADDED);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void templatesIsASortedSnapshot() {
        TemplateStore store = store(10_000, 100_000, Duration.ZERO, new AtomicLong());
        TemplateScope s = scope(1, 4739, 0);
        for (int id = 2000; id >= 256; id--) {
            store.put(s, plain(id));
        }
        List<Template> snapshot = store.templates(s);
        store.put(s, plain(5000));
        assertThat(snapshot).hasSize(2000 - 256 + 1);
        assertThat(snapshot).extracting(Template::id).isSorted();
        assertThat(store.templates(s)).hasSize(2000 - 256 + 2);
    }

    @Test
    void tablesGrowAndShrinkWithEveryIdFindable() {
        TemplateStore store = store(70_000, 70_000, Duration.ZERO, new AtomicLong());
        TemplateScope s = scope(1, 4739, 0);
        SplittableRandom random = new SplittableRandom(42);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            int id = random.nextInt(0x10000);
            ids.add(id);
            store.put(s, plain(id));
        }
        List<String> wrong = new ArrayList<>();
        for (int id = 0; id <= 0xFFFF; id++) {
            Optional<Template> t = store.get(s, id);
            if (t.isPresent() != ids.contains(id) || t.isPresent() && t.get().id() != id) {
                wrong.add(id + " -> " + t);
            }
        }
        List<Integer> order = new ArrayList<>(ids);
        Collections.shuffle(order, new java.util.Random(7));
        for (int i = 0; i < order.size(); i++) {
            if (!store.withdraw(s, order.get(i))) {
                wrong.add("withdraw " + order.get(i));
            }
            if (i % 97 == 0) {
                for (int j = i + 1; j < order.size(); j++) {
                    if (store.get(s, order.get(j)).map(Template::id).orElse(-1).intValue() != order.get(j)) {
                        wrong.add("lost " + order.get(j) + " after " + i + " withdrawals");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(store.get(s, -1)).isEmpty();
        assertThat(store.get(s, 0x10000 + 256)).isEmpty();
    }

    /** The bytes this thread allocated so far, or -1 if the JVM cannot tell (java.management by reflection:
     * the core module does not read it). */
    private static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Class<?> sun = Class.forName("com.sun.management.ThreadMXBean");
            if (!sun.isInstance(bean)) {
                return -1;
            }
            return (long) sun.getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    @Test
    void getDoesNotAllocateInSteadyState() {
        org.junit.jupiter.api.Assumptions.assumeTrue(allocatedBytes() >= 0);
        TemplateStore store = store(1000, 1000, LIFETIME, new AtomicLong());
        TemplateScope s = scope(1, 4739, 0);
        for (int id = 256; id < 356; id++) {
            store.put(s, plain(id));
        }
        long found = 0;
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 20_000; i++) {
                found += store.get(s, 256 + (i & 127)).isPresent() ? 1 : 0; // warm up, JIT
            }
        }
        allocatedBytes();
        long before = allocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            found += store.get(s, 256 + (i & 127)).isPresent() ? 1 : 0;
        }
        long allocated = allocatedBytes() - before;
        assertThat(found).isPositive();
        assertThat(allocated).as("bytes allocated by 100000 gets").isLessThan(10_000);
    }

    // ------------------------------------------------------------------------------------------- expiry

    @Test
    void expiryWithAFakeClock() {
        AtomicLong clock = new AtomicLong(1_000);
        TemplateStore store = store(100, 1000, LIFETIME, clock);
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 4739, 0);
        long life = LIFETIME.toNanos();

        store.put(s, plain(256));
        store.put(s, plain(257));
        clock.addAndGet(life / 2);
        assertThat(store.put(s, plain(257))).isEqualTo(PutResult.REFRESHED);
        clock.addAndGet(life / 2);
        assertThat(store.get(s, 256)).as("exactly the lifetime is not older").isPresent();
        clock.incrementAndGet();
        rec.clear();
        assertThat(store.get(s, 256)).isEmpty();
        assertThat(rec.events).containsExactly(new TemplateEvent(Type.EXPIRED, s, plain(256)));
        assertThat(store.get(s, 257)).contains(plain(257));
        assertThat(store.size()).isEqualTo(1);

        clock.addAndGet(life);
        rec.clear();
        assertThat(store.size()).as("size removes what expired").isZero();
        assertThat(rec.events).containsExactly(new TemplateEvent(Type.EXPIRED, s, plain(257)));
        assertThat(store.scopes()).isEmpty();
        assertThat(store.get(s, 257)).isEmpty();
        assertThat(rec.events).hasSize(1);
    }

    @Test
    void anExpiredTemplateIsAddedAgainNotRefreshed() {
        AtomicLong clock = new AtomicLong();
        TemplateStore store = store(100, 1000, LIFETIME, clock);
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 4739, 0);
        store.put(s, plain(256));
        clock.addAndGet(LIFETIME.toNanos() + 1);
        assertThat(store.put(s, plain(256))).isEqualTo(PutResult.ADDED);
        assertThat(rec.types()).containsExactly(Type.ADDED, Type.EXPIRED, Type.ADDED);
        assertThat(store.get(s, 256)).contains(plain(256));
    }

    @Test
    void writesSweepExpiredTemplatesOfOtherScopes() {
        AtomicLong clock = new AtomicLong();
        TemplateStore store = store(100, 1000, LIFETIME, clock);
        Recorder rec = new Recorder();
        store.addListener(rec);
        for (int x = 0; x < 10; x++) {
            store.put(scope(x, 1, 0), plain(256));
        }
        clock.addAndGet(LIFETIME.toNanos() + 1);
        store.put(scope(99, 1, 0), plain(256));
        assertThat(rec.count(Type.EXPIRED)).isEqualTo(10);
        assertThat(store.scopes()).containsExactly(scope(99, 1, 0));
    }

    @Test
    void zeroLifetimeNeverExpires() {
        AtomicLong clock = new AtomicLong();
        TemplateStore store = store(100, 1000, Duration.ZERO, clock);
        TemplateScope s = scope(1, 4739, 0);
        store.put(s, plain(256));
        clock.set(Long.MAX_VALUE);
        assertThat(store.get(s, 256)).isPresent();
        clock.set(Long.MIN_VALUE);
        assertThat(store.get(s, 256)).isPresent();
        assertThat(store.size()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------- limits

    @Test
    void aFloodingExporterEvictsOnlyItsOwnTemplates() {
        TemplateStore store = store(100, 1_000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope victim = scope(2, 4739, 0);
        for (int id = 256; id < 256 + 50; id++) {
            store.put(victim, plain(id));
        }
        TemplateScope flood = scope(1, 4739, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(store.put(flood, plain(256 + (i % 60_000)))).isEqualTo(PutResult.ADDED);
        }
        assertThat(store.templates(flood)).hasSize(100);
        assertThat(store.templates(flood)).extracting(Template::id)
                .as("the newest survive").containsExactlyElementsOf(
                        java.util.stream.IntStream.range(256 + 9_900, 256 + 10_000).boxed().toList());
        assertThat(store.templates(victim)).hasSize(50);
        assertThat(store.size()).isEqualTo(150);
        assertThat(rec.count(Type.EVICTED)).isEqualTo(9_900);
        assertThat(rec.events.stream().filter(e -> e.type() == Type.EVICTED).map(TemplateEvent::scope))
                .containsOnly(flood);
    }

    @Test
    void theExporterLimitSpansPortsDomainsAndProtocols() {
        TemplateStore store = store(3, 1_000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope a = scope(1, 1000, 0);
        TemplateScope b = scope(1, 1001, 5);
        TemplateScope c = new TemplateScope(FlowProtocol.NETFLOW_V9, address(1), 1000, 0);
        store.put(a, plain(256));
        store.put(b, plain(256));
        store.put(c, plain(256));
        store.put(c, plain(257));
        assertThat(rec.events).contains(new TemplateEvent(Type.EVICTED, a, plain(256)));
        assertThat(store.scopes()).as("the emptied scope is gone").containsExactlyInAnyOrder(b, c);
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void evictionTakesTheLeastRecentlyPut() {
        TemplateStore store = store(3, 1_000, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope s = scope(1, 1000, 0);
        store.put(s, plain(256));
        store.put(s, plain(257));
        store.put(s, plain(258));
        store.put(s, plain(256)); // refreshed: now the newest
        store.put(s, plain(257, 1)); // redefined: now the newest
        store.put(s, plain(259));
        assertThat(rec.events).contains(new TemplateEvent(Type.EVICTED, s, plain(258)));
        assertThat(store.templates(s)).containsExactly(plain(256), plain(257, 1), plain(259));
    }

    @Test
    void aLimitOfOnePerExporterReplacesTheOnlyTemplate() {
        TemplateStore store = store(1, 1_000, Duration.ZERO, new AtomicLong());
        TemplateScope s = scope(1, 1000, 0);
        for (int id = 256; id < 300; id++) {
            assertThat(store.put(s, plain(id))).isEqualTo(PutResult.ADDED);
            assertThat(store.templates(s)).containsExactly(plain(id));
            assertThat(store.get(s, id)).contains(plain(id));
        }
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void theGlobalLimitEvictsTheOldestOfAll() {
        TemplateStore store = store(100, 10, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        for (int x = 0; x < 10; x++) {
            store.put(scope(x, 1, 0), plain(256));
        }
        store.put(scope(0, 1, 0), plain(256)); // refresh exporter 0: exporter 1 is now the oldest
        store.put(scope(42, 1, 0), plain(256));
        assertThat(store.size()).isEqualTo(10);
        assertThat(rec.events).contains(new TemplateEvent(Type.EVICTED, scope(1, 1, 0), plain(256)));
        assertThat(store.get(scope(0, 1, 0), 256)).isPresent();
        assertThat(store.get(scope(1, 1, 0), 256)).isEmpty();
        for (int i = 0; i < 1000; i++) {
            store.put(scope(100 + i % 7, 1, 0), plain(256 + i));
            assertThat(store.size()).isLessThanOrEqualTo(10);
        }
        assertThat(store.scopes()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void theGlobalLimitTakesFromTheExportersHoldingTheMostFirst() {
        TemplateStore store = store(50, 20, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        TemplateScope quiet = scope(1, 1, 0);
        store.put(quiet, plain(256)); // the oldest template of all
        store.put(quiet, plain(257));
        for (int i = 0; i < 500; i++) { // two flooders, far over the global limit
            store.put(scope(2 + i % 2, 1, 0), plain(256 + i));
            assertThat(store.size()).isLessThanOrEqualTo(20);
        }
        assertThat(store.templates(quiet)).containsExactly(plain(256), plain(257));
        assertThat(store.templates(scope(2, 1, 0))).hasSize(9);
        assertThat(store.templates(scope(3, 1, 0))).hasSize(9);
        assertThat(rec.count(Type.EVICTED)).isEqualTo(500 - 18);
        // once the flooders are down to the quiet exporter's size, it shares the losses
        store.put(scope(4, 1, 0), plain(256));
        assertThat(store.size()).isEqualTo(20);
    }

    @Test
    void lookUpsCanShareOneClockReading() {
        AtomicLong clock = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        long life = LIFETIME.toNanos();
        TemplateStore store = new InMemoryTemplateStore(10, 100, life, () -> {
            reads.incrementAndGet();
            return clock.get();
        }, 64);
        TemplateScope s = scope(1, 1, 0);
        store.put(s, plain(256));
        reads.set(0);
        for (int i = 0; i < 6400; i++) {
            assertThat(store.get(s, 256)).isPresent();
        }
        assertThat(reads.get()).isEqualTo(100); // once in 64 look-ups
        clock.addAndGet(life + 1);
        int late = 0;
        while (store.get(s, 256).isPresent()) {
            late++;
            assertThat(late).as("look-ups that still saw the expired template").isLessThan(64);
        }
        // a change of the store reads the clock, so the next look-ups see the time at once
        store.put(s, plain(257));
        clock.addAndGet(life + 1);
        store.put(s, plain(258));
        assertThat(store.get(s, 257)).isEmpty();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new InMemoryTemplateStore(0, 1, 0, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryTemplateStore(1, 0, 0, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryTemplateStore(1, 1, -1, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------- listeners

    @Test
    void aThrowingListenerDoesNotCorruptTheStore() {
        TemplateStore store = store(100, 1000, Duration.ZERO, new AtomicLong());
        Recorder before = new Recorder();
        Recorder after = new Recorder();
        store.addListener(before);
        TemplateListener bad = e -> {
            throw new IllegalStateException("listener failed on " + e.type());
        };
        store.addListener(bad);
        store.addListener(after);
        TemplateScope s = scope(1, 1, 0);

        assertThatThrownBy(() -> store.put(s, plain(256)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADDED");
        assertThat(store.get(s, 256)).contains(plain(256));
        assertThat(before.types()).containsExactly(Type.ADDED);
        assertThat(after.types()).containsExactly(Type.ADDED);

        assertThatThrownBy(() -> store.put(s, options(257))).isInstanceOf(IllegalStateException.class);
        assertThat(store.templates(s)).containsExactly(plain(256), options(257));
        assertThatThrownBy(() -> store.exporterRestarted(s)).isInstanceOf(IllegalStateException.class)
                .satisfies(ex -> assertThat(ex.getSuppressed()).hasSize(1));
        assertThat(after.count(Type.EXPORTER_RESTARTED)).isEqualTo(2);
        assertThat(store.size()).isZero();

        store.removeListener(bad);
        assertThat(store.put(s, plain(256))).isEqualTo(PutResult.ADDED);
        assertThat(store.size()).isEqualTo(1);
    }

    // ----------------------------------------------------------------------------------- model property

    /** One random operation for the model check. */
    record Op(int kind, int exporter, int domain, int id, int variant) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(256, 263),
                Arbitraries.integers().between(0, 2))
                .as(Op::new);
        return op.list().ofMaxSize(200);
    }

    /** Key of the model. */
    record Key(TemplateScope scope, int id) {
    }

    @Property(tries = 1000)
    void behavesLikeASimpleModel(@ForAll("ops") List<Op> ops,
            @ForAll @IntRange(min = 1, max = 6) int perExporter,
            @ForAll @IntRange(min = 1, max = 12) int max) {
        TemplateStore store = store(perExporter, max, Duration.ZERO, new AtomicLong());
        Recorder rec = new Recorder();
        store.addListener(rec);
        // the model: templates in put order, oldest first; for each exporter address, when its number of
        // templates last changed (a refresh or redefinition counts), which orders exporters holding equally many
        LinkedHashMap<Key, Template> model = new LinkedHashMap<>();
        Map<InetAddress, Long> changed = new HashMap<>();
        long[] clock = {0};
        Map<Type, Long> expected = new EnumMap<>(Type.class);

        for (Op op : ops) {
            TemplateScope s = scope(op.exporter(), 1, op.domain());
            Template t = op.variant() == 2 ? options(op.id()) : plain(op.id(), op.variant());
            Key key = new Key(s, op.id());
            switch (op.kind()) {
                case 0, 1, 2, 3, 4 -> {
                    Template old = model.get(key);
                    PutResult want;
                    if (t.equals(old)) {
                        want = PutResult.REFRESHED;
                        model.remove(key);
                    } else if (old != null) {
                        want = PutResult.REDEFINED;
                        model.remove(key);
                        expected.merge(Type.REDEFINED, 1L, Long::sum);
                    } else {
                        want = PutResult.ADDED;
                        expected.merge(Type.ADDED, 1L, Long::sum);
                        List<Key> mine = model.keySet().stream()
                                .filter(k -> k.scope().exporter().equals(s.exporter())).toList();
                        if (mine.size() >= perExporter) {
                            model.remove(mine.get(0));
                            changed.put(s.exporter(), ++clock[0]);
                            expected.merge(Type.EVICTED, 1L, Long::sum);
                        }
                        while (model.size() >= max) {
                            // from the exporters holding the most, the one whose number changed longest ago
                            Map<InetAddress, Long> counts = model.keySet().stream()
                                    .collect(Collectors.groupingBy(k -> k.scope().exporter(), Collectors.counting()));
                            long most = java.util.Collections.max(counts.values());
                            InetAddress victim = counts.entrySet().stream().filter(e -> e.getValue() == most)
                                    .map(Map.Entry::getKey).min(java.util.Comparator.comparing(changed::get)).orElseThrow();
                            model.remove(model.keySet().stream().filter(k -> k.scope().exporter().equals(victim))
                                    .findFirst().orElseThrow());
                            changed.put(victim, ++clock[0]);
                            expected.merge(Type.EVICTED, 1L, Long::sum);
                        }
                    }
                    model.put(key, t);
                    changed.put(s.exporter(), ++clock[0]);
                    assertThat(store.put(s, t)).isEqualTo(want);
                }
                case 5 -> {
                    boolean want = model.remove(key) != null;
                    if (want) {
                        expected.merge(Type.WITHDRAWN, 1L, Long::sum);
                        changed.put(s.exporter(), ++clock[0]);
                    }
                    assertThat(store.withdraw(s, op.id())).isEqualTo(want);
                }
                case 6 -> {
                    boolean options = op.variant() == 2;
                    List<Key> gone = model.entrySet().stream()
                            .filter(e -> e.getKey().scope().equals(s) && e.getValue().isOptions() == options)
                            .map(Map.Entry::getKey).toList();
                    gone.forEach(model::remove);
                    if (!gone.isEmpty()) {
                        changed.put(s.exporter(), ++clock[0]);
                    }
                    expected.merge(Type.WITHDRAWN, (long) gone.size(), Long::sum);
                    assertThat(store.withdrawAll(s, options)).isEqualTo(gone.size());
                }
                case 7 -> {
                    List<Key> gone = model.keySet().stream().filter(k -> k.scope().equals(s)).toList();
                    gone.forEach(model::remove);
                    if (!gone.isEmpty()) {
                        changed.put(s.exporter(), ++clock[0]);
                    }
                    expected.merge(Type.EXPORTER_RESTARTED, (long) gone.size(), Long::sum);
                    assertThat(store.exporterRestarted(s)).isEqualTo(gone.size());
                }
                default -> assertThat(store.get(s, op.id())).isEqualTo(Optional.ofNullable(model.get(key)));
            }

            // the limits always hold
            assertThat(store.size()).isEqualTo(model.size()).isLessThanOrEqualTo(max);
            Map<InetAddress, Integer> perAddress = new HashMap<>();
            for (TemplateScope scope : store.scopes()) {
                perAddress.merge(scope.exporter(), store.templates(scope).size(), Integer::sum);
            }
            assertThat(perAddress.values()).allSatisfy(n -> assertThat(n).isBetween(1, perExporter));
        }

        // the same visible state
        Set<TemplateScope> scopes = model.keySet().stream().map(Key::scope).collect(Collectors.toSet());
        assertThat(store.scopes()).containsExactlyInAnyOrderElementsOf(scopes);
        for (TemplateScope s : scopes) {
            List<Template> want = model.entrySet().stream().filter(e -> e.getKey().scope().equals(s))
                    .map(Map.Entry::getValue)
                    .sorted(java.util.Comparator.comparingInt(Template::id)).toList();
            assertThat(store.templates(s)).containsExactlyElementsOf(want);
        }
        for (Map.Entry<Key, Template> e : model.entrySet()) {
            assertThat(store.get(e.getKey().scope(), e.getKey().id())).contains(e.getValue());
        }
        for (Type type : Type.values()) {
            assertThat(rec.count(type)).as("%s events", type).isEqualTo(expected.getOrDefault(type, 0L));
        }
    }

    // ------------------------------------------------------------------------------------- concurrency

    @Test
    void concurrentReadersAndWriters() throws Exception {
        int perExporter = 40;
        int max = 100;
        AtomicLong clock = new AtomicLong();
        long lifetime = 1_000_000;
        TemplateStore store = TemplateStore.builder()
                .maxTemplatesPerExporter(perExporter)
                .maxTemplates(max)
                .lifetime(Duration.ofNanos(lifetime))
                .nanoClock(clock::get)
                .build();
        AtomicLongArray counts = new AtomicLongArray(Type.values().length);
        store.addListener(e -> counts.incrementAndGet(e.type().ordinal()));

        List<TemplateScope> scopes = new ArrayList<>();
        for (int x = 0; x < 4; x++) {
            for (int d = 0; d < 2; d++) {
                scopes.add(scope(x, 2055, d));
            }
        }
        int ids = 48; // 8 scopes x 48 ids: well over both limits
        int threads = 4;
        long deadline = System.nanoTime() + Duration.ofMillis(800).toNanos();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong gets = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t;
            Thread worker = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try {
                    start.await();
                    for (int i = 0; i < 5_000_000 && !stop.get(); i++) {
                        TemplateScope s = scopes.get(random.nextInt(scopes.size()));
                        int id = 256 + random.nextInt(ids);
                        int dice = random.nextInt(1000);
                        if (dice < 800) {
                            Optional<Template> got = store.get(s, id);
                            gets.incrementAndGet();
                            if (got.isPresent()) {
                                hits.incrementAndGet();
                                Template template = got.get();
                                if (template.id() != id) {
                                    throw new AssertionError("asked " + id + ", got " + template);
                                }
                                if (!template.equals(plain(id, 0)) && !template.equals(plain(id, 1))
                                        && !template.equals(options(id))) {
                                    throw new AssertionError("unknown template " + template);
                                }
                            }
                        } else if (dice < 950) {
                            int variant = random.nextInt(3);
                            store.put(s, variant == 2 ? options(id) : plain(id, variant));
                        } else if (dice < 980) {
                            store.withdraw(s, id);
                        } else if (dice < 990) {
                            store.withdrawAll(s, random.nextBoolean());
                        } else if (dice < 993) {
                            store.exporterRestarted(s);
                        } else if (dice < 996) {
                            clock.addAndGet(random.nextInt((int) lifetime / 50));
                        } else {
                            int size = store.size();
                            if (size > max) {
                                throw new AssertionError("size " + size);
                            }
                        }
                        if ((i & 1023) == 0 && System.nanoTime() > deadline) {
                            break;
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    stop.set(true);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join(10_000);
            assertThat(worker.isAlive()).isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(gets.get()).isPositive();
        assertThat(hits.get()).isPositive();

        int size = store.size();
        assertThat(size).isLessThanOrEqualTo(max);
        Map<InetAddress, Integer> perAddress = new HashMap<>();
        int listed = 0;
        for (TemplateScope s : store.scopes()) {
            List<Template> templates = store.templates(s);
            assertThat(templates).isNotEmpty();
            listed += templates.size();
            perAddress.merge(s.exporter(), templates.size(), Integer::sum);
            for (Template t : templates) {
                assertThat(store.get(s, t.id())).contains(t);
            }
        }
        assertThat(listed).isEqualTo(size);
        assertThat(perAddress.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(perExporter));
        long removed = counts.get(Type.WITHDRAWN.ordinal()) + counts.get(Type.EXPIRED.ordinal())
                + counts.get(Type.EVICTED.ordinal()) + counts.get(Type.EXPORTER_RESTARTED.ordinal());
        assertThat(counts.get(Type.ADDED.ordinal()) - removed).as("every addition and removal told").isEqualTo(size);
        assertThat(counts.get(Type.EVICTED.ordinal())).isPositive();
        assertThat(counts.get(Type.REJECTED.ordinal())).isZero();
        Objects.requireNonNull(store.toString());
    }
}
