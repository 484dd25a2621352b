package no.torn.competence.domain;

import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;


/**
 * The competence-specific part of access: the RHF of an HF a query names. Records by id, HFs named in a write and
 * list scopes are decided by {@link Actor} ({@code visible}, {@code writableHf}, {@code hfScope}).
 */
public final class Reach {

    private Reach() {
    }

    /**
     * The RHF of the HF a query names (holders, gap report): national admins may name any HF, others one of their
     * RHF (403 otherwise), HF-bound roles only their own.
     */
    public static String rhfOfQueriedHf(Actor actor, String hf) {
        if (actor.isNationalAdmin()) {
            if (hf == null || hf.isBlank()) {
                throw ProblemException.invalid("hf", "must not be blank");
            }
            return HealthRegion.ofHospitalTrust(hf).map(HealthRegion::code)
                    .orElseThrow(() -> ProblemException.invalid("hf", "unknown hospital trust " + hf));
        }
        Actor.hfOf(actor.homeRhf(), hf, "hf");
        actor.hfScope(hf);
        return actor.homeRhf();
    }
}
