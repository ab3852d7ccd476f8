package io.github.flowcodec.bench;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A cross-check of a benchmark's ratio to its baseline that other processes on the machine barely disturb:
 * the thread CPU time (and the bytes allocated) of a benchmark method and of its baseline, alternated in one
 * JVM, 15 rounds after a warm-up, medians. JMH stays the benchmark (this runs both methods in one JVM, so
 * one's profile can shape the other's code); use this when the machine is too busy for JMH's wall-clock
 * figures or when JMH's forks disagree.
 *
 * <pre>{@code
 * taskset -c 1 java -XX:+UseParallelGC -cp flow-codec-bench/target/benchmarks.jar \
 *     io.github.flowcodec.bench.ThreadCpuComparison Sflow decodeZeroCopy buffer=heap
 * # arguments: the benchmark class (without "Benchmark"), the method, the @Param values (name=value);
 * # the baseline is baselineWrite for encode and baselineScan for the others; baseline=<method> picks another.
 * # The old form "ThreadCpuComparison ipv4 heap" compares Netflow9 decodeZeroCopy with baselineScan.
 * }</pre>
 */
public final class ThreadCpuComparison {

    private static final int ROUNDS = 15;

    private ThreadCpuComparison() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0 || !Character.isUpperCase(args[0].charAt(0))) {
            String template = args.length > 0 ? args[0] : "ipv4";
            String buffer = args.length > 1 ? args[1] : "heap";
            args = new String[] {"Netflow9", "decodeZeroCopy", "template=" + template, "buffer=" + buffer};
        }
        String measured = args.length > 1 ? args[1] : "decodeZeroCopy";
        String baselineName = measured.equals("encode") ? "baselineWrite" : "baselineScan";
        List<String> given = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].startsWith("baseline=")) {
                baselineName = args[i].substring("baseline=".length());
            } else {
                given.add(args[i]);
            }
        }
        Object b = setUp(args[0], given);
        StringBuilder params = new StringBuilder();
        given.forEach(p -> params.append(' ').append(p));
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Consumer<Blackhole> baseline = operation(b, baselineName);
        Consumer<Blackhole> method = operation(b, measured);
        int n = calibrate(method, bh);
        for (int w = 0; w < 3; w++) {
            run(baseline, bh, 2 * n);
            run(method, bh, 2 * n);
        }
        double[] baselineNs = new double[ROUNDS];
        double[] methodNs = new double[ROUNDS];
        double[] ratio = new double[ROUNDS];
        double[] methodBytes = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            baselineNs[r] = run(baseline, bh, n)[0];
            double[] m = run(method, bh, n);
            methodNs[r] = m[0];
            methodBytes[r] = m[1];
            ratio[r] = baselineNs[r] / methodNs[r];
        }
        Arrays.sort(baselineNs);
        Arrays.sort(methodNs);
        Arrays.sort(ratio);
        Arrays.sort(methodBytes);
        System.out.printf("%sBenchmark%s: %s %.1f ns, %s %.1f ns of thread CPU time an operation (medians), %.0f B/op; "
                + "%s vs %s %.3f (middle rounds %.3f to %.3f)%n", args[0], params, baselineName, baselineNs[ROUNDS / 2],
                measured, methodNs[ROUNDS / 2], methodBytes[ROUNDS / 2], measured, baselineName, ratio[ROUNDS / 2],
                ratio[2], ratio[ROUNDS - 3]);
    }

    /**
     * A benchmark class's instance (its name without "Benchmark") with the {@code @Param} values given
     * ({@code name=value}), after its {@code @Setup} methods ran.
     */
    static Object setUp(String benchmark, List<String> params) throws Throwable {
        Class<?> type = Class.forName(ThreadCpuComparison.class.getPackageName() + "." + benchmark + "Benchmark");
        Object b = type.getConstructor().newInstance();
        for (String p : params) {
            String[] kv = p.split("=", 2);
            type.getField(kv[0]).set(b, kv[1]);
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(Setup.class)) {
                m.invoke(b);
            }
        }
        return b;
    }

    /**
     * The benchmark method {@code name} of {@code b} as a consumer of the blackhole (a direct call, no reflection per
     * operation); what the method returns is dropped.
     */
    @SuppressWarnings("unchecked")
    static Consumer<Blackhole> operation(Object b, String name) throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle target = lookup.unreflect(b.getClass().getMethod(name, Blackhole.class));
        CallSite site = LambdaMetafactory.metafactory(lookup, "accept", MethodType.methodType(Consumer.class, b.getClass()),
                MethodType.methodType(void.class, Object.class), target, MethodType.methodType(void.class, Blackhole.class));
        return (Consumer<Blackhole>) site.getTarget().invoke(b);
    }

    /** Operations in a round: about 0.3 s of the measured method. */
    static int calibrate(Consumer<Blackhole> op, Blackhole bh) {
        int n = 10_000;
        while (true) {
            double ns = run(op, bh, n)[0];
            if (ns * n > 2e8 || n > 50_000_000) {
                return (int) Math.max(10_000, Math.min(50_000_000, 3e8 / ns));
            }
            n *= 4;
        }
    }

    /** Runs {@code op} {@code n} times: thread CPU ns and allocated bytes an operation. */
    static double[] run(Consumer<Blackhole> op, Blackhole bh, int n) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long a0 = mx.getThreadAllocatedBytes(id);
        long t0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            op.accept(bh);
        }
        long t1 = mx.getCurrentThreadCpuTime();
        long a1 = mx.getThreadAllocatedBytes(id);
        return new double[] {(t1 - t0) / (double) n, (a1 - a0) / (double) n};
    }
}
