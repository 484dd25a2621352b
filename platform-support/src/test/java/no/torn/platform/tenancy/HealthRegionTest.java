package no.torn.platform.tenancy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRegionTest {

    @Test
    void everyRegionNamesItsTrustsAndAnHfBelongsToOneRegionOnly() {
        assertThat(HealthRegion.fromCode("helse-vest")).contains(HealthRegion.HELSE_VEST);
        assertThat(HealthRegion.HELSE_VEST.hospitalTrusts())
                .containsExactly("helse-bergen", "helse-stavanger", "helse-fonna", "helse-forde");
        assertThat(HealthRegion.HELSE_VEST.trust("helse-bergen")).get()
                .extracting(HealthRegion.HospitalTrust::name).isEqualTo("Helse Bergen HF");
        assertThat(HealthRegion.ofHospitalTrust("sunnaas")).contains(HealthRegion.HELSE_SOR_OST);
        assertThat(HealthRegion.HELSE_VEST.owns("ous")).isFalse();
        List<String> all = Arrays.stream(HealthRegion.values()).flatMap(r -> r.hospitalTrusts().stream()).toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(23);
        assertThat(Arrays.stream(HealthRegion.values()).flatMap(r -> r.trusts().stream()))
                .allSatisfy(t -> assertThat(t.name()).isNotBlank());
    }

    @Test
    void theVerifiedOrganisationNumbersCarryTheirSource() {
        assertThat(HealthRegion.HELSE_SOR_OST.organisationNumber()).isEqualTo("991324968");
        assertThat(HealthRegion.HELSE_SOR_OST.trust("sunnaas")).get()
                .extracting(HealthRegion.HospitalTrust::organisationNumber).isEqualTo("883971752");
        // No number without a source, and none that fails the check digit.
        Stream.concat(
                        Arrays.stream(HealthRegion.values())
                                .map(r -> new String[]{r.organisationNumber(), r.organisationNumberSource()}),
                        Arrays.stream(HealthRegion.values()).flatMap(r -> r.trusts().stream())
                                .map(t -> new String[]{t.organisationNumber(), t.organisationNumberSource()}))
                .forEach(pair -> {
                    assertThat(pair[0] == null).isEqualTo(pair[1] == null);
                    if (pair[0] != null) {
                        assertThat(mod11(pair[0])).as(pair[0]).isTrue();
                        assertThat(pair[1]).startsWith("https://");
                    }
                });
    }

    @Test
    void theCheckDigitRejectsATypo() {
        assertThat(mod11("991324968")).isTrue();
        assertThat(mod11("991324969")).isFalse();
        assertThat(mod11("99132496")).isFalse();
    }

    /** Enhetsregisteret's MOD11 check digit with weights 3 2 7 6 5 4 3 2. */
    private static boolean mod11(String number) {
        if (number == null || !number.matches("\\d{9}")) {
            return false;
        }
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (number.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(8) - '0';
    }
}
