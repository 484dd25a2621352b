package no.torn.grants.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationNumbersTest {

    @Test
    void theMod11CheckDigitDecides() {
        assertThat(OrganisationNumbers.valid("991324968")).isTrue();
        assertThat(OrganisationNumbers.valid("883971752")).isTrue();
        assertThat(OrganisationNumbers.valid("991324967")).isFalse();
        assertThat(OrganisationNumbers.valid("883971753")).isFalse();
        assertThat(OrganisationNumbers.valid("99132496")).isFalse();
        assertThat(OrganisationNumbers.valid("99132496x")).isFalse();
        assertThat(OrganisationNumbers.valid(null)).isFalse();
        assertThat(OrganisationNumbers.orgId("991324968")).isEqualTo("NO-BRC-991324968");
    }
}
