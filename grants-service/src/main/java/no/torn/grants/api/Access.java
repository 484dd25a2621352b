package no.torn.grants.api;

import no.torn.grants.domain.AllocationRejected;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;

/** Role sets of the grants API and the checks shared by its resources. */
final class Access {

    /** Every TØRN role: the open-by-design reads (awards, published experience) and harmless computations. */
    static final String[] ANY_ROLE = {Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER,
            Roles.EMPLOYEE, Roles.HR_INTEGRATION, Roles.AUDITOR};

    private Access() {
    }

    /** The problem for inputs the calculators refuse: 422 naming each offending field. */
    static ProblemException rejected(AllocationRejected e) {
        return ProblemException.rule(e.getMessage(), e.reasons().stream()
                .map(r -> new Problem.Violation(r.field(), r.message())).toList());
    }

    /**
     * The HF a write acts for: it must belong to the caller's RHF (400 unknown, 403 foreign), and callers below
     * rhf-admin may act only for their own HF.
     */
    static String actingFor(Caller caller, String hf, String field) {
        caller.requireOwnHf(hf, caller.rhf(), field);
        if (!caller.hasRole(Roles.RHF_ADMIN) && !caller.isNationalAdmin()
                && !caller.hf().map(hf::equals).orElse(false)) {
            throw ProblemException.forbidden("You may act only for your own HF");
        }
        return hf;
    }

    static void requireVersion(long expected, long actual) {
        if (expected != actual) {
            throw ProblemException.staleVersion(expected, actual);
        }
    }
}
