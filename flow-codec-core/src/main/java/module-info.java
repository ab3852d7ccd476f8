/**
 * flowcodec's core: information elements and their registry, templates, flow records and their views,
 * the template store, errors, and the protocol SPI with the auto-detecting decoder.
 */
module io.github.flowcodec.core {
    exports io.github.flowcodec.core;

    uses io.github.flowcodec.core.FlowDecoderProvider;
}
