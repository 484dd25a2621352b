package no.torn.competence.domain;

import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;

import java.util.Optional;

/**
 * The competence-specific part of access: which HF an actor may name. Records by id are decided by
 * {@link Actor#visible(Object, String, String, String, Object)}; this covers HFs named in a write or a query, where
 * another RHF's HF is a 403 and HF-bound roles (hf-hr, unit-leader) are held to the HF of their token.
 */
public final class Reach {

    private Reach() {
    }

    /** The HF a new employee is written to: one of the actor's RHF, and for HF-bound roles their own. */
    public static String writableHf(Actor actor, String hf, String field) {
        ownedByHomeRhf(actor, hf, field);
        if (actor.hfBound() && !hf.equals(ownHf(actor))) {
            throw ProblemException.forbidden("You may only manage employees of " + ownHf(actor));
        }
        return hf;
    }

    /** The HF a list is scoped to: forced to the own HF for HF-bound roles (403 for another), else as asked. */
    public static Optional<String> hfScope(Actor actor, String requestedHf) {
        if (actor.hfBound()) {
            String own = ownHf(actor);
            if (requestedHf != null && !requestedHf.isBlank() && !requestedHf.equals(own)) {
                throw ProblemException.forbidden("You may only read " + own);
            }
            return Optional.of(own);
        }
        return Optional.ofNullable(requestedHf).filter(s -> !s.isBlank());
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
        ownedByHomeRhf(actor, hf, "hf");
        hfScope(actor, hf);
        return actor.homeRhf();
    }

    private static void ownedByHomeRhf(Actor actor, String hf, String field) {
        if (hf == null || hf.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        HealthRegion home = HealthRegion.fromCode(actor.homeRhf()).orElseThrow();
        if (!home.owns(hf)) {
            throw HealthRegion.ofHospitalTrust(hf).isPresent()
                    ? ProblemException.forbidden("hf " + hf + " does not belong to " + home.code())
                    : ProblemException.invalid(field, "unknown hospital trust " + hf);
        }
    }

    private static String ownHf(Actor actor) {
        if (actor.hf() == null) {
            throw ProblemException.forbidden("The token carries no hf claim");
        }
        return actor.hf();
    }
}
