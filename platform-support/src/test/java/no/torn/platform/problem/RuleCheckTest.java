package no.torn.platform.problem;

import no.torn.platform.rules.RuleCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleCheckTest {

    @Test
    void aRefusalNamesEveryUnmetRuleAndItsTypeTheFirst() {
        assertThatThrownBy(() -> RuleCheck.of()
                .require(false, "R-SHARE-01", "performerGroup", "portor is not an authorised health profession")
                .require(true, "R-SHARE-02", "met, so not listed")
                .require(false, "R-COMP-01", "missing competence MED-ADM")
                .orThrow())
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    Problem p = ((ProblemException) e).problem();
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.type().toString()).isEqualTo("https://torn.no/rules/R-SHARE-01");
                    assertThat(p.rules()).extracting(Problem.UnmetRule::rule).containsExactly("R-SHARE-01", "R-COMP-01");
                    assertThat(p.rules().get(0).field()).isEqualTo("performerGroup");
                    assertThat(p.detail()).contains("2 rules are not met").contains("R-COMP-01");
                });
    }

    @Test
    void allRulesMetPasses() {
        RuleCheck check = RuleCheck.of().require(true, "R-SHARE-01", "fine");
        assertThat(check.unmet()).isEmpty();
        check.orThrow();
    }
}
