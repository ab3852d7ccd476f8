package io.github.flowcodec.bench;

import io.github.flowcodec.core.DatagramEncoder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
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
 * warm-up and 5 measured 1-second iterations, each fork with a fixed heap touched at start so that the young
 * generation's growth does not put page faults into the iterations of the paths that allocate, one state per
 * thread; JMH's annotations are inherited) and the
 * rotation through {@value #INPUTS} different inputs, so that branch predictors cannot learn one (each input a
 * datagram, its records of type {@code R} and their bytes); and the zero-copy decode, encode and
 * encode-baseline benchmarks, whose one line of codec work each subclass gives (its concrete decoder and
 * encoder). The other benchmarks (scans, materialized and typed decodes) are each subclass's own. For
 * example an operation reads {@code datagrams[nextIndex()]}: inputs 0, 1, ..., 15, 0, 1, ...
 *
 * @param <R> what the encoder takes: {@code FlowRecord}, or sFlow's samples
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class CodecBenchmark<R> {

    /** Different inputs (datagrams, messages, record lists) cycled through; a power of two. */
    static final int INPUTS = 16;

    /** The encoders' clock: fixed, so the encode baselines can write the same header. */
    static final long EXPORT_MILLIS = 1_700_000_123_456L;
    /** The uptime the NetFlow encoders write (v5's uptime, v9's boot time before {@link #EXPORT_MILLIS}). */
    static final long ENCODER_UPTIME = 123_456_789L;

    private int next;

    /** The input datagrams (IPFIX messages), as the decoders read them. */
    final ByteBuffer[] datagrams = new ByteBuffer[INPUTS];
    /** Each input's records (sFlow: samples), as the encoder takes them. */
    final List<List<R>> recordLists = new ArrayList<>(INPUTS);
    /** Each input's records' bytes, in order, as the encode baseline copies them. */
    final byte[][][] recordBytes = new byte[INPUTS][][];

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

    /**
     * Sets input {@code index}: the datagram (copied into a buffer of {@code kind}), its records and their bytes.
     */
    final void input(int index, BufferKind kind, byte[] datagram, List<? extends R> records, byte[][] bytes) {
        datagrams[index] = kind.copyOf(datagram);
        recordLists.add(index, new ArrayList<>(records));
        recordBytes[index] = bytes;
    }

    /**
     * Writes input 0's records once with {@code e} into {@link #out}: a template-based encoder's first datagram
     * carries its templates, every later one (refreshes off) is data only, as the measured ones must be. The
     * encode baseline's sequence continues from the encoder's.
     */
    final void primeEncoder(DatagramEncoder<R> e) {
        out.clear();
        if (e.encode(recordLists.get(0), 0, out) == 0) {
            throw new IllegalStateException("the first datagram (with its templates) holds no record");
        }
        out.clear();
        baselineSequence = e.nextSequence();
    }

    /** @return the next input datagram, advancing the rotation */
    ByteBuffer nextDatagram() {
        return datagrams[nextIndex()];
    }

    /** A benchmark's zero-copy decode: its concrete decoder's {@code decode(datagram, exporter, handler)}. */
    @FunctionalInterface
    interface ZeroCopyDecode {
        int decode(ByteBuffer datagram, InetSocketAddress exporter, SumHandler handler);
    }

    /** A benchmark's encode baseline: the header with puts, then the records' bytes copied into {@code o}. */
    @FunctionalInterface
    interface BaselineWrite {
        int write(ByteBuffer o, byte[][] recordBytes);
    }

    /** A benchmark's encoder: {@code encode(records, from, o)}. */
    @FunctionalInterface
    interface Encode<R> {
        int encode(List<R> records, int from, ByteBuffer o);
    }

    private ZeroCopyDecode zeroCopyDecode;
    private BaselineWrite baselineWrite;
    private Encode<R> encodeWrite;

    /**
     * The codec work of the shared benchmarks, given at the end of the subclass's setup (the decoder and the
     * encoder made).
     */
    final void codecWork(ZeroCopyDecode decode, BaselineWrite baseline, Encode<R> encode) {
        this.zeroCopyDecode = decode;
        this.baselineWrite = baseline;
        this.encodeWrite = encode;
    }

    private int decodeInto(ByteBuffer datagram, SumHandler h) {
        return zeroCopyDecode.decode(datagram, exporter, h);
    }

    private int writeBaselineInto(ByteBuffer o, int input) {
        return baselineWrite.write(o, recordBytes[input]);
    }

    private int encodeInto(ByteBuffer o, int input) {
        return encodeWrite.encode(recordLists.get(input), 0, o);
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
