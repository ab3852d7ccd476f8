package io.github.flowcodec.core.internal.templated;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The sets a packet builder has crafted, each as its bytes, in the order added; the last one's length field
 * can be overwritten (to lie) and the whole datagram assembled behind a header, with trailing bytes and cut
 * short if asked. For the NetFlow v9 and IPFIX builders, not the encoders.
 *
 * <pre>{@code
 * TemplatedWireSetList sets = new TemplatedWireSetList("set");
 * ByteBuffer set = ByteBuffer.allocate(4 + 3);
 * TemplatedWireSets.rawSet(set, 999, 7, ByteBuffer.wrap(new byte[] {1, 2, 3}));
 * sets.add(set);
 * sets.setLength(9999);
 * byte[] message = sets.toBytes(Ipfix.HEADER_LENGTH, 0, -1, (b, length) -> IpfixWriter.header(b, 0, 10, length, 0, 0, 0));
 * }</pre>
 */
public final class TemplatedWireSetList {

    private final String setName;
    private final List<byte[]> sets = new ArrayList<>();

    /** An empty list; {@code setName} ("FlowSet", "set") names a set in errors. */
    public TemplatedWireSetList(String setName) {
        this.setName = setName;
    }

    /** Adds the set held by the whole backing array of {@code set} (allocated to its exact size). */
    public void add(ByteBuffer set) {
        sets.add(set.array());
    }

    /**
     * Overwrites the length field of the last set added.
     *
     * @throws IllegalStateException if no set was added
     */
    public void setLength(int length) {
        if (sets.isEmpty()) {
            throw new IllegalStateException("no " + setName + " yet");
        }
        ByteBuffer.wrap(sets.get(sets.size() - 1)).putShort(TemplatedWireLayout.SET_LENGTH, (short) length);
    }

    /** Bytes of all the sets. */
    public int length() {
        int n = 0;
        for (byte[] s : sets) {
            n += s.length;
        }
        return n;
    }

    /**
     * The datagram: a header of {@code headerLength} bytes that {@code header} writes (given the buffer and
     * the datagram's length without the trailing bytes), the sets, the {@code trailing} bytes, all cut to
     * {@code truncateTo} bytes if that is shorter (negative: not cut).
     */
    public byte[] toBytes(int headerLength, byte[] trailing, int truncateTo, ObjIntConsumer<ByteBuffer> header) {
        int length = headerLength + length();
        ByteBuffer b = ByteBuffer.allocate(length + trailing.length);
        header.accept(b, length);
        b.position(headerLength);
        for (byte[] s : sets) {
            b.put(s);
        }
        b.put(trailing);
        byte[] all = b.array();
        return truncateTo >= 0 && truncateTo < all.length ? Arrays.copyOf(all, truncateTo) : all;
    }
}
