package no.torn.competence.domain.register;

import java.util.List;

/** What HPR holds about one health professional: their HPR number and their authorisations and licences. */
public record RegisterPerson(String hprNumber, List<RegisterApproval> approvals) {

    public RegisterPerson {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }
}
