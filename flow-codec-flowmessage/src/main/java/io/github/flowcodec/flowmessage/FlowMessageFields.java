package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.MessageSlots;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Read access to the fields of a flow message: the immutable {@link FlowMessage} or the reusable
 * {@link FlowMessageView}. A field is set or not, as the record it came from had it or not.
 *
 * <pre>{@code
 * if (message.has(FlowField.SRC_PORT)) {
 *     long port = message.get(FlowField.SRC_PORT);
 * }
 * InetAddress src = message.address(FlowField.SRC_ADDR);   // null when not set
 * }</pre>
 */
public abstract sealed class FlowMessageFields permits FlowMessage, FlowMessageView {

    /** The most entries a list field ({@link FlowField.Kind#isList()}) holds. */
    public static final int MAX_LIST = MessageSlots.MAX_LIST;

    FlowMessageFields() {
    }

    /** The values. */
    abstract MessageSlots slots();

    /**
     * Whether the field is set.
     *
     * @param field the field
     * @return true if the message sets it (goflow2 writes only the set fields)
     */
    public final boolean has(FlowField field) {
        return slots().has(field);
    }

    /**
     * The field's value, 0 when it is not set: an unsigned number ({@link Long#toUnsignedString} above
     * {@link Long#MAX_VALUE}), a MAC address in the low 48 bits, goflow2's FlowType number for
     * {@link FlowField#TYPE}, the sample format for {@link FlowField#SAMPLE_TYPE}, the address's length (4 or
     * 16) for an address field.
     *
     * @param field the field
     * @return the value, or 0
     */
    public final long get(FlowField field) {
        return slots().get(field);
    }

    /**
     * Copies an address field's bytes (4 or 16) into {@code dst} at {@code offset}, without allocating.
     *
     * @return how many bytes were copied: 0 when the field is not set
     * @param field an address field
     * @param dst the array copied into
     * @param offset where in {@code dst} the first byte goes
     */
    public final int copyAddress(FlowField field, byte[] dst, int offset) {
        requireAddress(field);
        int len = (int) slots().get(field);
        System.arraycopy(slots().addressBytes(), field.ordinal() * 16, dst, offset, len);
        return len;
    }

    /**
     * An address field as an {@link InetAddress} (allocates), or null when it is not set.
     *
     * @param field an address field
     * @return the address, or null
     */
    public final InetAddress address(FlowField field) {
        requireAddress(field);
        if (!has(field)) {
            return null;
        }
        byte[] b = new byte[(int) get(field)];
        copyAddress(field, b, 0);
        return inetAddress(b);
    }

    /**
     * Number {@code index} of a list field ({@link FlowField.Kind#UINT32_LIST}, such as {@link FlowField#AS_PATH}),
     * unsigned, or the {@link PacketLayer#number()} of layer {@code index} of {@link FlowField#LAYER_STACK}; {@link #get}
     * gives how many it holds.
     *
     * <pre>{@code
     * for (int i = 0; i < m.get(FlowField.AS_PATH); i++) { long as = m.listValue(FlowField.AS_PATH, i); ... }
     * }</pre>
     *
     * @param field a list field
     * @param index the number's position in the list, from 0
     * @return the number, 0 to 2^32 - 1
     * @throws IllegalArgumentException when the field is not a list
     * @throws IndexOutOfBoundsException when the list has no number {@code index}
     */
    public final long listValue(FlowField field, int index) {
        if (field.kind() != FlowField.Kind.UINT32_LIST && field.kind() != FlowField.Kind.LAYER_LIST) {
            throw new IllegalArgumentException(field + " is not a list of numbers");
        }
        Objects.checkIndex(index, (int) get(field));
        return slots().list(field.ordinal())[index] & 0xFFFF_FFFFL;
    }

    /**
     * Copies the bytes of entry {@code index} of an address list field ({@link FlowField.Kind#ADDRESS_LIST}, such as
     * {@link FlowField#MPLS_IP}) into {@code dst} at {@code offset}, without allocating; {@link #get} gives how many
     * entries the list holds.
     *
     * <pre>{@code
     * byte[] ip = new byte[16];
     * for (int i = 0; i < m.get(FlowField.MPLS_IP); i++) { int len = m.copyListAddress(FlowField.MPLS_IP, i, ip, 0); ... }
     * }</pre>
     *
     * @param field an address list field
     * @param index the entry's position in the list, from 0
     * @param dst the array copied into (room for 16 bytes from {@code offset})
     * @param offset where in {@code dst} the first byte goes
     * @return how many bytes were copied: 4 or 16 for an address (another length, 0 to 16, for what an exporter sent
     *         in an element of that length)
     * @throws IllegalArgumentException when the field is not an address list
     * @throws IndexOutOfBoundsException when the list has no entry {@code index}
     */
    public final int copyListAddress(FlowField field, int index, byte[] dst, int offset) {
        requireAddressList(field);
        Objects.checkIndex(index, (int) get(field));
        int len = slots().list(field.ordinal())[index];
        System.arraycopy(slots().addressList(field.ordinal()), 16 * index, dst, offset, len);
        return len;
    }

