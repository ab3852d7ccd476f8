package io.github.flowcodec.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Generates the information-element registries shipped in flow-codec-core from the reference
 * registry files: IANA's IPFIX registry ({@code iana-ipfix.xml}) and vendor registries in the same
 * XML format ({@code vendor/*-elements.xml}, which carry no PEN: the PEN of each file is fixed here).
 *
 * <p>Uses the JDK only, so that it runs as a single source file:
 *
 * <pre>
 * java flow-codec-generator/src/main/java/io/github/flowcodec/generator/RegistryGenerator.java \
 *      ../shared/reference flow-codec-core/src/main/resources/io/github/flowcodec/core
 * </pre>
 *
 * <p>Output (UTF-8, '\n' line ends): a comment line naming the sources, then one line per element,
 * sorted by enterprise then id: {@code enterprise TAB id TAB name TAB dataType TAB semantics TAB unit
 * TAB status}, with IANA's names for data types, semantics and units ({@code default}, {@code none}
 * and {@code current} where the record has none). Only records with a single numeric elementId and a
 * dataType are elements (this skips "Reserved", "Unassigned", "Assigned for NetFlow v9 compatibility").
 *
 * <p>Values that are not in IANA's sub-registries make the IANA registry fail; in a vendor registry
 * they are mapped (case-insensitive match, else a neutral value) with a warning.
 */
public final class RegistryGenerator {

    /** XML namespace of IANA registries. */
    public static final String NS = "http://www.iana.org/assignments";

    /** IANA's registry file, relative to the reference directory. */
    public static final String IANA_SOURCE = "iana-ipfix.xml";

    /** Output file of IANA's elements (enterprise 0). */
    public static final String IANA_OUTPUT = "iana-elements.tsv";

    /** Output file of the vendor elements. */
    public static final String VENDOR_OUTPUT = "vendor-elements.tsv";

    /** NetFlow v9 field list (logstash's YAML: {@code type: [dataType or length, :name]}). */
    public static final String NETFLOW9_SOURCE = "vendor/logstash-netflow9-fields.yaml";

    /** Output file of the NetFlow v9 field types that IANA has not assigned. */
    public static final String NETFLOW9_OUTPUT = "netflow9-elements.tsv";

    /**
     * IPFIX enterprise elements by PEN (logstash's YAML: {@code PEN: { id: [type, name] }}), added to
     * {@link #VENDOR_OUTPUT} where the XML vendor registries do not define the (PEN, id).
     */
    public static final String LOGSTASH_IPFIX_SOURCE = "vendor/logstash-ipfix-elements.yaml";

    /**
     * PENs of {@link #LOGSTASH_IPFIX_SOURCE} left out: 0 is IANA's own registry (from {@link #IANA_SOURCE}); 29305
     * holds RFC 5103's reverse elements, which the codecs derive from IANA's elements (name "reverse" + IANA name,
     * IANA's type), so a second list could only disagree with IANA.
     */
    public static final Set<Long> LOGSTASH_IPFIX_EXCLUDED_PENS = Set.of(0L, 29305L);

    /** Vendor registry files (relative to the reference directory) and their PENs, in PEN order. */
    public static final Map<String, Long> VENDOR_SOURCES = vendorSources();

    static final String ELEMENTS_REGISTRY = "ipfix-information-elements";
    static final String DATA_TYPES_REGISTRY = "ipfix-information-element-data-types";
    static final String SEMANTICS_REGISTRY = "ipfix-information-element-semantics";
    static final String UNITS_REGISTRY = "ipfix-information-element-units";

    /** Status values of RFC 7012 section 4 (not an IANA sub-registry). */
    static final List<String> STATUSES = List.of("current", "deprecated", "obsolete");

    static final String DEFAULT_SEMANTICS = "default";
    static final String NO_UNIT = "none";
    static final String DEFAULT_STATUS = "current";
    /** Data type for a vendor element whose data type is unknown: the raw bytes. */
    static final String FALLBACK_DATA_TYPE = "octetArray";

    /** Largest element id: ids are 15 bits, the top bit of the 16-bit field is the enterprise bit. */
    static final int MAX_ELEMENT_ID = 0x7FFF;

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern HAS_WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]");

    private RegistryGenerator() {
    }

    private static Map<String, Long> vendorSources() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("vendor/nokia-elements.xml", 637L);
        m.put("vendor/huawei-elements.xml", 2011L);
        m.put("vendor/vmware-elements.xml", 6876L);
        return Collections.unmodifiableMap(m);
    }

    /** Thrown when a reference file cannot be read or holds a record that cannot be accepted. */
    public static final class RegistryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RegistryException(String message) {
            super(message);
        }

        public RegistryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One generated element line. */
    record Entry(long enterprise, int id, String name, String dataType, String semantics,
                 String unit, String status) {

        String line() {
            return enterprise + "\t" + id + "\t" + name + "\t" + dataType + "\t" + semantics + "\t"
                    + unit + "\t" + status + "\n";
        }
    }

    /** IANA's names of data types, semantics and units. */
    record Vocabulary(Set<String> dataTypes, Set<String> semantics, Set<String> units) {
    }

    // ------------------------------------------------------------------------------------------ CLI

    /**
     * The command line: {@link #run} with the standard streams. A failure ends in an exception (the JVM then
     * exits non-zero, which fails the build step that ran it); the library never calls {@code System.exit}.
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            throw new RegistryException("registry generation failed (status " + status + "), see the message above");
        }
    }

    /**
     * Runs the command line: {@code <referenceDir> <outputDir>}.
     *
     * @return the exit status: 0 success, 1 bad input, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[0].isBlank() || args[1].isBlank()) {
            err.println("usage: java RegistryGenerator.java <referenceDir> <outputDir>");
            err.println("  referenceDir  directory holding " + IANA_SOURCE + " and "
                    + String.join(", ", VENDOR_SOURCES.keySet()));
            err.println("  outputDir     directory to write " + IANA_OUTPUT + ", " + VENDOR_OUTPUT + " and "
                    + NETFLOW9_OUTPUT + " into");
            return 2;
        }
        Path referenceDir = Path.of(args[0]);
        Path outputDir = Path.of(args[1]);
        if (!Files.isDirectory(referenceDir)) {
            err.println("error: reference directory " + referenceDir + " does not exist");
            return 2;
        }
        try {
            Map<String, String> files = generate(referenceDir, w -> err.println("warning: " + w));
            Files.createDirectories(outputDir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = outputDir.resolve(f.getKey());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                long lines = f.getValue().lines().filter(l -> !l.startsWith("#")).count();
                out.println("wrote " + target + " (" + lines + " elements)");
            }
            return 0;
        } catch (RegistryException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    // ------------------------------------------------------------------------------------ generation

    /**
     * Generates the registries, passing warnings to {@code warnings}.
     *
     * @return file name to content, in a fixed order
     * @throws RegistryException if a reference file is missing, malformed or holds an invalid record
     */
    public static Map<String, String> generate(Path referenceDir, Consumer<String> warnings) {
        Document iana = parse(referenceDir.resolve(IANA_SOURCE));
        Vocabulary vocabulary = new Vocabulary(
                names(iana, DATA_TYPES_REGISTRY), names(iana, SEMANTICS_REGISTRY), names(iana, UNITS_REGISTRY));

        List<Entry> ianaEntries = elements(IANA_SOURCE, iana, 0L, vocabulary, true, warnings);

        List<Entry> vendorEntries = new ArrayList<>();
        for (Map.Entry<String, Long> v : VENDOR_SOURCES.entrySet()) {
            Document doc = parse(referenceDir.resolve(v.getKey()));
            vendorEntries.addAll(elements(v.getKey(), doc, v.getValue(), vocabulary, false, warnings));
        }

        vendorEntries.addAll(logstashIpfixElements(referenceDir.resolve(LOGSTASH_IPFIX_SOURCE), vendorEntries, warnings));
        List<String> vendorSources = new ArrayList<>(VENDOR_SOURCES.keySet());
        vendorSources.add(LOGSTASH_IPFIX_SOURCE);

        Set<Integer> ianaIds = new HashSet<>();
        ianaEntries.forEach(e -> ianaIds.add(e.id()));
        List<Entry> netflow9Entries = netflow9Fields(referenceDir.resolve(NETFLOW9_SOURCE), ianaIds, warnings);

        Map<String, String> files = new LinkedHashMap<>();
        files.put(IANA_OUTPUT, render(List.of(IANA_SOURCE), ianaEntries, warnings));
        files.put(VENDOR_OUTPUT, render(vendorSources, vendorEntries, warnings));
        files.put(NETFLOW9_OUTPUT, render(List.of(NETFLOW9_SOURCE), netflow9Entries, warnings));
        return files;
    }

    private static final Pattern YAML_KEY = Pattern.compile("([0-9]+):\\s*");
    private static final Pattern YAML_ITEM = Pattern.compile("- +:?([A-Za-z0-9_]+)\\s*");

    /**
     * The NetFlow v9 field types of logstash's list that IANA has not assigned (vendor types: Cisco NSEL,
     * Streamcore, nProbe ...). The list's data types are mapped to RFC 7012 types: {@code :uint8..64},
     * {@code :ip4_addr}, {@code :ip6_addr}, {@code :mac_addr}, {@code :string}, {@code :double}, a byte count
     * (an unsigned integer of that size, else octets); anything else is {@value #FALLBACK_DATA_TYPE}.
     * Entries marked {@code :skip} are left out. Every entry has enterprise 0 and the v9 type as its id.
     */
    static List<Entry> netflow9Fields(Path file, Set<Integer> ianaIds, Consumer<String> warnings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + ": " + e, e);
        }
        List<Entry> out = new ArrayList<>();
        Integer type = null;
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "0:";
            var key = YAML_KEY.matcher(line);
            if (key.matches()) {
                if (type != null) {
                    Entry e = netflow9Entry(type, items, ianaIds, warnings);
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

    private static final Pattern YAML_PEN = Pattern.compile("([0-9]+):\\s*");
    private static final Pattern YAML_ID = Pattern.compile("  ([0-9]+):\\s*");
    private static final Pattern YAML_PEN_ITEM = Pattern.compile("  - +:?([A-Za-z0-9_]+)\\s*");

    /**
     * The enterprise elements of logstash's IPFIX list, each PEN but {@link #LOGSTASH_IPFIX_EXCLUDED_PENS}, where the
     * XML vendor registries ({@code xml}) do not define the same (PEN, id) or the same name in the PEN: those win.
     * Types are mapped as {@link #logstashType} says; entries marked {@code :skip}, without a type and a name, with
     * an id above 32767, or whose name an earlier id of the PEN has, are left out (with a warning but for
     * {@code :skip} and the XML's own).
     */
    static List<Entry> logstashIpfixElements(Path file, List<Entry> xml, Consumer<String> warnings) {
        Set<String> xmlKeys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Entry e : xml) {
            xmlKeys.add(e.enterprise() + "/" + e.id());
            names.add(e.enterprise() + "/" + e.name());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + ": " + e, e);
        }
        List<Entry> out = new ArrayList<>();
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
                Entry e = logstashIpfixEntry(pen, id, items, xmlKeys, warnings);
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

    private static Entry logstashIpfixEntry(long pen, int id, List<String> items, Set<String> xmlKeys, Consumer<String> warnings) {
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
        return new Entry(pen, id, items.get(1), logstashType(items.get(0)), DEFAULT_SEMANTICS, NO_UNIT, DEFAULT_STATUS);
    }

    /**
     * An RFC 7012 data type for a logstash type: {@code uint8..64}, {@code int8..64}, {@code float} (float32),
     * {@code double} (float64), {@code ip4_addr}, {@code ip6_addr}, {@code mac_addr}, {@code string}; a byte count
     * 1/2/4/8 is an unsigned integer of that size; anything else ({@code octetarray} ...) is
     * {@value #FALLBACK_DATA_TYPE}.
     */
    static String logstashType(String type) {
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

    private static Entry netflow9Entry(int type, List<String> items, Set<Integer> ianaIds, Consumer<String> warnings) {
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
        String dataType;
        switch (items.get(0)) {
            case "uint8": case "1": dataType = "unsigned8"; break;
            case "uint16": case "2": dataType = "unsigned16"; break;
            case "uint32": case "4": dataType = "unsigned32"; break;
            case "uint64": case "8": dataType = "unsigned64"; break;
            case "ip4_addr": dataType = "ipv4Address"; break;
            case "ip6_addr": dataType = "ipv6Address"; break;
            case "mac_addr": dataType = "macAddress"; break;
            case "string": dataType = "string"; break;
            case "double": dataType = "float64"; break;
            default: dataType = FALLBACK_DATA_TYPE; break;
        }
        // NetFlow v9 has no enterprise numbers: a vendor type is element (0, type), up to 65535. IPFIX
        // cannot produce enterprise 0 with an id over 32767 (the enterprise bit), so no clash there.
        return new Entry(0L, type, items.get(1), dataType, DEFAULT_SEMANTICS, NO_UNIT, DEFAULT_STATUS);
    }

    private static String render(List<String> sources, List<Entry> entries, Consumer<String> warnings) {
        List<Entry> sorted = new ArrayList<>(entries);
        // Stable sort: among duplicates the first in input order stays first.
        sorted.sort(Comparator.comparingLong(Entry::enterprise).thenComparingInt(Entry::id));
        StringBuilder sb = new StringBuilder();
        sb.append("# generated by flow-codec-generator RegistryGenerator from ")
                .append(String.join(", ", sources)).append(": do not edit\n");
        Set<String> seenIds = new HashSet<>();
        Map<String, Integer> seenNames = new HashMap<>();
        for (Entry e : sorted) {
            if (!seenIds.add(e.enterprise() + "/" + e.id())) {
                warnings.accept("duplicate element " + e.enterprise() + "/" + e.id() + " (" + e.name()
                        + "): kept the first record, dropped this one");
                continue;
            }
            Integer other = seenNames.putIfAbsent(e.enterprise() + "/" + e.name(), e.id());
            if (other != null) {
                warnings.accept("enterprise " + e.enterprise() + ": name " + e.name() + " is used by ids "
                        + other + " and " + e.id());
            }
            sb.append(e.line());
        }
        return sb.toString();
    }

    /** The elements of the {@value #ELEMENTS_REGISTRY} sub-registry of {@code doc}. */
    private static List<Entry> elements(String source, Document doc, long enterprise, Vocabulary vocabulary,
                                        boolean strict, Consumer<String> warnings) {
        Element registry = registry(doc, ELEMENTS_REGISTRY, source);
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Element record : children(registry, "record")) {
            String idText = text(record, "elementId");
            String dataType = text(record, "dataType");
            if (idText == null || !NUMBER.matcher(idText).matches() || dataType == null) {
                continue; // a range, a reservation or an unnamed deprecated slot: not an element
            }
            String where = source + " element " + idText;
            int id;
            try {
                id = Integer.parseInt(idText);
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (id < 0 || id > MAX_ELEMENT_ID) {
                errors.add(where + ": elementId out of range 0.." + MAX_ELEMENT_ID);
                continue;
            }
            String name = text(record, "name");
            if (name == null) {
                errors.add(where + ": no name");
                continue;
            }
            if (HAS_WHITESPACE_OR_CONTROL.matcher(name).find()) {
                errors.add(where + ": name '" + name + "' contains white space or control characters");
                continue;
            }
            where = where + " (" + name + ")";
            String semantics = text(record, "dataTypeSemantics");
            String unit = text(record, "units");
            String status = text(record, "status");

            if (strict) {
                check(where, "dataType", dataType, vocabulary.dataTypes(), DATA_TYPES_REGISTRY, errors);
                if (semantics != null) {
                    check(where, "dataTypeSemantics", semantics, vocabulary.semantics(), SEMANTICS_REGISTRY, errors);
                }
                if (unit != null) {
                    check(where, "units", unit, vocabulary.units(), UNITS_REGISTRY, errors);
                }
                if (status != null) {
                    check(where, "status", status, STATUSES, "RFC 7012 status values", errors);
                }
            } else {
                String mapped = map(dataType, vocabulary.dataTypes());
                if (mapped == null) {
                    warnings.accept(where + ": dataType '" + dataType + "' is not in " + DATA_TYPES_REGISTRY
                            + ": mapped to " + FALLBACK_DATA_TYPE + " with semantics " + DEFAULT_SEMANTICS);
                    dataType = FALLBACK_DATA_TYPE;
                    semantics = DEFAULT_SEMANTICS;
                } else if (!mapped.equals(dataType)) {
                    warnings.accept(where + ": dataType '" + dataType + "' mapped to IANA's " + mapped);
                    dataType = mapped;
                }
                if (semantics == null) {
                    warnings.accept(where + ": no dataTypeSemantics: used " + DEFAULT_SEMANTICS);
                } else {
                    semantics = mapOrDefault(where, "dataTypeSemantics", semantics, vocabulary.semantics(),
                            SEMANTICS_REGISTRY, DEFAULT_SEMANTICS, warnings);
                }
                if (unit != null) {
                    unit = mapOrDefault(where, "units", unit, vocabulary.units(), UNITS_REGISTRY, NO_UNIT, warnings);
                }
                if (status != null) {
                    status = mapOrDefault(where, "status", status, STATUSES, "RFC 7012 status values",
                            DEFAULT_STATUS, warnings);
                }
            }
            entries.add(new Entry(enterprise, id, name, dataType,
                    semantics == null ? DEFAULT_SEMANTICS : semantics,
                    unit == null ? NO_UNIT : unit,
                    status == null ? DEFAULT_STATUS : status));
        }
        if (!errors.isEmpty()) {
            throw new RegistryException(errors.size() + " invalid record(s):\n  " + String.join("\n  ", errors));
        }
        return entries;
    }

    private static void check(String where, String field, String value, Iterable<String> allowed,
                              String registry, List<String> errors) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        errors.add(where + ": " + field + " '" + value + "' is not in " + registry);
    }

    private static String mapOrDefault(String where, String field, String value, Iterable<String> allowed,
                                       String registry, String fallback, Consumer<String> warnings) {
        String mapped = map(value, allowed);
        if (mapped == null) {
            warnings.accept(where + ": " + field + " '" + value + "' is not in " + registry + ": used " + fallback);
            return fallback;
        }
        if (!mapped.equals(value)) {
            warnings.accept(where + ": " + field + " '" + value + "' mapped to IANA's " + mapped);
        }
        return mapped;
    }

    /** {@code value} itself if allowed, else the allowed name equal ignoring case, else null. */
    private static String map(String value, Iterable<String> allowed) {
        String folded = value.toLowerCase(Locale.ROOT);
        String match = null;
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
            if (match == null && a.toLowerCase(Locale.ROOT).equals(folded)) {
                match = a;
            }
        }
        return match;
    }

    /** The names ({@code description}) of the single-valued records of a vocabulary sub-registry. */
    private static Set<String> names(Document doc, String registryId) {
        Set<String> names = new LinkedHashSet<>();
        for (Element record : children(registry(doc, registryId, IANA_SOURCE), "record")) {
            String value = text(record, "value");
            String name = text(record, "description");
            if (value != null && NUMBER.matcher(value).matches() && name != null) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new RegistryException(IANA_SOURCE + ": sub-registry " + registryId + " has no values");
        }
        return Collections.unmodifiableSet(names);
    }

    // ---------------------------------------------------------------------------------------- XML

    private static Document parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RegistryException("reference file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not a problem for the registry
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(in, file.toUri().toString());
        } catch (ParserConfigurationException | SAXException e) {
            String at = e instanceof SAXParseException p
                    ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
            throw new RegistryException("cannot parse " + file + at + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + file + ": " + e, e);
        }
    }

    private static Element registry(Document doc, String id, String source) {
        NodeList all = doc.getElementsByTagNameNS(NS, "registry");
        Element found = null;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                if (found != null) {
                    throw new RegistryException(source + ": more than one sub-registry " + id);
                }
                found = e;
            }
        }
        if (found == null) {
            throw new RegistryException(source + ": no sub-registry " + id + " in namespace " + NS);
        }
        return found;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && NS.equals(n.getNamespaceURI())
                    && localName.equals(n.getLocalName())) {
                result.add((Element) n);
            }
        }
        return result;
    }

    /** The trimmed text of the first child element {@code localName}; null if absent or blank. */
    private static String text(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        if (c.isEmpty()) {
            return null;
        }
        String t = c.get(0).getTextContent().strip();
        return t.isEmpty() ? null : t;
    }
}
