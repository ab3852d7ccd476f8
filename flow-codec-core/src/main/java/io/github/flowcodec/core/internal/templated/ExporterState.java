package io.github.flowcodec.core.internal.templated;

import java.util.Arrays;

/**
 * What a decoder remembers of one template scope (exporter and source id / observation domain) between
 * packets: the last sequence number and system uptime, and the sampling rates its options records
 * announced. Shared by the NetFlow v9 and IPFIX decoders; used by one decoder thread.
 */
public final class ExporterState {

    /** Sampler id meaning "the exporter as a whole" (options records without a sampler id). */
    public static final long ANY_SAMPLER = -1;

    /** How far back (unsigned 32-bit) a sequence number may step and still be a late packet, not a reset. */
    static final long REORDER_WINDOW = 1024;

    /** How many sampler ids are kept per scope; more are refused (bounded memory). */
    public static final int MAX_SAMPLERS = 256;

    private boolean seenSequence;
    private long lastSequence;
    private boolean seenUptime;
    private long lastUptime;
    private long lastExportMillis;

    private long[] samplerIds = new long[4];
    private long[] samplerRates = new long[4];
    private int samplers;

    /** What {@link #sequence} found. */
    public enum SequenceResult {
        /** The first packet of the scope, or the expected number. */
        IN_ORDER,
        /** Numbers were skipped: {@link #lastGap()} packets (v9) or records (IPFIX) are missing. */
        GAP,
        /** Slightly behind: a late or duplicated packet. */
        LATE,
        /** Far behind: the exporter restarted its count. */
        RESET,
        /**
         * IPFIX only ({@link #recordSequence}): the number counts this message's records too (softflowd), so it
         * is the previous number plus this message's records; no record is missing.
         */
        COUNTS_CURRENT
    }

    private long lastRawSequence;

    private long lastGap;

    /**
     * Checks a packet's sequence number against the expected one and remembers what comes next.
     *
     * @param sequence the header's sequence number (unsigned 32-bit)
     * @param advance how much this packet moves the count on: 1 for NetFlow v9 (packets), the number of
     *                data records for IPFIX (whose sequence number counts the records before the message)
     */
    public SequenceResult sequence(long sequence, long advance) {
        if (!seenSequence) {
            seenSequence = true;
            lastSequence = (sequence + advance) & 0xFFFF_FFFFL;
            return SequenceResult.IN_ORDER;
        }
        long gap = (sequence - lastSequence) & 0xFFFF_FFFFL;
        if (gap == 0) {
            lastSequence = (sequence + advance) & 0xFFFF_FFFFL;
            return SequenceResult.IN_ORDER;
        }
        if (gap < 0x8000_0000L) {
            lastGap = gap;
            lastSequence = (sequence + advance) & 0xFFFF_FFFFL;
            return SequenceResult.GAP;
        }
        long behind = 0x1_0000_0000L - gap;
        if (behind <= REORDER_WINDOW) {
            return SequenceResult.LATE;
        }
        lastSequence = (sequence + advance) & 0xFFFF_FFFFL;
        return SequenceResult.RESET;
    }

    /**
     * The IPFIX form of {@link #sequence}: {@code sequence} should count the data records sent before this
     * message, and {@code records} is how many this one holds. Exporters that count the current message's
     * records too (softflowd: the number is the previous one plus this message's records) are recognised
     * and give {@link SequenceResult#COUNTS_CURRENT} instead of a false gap.
     */
    public SequenceResult recordSequence(long sequence, long records) {
        long previousRaw = lastRawSequence;
        boolean seen = seenSequence;
        boolean expected = seen && sequence == lastSequence;
        if (seen && !expected && sequence == ((previousRaw + records) & 0xFFFF_FFFFL)) {
            lastRawSequence = sequence;
            lastSequence = (sequence + records) & 0xFFFF_FFFFL;
            return SequenceResult.COUNTS_CURRENT;
        }
        SequenceResult r = sequence(sequence, records);
        if (r != SequenceResult.LATE) {
            lastRawSequence = sequence;
        }
        return r;
    }

