package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.DecoderCounters;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * What NetFlow v9 or IPFIX does differently from the other, for the one {@link TemplatedDecoderEngine} they
 * share: the header, the set ids, the template record headers (the engine reads the field specifiers), how a
 * field specifier names its element, withdrawal, what each record's context says, the per-record extras
 * (IPFIX structured data and RFC 5610 type records) and the protocol's own counters. One per decoder, bound
 * to its engine by {@link TemplatedDecoderEngine#TemplatedDecoderEngine}.
 *
 * @param <H> the protocol's immutable header, kept with data that waits for its template
 */
public abstract class TemplatedDialect<H> {

    /** The engine this dialect serves; set once by the engine's constructor. */
    protected TemplatedDecoderEngine<H> engine;

    /** What a set id names. */
    public enum SetKind {
        /** A set of template records. */
        TEMPLATES,
        /** A set of options template records. */
        OPTIONS_TEMPLATES,
        /** A data set: the id is its template's. */
        DATA,
        /** An id the protocol reserves. */
        RESERVED
    }

    void bind(TemplatedDecoderEngine<H> engine) {
        if (this.engine != null) {
            throw new IllegalStateException("a dialect serves one engine");
        }
        this.engine = engine;
    }

    /** @return the protocol decoded */
    public abstract FlowProtocol protocol();

    /** @return the context handed with every record; one per decoder, reused */
    public abstract ExportContext context();

    /** @return the length of the packet header */
    public abstract int headerLength();

    /** @return whether a field specifier may carry an enterprise number (IPFIX's enterprise bit) */
    public abstract boolean enterpriseBit();

    /**
     * Checks the header (throwing what no mode can decode: too short, another version), reads it into the
     * context for {@code exporter}.
     *
     * @return the observation domain (source id) of the packet, its template scope's second half
     */
    public abstract long readHeader(ByteBuffer b, int start, int limit, InetSocketAddress exporter);

    /**
     * The packet's scope and exporter state are known ({@link TemplatedDecoderEngine#packet()}): restarts,
     * sequence numbers, the length of the sets the header announces.
     *
     * @return where the packet's sets end ({@code limit} or before)
     */
    public abstract int beginPacket(ByteBuffer b, int start, int limit);

    /** All the packet's sets are read (only when no exception left the parse). */
    public abstract void endPacket();

    /** @param setId a set id @return what it names */
    public abstract SetKind setKind(int setId);

    /** A set of {@code setLength} bytes was met (before it is read). */
    public void setMet(int setLength) {
    }

    /** Zero bytes that hold no set followed the last set. */
    public abstract void trailingZeros();

    /**
     * Reads a set of template or options template records between {@code pos} and {@code end}: the
     * records' headers here, their field specifiers with {@link TemplatedDecoderEngine#readFieldSpecifiers}.
     * A record skipped in the middle of the set is handed to the output's {@code keep}.
     *
     * @return where the records read end: what follows, up to {@code end}, is padding or could not be read
     */
    public abstract int templateSet(ByteBuffer b, int pos, int end, boolean options);

    /**
     * The element a field specifier names.
     *
     * @param enterprise the specifier's enterprise number (0 for none)
     * @param id the element id (NetFlow v9: the field type)
     * @param scope whether it is a scope field of an options template
     */
    public abstract InformationElement element(long enterprise, int id, boolean scope);

    /** @return the enterprise number a field of a stored template compares with a specifier's (v9: its scope pseudo-enterprise) */
    public long specifierEnterprise(long enterprise, boolean scope) {
        return enterprise;
    }

    /** The records of the next data set are of {@code t}: the context's template id, sampling rate 0. */
    public abstract void recordContext(int templateId, long samplingRate);

    /** @return whether each record of {@code t} needs {@link #inspect} (IPFIX: structured data) */
    public boolean inspects(Template t) {
        return false;
    }

    /** Checks a record before it is handed out (only for templates {@link #inspects} names). */
    public void inspect(RecordView record, int offsetBase) {
    }

    /** Learns from an options record what the protocol learns (sampling rates are the engine's). */
    public void learnFromOptions(RecordView record) {
    }

    /** @return the name of a data set in messages ("data FlowSet", "data set") */
    public abstract String dataSetName();

    /** Up to 3 zero bytes, or (IPFIX) a few bytes too short for any record, after a data set's last record. */
    public abstract void alignmentPadding();

    /** 4 or more zero bytes after a data set's last record. */
    public abstract void longPadding();

    /**
     * Whether {@code left} non-zero bytes after the last record of a set of {@code t} are padding rather than
     * a record cut short (RFC 7011 3.3.1 lets IPFIX padding be shorter than any record and only SHOULD be zeros).
     */
    public boolean shortPadding(Template t, int left) {
        return false;
    }

    /** @return the header of the packet being decoded (an immutable copy) */
    public abstract H header();

    /** Makes the context that of a packet whose held data is released, or back that of the current packet. */
    public abstract void header(H header, boolean released);

    /** @return the sequence number of a header, for messages about held data */
    public abstract long sequence(H header);

    /**
     * Adds the protocol's own counters to a snapshot the engine began with the common ones.
     *
     * @param counters the builder holding the common counters
     */
    public abstract void counters(DecoderCounters.Builder counters);
}