    /**
     * The entries of an address list field ({@link FlowField.Kind#ADDRESS_LIST}) as addresses (allocates): an entry of
     * neither 4 nor 16 bytes (an exporter's element of another length) is null there, as goflow2's JSON writes it
     * {@code ""}.
     *
     * @param field an address list field ({@link FlowField#MPLS_IP}, {@link FlowField#IPV6_ROUTING_HEADER_ADDRESSES})
     * @return the addresses in order, unmodifiable; empty when the field is not set
     * @throws IllegalArgumentException when the field is not an address list
     */
    public final List<InetAddress> addressList(FlowField field) {
        requireAddressList(field);
        int n = (int) get(field);
        List<InetAddress> out = new ArrayList<>(n);
        byte[] b = new byte[16];
        for (int i = 0; i < n; i++) {
            int len = copyListAddress(field, i, b, 0);
            out.add(len == 4 || len == 16 ? inetAddress(Arrays.copyOf(b, len)) : null);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The MPLS top label addresses ({@link FlowField#MPLS_IP}: NetFlow v9 and IPFIX), as {@link #addressList} gives them.
     *
     * <pre>{@code
     * for (InetAddress ip : message.mplsIp()) { ... }
     * }</pre>
     *
     * @return the addresses in order, unmodifiable; empty when the record had none
     */
    public final List<InetAddress> mplsIp() {
        return addressList(FlowField.MPLS_IP);
    }

    /**
     * The segments of the sampled header's outer IPv6 segment routing header
     * ({@link FlowField#IPV6_ROUTING_HEADER_ADDRESSES}: sFlow).
     *
     * @return the addresses in order, unmodifiable; empty when the header had none
     */
    public final List<InetAddress> ipv6RoutingHeaderAddresses() {
        return addressList(FlowField.IPV6_ROUTING_HEADER_ADDRESSES);
    }

    /**
     * The layers of the sampled header ({@link FlowField#LAYER_STACK}: sFlow), outermost first.
     *
     * <pre>{@code
     * message.layerStack();   // [ETHERNET, IPV4, UDP]
     * }</pre>
     *
     * @return the layers in order, unmodifiable; empty when the record had no sampled Ethernet header
     */
    public final List<PacketLayer> layerStack() {
        int n = (int) get(FlowField.LAYER_STACK);
        PacketLayer[] layers = new PacketLayer[n];
        for (int i = 0; i < n; i++) {
            layers[i] = PacketLayer.of(slots().list(FlowField.LAYER_STACK.ordinal())[i]);
        }
        return List.of(layers);
    }

    /**
     * The size in bytes of each layer of {@link #layerStack()} as goflow2 counts it ({@link FlowField#LAYER_SIZE}: sFlow),
     * and a last 0 when the sampled bytes ended before a layer's minimum.
     *
     * <pre>{@code
     * message.layerSize();    // [14, 20, 8]
     * }</pre>
     *
     * @return a new array of the sizes; empty when the record had no sampled Ethernet header
     */
    public final int[] layerSize() {
        return Arrays.copyOf(slots().list(FlowField.LAYER_SIZE.ordinal()), (int) get(FlowField.LAYER_SIZE));
    }

    private static void requireAddressList(FlowField field) {
        if (field.kind() != FlowField.Kind.ADDRESS_LIST) {
            throw new IllegalArgumentException(field + " is not an address list");
        }
    }

    private static InetAddress inetAddress(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: an address of " + b.length + " bytes", e);
        }
    }

    private static void requireAddress(FlowField field) {
        if (field.kind() != FlowField.Kind.ADDRESS) {
            throw new IllegalArgumentException(field + " is not an address");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('{');
        for (FlowField f : FlowField.all()) {
            if (has(f)) {
                s.append(f.jsonKey()).append('=');
                if (f.kind() == FlowField.Kind.ADDRESS) {
                    s.append(address(f).getHostAddress());
                } else if (f.kind() == FlowField.Kind.UINT32_LIST) {
                    s.append('[');
                    for (int i = 0; i < get(f); i++) {
                        s.append(i == 0 ? "" : ",").append(listValue(f, i));
                    }
                    s.append(']');
                } else if (f.kind() == FlowField.Kind.LAYER_LIST) {
                    s.append(layerStack().stream().map(PacketLayer::goflow2Name).collect(Collectors.joining(",", "[", "]")));
                } else if (f.kind() == FlowField.Kind.ADDRESS_LIST) {
                    s.append(addressList(f).stream().map(a -> a == null ? "" : a.getHostAddress())
                            .collect(Collectors.joining(",", "[", "]")));
                } else {
                    s.append(Long.toUnsignedString(get(f)));
                }
                s.append(", ");
            }
        }
        if (s.charAt(s.length() - 1) == ' ') {
            s.setLength(s.length() - 2);
        }
        return s.append('}').toString();
    }
}
