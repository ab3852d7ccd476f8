package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.internal.IpfixWriter;
import io.github.flowcodec.ipfix.internal.TemplatesById;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * IpfixEncoder encoder = IpfixEncoder.builder().observationDomainId(7).maxMessageSize(1400)
 *         .templateRefreshMessages(20).templateRefreshInterval(Duration.ofMinutes(1)).build();
 * for (ByteBuffer message : encoder.encode(records)) {
 *     channel.send(message, collector);
 * }
 * ByteBuffer bye = encoder.withdrawalMessage(256); // template 256 is no longer used
 * }</pre>
 */
public final class IpfixEncoder {

    private final long domain;
    private final int maxMessageSize;
    private final int refreshMessages;
    private final long refreshMillis;
    private final LongSupplier clock;

    /** Every template seen, in the order first seen (the refresh order). */
    private final Map<Integer, Template> known = new LinkedHashMap<>();
    /** {@link #known} by id: the per-record lookups allocate nothing. */
    private final TemplatesById knownById = new TemplatesById();
    /** The last version of each template sent, by id. */
    private final TemplatesById sent = new TemplatesById();
    private long sequence;
    private long messagesSinceRefresh;
    private long lastRefreshMillis = Long.MIN_VALUE;
    private boolean lastTemplatesOnly;

    private IpfixEncoder(Builder b) {
        this.domain = b.domain;
        this.maxMessageSize = b.maxMessageSize;
        this.refreshMessages = b.refreshMessages;
        this.refreshMillis = b.refreshInterval.toMillis();
        this.clock = b.clock;
        this.sequence = b.firstSequence;
    }

    /** A builder with defaults: domain 0, 1400-byte messages, templates every 20 messages or 60 seconds. */
    public static Builder builder() {
        return new Builder();
    }

    /** The sequence number the next message will carry: data records sent so far (unsigned 32-bit). */
    public long nextSequence() {
        return sequence & 0xFFFF_FFFFL;
    }

    /** Encodes the records into as many new messages as needed (each a flipped big-endian buffer). */
    public List<ByteBuffer> encode(List<FlowRecord> records) {
        List<ByteBuffer> out = new ArrayList<>();
        int from = 0;
        do {
            ByteBuffer b = ByteBuffer.allocate(maxMessageSize);
            from += encode(records, from, b);
            out.add(b.flip());
        } while (from < records.size());
        return out;
    }

    /**
     * Writes one message at the buffer's position: the templates due, then as many records from
     * {@code from} as fit in {@code min(dst.remaining(), maxMessageSize)} bytes; advances the position.
     * Allocates nothing once every template has been seen.
     *
     * @return how many records were written
     * @throws EncodingException if not even one record (with its template) fits, or IPFIX cannot carry a template
     */
    public int encode(List<FlowRecord> records, int from, ByteBuffer dst) {
        Objects.checkFromToIndex(from, records.size(), records.size());
        dst.order(ByteOrder.BIG_ENDIAN);
        int start = dst.position();
        int limit = start + Math.min(dst.remaining(), maxMessageSize);
        if (limit - start < Ipfix.HEADER_LENGTH) {
            throw new EncodingException(FlowProtocol.IPFIX, 0, "no room for a message header");
        }
        // the templates of the records this packet can hold (so a refresh due now carries them): no further,
        // or encoding a long list would look at every remaining record for every packet
        Template learned = null;
        for (int i = from, bytes = 0; i < records.size() && bytes <= limit - start; i++) {
            FlowRecord r = records.get(i);
            if (r.template() != learned) { // records come in runs of one template: learn it once a run
                learned = r.template();
                learn(learned);
            }
            bytes += r.length();
        }
        long now = clock.getAsLong();
        boolean refresh = sent.size() == 0 || (!lastTemplatesOnly
                && ((refreshMessages > 0 && messagesSinceRefresh >= refreshMessages)
                || (refreshMillis > 0 && now - lastRefreshMillis >= refreshMillis)));
        dst.position(start + Ipfix.HEADER_LENGTH);
        int templatesWritten = 0;
        if (refresh) {
            templatesWritten = writeTemplates(dst, limit, false) + writeTemplates(dst, limit, true);
            messagesSinceRefresh = 0;
            lastRefreshMillis = now;
        }
        int written = 0;
        int setStart = -1;
        int setId = -1;
        Template previous = null; // the previous record's template, and what had been sent under its id
        Template previousSent = null;
        for (int i = from; i < records.size(); i++) {
            FlowRecord r = records.get(i);
            Template t = r.template();
            Template last = t == previous ? previousSent : sent.get(t.id());
            boolean needTemplate = last != t && !t.equals(last);
            boolean newSet = needTemplate || setId != t.id();
            int room = limit - dst.position();
            int need = newSet ? (needTemplate ? 4 + IpfixWriter.templateRecordLength(t) : 0) + 4 + r.length() : r.length();
            if (need > room || (!newSet && dst.position() + r.length() - setStart > 0xFFFF)) {
                break;
            }
            if (newSet) {
                if (setStart >= 0) {
                    closeSet(dst, setStart);
                }
                if (needTemplate) {
                    int ts = dst.position();
                    dst.putShort((short) (t.isOptions() ? Ipfix.OPTIONS_TEMPLATE_SET_ID : Ipfix.TEMPLATE_SET_ID));
                    dst.putShort((short) 0);
                    IpfixWriter.templateRecord(dst, t);
                    closeSet(dst, ts);
                    markSent(t);
                    templatesWritten++;
                }
                setStart = dst.position();
                setId = t.id();
                dst.putShort((short) t.id());
                dst.putShort((short) 0);
            }
            r.writeTo(dst);
            written++;
            previous = t;
            previousSent = needTemplate ? t : last;
        }
        if (setStart >= 0) {
            closeSet(dst, setStart);
        }
        if (written == 0 && templatesWritten == 0 && from < records.size()) {
            dst.position(start);
            throw new EncodingException(FlowProtocol.IPFIX, 0, "record " + from + " (" + records.get(from).length()
                    + " bytes, template " + records.get(from).template().id() + ") does not fit a message of "
                    + (limit - start) + " bytes");
        }
        IpfixWriter.header(dst, start, Ipfix.VERSION, dst.position() - start, Math.floorDiv(now, 1000) & 0xFFFF_FFFFL,
                sequence & 0xFFFF_FFFFL, domain);
        sequence += written;
        messagesSinceRefresh++;
        lastTemplatesOnly = written == 0 && templatesWritten > 0;
        return written;
    }

