package io.github.flowcodec.core.internal.templated;

/**
 * Byte offsets of the pieces NetFlow v9 and IPFIX lay out alike (RFC 3954 section 5, RFC 7011 section 3):
 * the set header, the (non-options) template record header, the field specifier and the withdrawal record.
 * Offsets are from the start of their piece; the protocols' own layouts (message header, options template
 * record header) are {@code Netflow9Layout} and {@code IpfixLayout}. Shared by the decoders, the writer and
 * the packet builders, so that no offset is read in one file and written in another.
 *
 * <pre>{@code
 * int setId = buffer.getShort(setStart + TemplatedWireLayout.SET_ID) & 0xFFFF;
 * int setLength = buffer.getShort(setStart + TemplatedWireLayout.SET_LENGTH) & 0xFFFF;
 * int firstRecord = setStart + TemplatedWireLayout.SET_HEADER_LENGTH;
 * }</pre>
 */
public final class TemplatedWireLayout {

    /** Set header: the set id (template set, options template set, or a data set's template id). */
    public static final int SET_ID = 0;
    /** Set header: the set's length in bytes, its header and padding included. */
    public static final int SET_LENGTH = 2;
    /** Bytes of a set header. */
    public static final int SET_HEADER_LENGTH = 4;
    /** The largest set a 16-bit length field can describe. */
    public static final int MAX_SET_LENGTH = 0xFFFF;
    /** The first data set id (= the smallest template id). */
    public static final int MIN_DATA_SET_ID = 256;

    /** Template record header: the template id. */
    public static final int TEMPLATE_ID = 0;
    /** Template record header: the field count (v9 and IPFIX templates; IPFIX options templates too). */
    public static final int TEMPLATE_FIELD_COUNT = 2;
    /** Bytes of a (non-options) template record header. */
    public static final int TEMPLATE_HEADER_LENGTH = 4;

    /** Field specifier: the field type (v9) or information element id (IPFIX, bit 15 the enterprise bit). */
    public static final int FIELD_TYPE = 0;
    /** Field specifier: the field length in bytes (IPFIX: 65535 for variable length). */
    public static final int FIELD_LENGTH = 2;
    /** Bytes of a field specifier without an enterprise number. */
    public static final int FIELD_SPECIFIER_LENGTH = 4;

    /** Bytes of a withdrawal record (IPFIX): the template id, then a field count of 0. */
    public static final int WITHDRAWAL_RECORD_LENGTH = 4;

    private TemplatedWireLayout() {
    }
}
