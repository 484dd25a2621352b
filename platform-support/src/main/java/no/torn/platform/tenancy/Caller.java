package no.torn.platform.tenancy;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import no.torn.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import no.torn.platform.application.Actor;

/**
 * Who is calling, as the verified token says: home RHF, optional HF, roles. All tenant checks go through here so
 * the rule "a record is visible only to its own RHF, or to a national admin" lives in one place.
 */
@RequestScoped
public class Caller {

    public static final String RHF_CLAIM = "rhf";
    public static final String HF_CLAIM = "hf";
    public static final String EMPLOYEE_NUMBER_CLAIM = "employee_number";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** Token subject: a stable, non-personal id used in audit fields. */
    public String id() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /**
     * The caller as an {@link Actor} value for application services: id, display name and role at the time for the
     * audit trail, client id for the idempotency scope, RHF and HF for access decisions.
     */
    public Actor actor() {
        if (actor == null) {
            actor = readActor();
        }
        return actor;
    }

    /** Read once per request: the token does not change within it. */
    private Actor actor;

    private Actor readActor() {
        Set<String> roles = identity.getRoles();
        String name = firstNonBlank(claim(token, "name"), claim(token, "preferred_username"), id());
        String rhf = claim(token, RHF_CLAIM);
        return new Actor(id(), name, Actor.primaryRole(roles), claim(token, "azp"),
                rhf == null || HealthRegion.fromCode(rhf).isEmpty() ? null : rhf, hf().orElse(null),
                employeeNumber().orElse(null), roles);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The caller's home RHF; the request filter has already refused tokens without a known one. */
    public String rhf() {
        String rhf = claim(token, RHF_CLAIM);
        if (rhf == null || HealthRegion.fromCode(rhf).isEmpty()) {
            throw ProblemException.forbidden("The token carries no known rhf claim");
        }
        return rhf;
    }

    public Optional<String> hf() {
        return Optional.ofNullable(claim(token, HF_CLAIM)).filter(s -> !s.isBlank());
    }

    public Optional<String> employeeNumber() {
        return Optional.ofNullable(claim(token, EMPLOYEE_NUMBER_CLAIM)).filter(s -> !s.isBlank());
    }

    /** A string claim, whether the JWT library hands it over as a String or as a JSON-P value. */
    static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value == null ? null : String.valueOf(value);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isNationalAdmin() {
        return identity.hasRole(Roles.NATIONAL_ADMIN);
    }

    /** True when the caller may see a record owned by {@code recordRhf} (the rule lives in {@link Actor}). */
    public boolean canSee(String recordRhf) {
        return actor().canSee(recordRhf);
    }

    /** The record, or a 404 problem for an absent or foreign one ({@link Actor#visible}). */
    public <T> T visible(T record, String recordRhf, String what, Object id) {
        return actor().visible(record, recordRhf, what, id);
    }

    /** The RHF a list query is scoped to ({@link Actor#rhfScope}). */
    public Optional<String> scopeForQuery(String requestedRhf) {
        return actor().rhfScope(requestedRhf);
    }

    /** Validates an HF named in a request: it must exist and belong to the RHF written to ({@link Actor#hfOf}). */
    public String requireOwnHf(String hf, String targetRhf, String field) {
        return Actor.hfOf(targetRhf, hf, field);
    }
}
