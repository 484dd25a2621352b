package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/** Grants' calendar is Norway's: at 00:30 on New Year's Day in Oslo it is already the new year, not UTC's old one. */
@QuarkusTest
class OsloTodayTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void anExperienceReportWithoutAYearIsFiledUnderTheNorwegianYear() {
        TestClock.setTo(LocalDate.of(2031, 1, 1), LocalTime.of(0, 30));
        as("vest-hr").body(json("hf", "helse-bergen", "title", "Nyttårsrapport", "fromGroup", "lege",
                        "toGroup", "sykepleier", "taskCodes", List.of(), "summary", "Skrevet rett etter midnatt"))
                .post("/api/v1/experience/reports").then().statusCode(201)
                .body("year", equalTo(2031));
    }

    @Test
    void theAwardDateIsTheNorwegianDayOfTheDecision() {
        String round = Fixtures.allocatedRound(2031);
        Fixtures.lock(round);
        String project = Fixtures.submit("vest-hr", round, "helse-bergen", 1_000);
        TestClock.setTo(LocalDate.of(2031, 6, 2), LocalTime.of(0, 30));
        Fixtures.grant(project, 1_000);
        String path = "/api/v1/grants/applications/" + project;
        as("vest-admin").body(json("version", Fixtures.version("vest-admin", path)))
                .post("/api/v1/grants/awards/" + project + "/publish").then().statusCode(200);
        String csv = io.restassured.RestAssured.given().get("/api/v1/open-data/awards.csv?rhf=helse-vest&year=2031")
                .then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv.lines().filter(l -> l.startsWith("360G-torn-" + project)))
                .singleElement().asString().contains(",NOK,2031-06-02,");
    }
}
