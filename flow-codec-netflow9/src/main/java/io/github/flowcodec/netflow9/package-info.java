/**
 * NetFlow v9 (RFC 3954): decoder, encoder and packet builder.
 *
 * <p>Where to start: {@link io.github.flowcodec.netflow9.Netflow9Decoder} (one per thread; its templates live
 * in the options' {@link io.github.flowcodec.core.TemplateStore}, per exporter and source id) decodes a
 * datagram on the zero-copy path or into an immutable {@link io.github.flowcodec.netflow9.Netflow9Packet};
 * {@link io.github.flowcodec.netflow9.Netflow9#element} maps a v9 field type to its element;
 * {@link io.github.flowcodec.netflow9.Netflow9Encoder} writes records with their templates.
 *
 * <pre>{@code
 * Netflow9Decoder decoder = new Netflow9Decoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * Netflow9Packet packet = decoder.decode(datagram, exporter);
 * }</pre>
 */
package io.github.flowcodec.netflow9;
