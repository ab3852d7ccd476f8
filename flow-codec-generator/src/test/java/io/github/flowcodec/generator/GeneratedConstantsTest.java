package io.github.flowcodec.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The generated constants classes: a constant for every element of the registries, one vendor class per PEN and no
 * stray one, constant names as a user would write them, NetFlow v9 names that agree with an independent list.
 */
class GeneratedConstantsTest {

    private static final Path REFERENCE_DIR = Path.of("../../shared/reference");
    private static final Path CORE_DIR = Path.of("../flow-codec-core");
    private static final Pattern CONSTANT =
            Pattern.compile("public static final InformationElement ([A-Z_][A-Z0-9_]*) = element\\((\\w+), (\\d+)\\);");

    private static Map<String, String> cache;

    private static synchronized Map<String, String> generated() {
        Assumptions.assumeTrue(Files.isDirectory(REFERENCE_DIR),
                "../shared/reference is absent: cannot check the generated classes");
        if (cache == null) {
            cache = RegistryGenerator.generate(REFERENCE_DIR, w -> { });
        }
        return cache;
    }

    /** (enterprise, id) of each element line of a generated registry. */
    private static Set<String> registryKeys(String file) {
        return generated().get(file).lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("\t")[0] + "/" + l.split("\t")[1]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** (enterprise, id) of each constant of a generated class, PEN standing for {@code pen}. */
    private static Set<String> constantKeys(String source, long pen) {
        Set<String> keys = new TreeSet<>();
        Matcher m = CONSTANT.matcher(source);
        while (m.find()) {
            String enterprise = m.group(2).equals("PEN") ? String.valueOf(pen) : m.group(2);
            assertThat(keys.add(enterprise + "/" + m.group(3))).as("constant %s repeats an element", m.group(1)).isTrue();
        }
        return keys;
    }

    @Test
    void ianaHasAConstantPerElement() {
        String iana = generated().get(RegistryGenerator.IANA_CLASS_OUTPUT);
        assertThat(constantKeys(iana, 0)).isEqualTo(registryKeys(RegistryGenerator.IANA_OUTPUT));
        assertThat(iana).contains("public static final InformationElement OCTET_DELTA_COUNT = element(0, 1);",
                "public static final InformationElement SOURCE_IPV4_ADDRESS = element(0, 8);",
                "public static final InformationElement POST_NAT_SOURCE_IPV4_ADDRESS = element(0, 225);",
                "public static final InformationElement SUB_TEMPLATE_LIST = element(0, 292);");
    }

    @Test
    void everyVendorPenHasItsClassWithAConstantPerElement() {
        Map<Long, Set<String>> byPen = new TreeMap<>();
        for (String key : registryKeys(RegistryGenerator.VENDOR_OUTPUT)) {
            byPen.computeIfAbsent(Long.parseLong(key.split("/")[0]), k -> new TreeSet<>()).add(key);
        }
        Pattern pen = Pattern.compile("public static final long PEN = (\\d+)L;");
        Map<Long, String> classOfPen = new TreeMap<>();
        for (Map.Entry<String, String> f : generated().entrySet()) {
            if (f.getKey().startsWith(RegistryGenerator.VENDOR_CLASS_DIR) && !f.getKey().endsWith("package-info.java")) {
                Matcher m = pen.matcher(f.getValue());
                assertThat(m.find()).as("%s declares its PEN", f.getKey()).isTrue();
                long p = Long.parseLong(m.group(1));
                assertThat(classOfPen.put(p, f.getKey())).as("two classes for PEN %s", p).isNull();
                assertThat(constantKeys(f.getValue(), p)).as(f.getKey()).isEqualTo(byPen.get(p));
            }
        }
        assertThat(classOfPen.keySet()).isEqualTo(byPen.keySet());
        assertThat(classOfPen).containsEntry(6876L, RegistryGenerator.VENDOR_CLASS_DIR + "Vmware.java")
                .containsEntry(637L, RegistryGenerator.VENDOR_CLASS_DIR + "Nokia.java")
                .containsEntry(2011L, RegistryGenerator.VENDOR_CLASS_DIR + "Huawei.java")
                .containsEntry(9L, RegistryGenerator.VENDOR_CLASS_DIR + "Cisco.java");
        String packageInfo = generated().get(RegistryGenerator.VENDOR_CLASS_DIR + "package-info.java");
        for (String file : classOfPen.values()) {
            String className = file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
            assertThat(packageInfo).contains("{@link " + className + "}");
        }
    }

    /** A PEN that leaves the registries must not leave its class behind in the committed tree. */
    @Test
    void noStrayVendorClassIsCommitted() throws IOException {
        Path dir = CORE_DIR.resolve(RegistryGenerator.VENDOR_CLASS_DIR);
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " is absent");
        List<String> committed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> committed.add(RegistryGenerator.VENDOR_CLASS_DIR + f.getFileName()));
        }
        assertThat(generated().keySet()).containsAll(committed);
    }

    @Test
    void constantNamesAreUpperSnakeCaseOfTheElementNames() {
        Map<String, String> expected = Map.of(
                "octetDeltaCount", "OCTET_DELTA_COUNT",
                "sourceIPv4Address", "SOURCE_IPV4_ADDRESS",
                "postNATSourceIPv4Address", "POST_NAT_SOURCE_IPV4_ADDRESS",
                "postMCastPacketDeltaCount", "POST_MCAST_PACKET_DELTA_COUNT",
                "dot1qVlanId", "DOT1Q_VLAN_ID",
                "ipv4IHL", "IPV4_IHL",
                "conntrack_id", "CONNTRACK_ID",
                "flowDirection ", "FLOW_DIRECTION",
                "3gppThing", "_3GPP_THING");
        expected.forEach((name, constant) -> assertThat(JavaConstants.constantName(name)).as(name).isEqualTo(constant));
    }

    /** RFC 3954 / Cisco numbers, as the issue and every v9 document state them. */
    @Test
    void netflow9NamesKnownFacts() {
        Map<String, Integer> types = Netflow9Names.names().stream()
                .collect(Collectors.toMap(Netflow9Names.Name::name, Netflow9Names.Name::type));
        assertThat(types).containsEntry("IN_BYTES", 1).containsEntry("IN_PKTS", 2).containsEntry("FLOWS", 3)
                .containsEntry("PROTOCOL", 4).containsEntry("SRC_TOS", 5).containsEntry("TCP_FLAGS", 6)
                .containsEntry("L4_SRC_PORT", 7).containsEntry("IPV4_SRC_ADDR", 8).containsEntry("SRC_MASK", 9)
                .containsEntry("INPUT_SNMP", 10).containsEntry("OUT_BYTES", 23).containsEntry("OUTPUT_SNMP", 14)
                .containsEntry("IPV6_SRC_ADDR", 27).containsEntry("MPLS_LABEL_1", 70).containsEntry("MPLS_LABEL_10", 79)
                .containsEntry("APPLICATION_NAME", 96).doesNotContainValue(43).doesNotContainValue(87);
        String fields = generated().get(RegistryGenerator.NETFLOW9_CLASS_OUTPUT);
        assertThat(fields).contains("public static final InformationElement IN_BYTES = Iana.OCTET_DELTA_COUNT;",
                "public static final InformationElement L4_SRC_PORT = Iana.SOURCE_TRANSPORT_PORT;",
                "public static final InformationElement INPUT_SNMP = Iana.INGRESS_INTERFACE;");
        for (Netflow9Names.Name n : Netflow9Names.names()) {
            assertThat(fields).contains("Map.entry(\"" + n.name() + "\", " + n.name() + ")");
        }
    }

    /**
     * logstash's v9 list (an independent transcription of Cisco's list) names types 1-96 in lower case: each of its
     * names, upper-cased, is one of ours for the same type. The one difference: logstash calls type 95
     * {@code application_id} (IANA's name), Cisco {@code APPLICATION_TAG}.
     */
    @Test
    void netflow9NamesAgreeWithLogstashsList() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REFERENCE_DIR), "../shared/reference is absent");
        List<String> lines = Files.readAllLines(REFERENCE_DIR.resolve(RegistryGenerator.NETFLOW9_SOURCE),
                StandardCharsets.UTF_8);
        Map<Integer, Set<String>> ours = Netflow9Names.names().stream().collect(Collectors.groupingBy(
                Netflow9Names.Name::type, Collectors.mapping(Netflow9Names.Name::name, Collectors.toSet())));
        Pattern key = Pattern.compile("(\\d+):\\s*");
        Pattern snakeName = Pattern.compile("- :([a-z0-9_]+)\\s*");
        int type = -1;
        int checked = 0;
        for (String line : lines) {
            Matcher k = key.matcher(line);
            Matcher n = snakeName.matcher(line);
            if (k.matches()) {
                type = Integer.parseInt(k.group(1));
            } else if (n.matches() && type >= 1 && type <= 96 && !n.group(1).matches("skip|uint\\d+|ip[46]_addr|mac_addr|string")
                    && type != 95) {
                assertThat(ours.get(type)).as("type %d, logstash's %s", type, n.group(1))
                        .isNotNull().contains(n.group(1).toUpperCase(java.util.Locale.ROOT));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(70);
    }
}
