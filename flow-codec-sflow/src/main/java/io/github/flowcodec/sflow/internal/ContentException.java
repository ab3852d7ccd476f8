package io.github.flowcodec.sflow.internal;

/**
 * The content of a known record or sample does not parse: thrown inside the codec without a stack trace
 * and turned by the decoder into a {@link io.github.flowcodec.core.MalformedPacketException} (strict)
 * or a reported problem with the record kept as bytes (lenient).
 *
 * <pre>{@code
 * try {
 *     FlowData d = TypedCodec.readFlow(buffer, format, offset, length, extensions);
 * } catch (ContentException e) {
 *     decoderReportsOrThrows(e.index(), e.getMessage());
 * }
 * }</pre>
 */
public final class ContentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int index;

    /** @param index the absolute buffer index of the problem */
    public ContentException(int index, String reason) {
        super(reason, null, false, false);
        this.index = index;
    }

    /** The absolute buffer index of the problem. */
    public int index() {
        return index;
    }
}
