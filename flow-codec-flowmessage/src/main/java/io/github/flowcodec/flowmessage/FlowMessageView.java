package io.github.flowcodec.flowmessage;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.flowmessage.internal.MessageSlots;
import io.github.flowcodec.flowmessage.internal.RecordMapping;
import java.net.InetAddress;

/**
 * The zero-copy flow message: one reusable, mutable message that {@link #fill} sets from a decoder's
 * context and record view, for the hot path. Filling allocates nothing once the record's template has
 * been seen (sFlow excepted: its context hands the agent address as an object). It holds its values until
 * the next fill, and belongs to one thread; {@link #toMessage()} keeps a copy.
 *
 * <p>The mapping follows goflow2: {@code sampler_address} is the UDP source for NetFlow and IPFIX (none when
 * the context's exporter is the wildcard address, as for an IPFIX file), the agent address for sFlow; the sampling rate is the one the context resolved (the header's, the record's
 * sampling fields, or the sampler options data the exporter announced); sFlow flow samples take their
 * fields from the sampled header (ports only for TCP, UDP and SCTP) and the extended records, and their
 * flow start and end are the time received; the layers of a sampled Ethernet header ({@code layer_stack},
 * {@code layer_size}, the SRv6 fields) are goflow2's walk of it, and NetFlow v9 and IPFIX records give
 * {@code mpls_ip}. What sFlow takes from the sample's records (the layers, MPLS labels, AS path) comes from the
 * decoder's own {@link io.github.flowcodec.sflow.SflowSampleView}; a materialized record with its
 * {@link io.github.flowcodec.sflow.SflowSampleInfo} has no sample records, and those fields stay unset.
 *
 * <pre>{@code
 * FlowMessageView message = new FlowMessageView();
 * FlowMessageJsonWriter json = new FlowMessageJsonWriter(out);
 * decoder.decode(datagram, exporter, (ctx, record) -> {
 *     message.fill(ctx, record, receivedNanos);
 *     json.write(message);
 * });
 * }</pre>
 */
public final class FlowMessageView extends FlowMessageFields {

    private final MessageSlots slots = new MessageSlots();
    private final RecordMapping mapping = new RecordMapping();

    /** An empty message: no field is set. */
    public FlowMessageView() {
    }

    @Override
    MessageSlots slots() {
        return slots;
    }

    /**
     * Sets the message from one record, every field anew.
     *
     * @param context the record's export context, as the decoder handed it
     * @param record the record, as the decoder handed it (read during this call only)
     * @param receivedNanos when its datagram was received, nanoseconds since the epoch
     * @return this view
     */
    public FlowMessageView fill(ExportContext context, FlowFields record, long receivedNanos) {
        return fill(context, record, receivedNanos, context.exporter().getAddress());
    }

    /**
     * Sets the message from one record, as {@link #fill(ExportContext, FlowFields, long)} does, with the
     * sampler of NetFlow and IPFIX records given rather than the context's exporter (a collector behind a
     * relay that knows the exporter otherwise).
     *
     * @param exporter the exporter's address, or null (or the wildcard address) when there is none:
     *                 {@code sampler_address} is then left out (sFlow's is the agent address whatever this says)
     *
     * @param context the record's context (header, exporter, sample), as the handler got it
     * @param record the record, a view or a materialized record
     * @param receivedNanos when its datagram was received, nanoseconds since the epoch
     * @return this view
     */
    public FlowMessageView fill(ExportContext context, FlowFields record, long receivedNanos, InetAddress exporter) {
        mapping.fill(slots, context, record, receivedNanos, exporter);
        return this;
    }

    /**
     * An immutable copy.
     *
     * @return the message, holding its own copy of the fields
     */
    public FlowMessage toMessage() {
        return new FlowMessage(slots.copy());
    }
}