    /** Forgets the sequence number (a message whose record count cannot be known): the next one starts afresh. */
    public void forgetSequence() {
        seenSequence = false;
    }

    /** How many numbers the last {@link SequenceResult#GAP} skipped. */
    public long lastGap() {
        return lastGap;
    }

    /** The next sequence number expected (unsigned 32-bit), or -1 before the first packet. */
    public long expectedSequence() {
        return seenSequence ? lastSequence : -1;
    }

    /**
     * Records a packet's system uptime and export time; whether they show the exporter restarted.
     *
     * <p>The uptime is unsigned 32-bit milliseconds that wraps after 49.7 days. A restart is an uptime that
     * went back (not across the wrap) to less than half of what it was, with the boot time it implies
     * (export time minus uptime) later than before by more than {@code toleranceMillis}. An uptime that went
     * back a little, or whose implied boot time did not move, is a late packet or an exporter whose line
     * cards disagree (seen on Huawei and on captures replayed out of order), not a restart: flushing
     * templates then would lose data.
     */
    public boolean uptimeShowsRestart(long uptime, long exportMillis, long toleranceMillis, long wrapWindowMillis) {
        uptime &= 0xFFFF_FFFFL;
        if (!seenUptime) {
            seenUptime = true;
            lastUptime = uptime;
            lastExportMillis = exportMillis;
            return false;
        }
        long previous = lastUptime;
        if (uptime >= previous) {
            lastUptime = uptime;
            lastExportMillis = exportMillis;
            return false;
        }
        long bootShift = (exportMillis - uptime) - (lastExportMillis - previous);
        // the wrap: near 2^32 then near 0, or (packets further apart) an uptime that went back by 2^32 while the
        // export time moved on as much as the unsigned 32-bit uptime did: the boot time is the same modulo 2^32
        boolean wrap = (previous > 0x1_0000_0000L - wrapWindowMillis && uptime < wrapWindowMillis)
                || (Math.abs(bootShift) > toleranceMillis && Math.abs(centered32(bootShift)) <= toleranceMillis);
        if (wrap) {
            lastUptime = uptime;
            lastExportMillis = exportMillis;
            return false;
        }
        if (bootShift <= toleranceMillis || uptime > previous / 2) {
            return false; // a late packet or inconsistent clocks: keep the newer uptime
        }
        lastUptime = uptime;
        lastExportMillis = exportMillis;
        forgetSequenceAndSampling();
        return true;
    }

    /** {@code v} modulo 2^32, in [-2^31, 2^31). */
    private static long centered32(long v) {
        return (long) (int) v;
    }

    private void forgetSequenceAndSampling() {
        seenSequence = false;
        samplers = 0;
    }

    /**
     * Remembers a sampling rate (one packet in {@code rate}) for a sampler id, or for
     * {@link #ANY_SAMPLER}; whether it was kept (at most {@link #MAX_SAMPLERS} per scope).
     */
    public boolean putSamplingRate(long samplerId, long rate) {
        for (int i = 0; i < samplers; i++) {
            if (samplerIds[i] == samplerId) {
                samplerRates[i] = rate;
                return true;
            }
        }
        if (samplers == MAX_SAMPLERS) {
            return false;
        }
        if (samplers == samplerIds.length) {
            samplerIds = Arrays.copyOf(samplerIds, samplers * 2);
            samplerRates = Arrays.copyOf(samplerRates, samplers * 2);
        }
        samplerIds[samplers] = samplerId;
        samplerRates[samplers] = rate;
        samplers++;
        return true;
    }

    /** The sampling rate announced for this sampler id, else for the exporter as a whole, else 0. */
    public long samplingRate(long samplerId) {
        long any = 0;
        for (int i = 0; i < samplers; i++) {
            if (samplerIds[i] == samplerId) {
                return samplerRates[i];
            }
            if (samplerIds[i] == ANY_SAMPLER) {
                any = samplerRates[i];
            }
        }
        return any;
    }

    /** Whether any sampling rate is known for the scope. */
    public boolean hasSamplingRates() {
        return samplers > 0;
    }
}
