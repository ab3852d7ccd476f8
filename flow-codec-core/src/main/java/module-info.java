/**
 * flowcodec's core: information elements and their registry, templates, flow records and their views,
 * the template store, errors, and the protocol SPI with the auto-detecting decoder.
 */
module io.github.flowcodec.core {
    exports io.github.flowcodec.core;
    exports io.github.flowcodec.core.vendor;
    // The machinery NetFlow v9 and IPFIX share (one implementation, not two); not public API.
    exports io.github.flowcodec.core.internal.templated to io.github.flowcodec.netflow9, io.github.flowcodec.ipfix;

    uses io.github.flowcodec.core.FlowDecoderProvider;
}
