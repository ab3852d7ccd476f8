package io.github.flowcodec.sflow;

import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.internal.ArrayWriter;
import io.github.flowcodec.sflow.internal.Bytes;
import io.github.flowcodec.sflow.internal.Checks;
import io.github.flowcodec.sflow.internal.TypedCodec;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Writes sFlow v5 datagrams: typed samples into a caller's buffer or into new buffers, split so that no
 * datagram exceeds the maximum size, each datagram carrying the next datagram sequence number of this
 * agent and sub-agent and the current uptime. Every sample and record type of the model is written with
 * its XDR padding; records of registered enterprise formats go through their {@link SflowExtension}.
 *
 * <p>Samples carry their own sample sequence numbers. Not thread-safe: one encoder per agent stream, since
 * it owns the datagram sequence. {@link #write(SflowDatagram, ByteBuffer)} and {@link #toBytes} write a
 * datagram exactly as given (its own sequence number), for round trips and tests.
 *
 * <pre>{@code
 * SflowEncoder encoder = SflowEncoder.builder(InetAddress.getByName("192.0.2.1")).subAgentId(0).build();
 * for (ByteBuffer datagram : encoder.encode(samples)) {
 *     channel.send(datagram, collector);
 * }
 * // or one datagram into a buffer of your own; returns how many samples it took:
 * int taken = encoder.encode(samples, 0, buffer);
 * }</pre>
 */
public final class SflowEncoder implements DatagramEncoder<SflowSample> {

    private final InetAddress agent;
    private final byte[] agentBytes;
    /** The datagram header's length with this agent address. */
    private final int headerLength;
    private final long subAgentId;
    private final LongSupplier uptimeMillis;
    private final int maxDatagramSize;
    private final SflowExtensions extensions;
    private long sequence;
    /** What {@link ArrayWriter#touch} read last: kept so that the JIT keeps its reads. */
    private int touched;

    private SflowEncoder(Builder b) {
        this.agent = b.agent;
        this.agentBytes = b.agent == null ? null : b.agent.getAddress();
        this.headerLength = TypedCodec.headerLength(b.agent);
        this.subAgentId = b.subAgentId;
        this.uptimeMillis = b.uptimeMillis != null ? b.uptimeMillis : startedNow();
        this.maxDatagramSize = b.maxDatagramSize;
        this.extensions = b.extensions;
        this.sequence = b.sequence;
    }

    private static LongSupplier startedNow() {
        long start = System.nanoTime();
        return () -> ((System.nanoTime() - start) / 1_000_000L) & 0xFFFF_FFFFL;
    }

    /**
     * A builder for an agent (an {@link java.net.Inet4Address} or {@link java.net.Inet6Address}; null writes
     * address type 0, unknown): sub-agent 0, first sequence number 1, uptime counted from the encoder's
     * creation, datagrams of at most {@value Sflow#DEFAULT_MAX_DATAGRAM} bytes, no extensions.
     *
     * @param agentAddress the agent address every datagram names, or null
     * @return a new builder
     */
    public static Builder builder(InetAddress agentAddress) {
        return new Builder(agentAddress);
    }

    /** The sequence number the next datagram will carry: datagrams sent so far plus the first (unsigned 32-bit). */
    @Override
    public long nextSequence() {
        return sequence;
    }

    /** The largest datagram this encoder writes; {@link Builder#maxDatagramSize}. */
    @Override
    public int maxDatagramSize() {
        return maxDatagramSize;
    }

    /**
     * Writes one datagram at the buffer's position (advanced past it) with as many samples from
     * {@code samples}, starting at index {@code from}, as fit in the buffer's remaining room and the
     * maximum datagram size.
     *
     * @return how many samples it took
     * @param samples the samples
     * @param from the index of the first sample to write
     * @param dst where the datagram goes
     * @throws EncodingException if not even the header and the first sample fit, or a value cannot be encoded
     */
    @Override
    public int encode(List<? extends SflowSample> samples, int from, ByteBuffer dst) {
        Objects.checkIndex(from, samples.size() + 1);
        int room = Math.min(dst.remaining(), maxDatagramSize);
        int used = headerLength;
        if (used > room) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, dst.position(), "no room for the " + used + "-byte header in "
                    + room + " bytes");
        }
        int start = dst.position();
        long uptime = uptimeMillis.getAsLong() & 0xFFFF_FFFFL;
        int n;
        try {
            n = ArrayWriter.writes(dst) ? encodeIntoArray(samples, from, dst, room, uptime) : encodeIntoBuffer(samples, from, dst, room, uptime);
        } catch (RuntimeException e) {
            dst.position(start);
            throw e;
        }
        if (n == 0 && from < samples.size()) {
            dst.position(start);
            int len = TypedCodec.sampleRecordLength(samples.get(from), extensions);
            throw new EncodingException(FlowProtocol.SFLOW_V5, dst.position(), "sample " + from + " takes " + len
                    + " bytes; with the header it does not fit in " + room);
        }
        sequence = (sequence + 1) & 0xFFFF_FFFFL;
        return n;
    }

    /**
     * The samples that fit into a heap buffer's array, the buffer's position left after them: the common samples
     * written straight into the array ({@link ArrayWriter}), the others the general way. Each sample is measured by
     * writing it (the common ones) or before writing it (the others).
     */
    private int encodeIntoArray(List<? extends SflowSample> samples, int from, ByteBuffer dst, int room, long uptime) {
        byte[] a = dst.array();
        int shift = dst.arrayOffset();
        int start = shift + dst.position();
        int end = start + room;
        int p = ArrayWriter.header(a, start, agentBytes, subAgentId, sequence, uptime);
        touched = ArrayWriter.touch(samples, from);
        int n = 0;
        for (int i = from; i < samples.size(); i++) {
            Object o = samples.get(i);   // no cast to the interface: ArrayWriter tests the exact classes
            int q = ArrayWriter.sample(a, p, end, o);
            if (q == ArrayWriter.NOT_MINE) {
                SflowSample s = (SflowSample) o;
                if (TypedCodec.sampleRecordLength(s, extensions) > end - p) {
                    break;
                }
                dst.position(p - shift);
                TypedCodec.writeSampleGenerally(dst, s, extensions);
                q = shift + dst.position();
            } else if (q == ArrayWriter.FULL) {
                break;
            }
            p = q;
            n++;
        }
        dst.position(p - shift);
        Bytes.put32(a, start + headerLength - 4, n);   // the header's last word: the sample count
        return n;
    }

    /** {@link #encodeIntoArray} through the buffer's accessors: a direct or little-endian buffer. */
    private int encodeIntoBuffer(List<? extends SflowSample> samples, int from, ByteBuffer dst, int room, long uptime) {
        int start = dst.position();
        TypedCodec.writeHeader(dst, agentBytes, subAgentId, sequence, uptime, 0);
        int left = room - headerLength;
        int n = 0;
        for (int i = from; i < samples.size(); i++) {
            SflowSample s = samples.get(i);
            int len = TypedCodec.sampleRecordLength(s, extensions);
            if (len > left) {
                break;
            }
            TypedCodec.writeSample(dst, s, extensions);
            left -= len;
            n++;
        }
        dst.putInt(start + headerLength - 4, n);   // the header's last word: the sample count
        return n;
    }

    /**
     * Writes {@code datagram} exactly as given (its agent, sub-agent, sequence number and uptime) at the
     * buffer's position, using this encoder's extensions; the running sequence is not touched.
     *
     * @param datagram the datagram to write
     * @param dst where it goes
     * @throws EncodingException if the buffer has no room or a value cannot be encoded
     */
    public void write(SflowDatagram datagram, ByteBuffer dst) {
        write(datagram, dst, extensions);
    }

    /**
     * The encoded length of {@code datagram} with this encoder's extensions.
     *
     * @param datagram the datagram
     * @return its length in bytes
     */
    public int encodedLength(SflowDatagram datagram) {
        return length(datagram, extensions);
    }

    /**
     * The bytes of {@code datagram} exactly as given, with no extensions.
     *
     * @param datagram the datagram
     * @return its bytes
     */
    public static byte[] toBytes(SflowDatagram datagram) {
        return toBytes(datagram, SflowExtensions.none());
    }

    /**
     * The bytes of {@code datagram} exactly as given.
     *
     * @param datagram the datagram
     * @param extensions codecs for its enterprise records
     * @return its bytes
     */
    public static byte[] toBytes(SflowDatagram datagram, SflowExtensions extensions) {
        ByteBuffer b = ByteBuffer.allocate(length(datagram, extensions));
        write(datagram, b, extensions);
        return b.array();
    }

    private static int length(SflowDatagram d, SflowExtensions extensions) {
        long n = TypedCodec.headerLength(d.agentAddress());
        for (SflowSample s : d.samples()) {
            n += TypedCodec.sampleRecordLength(s, extensions);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, EncodingException.NO_OFFSET, "a datagram of " + n + " bytes");
        }
        return (int) n;
    }

    private static void write(SflowDatagram d, ByteBuffer dst, SflowExtensions extensions) {
        int len = length(d, extensions);
        if (dst.remaining() < len) {
            throw new EncodingException(FlowProtocol.SFLOW_V5, dst.position(), "the datagram takes " + len + " bytes, "
                    + dst.remaining() + " remain in the buffer");
        }
        int start = dst.position();
        try {
            TypedCodec.writeDatagram(dst, d, extensions);
        } catch (RuntimeException e) {
            dst.position(start);
            throw e;
        }
    }

    /**
     * Builds an {@link SflowEncoder}.
     *
     * <pre>{@code
     * SflowEncoder e = SflowEncoder.builder(agent).subAgentId(1).maxDatagramSize(1200).build();
     * }</pre>
     */
    public static final class Builder {
        private final InetAddress agent;
        private long subAgentId;
        private long sequence = 1;
        private LongSupplier uptimeMillis;
        private int maxDatagramSize = Sflow.DEFAULT_MAX_DATAGRAM;
        private SflowExtensions extensions = SflowExtensions.none();

        private Builder(InetAddress agent) {
            this.agent = agent;
        }

        /**
         * The sub-agent id (default 0).
         *
         * @param id the sub-agent id, unsigned 32-bit
         * @return this builder
         */
        public Builder subAgentId(long id) {
            Checks.u32(id, "subAgentId");
            this.subAgentId = id;
            return this;
        }

        /**
         * The sequence number of the first datagram (default 1).
         *
         * @param first the sequence number of the first datagram (default 1)
         * @return this builder
         */
        public Builder firstSequence(long first) {
            Checks.u32(first, "sequence number");
            this.sequence = first;
            return this;
        }

        /**
         * Where the uptime comes from, in milliseconds (default: counted from the encoder's creation).
         *
         * @param uptime gives the agent's uptime in milliseconds for each datagram
         * @return this builder
         */
        public Builder uptimeMillis(LongSupplier uptime) {
            this.uptimeMillis = Objects.requireNonNull(uptime, "uptime");
            return this;
        }

        /**
         * The largest datagram to write (default {@value Sflow#DEFAULT_MAX_DATAGRAM}, at least 64, at most 65507).
         *
         * @param bytes the maximum datagram size in bytes
         * @return this builder
         */
        public Builder maxDatagramSize(int bytes) {
            Checks.range(bytes, 64, 65_507, "maxDatagramSize");
            this.maxDatagramSize = bytes;
            return this;
        }

        /**
         * Codecs for enterprise record formats.
         *
         * @param extensions the codecs of enterprise record formats
         * @return this builder
         */
        public Builder extensions(SflowExtensions extensions) {
            this.extensions = Objects.requireNonNull(extensions, "extensions");
            return this;
        }

        /**
         * The encoder.
         *
         * @return the encoder (one per thread: it counts sequence numbers)
         */
        public SflowEncoder build() {
            return new SflowEncoder(this);
        }
    }
}
