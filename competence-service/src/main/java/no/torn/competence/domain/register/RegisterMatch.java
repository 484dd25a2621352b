package no.torn.competence.domain.register;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * R-AUTH-03: a record of an authorisation is confirmed when HPR holds, for the same person, an authorisation or
 * licence in one of the record's personnel categories that is valid on the Oslo day of the check. Anything else
 * flags the record, with the reason.
 */
public final class RegisterMatch {

    public static final String RULE = "R-AUTH-03";

    /**
     * The result of comparing one record with the register.
     *
     * @param registerStatus what HPR reports for the record's category: VALID, SUSPENDED, REVOKED, EXPIRED or
     *                       NOT_FOUND
     * @param mismatch       why the record is flagged; null when the register confirms it
     * @param categories     the personnel categories the register holds for the person (any status)
     */
    public record Outcome(String registerStatus, MismatchReason mismatch, List<String> categories) {

        public boolean confirmed() {
            return mismatch == null;
        }
    }

    private RegisterMatch() {
    }

    public static Outcome of(Set<String> expectedCategories, Optional<RegisterPerson> person, LocalDate day) {
        if (person.isEmpty()) {
            return new Outcome(MismatchReason.NOT_FOUND.name(), MismatchReason.NOT_FOUND, List.of());
        }
        List<RegisterApproval> approvals = person.get().approvals();
        List<String> categories = approvals.stream().map(RegisterApproval::personnelCategory).distinct().sorted()
                .toList();
        List<RegisterApproval> inCategory = approvals.stream()
                .filter(a -> expectedCategories.contains(a.personnelCategory())).toList();
        if (inCategory.isEmpty()) {
            MismatchReason reason = approvals.isEmpty() ? MismatchReason.NOT_FOUND : MismatchReason.CATEGORY_MISMATCH;
            return new Outcome(MismatchReason.NOT_FOUND.name(), reason, categories);
        }
        if (inCategory.stream().anyMatch(a -> a.statusOn(day) == ApprovalStatus.VALID
                && (a.validFrom() == null || !a.validFrom().isAfter(day)))) {
            return new Outcome(ApprovalStatus.VALID.name(), null, categories);
        }
        // No valid approval in the category: the latest one says why (a suspension after an expired licence, ...).
        RegisterApproval latest = inCategory.stream()
                .max(Comparator.comparing((RegisterApproval a) -> a.validFrom() == null ? LocalDate.MIN : a.validFrom()))
                .orElseThrow();
        ApprovalStatus status = latest.statusOn(day);
        if (status == ApprovalStatus.VALID) {
            status = ApprovalStatus.EXPIRED; // valid only from a later day: not valid on this one
        }
        return new Outcome(status.name(), MismatchReason.valueOf(status.name()), categories);
    }
}
