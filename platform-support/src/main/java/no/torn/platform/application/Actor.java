package no.torn.platform.application;

import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who performs a command: a person or client from a verified token, or the platform itself (a scheduled job, an event
 * consumer). Application services take an actor value instead of reading the request, so jobs and consumers run the
 * same commands. The access rule "a record is visible only to its own RHF, or to a national admin; HF-bound roles
 * only within their HF" is decided here and nowhere else.
 *
 * @param id             stable subject id (token {@code sub}, or {@code system:<name>})
 * @param name           display name for audit readers (token {@code name}, else {@code preferred_username})
 * @param role           the most privileged realm role held when acting (audit: "role at the time")
 * @param clientId       the OAuth client the call came through ({@code azp}); part of the idempotency scope
 * @param rhf            home RHF; null for the platform itself
 * @param hf             home HF for HF-bound roles, else null
 * @param employeeNumber the caller's employee number when the caller is an employee
 * @param roles          every realm role of the caller
 */
public record Actor(String id, String name, String role, String clientId, String rhf, String hf,
                    String employeeNumber, Set<String> roles) {

    /** Roles from most to least privileged: the first one held is the actor's role at the time. */
    public static final List<String> ROLE_ORDER = List.of(Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR,
            Roles.HF_HR, Roles.HR_INTEGRATION, Roles.UNIT_LEADER, Roles.EMPLOYEE);

    /** The role of the platform acting on its own (jobs, consumers). */
    public static final String SYSTEM_ROLE = "system";

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The platform itself, e.g. {@code Actor.system("expiry-job")}: may see every RHF. */
    public static Actor system(String name) {
        return new Actor("system:" + name, name, SYSTEM_ROLE, null, null, null, null, Set.of(SYSTEM_ROLE));
    }

    public static String primaryRole(Set<String> roles) {
        return ROLE_ORDER.stream().filter(roles::contains).findFirst().orElse(null);
    }

    public boolean isSystem() {
        return roles.contains(SYSTEM_ROLE);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isNationalAdmin() {
        return roles.contains(Roles.NATIONAL_ADMIN);
    }

    public Optional<String> employeeNumberOpt() {
        return Optional.ofNullable(employeeNumber);
    }

    /**
     * True when the actor's reach is one HF rather than the RHF: HR, unit leaders and employees act within the HF of
     * their token; admins, auditors, HR integrations and the platform see the whole RHF.
     */
    public boolean hfBound() {
        return !isSystem() && !isNationalAdmin() && !hasRole(Roles.RHF_ADMIN) && !hasRole(Roles.AUDITOR)
                && !hasRole(Roles.HR_INTEGRATION);
    }

    /** May see something owned by {@code ownerRhf} (RHF-wide records). */
    public boolean canSee(String ownerRhf) {
        return isSystem() || isNationalAdmin() || (rhf != null && rhf.equals(ownerRhf));
    }

    /** May see something owned by {@code ownerRhf} and {@code ownerHf}; HF-bound roles only within their own HF. */
    public boolean canSee(String ownerRhf, String ownerHf) {
        return canSee(ownerRhf) && (!hfBound() || ownerHf == null || ownerHf.equals(hf));
    }

    /** The record itself, or a 404 problem when it is absent or foreign, so that its existence does not leak. */
    public <T> T visible(T record, String ownerRhf, String what, Object id) {
        if (record == null || !canSee(ownerRhf)) {
            throw ProblemException.notFound(what, id);
        }
        return record;
    }

    /** As {@link #visible(Object, String, String, Object)}, also refusing records of another HF to HF-bound roles. */
    public <T> T visible(T record, String ownerRhf, String ownerHf, String what, Object id) {
        if (record == null || !canSee(ownerRhf, ownerHf)) {
            throw ProblemException.notFound(what, id);
        }
        return record;
    }

    /** An HF named in a request: it must exist (400 naming {@code field}) and belong to {@code rhf} (403). */
    public static String hfOf(String rhf, String hf, String field) {
        if (hf == null || hf.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        if (!HealthRegion.fromCode(rhf).map(region -> region.owns(hf)).orElse(false)) {
            throw HealthRegion.ofHospitalTrust(hf).isEmpty()
                    ? ProblemException.invalid(field, "unknown hospital trust " + hf)
                    : ProblemException.forbidden("hf " + hf + " does not belong to " + rhf);
        }
        return hf;
    }

    /** The HF a write acts for: an HF of {@code rhf} and, for HF-bound roles, their own HF (403 otherwise). */
    public String writableHf(String rhf, String hf, String field) {
        hfOf(rhf, hf, field);
        if (hfBound() && !hf.equals(ownHf())) {
            throw ProblemException.forbidden("You may act only for your own HF " + ownHf());
        }
        return hf;
    }

    /**
     * The RHF a list is scoped to: the actor's own; a national admin (or the platform) the requested one, or all when
     * none is requested (empty). Naming a foreign RHF is a 403.
     */
    public Optional<String> rhfScope(String requestedRhf) {
        Optional<String> requested = Optional.ofNullable(requestedRhf).filter(s -> !s.isBlank());
        if (isNationalAdmin() || isSystem()) {
            return requested;
        }
        if (requested.isPresent() && !requested.get().equals(homeRhf())) {
            throw ProblemException.forbidden("rhf " + requestedRhf + " is not your RHF");
        }
        return Optional.of(homeRhf());
    }

    /** The HF a list is scoped to: forced to the own HF for HF-bound roles (403 for another), else as requested. */
    public Optional<String> hfScope(String requestedHf) {
        Optional<String> requested = Optional.ofNullable(requestedHf).filter(s -> !s.isBlank());
        if (!hfBound()) {
            return requested;
        }
        if (requested.isPresent() && !requested.get().equals(ownHf())) {
            throw ProblemException.forbidden("You may only read " + ownHf());
        }
        return Optional.of(ownHf());
    }

    private String ownHf() {
        if (hf == null) {
            throw ProblemException.forbidden("The token carries no hf claim");
        }
        return hf;
    }

    /** The RHF a change is written to for a non-national actor; national admins and the platform name it. */
    public String homeRhf() {
        if (rhf == null) {
            throw ProblemException.forbidden("The token carries no known rhf claim");
        }
        return rhf;
    }
}
