package io.github.flowcodec.flowmessage.internal;

/**
 * Writes a flow message as one JSON object into a sink, in one layout, without allocating. One instance per
 * thread: an encoder remembers the addresses it wrote last. Each layout gives the object's text
 * ({@link #write}) and the most it can take; the room in the sink and the address memory are here.
 */
public abstract class JsonObjectEncoder {

    /** Per address or network field: the last address written and its text. */
    final AddressTextCache addresses = new AddressTextCache(MessageSlots.FIELDS);
    /** Scratch for the address lists' texts. */
    final int[] groups = new int[8];
    /** The longest object the layout writes, in bytes. */
    private final int maxObject;

    JsonObjectEncoder(int maxObject) {
        this.maxObject = maxObject;
    }

    /**
     * Writes the object without its closing brace, so a caller may add members after a comma.
     *
     * @param message the message's fields
     * @param out where the object goes (grown first to hold the longest)
     */
    public final void open(MessageSlots message, ByteSink out) {
        out.ensure(maxObject);
        out.pos = write(message, out.buf, out.pos);
    }

    /**
     * Writes the object, opening brace and members, into {@code b} from {@code p}, which has room for the longest.
     *
     * @return the position after the object
     */
    abstract int write(MessageSlots m, byte[] b, int p);

    /** An address list field as a JSON array of address texts. */
    final int addressList(byte[] b, int p, MessageSlots m, int field, int n) {
        return JsonText.addresses(b, p, m.list(field), m.addressList(field), n, groups);
    }

    /**
     * Closes the object and the line.
     *
     * @param out where the object was written
     */
    public final void close(ByteSink out) {
        out.ensure(2);
        out.buf[out.pos++] = '}';
        out.buf[out.pos++] = '\n';
    }
}
