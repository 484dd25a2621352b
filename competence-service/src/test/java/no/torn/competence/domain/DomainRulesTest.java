package no.torn.competence.domain;

import no.torn.platform.application.Transitions;
import no.torn.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DomainRulesTest {

    @Test
    void aRecordIsValidByThePlatformRuleInclusiveOfValidUntilAndNeverWhenRevoked() {
        LocalDate acquired = LocalDate.of(2025, 1, 10);
        LocalDate until = LocalDate.of(2026, 1, 10);
        assertThat(record(RecordStatus.ACTIVE, acquired, until).isValidOn(until)).isTrue();
        assertThat(record(RecordStatus.ACTIVE, acquired, until).isValidOn(until.plusDays(1))).isFalse();
        assertThat(record(RecordStatus.ACTIVE, acquired, until).isValidOn(acquired.minusDays(1))).isFalse();
        assertThat(record(RecordStatus.EXPIRED, acquired, until).isValidOn(acquired.plusDays(5))).isTrue();
        assertThat(record(RecordStatus.REVOKED, acquired, null).isValidOn(acquired.plusDays(5))).isFalse();
        assertThat(record(RecordStatus.ACTIVE, acquired, null).isValidOn(LocalDate.of(2100, 1, 1))).isTrue();
        assertThat(RecordStatus.on(until, until)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(RecordStatus.on(until, until.plusDays(1))).isEqualTo(RecordStatus.EXPIRED);
        assertThat(RecordStatus.on(null, until)).isEqualTo(RecordStatus.ACTIVE);
    }

    private static CompetenceRecord record(RecordStatus status, LocalDate acquiredOn, LocalDate validUntil) {
        CompetenceRecord r = new CompetenceRecord();
        r.status = status;
        r.acquiredOn = acquiredOn;
        r.validUntil = validUntil;
        return r;
    }

    @Test
    void statusesDeclareTheirTransitions() {
        assertThat(Transitions.move(RecordStatus.ACTIVE, RecordStatus.EXPIRED, "r")).isEqualTo(RecordStatus.EXPIRED);
        assertThat(Transitions.move(RecordStatus.EXPIRED, RecordStatus.ACTIVE, "r")).isEqualTo(RecordStatus.ACTIVE);
        assertThat(RecordStatus.REVOKED.isFinal()).isTrue();
        assertThatThrownBy(() -> Transitions.move(RecordStatus.REVOKED, RecordStatus.ACTIVE, "Record x"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("REVOKED");
        assertThat(Transitions.move(EmploymentStatus.LEFT, EmploymentStatus.ACTIVE, "e"))
                .isEqualTo(EmploymentStatus.ACTIVE);
        assertThatThrownBy(() -> Transitions.move(EmploymentStatus.LEFT, EmploymentStatus.LEFT, "Employee x"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void importCellsKeepClearOrSet() {
        assertThat(ImportRow.Cell.of(null).over("1234567")).isEqualTo("1234567");
        assertThat(ImportRow.Cell.of("  ").over("1234567")).isEqualTo("1234567");
        assertThat(ImportRow.Cell.of(" - ").over("1234567")).isNull();
        assertThat(ImportRow.Cell.of(" 7654321 ").over("1234567")).isEqualTo("7654321");
        assertThat(ImportRow.Cell.of("-").given()).isFalse();
    }

    @Test
    void expiryThresholdsAnnounceTheTightestCrossedOnce() {
        ExpiryThresholds t = new ExpiryThresholds(List.of(7, 90, 30, 30));
        assertThat(t.days()).containsExactly(7, 30, 90);
        assertThat(t.due(91, Set.of())).isEmpty();
        assertThat(t.due(90, Set.of())).contains(90);
        assertThat(t.due(60, Set.of(90))).isEmpty();
        assertThat(t.due(30, Set.of(90))).contains(30);
        assertThat(t.due(5, Set.of())).contains(7);
        assertThat(t.crossed(5)).containsExactly(7, 30, 90);
        assertThat(t.due(5, Set.of(7, 30, 90))).isEmpty();
        assertThat(t.due(-1, Set.of())).isEmpty();
    }

    @Test
    void implicationsAreTransitiveAndCyclesAreFound() {
        ImplicationGraph g = new ImplicationGraph(Map.of(
                "SPES-INTENSIV", Set.of("AUT-SYKEPLEIER"),
                "AUT-SYKEPLEIER", Set.of("UTD-SYKEPLEIE"),
                "UTD-SYKEPLEIE", Set.of(),
                "HLR", Set.of(),
                "AHLR", Set.of("HLR")));
        assertThat(g.impliedBy("SPES-INTENSIV")).containsExactly("AUT-SYKEPLEIER", "UTD-SYKEPLEIE");
        assertThat(g.closure().get("AHLR")).containsExactlyInAnyOrder("AHLR", "HLR");
        assertThat(g.findCycle()).isEmpty();
        ImplicationGraph cyclic = new ImplicationGraph(Map.of("A", Set.of("B"), "B", Set.of("C"), "C", Set.of("A")));
        assertThat(cyclic.findCycle()).isPresent();
    }

    @Test
    void elevenDigitValuesLookLikeNationalIdentityNumbers() {
        assertThat(NationalIdentityNumbers.looksLikeOne("01019912345")).isTrue();
        assertThat(NationalIdentityNumbers.looksLikeOne(" 010199 12345 ")).isTrue();
        assertThat(NationalIdentityNumbers.looksLikeOne("0101991234")).isFalse();
        assertThat(NationalIdentityNumbers.looksLikeOne("0101991234A")).isFalse();
        assertThat(NationalIdentityNumbers.looksLikeOne(null)).isFalse();
    }
}
