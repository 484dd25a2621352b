package no.torn.competence.domain.register;

import java.time.LocalDate;

/**
 * One authorisation or licence of a person as HPR reports it.
 *
 * @param personnelCategory the Volven 9060 code of the personnel category (e.g. {@code SP} for sykepleier)
 * @param validFrom         first day of validity, null when the register gives none
 * @param validTo           last day of validity, null when it does not lapse (an authorisation usually does not;
 *                          a licence does)
 */
public record RegisterApproval(String personnelCategory, ApprovalType type, ApprovalStatus status,
                               LocalDate validFrom, LocalDate validTo) {

    /** The status on {@code day}: a VALID approval whose last day has passed counts as EXPIRED. */
    public ApprovalStatus statusOn(LocalDate day) {
        if (status == ApprovalStatus.VALID && validTo != null && validTo.isBefore(day)) {
            return ApprovalStatus.EXPIRED;
        }
        return status;
    }
}
