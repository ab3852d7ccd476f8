/**
 * NetFlow v5: the fixed 24-byte header and 48-byte records, decoded, encoded and built.
 *
 * <p>Where to start: {@link io.github.flowcodec.netflow5.Netflow5Decoder} (one per thread) decodes a datagram
 * on the zero-copy path (a handler gets each record as a view) or into an immutable
 * {@link io.github.flowcodec.netflow5.Netflow5Packet}; {@link io.github.flowcodec.netflow5.Netflow5} names the
 * record's fields as IANA elements; {@link io.github.flowcodec.netflow5.Netflow5Encoder} writes records as
 * packets of at most 30.
 *
 * <pre>{@code
 * Netflow5Packet packet = new Netflow5Decoder().decode(datagram, exporter);
 * for (FlowRecord r : packet.records()) {
 *     long octets = r.getLong(Netflow5.OCTETS);
 * }
 * }</pre>
 */
package io.github.flowcodec.netflow5;
