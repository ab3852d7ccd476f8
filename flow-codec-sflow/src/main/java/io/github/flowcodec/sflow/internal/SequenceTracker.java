package io.github.flowcodec.sflow.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Tracks sequence numbers per key (agent address, sub-agent, and for samples the sample kind and data
 * source) in open-addressing tables of bounded size, counting lost, duplicate and reordered numbers and
 * restarts. The table starts small and doubles as keys come (up to twice the bound); no allocation per update
 * otherwise. When it holds the bound it is cleared (counted in {@link #evictions()}).
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

    /** Longs per slot: the 4 key words, then last, received, lost, duplicates, reordered, restarts. */
    private static final int SLOT = KEY + 6;
    private static final int RECEIVED = KEY + 1;
    private static final int FIRST_CAPACITY = 64;

    private final int max;
    private final int maxCapacity;
    /** Slots side by side, so one update touches one or two cache lines; a slot is used when it received a number. */
    private long[] table;
    /** The number of slots minus one (a power of two minus one). */
    private int mask;
    private int size;
    private long evictions;
    private long totalLost;
    /**
     * Recently updated slots (index in the table + 1, 0 none) by a few bits of the key's last two words: an agent's
     * next datagram, a data source's next sample go straight to their slot (its key compared) without hashing or
     * probing.
     */
    private final int[] recent = new int[RECENT];
    private static final int RECENT = 64;

    /** A tracker of at most {@code maxEntries} keys; its table starts small and doubles as keys come, up to twice that. */
    public SequenceTracker(int maxEntries) {
        this.max = maxEntries;
        this.maxCapacity = Integer.highestOneBit(Math.max(16, maxEntries) * 2 - 1) * 2;
        this.table = new long[Math.min(FIRST_CAPACITY, maxCapacity) * SLOT];
        this.mask = Math.min(FIRST_CAPACITY, maxCapacity) - 1;
    }

    private static int hash(long k0, long k1, long k2, long k3, int mask) {
        long h = k0 * 0x9E3779B97F4A7C15L ^ k1 * 0xC2B2AE3D27D4EB4FL ^ k2 * 0x165667B19E3779F9L ^ k3 * 0x27D4EB2F165667C5L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
    }

    /**
     * Records {@code sequence} for the key.
     *
     * @return how many numbers were lost before this one (0 if none)
     */
    public long update(long k0, long k1, long k2, long k3, long sequence) {
        long[] t = table;
        int r = (int) (k3 ^ k3 >>> 6 ^ k2 >>> 40) & (RECENT - 1);
        int s = recent[r] - 1;
        if (s >= 0 && t[s + 3] == k3 && t[s + 2] == k2 && t[s + 1] == k1 && t[s] == k0) {
            int v = s + KEY;
            long d = (sequence - t[v]) & 0xFFFF_FFFFL;
            if (d == 1) {   // the next number: the common case, small enough to inline into the decoder's walk
                t[v] = sequence;
                t[v + 1]++;
                return 0;
            }
            return step(v, sequence);
        }
        return find(k0, k1, k2, k3, sequence, r);
    }

    /** {@link #update} of a key not in its recent slot: hashed and probed for, or added. */
    private long find(long k0, long k1, long k2, long k3, long sequence, int r) {
        long[] t = table;
        int mask = this.mask;
        int i = hash(k0, k1, k2, k3, mask);
        int k;
        while (t[(k = i * SLOT) + RECEIVED] != 0) {
            if (t[k] == k0 && t[k + 1] == k1 && t[k + 2] == k2 && t[k + 3] == k3) {
                recent[r] = k + 1;
                return step(k + KEY, sequence);
            }
            i = (i + 1) & mask;
        }
        if (size >= max) {
            java.util.Arrays.fill(table, 0);
            java.util.Arrays.fill(recent, 0);
            size = 0;
            evictions++;
            return update(k0, k1, k2, k3, sequence);
        }
        if (2 * (size + 1) > mask + 1 && mask + 1 < maxCapacity) {
            grow();
            return update(k0, k1, k2, k3, sequence);
        }
        size++;
        t[k] = k0;
        t[k + 1] = k1;
        t[k + 2] = k2;
        t[k + 3] = k3;
        t[k + KEY] = sequence;
        t[k + RECEIVED] = 1;
        recent[r] = k + 1;
        return 0;
    }

    /** Doubles the table (keeping it at most half full), moving every entry. */
    private void grow() {
        long[] old = table;
        long[] t = new long[old.length * 2];
        int mask = 2 * (this.mask + 1) - 1;
        for (int k = 0; k < old.length; k += SLOT) {
            if (old[k + RECEIVED] != 0) {
                int i = hash(old[k], old[k + 1], old[k + 2], old[k + 3], mask);
                while (t[i * SLOT + RECEIVED] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, k, t, i * SLOT, SLOT);
            }
        }
        table = t;
        this.mask = mask;
        java.util.Arrays.fill(recent, 0);
    }

    private long step(int v, long sequence) {
        long[] values = table;
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
        long[] t = table;
        for (int k = 0; k < t.length; k += SLOT) {
            if (t[k + RECEIVED] != 0) {
                out.add(new Entry(t[k], t[k + 1], t[k + 2], t[k + 3], t[k + 4], t[k + 5], t[k + 6], t[k + 7], t[k + 8], t[k + 9]));
            }
        }
        return out;
    }
}
