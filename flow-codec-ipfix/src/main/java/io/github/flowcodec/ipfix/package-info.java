/**
 * IPFIX (RFC 7011, 7012, 5103, 5610, 5655, 6313): decoders for datagrams ({@link io.github.flowcodec.ipfix.IpfixDecoder}),
 * streams ({@link io.github.flowcodec.ipfix.IpfixStreamDecoder}) and files ({@link io.github.flowcodec.ipfix.IpfixFileReader}),
 * structured-data views, the encoder and the message builder.
 *
 * <p>Where to start: {@link io.github.flowcodec.ipfix.IpfixDecoder} (one per thread; templates live in the
 * options' {@link io.github.flowcodec.core.TemplateStore}, per exporter and observation domain) decodes a
 * datagram on the zero-copy path or into an immutable {@link io.github.flowcodec.ipfix.IpfixMessage}. A
 * TCP or SCTP stream goes through {@link io.github.flowcodec.ipfix.IpfixStreamDecoder}, an RFC 5655 file
 * through {@link io.github.flowcodec.ipfix.IpfixFileReader}. List fields (RFC 6313) are read with
 * {@link io.github.flowcodec.ipfix.BasicListView}, {@link io.github.flowcodec.ipfix.SubTemplateListView} and
 * {@link io.github.flowcodec.ipfix.SubTemplateMultiListView}; {@link io.github.flowcodec.ipfix.IpfixEncoder}
 * writes records with their templates.
 *
 * <pre>{@code
 * IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().mode(DecodeMode.LENIENT).build());
 * IpfixMessage message = decoder.decode(datagram, exporter);
 * }</pre>
 */
package io.github.flowcodec.ipfix;
