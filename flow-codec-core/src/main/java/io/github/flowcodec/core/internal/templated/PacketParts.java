package io.github.flowcodec.core.internal.templated;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parts of a decoded NetFlow v9 or IPFIX packet in the order they lay on the wire after its header, so that it can be encoded
 * again byte for byte: its sets in order, each with its templates, withdrawals and runs of records (as
 * indexes into the packet's lists, in order), and the bytes the decoder kept as they were (padding, data
 * waiting for its template, a set it could not read, bytes after the last set). A compact list of
 * operations: one {@code int[]} and the kept byte arrays per packet.
 *
 * <pre>{@code
 * PacketParts.Reader r = parts.reader();
 * while (r.next()) {
 *     switch (r.op()) { case PacketParts.SET: ... r.argument() is the set id ... }
 * }
 * }</pre>
 */
public final class PacketParts {

    /** A set begins; the argument is its id. Always followed by {@link #SET_LENGTH}. */
    public static final int SET = 1;
    /** The length field of the set begun by the {@link #SET} before, as it was sent (it may lie). */
    public static final int SET_LENGTH = 10;
    /** The next template of the packet's templates, in their order. */
    public static final int TEMPLATE = 2;
    /** A withdrawal record (IPFIX); the argument is the withdrawn template id. */
    public static final int WITHDRAWAL = 3;
    /** The next data records of the packet, the argument their count. */
    public static final int RECORDS = 4;
    /** The next options records of the packet, the argument their count. */
    public static final int OPTIONS_RECORDS = 5;
    /** Data records of the packet that are not written here (their set was held: its bytes are kept), the argument their count. */
    public static final int SKIPPED_RECORDS = 6;
    /** Options records not written here, as {@link #SKIPPED_RECORDS}. */
    public static final int SKIPPED_OPTIONS_RECORDS = 7;
    /** Bytes kept as they were; the argument indexes {@link Reader#bytes()}. */
    public static final int BYTES = 8;
    /** The set begun last ends here. */
    public static final int END_SET = 9;

    private static final byte[][] NOTHING_KEPT = {};

    private final int[] ops;
    private final byte[][] kept;

    private PacketParts(int[] ops, byte[][] kept) {
        this.ops = ops;
        this.kept = kept;
    }

    /** @return how many bytes the parts keep as they were (not re-encoded from templates or records) */
    public long keptBytes() {
        long n = 0;
        for (int i = 0; i < ops.length; i += 2) {
            if (ops[i] == BYTES) {
                n += kept[ops[i + 1]].length;
            }
        }
        return n;
    }

    /** @return how many data and options records the parts write from the packet's records */
    public long recordsWritten() {
        long n = 0;
        for (int i = 0; i < ops.length; i += 2) {
            if (ops[i] == RECORDS || ops[i] == OPTIONS_RECORDS) {
                n += ops[i + 1];
            }
        }
        return n;
    }

    /** @return a reader at the first operation */
    public Reader reader() {
        return new Reader();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PacketParts[");
        for (int i = 0; i < ops.length; i += 2) {
            s.append(ops[i]).append(':').append(ops[i + 1]).append(i + 2 < ops.length ? " " : "");
        }
        return s.append(']').toString();
    }

    /** Walks the operations in order. */
    public final class Reader {
        private int at = -2;

        /** @return whether there is another operation (and moves to it) */
        public boolean next() {
            at += 2;
            return at < ops.length;
        }

        /** @return the current operation's code */
        public int op() {
            return ops[at];
        }

        /** @return the current operation's argument */
        public int argument() {
            return ops[at + 1];
        }

        /** @return the kept bytes of a {@link #BYTES} operation */
        public byte[] bytes() {
            return kept[ops[at + 1]];
        }
    }

    /** Builds a layout as the decoder meets the packet's parts; not thread-safe. */
    public static final class Builder {
        private int[] ops = new int[8]; // a data-only packet: set, length, records, end
        private int size;
        private List<byte[]> kept;
        private boolean skipping;

        /** A set with this id and this length field begins. */
        public void beginSet(int setId, int length) {
            add(SET, setId);
            add(SET_LENGTH, length);
        }

        /** The set begun last ends. */
        public void endSet() {
            add(END_SET, 0);
        }

        /** The packet's next template stands here. */
        public void template() {
            add(TEMPLATE, 0);
        }

        /** A withdrawal of {@code templateId} stands here. */
        public void withdrawal(int templateId) {
            add(WITHDRAWAL, templateId);
        }

        /** The packet's next data record stands here (or, while {@link #skipping}, is not written). */
        public void record() {
            run(skipping ? SKIPPED_RECORDS : RECORDS);
        }

        /** The packet's next options record stands here (or, while {@link #skipping}, is not written). */
        public void optionsRecord() {
            run(skipping ? SKIPPED_OPTIONS_RECORDS : OPTIONS_RECORDS);
        }

        /** Records that follow are released from a set whose bytes were kept: they are not written again. */
        public void skipping(boolean skipping) {
            this.skipping = skipping;
        }

        /** Keeps {@code [from, to)} of {@code b} as they are (nothing when empty). */
        public void keep(ByteBuffer b, int from, int to) {
            if (to <= from) {
                return;
            }
            byte[] bytes = new byte[to - from];
            b.get(from, bytes);
            if (kept == null) {
                kept = new ArrayList<>(2);
            }
            kept.add(bytes);
            add(BYTES, kept.size() - 1);
        }

        private void run(int op) {
            if (size > 0 && ops[size - 2] == op) {
                ops[size - 1]++;
            } else {
                add(op, 1);
            }
        }

        private void add(int op, int argument) {
            if (size == ops.length) {
                ops = Arrays.copyOf(ops, size * 2);
            }
            ops[size++] = op;
            ops[size++] = argument;
        }

        /** @return the parts built (the builder is not used after this) */
        public PacketParts build() {
            return new PacketParts(size == ops.length ? ops : Arrays.copyOf(ops, size),
                    kept == null ? NOTHING_KEPT : kept.toArray(NOTHING_KEPT));
        }
    }
}
