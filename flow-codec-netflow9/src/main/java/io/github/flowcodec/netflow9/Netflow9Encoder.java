package io.github.flowcodec.netflow9;

import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow9.internal.Netflow9Writer;
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
 * Netflow9Encoder encoder = Netflow9Encoder.builder().sourceId(7).maxPacketSize(1400)
 *         .templateRefreshPackets(20).templateRefreshInterval(Duration.ofMinutes(1)).build();
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
public final class Netflow9Encoder {

    private final long sourceId;
    private final int maxPacketSize;
    private final int refreshPackets;
    private final long refreshMillis;
    private final LongSupplier clock;
    private final long bootMillis;

    /** Every template seen, in the order first seen (the refresh order). */
    private final Map<Integer, Template> known = new LinkedHashMap<>();
    /** {@link #known} by id without boxing: the per-record lookups allocate nothing. */
    private final TemplatesById knownById = new TemplatesById();
    /** The last version of each template sent. */
    private final TemplatesById sent = new TemplatesById();
    private long sequence;
    private long packetsSinceRefresh;
    private long lastRefreshMillis = Long.MIN_VALUE;
    private boolean lastTemplatesOnly;

    private Netflow9Encoder(Builder b) {
        this.sourceId = b.sourceId;
        this.maxPacketSize = b.maxPacketSize;
        this.refreshPackets = b.refreshPackets;
        this.refreshMillis = b.refreshInterval.toMillis();
        this.clock = b.clock;
        this.bootMillis = b.bootMillis == Long.MIN_VALUE ? clock.getAsLong() : b.bootMillis;
        this.sequence = b.firstSequence;
    }

    /** A builder with defaults: source id 0, 1400-byte packets, templates every 20 packets or 60 seconds. */
    public static Builder builder() {
        return new Builder();
    }

    /** The sequence number the next packet will carry. */
    public long nextSequence() {
        return sequence & 0xFFFF_FFFFL;
    }

    /** Encodes the records into as many new packets as needed (each a flipped big-endian buffer). */
    public List<ByteBuffer> encode(List<FlowRecord> records) {
        List<ByteBuffer> out = new ArrayList<>();
        int from = 0;
        do {
            ByteBuffer b = ByteBuffer.allocate(maxPacketSize);
            from += encode(records, from, b);
            out.add(b.flip());
        } while (from < records.size());
        return out;
    }

