package io.github.flowcodec.generator;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates the information-element registries shipped in flow-codec-core from the reference
 * registry files: IANA's IPFIX registry ({@code iana-ipfix.xml}) and vendor registries in the same
 * XML format ({@code vendor/*-elements.xml}, which carry no PEN: the PEN of each file is fixed here);
 * and the constants classes of their elements ({@code Iana}, one class per vendor PEN in
 * {@code io.github.flowcodec.core.vendor}, {@code Netflow9Fields} for the NetFlow v9 names of
 * {@link Netflow9Names}), rendered by {@link JavaConstants}.
 *
 * <p>Uses the JDK only, so that it compiles and runs with the JDK's tools alone, from the project root:
 *
 * <pre>
 * javac -d flow-codec-generator/target/classes flow-codec-generator/src/main/java/io/github/flowcodec/generator/*.java
 * java -cp flow-codec-generator/target/classes io.github.flowcodec.generator.RegistryGenerator \
 *      ../shared/reference flow-codec-core
 * </pre>
 *
 * <p>The IANA-format XML files are read by {@link XmlRegistry}, logstash's field lists by
 * {@link LogstashFieldLists}; this class puts their elements together and renders the files.
 *
 * <p>Registry output (UTF-8, '\n' line ends): a comment line naming the sources, then one line per element,
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

    /** Where the registries go, relative to the flow-codec-core module directory. */
    public static final String RESOURCES = "src/generated/resources/io/github/flowcodec/core/";

    /** Where the constants classes go, relative to the flow-codec-core module directory. */
    public static final String SOURCES = "src/generated/java/io/github/flowcodec/core/";

    /** Output file of IANA's elements (enterprise 0). */
    public static final String IANA_OUTPUT = RESOURCES + "iana-elements.tsv";

    /** Output file of the vendor elements. */
    public static final String VENDOR_OUTPUT = RESOURCES + "vendor-elements.tsv";

    /** The constants of IANA's elements. */
    public static final String IANA_CLASS_OUTPUT = SOURCES + "Iana.java";

    /** The constants and look-up of the NetFlow v9 field names. */
    public static final String NETFLOW9_CLASS_OUTPUT = SOURCES + "Netflow9Fields.java";

    /** The directory of the vendor constants classes (one per PEN) and their package-info. */
    public static final String VENDOR_CLASS_DIR = SOURCES + "vendor/";

    /** NetFlow v9 field list (logstash's YAML: {@code type: [dataType or length, :name]}). */
    public static final String NETFLOW9_SOURCE = "vendor/logstash-netflow9-fields.yaml";

    /** Output file of the NetFlow v9 field types that IANA has not assigned. */
    public static final String NETFLOW9_OUTPUT = RESOURCES + "netflow9-elements.tsv";

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

    /**
     * The constants class and the vendor of each PEN (IANA's enterprise-numbers registry); a PEN not listed gets a
     * class named {@code Pen<number>}.
     */
    public static final Map<Long, List<String>> VENDOR_CLASSES = vendorClasses();

    private RegistryGenerator() {
    }

    /** PEN, class name, vendor: one line each. */
    private static final String VENDOR_TABLE = """
            9      Cisco      Cisco Systems
            637    Nokia      Nokia (Alcatel-Lucent)
            2011   Huawei     Huawei
            3054   Ixia       Ixia
            5951   Netscaler  Citrix NetScaler
            6871   Cert       CERT Coordination Center (YAF)
            6876   Vmware     VMware
            10704  Barracuda  Barracuda Networks
            15397  Procera    Procera Networks
            26866  Gigamon    Gigamon
            41916  Viptela    Viptela
            9789   Astaro     Astaro (Sophos UTM application flow control)
            21373  Netfilter  the netfilter project (ulogd)
            """;

    private static Map<Long, List<String>> vendorClasses() {
        Map<Long, List<String>> m = new LinkedHashMap<>();
        for (String line : VENDOR_TABLE.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+", 3);
            m.put(Long.parseLong(parts[0]), List.of(parts[1], parts[2]));
        }
        return Collections.unmodifiableMap(m);
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
     * Runs the command line: {@code <referenceDir> <coreModuleDir>}.
     *
     * @return the exit status: 0 success, 1 bad input, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[0].isBlank() || args[1].isBlank()) {
            err.println("usage: java -cp <classes> " + RegistryGenerator.class.getName() + " <referenceDir> <coreModuleDir>");
            err.println("  referenceDir  directory holding " + IANA_SOURCE + " and "
                    + String.join(", ", VENDOR_SOURCES.keySet()));
            err.println("  coreModuleDir the flow-codec-core module directory: writes " + IANA_OUTPUT + ", "
                    + VENDOR_OUTPUT + ", " + NETFLOW9_OUTPUT + ", " + IANA_CLASS_OUTPUT + ", "
                    + NETFLOW9_CLASS_OUTPUT + " and " + VENDOR_CLASS_DIR + "*.java below it");
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
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = outputDir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                out.println("wrote " + target);
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
        XmlRegistry ianaXml = XmlRegistry.read(referenceDir, IANA_SOURCE);
        XmlRegistry.Vocabulary vocabulary = ianaXml.vocabulary();

        List<RegistryEntry> ianaEntries = ianaXml.elements(0L, vocabulary, true, warnings);

        List<RegistryEntry> vendorEntries = new ArrayList<>();
        for (Map.Entry<String, Long> v : VENDOR_SOURCES.entrySet()) {
            XmlRegistry vendor = XmlRegistry.read(referenceDir, v.getKey());
            vendorEntries.addAll(vendor.elements(v.getValue(), vocabulary, false, warnings));
        }

        vendorEntries.addAll(
                LogstashFieldLists.ipfixElements(referenceDir.resolve(LOGSTASH_IPFIX_SOURCE), vendorEntries, warnings));
        List<String> vendorSources = new ArrayList<>(VENDOR_SOURCES.keySet());
        vendorSources.add(LOGSTASH_IPFIX_SOURCE);

        Set<Integer> ianaIds = new HashSet<>();
        ianaEntries.forEach(e -> ianaIds.add(e.id()));
        List<RegistryEntry> netflow9Entries =
                LogstashFieldLists.netflow9Fields(referenceDir.resolve(NETFLOW9_SOURCE), ianaIds, warnings);

        List<RegistryEntry> iana = unique(ianaEntries, warnings);
        List<RegistryEntry> vendor = unique(vendorEntries, warnings);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(IANA_OUTPUT, render(List.of(IANA_SOURCE), iana));
        files.put(VENDOR_OUTPUT, render(vendorSources, vendor));
        files.put(NETFLOW9_OUTPUT, render(List.of(NETFLOW9_SOURCE), unique(netflow9Entries, warnings)));
        files.put(IANA_CLASS_OUTPUT, JavaConstants.iana(iana, warnings));
        Map<Integer, RegistryEntry> ianaById = new HashMap<>();
        iana.forEach(e -> ianaById.put(e.id(), e));
        files.put(NETFLOW9_CLASS_OUTPUT, JavaConstants.netflow9(Netflow9Names.names(), ianaById));
        files.putAll(vendorClasses(vendor, warnings));
        return files;
    }

    /** A class per PEN of the vendor elements, and the package-info listing them. */
    private static Map<String, String> vendorClasses(List<RegistryEntry> vendor, Consumer<String> warnings) {
        Map<Long, List<RegistryEntry>> byPen = new LinkedHashMap<>();
        for (RegistryEntry e : vendor) {
            byPen.computeIfAbsent(e.enterprise(), k -> new ArrayList<>()).add(e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        for (Map.Entry<Long, List<RegistryEntry>> pen : byPen.entrySet()) {
            List<String> named = VENDOR_CLASSES.getOrDefault(pen.getKey(),
                    List.of("Pen" + pen.getKey(), "the vendor of PEN " + pen.getKey()));
            if (classes.put(named.get(0), named.get(1)) != null) {
                throw new RegistryException("two PENs have the class name " + named.get(0));
            }
            files.put(VENDOR_CLASS_DIR + named.get(0) + ".java",
                    JavaConstants.vendor(named.get(0), named.get(1), pen.getKey(), pen.getValue(), warnings));
        }
        files.put(VENDOR_CLASS_DIR + "package-info.java", JavaConstants.vendorPackageInfo(classes));
        return files;
    }

    /**
     * The entries sorted by enterprise then id, the first of each (enterprise, id) kept (a warning for the others),
     * a warning for a name two ids of an enterprise share.
     */
    private static List<RegistryEntry> unique(List<RegistryEntry> entries, Consumer<String> warnings) {
        List<RegistryEntry> sorted = new ArrayList<>(entries);
        // Stable sort: among duplicates the first in input order stays first.
        sorted.sort(Comparator.comparingLong(RegistryEntry::enterprise).thenComparingInt(RegistryEntry::id));
        List<RegistryEntry> out = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        Map<String, Integer> seenNames = new HashMap<>();
        for (RegistryEntry e : sorted) {
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
            out.add(e);
        }
        return out;
    }

    private static String render(List<String> sources, List<RegistryEntry> entries) {
        StringBuilder sb = new StringBuilder();
        sb.append("# generated by flow-codec-generator RegistryGenerator from ")
                .append(String.join(", ", sources)).append(": do not edit\n");
        for (RegistryEntry e : entries) {
            sb.append(e.line());
        }
        return sb.toString();
    }
}
