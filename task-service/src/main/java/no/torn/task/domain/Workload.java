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
 * each pair of groups, with what the RHF has approved apart from what is only proposed: {@code after} and
 * {@code moved} count approved sharing mappings only; {@code afterProposals} and {@code proposed} add the proposals
 * still awaiting a decision. Hours per week = occurrences per week × minutes per occurrence / 60; hours per year =
 * hours per week × {@value #WEEKS_PER_YEAR} (calendar weeks; holidays are not deducted, so figures compare like with
 * like). Sums are exact; each figure is rounded once from the exact minute total, by the one precision policy for
 * hours: {@value #HOURS_SCALE} decimals, half-up.
 */
public record Workload(int weeksPerYear, List<GroupHours> before, List<GroupHours> after,
                       List<GroupHours> afterProposals, List<MovedHours> moved, List<MovedHours> proposed,
                       BigDecimal approvedHoursPerWeek, BigDecimal approvedHoursPerYear,
                       BigDecimal proposedHoursPerWeek, BigDecimal proposedHoursPerYear) {

    public static final int WEEKS_PER_YEAR = 52;
    /** Hours carry two decimals everywhere they are reported (grants' report field takes the same). */
    public static final int HOURS_SCALE = 2;
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    /**
     * One step's load: who does it today, who is proposed (null without a live proposal), whether that proposal's
     * sharing mapping is approved, how often and how long.
     */
    public record StepLoad(String performerGroup, String proposedGroup, boolean approved,
                           BigDecimal occurrencesPerWeek, int minutesPerOccurrence) {
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
        Map<String, BigDecimal> afterProposals = new TreeMap<>();
        Map<List<String>, BigDecimal> moved = pairs();
        Map<List<String>, BigDecimal> proposed = pairs();
        BigDecimal approvedMinutes = BigDecimal.ZERO;
        BigDecimal proposedMinutes = BigDecimal.ZERO;
        for (StepLoad step : steps) {
            BigDecimal minutes = step.minutesPerWeek();
            before.merge(step.performerGroup(), minutes, BigDecimal::add);
            String performerIfProposed = step.moves() ? step.proposedGroup() : step.performerGroup();
            afterProposals.merge(performerIfProposed, minutes, BigDecimal::add);
            boolean approvedMove = step.moves() && step.approved();
            after.merge(approvedMove ? step.proposedGroup() : step.performerGroup(), minutes, BigDecimal::add);
            if (step.moves()) {
                List<String> pair = List.of(step.performerGroup(), step.proposedGroup());
                if (approvedMove) {
                    moved.merge(pair, minutes, BigDecimal::add);
                    approvedMinutes = approvedMinutes.add(minutes);
                } else {
                    proposed.merge(pair, minutes, BigDecimal::add);
                    proposedMinutes = proposedMinutes.add(minutes);
                }
            }
        }
        // A group that hands all its work over still appears after, with zero hours.
        before.keySet().forEach(group -> after.putIfAbsent(group, BigDecimal.ZERO));
        before.keySet().forEach(group -> afterProposals.putIfAbsent(group, BigDecimal.ZERO));
        return new Workload(WEEKS_PER_YEAR, groupHours(before), groupHours(after), groupHours(afterProposals),
                movedHours(moved), movedHours(proposed), perWeek(approvedMinutes), perYear(approvedMinutes),
                perWeek(proposedMinutes), perYear(proposedMinutes));
    }

    private static Map<List<String>, BigDecimal> pairs() {
        return new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
    }

    private static List<MovedHours> movedHours(Map<List<String>, BigDecimal> minutesByPair) {
        List<MovedHours> result = new ArrayList<>();
        minutesByPair.forEach((pair, minutes) -> result.add(
                new MovedHours(pair.get(0), pair.get(1), perWeek(minutes), perYear(minutes))));
        return result;
    }

    private static List<GroupHours> groupHours(Map<String, BigDecimal> minutesByGroup) {
        List<GroupHours> result = new ArrayList<>();
        minutesByGroup.forEach((group, minutes) -> result.add(new GroupHours(group, perWeek(minutes), perYear(minutes))));
        return result;
    }

    static BigDecimal perWeek(BigDecimal minutesPerWeek) {
        return minutesPerWeek.divide(MINUTES_PER_HOUR, HOURS_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal perYear(BigDecimal minutesPerWeek) {
        return minutesPerWeek.multiply(BigDecimal.valueOf(WEEKS_PER_YEAR))
                .divide(MINUTES_PER_HOUR, HOURS_SCALE, RoundingMode.HALF_UP);
    }
}
