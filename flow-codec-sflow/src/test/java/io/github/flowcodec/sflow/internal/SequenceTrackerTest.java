package io.github.flowcodec.sflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void countsLossDuplicatesReorderingAndRestartsPerKey() {
        SequenceTracker t = new SequenceTracker(16);
        assertThat(t.update(1, 2, 3, 4, 10)).isZero();
        assertThat(t.update(1, 2, 3, 4, 14)).isEqualTo(3);          // 11, 12, 13 lost
        assertThat(t.update(1, 2, 3, 4, 14)).isZero();              // a duplicate
        assertThat(t.update(1, 2, 3, 4, 12)).isZero();              // late: one less lost
        assertThat(t.update(1, 2, 3, 5, 1)).isZero();               // another key
        assertThat(t.update(1, 2, 3, 4, 3_000_000_000L)).isZero();  // a restart
        assertThat(t.totalLost()).isEqualTo(2);
        assertThat(t.entries()).hasSize(2).anySatisfy(e -> {
            assertThat(e.k3()).isEqualTo(4);
            assertThat(e.last()).isEqualTo(3_000_000_000L);
            assertThat(e.received()).isEqualTo(5);
            assertThat(e.lost()).isEqualTo(2);
            assertThat(e.duplicates()).isEqualTo(1);
            assertThat(e.reordered()).isEqualTo(1);
            assertThat(e.restarts()).isEqualTo(1);
        });
    }

    @Test
    void theTableGrowsWithoutLosingStateAndIsClearedAtItsBound() {
        SequenceTracker t = new SequenceTracker(5000);
        SplittableRandom random = new SplittableRandom(3);
        Map<Long, Long> last = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (long key = 0; key < 5000; key++) {
                long seq = last.getOrDefault(key, random.nextLong(1, 1000)) + 1 + (key % 3 == 0 ? 2 : 0);
                long lost = t.update(7, key * 31, key, 0, seq);
                if (last.containsKey(key)) {
                    assertThat(lost).as("key %d, round %d", key, round).isEqualTo(key % 3 == 0 ? 2 : 0);
                }
                last.put(key, seq);
            }
        }
        assertThat(t.size()).isEqualTo(5000);
        assertThat(t.evictions()).isZero();
        assertThat(t.entries()).hasSize(5000).allSatisfy(e -> assertThat(e.received()).isEqualTo(3));
        t.update(8, 0, 0, 0, 1); // one key more than the bound: the table is cleared and starts again
        assertThat(t.evictions()).isEqualTo(1);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.entries()).singleElement().satisfies(e -> assertThat(e.k0()).isEqualTo(8));
    }
}
