package io.github.flowcodec.netflow5;

import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow5.internal.Netflow5Layout;

/**
 * The constants of NetFlow v5: header and record sizes, and the record layout as a constant
 * {@link Template} of IANA information elements with the index of each field.
 *
 * <p>The 48-byte v5 record maps onto IANA elements as NetFlow v9 does: srcaddr is sourceIPv4Address,
 * dPkts packetDeltaCount in 4 bytes, first/last flowStartSysUpTime/flowEndSysUpTime, the two pad fields
 * paddingOctets (kept, so a decoded record re-encodes byte for byte).
 *
 * <pre>{@code
 * long bytes = record.getLong(Netflow5.OCTETS);
 * InetAddress src = record.getAddress(Netflow5.SRC_ADDR);
 * }</pre>
 */
public final class Netflow5 {

    /** The version number in the header. */
    public static final int VERSION = 5;
    /** Header length in bytes. */
    public static final int HEADER_LENGTH = 24;
    /** Record length in bytes. */
    public static final int RECORD_LENGTH = 48;
    /** At most this many records per packet. */
    public static final int MAX_RECORDS = 30;
    /** The longest valid packet: header and 30 records, 1464 bytes. */
    public static final int MAX_PACKET_LENGTH = HEADER_LENGTH + MAX_RECORDS * RECORD_LENGTH;
    /** The id given to the constant template (v5 has no template ids on the wire). */
    public static final int TEMPLATE_ID = 0;

    /** Field index of srcaddr (sourceIPv4Address, 4 bytes). */
    public static final int SRC_ADDR = 0;
    /** Field index of dstaddr (destinationIPv4Address). */
    public static final int DST_ADDR = 1;
    /** Field index of nexthop (ipNextHopIPv4Address). */
    public static final int NEXT_HOP = 2;
    /** Field index of input (ingressInterface, 2 bytes). */
    public static final int INPUT = 3;
    /** Field index of output (egressInterface, 2 bytes). */
    public static final int OUTPUT = 4;
    /** Field index of dPkts (packetDeltaCount, 4 bytes). */
    public static final int PACKETS = 5;
    /** Field index of dOctets (octetDeltaCount, 4 bytes). */
    public static final int OCTETS = 6;
    /** Field index of first (flowStartSysUpTime, milliseconds of uptime). */
    public static final int FIRST = 7;
    /** Field index of last (flowEndSysUpTime). */
    public static final int LAST = 8;
    /** Field index of srcport (sourceTransportPort). */
    public static final int SRC_PORT = 9;
    /** Field index of dstport (destinationTransportPort). */
    public static final int DST_PORT = 10;
    /** Field index of pad1 (paddingOctets, 1 byte). */
    public static final int PAD1 = 11;
    /** Field index of tcp_flags (tcpControlBits, 1 byte). */
    public static final int TCP_FLAGS = 12;
    /** Field index of prot (protocolIdentifier). */
    public static final int PROTOCOL = 13;
    /** Field index of tos (ipClassOfService). */
    public static final int TOS = 14;
    /** Field index of src_as (bgpSourceAsNumber, 2 bytes). */
    public static final int SRC_AS = 15;
    /** Field index of dst_as (bgpDestinationAsNumber, 2 bytes). */
    public static final int DST_AS = 16;
    /** Field index of src_mask (sourceIPv4PrefixLength). */
    public static final int SRC_MASK = 17;
    /** Field index of dst_mask (destinationIPv4PrefixLength). */
    public static final int DST_MASK = 18;
    /** Field index of pad2 (paddingOctets, 2 bytes). */
    public static final int PAD2 = 19;

    /** The layout of every v5 record. */
    public static final Template TEMPLATE = Netflow5Layout.recordTemplate(TEMPLATE_ID);

    private Netflow5() {
    }
}
