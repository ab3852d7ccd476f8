package io.github.flowcodec.netflow9;

/**
 * What a {@link Netflow9Decoder} met so far: a snapshot. Every quirk and every loss is counted, none is
 * silent.
 *
 * <pre>{@code
 * Netflow9Counters c = decoder.counters();
 * if (c.missingTemplateSetsDropped() > 0) log.warn("data lost for want of templates: {}", c);
 * }</pre>
 *
 * @param packets packets decoded (fully or, in lenient mode, partly)
 * @param records data records handed over (released ones included)
 * @param optionsRecords options data records handed over
 * @param templates template records read
 * @param optionsTemplates options template records read
 * @param templateRedefinitions template ids that got another layout
 * @param missingTemplateSets data sets that arrived before their template and were held
 * @param missingTemplateSetsDropped held data sets dropped (their template never came in time, the pending
 *                                   buffer was full, or their exporter restarted)
 * @param releasedRecords records decoded from held data sets once their template came
 * @param lostPackets packets missing according to the sequence numbers
 * @param latePackets packets that came after a later one
 * @param sequenceResets sequence numbers that jumped far back (exporter restarted its count)
 * @param exporterRestarts sys_uptime going back: the exporter's templates were flushed
 * @param countMismatches packets whose header count did not match what they held
 * @param trailingPadding packets with zero bytes after the last FlowSet (Palo Alto and others)
 * @param longPadding data FlowSets with 4 or more bytes of padding (NX-OS, IOS-XR)
 * @param unalignedSets FlowSets whose length is not a multiple of 4 (softflowd)
 * @param zeroLengthFields template fields of length 0 (kept in lenient mode: the field has no value)
 * @param skipped problems worked around in lenient mode (each also reported to the problem listener)
 */
public record Netflow9Counters(long packets, long records, long optionsRecords, long templates, long optionsTemplates,
                               long templateRedefinitions, long missingTemplateSets, long missingTemplateSetsDropped,
                               long releasedRecords, long lostPackets, long latePackets, long sequenceResets,
                               long exporterRestarts, long countMismatches, long trailingPadding, long longPadding,
                               long unalignedSets, long zeroLengthFields, long skipped) {

    /** The counters by their component names, in declaration order. */
    public java.util.Map<String, Long> asMap() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : Netflow9Counters.class.getRecordComponents()) {
            try {
                m.put(c.getName(), (Long) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
