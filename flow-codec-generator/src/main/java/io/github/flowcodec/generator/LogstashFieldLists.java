package io.github.flowcodec.generator;

import static io.github.flowcodec.generator.RegistryEntry.FALLBACK_DATA_TYPE;
import static io.github.flowcodec.generator.RegistryEntry.MAX_ELEMENT_ID;
import static io.github.flowcodec.generator.RegistryGenerator.LOGSTASH_IPFIX_EXCLUDED_PENS;
import static io.github.flowcodec.generator.RegistryGenerator.LOGSTASH_IPFIX_SOURCE;
import static io.github.flowcodec.generator.RegistryGenerator.NETFLOW9_SOURCE;

import io.github.flowcodec.generator.RegistryGenerator.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads logstash's field lists (YAML of a fixed shape, read line by line: the JDK has no YAML parser): the NetFlow
 * v9 list ({@code type: [dataType or length, :name]}) and the IPFIX enterprise list
 * ({@code PEN: { id: [type, name] }}). For example
 * {@code LogstashFieldLists.netflow9Fields(file, ianaIds, warnings::add)} is the v9 types IANA has not assigned.
 */
final class LogstashFieldLists {

    private static final Pattern YAML_KEY = Pattern.compile("([0-9]+):\\s*");
    private static final Pattern YAML_ITEM = Pattern.compile("- +:?([A-Za-z0-9_]+)\\s*");

    private static final Pattern YAML_PEN = Pattern.compile("([0-9]+):\\s*");
    private static final Pattern YAML_ID = Pattern.compile("  ([0-9]+):\\s*");
    private static final Pattern YAML_PEN_ITEM = Pattern.compile("  - +:?([A-Za-z0-9_]+)\\s*");

    /** The logstash types the NetFlow v9 list maps to their RFC 7012 type; any other is the fallback type. */
    private static final Set<String> NETFLOW9_TYPES = Set.of("uint8", "1", "uint16", "2", "uint32", "4", "uint64",
            "8", "ip4_addr", "ip6_addr", "mac_addr", "string", "double");

    private LogstashFieldLists() {
    }

