package io.github.flowcodec.bench;

import io.github.flowcodec.core.Template;

/**
 * Where {@link IpfixBenchmark} finds its fields in the three templates of {@link IpfixTraffic}: the field indexes
 * the decode paths read and the byte offsets the hand-written baseline hard-codes, checked against the templates
 * in the setup. For example field {@link #OCTETS} (octetDeltaCount) is at {@link #OCTETS_AT} = 23 in every record.
 */
final class IpfixLayout {

    /** The template kinds ({@code -p template=fixed,strings,stl}). */
    static final int FIXED = 0;
    static final int STRINGS = 1;
    static final int STL = 2;

    // Field indexes of the read fields, as IpfixTraffic lays the templates out (checked in setup): the
    // first 13 fields are the same in the three templates.
    static final int SRC_ADDR = 0;
    static final int DST_ADDR = 1;
    static final int SRC_PORT = 2;
    static final int DST_PORT = 3;
    static final int PROTOCOL = 4;
    static final int PACKETS = 9;
    static final int OCTETS = 10;
    static final int FLOW_END = 12;
    static final int APP_NAME = 13;
    static final int IF_NAME = 19;
    static final int LABELS = 18;

    // Their byte offsets in a record: what the hand-written baseline hard-codes (checked in setup).
    static final int SRC_ADDR_AT = 0;
    static final int DST_ADDR_AT = 4;
    static final int SRC_PORT_AT = 8;
    static final int DST_PORT_AT = 10;
    static final int PROTOCOL_AT = 12;
    static final int PACKETS_AT = 19;
    static final int OCTETS_AT = 23;
    static final int FLOW_END_AT = 35;
    /** The fixed template's record length. */
    static final int FIXED_LENGTH = 53;
    /** strings: where applicationName's length prefix is; interfaceName's comes {@value #AFTER_APP} bytes after the name. */
    static final int APP_NAME_AT = 43;
    static final int AFTER_APP = 10;
    /** stl: where the list's length prefix is (after the 18 fixed fields). */
    static final int LABELS_AT = 53;
    /** stl: bytes of one label stack entry (the list template's record). */
    static final int LABEL_LENGTH = 3;

    private IpfixLayout() {
    }

    /** The hand-written offsets and the read indexes must be those of {@code t}, a template of {@code kind}. */
    static void check(Template t, int kind) {
        int[][] fields = {{SRC_ADDR, SRC_ADDR_AT}, {DST_ADDR, DST_ADDR_AT}, {SRC_PORT, SRC_PORT_AT}, {DST_PORT, DST_PORT_AT},
            {PROTOCOL, PROTOCOL_AT}, {PACKETS, PACKETS_AT}, {OCTETS, OCTETS_AT}, {FLOW_END, FLOW_END_AT}};
        String[] names = {"sourceIPv4Address", "destinationIPv4Address", "sourceTransportPort", "destinationTransportPort",
            "protocolIdentifier", "packetDeltaCount", "octetDeltaCount", "flowEndMilliseconds"};
        BenchmarkSetup.checkFields(t, fields, names);
        switch (kind) {
            case FIXED -> {
                if (t.fieldCount() != 18 || !t.isFixedLength() || t.recordLength() != FIXED_LENGTH) {
                    throw new IllegalStateException("unexpected template " + t);
                }
            }
            case STRINGS -> {
                // the fields between the two strings take AFTER_APP bytes; applicationName's prefix follows flowEnd
                int between = 0;
                for (int i = APP_NAME + 1; i < IF_NAME; i++) {
                    between += t.field(i).length();
                }
                if (t.fieldCount() != 20 || !t.field(APP_NAME).element().name().equals("applicationName")
                        || !t.field(IF_NAME).element().name().equals("interfaceName") || !t.field(APP_NAME).isVariableLength()
                        || !t.field(IF_NAME).isVariableLength() || between != AFTER_APP
                        || t.fieldOffset(FLOW_END) + 8 != APP_NAME_AT) {
                    throw new IllegalStateException("unexpected template " + t);
                }
            }
            default -> {
                if (t.fieldCount() != 19 || !t.field(LABELS).element().name().equals("subTemplateList")
                        || !t.field(LABELS).isVariableLength() || t.fieldOffset(LABELS - 1) + 2 != LABELS_AT
                        || IpfixTraffic.labelTemplate().recordLength() != LABEL_LENGTH) {
                    throw new IllegalStateException("unexpected template " + t);
                }
            }
        }
    }
}
