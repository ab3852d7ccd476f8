package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.internal.templated.TemplatedWriter;
import io.github.flowcodec.core.internal.templated.TemplatedWriterSettings;
import io.github.flowcodec.netflow9.internal.Netflow9Writer;
import io.github.flowcodec.core.internal.templated.PacketPartsWriter;
import io.github.flowcodec.netflow9.internal.Netflow9Layout;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Encodes flow records (and options records) into NetFlow v9 packets as an exporter does: each template is
 * sent before its first record and again every N packets and/or every T of time; records are split across
 * packets by a maximum packet size; consecutive records of one template share a data FlowSet, padded to a
 * multiple of 4 bytes; the header's sequence number counts packets and its sys_uptime runs from the
 * encoder's boot time. Not thread-safe.
 *
 * <p>A packet's layout: header, then the templates due (a template FlowSet, then an options template
 * FlowSet), then data FlowSets in record order, a template being written in its own FlowSet just before the
 * first record that needs it.
 *
 * <pre>{@code
 * Netflow9Encoder encoder = Netflow9Encoder.builder().sourceId(7).maxDatagramSize(1400)
 *         .templateRefreshDatagrams(20).templateRefreshInterval(Duration.ofMinutes(1)).build();
 * for (ByteBuffer packet : encoder.encode(records)) {
 *     channel.send(packet, collector);
 * }
 * // or, allocation-free, into your own buffer:
 * int from = 0;
 * while (from < records.size()) {
 *     buffer.clear();
 *     from += encoder.encode(records, from, buffer);
 *     channel.send(buffer.flip(), collector);
 * }
 * }</pre>
 */
public final class Netflow9Encoder implements DatagramEncoder<FlowRecord> {

    private final int maxPacketSize;
    private final TemplatedWriter writer;

    private Netflow9Encoder(Builder b) {
        this.maxPacketSize = b.settings.maxDatagramSize();
        this.writer = b.settings.writer();
    }

    /**
     * A builder with defaults: source id 0, 1400-byte packets, templates every 20 packets or 60 seconds.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The sequence number the next packet will carry: packets sent so far (unsigned 32-bit). */
    @Override
    public long nextSequence() {
        return writer.nextSequence();
    }

    /** The largest packet this encoder writes (the UDP payload); {@link Builder#maxDatagramSize}. */
    @Override
    public int maxDatagramSize() {
        return maxPacketSize;
    }

    /**
     * Writes one packet at the buffer's position: the templates due, then as many records from
     * {@code from} as fit in {@code min(dst.remaining(), maxPacketSize)} bytes; advances the position.
     * Allocates nothing once every template has been seen.
     *
     * @return how many records were written
     * @param records the records, of any templates NetFlow v9 can carry
     * @param from the index of the first record to write
     * @param dst where the packet goes
     * @throws EncodingException if not even one record (with its template) fits, or NetFlow v9 cannot carry
     *         a template
     */
    @Override
    public int encode(List<? extends FlowRecord> records, int from, ByteBuffer dst) {
        return writer.encode(records, from, dst);
    }

    /**
     * A packet holding every template the encoder knows (to answer a collector that restarted).
     *
     * @return a packet holding every template the encoder knows (to answer a collector that restarted)
     */
    public ByteBuffer templatesDatagram() {
        return writer.templatesDatagram(maxPacketSize);
    }

    /**
     * Encodes a decoded packet again as it came: the header with the fields it was sent with (a count that
     * lies included), then its FlowSets in their order with the lengths they were sent with, each template
     * record written from the decoded {@link io.github.flowcodec.core.Template} and each record from the decoded
     * {@link FlowRecord}, and the bytes the decoder did not turn into either (padding, data that waited for its
     * template, parts a lenient decode could not read) as they were. Real exporters' packets come back byte for
     * byte; a record or template that re-encodes differently shows as a difference.
     *
     * <pre>{@code
     * Netflow9Packet p = decoder.decode(ByteBuffer.wrap(datagram), exporter);
     * byte[] again = Netflow9Encoder.encodeAsDecoded(p); // Arrays.equals(again, datagram)
     * }</pre>
     *
     * @param packet a packet from {@link Netflow9Decoder#decode(ByteBuffer, java.net.InetSocketAddress)}
     * @return the packet's bytes
     * @throws IllegalArgumentException if the packet holds only data released from an earlier packet
     */
    public static byte[] encodeAsDecoded(Netflow9Packet packet) {
        Netflow9Header h = packet.header();
        return PacketPartsWriter.datagram(packet, packet.parts(), Netflow9Layout.HEADER_LENGTH,
                b -> Netflow9Writer.header(b, 0, h.version(), h.count(), h.sysUptimeMillis(), h.unixSeconds(), h.sequence(),
                        h.sourceId()),
                Netflow9Writer::templateRecord, "packet");
    }

    /** Configures a {@link Netflow9Encoder}. */
    public static final class Builder {
        private final TemplatedWriterSettings settings = new TemplatedWriterSettings(Netflow9Writer.FORMAT);

        private Builder() {
        }

        /**
         * The header's source id (unsigned 32-bit); default 0.
         *
         * @param sourceId the source id
         * @return this builder
         */
        public Builder sourceId(long sourceId) {
            settings.exporterId(sourceId, "source id");
            return this;
        }

        /**
         * Largest packet in bytes (UDP payload); default 1400.
         *
         * @param bytes largest packet in bytes (UDP payload); default 1400
         * @return this builder
         */
        public Builder maxDatagramSize(int bytes) {
            settings.maxDatagramSize(bytes);
            return this;
        }

        /**
         * Resend every template after this many packets (0: never by count); default 20.
         *
         * @param packets resend every template after this many packets (0: never by count); default 20
         * @return this builder
         */
        public Builder templateRefreshDatagrams(int packets) {
            settings.refreshDatagrams(packets);
            return this;
        }

        /**
         * Resend every template after this much time ({@link Duration#ZERO}: never by time); default 60 s.
         *
         * @param interval the refresh period
         * @return this builder
         */
        public Builder templateRefreshInterval(Duration interval) {
            settings.refreshInterval(interval);
            return this;
        }

        /**
         * The wall clock in epoch milliseconds (export time; uptime is measured from the boot time).
         *
         * @param epochMillis the clock, in milliseconds since the Unix epoch
         * @return this builder
         */
        public Builder clock(LongSupplier epochMillis) {
            settings.clock(epochMillis);
            return this;
        }

        /**
         * When the exporter "booted", in epoch milliseconds (sys_uptime = now - boot); default: when built.
         *
         * @param epochMillis the boot time, in milliseconds since the Unix epoch
         * @return this builder
         */
        public Builder bootTimeMillis(long epochMillis) {
            settings.bootMillis(epochMillis);
            return this;
        }

        /**
         * The first packet's sequence number; default 0.
         *
         * @param sequence the sequence number, unsigned 32-bit
         * @return this builder
         */
        public Builder firstSequence(long sequence) {
            settings.firstSequence(sequence);
            return this;
        }

        /**
         * The encoder.
         *
         * @return the encoder (one per thread: it counts sequence numbers and template refreshes)
         */
        public Netflow9Encoder build() {
            return new Netflow9Encoder(this);
        }
    }
}
