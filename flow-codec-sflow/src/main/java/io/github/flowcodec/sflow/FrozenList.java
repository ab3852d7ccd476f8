package io.github.flowcodec.sflow;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array of its own, made in one copy: what the decoder hands an {@link SflowPacket}, which
 * keeps it as it is where {@link List#copyOf} would copy twice (to an array, then to its list). Nulls never get in.
 *
 * <pre>{@code
 * List<FlowRecord> records = FrozenList.of(gathering);   // an ArrayList, reused
 * }</pre>
 *
 * @param <E> the element type
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

    private final Object[] elements;

    private FrozenList(Object[] elements) {
        this.elements = elements;
    }

    /** The elements of {@code list} (none null), copied once. */
    static <E> List<E> of(List<E> list) {
        return new FrozenList<>(list.toArray());
    }

    /** {@code list} if it is a frozen list, else an unmodifiable copy. */
    static <E> List<E> copyOf(List<E> list) {
        return list instanceof FrozenList<E> ? list : List.copyOf(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        return (E) elements[index];
    }

    @Override
    public int size() {
        return elements.length;
    }
}
