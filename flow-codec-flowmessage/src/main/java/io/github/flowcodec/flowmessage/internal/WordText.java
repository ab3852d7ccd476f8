package io.github.flowcodec.flowmessage.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A fixed text (a JSON key with its quotes, colon and comma) held as little-endian 8-byte words and written a
 * word at a time: a key is one to four stores instead of a copy loop. The last word may carry up to 7 bytes of
 * scratch past the text, which the value written next overwrites; callers keep that much room.
 *
 * <pre>{@code
 * WordText key = new WordText(",\"bytes\":".getBytes(StandardCharsets.US_ASCII));
 * p = key.write(buffer, p);
 * }</pre>
 */
final class WordText {

    /** Bytes a write may touch past the text. */
    static final int SCRATCH = 7;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] words;
    private final int length;

    WordText(byte[] text) {
        byte[] padded = Arrays.copyOf(text, (text.length + 7) / 8 * 8);
        words = new long[padded.length / 8];
        for (int w = 0; w < words.length; w++) {
            words[w] = (long) WORDS.get(padded, w * 8);
        }
        length = text.length;
    }

    /** Writes the text at {@code p} (and scratch after it); the position after the text. */
    int write(byte[] b, int p) {
        long[] ws = words;
        for (int w = 0; w < ws.length; w++) {
            WORDS.set(b, p + 8 * w, ws[w]);
        }
        return p + length;
    }

    int length() {
        return length;
    }
}
