package io.github.flowcodec.core.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The constants of an enum that mirrors an IANA registry (data types, data type semantics, units), found by
 * their code or by their name, with the registry's name in the error for one it does not hold. Immutable.
 *
 * <pre>{@code
 * IanaRegistryIndex<Unit> units = new IanaRegistryIndex<>("IPFIX unit", Unit.values(), Unit::code, Unit::ianaName);
 * units.byCode(2);            // Unit.OCTETS
 * units.byName("octets");     // Unit.OCTETS
 * units.byCode(99);           // IllegalArgumentException: unknown IPFIX unit code 99
 * }</pre>
 *
 * @param <E> the enum
 */
public final class IanaRegistryIndex<E extends Enum<E>> {

    private final String registry;
    /** Indexed by code; null where no constant has the code. */
    private final E[] byCode;
    private final Map<String, E> byName = new HashMap<>();

    /**
     * @param registry what the registry is called in errors, e.g. {@code "IPFIX unit"}
     * @param constants every constant, each with a code of 0 or more and a name of its own
     */
    public IanaRegistryIndex(String registry, E[] constants, ToIntFunction<E> code, Function<E, String> name) {
        this.registry = registry;
        int max = Arrays.stream(constants).mapToInt(code).max().orElse(-1);
        this.byCode = Arrays.copyOf(constants, max + 1);
        Arrays.fill(byCode, null);
        for (E c : constants) {
            byCode[code.applyAsInt(c)] = c;
            byName.put(name.apply(c), c);
        }
    }

    /**
     * The constant with an IANA code.
     *
     * @throws IllegalArgumentException if none has it
     */
    public E byCode(int code) {
        E c = code >= 0 && code < byCode.length ? byCode[code] : null;
        if (c == null) {
            throw new IllegalArgumentException("unknown " + registry + " code " + code);
        }
        return c;
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
