package io.github.flowcodec.kafka.internal;

import io.github.flowcodec.core.TemplateScope;
import java.util.Arrays;

/**
 * A template's key in the replication topic: the scope's bytes ({@link TemplateScope#toBytes()}) and the
 * template id as two bytes, big-endian. Equal scopes and ids give equal keys, so the compacted topic keeps
 * the last change of each template.
 *
 * @param scope whose template
 * @param templateId the template id (0-65535)
 */
public record TemplateKey(TemplateScope scope, int templateId) {

    /** The key as the topic's record key. */
    public byte[] toBytes() {
        byte[] s = scope.toBytes();
        byte[] k = Arrays.copyOf(s, s.length + 2);
        k[s.length] = (byte) (templateId >>> 8);
        k[s.length + 1] = (byte) templateId;
        return k;
    }

    /**
     * The key {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException if the bytes are not such a key
     */
    public static TemplateKey fromBytes(byte[] key) {
        if (key == null || key.length < 3) {
            throw new IllegalArgumentException("a template key has a scope and two bytes of template id");
        }
        int n = key.length - 2;
        TemplateScope scope = TemplateScope.fromBytes(Arrays.copyOf(key, n));
        return new TemplateKey(scope, (key[n] & 0xFF) << 8 | key[n + 1] & 0xFF);
    }
}
