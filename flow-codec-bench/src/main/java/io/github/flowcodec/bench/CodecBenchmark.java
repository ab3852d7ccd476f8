package io.github.flowcodec.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the codec benchmarks ({@link Netflow5Benchmark}, {@link Netflow9Benchmark}, {@link IpfixBenchmark},
 * {@link SflowBenchmark}) share: their JMH settings (throughput in operations per second, 3 forks of 5
 * warm-up and 5 measured 1-second iterations, one state per thread; JMH's annotations are inherited) and the
 * rotation through {@value #INPUTS} different inputs, so that branch predictors cannot learn one; and the
 * zero-copy decode, encode and encode-baseline benchmarks, whose one line of codec work each subclass gives
 * (its concrete decoder and encoder). The other benchmarks (scans, materialized and typed decodes) are each
 * subclass's own. For
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

    /** Where the datagrams come from. */
    InetSocketAddress exporter;
    /** The zero-copy path's handler, of the benchmark's own class (its reads get their own JIT profile). */
    SumHandler handler;
    /** The buffer the encode benchmarks write into. */
    ByteBuffer out;
    /** The sequence number the encode baseline writes next. */
    long baselineSequence;

    // Every JMH fork runs one benchmark of one class, so the methods below see one subclass's codec work each:
    // the calls through codecWork's functions are monomorphic and inline as direct calls do.

    /** Decodes the next input zero-copy, summing what the handler reads. */
    @Benchmark
    public void decodeZeroCopy(Blackhole bh) {
        zeroCopy(bh, handler);
    }

    /** The encode baseline: the same datagram written with plain puts and copies. */
    @Benchmark
    public void baselineWrite(Blackhole bh) {
        ByteBuffer o = out;
        o.clear();
        bh.consume(writeBaselineInto(o, nextIndex()));
        bh.consume(o.position());
    }

    /** Encodes the next input's records into {@link #out}. */
    @Benchmark
    public void encode(Blackhole bh) {
        ByteBuffer o = out;
        o.clear();
        bh.consume(encodeInto(o, nextIndex()));
        bh.consume(o.position());
    }

    /** The zero-copy decode of the next input through {@code h}. */
    final void zeroCopy(Blackhole bh, SumHandler h) {
        h.sum = 0;
        bh.consume(decodeInto(nextDatagram(), h));
        bh.consume(h.sum);
    }

    /** @return the next input datagram, advancing the rotation */
    abstract ByteBuffer nextDatagram();

    /** A benchmark's zero-copy decode: its concrete decoder's {@code decode(datagram, exporter, handler)}. */
    @FunctionalInterface
    interface ZeroCopyDecode {
        int decode(ByteBuffer datagram, InetSocketAddress exporter, SumHandler handler);
    }

    /** A benchmark's write of input {@code input} into {@code o} (the baseline's puts, or its encoder). */
    @FunctionalInterface
    interface InputWrite {
        int write(ByteBuffer o, int input);
    }

    private ZeroCopyDecode zeroCopyDecode;
    private InputWrite baselineWrite;
    private InputWrite encodeWrite;

    /**
     * The codec work of the shared benchmarks, given at the end of the subclass's setup (the decoder and the
     * encoder made).
     */
    final void codecWork(ZeroCopyDecode decode, InputWrite baseline, InputWrite encode) {
        this.zeroCopyDecode = decode;
        this.baselineWrite = baseline;
        this.encodeWrite = encode;
    }

    private int decodeInto(ByteBuffer datagram, SumHandler h) {
        return zeroCopyDecode.decode(datagram, exporter, h);
    }

    private int writeBaselineInto(ByteBuffer o, int input) {
        return baselineWrite.write(o, input);
    }

    private int encodeInto(ByteBuffer o, int input) {
        return encodeWrite.write(o, input);
    }

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
