package no.torn.grants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The 2023 Helse Sør-Øst award list is reference data of every installation (a migration): it is consistent and reads
 * like the seed list. The demo profile's script (arena reports about those projects) loads on top, repeatably.
 */
@QuarkusTest
class DemoDataTest {

    static final String ROUND = "2023e000-0000-4000-8000-000000000001";
    static final String ALLOCATION = "2023e000-0000-4000-8000-000000000003";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void loadDemoData() throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/demo/helse-sor-ost-2023.sql"),
                StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            // Twice: the script must be repeatable.
            c.createStatement().execute(sql);
            c.createStatement().execute(sql);
        }
    }

    @Test
    void helseSorOst2023AwardListIsOpenToEveryRhf() {
        JsonPath awards = as("vest-employee").get("/api/v1/grants/awards?rhf=helse-sor-ost&year=2023&size=200")
                .then().statusCode(200).body("total", equalTo(10)).extract().jsonPath();
        assertThat(awards.getList("items.hf", String.class)).doesNotHaveDuplicates().hasSize(10);
        assertThat(awards.getList("items.title", String.class)).contains(
                "Sykepleierdrevet poliklinikk for barn", "ADHD-sykepleiere i medisinsk oppfølging",
                "Portøroppgaver flyttet fra helsepersonell til portører",
                "Matverter overtar matserveringen fra sykepleierne",
                "Akuttsykepleier tar imot en pasientgruppe og avlaster LIS",
                "Teamorganisering med renholdere rundt pasienten");
        as("vest-national").get("/api/v1/grants/rounds/" + ROUND).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("sorost-admin").get("/api/v1/grants/rounds/" + ROUND + "/pots/helse-sor-ost").then()
                .body("status", equalTo("ALLOCATED"));
        as("vest-employee").get("/api/v1/experience/reports?q=portør&year=2023").then().statusCode(200)
                .body("items.hf", hasItem("ous"));
    }

    @Test
    void storedAllocationIsWhatTheCalculatorComputesAndCoversTheGrants() throws Exception {
        String body = as("sorost-admin").get("/api/v1/grants/allocations/" + ALLOCATION)
                .then().statusCode(200).extract().asString();
        JsonNode allocation = new ObjectMapper().readTree(body);
        AllocationInputs inputs = Json.read(allocation.get("inputs").toString(), AllocationInputs.class);
        AllocationCalculator.Result recomputed = inputs.compute().result();
        AllocationCalculator.Result stored = Json.read(allocation.get("arithmetic").toString(),
                AllocationCalculator.Result.class);
        assertThat(stored).isEqualTo(recomputed);
        assertThat(recomputed.total()).isEqualTo(11_000_000);
        assertThat(allocation.get("shares")).hasSize(10)
                .allSatisfy(share -> assertThat(share.get("available").asLong()).isNotNegative());
        as("vest-admin").get("/api/v1/grants/allocations/" + ALLOCATION).then().statusCode(404);
    }
}
