package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Netflow9Fields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable registry backed by hash maps. */
public final class MapRegistry implements InformationElementRegistry {

    private final Map<Long, InformationElement> byKey;
    private final Map<String, InformationElement> byName;
    private final List<InformationElement> elements;

    public MapRegistry(Collection<InformationElement> elements) {
        Map<Long, InformationElement> keys = new LinkedHashMap<>();
        for (InformationElement e : elements) {
            keys.put(e.key(), e);
        }
        List<InformationElement> sorted = new ArrayList<>(keys.values());
        sorted.sort(Comparator.comparingLong(InformationElement::enterprise).thenComparingInt(InformationElement::id));
        Map<String, InformationElement> names = new HashMap<>();
        for (InformationElement e : sorted) {
            names.putIfAbsent(e.name(), e);
        }
        this.byKey = new HashMap<>(keys);
        this.byName = names;
        this.elements = Collections.unmodifiableList(sorted);
    }

    public static InformationElementRegistry merge(InformationElementRegistry base, InformationElementRegistry other) {
        List<InformationElement> all = new ArrayList<>(base.elements());
        all.addAll(other.elements());
        return new MapRegistry(all);
    }

    @Override
    public Optional<InformationElement> find(long enterprise, int id) {
        return Optional.ofNullable(byKey.get(InformationElement.key(enterprise, id)));
    }

    @Override
    public Optional<InformationElement> find(String name) {
        InformationElement e = byName.get(name);
        if (e != null) {
            return Optional.of(e);
        }
        return Netflow9Fields.find(name).flatMap(v9 -> find(v9.enterprise(), v9.id()));
    }

    @Override
    public Collection<InformationElement> elements() {
        return elements;
    }

    @Override
    public String toString() {
        return "InformationElementRegistry[" + elements.size() + " elements]";
    }
}
