package no.torn.grants.application;

import no.torn.grants.domain.HfRecord;
import no.torn.platform.application.Actor;
import no.torn.platform.audit.Audited;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;

/** The grants-specific part of access: which hospital trusts a write may name and act for. */
final class Access {

    private Access() {
    }

    /** {@code hf} as an HF of {@code rhf}: 400 when no such hospital trust exists, 403 when another RHF owns it. */
    static String hfOf(String rhf, String hf, String field) {
        if (!HealthRegion.fromCode(rhf).map(region -> region.owns(hf)).orElse(false)) {
            throw HealthRegion.ofHospitalTrust(hf).isEmpty()
                    ? ProblemException.invalid(field, "unknown hospital trust " + hf)
                    : ProblemException.forbidden("hf " + hf + " does not belong to " + rhf);
        }
        return hf;
    }

    /** The HF a write acts for: an HF of the record's RHF and, for HF-bound roles, their own HF (403 otherwise). */
    static String actingFor(Actor actor, String rhf, String hf, String field) {
        hfOf(rhf, hf, field);
        if (actor.hfBound() && !hf.equals(actor.hf())) {
            throw ProblemException.forbidden("You may act only for your own HF");
        }
        return hf;
    }

    /** An HF's record as the audit trail files it: readable by auditors of the record's RHF. */
    static Audited audited(String type, HfRecord record) {
        return new Audited(type, record.id, record.rhf, record.hf);
    }
}
