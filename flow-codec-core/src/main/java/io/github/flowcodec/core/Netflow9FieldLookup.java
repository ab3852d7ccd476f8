package io.github.flowcodec.core;

import io.github.flowcodec.core.internal.NearestNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The look-ups by name of {@link Netflow9Fields}: its public static methods are {@code Netflow9Fields}'
 * ({@code Netflow9Fields.require("IN_BYTES")}). The generated class holds only the constants and their table
 * ({@code Netflow9Fields.TABLE}); the look-ups are written here, by hand, once.
 */
abstract class Netflow9FieldLookup {

    Netflow9FieldLookup() {
    }

    /** The generated table as a map and a list, made at the first look-up. */
    private static final class Names {
        static final Map<String, InformationElement> BY_NAME = new HashMap<>();
        static final List<String> NAMES;

        static {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, InformationElement> e : Netflow9Fields.TABLE) {
                BY_NAME.put(e.getKey(), e.getValue());
                names.add(e.getKey());
            }
            NAMES = Collections.unmodifiableList(names);
        }
    }

    /**
     * The element of a NetFlow v9 field name.
     *
     * @param name a name as RFC 3954 or Cisco spell it, e.g. {@code "IN_BYTES"} (case matters)
     * @return the element, or empty if no v9 field has the name
     */
    public static Optional<InformationElement> find(String name) {
        return Optional.ofNullable(Names.BY_NAME.get(name));
    }

    /**
     * The element of a NetFlow v9 field name.
     *
     * @param name a name as RFC 3954 or Cisco spell it, e.g. {@code "IN_BYTES"}
     * @return the element
     * @throws IllegalArgumentException if no v9 field has the name; the message lists the nearest names
     */
    public static InformationElement require(String name) {
        InformationElement e = Names.BY_NAME.get(name);
        if (e == null) {
            throw NearestNames.unknown("NetFlow v9 field", name, Names.NAMES);
        }
        return e;
    }

    /**
     * Every NetFlow v9 field name, by type (a type's other spellings after its first).
     *
     * @return the names, unmodifiable
     */
    public static List<String> names() {
        return Names.NAMES;
    }
}