    /** A message holding every template the encoder knows (for a collector that restarted, or a new file). */
    public ByteBuffer templatesMessage() {
        ByteBuffer b = ByteBuffer.allocate(Ipfix.MAX_MESSAGE_LENGTH);
        long now = clock.getAsLong();
        b.position(Ipfix.HEADER_LENGTH);
        writeTemplates(b, Ipfix.MAX_MESSAGE_LENGTH, false);
        writeTemplates(b, Ipfix.MAX_MESSAGE_LENGTH, true);
        IpfixWriter.header(b, 0, Ipfix.VERSION, b.position(), Math.floorDiv(now, 1000) & 0xFFFF_FFFFL, sequence & 0xFFFF_FFFFL, domain);
        return b.flip();
    }

    /**
     * A template withdrawal message (RFC 7011 section 8.1) for these template ids, which the encoder forgets
     * (a record of one of them later sends the template again).
     *
     * @throws IllegalArgumentException if an id is not one of the encoder's templates
     */
    public ByteBuffer withdrawalMessage(int... templateIds) {
        List<Template> plain = new ArrayList<>();
        List<Template> options = new ArrayList<>();
        for (int id : templateIds) {
            Template t = id >= 0 && id <= 0xFFFF ? knownById.get(id) : null;
            if (t == null) {
                throw new IllegalArgumentException("template " + id + " is not known to the encoder");
            }
            (t.isOptions() ? options : plain).add(t);
        }
        ByteBuffer b = ByteBuffer.allocate(Ipfix.HEADER_LENGTH + 8 + 4 * templateIds.length);
        b.position(Ipfix.HEADER_LENGTH);
        withdrawalSet(b, Ipfix.TEMPLATE_SET_ID, plain);
        withdrawalSet(b, Ipfix.OPTIONS_TEMPLATE_SET_ID, options);
        for (int id : templateIds) {
            forget(id);
        }
        return finish(b);
    }

    /** A message withdrawing all templates and all options templates (set ids 2 and 3); the encoder forgets them. */
    public ByteBuffer withdrawAllMessage() {
        ByteBuffer b = ByteBuffer.allocate(Ipfix.HEADER_LENGTH + 16);
        b.position(Ipfix.HEADER_LENGTH);
        b.putShort((short) Ipfix.TEMPLATE_SET_ID).putShort((short) 8).putShort((short) Ipfix.TEMPLATE_SET_ID).putShort((short) 0);
        b.putShort((short) Ipfix.OPTIONS_TEMPLATE_SET_ID).putShort((short) 8).putShort((short) Ipfix.OPTIONS_TEMPLATE_SET_ID).putShort((short) 0);
        for (Integer id : new ArrayList<>(known.keySet())) {
            forget(id);
        }
        return finish(b);
    }

