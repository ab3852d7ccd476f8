package io.github.flowcodec.bench;

import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.sflow.SflowPacket;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where a materialized NetFlow v9, IPFIX or sFlow decode's time goes: the thread CPU time of the benchmark's
 * {@code decodeMaterialized} (decode into a packet, then the handler's sum over its records), of the decode alone,
 * of the sum alone (over the 16 packets decoded once before), and of {@code baselineScan}; alternated in one JVM,
 * 15 rounds after a warm-up, medians, as {@link ThreadCpuComparison} measures.
 *
 * <pre>{@code
 * taskset -c 1 java -XX:+UseParallelGC -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp flow-codec-bench/target/benchmarks.jar \
 *     io.github.flowcodec.bench.MaterializedCost Netflow9 template=ipv4 buffer=heap
 * # or: MaterializedCost Ipfix template=strings buffer=heap; MaterializedCost Sflow buffer=heap
 * }</pre>
 */
public final class MaterializedCost {

    private static final int ROUNDS = 15;

    private MaterializedCost() {
    }

    public static void main(String[] args) throws Throwable {
        List<String> given = List.of(args).subList(1, args.length);
        CodecBenchmark<?> b = (CodecBenchmark<?>) ThreadCpuComparison.setUp(args[0], given);
        Supplier<FlowPacket> decode;
        ToLongFunction<FlowPacket> sum;
        if (b instanceof SflowBenchmark sflow) {
            decode = sflow::decodePacket;
            sum = p -> sflow.sum((SflowPacket) p);
        } else {
            TemplatedCodecBenchmark<?, ?> t = (TemplatedCodecBenchmark<?, ?>) b;
            decode = () -> t.decoder.decode(t.nextDatagram(), t.exporter);
            sum = t::materializedSum;
        }
        FlowPacket[] packets = new FlowPacket[CodecBenchmark.INPUTS];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = decode.get();
        }
        int[] next = {0};
        String[] names = {"baselineScan", "decodeMaterialized", "decode alone", "sum alone"};
        @SuppressWarnings("unchecked")
        Consumer<Blackhole>[] ops = new Consumer[] {
            ThreadCpuComparison.operation(b, "baselineScan"),
            ThreadCpuComparison.operation(b, "decodeMaterialized"),
            (Consumer<Blackhole>) bh -> bh.consume(decode.get()),
            (Consumer<Blackhole>) bh -> {
                int k = next[0];
                next[0] = (k + 1) & (CodecBenchmark.INPUTS - 1);
                bh.consume(sum.applyAsLong(packets[k]));
            }
        };
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        int n = ThreadCpuComparison.calibrate(ops[1], bh);
        for (int w = 0; w < 3; w++) {
            for (Consumer<Blackhole> op : ops) {
                ThreadCpuComparison.run(op, bh, 2 * n);
            }
        }
        double[][] ns = new double[ops.length][ROUNDS];
        double[][] bytes = new double[ops.length][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            for (int k = 0; k < ops.length; k++) {
                double[] m = ThreadCpuComparison.run(ops[k], bh, n);
                ns[k][r] = m[0];
                bytes[k][r] = m[1];
            }
        }
        StringBuilder out = new StringBuilder(args[0] + "Benchmark " + String.join(" ", given)
                + ", thread CPU time an operation (medians):");
        for (int k = 0; k < ops.length; k++) {
            Arrays.sort(ns[k]);
            Arrays.sort(bytes[k]);
            out.append(String.format("%n  %-20s %8.1f ns %8.0f B/op", names[k], ns[k][ROUNDS / 2], bytes[k][ROUNDS / 2]));
        }
        System.out.println(out);
    }
}
