package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.task.CompetenceFeed;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Eligible staff and coverage follow the RHF's sharing decision: a group the RHF has a mapping to performs the task
 * only through an APPROVED mapping (R-SHARE-04), a porter never performs a task for a health professional
 * (R-SHARE-02/03), and each eligible person carries the basis of the decision.
 */
@QuarkusTest
class SharingDecisionEligibilityTest {

    private static final String VALID_ON = "2026-12-01";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void aHealthWorkerIsEligibleThroughAnApprovedMappingOnlyAndNoLongerOnceItIsRetired() throws Exception {
        String unit = "Post " + UUID.randomUUID().toString().substring(0, 6);
        String task = nationalTask("MED-HIGH", "MEDICATION", "HIGH", true, false, List.of("MED-ADM"));
        CompetenceFeed feed = new CompetenceFeed(bootstrap);
        UUID nurse = feed.employee("S-1", "sykepleier", unit, 1, "ACTIVE");
        feed.competence(nurse, "MED-ADM", List.of(), null, "ACTIVE", 1);
        UUID worker = feed.employee("S-2", "helsefagarbeider", unit, 1, "ACTIVE");
        feed.competence(worker, "MED-ADM", List.of(), null, "ACTIVE", 1);
        feed.competence(worker, "MED-HFA", List.of(), null, "ACTIVE", 1);
        UUID porter = feed.employee("S-3", "portor", unit, 1, "ACTIVE");
        feed.competence(porter, "MED-ADM", List.of(), null, "ACTIVE", 1);
        feed.competence(porter, "MED-HFA", List.of(), null, "ACTIVE", 1);
        feed.flush();
        feed.awaitApplied(em);
        String eligible = "/api/v1/tasks/" + task + "/eligible-staff?hf=helse-bergen&validOn=" + VALID_ON
                + "&unit=" + unit;
        String coverage = "/api/v1/coverage?hf=helse-bergen&size=200&validOn=" + VALID_ON + "&unit=" + unit;
        String row = "items.find { it.taskCode == '" + task + "' }.eligibleStaff";

        // No sharing decision about health workers yet: the task's own requirements decide; never the porter.
        as("vest-leader").get(eligible).then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("S-1", "S-2")))
                .body("items.basis", equalTo(List.of("TASK", "TASK")));

        // A draft, then a proposed mapping to health workers: the RHF has not shared the task with them (R-SHARE-04).
        String id = createMapping("vest-admin", task, "sykepleier", "helsefagarbeider", "DIRECT",
                List.of("MED-HFA")).statusCode(201).extract().path("id");
        as("vest-leader").get(eligible).then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("S-1")));
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(200);
        as("vest-leader").get(eligible).then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("S-1")));
        as("vest-leader").get(coverage).then().statusCode(200).body(row, equalTo(1));

        // Approved: the health worker is eligible through the mapping, under its supervision.
        as("vest-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(200);
        as("vest-leader").get(eligible).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.employeeNumber", equalTo(List.of("S-1", "S-2")))
                .body("items[0].basis", equalTo("TASK"))
                .body("items[0].mappingId", nullValue())
                .body("items[1].basis", equalTo("MAPPING"))
                .body("items[1].reason", equalTo("SHARING_MAPPING"))
                .body("items[1].mappingId", equalTo(id))
                .body("items[1].mappingFromGroup", equalTo("sykepleier"))
                .body("items[1].supervisionLevel", equalTo("DIRECT"));
        as("vest-leader").get(coverage).then().statusCode(200).body(row, equalTo(2));

        // Retired: the RHF's decision about health workers stands, so they are no longer eligible.
        as("vest-admin").body(Map.of("version", 2)).post("/api/v1/sharing-mappings/" + id + "/retire")
                .then().statusCode(200);
        as("vest-leader").get(eligible).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.employeeNumber", equalTo(List.of("S-1")));
        as("vest-leader").get(coverage).then().statusCode(200).body(row, equalTo(1));
    }

    @Test
    void theDecisionAboutAGroupNamesEveryUnmetRuleAndItsBasis() {
        String task = nationalTask("MED-GROUP", "MEDICATION", "HIGH", true, false, List.of("MED-ADM"));
        String decision = "/api/v1/tasks/" + task + "/sharing-decision?group=";
        // The porter case: a HIGH-risk medication task that requires a health professional.
        as("vest-leader").get(decision + "portor").then().statusCode(200)
                .body("allowed", equalTo(false))
                .body("rhf", equalTo("helse-vest"))
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03")))
                .body("rules[0].field", equalTo("personnelGroup"))
                .body("basis", nullValue());
        as("vest-leader").get(decision + "sykepleier").then().statusCode(200)
                .body("allowed", equalTo(true)).body("basis", equalTo("TASK")).body("mappingId", nullValue());

        String id = createMapping("vest-admin", task, "sykepleier", "helsefagarbeider", "DIRECT",
                List.of("MED-HFA")).statusCode(201).extract().path("id");
        as("vest-leader").get(decision + "helsefagarbeider").then().statusCode(200)
                .body("allowed", equalTo(false)).body("rules.rule", equalTo(List.of("R-SHARE-04")));
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(200);
        as("vest-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(200);
        as("vest-leader").get(decision + "helsefagarbeider").then().statusCode(200)
                .body("allowed", equalTo(true)).body("basis", equalTo("MAPPING"))
                .body("mappingId", equalTo(id)).body("supervisionLevel", equalTo("DIRECT"));
        // Another RHF has made no decision about health workers: the task's own requirements decide there.
        as("sorost-admin").get(decision + "helsefagarbeider").then().statusCode(200)
                .body("rhf", equalTo("helse-sor-ost")).body("basis", equalTo("TASK"));
        as("vest-admin").body(Map.of("version", 2)).post("/api/v1/sharing-mappings/" + id + "/retire")
                .then().statusCode(200);
        as("vest-leader").get(decision + "helsefagarbeider").then().statusCode(200)
                .body("allowed", equalTo(false)).body("rules.rule", equalTo(List.of("R-SHARE-04")));

        as("sorost-admin").get(decision + "helsefagarbeider&rhf=helse-vest").then().statusCode(403);
        as("vest-national").get(decision + "helsefagarbeider&rhf=helse-vest").then().statusCode(200)
                .body("allowed", equalTo(false));
        as("vest-leader").get(decision + "kokk").then().statusCode(400)
                .body("violations[0].field", equalTo("group"));
        as("vest-leader").get("/api/v1/tasks/" + task + "/sharing-decision").then().statusCode(400);
        as("vest-leader").get("/api/v1/tasks/NO-SUCH/sharing-decision?group=portor").then().statusCode(404);
        as("vest-employee").get(decision + "portor").then().statusCode(403);
    }

    @Test
    void aRetiredTaskHasNobodyEligible() throws Exception {
        String unit = "Post " + UUID.randomUUID().toString().substring(0, 6);
        String task = nationalTask("OLD", "SERVICE_MEALS", "LOW", false, true, List.of());
        CompetenceFeed feed = new CompetenceFeed(bootstrap);
        feed.employee("R-1", "sykepleier", unit, 1, "ACTIVE");
        feed.flush();
        feed.awaitApplied(em);
        String eligible = "/api/v1/tasks/" + task + "/eligible-staff?hf=helse-bergen&unit=" + unit;
        as("vest-leader").get(eligible).then().statusCode(200).body("total", equalTo(1));
        as("vest-national").body(Map.of("version", 0)).post("/api/v1/tasks/" + task + "/retire")
                .then().statusCode(200);
        as("vest-leader").get(eligible).then().statusCode(200).body("total", equalTo(0));
    }
}
