package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.Template;

/**
 * The templated writer's templates by id (0..65535) in an open-addressing table: no boxing, no allocation on
 * lookup. Not thread-safe.
 *
 * <pre>{@code
 * TemplatedWriterTemplates sent = new TemplatedWriterTemplates();
 * sent.put(256, template);
 * sent.get(256); // template
 * sent.put(256, null); // removed
 * }</pre>
 */
public final class TemplatedWriterTemplates {

    private int[] ids = new int[16];
    private Template[] templates = new Template[16];
    private int size;

    /** The template with this id, or null. */
    public Template get(int id) {
        int mask = ids.length - 1;
        for (int i = (id * 0x9E37_79B9 >>> 16) & mask; ; i = (i + 1) & mask) {
            Template t = templates[i];
            if (t == null || ids[i] == id) {
                return t;
            }
        }
    }

    /** Puts (or, with null, removes) the template of this id. */
    public void put(int id, Template t) {
        if (t == null) {
            remove(id);
            return;
        }
        if (2 * (size + 1) > ids.length) {
            rehash(ids.length * 2);
        }
        int mask = ids.length - 1;
        int i = (id * 0x9E37_79B9 >>> 16) & mask;
        while (templates[i] != null && ids[i] != id) {
            i = (i + 1) & mask;
        }
        if (templates[i] == null) {
            size++;
        }
        ids[i] = id;
        templates[i] = t;
    }

    private void remove(int id) {
        if (get(id) == null) {
            return;
        }
        int[] oldIds = ids;
        Template[] old = templates;
        ids = new int[oldIds.length];
        templates = new Template[old.length];
        size = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null && oldIds[i] != id) {
                put(oldIds[i], old[i]);
            }
        }
    }

    private void rehash(int capacity) {
        int[] oldIds = ids;
        Template[] old = templates;
        ids = new int[capacity];
        templates = new Template[capacity];
        size = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                put(oldIds[i], old[i]);
            }
        }
    }

    /** How many templates. */
    public int size() {
        return size;
    }
}
