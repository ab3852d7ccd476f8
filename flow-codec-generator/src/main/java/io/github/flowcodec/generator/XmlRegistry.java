package io.github.flowcodec.generator;

import static io.github.flowcodec.generator.RegistryEntry.DEFAULT_SEMANTICS;
import static io.github.flowcodec.generator.RegistryEntry.DEFAULT_STATUS;
import static io.github.flowcodec.generator.RegistryEntry.FALLBACK_DATA_TYPE;
import static io.github.flowcodec.generator.RegistryEntry.MAX_ELEMENT_ID;
import static io.github.flowcodec.generator.RegistryEntry.NO_UNIT;
import static io.github.flowcodec.generator.RegistryGenerator.NS;

import io.github.flowcodec.generator.RegistryGenerator.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * One registry file in IANA's XML format (IANA's IPFIX registry, or a vendor registry in the same format), parsed
 * with the JDK's DOM parser, doctypes and external entities refused. For example
 * {@code XmlRegistry iana = XmlRegistry.read(referenceDir, "iana-ipfix.xml");
 * iana.elements(0, iana.vocabulary(), true, warnings::add)} is IANA's elements.
 */
final class XmlRegistry {

    static final String ELEMENTS_REGISTRY = "ipfix-information-elements";
    static final String DATA_TYPES_REGISTRY = "ipfix-information-element-data-types";
    static final String SEMANTICS_REGISTRY = "ipfix-information-element-semantics";
    static final String UNITS_REGISTRY = "ipfix-information-element-units";

    /** Status values of RFC 7012 section 4 (not an IANA sub-registry). */
    static final List<String> STATUSES = List.of("current", "deprecated", "obsolete");

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern HAS_WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]");

    /** IANA's names of data types, semantics and units. */
    record Vocabulary(Set<String> dataTypes, Set<String> semantics, Set<String> units) {
    }

    private final String source;
    private final Document doc;

    private XmlRegistry(String source, Document doc) {
        this.source = source;
        this.doc = doc;
    }

    /**
     * Parses the file {@code source} (relative to {@code referenceDir}, and the name messages give it).
     *
     * @throws RegistryException if the file is missing or not well-formed XML
     */
    static XmlRegistry read(Path referenceDir, String source) {
        return new XmlRegistry(source, parse(referenceDir.resolve(source)));
    }

    /** The names of data types, semantics and units of this (IANA's) registry's sub-registries. */
    Vocabulary vocabulary() {
        return new Vocabulary(names(DATA_TYPES_REGISTRY), names(SEMANTICS_REGISTRY), names(UNITS_REGISTRY));
    }

    /**
     * The elements of the {@value #ELEMENTS_REGISTRY} sub-registry, all of {@code enterprise}. Strict (IANA's own
     * file): a value not in {@code vocabulary} is an error; else it is mapped, with a warning.
     *
     * @throws RegistryException listing every invalid record
     */
    List<RegistryEntry> elements(long enterprise, Vocabulary vocabulary, boolean strict, Consumer<String> warnings) {
        Element registry = registry(ELEMENTS_REGISTRY);
        List<RegistryEntry> entries = new ArrayList<>();
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
            entries.add(new RegistryEntry(enterprise, id, name, dataType,
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
    private Set<String> names(String registryId) {
        Set<String> names = new LinkedHashSet<>();
        for (Element record : children(registry(registryId), "record")) {
            String value = text(record, "value");
            String name = text(record, "description");
            if (value != null && NUMBER.matcher(value).matches() && name != null) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new RegistryException(source + ": sub-registry " + registryId + " has no values");
        }
        return Collections.unmodifiableSet(names);
    }

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

    private Element registry(String id) {
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
