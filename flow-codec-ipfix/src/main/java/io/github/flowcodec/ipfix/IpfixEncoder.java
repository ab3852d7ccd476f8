package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.internal.templated.TemplateWithdrawals;
import io.github.flowcodec.core.internal.templated.TemplatedWriter;
import io.github.flowcodec.core.internal.templated.TemplatedWriterSettings;
import io.github.flowcodec.ipfix.internal.IpfixWriter;
import io.github.flowcodec.core.internal.templated.PacketPartsWriter;
import io.github.flowcodec.ipfix.internal.IpfixLayout;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Encodes flow records (and options records) into IPFIX messages as an exporter does: each template is sent
 * before its first record and, for UDP, again every N messages and/or every T of time (RFC 7011 section
 * 8.4); records are split across messages by a maximum message size; consecutive records of one template
 * share a data set; the header's sequence number counts the data records sent before the message (options
 * records included) and its export time is the clock's. Withdrawal messages remove templates (RFC 7011
 * section 8.1). Records with variable-length fields, enterprise elements and structured data are written as
 * their bytes are. Not thread-safe.
 *
 * <pre>{@code
 * IpfixEncoder encoder = IpfixEncoder.builder().observationDomainId(7).maxDatagramSize(1400)
 *         .templateRefreshDatagrams(20).templateRefreshInterval(Duration.ofMinutes(1)).build();
 * for (ByteBuffer message : encoder.encode(records)) {
 *     channel.send(message, collector);
 * }
 * ByteBuffer bye = encoder.withdrawalDatagram(256); // template 256 is no longer used
 * }</pre>
 */
public final class IpfixEncoder implements DatagramEncoder<FlowRecord> {

    private final long domain;
    private final int maxMessageSize;
    private final TemplatedWriter writer;
    private final TemplateWithdrawals withdrawals;

    private IpfixEncoder(Builder b) {
        this.domain = b.domain;
        this.maxMessageSize = b.settings.maxDatagramSize();
        this.writer = b.settings.writer();
        this.withdrawals = new TemplateWithdrawals(writer);
    }

    /**
     * A builder with defaults: domain 0, 1400-byte messages, templates every 20 messages or 60 seconds.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The sequence number the next message will carry: data records sent so far (unsigned 32-bit). */
    @Override
    public long nextSequence() {
        return writer.nextSequence();
    }

    /** The largest message this encoder writes (for UDP, the payload); {@link Builder#maxDatagramSize}. */
    @Override
    public int maxDatagramSize() {
        return maxMessageSize;
    }

    /**
     * Writes one message at the buffer's position: the templates due, then as many records from
     * {@code from} as fit in {@code min(dst.remaining(), maxMessageSize)} bytes; advances the position.
     * Allocates nothing once every template has been seen.
     *
     * @return how many records were written
     * @param records the records, of any templates IPFIX can carry
     * @param from the index of the first record to write
     * @param dst where the message goes
     * @throws EncodingException if not even one record (with its template) fits, or IPFIX cannot carry a template
     */
    @Override
    public int encode(List<? extends FlowRecord> records, int from, ByteBuffer dst) {
        return writer.encode(records, from, dst);
    }

    /**
     * A message holding every template the encoder knows, nested list templates included (for a collector
     * that restarted, or the start of a new file).
     *
     * @return a message holding every template the encoder knows, nested list templates included (for a collector that restarted, or the start of a new file)
     */
    public ByteBuffer templatesDatagram() {
        return writer.templatesDatagram(Ipfix.MAX_MESSAGE_LENGTH);
    }

    /**
     * A template withdrawal message (RFC 7011 section 8.1) for these template ids, which the encoder forgets
     * (a record of one of them later sends the template again).
     *
     * @param templateIds ids of templates the encoder has sent
     * @return the message, a flipped buffer
     * @throws IllegalArgumentException if an id is not one of the encoder's templates
     */
    public ByteBuffer withdrawalDatagram(int... templateIds) {
        return withdrawals.datagram(templateIds);
    }

    /**
     * A message withdrawing all templates and all options templates (set ids 2 and 3); the encoder forgets them.
     *
     * @return a message withdrawing all templates and all options templates (set ids 2 and 3); the encoder forgets them
     */
    public ByteBuffer withdrawAllDatagram() {
        return withdrawals.allDatagram();
    }

    @Override
    public String toString() {
        return "IpfixEncoder[domain " + domain + ", " + writer.knownCount() + " templates, next sequence " + nextSequence()
                + ", " + writer.sentCount() + " sent]";
    }

    /**
     * Encodes a decoded message again as it came: the header with the fields it was sent with, then its sets
     * in their order with the lengths they were sent with, each template record written from the decoded
     * {@link io.github.flowcodec.core.Template}, each withdrawal record again, each record from the decoded
     * {@link FlowRecord}, the bytes the decoder did not turn into any of these (padding, data that waited for
     * its template, parts a lenient decode could not read) as they were, and any bytes the datagram had after
     * the message's length. Real exporters' messages come back byte for byte; a record or template that
     * re-encodes differently shows as a difference.
     *
     * <pre>{@code
     * IpfixMessage m = decoder.decode(ByteBuffer.wrap(datagram), exporter);
     * byte[] again = IpfixEncoder.encodeAsDecoded(m); // Arrays.equals(again, datagram)
     * }</pre>
     *
     * @param message a message from {@link IpfixDecoder#decode(ByteBuffer, java.net.InetSocketAddress)}
     * @return the datagram's bytes
     * @throws IllegalArgumentException if the message holds only data released from an earlier message
     */
    public static byte[] encodeAsDecoded(IpfixMessage message) {
        IpfixHeader h = message.header();
        return PacketPartsWriter.datagram(message, message.parts(), IpfixLayout.HEADER_LENGTH,
                b -> IpfixWriter.header(b, 0, h.version(), h.length(), h.exportTimeSeconds(), h.sequence(), h.observationDomainId()),
                IpfixWriter::templateRecord, "message");
    }

    /** Configures an {@link IpfixEncoder}. */
    public static final class Builder {
        private final TemplatedWriterSettings settings = new TemplatedWriterSettings(IpfixWriter.FORMAT);
        private long domain;

        private Builder() {
        }

        /**
         * The header's observation domain id (unsigned 32-bit); default 0.
         *
         * @param domain the observation domain id
         * @return this builder
         */
        public Builder observationDomainId(long domain) {
            settings.exporterId(domain, "observation domain id");
            this.domain = domain;
            return this;
        }

        /**
         * Largest message in bytes (for UDP, the payload); default 1400, at most 65535.
         *
         * @param bytes largest message in bytes (for UDP, the payload); default 1400, at most 65535
         * @return this builder
         */
        public Builder maxDatagramSize(int bytes) {
            settings.maxDatagramSize(bytes);
            return this;
        }

        /**
         * Resend every template after this many messages (0: never by count, as over TCP/SCTP or to a file); default 20.
         *
         * @param messages resend every template after this many messages (0: never by count, as over TCP/SCTP or to a file); default 20
         * @return this builder
         */
        public Builder templateRefreshDatagrams(int messages) {
            settings.refreshDatagrams(messages);
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
         * The wall clock in epoch milliseconds (the export time).
         *
         * @param epochMillis the clock, in milliseconds since the Unix epoch
         * @return this builder
         */
        public Builder clock(LongSupplier epochMillis) {
            settings.clock(epochMillis);
            return this;
        }

        /**
         * The first message's sequence number; default 0.
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
        public IpfixEncoder build() {
            return new IpfixEncoder(this);
        }
    }
}
