package io.github.flowcodec.flowmessage.internal;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.flowmessage.FlowField;
import java.util.Arrays;

/**
 * Where a template's records keep what a flow message takes: per message field, the index of the first
 * field of the record among the IANA elements that give it, resolved once per template (see
 * {@link ElementChoices} for which elements, in order of preference).
 */
final class TemplatePlan {

    final Template template;
    final boolean sflow;
    /** Per {@link FlowField} ordinal: the record's field for a number, MAC or prefix length, or -1. */
    final int[] single = new int[MessageSlots.FIELDS];
    /** Per address field: the record's candidate fields (4 or 16 bytes wide in the template), in order. */
    final int[][] addressCandidates = new int[MessageSlots.FIELDS][];
    /** The numeric fields the template has ({@link FlowField} ordinals), and their record fields, in step. */
    final int[] numberFields;
    final int[] numberIndexes;
    final int ethernetType;
    final int icmpType;
    final int icmpCode;
    final int icmpTypeCode;
    /** Per MPLS label stack section (top, 2, 3) the record's field, or -1; none at all: null. */
    final int[] mplsSections;
    /** The record's mplsTopLabelIPv4Address and mplsTopLabelIPv6Address fields, in template order; none: null. */
    final int[] mplsIp;
    final int[] fineStart;
    final int[] fineEnd;
    final DataType[] types;

    TemplatePlan(Template t, boolean sflow) {
        this.template = t;
        this.sflow = sflow;
        Arrays.fill(single, -1);
        int[] fields = new int[MessageSlots.FIELDS];
        int[] indexes = new int[MessageSlots.FIELDS];
        int n = 0;
        for (ElementChoices.Choice c : ElementChoices.numbers(sflow)) {
            int i = first(t, c.ids());
            single[c.field().ordinal()] = i;
            if (i >= 0) {
                fields[n] = c.field().ordinal();
                indexes[n++] = i;
            }
        }
        this.numberFields = Arrays.copyOf(fields, n);
        this.numberIndexes = Arrays.copyOf(indexes, n);
        single[FlowField.SRC_MAC.ordinal()] = first(t, ElementChoices.SRC_MAC);
        single[FlowField.DST_MAC.ordinal()] = first(t, ElementChoices.DST_MAC);
        single[FlowField.SRC_NET.ordinal()] = first(t, ElementChoices.SRC_MASK);
        single[FlowField.DST_NET.ordinal()] = first(t, ElementChoices.DST_MASK);
        addressCandidates[FlowField.SRC_ADDR.ordinal()] = all(t, ElementChoices.SRC_ADDR);
        addressCandidates[FlowField.DST_ADDR.ordinal()] = all(t, ElementChoices.DST_ADDR);
        addressCandidates[FlowField.NEXT_HOP.ordinal()] = all(t, ElementChoices.NEXT_HOP);
        addressCandidates[FlowField.BGP_NEXT_HOP.ordinal()] = all(t, ElementChoices.BGP_NEXT_HOP);
        this.ethernetType = t.indexOf(0, ElementChoices.ETHERNET_TYPE);
        this.icmpType = first(t, ElementChoices.ICMP_TYPE);
        this.icmpCode = first(t, ElementChoices.ICMP_CODE);
        this.icmpTypeCode = first(t, ElementChoices.ICMP_TYPE_CODE);
        int[] mpls = new int[ElementChoices.MPLS_SECTIONS.length];
        boolean anyMpls = false;
        for (int k = 0; k < mpls.length; k++) {
            mpls[k] = t.indexOf(0, ElementChoices.MPLS_SECTIONS[k]);
            anyMpls |= mpls[k] >= 0;
        }
        this.mplsSections = anyMpls ? mpls : null;
        this.mplsIp = inOrder(t, ElementChoices.MPLS_IP);
        this.fineStart = all(t, ElementChoices.IPFIX_FINE_START);
        this.fineEnd = all(t, ElementChoices.IPFIX_FINE_END);
        this.types = new DataType[t.fieldCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = t.field(i).element().dataType();
        }
    }

    /** The first field among {@code ids} (IANA element ids, in order of preference) the template has, or -1. */
    private static int first(Template t, int[] ids) {
        for (int id : ids) {
            int i = t.indexOf(0, id);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Every field of the template that is one of {@code ids} (IANA elements), in template order; none: null. */
    private static int[] inOrder(Template t, int[] ids) {
        int[] found = new int[t.fieldCount()];
        int n = 0;
        for (int i = 0; i < found.length; i++) {
            InformationElement e = t.field(i).element();
            if (e.enterprise() == 0 && Arrays.stream(ids).anyMatch(id -> id == e.id())) {
                found[n++] = i;
            }
        }
        return n == 0 ? null : Arrays.copyOf(found, n);
    }

    /** The fields of the template among {@code ids}, in the order of {@code ids}. */
    private static int[] all(Template t, int[] ids) {
        int[] found = new int[ids.length];
        int n = 0;
        for (int id : ids) {
            int i = t.indexOf(0, id);
            if (i >= 0) {
                found[n++] = i;
            }
        }
        return Arrays.copyOf(found, n);
    }
}