    private ByteBuffer finish(ByteBuffer b) {
        IpfixWriter.header(b, 0, Ipfix.VERSION, b.position(), Math.floorDiv(clock.getAsLong(), 1000) & 0xFFFF_FFFFL,
                sequence & 0xFFFF_FFFFL, domain);
        return b.flip();
    }

    private static void withdrawalSet(ByteBuffer b, int setId, List<Template> ts) {
        if (ts.isEmpty()) {
            return;
        }
        b.putShort((short) setId).putShort((short) (4 + 4 * ts.size()));
        for (Template t : ts) {
            b.putShort((short) t.id()).putShort((short) 0);
        }
    }

    private void forget(int id) {
        known.remove(id);
        knownById.put(id, null);
        sent.put(id, null);
    }

    private void markSent(Template t) {
        sent.put(t.id(), t);
    }

    private void learn(Template t) {
        Template old = knownById.get(t.id());
        if (old != t && (old == null || !old.equals(t))) {
            try {
                IpfixWriter.check(t);
            } catch (IllegalArgumentException e) {
                throw new EncodingException(FlowProtocol.IPFIX, EncodingException.NO_OFFSET, e.getMessage());
            }
            known.put(t.id(), t);
            knownById.put(t.id(), t);
        }
    }

    /** Writes every known template of one kind that fits in one set; how many. */
    private int writeTemplates(ByteBuffer dst, int limit, boolean optionsKind) {
        int setStart = dst.position();
        if (limit - setStart < 4 + 4) {
            return 0;
        }
        int n = 0;
        dst.putShort((short) (optionsKind ? Ipfix.OPTIONS_TEMPLATE_SET_ID : Ipfix.TEMPLATE_SET_ID));
        dst.putShort((short) 0);
        for (Template t : known.values()) {
            if (t.isOptions() != optionsKind) {
                continue;
            }
            int len = IpfixWriter.templateRecordLength(t);
            if (dst.position() + len > limit || dst.position() + len - setStart > 0xFFFF) {
                continue; // sent later, before its first record
            }
            IpfixWriter.templateRecord(dst, t);
            markSent(t);
            n++;
        }
        if (n == 0) {
            dst.position(setStart);
            return 0;
        }
        closeSet(dst, setStart);
        return n;
    }

    private static void closeSet(ByteBuffer dst, int setStart) {
        dst.putShort(setStart + 2, (short) (dst.position() - setStart));
    }

    @Override
    public String toString() {
        return "IpfixEncoder[domain " + domain + ", " + known.size() + " templates, next sequence " + nextSequence()
                + ", " + sent.size() + " sent]";
    }

    /** Configures an {@link IpfixEncoder}. */
    public static final class Builder {
        private long domain;
        private int maxMessageSize = 1400;
        private int refreshMessages = 20;
        private Duration refreshInterval = Duration.ofSeconds(60);
        private LongSupplier clock = System::currentTimeMillis;
        private long firstSequence;

        private Builder() {
        }

        /** The header's observation domain id (unsigned 32-bit); default 0. */
        public Builder observationDomainId(long domain) {
            if (domain < 0 || domain > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("observation domain id is unsigned 32-bit");
            }
            this.domain = domain;
            return this;
        }

        /** Largest message in bytes (for UDP, the payload); default 1400, at most 65535. */
        public Builder maxMessageSize(int bytes) {
            if (bytes < Ipfix.HEADER_LENGTH + 8 || bytes > Ipfix.MAX_MESSAGE_LENGTH) {
                throw new IllegalArgumentException("max message size out of range: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** Resend every template after this many messages (0: never by count, as over TCP/SCTP or to a file); default 20. */
        public Builder templateRefreshMessages(int messages) {
            if (messages < 0) {
                throw new IllegalArgumentException("negative message count");
            }
            this.refreshMessages = messages;
            return this;
        }

        /** Resend every template after this much time ({@link Duration#ZERO}: never by time); default 60 s. */
        public Builder templateRefreshInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative interval");
            }
            this.refreshInterval = interval;
            return this;
        }

        /** The wall clock in epoch milliseconds (the export time). */
        public Builder clock(LongSupplier epochMillis) {
            this.clock = Objects.requireNonNull(epochMillis, "clock");
            return this;
        }

        /** The first message's sequence number; default 0. */
        public Builder firstSequence(long sequence) {
            this.firstSequence = sequence;
            return this;
        }

        /** The encoder. */
        public IpfixEncoder build() {
            return new IpfixEncoder(this);
        }
    }
}
