package no.torn.platform.rules;

import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every unmet soundness rule of one decision before refusing, so a refusal names all of them, not only the
 * first: {@code RuleCheck.of().require(ok, "R-SHARE-01", "detail").require(...).orThrow()}. Rule codes are the
 * stable codes of the rule catalogue (docs/rules.md).
 */
public final class RuleCheck {

    private final List<Problem.UnmetRule> unmet = new ArrayList<>();

    private RuleCheck() {
    }

    public static RuleCheck of() {
        return new RuleCheck();
    }

    /** Records {@code rule} as unmet unless {@code met}. */
    public RuleCheck require(boolean met, String rule, String detail) {
        return require(met, rule, null, detail);
    }

    /** As {@link #require(boolean, String, String)}, naming the request field the rule concerns. */
    public RuleCheck require(boolean met, String rule, String field, String detail) {
        if (!met) {
            unmet.add(new Problem.UnmetRule(rule, detail, field));
        }
        return this;
    }

    /** Adds rules another decision found unmet (e.g. a shared decision's result). */
    public RuleCheck addAll(List<Problem.UnmetRule> rules) {
        unmet.addAll(rules);
        return this;
    }

    public List<Problem.UnmetRule> unmet() {
        return List.copyOf(unmet);
    }

    /** Throws a 422 problem naming every unmet rule; returns normally when all were met. */
    public void orThrow() {
        if (!unmet.isEmpty()) {
            throw new ProblemException(Problem.rules(unmet));
        }
    }
}
