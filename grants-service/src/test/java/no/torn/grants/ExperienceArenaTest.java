package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The arena, one step per test: drafts stay inside their RHF; published reports are readable and searchable from
 * every RHF.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Steps.class)
class ExperienceArenaTest {

    /** A made-up word unique to this run, so searches see only this test's reports. */
    private final String marker = "tornmerke" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");

    private String meals;
    private String porters;
    private String ed;
    private String draft;

    private Map<String, Object> report(String hf, String title, String from, String to, List<String> tasks,
                                       String summary, int year) {
        Map<String, Object> body = new HashMap<>(json("hf", hf, "title", title, "fromGroup", from, "toGroup", to,
                "taskCodes", tasks, "summary", summary + " " + marker, "results", "Frigjorde tid på sengepostene",
                "lessons", "Involver tillitsvalgte tidlig", "pitfalls", "Uklare ansvarsforhold", "year", year));
        body.put("contact", "Seksjonsleder");
        return body;
    }

    private Map<String, Object> mealsEdit(int version) {
        Map<String, Object> edit = report("helse-bergen", "Matverter overtar matserveringen", "sykepleier",
                "matvert", List.of("MATSERVERING", "ERNAERING"), "Matvertene serverer alle måltider for sykepleierne",
                2025);
        edit.put("version", version);
        return edit;
    }

    private static String create(String user, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/experience/reports").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    private static void publish(String user, String id) {
        int version = as(user).get("/api/v1/experience/reports/" + id).then().extract().path("version");
        as(user).body(json("version", version)).post("/api/v1/experience/reports/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    @Order(1)
    void reportsAreWrittenAsDrafts() {
        meals = create("vest-hr", report("helse-bergen", "Matverter overtar matserveringen", "sykepleier",
                "matvert", List.of("MATSERVERING"), "Matvertene serverer alle måltider for sykepleierne", 2025));
        porters = create("vest-admin", report("helse-stavanger", "Portører i pasienttransport", "sykepleier",
                "portor", List.of("PASIENTTRANSPORT"), "Portørene flytter pasienter mellom avdelinger", 2024));
        ed = create("sorost-hr", report("ous", "Akuttsykepleier tar en pasientgruppe", "lis",
                "sykepleier", List.of("TRIAGE", "SAARSKADE"), "Sykepleier vurderer enkle sårskader selv", 2025));
        draft = create("vest-hr", report("helse-bergen", "Utkast om renhold", "helsefagarbeider",
                "renholder", List.of(), "Renholdere i teamet rundt pasienten", 2025));
    }

    @Test
    @Order(2)
    void aDraftStaysInsideItsRhf() {
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
    }

    @Test
    @Order(3)
    void editsNeedTheCurrentVersion() {
        as("vest-hr").body(mealsEdit(9)).put("/api/v1/experience/reports/" + meals).then().statusCode(409);
        as("sorost-admin").body(mealsEdit(0)).put("/api/v1/experience/reports/" + meals).then().statusCode(404);
        as("vest-hr").body(mealsEdit(0)).put("/api/v1/experience/reports/" + meals).then().statusCode(200)
                .body("taskCodes", contains("MATSERVERING", "ERNAERING"));
    }

    @Test
    @Order(4)
    void aPublishedReportNoLongerChanges() {
        publish("vest-hr", meals);
        publish("vest-admin", porters);
        publish("sorost-hr", ed);
        as("vest-hr").body(mealsEdit(2)).put("/api/v1/experience/reports/" + meals).then().statusCode(422);
        // PUBLISHED is final: publishing again is refused by the transition guard.
        as("vest-hr").body(json("version", 2)).post("/api/v1/experience/reports/" + meals + "/publish")
                .then().statusCode(409).body("detail", containsString("cannot move from PUBLISHED to PUBLISHED"));
    }

    @Test
    @Order(5)
    void publishedReportsAreReadableAndSearchableFromEveryRhf() {
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
        as("sorost-employee").get("/api/v1/experience/reports/" + draft).then().statusCode(404);
    }

    @Test
    @Order(6)
    void filtersNarrowTheSearch() {
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
        as("vest-employee").get("/api/v1/experience/reports?personnelGroup=doctor").then().statusCode(400);
        as("vest-employee").get("/api/v1/experience/reports?size=500").then().statusCode(400);
    }

    @Test
    @Order(7)
    void browsingWithoutASearchTermListsTheNewestFirst() {
        as("sorost-employee").get("/api/v1/experience/reports?task=ERNAERING&hf=helse-bergen").then().statusCode(200)
                .body("items.id", hasItem(meals)).body("items[0].status", equalTo("PUBLISHED"));
        as("sorost-employee").get("/api/v1/experience/reports?rhf=helse-vest&size=200").then().statusCode(200)
                .body("items.id", hasItem(porters)).body("items.id", not(hasItem(ed)));
    }

    @Test
    @Order(8)
    void publicationEventsMatchTheirSchemas() {
        List<TopicReader.Event> events = Fixtures.eventsAbout(List.of(meals, porters, ed, draft), 3);
        assertThat(events).extracting(TopicReader.Event::subject).containsExactlyInAnyOrder(meals, porters, ed);
        assertThat(Fixtures.data(events, "no.torn.grants.experience-report-published.v1", ed).path("rhf").asText())
                .isEqualTo("helse-sor-ost");
    }
}
