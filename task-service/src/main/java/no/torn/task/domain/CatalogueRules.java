package no.torn.task.domain;

import no.torn.platform.rules.RuleCheck;

import java.util.Collection;
import java.util.Map;

/**
 * R-CAT-01: a competence the catalogue requires (a task's, or a sharing mapping's extra) is a type competence-service
 * knows, in force, and usable where it is required: a national type, or a local type of the same RHF (a national
 * task, used by every RHF, requires national types only). Otherwise nobody could ever be found to hold it.
 */
public final class CatalogueRules {

    public static final String KNOWN_COMPETENCE = "R-CAT-01";

    private CatalogueRules() {
    }

    /**
     * One unmet entry per bad code, field {@code field[i]} (i = position in {@code codes}).
     *
     * @param rhf   the RHF the requirement applies in; null for a national task
     * @param known the known types among {@code codes}, by code
     */
    public static RuleCheck requiredCompetences(RuleCheck check, String rhf, Collection<String> codes,
                                                Map<String, CompetenceTypeView> known, String field) {
        int i = 0;
        for (String code : codes) {
            String at = field + "[" + i++ + "]";
            CompetenceTypeView type = known.get(code);
            if (type == null) {
                check.require(false, KNOWN_COMPETENCE, at, "unknown competence type " + code);
            } else if (type.deleted) {
                check.require(false, KNOWN_COMPETENCE, at, "competence type " + code + " was deleted");
            } else if (!type.isNational() && rhf == null) {
                check.require(false, KNOWN_COMPETENCE, at, "competence type " + code + " is local to " + type.rhf
                        + "; a national task requires national competence types only");
            } else if (!type.isNational() && !type.rhf.equals(rhf)) {
                check.require(false, KNOWN_COMPETENCE, at, "competence type " + code
                        + " is another RHF's local type; " + rhf + " uses national types and its own");
            } else if (type.isRetired()) {
                check.require(false, KNOWN_COMPETENCE, at, "competence type " + code + " is retired");
            }
        }
        return check;
    }
}
