package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.Template;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus README's keys ("Keys in .flows.jsonl") from a record, each from the first element present in the
 * README's order of preference, as the NetFlow v9 corpus tests derive them: IE numbers of enterprise 0.
 */
final class CorpusKeys {

    static final List<String> COMPARED = List.of("sampler_address", "template_id", "sequence_num", "source_id", "src_addr",
            "dst_addr", "src_port", "dst_port", "proto", "bytes", "packets", "in_if", "out_if", "tcp_flags", "ip_tos", "next_hop",
            "src_as", "dst_as", "sampling_rate", "src_mac", "dst_mac", "vlan_id");

    private CorpusKeys() {
    }

    static Map<String, String> keys(ExportContext ctx, FlowFields r) {
        Map<String, String> k = new LinkedHashMap<>();
        Template t = r.template();
        k.put("sampler_address", text(ctx.exporter().getAddress()));
        k.put("template_id", String.valueOf(t.id()));
        k.put("sequence_num", String.valueOf(ctx.sequenceNumber()));
        k.put("source_id", String.valueOf(ctx.observationDomainId()));
        address(k, "src_addr", r, 8, 27);
        address(k, "dst_addr", r, 12, 28);
        number(k, "src_port", r, 7);
        number(k, "dst_port", r, 11);
        number(k, "proto", r, 4);
        number(k, "bytes", r, 1, 23, 85, 231);
        number(k, "packets", r, 2, 24, 86, 298);
        number(k, "in_if", r, 10);
        number(k, "out_if", r, 14);
        number(k, "tcp_flags", r, 6);
        number(k, "ip_tos", r, 5);
        address(k, "next_hop", r, 15, 62);
        number(k, "src_as", r, 16);
        number(k, "dst_as", r, 17);
        number(k, "sampling_rate", r, 34, 50);
        mac(k, "src_mac", r, 56);
        mac(k, "dst_mac", r, 80);
        number(k, "vlan_id", r, 58, 243);
        return k;
    }

    private static void number(Map<String, String> k, String key, FlowFields r, int... ids) {
        for (int id : ids) {
            int i = r.template().indexOf(0, id);
            if (i >= 0 && r.fieldLength(i) >= 1 && r.fieldLength(i) <= 8) {
                k.put(key, Long.toUnsignedString(r.getLong(i)));
                return;
            }
        }
    }

    private static void address(Map<String, String> k, String key, FlowFields r, int... ids) {
        String zero = null;
        for (int id : ids) {
            int i = r.template().indexOf(0, id);
            if (i >= 0 && (r.fieldLength(i) == 4 || r.fieldLength(i) == 16)) {
                InetAddress a = r.getAddress(i);
                if (!a.isAnyLocalAddress()) {
                    k.put(key, text(a));
                    return;
                }
                if (zero == null) {
                    zero = a instanceof Inet6Address ? "::" : "0.0.0.0";
                }
            }
        }
        if (zero != null) {
            k.put(key, zero);
        }
    }

    /** IPv6 in tshark's (RFC 5952) form; IPv4 as is. */
    static String text(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a.getHostAddress();
        }
        String[] h = a.getHostAddress().split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < h.length; ) {
            if (h[i].equals("0")) {
                int j = i;
                while (j < h.length && h[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", h);
        }
        String left = String.join(":", Arrays.copyOfRange(h, 0, bestStart));
        String right = String.join(":", Arrays.copyOfRange(h, bestStart + bestLen, h.length));
        return left + "::" + right;
    }

    private static void mac(Map<String, String> k, String key, FlowFields r, int id) {
        int i = r.template().indexOf(0, id);
        if (i >= 0 && r.fieldLength(i) == 6) {
            long m = r.getMacAddress(i);
            StringBuilder sb = new StringBuilder();
            for (int b = 5; b >= 0; b--) {
                sb.append(String.format("%02x", (m >>> (8 * b)) & 0xFF));
                if (b > 0) {
                    sb.append(':');
                }
            }
            k.put(key, sb.toString());
        }
    }

    /** A flat JSON object of strings and numbers, as tshark_flows.py writes them (nested "fields" ignored). */
    static Map<String, String> parseFlat(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        int fields = line.indexOf("\"fields\"");
        String flat = fields >= 0 ? line.substring(0, fields) : line;
        Matcher x = Pattern.compile("\"([a-z_]+)\": (\"([^\"]*)\"|(-?[0-9.]+))").matcher(flat);
        while (x.find()) {
            m.put(x.group(1), x.group(3) != null ? x.group(3) : x.group(4));
        }
        return m;
    }
}
