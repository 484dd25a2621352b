package no.torn.responsibility.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompetenceCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate ACQUIRED = LocalDate.of(2024, 1, 15);

    private static CompetenceCheck.Held held(String code, List<String> implied, String status, LocalDate validUntil) {
        return new CompetenceCheck.Held(code, implied, status, ACQUIRED, validUntil);
    }

    @Test
    void impliedCodesCountAndOrderOfRequirementIsKept() {
        var records = List.of(held("aks", List.of("hlr", "iv"), "ACTIVE", null));
        assertThat(CompetenceCheck.missing(List.of("iv", "blod", "hlr", "aks", "kateter"), records, TODAY))
                .containsExactly("blod", "kateter");
    }

    @Test
    void validUntilIsInclusiveAndRevokedOrEndedRecordsDoNotCount() {
        var lastDay = held("a", List.of(), "ACTIVE", TODAY);
        var ended = held("b", List.of(), "ACTIVE", TODAY.minusDays(1));
        var revoked = held("c", List.of("d"), "REVOKED", null);
        var expired = held("e", List.of(), "EXPIRED", TODAY.minusDays(1));
        assertThat(CompetenceCheck.validCodes(List.of(lastDay, ended, revoked, expired), TODAY)).containsExactly("a");
        assertThat(CompetenceCheck.missing(List.of("a", "b", "c", "d", "e", "a"), List.of(lastDay, ended, revoked,
                expired), TODAY)).containsExactly("b", "c", "d", "e");
    }

    @Test
    void aRecordCountsFromTheDayItWasAcquiredAndNeverWithoutThatDay() {
        var fromToday = new CompetenceCheck.Held("a", List.of(), "ACTIVE", TODAY, null);
        var fromTomorrow = new CompetenceCheck.Held("b", List.of("c"), "ACTIVE", TODAY.plusDays(1), null);
        var unknownStart = new CompetenceCheck.Held("d", List.of(), "ACTIVE", null, null);
        assertThat(CompetenceCheck.validCodes(List.of(fromToday, fromTomorrow, unknownStart), TODAY))
                .containsExactly("a");
        assertThat(CompetenceCheck.validCodes(List.of(fromTomorrow), TODAY.plusDays(1))).containsExactly("b", "c");
    }

    @Test
    void anotherValidRecordForTheSameCodeStillCovers() {
        var expired = held("a", List.of(), "EXPIRED", TODAY.minusDays(1));
        var renewed = held("a", List.of(), "ACTIVE", TODAY.plusYears(1));
        assertThat(CompetenceCheck.missing(List.of("a"), List.of(expired, renewed), TODAY)).isEmpty();
        assertThat(CompetenceCheck.missing(List.of(), List.of(), TODAY)).isEmpty();
    }

    @Test
    void clarificationStatesOnlyMoveAlongTheWorkflow() {
        assertThat(ClarificationStatus.DRAFT.canMoveTo(ClarificationStatus.ACTIVE)).isFalse();
        assertThat(ClarificationStatus.SUBMITTED.canMoveTo(ClarificationStatus.ACTIVE)).isTrue();
        assertThat(ClarificationStatus.LAPSED.canMoveTo(ClarificationStatus.SUBMITTED)).isTrue();
        assertThat(ClarificationStatus.REVOKED.isFinal()).isTrue();
        assertThat(DelegationStatus.CREATED.canMoveTo(DelegationStatus.SUSPENDED)).isFalse();
        assertThat(DelegationStatus.SUSPENDED.canMoveTo(DelegationStatus.ACTIVE)).isTrue();
        assertThat(DelegationStatus.ENDED.isFinal()).isTrue();
    }
}
