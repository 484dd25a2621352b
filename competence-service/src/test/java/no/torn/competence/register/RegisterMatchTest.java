package no.torn.competence.register;

import no.torn.competence.domain.register.ApprovalStatus;
import no.torn.competence.domain.register.ApprovalType;
import no.torn.competence.domain.register.MismatchReason;
import no.torn.competence.domain.register.PersonnelCategories;
import no.torn.competence.domain.register.RegisterApproval;
import no.torn.competence.domain.register.RegisterMatch;
import no.torn.competence.domain.register.RegisterPerson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** R-AUTH-03 as a pure rule: which register answers confirm a record of an authorisation, and why others do not. */
class RegisterMatchTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static Optional<RegisterPerson> person(RegisterApproval... approvals) {
        return Optional.of(new RegisterPerson("123456789", List.of(approvals)));
    }

    private static RegisterApproval sp(ApprovalType type, ApprovalStatus status, LocalDate from, LocalDate to) {
        return new RegisterApproval("SP", type, status, from, to);
    }

    private static RegisterMatch.Outcome nurse(Optional<RegisterPerson> person) {
        return RegisterMatch.of(PersonnelCategories.of("AUT-SYKEPLEIER"), person, DAY);
    }

    @Test
    void aValidAuthorisationOrLicenceInTheCategoryConfirms() {
        assertThat(nurse(person(sp(ApprovalType.AUTHORISATION, ApprovalStatus.VALID, DAY.minusYears(5), null)))
                .confirmed()).isTrue();
        RegisterMatch.Outcome licence = nurse(person(sp(ApprovalType.LICENCE, ApprovalStatus.VALID,
                DAY.minusYears(1), DAY)));
        assertThat(licence.confirmed()).isTrue();
        assertThat(licence.registerStatus()).isEqualTo("VALID");
    }

    @Test
    void suspendedRevokedAndLapsedApprovalsFlagWithTheirReason() {
        assertThat(nurse(person(sp(ApprovalType.AUTHORISATION, ApprovalStatus.SUSPENDED, DAY.minusYears(5), null)))
                .mismatch()).isEqualTo(MismatchReason.SUSPENDED);
        assertThat(nurse(person(sp(ApprovalType.AUTHORISATION, ApprovalStatus.REVOKED, DAY.minusYears(5), null)))
                .mismatch()).isEqualTo(MismatchReason.REVOKED);
        RegisterMatch.Outcome lapsed = nurse(person(sp(ApprovalType.LICENCE, ApprovalStatus.VALID,
                DAY.minusYears(1), DAY.minusDays(1))));
        assertThat(lapsed.mismatch()).isEqualTo(MismatchReason.EXPIRED);
        assertThat(lapsed.registerStatus()).isEqualTo("EXPIRED");
    }

    @Test
    void anUnknownPersonOrAnotherCategoryFlags() {
        assertThat(nurse(Optional.empty()).mismatch()).isEqualTo(MismatchReason.NOT_FOUND);
        RegisterMatch.Outcome other = nurse(person(new RegisterApproval("HF", ApprovalType.AUTHORISATION,
                ApprovalStatus.VALID, DAY.minusYears(3), null)));
        assertThat(other.mismatch()).isEqualTo(MismatchReason.CATEGORY_MISMATCH);
        assertThat(other.categories()).containsExactly("HF");
    }

    @Test
    void oneValidApprovalBesideAnOldRevokedOneConfirms() {
        assertThat(nurse(person(sp(ApprovalType.LICENCE, ApprovalStatus.REVOKED, DAY.minusYears(9), null),
                sp(ApprovalType.AUTHORISATION, ApprovalStatus.VALID, DAY.minusYears(2), null))).confirmed()).isTrue();
    }

    @Test
    void theRegistersNorwegianStatusWordsAreRead() {
        assertThat(ApprovalStatus.parse("suspendert")).contains(ApprovalStatus.SUSPENDED);
        assertThat(ApprovalStatus.parse("tilbakekalt")).contains(ApprovalStatus.REVOKED);
        assertThat(ApprovalType.parse("lisens")).contains(ApprovalType.LICENCE);
        assertThat(ApprovalStatus.parse("ukjent")).isEmpty();
    }
}
