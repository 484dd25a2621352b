package no.torn.task.application;

import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;

/** An HF named in a request (a unit to query, a process mapping to start) and the RHF it belongs to. */
final class HospitalTrusts {

    private HospitalTrusts() {
    }

    /**
     * The RHF of {@code hf}, when the actor may act there ({@link Actor#canSee(String, String)}: its own RHF, and
     * for HF-bound roles its own HF). An unknown HF is a 400 naming {@code field}; someone else's a 403, since the
     * request itself names it.
     */
    static String rhfOf(Actor actor, String hf, String field) {
        String rhf = HealthRegion.ofHospitalTrust(hf).map(HealthRegion::code)
                .orElseThrow(() -> ProblemException.invalid(field, "unknown hospital trust " + hf));
        if (!actor.canSee(rhf, hf)) {
            throw ProblemException.forbidden("hf " + hf + " is outside your reach");
        }
        return rhf;
    }
}
