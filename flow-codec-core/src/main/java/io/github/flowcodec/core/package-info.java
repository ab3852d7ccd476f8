/**
 * What every protocol module shares: information elements and their registry, templates, records, the
 * template store, the decoder options, the exceptions and the protocol SPI.
 *
 * <p>Where to start:
 * <ul>
 *   <li>Decoding any protocol from one socket: {@link io.github.flowcodec.core.FlowDecoders#autoDetecting}
 *       gives a {@link io.github.flowcodec.core.DatagramDecoder} for every protocol module on the class or
 *       module path, configured by {@link io.github.flowcodec.core.DecoderOptions} (strict or lenient, a shared
 *       {@link io.github.flowcodec.core.TemplateStore}).</li>
 *   <li>Reading records: on the zero-copy path a {@link io.github.flowcodec.core.FlowRecordHandler} gets a
 *       {@link io.github.flowcodec.core.RecordView} (or a whole {@link io.github.flowcodec.core.DataSetView})
 *       per record; materialized, a {@link io.github.flowcodec.core.FlowPacket} holds immutable
 *       {@link io.github.flowcodec.core.FlowRecord}s. Both read fields through
 *       {@link io.github.flowcodec.core.FlowFields}, by index or by
 *       {@link io.github.flowcodec.core.InformationElement}.</li>
 *   <li>Naming fields: {@link io.github.flowcodec.core.InformationElementRegistry} (IANA's registry and the
 *       vendors'); describing records: {@link io.github.flowcodec.core.Template} of
 *       {@link io.github.flowcodec.core.FieldSpec}s.</li>
 *   <li>Errors: every codec throws {@link io.github.flowcodec.core.FlowCodecException} (protocol, byte offset,
 *       reason); a lenient decoder reports a {@link io.github.flowcodec.core.DecodeProblem} instead and counts
 *       it in {@link io.github.flowcodec.core.DecoderCounters}.</li>
 * </ul>
 *
 * <pre>{@code
 * DatagramDecoder decoder = FlowDecoders.autoDetecting(
 *         DecoderOptions.builder().mode(DecodeMode.LENIENT).build());     // one per thread
 * FlowPacket packet = decoder.decode(datagram, exporter);
 * for (FlowRecord record : packet.records()) {
 *     long octets = record.getLong(InformationElementRegistry.iana().require("octetDeltaCount"), 0);
 * }
 * }</pre>
 */
package io.github.flowcodec.core;
