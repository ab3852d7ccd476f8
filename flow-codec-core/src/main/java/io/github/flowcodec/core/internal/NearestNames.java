package io.github.flowcodec.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The known names nearest to a name nobody knows, by edit distance (Levenshtein, ignoring case), for the message of
 * a failed look-up. Only on the error path: it measures every known name.
 *
 * <pre>{@code
 * NearestNames.nearest("IN_BYTE", List.of("IN_BYTES", "IN_PKTS", "OUT_BYTES")); // [IN_BYTES, OUT_BYTES, IN_PKTS]
 * throw NearestNames.unknown("NetFlow v9 field", "IN_BYTE", names);
 * // IllegalArgumentException: no NetFlow v9 field named "IN_BYTE"; nearest: IN_BYTES, OUT_BYTES, ...
 * }</pre>
 */
public final class NearestNames {

    /** How many names a message lists at most. */
    public static final int MAX = 5;

    private NearestNames() {
    }

    /** A name and its distance to the one asked for. */
    private record Candidate(String name, int distance) {
    }

    /**
     * The exception for an unknown name, listing the {@link #MAX} nearest known names.
     *
     * @param what what the names name, e.g. {@code "information element"}
     */
    public static IllegalArgumentException unknown(String what, String name, Collection<String> known) {
        Objects.requireNonNull(name, "name");
        List<String> nearest = nearest(name, known);
        return new IllegalArgumentException("no " + what + " named \"" + name + "\""
                + (nearest.isEmpty() ? "" : "; nearest: " + String.join(", ", nearest)));
    }

    /** The up to {@link #MAX} known names nearest to {@code name}, nearest first (ties by name), no repeats. */
    public static List<String> nearest(String name, Collection<String> known) {
        String query = name.toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>(known.size());
        for (String k : known) {
            candidates.add(new Candidate(k, distance(query, k.toLowerCase(Locale.ROOT))));
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
        List<String> out = new ArrayList<>(MAX);
        for (Candidate c : candidates) {
            if (out.size() == MAX) {
                break;
            }
            if (!out.contains(c.name())) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The Levenshtein distance: the fewest one-character insertions, deletions and substitutions from a to b. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
