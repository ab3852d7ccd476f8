package io.github.flowcodec.sflow.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks sequence numbers per key (agent address, sub-agent, and for samples the sample kind and data
 * source) in open-addressing tables of bounded size, counting lost, duplicate and reordered numbers and
 * restarts. No allocation per update; when a table is full it is cleared (counted in {@link #evictions()}).
 *
 * <p>A forward gap below 2^24 counts as loss; a step back of at most {@value #REORDER_WINDOW} counts as a
 * late (reordered) arrival, which takes one back off the loss; any other jump is a restart of the agent.
 *
 * <pre>{@code
 * SequenceTracker t = new SequenceTracker(4096);
 * t.update(0, agentIpv4, subAgent, 0, 1);
 * long lost = t.update(0, agentIpv4, subAgent, 0, 5);   // 3
 * }</pre>
 */
public final class SequenceTracker {

    /** How far back a sequence number may be and still count as reordered. */
    public static final int REORDER_WINDOW = 1024;
    private static final long MAX_GAP = 1L << 24;
    private static final int KEY = 4;

    /**
     * One row of the table, for reports.
     *
     * <pre>{@code
     * for (SequenceTracker.Entry e : tracker.entries()) total += e.lost();
     * }</pre>
     */
    public record Entry(long k0, long k1, long k2, long k3, long last, long received, long lost, long duplicates,
            long reordered, long restarts) {
    }

    private final int max;
    private long[] keys;
    private long[] values; // last, received, lost, duplicates, reordered, restarts
    private boolean[] used;
    private int size;
    private long evictions;
    private long totalLost;

    public SequenceTracker(int maxEntries) {
        this.max = maxEntries;
        int cap = Integer.highestOneBit(Math.max(16, maxEntries) * 2 - 1) * 2;
        keys = new long[cap * KEY];
        values = new long[cap * 6];
        used = new boolean[cap];
    }

    /**
     * Records {@code sequence} for the key.
     *
     * @return how many numbers were lost before this one (0 if none)
     */
    public long update(long k0, long k1, long k2, long k3, long sequence) {
        int mask = used.length - 1;
        long h = k0 * 0x9E3779B97F4A7C15L ^ k1 * 0xC2B2AE3D27D4EB4FL ^ k2 * 0x165667B19E3779F9L ^ k3 * 0x27D4EB2F165667C5L;
        int i = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
        while (used[i]) {
            int k = i * KEY;
            if (keys[k] == k0 && keys[k + 1] == k1 && keys[k + 2] == k2 && keys[k + 3] == k3) {
                return step(i * 6, sequence);
            }
            i = (i + 1) & mask;
        }
        if (size >= max) {
            java.util.Arrays.fill(used, false);
            size = 0;
            evictions++;
            return update(k0, k1, k2, k3, sequence);
        }
        used[i] = true;
        size++;
        int k = i * KEY;
        keys[k] = k0;
        keys[k + 1] = k1;
        keys[k + 2] = k2;
        keys[k + 3] = k3;
        int v = i * 6;
        values[v] = sequence;
        values[v + 1] = 1;
        values[v + 2] = 0;
        values[v + 3] = 0;
        values[v + 4] = 0;
        values[v + 5] = 0;
        return 0;
    }

    private long step(int v, long sequence) {
        long last = values[v];
        long d = (sequence - last) & 0xFFFF_FFFFL;
        values[v + 1]++;
        if (d == 0) {
            values[v + 3]++;
            return 0;
        }
        if (d < MAX_GAP) {
            values[v] = sequence;
            values[v + 2] += d - 1;
            totalLost += d - 1;
            return d - 1;
        }
        if (0x1_0000_0000L - d <= REORDER_WINDOW) {
            values[v + 4]++;
            if (values[v + 2] > 0) {
                values[v + 2]--;
                totalLost--;
            }
            return 0;
        }
        values[v + 5]++;
        values[v] = sequence;
        return 0;
    }

    /** How many entries the table holds. */
    public int size() {
        return size;
    }

    /** How often the table was full and cleared. */
    public long evictions() {
        return evictions;
    }

    /** Numbers lost over every key. */
    public long totalLost() {
        return totalLost;
    }

    /** A snapshot of every entry. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(size);
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                int k = i * KEY;
                int v = i * 6;
                out.add(new Entry(keys[k], keys[k + 1], keys[k + 2], keys[k + 3], values[v], values[v + 1], values[v + 2],
                        values[v + 3], values[v + 4], values[v + 5]));
            }
        }
        return out;
    }
}
