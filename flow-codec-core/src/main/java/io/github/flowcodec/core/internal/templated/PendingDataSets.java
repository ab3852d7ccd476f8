package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.TemplateScope;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Data sets that arrived before their template, held (copied) until the template comes, within fixed
 * bounds: at most {@code maxSets} sets and {@code maxBytes} bytes in all, each for at most
 * {@code maxAgeNanos}. Oldest first out when full. Shared by the NetFlow v9 and IPFIX decoders; one
 * instance per decoder (not thread-safe).
 *
 * @param <H> the packet header the set came with, kept to decode the set later in its own context
 */
public final class PendingDataSets<H> {

    /** A held data set: the bytes of its records (set header excluded). */
    public record Held<H>(TemplateScope scope, int templateId, byte[] records, H header, long heldAtNanos) {
    }

    private final int maxSets;
    private final long maxBytes;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private final ArrayDeque<Held<H>> queue = new ArrayDeque<>();
    private long bytes;

    /**
     * @param maxSets at most this many sets held (0 holds none)
     * @param maxBytes at most this many record bytes held in all
     * @param maxAgeNanos a set older than this is dropped
     */
    public PendingDataSets(int maxSets, long maxBytes, long maxAgeNanos, LongSupplier clock) {
        if (maxSets < 0 || maxBytes < 0 || maxAgeNanos < 0) {
            throw new IllegalArgumentException("negative limit");
        }
        this.maxSets = maxSets;
        this.maxBytes = maxBytes;
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
    }

    /** Whether nothing is held (the cheap check before {@link #release}). */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** How many sets are held. */
    public int size() {
        return queue.size();
    }

    /** How many record bytes are held. */
    public long bytes() {
        return bytes;
    }

    /**
     * Holds a copy of the records in {@code [start, end)}; drops the oldest sets to make room.
     *
     * @return the sets dropped (expired or pushed out), which will never be decoded; the set itself
     *         when it cannot be held at all
     */
    public List<Held<H>> hold(TemplateScope scope, int templateId, ByteBuffer buffer, int start, int end, H header) {
        long now = clock.getAsLong();
        List<Held<H>> dropped = expire(now);
        int length = end - start;
        if (maxSets == 0 || length > maxBytes) {
            dropped = add(dropped, new Held<>(scope, templateId, new byte[0], header, now));
            return dropped;
        }
        while (queue.size() >= maxSets || bytes + length > maxBytes) {
            Held<H> old = queue.removeFirst();
            bytes -= old.records().length;
            dropped = add(dropped, old);
        }
        byte[] copy = new byte[length];
        buffer.get(start, copy, 0, length);
        queue.addLast(new Held<>(scope, templateId, copy, header, now));
        bytes += length;
        return dropped;
    }

    /** Removes and returns, oldest first, the held sets of this scope and template id. */
    public List<Held<H>> release(TemplateScope scope, int templateId) {
        List<Held<H>> out = List.of();
        for (Iterator<Held<H>> it = queue.iterator(); it.hasNext(); ) {
            Held<H> h = it.next();
            if (h.templateId() == templateId && h.scope().equals(scope)) {
                it.remove();
                bytes -= h.records().length;
                out = add(out, h);
            }
        }
        return out;
    }

    /** Removes and returns every held set of the scope (its exporter restarted: their templates are gone). */
    public List<Held<H>> releaseScope(TemplateScope scope) {
        List<Held<H>> out = List.of();
        for (Iterator<Held<H>> it = queue.iterator(); it.hasNext(); ) {
            Held<H> h = it.next();
            if (h.scope().equals(scope)) {
                it.remove();
                bytes -= h.records().length;
                out = add(out, h);
            }
        }
        return out;
    }

    /** Removes and returns the sets held longer than the maximum age. */
    public List<Held<H>> expire() {
        return expire(clock.getAsLong());
    }

    private List<Held<H>> expire(long now) {
        List<Held<H>> out = List.of();
        while (!queue.isEmpty() && now - queue.peekFirst().heldAtNanos() > maxAgeNanos) {
            Held<H> old = queue.removeFirst();
            bytes -= old.records().length;
            out = add(out, old);
        }
        return out;
    }

    private static <H> List<Held<H>> add(List<Held<H>> list, Held<H> h) {
        List<Held<H>> out = list.isEmpty() ? new ArrayList<>(2) : list;
        out.add(h);
        return out;
    }
}
