package no.torn.competence.domain;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The "implies" relation of the catalogue. Holding a type means holding everything it implies, transitively
 * (intensive-care specialist nurse implies nurse). Cycles are refused: they would make two types the same thing.
 */
public final class ImplicationGraph {

    private final Map<String, Set<String>> direct;

    public ImplicationGraph(Map<String, Set<String>> direct) {
        this.direct = new TreeMap<>(direct);
    }

    /** Every type reachable from {@code code}, excluding itself, sorted. */
    public Set<String> impliedBy(String code) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(direct.getOrDefault(code, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(direct.getOrDefault(next, Set.of()));
            }
        }
        seen.remove(code);
        return seen;
    }

    /** A type that implies itself through others, if there is one. */
    public Optional<List<String>> findCycle() {
        for (String code : direct.keySet()) {
            Set<String> reach = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(direct.getOrDefault(code, Set.of()));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (next.equals(code)) {
                    return Optional.of(List.of(code));
                }
                if (reach.add(next)) {
                    todo.addAll(direct.getOrDefault(next, Set.of()));
                }
            }
        }
        return Optional.empty();
    }

    /** Reflexive-transitive closure: each type maps to itself and everything it implies. */
    public Map<String, Set<String>> closure() {
        Map<String, Set<String>> result = new TreeMap<>();
        for (String code : direct.keySet()) {
            Set<String> all = new TreeSet<>(impliedBy(code));
            all.add(code);
            result.put(code, all);
        }
        return result;
    }
}
