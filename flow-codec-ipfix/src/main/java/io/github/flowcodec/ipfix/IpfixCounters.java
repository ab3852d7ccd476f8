package io.github.flowcodec.ipfix;

/**
 * What an {@link IpfixDecoder} met so far: a snapshot. Every quirk and every loss is counted, none is silent.
 *
 * <pre>{@code
 * IpfixCounters c = decoder.counters();
 * if (c.lostRecords() > 0) log.warn("{} records lost on the way", c.lostRecords());
 * }</pre>
 *
 * @param messages messages decoded (fully or, in lenient mode, partly)
 * @param records data records handed over (released ones included)
 * @param optionsRecords options data records handed over
 * @param templates template records read
 * @param optionsTemplates options template records read
 * @param templateRedefinitions template ids that got another layout
 * @param withdrawals template withdrawals (single and withdraw-all records)
 * @param unknownWithdrawals withdrawals of a template id the scope did not have
 * @param missingTemplateSets data sets that arrived before their template and were held
 * @param missingTemplateSetsDropped held data sets dropped (their template never came in time, the pending
 *                                   buffer was full, or it was withdrawn first)
 * @param releasedRecords records decoded from held data sets once their template came
 * @param lostRecords data records missing according to the sequence numbers
 * @param lateMessages messages that came after a later one
 * @param sequenceResets sequence numbers that jumped far back
 * @param sequenceCountsCurrent messages whose sequence number counts their own records too (softflowd)
 * @param trailingBytes datagrams with bytes after the message length (counted, not decoded)
 * @param setPadding sets with padding after their last record or template
 * @param zeroLengthFields template fields of length 0 (kept in lenient mode)
 * @param elementTypesLearned RFC 5610 information element type records applied
 * @param skipped problems worked around in lenient mode (each also reported to the problem listener)
 */
public record IpfixCounters(long messages, long records, long optionsRecords, long templates, long optionsTemplates,
                            long templateRedefinitions, long withdrawals, long unknownWithdrawals,
                            long missingTemplateSets, long missingTemplateSetsDropped, long releasedRecords,
                            long lostRecords, long lateMessages, long sequenceResets, long sequenceCountsCurrent,
                            long trailingBytes, long setPadding, long zeroLengthFields, long elementTypesLearned,
                            long skipped) {

    /** The counters by their component names, in declaration order. */
    public java.util.Map<String, Long> asMap() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : IpfixCounters.class.getRecordComponents()) {
            try {
                m.put(c.getName(), (Long) c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
