package io.github.flowcodec.cli.internal.http;

/** A request body ready to post: {@code records} records, sealed at {@code sealedNanos} ({@link System#nanoTime()}). */
record Batch(byte[] body, int records, long sealedNanos) {

    /** Tells a sender thread to end. */
    static final Batch END = new Batch(new byte[0], 0, 0);
}
