package no.torn.task.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTest {

    private static Workload.StepLoad approved(String from, String to, String perWeek, int minutes) {
        return new Workload.StepLoad(from, to, true, new BigDecimal(perWeek), minutes);
    }

    private static Workload.StepLoad proposed(String from, String to, String perWeek, int minutes) {
        return new Workload.StepLoad(from, to, false, new BigDecimal(perWeek), minutes);
    }

    @Test
    void hoursArePerGroupPairRoundedOnceFromExactMinutes() {
        // Three steps of 7 minutes × 1/week = 21 min = 0.35 h; rounding each step (0.12 × 3 = 0.36) would drift.
        Workload workload = Workload.of(List.of(
                approved("sykepleier", "helsefagarbeider", "1", 7),
                approved("sykepleier", "helsefagarbeider", "1", 7),
                approved("sykepleier", "helsefagarbeider", "1", 7),
                approved("lege", null, "2.5", 30)));
        assertThat(workload.weeksPerYear()).isEqualTo(52);
        assertThat(workload.moved()).containsExactly(new Workload.MovedHours("sykepleier", "helsefagarbeider",
                new BigDecimal("0.35"), new BigDecimal("18.20")));
        assertThat(workload.proposed()).isEmpty();
        assertThat(workload.approvedHoursPerWeek()).isEqualTo(new BigDecimal("0.35"));
        assertThat(workload.proposedHoursPerWeek()).isEqualTo(new BigDecimal("0.00"));
        assertThat(workload.before()).containsExactly(
                new Workload.GroupHours("lege", new BigDecimal("1.25"), new BigDecimal("65.00")),
                new Workload.GroupHours("sykepleier", new BigDecimal("0.35"), new BigDecimal("18.20")));
        List<Workload.GroupHours> expectedAfter = List.of(
                new Workload.GroupHours("helsefagarbeider", new BigDecimal("0.35"), new BigDecimal("18.20")),
                new Workload.GroupHours("lege", new BigDecimal("1.25"), new BigDecimal("65.00")),
                new Workload.GroupHours("sykepleier", new BigDecimal("0.00"), new BigDecimal("0.00")));
        assertThat(workload.after()).containsExactlyElementsOf(expectedAfter);
        assertThat(workload.afterProposals()).containsExactlyElementsOf(expectedAfter);
    }

    @Test
    void proposedHoursAreShownApartAndDoNotMoveTheAfterFigures() {
        // 1.3 × 78 min = 101.4 min = 1.69 h per week: two decimals, as grants' report field takes them.
        Workload workload = Workload.of(List.of(
                proposed("sykepleier", "helsefagarbeider", "1.3", 78),
                approved("sykepleier", "matvert", "1", 30)));
        assertThat(workload.proposed()).containsExactly(new Workload.MovedHours("sykepleier", "helsefagarbeider",
                new BigDecimal("1.69"), new BigDecimal("87.88")));
        assertThat(workload.moved()).containsExactly(new Workload.MovedHours("sykepleier", "matvert",
                new BigDecimal("0.50"), new BigDecimal("26.00")));
        assertThat(workload.proposedHoursPerWeek()).isEqualTo(new BigDecimal("1.69"));
        assertThat(workload.approvedHoursPerWeek()).isEqualTo(new BigDecimal("0.50"));
        assertThat(workload.after()).containsExactly(
                new Workload.GroupHours("matvert", new BigDecimal("0.50"), new BigDecimal("26.00")),
                new Workload.GroupHours("sykepleier", new BigDecimal("1.69"), new BigDecimal("87.88")));
        assertThat(workload.afterProposals()).containsExactly(
                new Workload.GroupHours("helsefagarbeider", new BigDecimal("1.69"), new BigDecimal("87.88")),
                new Workload.GroupHours("matvert", new BigDecimal("0.50"), new BigDecimal("26.00")),
                new Workload.GroupHours("sykepleier", new BigDecimal("0.00"), new BigDecimal("0.00")));
        assertThat(workload.proposedHoursPerWeek().scale()).isEqualTo(Workload.HOURS_SCALE);
    }

    @Test
    void halfUpRoundingAndNoMoveForSameGroup() {
        Workload workload = Workload.of(List.of(approved("portor", "portor", "10.5", 7),
                approved("matvert", null, "1", 1)));
        assertThat(workload.moved()).isEmpty();
        // 73.5 min = 1.225 h → 1.23; per year 73.5 × 52 / 60 = 63.7.
        assertThat(workload.before().get(1)).isEqualTo(
                new Workload.GroupHours("portor", new BigDecimal("1.23"), new BigDecimal("63.70")));
        // 1 min = 0.0166.. h → 0.02; per year 52 / 60 = 0.8666.. → 0.87.
        assertThat(workload.before().get(0)).isEqualTo(
                new Workload.GroupHours("matvert", new BigDecimal("0.02"), new BigDecimal("0.87")));
    }
}
