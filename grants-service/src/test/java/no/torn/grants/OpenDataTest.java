package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.torn.grants.domain.OrganisationNumbers;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.grants.Fixtures.json;
import static no.torn.grants.Fixtures.version;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Published awards as open data without a token: JSON, CSV and 360Giving, conditional GETs, and the publish and
 * withdraw steps that decide what is public. The 2023 Helse Sør-Øst award list is reference data of every install.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Steps.class)
class OpenDataTest {

    static final String OPEN = "/api/v1/open-data/awards";
    static final String SOROST_2023 = "?rhf=helse-sor-ost&year=2023";

    private String award;

    @Test
    @Order(1)
    void theOpenDataNeedsNoTokenWhileTheRestOfTheApiStillDoes() {
        given().get(OPEN + SOROST_2023 + "&size=200").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("total", equalTo(10))
                .body("items.hf", hasItem("sunnaas"))
                .body("items.find { it.hf == 'ous' }.title",
                        equalTo("Portøroppgaver flyttet fra helsepersonell til portører"));
        // No person's name or id: contact, decider and submitter stay inside the RHF.
        Map<String, Object> item = given().get(OPEN + SOROST_2023).then().extract().path("items[0]");
        assertThat(item).doesNotContainKeys("contactName", "contactEmail", "decidedBy", "submittedBy",
                "publishedBy");
        given().get("/api/v1/grants/awards").then().statusCode(401);
        given().get("/api/v1/grants/rounds").then().statusCode(401);
        given().get("/api/v1/experience/reports").then().statusCode(401);
        given().get(OPEN + "?year=soon").then().statusCode(400).contentType(containsString("problem+json"))
                .body("violations.field", hasItem("year"));
        given().get(OPEN + "?rhf=helse-ukjent").then().statusCode(400);
        given().get(OPEN + ".csv?year=soon").then().statusCode(400);
        given().get(OPEN + "?size=100000").then().statusCode(400);
    }

