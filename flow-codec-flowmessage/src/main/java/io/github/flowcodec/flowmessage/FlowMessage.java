package io.github.flowcodec.flowmessage;

import io.github.flowcodec.flowmessage.internal.MessageSlots;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * One flow record of any protocol as goflow2's {@code FlowMessage}: immutable. Made by a {@link Builder},
 * or kept from the zero-copy path with {@link FlowMessageView#toMessage()}.
 *
 * <pre>{@code
 * FlowMessage m = FlowMessage.builder()
 *         .set(FlowField.TYPE, 3)                                   // NETFLOW_V9
 *         .address(FlowField.SRC_ADDR, InetAddress.getByName("10.0.0.1"))
 *         .set(FlowField.BYTES, 1500)
 *         .build();
 * m.get(FlowField.BYTES);   // 1500
 * }</pre>
 */
public final class FlowMessage extends FlowMessageFields {

    private final MessageSlots slots;

    FlowMessage(MessageSlots slots) {
        this.slots = slots;
    }

    @Override
    MessageSlots slots() {
        return slots;
    }

    /**
     * A builder with no field set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder set as this message is.
     *
     * @return a builder holding this message's fields
     */
    public Builder toBuilder() {
        return new Builder(slots.copy());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FlowMessage other)) {
            return false;
        }
        for (FlowField f : FlowField.all()) {
            if (has(f) != other.has(f) || get(f) != other.get(f)) {
                return false;
            }
            if (f.kind() == FlowField.Kind.ADDRESS && has(f) && !Arrays.equals(addressBytes(f), other.addressBytes(f))) {
                return false;
            }
            if (f.kind().isList() && has(f)
                    && !Arrays.equals(slots.list(f.ordinal()), 0, (int) get(f), other.slots.list(f.ordinal()), 0, (int) get(f))) {
                return false;
            }
            if (f.kind() == FlowField.Kind.ADDRESS_LIST && has(f) && !Arrays.equals(slots.addressList(f.ordinal()), 0,
                    16 * (int) get(f), other.slots.addressList(f.ordinal()), 0, 16 * (int) get(f))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (FlowField f : FlowField.all()) {
            if (has(f)) {
                h = 31 * h + Long.hashCode(get(f)) + f.ordinal();
                if (f.kind() == FlowField.Kind.ADDRESS) {
                    h = 31 * h + Arrays.hashCode(addressBytes(f));
                }
                for (int i = 0; f.kind().isList() && i < get(f); i++) {
                    h = 31 * h + slots.list(f.ordinal())[i];
                }
                for (int i = 0; f.kind() == FlowField.Kind.ADDRESS_LIST && i < 16 * get(f); i++) {
                    h = 31 * h + slots.addressList(f.ordinal())[i];
                }
            }
        }
        return h;
    }

    private byte[] addressBytes(FlowField f) {
        byte[] b = new byte[(int) get(f)];
        copyAddress(f, b, 0);
        return b;
    }

    /** Sets fields one by one; {@link #build()} makes the message. */
    public static final class Builder {

        private final MessageSlots slots;

        private Builder() {
            this(new MessageSlots());
        }

        private Builder(MessageSlots slots) {
            this.slots = slots;
        }

        /**
         * Sets a field that is not an address: a number, a MAC in the low 48 bits, goflow2's FlowType number
         * for {@link FlowField#TYPE}, the sample format for {@link FlowField#SAMPLE_TYPE}, a prefix length
         * (set the address it applies to first).
         *
         * @param field a field whose {@link FlowField#kind()} is not an address
         * @param value the value, unsigned (a 64-bit counter above {@link Long#MAX_VALUE} is negative here)
         * @return this builder
         */
        public Builder set(FlowField field, long value) {
            if (field.kind() == FlowField.Kind.ADDRESS) {
                throw new IllegalArgumentException(field + " is an address: set it with address()");
            }
            if (field.kind().isList()) {
                throw new IllegalArgumentException(field + " is a list: set it with list(), addresses() or layers()");
            }
            if (field.kind() == FlowField.Kind.PREFIX && !slots.has(field.prefixOf())) {
                throw new IllegalStateException(field + " needs " + field.prefixOf() + " set first");
            }
            slots.set(field, value);
            return this;
        }

        /**
         * Sets an address field (IPv4 or IPv6).
         *
         * @param field an address field (src_addr, dst_addr, next_hop, sampler_address ...)
         * @param address the address
         * @return this builder
         */
        public Builder address(FlowField field, InetAddress address) {
            if (field.kind() != FlowField.Kind.ADDRESS) {
                throw new IllegalArgumentException(field + " is not an address");
            }
            byte[] b = address.getAddress();
            slots.setAddress(field, b, 0, b.length);
            return this;
        }

        /**
         * Sets a list field ({@link FlowField.Kind#UINT32_LIST}) to these numbers (each 0 to 2^32 - 1), in order.
         *
         * @param field a list of numbers (mpls_label, as_path, bgp_communities, layer_size ...)
         * @param numbers the list's numbers, in order
         * @return this builder
         * @throws IllegalArgumentException for a field that is not a list, a number out of range, or more than
         *         {@link FlowMessageFields#MAX_LIST} numbers
         */
        public Builder list(FlowField field, long... numbers) {
            if (field.kind() != FlowField.Kind.UINT32_LIST) {
                throw new IllegalArgumentException(field + " is not a list");
            }
            if (numbers.length > MAX_LIST) {
                throw new IllegalArgumentException(field + " holds at most " + MAX_LIST + " numbers, not " + numbers.length);
            }
            slots.set(field, 0);
            for (long n : numbers) {
                if (n < 0 || n > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException(field + ": " + n + " is not a 32-bit unsigned number");
                }
                slots.append(field, n);
            }
            return this;
        }

        /**
         * Sets an address list field ({@link FlowField.Kind#ADDRESS_LIST}) to these addresses, in order.
         *
         * <pre>{@code
         * FlowMessage.builder().addresses(FlowField.MPLS_IP, InetAddress.getByName("10.0.0.1")).build();
         * }</pre>
         *
         * @param field an address list field ({@link FlowField#MPLS_IP}, {@link FlowField#IPV6_ROUTING_HEADER_ADDRESSES})
         * @param addresses the list's addresses (IPv4 or IPv6), in order
         * @return this builder
         * @throws IllegalArgumentException for a field that is not an address list, or more than
         *         {@link FlowMessageFields#MAX_LIST} addresses
         */
        public Builder addresses(FlowField field, InetAddress... addresses) {
            if (field.kind() != FlowField.Kind.ADDRESS_LIST) {
                throw new IllegalArgumentException(field + " is not an address list");
            }
            if (addresses.length > MAX_LIST) {
                throw new IllegalArgumentException(field + " holds at most " + MAX_LIST + " addresses, not " + addresses.length);
            }
            slots.set(field, 0);
            for (InetAddress a : addresses) {
                byte[] b = a.getAddress();
                slots.appendAddress(field, b, 0, b.length);
            }
            return this;
        }

        /**
         * Sets {@link FlowField#LAYER_STACK} to these layers, outermost first.
         *
         * <pre>{@code
         * FlowMessage.builder().layers(PacketLayer.ETHERNET, PacketLayer.IPV4, PacketLayer.UDP)
         *         .list(FlowField.LAYER_SIZE, 14, 20, 8).build();
         * }</pre>
         *
         * @param layers the layers, in order
         * @return this builder
         * @throws IllegalArgumentException for more than {@link FlowMessageFields#MAX_LIST} layers
         */
        public Builder layers(PacketLayer... layers) {
            if (layers.length > MAX_LIST) {
                throw new IllegalArgumentException("layer_stack holds at most " + MAX_LIST + " layers, not " + layers.length);
            }
            slots.set(FlowField.LAYER_STACK, 0);
            for (PacketLayer l : layers) {
                slots.append(FlowField.LAYER_STACK, l.number());
            }
            return this;
        }

        /**
         * Unsets a field.
         *
         * @param field the field
         * @return this builder
         */
        public Builder clear(FlowField field) {
            slots.unset(field);
            return this;
        }

        /**
         * The message; the builder can go on, without changing it.
         *
         * @return the immutable message
         */
        public FlowMessage build() {
            return new FlowMessage(slots.copy());
        }
    }
}
