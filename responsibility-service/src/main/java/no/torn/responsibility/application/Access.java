package no.torn.responsibility.application;

import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.domain.EmployeeView;

import java.util.Set;

/**
 * The responsibility-specific access rules, on top of the platform's visibility rule ({@link Actor#visible}): who
 * may change clarifications and delegations of an HF, and which delegations an employee may read and confirm.
 */
final class Access {

    /** Roles that read every delegation of their RHF; an employee reads only their own. */
    private static final Set<String> READERS = Set.of(Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR,
            Roles.UNIT_LEADER, Roles.AUDITOR, Roles.HR_INTEGRATION);

    private Access() {
    }

    /** RHF admins anywhere in their own RHF, unit leaders only in their own HF. */
    static void requireLeaderOf(Actor actor, String rhf, String hf) {
        boolean admin = actor.hasRole(Roles.RHF_ADMIN) && rhf.equals(actor.rhf())
                && HealthRegion.fromCode(rhf).map(region -> region.owns(hf)).orElse(false);
        boolean leader = actor.hasRole(Roles.UNIT_LEADER) && hf.equals(actor.hf());
        if (!admin && !leader) {
            throw ProblemException.forbidden("Only a unit leader of " + hf + " or an RHF admin of " + rhf
                    + " may do this");
        }
    }

    static boolean readsEveryDelegation(Actor actor) {
        return actor.isSystem() || READERS.stream().anyMatch(actor::hasRole);
    }

    /** The actor is this employee: an employee token whose employee number and HF name them. */
    static boolean isSelf(Actor actor, EmployeeView employee) {
        return employee != null && actor.hasRole(Roles.EMPLOYEE) && actor.employeeNumber() != null
                && employee.rhf.equals(actor.rhf()) && actor.employeeNumber().equals(employee.employeeNumber)
                && employee.hf != null && employee.hf.equals(actor.hf());
    }
}
