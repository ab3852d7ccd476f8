/**
 * sFlow v5 (sflow.org's sFlow version 5): decoder, encoder and datagram builder.
 *
 * <p>Where to start: {@link io.github.flowcodec.sflow.SflowDecoder} (one per thread) reads a datagram three
 * ways: flow samples as records of IANA elements, like the other protocols
 * ({@link io.github.flowcodec.sflow.SflowDecoder#decode(java.nio.ByteBuffer, java.net.InetSocketAddress)} gives
 * an {@link io.github.flowcodec.sflow.SflowPacket}); every sample on the zero-copy path through an
 * {@link io.github.flowcodec.sflow.SflowSampleHandler}; or the whole datagram typed
 * ({@link io.github.flowcodec.sflow.SflowDecoder#decodeDatagram}: an
 * {@link io.github.flowcodec.sflow.SflowDatagram} of {@link io.github.flowcodec.sflow.FlowSample}s and
 * {@link io.github.flowcodec.sflow.CounterSample}s holding {@link io.github.flowcodec.sflow.FlowData} and
 * {@link io.github.flowcodec.sflow.CounterData} records). {@link io.github.flowcodec.sflow.SflowEncoder}
 * writes samples as datagrams; enterprise record formats plug in as
 * {@link io.github.flowcodec.sflow.SflowExtensions}.
 *
 * <pre>{@code
 * SflowDatagram d = new SflowDecoder().decodeDatagram(datagram);
 * for (SflowSample s : d.samples()) {
 *     if (s instanceof CounterSample c) { ... c.records() ... }
 * }
 * }</pre>
 */
package io.github.flowcodec.sflow;
