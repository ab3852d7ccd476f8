package io.github.flowcodec.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The constants of an enum that mirrors an IANA registry (data types, data type semantics, units): each
 * constant's code is its position (the registries are numbered 0, 1, 2, ... with no gap) and its name the
 * constant's name in camelCase ({@code DATE_TIME_SECONDS} is {@code "dateTimeSeconds"}) unless given apart.
 * Finds a constant by its code or by its name, with the registry's name in the error for one it does not
 * hold. Immutable.
 *
 * <pre>{@code
 * IanaRegistryIndex<Unit> units = new IanaRegistryIndex<>("IPFIX unit", Unit.values(),
 *         Map.of(Unit.FOUR_OCTET_WORDS, "4-octet words"));
 * units.name(Unit.OCTETS);    // "octets"
 * units.byCode(2);            // Unit.OCTETS
 * units.byName("octets");     // Unit.OCTETS
 * units.byCode(99);           // IllegalArgumentException: unknown IPFIX unit code 99
 * }</pre>
 *
 * @param <E> the enum
 */
public final class IanaRegistryIndex<E extends Enum<E>> {

    private final String registry;
    /** Every constant, in code order ({@code values()}). */
    private final E[] byCode;
    /** The IANA names, by code. */
    private final String[] names;
    private final Map<String, E> byName = new HashMap<>();

    /**
     * @param registry what the registry is called in errors, e.g. {@code "IPFIX unit"}
     * @param constants every constant ({@code values()}): constant i has code i
     */
    public IanaRegistryIndex(String registry, E[] constants) {
        this(registry, constants, Map.of());
    }

    /**
     * @param registry what the registry is called in errors, e.g. {@code "IPFIX unit"}
     * @param constants every constant ({@code values()}): constant i has code i
     * @param otherNames the names that are not the constant's name in camelCase
     */
    public IanaRegistryIndex(String registry, E[] constants, Map<E, String> otherNames) {
        this.registry = registry;
        this.byCode = constants.clone();
        this.names = new String[constants.length];
        for (E c : constants) {
            String name = otherNames.getOrDefault(c, camelCase(c.name()));
            names[c.ordinal()] = name;
            byName.put(name, c);
        }
    }

    /** {@code "DATE_TIME_SECONDS"} as {@code "dateTimeSeconds"}. */
    static String camelCase(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return s.toString();
    }

    /** The IANA name of a constant. */
    public String name(E constant) {
        return names[constant.ordinal()];
    }

    /**
     * The constant with an IANA code.
     *
     * @throws IllegalArgumentException if none has it
     */
    public E byCode(int code) {
        if (code < 0 || code >= byCode.length) {
            throw new IllegalArgumentException("unknown " + registry + " code " + code);
        }
        return byCode[code];
    }

    /**
     * The constant with an IANA name.
     *
     * @throws IllegalArgumentException if none has it
     */
    public E byName(String name) {
        E c = byName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown " + registry + " " + name);
        }
        return c;
    }
}