    @Test
    @Order(2)
    void csvByAcceptHeaderOrSuffix() {
        String byAccept = given().accept("text/csv").get(OPEN + SOROST_2023).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String bySuffix = given().get(OPEN + ".csv" + SOROST_2023).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(byAccept).isEqualTo(bySuffix);
        List<String> lines = byAccept.lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).startsWith("id,year,programme,rhf,").contains("amountAwarded,currency,awardDate");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Sunnaas sykehus HF").contains(",480000,NOK,"));
        assertThat(byAccept).doesNotContain("Prosjektleder").doesNotContain("example.org");
    }

    @Test
    @Order(3)
    void conditionalGetsAnswerNotModified() {
        for (String path : List.of(OPEN + SOROST_2023, OPEN + ".csv" + SOROST_2023,
                OPEN + ".360giving.json" + SOROST_2023)) {
            Response first = given().get(path);
            first.then().statusCode(200).header("ETag", notNullValue()).header("Last-Modified", notNullValue());
            String etag = first.header("ETag");
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
            given().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
        // One URL, three representations: each has its own ETag.
        String json = given().get(OPEN + SOROST_2023).header("ETag");
        String csv = given().accept("text/csv").get(OPEN + SOROST_2023).header("ETag");
        assertThat(json).isNotEqualTo(csv);
    }

    @Test
    @Order(4)
    void everyGrantIn360GivingHasTheRequiredFields() {
        Response byPath = given().get(OPEN + ".360giving.json");
        byPath.then().statusCode(200).contentType(containsString("application/vnd.360giving+json"));
        List<Map<String, Object>> grants = byPath.jsonPath().getList("grants");
        assertThat(grants).isNotEmpty();
        assertThat(grants).allSatisfy(g -> {
            assertThat(g).containsKeys("id", "title", "description", "currency", "amountAwarded", "awardDate",
                    "recipientOrganization", "fundingOrganization");
            assertThat((String) g.get("id")).startsWith("360G-torn-");
            assertThat((String) g.get("title")).isNotBlank();
            assertThat((String) g.get("description")).isNotBlank();
            assertThat(g.get("currency")).isEqualTo("NOK");
            assertThat(((Number) g.get("amountAwarded")).longValue()).isPositive();
            assertThat((String) g.get("awardDate")).matches("\\d{4}-\\d{2}-\\d{2}");
            for (String role : List.of("recipientOrganization", "fundingOrganization")) {
                @SuppressWarnings("unchecked")
                List<Map<String, String>> orgs = (List<Map<String, String>>) g.get(role);
                assertThat(orgs).hasSize(1);
                assertThat(orgs.get(0).get("name")).isNotBlank();
                String id = orgs.get(0).get("id");
                assertThat(id).matches("NO-BRC-\\d{9}");
                assertThat(OrganisationNumbers.valid(id.substring("NO-BRC-".length()))).isTrue();
            }
        });
        // Sunnaas and Helse Sør-Øst have verified organisation numbers; OUS has none on file, so it is left out.
        byPath.then().body("grants.find { it.id == '360G-torn-2023e000-0000-4000-8002-000000000009' }"
                        + ".recipientOrganization[0].id", equalTo("NO-BRC-883971752"))
                .body("grants.find { it.id == '360G-torn-2023e000-0000-4000-8002-000000000009' }"
                        + ".fundingOrganization[0].id", equalTo("NO-BRC-991324968"))
                .body("grants.id", not(hasItem("360G-torn-2023e000-0000-4000-8002-000000000001")));
        given().accept("application/vnd.360giving+json").get(OPEN).then().statusCode(200)
                .contentType(containsString("application/vnd.360giving+json"))
                .body("grants.size()", equalTo(grants.size()));
    }

    @Test
    @Order(5)
    void anAwardIsPublicOnlyBetweenPublishAndWithdraw() {
        String round = Fixtures.allocatedRound(2028);
        Fixtures.lock(round);
        award = Fixtures.submit("vest-hr", round, "helse-bergen", 200_000);
        Fixtures.grant(award, 200_000);
        String vest = OPEN + "?rhf=helse-vest&year=2028";
        Response before = given().get(vest);
        before.then().statusCode(200).body("items.applicationId", not(hasItem(award)));
        String app = "/api/v1/grants/applications/" + award;

        as("sorost-admin").body(json("version", version("vest-admin", app)))
                .post("/api/v1/grants/awards/" + award + "/publish").then().statusCode(404);
        as("vest-hr").body(json("version", version("vest-admin", app)))
                .post("/api/v1/grants/awards/" + award + "/publish").then().statusCode(403);
        as("vest-admin").body(json("version", 99)).post("/api/v1/grants/awards/" + award + "/publish")
                .then().statusCode(409);
        as("vest-admin").body(json("version", version("vest-admin", app)))
                .post("/api/v1/grants/awards/" + award + "/publish").then().statusCode(200)
                .body("published", equalTo(true)).body("publishedAt", notNullValue());
        as("vest-admin").body(json("version", version("vest-admin", app)))
                .post("/api/v1/grants/awards/" + award + "/publish").then().statusCode(409);
        Response published = given().get(vest);
        published.then().statusCode(200).body("items.applicationId", hasItem(award));
        assertThat(published.header("ETag")).isNotEqualTo(before.header("ETag"));
        given().header("If-None-Match", before.header("ETag")).get(vest).then().statusCode(200);
        as("sorost-employee").get("/api/v1/grants/awards?rhf=helse-vest&year=2028").then()
                .body("items.applicationId", hasItem(award));

        as("sorost-admin").body(json("version", version("vest-admin", app)))
                .post("/api/v1/grants/awards/" + award + "/withdraw").then().statusCode(404);
        as("vest-admin").body(json("version", version("vest-admin", app), "reason", "Feil beløp"))
                .post("/api/v1/grants/awards/" + award + "/withdraw").then().statusCode(200)
                .body("published", equalTo(false));
        as("vest-admin").body(json("version", version("vest-admin", app)))
                .post("/api/v1/grants/awards/" + award + "/withdraw").then().statusCode(409);
        Response withdrawn = given().get(vest);
        withdrawn.then().body("items.applicationId", not(hasItem(award)));
        assertThat(withdrawn.header("ETag")).isNotEqualTo(published.header("ETag"));
        given().accept("text/csv").get(vest).then().body(not(containsString(award)));

        as("vest-auditor").get("/api/v1/grants/audit?entityType=APPLICATION&entityId=" + award).then()
                .statusCode(200).body("items.action", hasItem("AWARD_PUBLISHED"))
                .body("items.action", hasItem("AWARD_WITHDRAWN"))
                .body("items.find { it.action == 'AWARD_WITHDRAWN' }.reason", equalTo("Feil beløp"));
    }

    @Test
    @Order(6)
    void publishAndWithdrawAreAnnouncedOnTheRhfsTopic() {
        List<TopicReader.Event> events = Fixtures.eventsAbout(List.of(award), 3);
        assertThat(events).extracting(TopicReader.Event::type).contains("no.torn.grants.award-published.v1",
                "no.torn.grants.award-withdrawn.v1");
        assertThat(events).filteredOn(e -> e.type().startsWith("no.torn.grants.award-"))
                .allSatisfy(e -> assertThat(e.cloudEvent().path("rhf").asText()).isEqualTo("helse-vest"));
        assertThat(Fixtures.data(events, "no.torn.grants.award-published.v1", award).path("amountAwarded")
                .asLong()).isEqualTo(200_000);
        assertThat(Fixtures.data(events, "no.torn.grants.award-withdrawn.v1", award).path("reason").asText())
                .isEqualTo("Feil beløp");
    }
}
