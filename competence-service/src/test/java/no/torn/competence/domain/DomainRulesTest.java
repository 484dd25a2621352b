package no.torn.competence.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

    @Test
    void validityIsInclusiveOfValidUntilAndIgnoresRevokedRecords() {
        LocalDate acquired = LocalDate.of(2025, 1, 10);
        LocalDate until = LocalDate.of(2026, 1, 10);
        assertThat(Validity.isValid(RecordStatus.ACTIVE, acquired, until, until)).isTrue();
        assertThat(Validity.isValid(RecordStatus.ACTIVE, acquired, until, until.plusDays(1))).isFalse();
        assertThat(Validity.isValid(RecordStatus.ACTIVE, acquired, until, acquired.minusDays(1))).isFalse();
        assertThat(Validity.isValid(RecordStatus.EXPIRED, acquired, until, acquired.plusDays(5))).isTrue();
        assertThat(Validity.isValid(RecordStatus.REVOKED, acquired, null, acquired.plusDays(5))).isFalse();
        assertThat(Validity.isValid(RecordStatus.ACTIVE, acquired, null, LocalDate.of(2100, 1, 1))).isTrue();
        assertThat(Validity.statusOn(until, until)).isEqualTo(RecordStatus.ACTIVE);
        assertThat(Validity.statusOn(until, until.plusDays(1))).isEqualTo(RecordStatus.EXPIRED);
        assertThat(Validity.statusOn(null, until)).isEqualTo(RecordStatus.ACTIVE);
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
