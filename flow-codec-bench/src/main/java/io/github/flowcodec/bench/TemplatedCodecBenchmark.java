package io.github.flowcodec.bench;

import io.github.flowcodec.core.FlowRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the NetFlow v9 and IPFIX benchmarks ({@link Netflow9Benchmark}, {@link IpfixBenchmark}) share beyond
 * {@link CodecBenchmark}: the zero-copy decode through a handler that reads whole data sets as columns, and
 * the teardown check that the measured decoder stayed in its steady state (its templates known, nothing
 * skipped). For example {@code decodeZeroCopyColumns} is {@code decodeZeroCopy} with {@link #columnHandler}.
 */
public abstract class TemplatedCodecBenchmark extends CodecBenchmark<FlowRecord> {

    /** The zero-copy handler reading data sets a column at a time, of the benchmark's own class. */
    SumHandler columnHandler;

    /** Decodes the next input zero-copy, reading each data set's fields as columns. */
    @Benchmark
    public void decodeZeroCopyColumns(Blackhole bh) {
        zeroCopy(bh, columnHandler);
    }

    /** The measured decoder must have stayed in the steady state. */
    @TearDown
    public void checkDecoderState() {
        checkMeasuredDecoder();
    }

    /** Fails unless the measured decoder's counters show the steady state. */
    abstract void checkMeasuredDecoder();
}
