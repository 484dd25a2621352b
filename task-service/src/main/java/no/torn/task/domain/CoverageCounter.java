package no.torn.task.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts, for every task, the employees {@link SharingDecision} admits, fast enough for a whole catalogue over a
 * large unit: competence codes become bit positions, employees with the same group and codes collapse into one
 * profile, and "holds every required code" is a mask test. The rule itself is {@link SharingDecision}'s; a test
 * compares both on random units.
 */
public final class CoverageCounter {

    private final Map<String, Integer> bits = new HashMap<>();
    private final int words;
    private final Map<Profile, int[]> profiles = new HashMap<>();
    private final Predicate<String> healthProfession;
    /** Profiles laid out as arrays once all employees are added: the inner loop of {@link #count}. */
    private String[] groups;
    private boolean[] health;
    private Mask[] masks;
    private int[] counts;

    private record Profile(String group, Mask codes) {
    }

    /** A fixed-size bit set with value equality, so equal profiles collapse. */
    private record Mask(long[] words) {
        boolean covers(Mask required) {
            for (int i = 0; i < words.length; i++) {
                if ((required.words[i] & ~words[i]) != 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Mask m && Arrays.equals(words, m.words);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words);
        }
    }

    /** @param relevantCodes every code any task or mapping requires; other codes never matter */
    public CoverageCounter(Set<String> relevantCodes, Predicate<String> healthProfession) {
        for (String code : relevantCodes) {
            bits.put(code, bits.size());
        }
        this.words = Math.max(1, (bits.size() + 63) / 64);
        this.healthProfession = healthProfession;
    }

    public void addEmployee(String group, Set<String> heldCodes) {
        groups = null;
        profiles.computeIfAbsent(new Profile(group, mask(heldCodes, false)), p -> new int[1])[0]++;
    }

    /**
     * Number of added employees the {@link SharingDecision} admits for the active task, given the task's mappings in
     * the RHF (every status, stable order). For a profile: the group rules (R-SHARE-02/03); without a mapping to the
     * group, the task's own codes; with one, some APPROVED mapping to the group that is supervised enough for the
     * risk (R-SHARE-05) and whose extra codes are held with the task's (R-COMP-01), none when none is approved
     * (R-SHARE-04).
     */
    public int count(SharingDecision.TaskTerms task, List<SharingDecision.Mapping> mappings) {
        if (task.status() != TaskStatus.ACTIVE) {
            return 0;
        }
        Mask required = mask(task.requiredCompetences(), true);
        Set<String> decidedGroups = new HashSet<>();
        Map<String, List<Mask>> fitsByGroup = new HashMap<>();
        for (SharingDecision.Mapping mapping : mappings) {
            decidedGroups.add(mapping.toGroup());
            if (mapping.status() == MappingStatus.APPROVED && SharingDecision.supervised(task, mapping)) {
                Set<String> all = new HashSet<>(task.requiredCompetences());
                all.addAll(mapping.extraCompetences());
                fitsByGroup.computeIfAbsent(mapping.toGroup(), g -> new ArrayList<>()).add(mask(all, true));
            }
        }
        boolean openToUntrained = !task.requiresHealthProfessional() && task.allowsUntrainedStaff();
        freeze();
        int count = 0;
        for (int i = 0; i < masks.length; i++) {
            if (!openToUntrained && !health[i]) {
                continue;
            }
            if (!decidedGroups.contains(groups[i])) {
                if (masks[i].covers(required)) {
                    count += counts[i];
                }
                continue;
            }
            List<Mask> fits = fitsByGroup.get(groups[i]);
            if (fits != null && fits.stream().anyMatch(masks[i]::covers)) {
                count += counts[i];
            }
        }
        return count;
    }

    private void freeze() {
        if (groups != null) {
            return;
        }
        int n = profiles.size();
        groups = new String[n];
        health = new boolean[n];
        masks = new Mask[n];
        counts = new int[n];
        int i = 0;
        for (Map.Entry<Profile, int[]> entry : profiles.entrySet()) {
            groups[i] = entry.getKey().group();
            health[i] = healthProfession.test(groups[i]);
            masks[i] = entry.getKey().codes();
            counts[i] = entry.getValue()[0];
            i++;
        }
    }

    /** Held codes outside the relevant set are ignored; a required one makes the requirement unsatisfiable. */
    private Mask mask(Set<String> codes, boolean required) {
        long[] mask = new long[words];
        for (String code : codes) {
            Integer bit = bits.get(code);
            if (bit == null) {
                if (required) {
                    return new Mask(unsatisfiable());
                }
                continue;
            }
            mask[bit >>> 6] |= 1L << (bit & 63);
        }
        return new Mask(mask);
    }

    private long[] unsatisfiable() {
        long[] all = new long[words + 1];
        Arrays.fill(all, -1L);
        return all;
    }
}
