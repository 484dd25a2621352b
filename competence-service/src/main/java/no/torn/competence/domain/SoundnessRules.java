package no.torn.competence.domain;

import no.torn.platform.rules.RuleCheck;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The competence rules of the rule catalogue (docs/rules.md) that this service enforces. An authorisation
 * (Helsepersonelloven §48) is held only by a registered health professional (an HPR number) of a personnel group
 * the authorisation names; real competence is attested only by someone who holds it.
 */
public final class SoundnessRules {

    public static final String AUTH_HPR = "R-AUTH-01";
    public static final String AUTH_GROUP = "R-AUTH-02";
    public static final String ATTESTOR_HOLDS = "R-COMP-03";
    public static final String TYPE_IN_FORCE = "R-COMP-04";

    private SoundnessRules() {
    }

    /** R-AUTH-01 and R-AUTH-02 for a record of {@code type} held by a member of {@code group} with {@code hpr}. */
    public static RuleCheck holderOf(RuleCheck check, CompetenceType type, String group, String hpr,
                                     String hprField, String groupField) {
        if (!type.isAuthorisation()) {
            return check;
        }
        return check
                .require(hpr != null && !hpr.isBlank(), AUTH_HPR, hprField,
                        type.code + " is an authorisation: the employee needs an HPR number")
                .require(group != null && type.authorisesGroups.contains(group), AUTH_GROUP, groupField,
                        type.code + " authorises " + String.join(", ", type.authorisesGroups.stream().sorted()
                                .toList()) + ", not personnel group " + group);
    }

    /**
     * R-COMP-04: a new record is only of a type in force; a retired type's existing records keep their validity, but
     * nobody acquires it anew.
     */
    public static RuleCheck typeInForce(RuleCheck check, CompetenceType type, String field) {
        return check.require(!type.isRetired(), TYPE_IN_FORCE, field,
                "competence type " + type.code + " is retired; no new record of it is registered");
    }

    /** R-COMP-03: the attestor holds, on {@code day}, a valid record of the attested type or of one implying it. */
    public static RuleCheck attestor(RuleCheck check, String typeCode, Collection<CompetenceRecord> attestorRecords,
                                     LocalDate day) {
        boolean holds = attestorRecords.stream().anyMatch(r -> r.isValidOn(day));
        return check.require(holds, ATTESTOR_HOLDS, "attestedBy",
                "the attesting employee holds no record of " + typeCode + " (or of a competence implying it) valid on "
                        + day);
    }
}
