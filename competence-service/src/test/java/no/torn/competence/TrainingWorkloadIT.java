package no.torn.competence;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.anonymous;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The packaged application under the requests it serves most: employees and records written and read back, holders
 * and gap reports, reference data, FHIR and the platform endpoints. With quarkus.package.jar.aot.enabled this run is
 * also the training run whose classes and profiles go into target/quarkus-app/app.aot.
 */
@QuarkusIntegrationTest
class TrainingWorkloadIT {

    private static final int ROUNDS = 5;

    @Test
    void servesTheEverydayWorkload() {
        for (int round = 0; round < ROUNDS; round++) {
            String unit = Fixtures.unique("post-");
            String nurse = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "sykepleier");
            String porter = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "portor");
            String cpr = Fixtures.createRecord("vest-hr", nurse, "HLR", today().minusMonths(2), null);
            Fixtures.createRecord("vest-hr", nurse, "AUT-SYKEPLEIER", today().minusYears(2), null);

            as("vest-hr").get(ROOT + "/records/" + cpr).then().statusCode(200)
                    .body("competenceCode", equalTo("HLR")).body("status", equalTo("ACTIVE"));
            as("vest-auditor").get(ROOT + "/records/" + cpr + "/history").then().statusCode(200);
            as("vest-leader").queryParam("validOn", today().toString())
                    .get(ROOT + "/employees/" + nurse + "/competences").then().statusCode(200)
                    .body("validCodes", hasItems("HLR", "AUT-SYKEPLEIER"));
            as("vest-leader").queryParam("hf", "helse-bergen").queryParam("unit", unit)
                    .queryParam("codes", "AUT-SYKEPLEIER").get(ROOT + "/holders").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].employeeId", equalTo(nurse));
            as("vest-leader").queryParam("hf", "helse-bergen").queryParam("unit", unit)
                    .queryParam("codes", "HLR").queryParam("withinDays", 30)
                    .get(ROOT + "/gap-report").then().statusCode(200).body("staff", equalTo(2));
            as("vest-hr").get(ROOT + "/employees/" + porter).then().statusCode(200)
                    .body("personnelGroup", equalTo("portor"));
            as("vest-hr").queryParam("hf", "helse-bergen").get(ROOT + "/employees").then().statusCode(200);
            as("vest-hr").body(Map.of()).post(ROOT + "/employees/" + porter + "/leave").then().statusCode(200);

            as("vest-employee").get(ROOT + "/personnel-groups").then().statusCode(200)
                    .body("code", hasItem("sykepleier"));
            as("vest-employee").get(ROOT + "/types").then().statusCode(200);
            as("vest-employee").get(ROOT + "/health-regions").then().statusCode(200)
                    .body("size()", greaterThanOrEqualTo(4));
            as("vest-auditor").get(ROOT + "/competence-categories").then().statusCode(200);
            as("vest-hr").accept("application/fhir+json").get(ROOT + "/fhir/metadata").then().statusCode(200)
                    .body("resourceType", equalTo("CapabilityStatement"));
            // A foreign record answers 404; bad input is a 400.
            as("sorost-hr").get(ROOT + "/records/" + cpr).then().statusCode(404);
            as("vest-hr").get(ROOT + "/employees/not-a-uuid").then().statusCode(400);
            anonymous().get(ROOT + "/employees").then().statusCode(401);
            anonymous().get("/q/health/ready").then().statusCode(200);
            anonymous().get("/q/openapi").then().statusCode(200);
        }
    }
}
