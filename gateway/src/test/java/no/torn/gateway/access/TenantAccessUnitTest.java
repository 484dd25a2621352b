package no.torn.gateway.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantAccessUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void knownForeignCodesAreForeignUnknownOnesAreLeftToTheServices() {
        assertThat(TenantAccess.isForeign("helse-vest", "helse-nord")).isTrue();
        assertThat(TenantAccess.isForeign("helse-vest", "ous")).isTrue();
        assertThat(TenantAccess.isForeign("helse-vest", " Helse-Midt ")).isTrue();
        assertThat(TenantAccess.isForeign("helse-vest", "helse-vest")).isFalse();
        assertThat(TenantAccess.isForeign("helse-vest", "helse-forde")).isFalse();
        assertThat(TenantAccess.isForeign("helse-vest", "national")).isFalse();
        assertThat(TenantAccess.isForeign("helse-vest", "3f2c1a4e-0000-4000-8000-000000000000")).isFalse();
        assertThat(TenantAccess.isForeign("helse-vest", "")).isFalse();
    }

    @Test
    void pathSegmentsAreDecodedAndMatrixParametersIgnored() {
        assertThat(TenantAccess.inPath("helse-vest", "/api/v1/x/helse%2Dnord/y")).isPresent();
        assertThat(TenantAccess.inPath("helse-vest", "/api/v1/x/ahus;v=1")).isPresent();
        assertThat(TenantAccess.inPath("helse-vest", "/api/v1/x/helse-bergen/y")).isEmpty();
        assertThat(TenantAccess.inPath("helse-vest", "/api/v1/x/%zz")).isEmpty();
    }

    @Test
    void onlyRhfAndHfParametersCount() {
        assertThat(TenantAccess.inQuery("helse-vest", Map.of("unit", List.of("ous")))).isEmpty();
        assertThat(TenantAccess.inQuery("helse-vest", Map.of("hf", List.of("helse-bergen", "ous")))).isPresent();
        assertThat(TenantAccess.inQuery("helse-vest", Map.of("Rhf", List.of("helse-vest,helse-nord")))).isPresent();
    }

    @Test
    void topLevelBodyFieldsAndBulkElementsCount() throws Exception {
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("{\"hf\":\"ous\"}"))).isPresent();
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("{\"hf\":[\"helse-bergen\",\"ahus\"]}")))
                .isPresent();
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("[{\"rhf\":\"helse-vest\"},{\"rhf\":\"helse-nord\"}]")))
                .isPresent();
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("{\"hf\":\"helse-bergen\",\"note\":\"ous\"}")))
                .isEmpty();
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("{\"hf\":null,\"rhf\":3}"))).isEmpty();
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("\"ous\""))).isEmpty();
    }

    @Test
    void nestedBodyFieldsCountAtAnyDepthAndAreNamedByTheirPlace() throws Exception {
        assertThat(TenantAccess.inBody("helse-vest",
                JSON.readTree("{\"round\":{\"allocations\":[{\"hf\":\"helse-bergen\"},{\"hf\":\"unn\"}]}}")))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("round.allocations[1].hf=unn").contains("helse-vest"));
        assertThat(TenantAccess.inBody("helse-vest", JSON.readTree("[[{\"owner\":{\"rhf\":\"helse-nord\"}}]]")))
                .isPresent();
        assertThat(TenantAccess.inBody("helse-vest",
                JSON.readTree("{\"round\":{\"allocations\":[{\"hf\":\"helse-bergen\",\"note\":\"unn\"}]}}")))
                .isEmpty();
    }
}