    /**
     * Writes one packet at the buffer's position: the templates due, then as many records from
     * {@code from} as fit in {@code min(dst.remaining(), maxPacketSize)} bytes; advances the position.
     * Allocates nothing once every template has been seen.
     *
     * @return how many records were written
     * @throws EncodingException if not even one record (with its template) fits, or NetFlow v9 cannot carry
     *         a template
     */
    public int encode(List<FlowRecord> records, int from, ByteBuffer dst) {
        Objects.checkFromToIndex(from, records.size(), records.size());
        dst.order(ByteOrder.BIG_ENDIAN);
        int start = dst.position();
        int limit = start + Math.min(dst.remaining(), maxPacketSize);
        if (limit - start < Netflow9.HEADER_LENGTH) {
            throw new EncodingException(FlowProtocol.NETFLOW_V9, 0, "no room for a header");
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
        // a refresh is never due right after a packet that held templates only: with templates that fill a
        // packet and a refresh every packet, no record would ever be written
        boolean refresh = sent.isEmpty() || (!lastTemplatesOnly
                && ((refreshPackets > 0 && packetsSinceRefresh >= refreshPackets)
                || (refreshMillis > 0 && now - lastRefreshMillis >= refreshMillis)));
        dst.position(start + Netflow9.HEADER_LENGTH);
        int count = 0;
        if (refresh) {
            count += writeTemplates(dst, limit, false) + writeTemplates(dst, limit, true);
            packetsSinceRefresh = 0;
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
            int pos = dst.position();
            int room = limit - pos;
            // exact bytes: padding that closes the current set, the template's own set (padded: an options
            // template record is 2 bytes off a multiple of 4), the new set's header, the record, and the
            // padding that will close the set the record is in
            int need;
            if (newSet) {
                need = (setStart >= 0 ? padding(pos - setStart) : 0)
                        + (needTemplate ? 4 + Netflow9Writer.templateRecordLength(t)
                                + padding(Netflow9Writer.templateRecordLength(t)) : 0)
                        + 4 + r.length() + padding(4 + r.length());
            } else {
                need = r.length() + padding(pos + r.length() - setStart);
            }
            if (need > room) {
                break;
            }
            if (needTemplate || setId != t.id()) {
                if (setStart >= 0) {
                    closeSet(dst, setStart);
                }
                if (needTemplate) {
                    int ts = dst.position();
                    dst.putShort((short) (t.isOptions() ? Netflow9.OPTIONS_TEMPLATE_SET_ID : Netflow9.TEMPLATE_SET_ID));
                    dst.putShort((short) 0);
                    Netflow9Writer.templateRecord(dst, t);
                    closeSet(dst, ts);
                    sent.put(t.id(), t);
                    count++;
                }
                setStart = dst.position();
                setId = t.id();
                dst.putShort((short) t.id());
                dst.putShort((short) 0);
            }
            r.writeTo(dst);
            written++;
            count++;
            previous = t;
            previousSent = needTemplate ? t : last;
        }
        if (setStart >= 0) {
            closeSet(dst, setStart);
        }
        if (written == 0 && count == 0 && from < records.size()) {
            dst.position(start);
            throw new EncodingException(FlowProtocol.NETFLOW_V9, 0, "record " + from + " (" + records.get(from).length()
                    + " bytes, template " + records.get(from).template().id() + ") does not fit a packet of "
                    + (limit - start) + " bytes");
        }
        Netflow9Writer.header(dst, start, Netflow9.VERSION, count, (now - bootMillis) & 0xFFFF_FFFFL,
                Math.floorDiv(now, 1000) & 0xFFFF_FFFFL, sequence & 0xFFFF_FFFFL, sourceId);
        sequence++;
        packetsSinceRefresh++;
        lastTemplatesOnly = written == 0 && count > 0;
        return written;
    }

    /** Zero bytes that bring {@code length} to a multiple of 4. */
    private static int padding(int length) {
        return -length & 3;
    }

    /** A packet holding every template the encoder knows (to answer a collector that restarted). */
    public ByteBuffer templatesPacket() {
        ByteBuffer b = ByteBuffer.allocate(maxPacketSize);
        long now = clock.getAsLong();
        b.position(Netflow9.HEADER_LENGTH);
        int count = writeTemplates(b, maxPacketSize, false) + writeTemplates(b, maxPacketSize, true);
        Netflow9Writer.header(b, 0, Netflow9.VERSION, count, (now - bootMillis) & 0xFFFF_FFFFL,
                Math.floorDiv(now, 1000) & 0xFFFF_FFFFL, sequence & 0xFFFF_FFFFL, sourceId);
        sequence++;
        return b.flip();
    }

    private void learn(Template t) {
        Template old = knownById.get(t.id());
        if (old != t && (old == null || !old.equals(t))) {
            try {
                Netflow9Writer.check(t);
            } catch (IllegalArgumentException e) {
                throw new EncodingException(FlowProtocol.NETFLOW_V9, EncodingException.NO_OFFSET, e.getMessage());
            }
            known.put(t.id(), t);
            knownById.put(t.id(), t);
        }
    }

    /** Writes every known template of one kind that fits in one FlowSet; how many. */
    private int writeTemplates(ByteBuffer dst, int limit, boolean optionsKind) {
        int setStart = dst.position();
        if (limit - setStart < 4 + 3) {
            return 0;
        }
        int n = 0;
        dst.putShort((short) (optionsKind ? Netflow9.OPTIONS_TEMPLATE_SET_ID : Netflow9.TEMPLATE_SET_ID));
        dst.putShort((short) 0);
        for (Template t : known.values()) {
            if (t.isOptions() != optionsKind) {
                continue;
            }
            int len = Netflow9Writer.templateRecordLength(t);
            if (dst.position() + len + 3 > limit || dst.position() + len - setStart > 0xFFF0) {
                continue; // sent later, before its first record
            }
            Netflow9Writer.templateRecord(dst, t);
            sent.put(t.id(), t);
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
        Netflow9Writer.pad(dst, setStart);
        dst.putShort(setStart + 2, (short) (dst.position() - setStart));
    }

    /** Templates by id (0..65535) in an open-addressing table: no boxing, no allocation on lookup. */
    private static final class TemplatesById {
        private int[] ids = new int[16];
        private Template[] templates = new Template[16];
        private int size;

        Template get(int id) {
            int mask = ids.length - 1;
            for (int i = (id * 0x9E37_79B9 >>> 16) & mask; ; i = (i + 1) & mask) {
                Template t = templates[i];
                if (t == null || ids[i] == id) {
                    return t;
                }
            }
        }

        void put(int id, Template t) {
            if (2 * (size + 1) > ids.length) {
                int[] oldIds = ids;
                Template[] old = templates;
                ids = new int[oldIds.length * 2];
                templates = new Template[old.length * 2];
                size = 0;
                for (int i = 0; i < old.length; i++) {
                    if (old[i] != null) {
                        put(oldIds[i], old[i]);
                    }
                }
            }
            int mask = ids.length - 1;
            int i = (id * 0x9E37_79B9 >>> 16) & mask;
            while (templates[i] != null && ids[i] != id) {
                i = (i + 1) & mask;
            }
            if (templates[i] == null) {
                size++;
            }
            ids[i] = id;
            templates[i] = t;
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    /** Configures a {@link Netflow9Encoder}. */
    public static final class Builder {
        private long sourceId;
        private int maxPacketSize = 1400;
        private int refreshPackets = 20;
        private Duration refreshInterval = Duration.ofSeconds(60);
        private LongSupplier clock = System::currentTimeMillis;
        private long bootMillis = Long.MIN_VALUE;
        private long firstSequence;

        private Builder() {
        }

        /** The header's source id (unsigned 32-bit); default 0. */
        public Builder sourceId(long sourceId) {
            if (sourceId < 0 || sourceId > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("source id is unsigned 32-bit");
            }
            this.sourceId = sourceId;
            return this;
        }

        /** Largest packet in bytes (UDP payload); default 1400. */
        public Builder maxPacketSize(int bytes) {
            if (bytes < Netflow9.HEADER_LENGTH + 8 || bytes > 0xFFFF) {
                throw new IllegalArgumentException("max packet size out of range: " + bytes);
            }
            this.maxPacketSize = bytes;
            return this;
        }

        /** Resend every template after this many packets (0: never by count); default 20. */
        public Builder templateRefreshPackets(int packets) {
            if (packets < 0) {
                throw new IllegalArgumentException("negative packet count");
            }
            this.refreshPackets = packets;
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

        /** The wall clock in epoch milliseconds (export time; uptime is measured from the boot time). */
        public Builder clock(LongSupplier epochMillis) {
            this.clock = Objects.requireNonNull(epochMillis, "clock");
            return this;
        }

        /** When the exporter "booted", in epoch milliseconds (sys_uptime = now - boot); default: when built. */
        public Builder bootTimeMillis(long epochMillis) {
            this.bootMillis = epochMillis;
            return this;
        }

        /** The first packet's sequence number; default 0. */
        public Builder firstSequence(long sequence) {
            this.firstSequence = sequence;
            return this;
        }

        /** The encoder. */
        public Netflow9Encoder build() {
            return new Netflow9Encoder(this);
        }
    }
}
