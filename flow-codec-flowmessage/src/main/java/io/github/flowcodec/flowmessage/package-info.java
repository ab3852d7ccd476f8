/**
 * goflow2's flow message as a library: one normalized record for NetFlow v5, NetFlow v9, IPFIX and sFlow,
 * written as JSON lines or length-delimited protobuf ({@code flow.proto} ships in the jar).
 *
 * <p>Where to start: in a decoder's handler, fill a reused {@link io.github.flowcodec.flowmessage.FlowMessageView}
 * from the context and the record, and write it with a {@link io.github.flowcodec.flowmessage.FlowMessageJsonWriter}
 * or {@link io.github.flowcodec.flowmessage.FlowMessageProtobufWriter}; neither allocates per record. Keep a
 * message with {@link io.github.flowcodec.flowmessage.FlowMessageView#toMessage()}, or build one with
 * {@link io.github.flowcodec.flowmessage.FlowMessage#builder()}. Fields are named by
 * {@link io.github.flowcodec.flowmessage.FlowField}.
 *
 * <pre>{@code
 * FlowMessageView view = new FlowMessageView();
 * try (FlowMessageJsonWriter out = new FlowMessageJsonWriter(System.out)) {
 *     decoder.decode(datagram, exporter, (ctx, record) -> {
 *         try {
 *             out.write(view.fill(ctx, record, System.currentTimeMillis() * 1_000_000));
 *         } catch (IOException e) {
 *             throw new UncheckedIOException(e);
 *         }
 *     });
 * }
 * }</pre>
 */
package io.github.flowcodec.flowmessage;
