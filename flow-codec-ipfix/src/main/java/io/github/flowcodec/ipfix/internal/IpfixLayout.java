package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;

/**
 * Byte offsets of the IPFIX message header (RFC 7011 section 3.1), of the options template record header
 * (section 3.4.2.2) and of a field specifier's enterprise number (section 3.2), from the start of their
 * piece; the set header, template record header and field specifier are {@link TemplatedWireLayout}'s.
 * Shared by the decoder, the file writer, the writer and the message builder.
 *
 * <pre>{@code
 * int length = buffer.getShort(start + IpfixLayout.LENGTH) & 0xFFFF;
 * long domain = buffer.getInt(start + IpfixLayout.DOMAIN) & 0xFFFF_FFFFL;
 * int scopes = buffer.getShort(record + IpfixLayout.OPTIONS_SCOPE_FIELD_COUNT) & 0xFFFF;
 * }</pre>
 */
public final class IpfixLayout {

    /** Header: the version, 10. */
    public static final int VERSION = 0;
    /** Header: the message length in bytes, header included. */
    public static final int LENGTH = 2;
    /** Header: the export time in seconds since the epoch. */
    public static final int EXPORT_TIME = 4;
    /** Header: the sequence number, data records sent before this message in the domain. */
    public static final int SEQUENCE = 8;
    /** Header: the observation domain id. */
    public static final int DOMAIN = 12;
    /** Bytes of the header. */
    public static final int HEADER_LENGTH = 16;

    /** Options template record header: the template id. */
    public static final int OPTIONS_TEMPLATE_ID = TemplatedWireLayout.TEMPLATE_ID;
    /** Options template record header: the field count, scope fields included. */
    public static final int OPTIONS_FIELD_COUNT = TemplatedWireLayout.TEMPLATE_FIELD_COUNT;
    /** Options template record header: the scope field count (the first fields). */
    public static final int OPTIONS_SCOPE_FIELD_COUNT = 4;
    /** Bytes of the options template record header. */
    public static final int OPTIONS_TEMPLATE_HEADER_LENGTH = 6;

    /** Field specifier with the enterprise bit set: the enterprise number (PEN). */
    public static final int ENTERPRISE_NUMBER = 4;
    /** Bytes of a field specifier with an enterprise number. */
    public static final int ENTERPRISE_FIELD_SPECIFIER_LENGTH = 8;

    private IpfixLayout() {
    }
}
