package io.github.flowcodec.netflow9.internal;

import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;

/**
 * Byte offsets of the NetFlow v9 packet header (RFC 3954 section 5.1) and of the options template record
 * header (section 6.1), from the start of their piece; the set header, template record header and field
 * specifier are {@link TemplatedWireLayout}'s. Shared by the decoder, the header, the writer and the packet
 * builder.
 *
 * <pre>{@code
 * long sequence = buffer.getInt(start + Netflow9Layout.SEQUENCE) & 0xFFFF_FFFFL;
 * int scopeBytes = buffer.getShort(record + Netflow9Layout.OPTIONS_SCOPE_LENGTH) & 0xFFFF;
 * }</pre>
 */
public final class Netflow9Layout {

    /** Header: the version, 9. */
    public static final int VERSION = 0;
    /** Header: the count of template and data records (unreliable on real devices). */
    public static final int COUNT = 2;
    /** Header: sys_uptime, the exporter's uptime in milliseconds. */
    public static final int SYS_UPTIME = 4;
    /** Header: unix_secs, the export time in seconds since the epoch. */
    public static final int UNIX_SECS = 8;
    /** Header: the packet sequence number. */
    public static final int SEQUENCE = 12;
    /** Header: the source id. */
    public static final int SOURCE_ID = 16;
    /** Bytes of the header. */
    public static final int HEADER_LENGTH = 20;

    /** Options template record header: the template id. */
    public static final int OPTIONS_TEMPLATE_ID = TemplatedWireLayout.TEMPLATE_ID;
    /** Options template record header: the bytes of the scope field specifiers. */
    public static final int OPTIONS_SCOPE_LENGTH = 2;
    /** Options template record header: the bytes of the (non-scope) option field specifiers. */
    public static final int OPTIONS_OPTION_LENGTH = 4;
    /** Bytes of the options template record header. */
    public static final int OPTIONS_TEMPLATE_HEADER_LENGTH = 6;

    /** FlowSets are padded with zeros to a multiple of this many bytes. */
    public static final int SET_ALIGNMENT = 4;

    private Netflow9Layout() {
    }
}
