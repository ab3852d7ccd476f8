/**
 * IPFIX (RFC 7011, 7012, 5103, 5610, 5655, 6313): decoders for datagrams ({@link io.github.flowcodec.ipfix.IpfixDecoder}),
 * streams ({@link io.github.flowcodec.ipfix.IpfixStreamDecoder}) and files ({@link io.github.flowcodec.ipfix.IpfixFileReader}),
 * structured-data views, the encoder and the message builder.
 */
package io.github.flowcodec.ipfix;
