package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.grants.Api.as;
import static no.torn.grants.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The arena: drafts stay inside their RHF; published reports are readable and searchable from every RHF. */
@QuarkusTest
class ExperienceArenaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A made-up word unique to this run, so searches see only this test's reports. */
    private final String marker = "tornmerke" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");

    private Map<String, Object> report(String hf, String title, String from, String to, List<String> tasks,
                                       String summary, int year) {
        Map<String, Object> body = new HashMap<>(json("hf", hf, "title", title, "fromGroup", from, "toGroup", to,
                "taskCodes", tasks, "summary", summary + " " + marker, "results", "Frigjorde tid på sengepostene",
                "lessons", "Involver tillitsvalgte tidlig", "pitfalls", "Uklare ansvarsforhold", "year", year));
        body.put("contact", "Seksjonsleder");
        return body;
    }

    private String create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/experience/reports").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    private void publish(String user, String id) {
        int version = as(user).get("/api/v1/experience/reports/" + id).then().extract().path("version");
        as(user).body(json("version", version)).post("/api/v1/experience/reports/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void draftsStayHomePublishedReportsTravel() {
        String meals = create("vest-hr", report("helse-bergen", "Matverter overtar matserveringen", "sykepleier",
                "matvert", List.of("MATSERVERING"), "Matvertene serverer alle måltider for sykepleierne", 2025));
        String porters = create("vest-admin", report("helse-stavanger", "Portører i pasienttransport", "sykepleier",
                "portor", List.of("PASIENTTRANSPORT"), "Portørene flytter pasienter mellom avdelinger", 2024));
        String ed = create("sorost-hr", report("ous", "Akuttsykepleier tar en pasientgruppe", "lis",
                "sykepleier", List.of("TRIAGE", "SAARSKADE"), "Sykepleier vurderer enkle sårskader selv", 2025));
        String draft = create("vest-hr", report("helse-bergen", "Utkast om renhold", "helsefagarbeider",
                "renholder", List.of(), "Renholdere i teamet rundt pasienten", 2025));

        // A draft is invisible to another RHF and to the published search.
        as("sorost-admin").get("/api/v1/experience/reports/" + meals).then().statusCode(404);
        as("vest-employee").get("/api/v1/experience/reports/" + meals).then().statusCode(200);
        as("sorost-national").get("/api/v1/experience/reports/" + meals).then().statusCode(200);
        as("sorost-admin").body(json("version", 0)).post("/api/v1/experience/reports/" + meals + "/publish")
                .then().statusCode(404);
        as("sorost-admin").get("/api/v1/experience/reports?status=DRAFT&q=" + marker).then().statusCode(200)
                .body("items.id", not(hasItem(meals)));
        as("vest-hr").get("/api/v1/experience/reports?status=DRAFT&q=" + marker).then().statusCode(200)
                .body("items.id", hasItem(meals));
        as("sorost-admin").get("/api/v1/experience/reports?status=DRAFT&rhf=helse-vest").then().statusCode(403);

        // Edits need the current version and only drafts change.
        Map<String, Object> edit = report("helse-bergen", "Matverter overtar matserveringen", "sykepleier",
                "matvert", List.of("MATSERVERING", "ERNAERING"), "Matvertene serverer alle måltider for sykepleierne",
                2025);
        edit.put("version", 9);
        as("vest-hr").body(edit).put("/api/v1/experience/reports/" + meals).then().statusCode(409);
        edit.put("version", 0);
        as("sorost-admin").body(edit).put("/api/v1/experience/reports/" + meals).then().statusCode(404);
        as("vest-hr").body(edit).put("/api/v1/experience/reports/" + meals).then().statusCode(200)
                .body("taskCodes", contains("MATSERVERING", "ERNAERING"));

        publish("vest-hr", meals);
        publish("vest-admin", porters);
        publish("sorost-hr", ed);
        edit.put("version", 2);
        as("vest-hr").body(edit).put("/api/v1/experience/reports/" + meals).then().statusCode(422);
        as("vest-hr").body(json("version", 2)).post("/api/v1/experience/reports/" + meals + "/publish")
                .then().statusCode(422);

        // Published reports are readable and searchable from every RHF.
        as("sorost-employee").get("/api/v1/experience/reports/" + meals).then().statusCode(200)
                .body("hfName", equalTo("Helse Bergen HF"));
        as("sorost-employee").get("/api/v1/experience/reports?q=" + marker).then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", containsInAnyOrder(meals, porters, ed));
        // Norwegian stemming: "matvertene" finds "Matverter", "portør" finds "Portørene", "sårskade" "sårskader".
        as("sorost-employee").get("/api/v1/experience/reports?q=" + marker + " matvertene").then()
                .body("items.id", contains(meals));
        as("vest-auditor").get("/api/v1/experience/reports?q=" + marker + " portør").then()
                .body("items.id", contains(porters));
        as("vest-auditor").get("/api/v1/experience/reports?q=" + marker + " sårskade").then()
                .body("items.id", contains(ed));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + " -portør").then()
                .body("total", equalTo(2));

        // Filters: personnel group (either side), task, HF, RHF and year.
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&personnelGroup=sykepleier").then()
                .body("items.id", containsInAnyOrder(meals, porters, ed));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&personnelGroup=lis").then()
                .body("items.id", contains(ed));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&task=ERNAERING").then()
                .body("items.id", contains(meals));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&hf=helse-stavanger").then()
                .body("items.id", contains(porters));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&year=2025&rhf=helse-sor-ost").then()
                .body("items.id", contains(ed));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&size=1&page=1").then()
                .body("total", equalTo(3)).body("items.size()", equalTo(1));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&size=2&page=5").then()
                .body("total", equalTo(3)).body("items.size()", equalTo(0));
        // Browsing without a search term lists the newest first.
        as("sorost-employee").get("/api/v1/experience/reports?task=ERNAERING&hf=helse-bergen").then().statusCode(200)
                .body("items.id", hasItem(meals)).body("items[0].status", equalTo("PUBLISHED"));
        as("sorost-employee").get("/api/v1/experience/reports?rhf=helse-vest&size=200").then().statusCode(200)
                .body("items.id", hasItem(porters)).body("items.id", not(hasItem(ed)));
        as("vest-employee").get("/api/v1/experience/reports?personnelGroup=doctor").then().statusCode(400);
        as("vest-employee").get("/api/v1/experience/reports?size=500").then().statusCode(400);
        as("sorost-employee").get("/api/v1/experience/reports/" + draft).then().statusCode(404);

        List<TopicReader.Event> events = Api.eventsAbout(bootstrap, List.of(meals, porters, ed, draft), 3);
        assertThat(events).extracting(TopicReader.Event::subject).containsExactlyInAnyOrder(meals, porters, ed);
        assertThat(Api.data(events, "no.torn.grants.experience-report-published.v1", ed).path("rhf").asText())
                .isEqualTo("helse-sor-ost");
    }

    @Test
    void writesAreForTheCallersOwnHfAndValidated() {
        as("vest-hr").body(report("helse-stavanger", "t", "lege", "sykepleier", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(403);
        as("vest-admin").body(report("ous", "t", "lege", "sykepleier", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(403);
        as("vest-admin").body(report("nowhere", "t", "lege", "sykepleier", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(400);
        as("vest-admin").body(report("helse-bergen", "t", "lege", "lege", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(400);
        as("vest-employee").body(report("helse-bergen", "t", "lege", "sykepleier", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(403);
        as("vest-admin").body(report("helse-bergen", "", "lege", "surgeon", List.of("bad code!"), "s", 1800))
                .post("/api/v1/experience/reports").then().statusCode(400)
                .body("violations.field", hasItem("toGroup"));
        Map<String, Object> linked = report("helse-bergen", "t", "lege", "sykepleier", List.of(), "s", 2025);
        linked.put("applicationId", "00000000-0000-0000-0000-000000000001");
        as("vest-admin").body(linked).post("/api/v1/experience/reports").then().statusCode(422);

        String key = Api.unique("exp");
        String first = as("vest-admin").header("Idempotency-Key", key)
                .body(report("helse-bergen", "t", "lege", "sykepleier", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(201).extract().path("id");
        as("vest-admin").header("Idempotency-Key", key)
                .body(report("helse-bergen", "t", "lege", "sykepleier", List.of(), "s", 2025))
                .post("/api/v1/experience/reports").then().statusCode(201).body("id", equalTo(first));
        as("vest-admin").get("/api/v1/experience/reports/00000000-0000-0000-0000-000000000001")
                .then().statusCode(404);
    }
}
