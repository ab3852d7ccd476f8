package io.github.flowcodec.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the codec benchmarks ({@link Netflow5Benchmark}, {@link Netflow9Benchmark}, {@link IpfixBenchmark},
 * {@link SflowBenchmark}) share: their JMH settings (throughput in operations per second, 3 forks of 5
 * warm-up and 5 measured 1-second iterations, one state per thread; JMH's annotations are inherited) and the
 * rotation through {@value #INPUTS} different inputs, so that branch predictors cannot learn one. Each
 * subclass keeps its own {@code @Benchmark} methods, calling its codec's concrete classes directly. For
 * example an operation reads {@code datagrams[nextIndex()]}: inputs 0, 1, ..., 15, 0, 1, ...
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class CodecBenchmark {

    /** Different inputs (datagrams, messages, record lists) cycled through; a power of two. */
    static final int INPUTS = 16;

    private int next;

    /** The index of the next input, advancing the rotation. */
    final int nextIndex() {
        int i = next;
        next = (i + 1) & (INPUTS - 1);
        return i;
    }

    /** Makes input {@code index} the next one. */
    final void rotateTo(int index) {
        next = index;
    }
}
