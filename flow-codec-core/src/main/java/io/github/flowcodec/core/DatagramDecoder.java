package io.github.flowcodec.core;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Decodes one datagram (one UDP payload) of a flow-export protocol, by either path: zero-copy to a
 * handler, or materialized into an immutable {@link FlowPacket}. Both share one parser.
 *
 * <p>A decoder instance is for one thread at a time (it reuses its flyweights); stateful decoders share
 * their {@link TemplateStore}, which is thread-safe. Decoders read the datagram from its position to its
 * limit with absolute reads and leave position and limit as they were.
 *
 * <pre>{@code
 * DatagramDecoder<ExportContext> decoder = FlowDecoders.autoDetecting(DecoderOptions.DEFAULT);
 * int n = decoder.decode(ByteBuffer.wrap(payload), exporter, (ctx, record) -> sink.accept(record.toRecord()));
 *
 * IpfixDecoder ipfix = new IpfixDecoder();   // a DatagramDecoder<IpfixContext>: the handler's context is typed
 * ipfix.decode(ByteBuffer.wrap(payload), exporter, (ctx, record) -> domains.add(ctx.observationDomainId()));
 * }</pre>
 *
 * @param <C> the context the decoder hands its handler with each record: {@code Netflow5HeaderView},
 *        {@code Netflow9Context}, {@code IpfixContext}, {@code SflowSampleContext}, or {@link ExportContext}
 *        for a decoder of several protocols
 */
public interface DatagramDecoder<C extends ExportContext> {

    /**
     * Decodes the datagram and hands each flow record to {@code handler}.
     *
     * @param exporter where the datagram came from (templates and sequence numbers are kept per exporter)
     * @return how many records were handed over
     * @param datagram one UDP payload, from its position to its limit (position and limit are not changed)
     * @param handler receives each record; the record view is valid only during the call
     * @throws FlowCodecException if the datagram cannot be decoded (in lenient mode: if nothing of it can)
     */
    int decode(ByteBuffer datagram, InetSocketAddress exporter, FlowRecordHandler<? super C> handler);

    /**
     * Decodes the datagram into an immutable packet.
     *
     * @param datagram one UDP payload, from its position to its limit
     * @param exporter where the datagram came from
     * @return the packet, its records copied out of the datagram
     * @throws FlowCodecException if the datagram cannot be decoded (in lenient mode: if nothing of it can)
     */
    FlowPacket decode(ByteBuffer datagram, InetSocketAddress exporter);

    /**
     * What the decoder met so far (datagrams, records, quirks worked around, sequence gaps, data waiting for
     * or dropped for want of a template ...), for stats lines and monitoring: a snapshot in the vocabulary
     * every protocol shares, with the protocol's own counters as named extras.
     *
     * @return the counters now; an auto-detecting decoder gives the {@linkplain DecoderCounters#sum sum} of its decoders'
     */
    DecoderCounters counters();

    /**
     * {@link #counters()} by name ({@code netflow9.records}, {@code ipfix.withdrawals} ...), plus what the
     * decoder holds now ({@code netflow9.pendingSets}); a snapshot.
     *
     * @return a new unmodifiable map
     */
    default java.util.Map<String, Long> statistics() {
        return counters().asMap();
    }
}
