package no.torn.responsibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.responsibility.application.DelegationSuspension;
import no.torn.responsibility.messaging.IncomingEvents.AuthorisationMismatchData;

/**
 * HPR does not confirm an employee's authorisation (competence-service's reconciliation): the delegations that rest on
 * it stop as they would if the record were revoked ({@link DelegationSuspension#authorisationDisputed}). The read
 * model of the record is left as competence-service publishes it; a unit leader re-confirms a suspended delegation
 * once the matter is settled.
 */
@ApplicationScoped
public class AuthorisationMismatches {

    @Inject
    DelegationSuspension delegations;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(AuthorisationMismatchData data) {
        delegations.authorisationDisputed(EmployeeDirectory.ACTOR, data.employeeId(), data.recordId(),
                data.competenceCode(), "HPR does not confirm competence " + data.competenceCode() + " (record "
                        + data.recordId() + "): " + data.reason());
    }
}
