package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.DatagramEncoder;
import io.github.flowcodec.core.EncodingException;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The encoding logic NetFlow v9 and IPFIX exporters share, parameterized by a {@link TemplatedWireFormat}:
 * which templates must be (re)sent (before a template's first record, and every N datagrams and/or every T
 * of time), fitting template and data records into a datagram of at most N bytes, set headers, padding, the
 * header and the sequence step (withdrawals, which only IPFIX has, are {@link TemplateWithdrawals}'). Consecutive records of one template share a data set; a
 * template not sent yet (or changed) is written in its own set just before the first record that needs it.
 * Not thread-safe. The per-record loop calls only {@link FlowRecord} and the writer's own code; the format
 * is called once a datagram and once a template written.
 *
 * <pre>{@code
 * TemplatedWriter writer = new TemplatedWriter(IpfixWriter.FORMAT, 1400, 20, 60_000,
 *         System::currentTimeMillis, domain, 0, 0);
 * int from = 0;
 * while (from < records.size()) {
 *     buffer.clear();
 *     from += writer.encode(records, from, buffer);
 *     channel.send(buffer.flip(), collector);
 * }
 * }</pre>
 */
public final class TemplatedWriter implements DatagramEncoder<FlowRecord> {

    private final TemplatedWireFormat format;
    private final int headerLength;
    private final int padMask;
    private final int maxDatagramSize;
    private final int refreshDatagrams;
    private final long refreshMillis;
    private final LongSupplier clock;
    private final long exporterId;
    private final long bootMillis;

    /** Every template seen, in the order first seen (the refresh order). */
    private final Map<Integer, Template> known = new LinkedHashMap<>();
    /** {@link #known} by id without boxing: the per-record lookups allocate nothing. */
    private final TemplatedWriterTemplates knownById = new TemplatedWriterTemplates();
    /** The last version of each template sent. */
    private final TemplatedWriterTemplates sent = new TemplatedWriterTemplates();
    private long sequence;
    private long datagramsSinceRefresh;
    private long lastRefreshMillis = Long.MIN_VALUE;
    private boolean lastTemplatesOnly;

    /**
     * A writer.
     *
     * @param maxDatagramSize the largest datagram in bytes
     * @param refreshDatagrams resend every template after this many datagrams (0: never by count)
     * @param refreshMillis resend every template after this much time (0: never by time)
     * @param clock the wall clock in epoch milliseconds
     * @param exporterId the header's source id or observation domain
     * @param bootMillis when the exporter booted, in epoch milliseconds (for an uptime field)
     * @param firstSequence the first datagram's sequence number
     */
    public TemplatedWriter(TemplatedWireFormat format, int maxDatagramSize, int refreshDatagrams, long refreshMillis,
            LongSupplier clock, long exporterId, long bootMillis, long firstSequence) {
        this.format = Objects.requireNonNull(format, "format");
        this.headerLength = format.headerLength();
        this.padMask = format.padMask();
        this.maxDatagramSize = maxDatagramSize;
        this.refreshDatagrams = refreshDatagrams;
        this.refreshMillis = refreshMillis;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.exporterId = exporterId;
        this.bootMillis = bootMillis;
        this.sequence = firstSequence;
    }

    /** The sequence number the next datagram will carry (unsigned 32-bit). */
    @Override
    public long nextSequence() {
        return sequence & 0xFFFF_FFFFL;
    }

    /** The largest datagram in bytes. */
    @Override
    public int maxDatagramSize() {
        return maxDatagramSize;
    }

    /** How many templates the writer knows. */
    public int knownCount() {
        return known.size();
    }

    /** How many templates have been sent (and not withdrawn). */
    public int sentCount() {
        return sent.size();
    }

    /**
     * Writes one datagram at the buffer's position: the templates due, then as many records from
     * {@code from} as fit in {@code min(dst.remaining(), maxDatagramSize)} bytes; advances the position.
     * Allocates nothing once every template has been seen.
     *
     * @return how many records were written
     * @throws EncodingException if not even one record (with its template) fits, or the protocol cannot
     *         carry a template
     */
    @Override
    public int encode(List<? extends FlowRecord> records, int from, ByteBuffer dst) {
        Objects.checkFromToIndex(from, records.size(), records.size());
        dst.order(ByteOrder.BIG_ENDIAN);
        int start = dst.position();
        int limit = start + Math.min(dst.remaining(), maxDatagramSize);
        if (limit - start < headerLength) {
            throw new EncodingException(format.protocol(), 0, "no room for a " + format.datagramName() + " header");
        }
        learnTemplates(records, from, limit - start);
        long now = clock.getAsLong();
        // a refresh is never due right after a datagram that held templates only: with templates that fill a
        // datagram and a refresh every datagram, no record would ever be written
        boolean refresh = sent.size() == 0 || (!lastTemplatesOnly
                && ((refreshDatagrams > 0 && datagramsSinceRefresh >= refreshDatagrams)
                || (refreshMillis > 0 && now - lastRefreshMillis >= refreshMillis)));
        dst.position(start + headerLength);
        int templates = 0;
        if (refresh) {
            templates = writeKnownTemplates(dst, limit);
            datagramsSinceRefresh = 0;
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
            List<Template> refs = r.referencedTemplates();
            int refSets = refs.isEmpty() ? 0 : unsentTemplateSetsLength(refs);
            boolean newSet = needTemplate || refSets > 0 || setId != t.id();
            int pos = dst.position();
            // exact bytes: padding that closes the current set, the template's own set (padded), the new
            // set's header, the record, and the padding that will close the set the record is in
            int need;
            if (newSet) {
                need = (setStart >= 0 ? TemplatedWireSets.padding(pos - setStart, padMask) : 0)
                        + (needTemplate ? templateSetLength(t) : 0) + refSets
                        + TemplatedWireLayout.SET_HEADER_LENGTH + r.length()
                        + TemplatedWireSets.padding(TemplatedWireLayout.SET_HEADER_LENGTH + r.length(), padMask);
            } else {
                need = r.length() + TemplatedWireSets.padding(pos + r.length() - setStart, padMask);
            }
            if (need > limit - pos || (!newSet && pos + r.length() - setStart > TemplatedWireLayout.MAX_SET_LENGTH)) {
                break;
            }
            if (newSet) {
                if (setStart >= 0) {
                    TemplatedWireSets.closeSet(dst, setStart, padMask);
                }
                if (refSets > 0) {
                    templates += writeUnsentTemplateSets(dst, refs);
                }
                if (needTemplate) {
                    writeTemplateSet(dst, t);
                    templates++;
                }
                setStart = TemplatedWireSets.openSet(dst, t.id());
                setId = t.id();
            }
            r.writeTo(dst);
            written++;
            previous = t;
            previousSent = needTemplate ? t : last;
        }
        if (setStart >= 0) {
            TemplatedWireSets.closeSet(dst, setStart, padMask);
        }
        if (written == 0 && templates == 0 && from < records.size()) {
            dst.position(start);
            throw new EncodingException(format.protocol(), 0, "record " + from + " (" + records.get(from).length()
                    + " bytes, template " + records.get(from).template().id() + ") does not fit a "
                    + format.datagramName() + " of " + (limit - start) + " bytes");
        }
        finish(dst, start, templates + written, now, written);
        datagramsSinceRefresh++;
        lastTemplatesOnly = written == 0 && templates > 0;
        return written;
    }

    /** Whether {@code t} has not been sent, or another template was sent under its id since. */
    private boolean unsent(Template t) {
        Template last = sent.get(t.id());
        return last != t && !t.equals(last);
    }

    /** The bytes of a template set holding {@code t} alone, padding included. */
    private int templateSetLength(Template t) {
        int length = TemplatedWireLayout.SET_HEADER_LENGTH + format.templateLength().applyAsInt(t);
        return length + TemplatedWireSets.padding(length, padMask);
    }

    /** The bytes of the template sets the record's list templates that are not sent yet take (0: none to send). */
    private int unsentTemplateSetsLength(List<Template> referenced) {
        int bytes = 0;
        for (int k = 0; k < referenced.size(); k++) {
            Template t = referenced.get(k);
            if (unsent(t)) {
                bytes += templateSetLength(t);
            }
        }
        return bytes;
    }

    /** Writes each of {@code referenced} not sent yet in a template set of its own; how many. */
    private int writeUnsentTemplateSets(ByteBuffer dst, List<Template> referenced) {
        int n = 0;
        for (int k = 0; k < referenced.size(); k++) {
            Template t = referenced.get(k);
            if (unsent(t)) {
                writeTemplateSet(dst, t);
                n++;
            }
        }
        return n;
    }

    /** Writes {@code t} in a template set of its own and remembers it as sent. */
    private void writeTemplateSet(ByteBuffer dst, Template t) {
        int ts = TemplatedWireSets.openSet(dst, format.templateSetId(t.isOptions()));
        format.writeTemplate().accept(dst, t);
        TemplatedWireSets.closeSet(dst, ts, padMask);
        sent.put(t.id(), t);
    }

    /**
     * Learns the templates of the records a datagram of {@code room} bytes can hold (so a refresh due now
     * carries them): no further, or encoding a long list would look at every remaining record for every datagram.
     */
    private void learnTemplates(List<? extends FlowRecord> records, int from, int room) {
        Template learned = null;
        for (int i = from, bytes = 0; i < records.size() && bytes <= room; i++) {
            FlowRecord r = records.get(i);
            List<Template> referenced = r.referencedTemplates();
            for (int k = 0; k < referenced.size(); k++) { // list templates first: refreshes send them first
                learn(referenced.get(k));
            }
            if (r.template() != learned) { // records come in runs of one template: learn it once a run
                learned = r.template();
                learn(learned);
            }
            bytes += r.length();
        }
    }

    private void learn(Template t) {
        Template old = knownById.get(t.id());
        if (old != t && (old == null || !old.equals(t))) {
            try {
                format.check().accept(t);
            } catch (IllegalArgumentException e) {
                throw new EncodingException(format.protocol(), EncodingException.NO_OFFSET, e.getMessage());
            }
            known.put(t.id(), t);
            knownById.put(t.id(), t);
        }
    }

    /** Writes the header at {@code start} (length: up to the position) and steps the sequence number. */
    private void finish(ByteBuffer dst, int start, int records, long now, int dataRecords) {
        format.header().write(dst, start, dst.position() - start, records, now, sequence & 0xFFFF_FFFFL, exporterId, bootMillis);
        sequence += format.sequenceStep(dataRecords);
    }

    /**
     * A datagram of at most {@code capacity} bytes holding every template the writer knows (for a collector
     * that restarted, or a new file): a template set, then an options template set.
     */
    public ByteBuffer templatesDatagram(int capacity) {
        ByteBuffer b = ByteBuffer.allocate(capacity);
        long now = clock.getAsLong();
        b.position(headerLength);
        int n = writeKnownTemplates(b, capacity);
        finish(b, 0, n, now, 0);
        return b.flip();
    }

    /** Writes every known template that fits (a template set, then an options template set); how many. */
    private int writeKnownTemplates(ByteBuffer dst, int limit) {
        return writeKnownTemplates(dst, limit, false) + writeKnownTemplates(dst, limit, true);
    }

    /** Writes every known template of one kind that fits in one set; how many. */
    private int writeKnownTemplates(ByteBuffer dst, int limit, boolean optionsKind) {
        if (limit - dst.position() < TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireLayout.TEMPLATE_HEADER_LENGTH
                + TemplatedWireLayout.FIELD_SPECIFIER_LENGTH) {
            return 0;
        }
        int setStart = TemplatedWireSets.openSet(dst, format.templateSetId(optionsKind));
        int n = 0;
        for (Template t : known.values()) {
            if (t.isOptions() != optionsKind) {
                continue;
            }
            int end = dst.position() + format.templateLength().applyAsInt(t) + padMask;
            if (end > limit || end - setStart > TemplatedWireLayout.MAX_SET_LENGTH) {
                continue; // sent later, before its first record
            }
            format.writeTemplate().accept(dst, t);
            sent.put(t.id(), t);
            n++;
        }
        if (n == 0) {
            dst.position(setStart);
            return 0;
        }
        TemplatedWireSets.closeSet(dst, setStart, padMask);
        return n;
    }

    /** The template this writer knows by {@code id}, or null. */
    Template knownTemplate(int id) {
        return id >= 0 && id <= 0xFFFF ? knownById.get(id) : null;
    }

    /** The ids of the templates this writer knows, in the order it learned them. */
    List<Integer> knownIds() {
        return new ArrayList<>(known.keySet());
    }

    TemplatedWireFormat format() {
        return format;
    }

    int headerLength() {
        return headerLength;
    }

    /** Writes the header of a datagram of control sets only (no records, sequence unchanged), and flips it. */
    ByteBuffer finishControl(ByteBuffer b) {
        finish(b, 0, 0, clock.getAsLong(), 0);
        return b.flip();
    }

    /** Forgets template {@code id}: a record of it later sends the template again. */
    void forget(int id) {
        known.remove(id);
        knownById.put(id, null);
        sent.put(id, null);
    }
}
