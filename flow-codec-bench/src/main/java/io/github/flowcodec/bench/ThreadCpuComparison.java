package io.github.flowcodec.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of {@link Netflow9Benchmark}'s decode ratio that other processes on the machine barely
 * disturb: the thread CPU time of {@code baselineScan} and {@code decodeZeroCopy}, alternated in one JVM, 15
 * rounds of 500,000 operations after a warm-up, medians. JMH stays the benchmark (this runs both methods in
 * one JVM, so one's profile can shape the other's code); use this when the machine is too busy for JMH's
 * wall-clock figures or when JMH's forks disagree.
 *
 * <pre>{@code
 * taskset -c 1 java -XX:+UseParallelGC -cp flow-codec-bench/target/benchmarks.jar \
 *     io.github.flowcodec.bench.ThreadCpuComparison ipv4 heap
 * }</pre>
 */
public final class ThreadCpuComparison {

    private static final int ROUNDS = 15;

    private ThreadCpuComparison() {
    }

    public static void main(String[] args) throws UnknownHostException {
        Netflow9Benchmark b = new Netflow9Benchmark();
        b.template = args.length > 0 ? args[0] : "ipv4";
        b.buffer = args.length > 1 ? args[1] : "heap";
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 3; w++) {
            baseline(b, bh, mx, 1_000_000);
            zeroCopy(b, bh, mx, 1_000_000);
        }
        double[] baseline = new double[ROUNDS];
        double[] zeroCopy = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            baseline[r] = baseline(b, bh, mx, 500_000);
            zeroCopy[r] = zeroCopy(b, bh, mx, 500_000);
            ratio[r] = baseline[r] / zeroCopy[r];
        }
        Arrays.sort(baseline);
        Arrays.sort(zeroCopy);
        Arrays.sort(ratio);
        System.out.printf("Netflow9Benchmark %s %s: baselineScan %.1f ns, decodeZeroCopy %.1f ns of thread CPU time a "
                + "datagram (medians); decodeZeroCopy vs baselineScan %.3f (middle rounds %.3f to %.3f)%n", b.template,
                b.buffer, baseline[ROUNDS / 2], zeroCopy[ROUNDS / 2], ratio[ROUNDS / 2], ratio[2], ratio[ROUNDS - 3]);
    }

    private static double baseline(Netflow9Benchmark b, Blackhole bh, ThreadMXBean mx, int n) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            b.baselineScan(bh);
        }
        return (mx.getCurrentThreadCpuTime() - t0) / (double) n;
    }

    private static double zeroCopy(Netflow9Benchmark b, Blackhole bh, ThreadMXBean mx, int n) {
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            b.decodeZeroCopy(bh);
        }
        return (mx.getCurrentThreadCpuTime() - t0) / (double) n;
    }
}
