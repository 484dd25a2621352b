package no.torn.responsibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.time.Today;
import no.torn.responsibility.application.DelegationSuspension;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.messaging.IncomingEvents.EmployeeData;

/**
 * The local copy of competence-service's employees. An employee who leaves or moves takes their delegations with
 * them ({@link DelegationSuspension#employmentChanged}). An event older than the version held is ignored, so
 * redelivery and reordering never roll the copy back.
 */
@ApplicationScoped
public class EmployeeDirectory {

    static final Actor ACTOR = Actor.system("competence-events");

    @Inject
    Today today;

    @Inject
    DelegationSuspension delegations;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EmployeeData data) {
        EmployeeView view = EmployeeView.findById(data.employeeId());
        if (view != null && data.version() < view.sourceVersion) {
            return;
        }
        boolean fresh = view == null;
        if (fresh) {
            view = new EmployeeView();
            view.employeeId = data.employeeId();
        }
        view.rhf = data.rhf();
        view.hf = data.hf();
        view.unit = data.unit();
        view.employeeNumber = data.employeeNumber();
        view.personnelGroup = data.personnelGroup();
        view.status = data.status();
        view.sourceVersion = data.version();
        view.updatedAt = today.now();
        if (fresh) {
            view.persist();
        } else {
            delegations.employmentChanged(ACTOR, view);
        }
    }
}
