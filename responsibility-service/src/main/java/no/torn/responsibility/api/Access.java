package no.torn.responsibility.api;

import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;

/** Who may change what inside a visible RHF: RHF admins anywhere in it, unit leaders only in their own HF. */
final class Access {

    static final String[] READERS = {Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER,
            Roles.AUDITOR, Roles.HR_INTEGRATION};

    private Access() {
    }

    static void requireLeaderOf(Caller caller, String hf) {
        if (caller.hasRole(Roles.RHF_ADMIN)) {
            return;
        }
        if (caller.hasRole(Roles.UNIT_LEADER) && caller.hf().map(hf::equals).orElse(false)) {
            return;
        }
        throw ProblemException.forbidden("Only a unit leader of " + hf + " or an RHF admin may do this");
    }
}
