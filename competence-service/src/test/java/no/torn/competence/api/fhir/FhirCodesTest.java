package no.torn.competence.api.fhir;

import no.torn.competence.domain.CompetenceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Volven 9060 category an authorisation type carries, from the personnel groups it authorises. */
class FhirCodesTest {

    @Test
    void eachAuthorisationGetsTheCategoryOfTheGroupsItAuthorises() {
        assertThat(category("lege", "lis")).contains("LE");
        assertThat(category("sykepleier", "spesialsykepleier", "jordmor")).contains("SP");
        assertThat(category("jordmor")).contains("JO");
        assertThat(category("helsefagarbeider")).contains("HF");
        assertThat(category("helsesekretaer")).contains("HE");
        assertThat(category("fysioterapeut")).contains("FT");
        assertThat(category("ergoterapeut")).contains("ET");
        assertThat(category("bioingenior")).contains("BI");
    }

    @Test
    void noNationalCodeWhereOurGroupIsAmbiguousUnknownOrTied() {
        assertThat(category("farmasoyt")).as("FA1 or FA2: one group cannot say which").isEmpty();
        assertThat(category("portor")).as("no authorisation").isEmpty();
        assertThat(category()).as("no group").isEmpty();
        assertThat(category("lege", "jordmor")).as("a tie").isEmpty();
    }

    private static Optional<String> category(String... groups) {
        CompetenceType type = new CompetenceType();
        type.authorisesGroups.addAll(List.of(groups));
        return FhirCodes.categoryOf(type).map(FhirCodes.Code::code);
    }
}
