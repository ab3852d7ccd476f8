package io.github.flowcodec.netflow5.internal;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.netflow5.Netflow5;

/**
 * Where each field of the NetFlow v5 wire format sits: byte offsets from the start of the 24-byte header
 * and of each 48-byte record, named after the fields of Cisco's v5 format. The decoder, the header view,
 * the encoder and the packet builder read and write the header at these offsets; the record template is
 * built from the record offsets (and checked against them).
 *
 * <pre>{@code
 * int count = buffer.getShort(base + Netflow5Layout.COUNT) & 0xFFFF;
 * long octets = buffer.getInt(record + Netflow5Layout.DOCTETS) & 0xFFFF_FFFFL;
 * }</pre>
 */
public final class Netflow5Layout {

    /** Header: version (2 bytes). */
    public static final int VERSION = 0;
    /** Header: count, the number of records (2 bytes). */
    public static final int COUNT = 2;
    /** Header: sys_uptime, milliseconds since the exporter booted (4 bytes). */
    public static final int SYS_UPTIME = 4;
    /** Header: unix_secs, export time in seconds (4 bytes). */
    public static final int UNIX_SECS = 8;
    /** Header: unix_nsecs, residual nanoseconds of the export time (4 bytes). */
    public static final int UNIX_NSECS = 12;
    /** Header: flow_sequence, flows seen before this packet (4 bytes). */
    public static final int FLOW_SEQUENCE = 16;
    /** Header: engine_type (1 byte). */
    public static final int ENGINE_TYPE = 20;
    /** Header: engine_id (1 byte). */
    public static final int ENGINE_ID = 21;
    /** Header: sampling_interval, mode in the top two bits and interval below (2 bytes). */
    public static final int SAMPLING_INTERVAL = 22;

    /** Record: srcaddr (4 bytes). */
    public static final int SRCADDR = 0;
    /** Record: dstaddr (4 bytes). */
    public static final int DSTADDR = 4;
    /** Record: nexthop (4 bytes). */
    public static final int NEXTHOP = 8;
    /** Record: input interface (2 bytes). */
    public static final int INPUT = 12;
    /** Record: output interface (2 bytes). */
    public static final int OUTPUT = 14;
    /** Record: dPkts (4 bytes). */
    public static final int DPKTS = 16;
    /** Record: dOctets (4 bytes). */
    public static final int DOCTETS = 20;
    /** Record: first, uptime at the flow's start (4 bytes). */
    public static final int FIRST = 24;
    /** Record: last, uptime at the flow's last packet (4 bytes). */
    public static final int LAST = 28;
    /** Record: srcport (2 bytes). */
    public static final int SRCPORT = 32;
    /** Record: dstport (2 bytes). */
    public static final int DSTPORT = 34;
    /** Record: pad1 (1 byte). */
    public static final int PAD1 = 36;
    /** Record: tcp_flags (1 byte). */
    public static final int TCP_FLAGS = 37;
    /** Record: prot (1 byte). */
    public static final int PROT = 38;
    /** Record: tos (1 byte). */
    public static final int TOS = 39;
    /** Record: src_as (2 bytes). */
    public static final int SRC_AS = 40;
    /** Record: dst_as (2 bytes). */
    public static final int DST_AS = 42;
    /** Record: src_mask (1 byte). */
    public static final int SRC_MASK = 44;
    /** Record: dst_mask (1 byte). */
    public static final int DST_MASK = 45;
    /** Record: pad2 (2 bytes). */
    public static final int PAD2 = 46;

    /**
     * The record's fields in the order of the field indexes of {@link Netflow5} (SRC_ADDR first): IANA
     * element id, offset, length.
     */
    private static final int[][] RECORD_FIELDS = {
        {8, SRCADDR, 4}, {12, DSTADDR, 4}, {15, NEXTHOP, 4}, {10, INPUT, 2}, {14, OUTPUT, 2}, {2, DPKTS, 4},
        {1, DOCTETS, 4}, {22, FIRST, 4}, {21, LAST, 4}, {7, SRCPORT, 2}, {11, DSTPORT, 2}, {210, PAD1, 1},
        {6, TCP_FLAGS, 1}, {4, PROT, 1}, {5, TOS, 1}, {16, SRC_AS, 2}, {17, DST_AS, 2}, {9, SRC_MASK, 1},
        {13, DST_MASK, 1}, {210, PAD2, 2},
    };

    private Netflow5Layout() {
    }

    /**
     * The v5 record as a template of IANA elements with this id, its field offsets checked against the
     * record offsets above.
     *
     * @throws IllegalStateException if a field does not sit at its offset or the record is not 48 bytes
     */
    public static Template recordTemplate(int id) {
        InformationElementRegistry iana = InformationElementRegistry.iana();
        Template.Builder b = Template.builder(id);
        for (int[] f : RECORD_FIELDS) {
            b.field(FieldSpec.of(iana.lookup(0, f[0]), f[2]));
        }
        Template t = b.build();
        for (int i = 0; i < RECORD_FIELDS.length; i++) {
            if (t.fieldOffset(i) != RECORD_FIELDS[i][1]) {
                throw new IllegalStateException("v5 field " + i + " is at " + t.fieldOffset(i) + ", not " + RECORD_FIELDS[i][1]);
            }
        }
        if (t.recordLength() != Netflow5.RECORD_LENGTH) {
            throw new IllegalStateException("v5 template is " + t.recordLength() + " bytes");
        }
        return t;
    }
}
