package io.github.flowcodec.bench;

import io.github.flowcodec.core.DatagramDecoder;
import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.FlowRecord;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the NetFlow v9 and IPFIX benchmarks ({@link Netflow9Benchmark}, {@link IpfixBenchmark}) share beyond
 * {@link CodecBenchmark}: the zero-copy decode through a handler that reads whole data sets as columns; the end
 * of the setup (the checks that the three decode paths agree with the baseline scan and that the encode
 * baseline writes the encoder's bytes, then the measured decoder, handlers and encoder); and the teardown check
 * that the measured decoder stayed in its steady state (its templates known, nothing skipped). Each subclass
 * gives its codec's pieces: decoder, encoder, handlers, baseline scan and header. For example
 * {@code decodeZeroCopyColumns} is {@code decodeZeroCopy} with {@link #columnHandler}.
 *
 * @param <D> the decoder
 * @param <E> the encoder
 */
public abstract class TemplatedCodecBenchmark<D extends DatagramDecoder<?>, E extends DatagramEncoder<FlowRecord>>
        extends CodecBenchmark<FlowRecord> {

    /** The zero-copy handler reading data sets a column at a time, of the benchmark's own class. */
    SumHandler columnHandler;
    /** The measured decoder: its templates known. */
    D decoder;
    /** The measured encoder: its templates sent. */
    E encoder;

    /** Decodes the next input zero-copy, reading each data set's fields as columns. */
    @Benchmark
    public void decodeZeroCopyColumns(Blackhole bh) {
        zeroCopy(bh, columnHandler);
    }

    /** The measured decoder must have stayed in the steady state. */
    @TearDown
    public void checkDecoderState() {
        checkSteadyState(decoder.counters());
    }

    /**
     * The end of the subclass's setup, its inputs and {@link #out} set: the setup checks, then the measured
     * decoder, handlers and encoder (primed); the subclass then gives its {@link #codecWork}.
     */
    final void startMeasuring(BufferKind kind) {
        checkDecodePathsAgree();
        checkEncodeBaselineWritesEncoderBytes(kind);
        decoder = newDecoder();
        handler = newHandler();
        columnHandler = newColumnHandler();
        encoder = newEncoder();
        primeEncoder(encoder);
    }

    /** A strict decoder (its own template store) that has decoded the exporter's template-only datagram. */
    abstract D newDecoder();

    /** An encoder writing the inputs' header fields, refreshes off. */
    abstract E newEncoder();

    /** A zero-copy handler reading record by record. */
    abstract SumHandler newHandler();

    /** A zero-copy handler reading data sets as columns. */
    abstract SumHandler newColumnHandler();

    /** Fails unless the counters show the steady state: templates known, nothing skipped or repaired. */
    abstract void checkSteadyState(DecoderCounters c);

    /** The baseline scan's sum over input {@code index}'s datagram {@code b}; fails unless it saw all records. */
    abstract long baselineSum(ByteBuffer b, int index);

    /** The same sum over a materialized packet. */
    abstract long materializedSum(FlowPacket packet);

    /** Further checks of a decoded input (its header), {@code sequence} the one its header should carry. */
    void checkHeader(int index, FlowPacket packet, long sequence) {
    }

    /** The sequence number {@link #nextDatagram} writes into the next input's header (-1: none written). */
    long nextSequence() {
        return -1;
    }

    /** The encode baseline: the header with puts, then the records' bytes copied into {@code o}. */
    abstract int writeBaseline(ByteBuffer o, byte[][] recs);

    /** Writes into {@code header} (an input's bytes) the header fields the encoder sets itself, its sequence {@code sequence}. */
    abstract void encoderHeader(ByteBuffer header, long sequence);

    /** All three decode paths must see the same records and the same values in every input, twice round. */
    private void checkDecodePathsAgree() {
        D zeroCopy = newDecoder();
        D materialized = newDecoder();
        D columnsDecoder = newDecoder();
        SumHandler h = newHandler();
        SumHandler columns = newColumnHandler();
        for (int round = 0; round < 2; round++) {
            for (int p = 0; p < INPUTS; p++) {
                long sequence = nextSequence();
                rotateTo(p);
                ByteBuffer b = nextDatagram();
                int position = b.position();
                int limit = b.limit();
                long baseline = baselineSum(b, p);
                int records = recordLists.get(p).size();
                h.sum = 0;
                int n = zeroCopy.decode(b, exporter, h);
                columns.sum = 0;
                int nc = columnsDecoder.decode(b, exporter, columns);
                FlowPacket packet = materialized.decode(b, exporter);
                long mat = materializedSum(packet);
                if (n != records || nc != records || packet.records().size() != records) {
                    throw new IllegalStateException("input " + p + ": " + records + " records, zero-copy " + n
                            + ", columns " + nc + ", materialized " + packet.records().size());
                }
                if (h.sum != baseline || columns.sum != baseline || mat != baseline) {
                    throw new IllegalStateException("input " + p + ": baseline sum " + baseline + ", zero-copy " + h.sum
                            + ", columns " + columns.sum + ", materialized " + mat);
                }
                checkHeader(p, packet, sequence);
                for (int i = 0; i < records; i++) {
                    if (!Arrays.equals(packet.records().get(i).toBytes(), recordBytes[p][i])) {
                        throw new IllegalStateException("input " + p + ": record " + i + " decoded to other bytes");
                    }
                }
                BenchmarkSetup.checkUnmoved(b, position, limit, "datagram");
            }
        }
        checkSteadyState(zeroCopy.counters());
        checkSteadyState(materialized.counters());
        checkSteadyState(columnsDecoder.counters());
        rotateTo(0);
    }

    /** The encode baseline must write exactly the encoder's bytes, over two inputs (the sequence advancing). */
    private void checkEncodeBaselineWritesEncoderBytes(BufferKind kind) {
        E e = newEncoder();
        primeEncoder(e);
        for (int p = 0; p < 2; p++) {
            long sequence = baselineSequence;
            String what = "input " + p;
            List<FlowRecord> list = recordLists.get(p);
            byte[][] bytes = recordBytes[p];
            byte[] encoded = BenchmarkSetup.sameBytes(what, out, kind,
                    o -> BenchmarkSetup.checkAllWritten(what, e.encode(list, 0, o), list.size()), o -> writeBaseline(o, bytes));
            byte[] expected = new byte[datagrams[p].remaining()];
            datagrams[p].duplicate().get(expected);
            encoderHeader(ByteBuffer.wrap(expected), sequence);
            if (!Arrays.equals(encoded, expected)) {
                throw new IllegalStateException(what + ": the encoder's datagram differs from the decoded one in more than the header");
            }
        }
    }
}
