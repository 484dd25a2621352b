package no.torn.responsibility.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompetenceCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void impliedCodesCountAndOrderOfRequirementIsKept() {
        var records = List.of(new CompetenceCheck.Held("aks", List.of("hlr", "iv"), "ACTIVE", null));
        assertThat(CompetenceCheck.missing(List.of("iv", "blod", "hlr", "aks", "kateter"), records, TODAY))
                .containsExactly("blod", "kateter");
    }

    @Test
    void validUntilIsInclusiveAndOnlyActiveRecordsCount() {
        var lastDay = new CompetenceCheck.Held("a", List.of(), "ACTIVE", TODAY);
        var ended = new CompetenceCheck.Held("b", List.of(), "ACTIVE", TODAY.minusDays(1));
        var revoked = new CompetenceCheck.Held("c", List.of("d"), "REVOKED", null);
        var expired = new CompetenceCheck.Held("e", List.of(), "EXPIRED", TODAY.plusDays(10));
        assertThat(CompetenceCheck.validCodes(List.of(lastDay, ended, revoked, expired), TODAY)).containsExactly("a");
        assertThat(CompetenceCheck.missing(List.of("a", "b", "c", "d", "e", "a"), List.of(lastDay, ended, revoked,
                expired), TODAY)).containsExactly("b", "c", "d", "e");
    }

    @Test
    void anotherValidRecordForTheSameCodeStillCovers() {
        var expired = new CompetenceCheck.Held("a", List.of(), "EXPIRED", TODAY.minusDays(1));
        var renewed = new CompetenceCheck.Held("a", List.of(), "ACTIVE", TODAY.plusYears(1));
        assertThat(CompetenceCheck.missing(List.of("a"), List.of(expired, renewed), TODAY)).isEmpty();
        assertThat(CompetenceCheck.missing(List.of(), List.of(), TODAY)).isEmpty();
    }

    @Test
    void clarificationStatesOnlyMoveAlongTheWorkflow() {
        assertThat(ClarificationStatus.DRAFT.canMoveTo(ClarificationStatus.ACTIVE)).isFalse();
        assertThat(ClarificationStatus.SUBMITTED.canMoveTo(ClarificationStatus.ACTIVE)).isTrue();
        assertThat(ClarificationStatus.LAPSED.canMoveTo(ClarificationStatus.SUBMITTED)).isTrue();
        assertThat(ClarificationStatus.REVOKED.next()).isEmpty();
        assertThat(DelegationStatus.CREATED.canMoveTo(DelegationStatus.SUSPENDED)).isFalse();
        assertThat(DelegationStatus.SUSPENDED.canMoveTo(DelegationStatus.ACTIVE)).isTrue();
        assertThat(DelegationStatus.ENDED.next()).isEmpty();
    }
}
