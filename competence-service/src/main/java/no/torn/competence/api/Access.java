package no.torn.competence.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;

import java.util.Optional;

/**
 * The competence-specific layer over {@link Caller}: besides the RHF rule, {@code hf-hr} and {@code unit-leader}
 * act within their own HF only (token claim {@code hf}); anything in another HF is answered like a foreign record.
 */
@RequestScoped
public class Access {

    public static final String[] READERS = {Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER,
            Roles.HR_INTEGRATION, Roles.AUDITOR};

    @Inject
    Caller caller;

    public Caller caller() {
        return caller;
    }

    /** True when the caller's reach is one HF rather than the RHF. */
    public boolean hfBound() {
        return !caller.isNationalAdmin() && !caller.hasRole(Roles.RHF_ADMIN) && !caller.hasRole(Roles.AUDITOR)
                && !caller.hasRole(Roles.HR_INTEGRATION);
    }

    private String ownHf() {
        return caller.hf().orElseThrow(() -> ProblemException.forbidden("The token carries no hf claim"));
    }

    /** 404 unless the caller may see something owned by {@code rhf}/{@code hf}. */
    public <T> T readable(T entity, String rhf, String hf, String what, Object id) {
        caller.visible(entity, rhf, what, id);
        if (hfBound() && !ownHf().equals(hf)) {
            throw ProblemException.notFound(what, id);
        }
        return entity;
    }

    /**
     * The HF a new employee is written to: it must belong to the caller's RHF, and for hf-hr be its own HF.
     */
    public String writableHf(String hf, String field) {
        caller.requireOwnHf(hf, caller.rhf(), field);
        if (hfBound() && !ownHf().equals(hf)) {
            throw ProblemException.forbidden("You may only manage employees of " + ownHf());
        }
        return hf;
    }

    /** The RHF a list is scoped to (empty = all, national admins only). */
    public Optional<String> rhfScope(String requestedRhf) {
        return caller.scopeForQuery(requestedRhf);
    }

    /** The HF a list is scoped to: forced to the own HF for hf-bound roles (403 for another). */
    public Optional<String> hfScope(String requestedHf) {
        if (hfBound()) {
            String own = ownHf();
            if (requestedHf != null && !requestedHf.isBlank() && !requestedHf.equals(own)) {
                throw ProblemException.forbidden("You may only read " + own);
            }
            return Optional.of(own);
        }
        return Optional.ofNullable(requestedHf).filter(s -> !s.isBlank());
    }

    /**
     * The RHF of an HF a query names (holders, gap report): national admins may name any HF, others one of their
     * RHF (403 otherwise); hf-bound roles only their own.
     */
    public String rhfOfQueriedHf(String hf) {
        if (hf == null || hf.isBlank()) {
            throw ProblemException.invalid("hf", "must not be blank");
        }
        if (caller.isNationalAdmin()) {
            return HealthRegion.ofHospitalTrust(hf).map(HealthRegion::code)
                    .orElseThrow(() -> ProblemException.invalid("hf", "unknown hospital trust " + hf));
        }
        caller.requireOwnHf(hf, caller.rhf(), "hf");
        hfScope(hf);
        return caller.rhf();
    }
}
