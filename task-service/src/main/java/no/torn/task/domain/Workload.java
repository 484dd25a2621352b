package no.torn.task.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Working time per personnel group before and after a process mapping's proposals, and the hours moved between
 * each pair of groups. Hours per week = occurrences per week × minutes per occurrence / 60; hours per year = hours
 * per week × {@value #WEEKS_PER_YEAR} (calendar weeks; holidays are not deducted, so figures compare like with
 * like). Sums are exact; each figure is rounded once, half-up to 2 decimals, from the exact minute total.
 */
public record Workload(int weeksPerYear, List<GroupHours> before, List<GroupHours> after, List<MovedHours> moved) {

    public static final int WEEKS_PER_YEAR = 52;
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    /** One step's load: who does it today, who is proposed, how often and how long. */
    public record StepLoad(String performerGroup, String proposedGroup, BigDecimal occurrencesPerWeek,
                           int minutesPerOccurrence) {
        BigDecimal minutesPerWeek() {
            return occurrencesPerWeek.multiply(BigDecimal.valueOf(minutesPerOccurrence));
        }

        boolean moves() {
            return proposedGroup != null && !proposedGroup.equals(performerGroup);
        }
    }

    public record GroupHours(String group, BigDecimal hoursPerWeek, BigDecimal hoursPerYear) {
    }

    public record MovedHours(String fromGroup, String toGroup, BigDecimal hoursPerWeek, BigDecimal hoursPerYear) {
    }

    public static Workload of(List<StepLoad> steps) {
        Map<String, BigDecimal> before = new TreeMap<>();
        Map<String, BigDecimal> after = new TreeMap<>();
        Map<List<String>, BigDecimal> moved = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (StepLoad step : steps) {
            BigDecimal minutes = step.minutesPerWeek();
            before.merge(step.performerGroup(), minutes, BigDecimal::add);
            String performerAfter = step.moves() ? step.proposedGroup() : step.performerGroup();
            after.merge(performerAfter, minutes, BigDecimal::add);
            if (step.moves()) {
                moved.merge(List.of(step.performerGroup(), step.proposedGroup()), minutes, BigDecimal::add);
            }
        }
        // A group that hands all its work over still appears after, with zero hours.
        before.keySet().forEach(group -> after.putIfAbsent(group, BigDecimal.ZERO));
        List<MovedHours> movedHours = new ArrayList<>();
        moved.forEach((pair, minutes) -> movedHours.add(
                new MovedHours(pair.get(0), pair.get(1), perWeek(minutes), perYear(minutes))));
        return new Workload(WEEKS_PER_YEAR, groupHours(before), groupHours(after), movedHours);
    }

    private static List<GroupHours> groupHours(Map<String, BigDecimal> minutesByGroup) {
        List<GroupHours> result = new ArrayList<>();
        minutesByGroup.forEach((group, minutes) -> result.add(new GroupHours(group, perWeek(minutes), perYear(minutes))));
        return result;
    }

    static BigDecimal perWeek(BigDecimal minutesPerWeek) {
        return minutesPerWeek.divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal perYear(BigDecimal minutesPerWeek) {
        return minutesPerWeek.multiply(BigDecimal.valueOf(WEEKS_PER_YEAR)).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
}
