package io.github.flowcodec.bench;

import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.ipfix.Ipfix;
import io.github.flowcodec.ipfix.IpfixMessageBuilder;
import io.github.flowcodec.ipfix.ListSemantic;
import io.github.flowcodec.ipfix.SubTemplateList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic-looking IPFIX traffic for the benchmarks: three templates an exporter typically
 * sends and seeded records for them, with the traffic mix of {@link Netflow9Traffic} (about 70% TCP, 25% UDP,
 * 5% ICMP; client and server ports; internal and public addresses; heavy-tailed packet counts; absolute
 * millisecond flow times shortly before the export time; TCP flags, ToS, AS numbers, prefix lengths). The
 * same seed always gives the same bytes.
 *
 * <ul>
 *   <li>{@link #fixedTemplate()} (id 256): an nProbe / IOS Flexible NetFlow style IPv4 template of 18
 *       fields: addresses, ports, protocol, ToS, TCP flags, 2-byte interfaces and AS numbers and 4-byte
 *       counters (RFC 7011 reduced-size encoding, as those exporters send them), flowStart/EndMilliseconds,
 *       prefix lengths and the next hop: 53 bytes a record, 26 records in a 1398-byte message.
 *   <li>{@link #stringsTemplate()} (id 257): the same 18 fields plus two variable-length strings (1-byte
 *       length form): {@code applicationName} after the timestamps (NBAR-style names, 3 to 19 bytes) and
 *       {@code interfaceName} last (IOS/IOS-XR names, 5 to 20 bytes): 20 fields, 63 to 94 bytes a record,
 *       17 or 18 records in a message of 1317 to 1399 bytes.
 *   <li>{@link #stlTemplate()} (id 258): the same 18 fields plus a {@code subTemplateList} (RFC 6313) of the
 *       flow's MPLS label stack, records of {@link #labelTemplate()} (id 300, one 3-byte
 *       {@code mplsTopLabelStackSection}: label, EXP, bottom-of-stack), 1 to 3 labels, semantic "ordered":
 *       60 to 66 bytes a record, 21 or 22 records in a message of 1340 to 1400 bytes.
 * </ul>
 *
 * <p>Messages hold one data set and are filled with records up to {@link #MAX_MESSAGE} bytes; the templates
 * come in a message of their own ({@link #templateMessage}).
 */
final class IpfixTraffic {

    /** Template ids, as an exporter numbers them. */
    static final int FIXED_TEMPLATE_ID = 256;
    static final int STRINGS_TEMPLATE_ID = 257;
    static final int STL_TEMPLATE_ID = 258;
    /** The template of the label stack entries in the subTemplateList. */
    static final int LABEL_TEMPLATE_ID = 300;

    /** The largest message an exporter sends (the encoder's default too). */
    static final int MAX_MESSAGE = 1400;

    /** Export time of the first message, epoch milliseconds. */
    static final long EXPORT_MILLIS_BASE = 1_700_000_000_000L;
    /** Milliseconds between consecutive messages: a busy exporter. */
    static final long EXPORT_STEP = 20L;

    /** NBAR-style application names of HTTPS flows (most traffic is TLS; the name says to whom). */
    private static final String[] TLS_APPS = {"ssl", "ssl", "google-services", "ms-office-365", "youtube", "netflix",
        "amazon-web-services", "facebook", "ms-teams", "apple-services", "webex-meeting", "dropbox"};
    /** Interface name prefixes, by interface index band. */
    private static final String[] INTERFACE_PREFIXES = {"GigabitEthernet0/0/", "TenGigE0/0/0/", "HundredGigE0/1/0/",
        "Bundle-Ether", "Vlan"};

    private final Random random;

    IpfixTraffic(long seed) {
        this.random = new Random(seed);
    }

    /** The 18-field IPv4 template (53 bytes a record). */
    static Template fixedTemplate() {
        return fixedFields(Template.builder(FIXED_TEMPLATE_ID), null, null).build();
    }

    /** The same 18 fields with applicationName after the timestamps and interfaceName last (20 fields). */
    static Template stringsTemplate() {
        return fixedFields(Template.builder(STRINGS_TEMPLATE_ID), FieldSpec.of(Iana.APPLICATION_NAME),
                FieldSpec.of(Iana.INTERFACE_NAME)).build();
    }

    /** The same 18 fields and a subTemplateList of the MPLS label stack (19 fields). */
    static Template stlTemplate() {
        return fixedFields(Template.builder(STL_TEMPLATE_ID), null, FieldSpec.of(Iana.SUB_TEMPLATE_LIST)).build();
    }

    /** One label stack entry: mplsTopLabelStackSection in 3 bytes (20-bit label, 3-bit EXP, bottom-of-stack bit). */
    static Template labelTemplate() {
        return Template.builder(LABEL_TEMPLATE_ID).field(Iana.MPLS_TOP_LABEL_STACK_SECTION, 3).build();
    }

    private static Template.Builder fixedFields(Template.Builder b, FieldSpec afterTimes, FieldSpec last) {
        b.field(Iana.SOURCE_IPV4_ADDRESS, 4)
                .field(Iana.DESTINATION_IPV4_ADDRESS, 4)
                .field(Iana.SOURCE_TRANSPORT_PORT, 2)
                .field(Iana.DESTINATION_TRANSPORT_PORT, 2)
                .field(Iana.PROTOCOL_IDENTIFIER, 1)
                .field(Iana.IP_CLASS_OF_SERVICE, 1)
                .field(Iana.TCP_CONTROL_BITS, 1)
                .field(Iana.INGRESS_INTERFACE, 2)
                .field(Iana.EGRESS_INTERFACE, 2)
                .field(Iana.PACKET_DELTA_COUNT, 4)
                .field(Iana.OCTET_DELTA_COUNT, 4)
                .field(Iana.FLOW_START_MILLISECONDS, 8)
                .field(Iana.FLOW_END_MILLISECONDS, 8);
        if (afterTimes != null) {
            b.field(afterTimes);
        }
        b.field(Iana.SOURCE_IPV4_PREFIX_LENGTH, 1)
                .field(Iana.DESTINATION_IPV4_PREFIX_LENGTH, 1)
                .field(Iana.IP_NEXT_HOP_IPV4_ADDRESS, 4)
                .field(Iana.BGP_SOURCE_AS_NUMBER, 2)
                .field(Iana.BGP_DESTINATION_AS_NUMBER, 2);
        if (last != null) {
            b.field(last);
        }
        return b;
    }

    /** The templates the collector must have seen before the data: {@code t}, and the label template for the stl one. */
    static Template[] templatesOf(Template t) {
        return t.id() == STL_TEMPLATE_ID ? new Template[] {t, labelTemplate()} : new Template[] {t};
    }

    /** A message carrying only these templates (one template set). */
    static byte[] templateMessage(Template[] templates, long exportMillis, long sequence, long domain) {
        return IpfixMessageBuilder.create()
                .exportTimeSeconds(exportMillis / 1000)
                .sequence(sequence)
                .observationDomainId(domain)
                .templates(templates)
                .toBytes();
    }

    /** The data-only message carrying {@code records} in one data set. */
    static byte[] message(List<FlowRecord> records, long exportMillis, long sequence, long domain) {
        return IpfixMessageBuilder.create()
                .exportTimeSeconds(exportMillis / 1000)
                .sequence(sequence)
                .observationDomainId(domain)
                .data(records.toArray(new FlowRecord[0]))
                .toBytes();
    }

    /**
     * The records of one message: flows of {@code t} reported at {@code exportMillis}, as many as fit in a
     * message of at most {@link #MAX_MESSAGE} bytes with one data set.
     */
    List<FlowRecord> records(Template t, long exportMillis) {
        List<FlowRecord> out = new ArrayList<>();
        int room = MAX_MESSAGE - Ipfix.HEADER_LENGTH - Ipfix.SET_HEADER_LENGTH;
        Template label = labelTemplate();
        while (true) {
            FlowRecord r = record(t, label, exportMillis);
            if (r.length() > room) {
                return out;
            }
            room -= r.length();
            out.add(r);
        }
    }

    // ------------------------------------------------------------------------------------ one flow

    private FlowRecord record(Template t, Template label, long exportMillis) {
        Random r = random;
        boolean outbound = r.nextBoolean();     // an internal client talking to a public server, or the reply
        DrawnFlow f = DrawnFlow.withInterfaces(r, exportMillis);
        DrawnFlow.Ipv4Ends ends = f.ipv4Ends(DrawnFlow.internalIpv4(r), DrawnFlow.publicIpv4(r), outbound);
        int i = 0;
        FlowRecord.Builder b = FlowRecord.builder(t)
                .setLong(i++, ends.src() & 0xFFFF_FFFFL)
                .setLong(i++, ends.dst() & 0xFFFF_FFFFL)
                .setLong(i++, f.srcPort)
                .setLong(i++, f.dstPort)
                .setLong(i++, f.protocol)
                .setLong(i++, f.tos)
                .setLong(i++, f.flags)
                .setLong(i++, f.in)
                .setLong(i++, f.out)
                .setLong(i++, f.packets)
                .setLong(i++, f.octets)
                .setLong(i++, f.first)
                .setLong(i++, f.last);
        if (t.id() == STRINGS_TEMPLATE_ID) {
            b.setString(i++, application(f.protocol, f.serverPort));
        }
        b.setLong(i++, ends.srcInternal() ? 24 : 8 + r.nextInt(17))
                .setLong(i++, ends.dstInternal() ? 24 : 8 + r.nextInt(17))
                .setLong(i++, DrawnFlow.NEXT_HOPS_V4[r.nextInt(DrawnFlow.NEXT_HOPS_V4.length)] & 0xFFFF_FFFFL)
                .setLong(i++, ends.srcInternal() ? 0 : 1 + r.nextInt(64_495))
                .setLong(i++, ends.dstInternal() ? 0 : 1 + r.nextInt(64_495));
        if (t.id() == STRINGS_TEMPLATE_ID) {
            b.setString(i++, INTERFACE_PREFIXES[(f.in - 1) / 10] + ((f.in - 1) % 10));
        } else if (t.id() == STL_TEMPLATE_ID) {
            b.setBytes(i++, labelStack(label).toBytes());
        }
        if (i != t.fieldCount()) {
            throw new IllegalStateException("set " + i + " of the " + t.fieldCount() + " fields of " + t);
        }
        return b.build();
    }

    /** An NBAR-style application name for the flow's service. */
    private String application(int protocol, int serverPort) {
        if (protocol == 1) {
            return "icmp";
        }
        switch (serverPort) {
            case 443: return protocol == 17 ? "quic" : TLS_APPS[random.nextInt(TLS_APPS.length)];
            case 80: return "http";
            case 22: return "ssh";
            case 25: return "smtp";
            case 993: return "secure-imap";
            case 3389: return "ms-wbt-server";
            case 8080: return "http-alt";
            case 8443: return "https-alt";
            case 5432: return "postgresql";
            case 445: return "cifs";
            case 53: return "dns";
            case 123: return "ntp";
            case 161: return "snmp";
            case 514: return "syslog";
            case 4500: return "ipsec";
            case 3478: return "stun-nat";
            case 5353: return "mdns";
            default: return "unknown";
        }
    }

    /** The label stack of an MPLS-switched flow: 1 to 3 entries (transport, service, sometimes an entropy or TE label). */
    private SubTemplateList labelStack(Template label) {
        int roll = random.nextInt(100);
        int depth = roll < 30 ? 1 : roll < 85 ? 2 : 3;
        List<FlowRecord> entries = new ArrayList<>(depth);
        for (int k = 0; k < depth; k++) {
            int value = 16 + random.nextInt((1 << 20) - 16);        // labels 0-15 are reserved
            int exp = random.nextInt(4) == 0 ? 5 : 0;
            int bottom = k == depth - 1 ? 1 : 0;
            entries.add(FlowRecord.builder(label).setLong(0, ((long) value << 4) | ((long) exp << 1) | bottom).build());
        }
        return new SubTemplateList(ListSemantic.ORDERED.code(), label, entries);
    }
}
