package io.github.flowcodec.core.internal.templated;

/**
 * The counters NetFlow v9 and IPFIX decoders share, counted by the {@link TemplatedDecoderEngine} and its
 * dialect; a protocol's own counters stay in its dialect. Mutable, for one thread;
 * {@link TemplatedDecoderEngine#counters()} makes the snapshot users see.
 */
public final class TemplatedCounts {
    /** Packets decoded, fully or in part. */
    public long datagrams;
    /** Data records handed over, released ones included. */
    public long records;
    /** Options records handed over. */
    public long optionsRecords;
    /** Template records read. */
    public long templates;
    /** Options template records read. */
    public long optionsTemplates;
    /** Template ids that got another layout. */
    public long templateRedefinitions;
    /** Problems worked around in lenient mode. */
    public long repaired;
    /** Packets refused with an exception. */
    public long rejected;
    /** Data sets held for their template. */
    public long missingTemplateSets;
    /** Held data sets dropped. */
    public long missingTemplateSetsDropped;
    /** Records decoded from held data sets once their template came. */
    public long releasedRecords;
    /** Packets (v9) or records (IPFIX) the sequence numbers say are lost. */
    public long lostSequenceNumbers;
    /** Sequence numbers that jumped far back. */
    public long sequenceResets;
    /** Exporter restarts recognised. */
    public long restarts;
    /** Template fields of length 0. */
    public long zeroLengthFields;
}