    /**
     * The NetFlow v9 field types of logstash's list that IANA has not assigned (vendor types: Cisco NSEL,
     * Streamcore, nProbe ...). The list's data types are mapped to RFC 7012 types: {@code :uint8..64},
     * {@code :ip4_addr}, {@code :ip6_addr}, {@code :mac_addr}, {@code :string}, {@code :double}, a byte count
     * (an unsigned integer of that size, else octets); anything else is {@value RegistryEntry#FALLBACK_DATA_TYPE}.
     * Entries marked {@code :skip} are left out. Every entry has enterprise 0 and the v9 type as its id.
     */
    static List<RegistryEntry> netflow9Fields(Path file, Set<Integer> ianaIds, Consumer<String> warnings) {
        List<String> lines = readLines(file);
        List<RegistryEntry> out = new ArrayList<>();
        Integer type = null;
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "0:";
            var key = YAML_KEY.matcher(line);
            if (key.matches()) {
                if (type != null) {
                    RegistryEntry e = netflow9Entry(type, items, ianaIds, warnings);
                    if (e != null) {
                        out.add(e);
                    }
                }
                type = i < lines.size() ? Integer.valueOf(key.group(1)) : null;
                items.clear();
                continue;
            }
            var item = YAML_ITEM.matcher(line);
            if (item.matches() && type != null) {
                items.add(item.group(1));
            } else if (!line.isBlank() && !line.equals("---")) {
                throw new RegistryException(NETFLOW9_SOURCE + ":" + (i + 1) + ": unexpected line: " + line);
            }
        }
        return out;
    }

    /**
     * The enterprise elements of logstash's IPFIX list, each PEN but
     * {@link RegistryGenerator#LOGSTASH_IPFIX_EXCLUDED_PENS}, where the XML vendor registries ({@code xml}) do not
     * define the same (PEN, id) or the same name in the PEN: those win. Types are mapped as {@link #type} says;
     * entries marked {@code :skip}, without a type and a name, with an id above 32767, or whose name an earlier id
     * of the PEN has, are left out (with a warning but for {@code :skip} and the XML's own).
     */
    static List<RegistryEntry> ipfixElements(Path file, List<RegistryEntry> xml, Consumer<String> warnings) {
        Set<String> xmlKeys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RegistryEntry e : xml) {
            xmlKeys.add(e.enterprise() + "/" + e.id());
            names.add(e.enterprise() + "/" + e.name());
        }
        List<String> lines = readLines(file);
        List<RegistryEntry> out = new ArrayList<>();
        Long pen = null;
        Integer id = null;
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "0:";
            var penKey = YAML_PEN.matcher(line);
            var idKey = YAML_ID.matcher(line);
            var item = YAML_PEN_ITEM.matcher(line);
            boolean endOfElement = penKey.matches() || idKey.matches();
            if (endOfElement && pen != null && id != null) {
                RegistryEntry e = ipfixEntry(pen, id, items, xmlKeys, warnings);
                if (e != null && !names.add(e.enterprise() + "/" + e.name())) {
                    warnings.accept(LOGSTASH_IPFIX_SOURCE + ": PEN " + pen + " id " + id + ": name " + e.name()
                            + " is already used in the PEN: left out");
                } else if (e != null) {
                    out.add(e);
                }
                id = null;
                items.clear();
            }
            if (penKey.matches()) {
                pen = i < lines.size() ? Long.valueOf(penKey.group(1)) : null;
            } else if (idKey.matches()) {
                id = Integer.valueOf(idKey.group(1));
            } else if (item.matches() && id != null) {
                items.add(item.group(1));
            } else if (!line.isBlank() && !line.equals("---") && !line.trim().startsWith("#")) {
                throw new RegistryException(LOGSTASH_IPFIX_SOURCE + ":" + (i + 1) + ": unexpected line: " + line);
            }
        }
        return out;
    }

    /**
     * An RFC 7012 data type for a logstash type: {@code uint8..64}, {@code int8..64}, {@code float} (float32),
     * {@code double} (float64), {@code ip4_addr}, {@code ip6_addr}, {@code mac_addr}, {@code string}; a byte count
     * 1/2/4/8 is an unsigned integer of that size; anything else ({@code octetarray} ...) is
     * {@value RegistryEntry#FALLBACK_DATA_TYPE}.
     */
    static String type(String type) {
        switch (type) {
            case "uint8": case "1": return "unsigned8";
            case "uint16": case "2": return "unsigned16";
            case "uint32": case "4": return "unsigned32";
            case "uint64": case "8": return "unsigned64";
            case "int8": return "signed8";
            case "int16": return "signed16";
            case "int32": return "signed32";
            case "int64": return "signed64";
            case "float": return "float32";
            case "double": return "float64";
            case "ip4_addr": return "ipv4Address";
            case "ip6_addr": return "ipv6Address";
            case "mac_addr": return "macAddress";
            case "string": return "string";
            default: return FALLBACK_DATA_TYPE;
        }
    }

    private static RegistryEntry ipfixEntry(long pen, int id, List<String> items, Set<String> xmlKeys,
                                            Consumer<String> warnings) {
        if (LOGSTASH_IPFIX_EXCLUDED_PENS.contains(pen) || (items.size() == 1 && items.get(0).equals("skip"))) {
            return null;
        }
        String where = LOGSTASH_IPFIX_SOURCE + ": PEN " + pen + " id " + id;
        if (items.size() != 2) {
            warnings.accept(where + ": expected a data type and a name, got " + items);
            return null;
        }
        if (id < 0 || id > MAX_ELEMENT_ID) {
            warnings.accept(where + ": id above " + MAX_ELEMENT_ID);
            return null;
        }
        if (xmlKeys.contains(pen + "/" + id)) {
            return null; // the vendor's own XML registry wins
        }
        return RegistryEntry.plain(pen, id, items.get(1), type(items.get(0)));
    }

    private static RegistryEntry netflow9Entry(int type, List<String> items, Set<Integer> ianaIds,
                                               Consumer<String> warnings) {
        if (items.size() == 1 && items.get(0).equals("skip")) {
            return null;
        }
        if (items.size() != 2 || type < 1 || type > 0xFFFF) {
            warnings.accept(NETFLOW9_SOURCE + ": type " + type + ": expected a data type and a name, got " + items);
            return null;
        }
        if (type <= MAX_ELEMENT_ID && ianaIds.contains(type)) {
            return null; // IANA's element wins: v9 types are IANA element ids
        }
        String listed = items.get(0);
        String dataType = NETFLOW9_TYPES.contains(listed) ? type(listed) : FALLBACK_DATA_TYPE;
        // NetFlow v9 has no enterprise numbers: a vendor type is element (0, type), up to 65535. IPFIX
        // cannot produce enterprise 0 with an id over 32767 (the enterprise bit), so no clash there.
        return RegistryEntry.plain(0L, type, items.get(1), dataType);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + ": " + e, e);
        }
    }
}
