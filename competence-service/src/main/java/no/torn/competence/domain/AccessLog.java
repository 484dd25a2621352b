package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.time.Today;

import java.util.UUID;

/** Writes who read whose competence; the employee reading their own data is not logged. */
@ApplicationScoped
public class AccessLog {

    @Inject
    Today today;

    @Transactional(Transactional.TxType.REQUIRED)
    public void read(Actor actor, Employee employee, String action) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.at = today.now();
        entry.actor = actor.id();
        entry.actorRhf = actor.rhf();
        entry.employeeId = employee.id;
        entry.employeeRhf = employee.rhf;
        entry.action = action;
        entry.persist();
    }
}
