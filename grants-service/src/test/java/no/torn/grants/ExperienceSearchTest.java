package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Arena search with Norwegian stemming: inflected forms find each other, results are ranked and carry highlighted
 * snippets, and the filters (RHF, HF, from and to group, year) narrow them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperienceSearchTest {

    /** A made-up word unique to this run, so searches see only this class's reports. */
    private final String marker = "sokmerke" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");

    private String nurses;
    private String sharing;
    private String porters;

    private String publish(String user, String hf, String title, String from, String to, String summary, int year) {
        Map<String, Object> body = new HashMap<>(json("hf", hf, "title", title, "fromGroup", from, "toGroup", to,
                "taskCodes", List.of("PASIENTTRANSPORT"), "summary", summary + " " + marker,
                "results", "Mer tid til pasientene", "year", year));
        String id = as(user).body(body).post("/api/v1/experience/reports").then().statusCode(201)
                .extract().path("id");
        as(user).body(json("version", Fixtures.version(user, "/api/v1/experience/reports/" + id)))
                .post("/api/v1/experience/reports/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    /** Once per class, inside the first test: the HTTP port is known only then. */
    @BeforeEach
    void reports() {
        if (nurses != null) {
            return;
        }
        nurses = publish("vest-hr", "helse-bergen", "Ny arbeidsdeling på sengeposten", "sykepleier", "helsefagarbeider",
                "Sykepleierne fikk avlastning da helsefagarbeiderne tok stell og måltider <b>", 2025);
        sharing = publish("sorost-hr", "ous", "Erfaringer fra akuttmottaket", "lege", "sykepleier",
                "Oppgavedelingen mellom leger og sykepleiere ga kortere ventetid", 2024);
        porters = publish("vest-admin", "helse-stavanger", "Portører i pasienttransport", "helsefagarbeider",
                "portor", "Portørene flytter pasienter mellom avdelingene", 2025);
    }

    private static String search(String query) {
        return "/api/v1/experience/reports?size=50&q=" + query;
    }

    @Test
    void inflectedFormsFindEachOther() {
        as("sorost-employee").get(search("sykepleier " + marker)).then().statusCode(200)
                .body("items.id", hasItem(nurses)).body("items.id", hasItem(sharing))
                .body("items.id", not(hasItem(porters)));
        as("vest-employee").get(search("oppgavedeling " + marker)).then().statusCode(200)
                .body("items.id", contains(sharing));
        as("vest-employee").get(search("portør " + marker)).then().body("items.id", contains(porters));
    }

    @Test
    void resultsAreRankedWithHighlightedSnippets() {
        List<Float> ranks = as("vest-employee").get(search("sykepleier " + marker)).then().statusCode(200)
                .body("items.find { it.id == '" + nurses + "' }.snippet", containsString("<mark>Sykepleierne</mark>"))
                // The snippet is HTML-escaped text: only the <mark> tags are markup.
                .body("items.find { it.id == '" + nurses + "' }.snippet", containsString("&lt;b&gt;"))
                .extract().path("items.rank");
        assertThat(ranks).isNotEmpty().allSatisfy(r -> assertThat(r).isPositive());
        assertThat(ranks).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        as("vest-employee").get("/api/v1/experience/reports?q=" + marker + "&size=50").then()
                .body("items.find { it.id == '" + porters + "' }.snippet", containsString("<mark>"));
        // Browsing without a search term has neither rank nor snippet.
        as("vest-employee").get("/api/v1/experience/reports?hf=helse-stavanger&size=1").then()
                .body("items[0].rank", nullValue()).body("items[0].snippet", nullValue());
    }

    @Test
    void filtersNarrowTheSearch() {
        as("vest-employee").get(search(marker) + "&rhf=helse-sor-ost").then().body("items.id", contains(sharing));
        as("vest-employee").get(search(marker) + "&hf=helse-stavanger").then().body("items.id", contains(porters));
        as("vest-employee").get(search(marker) + "&fromGroup=helsefagarbeider").then()
                .body("items.id", contains(porters));
        as("vest-employee").get(search(marker) + "&toGroup=sykepleier").then().body("items.id", contains(sharing));
        as("vest-employee").get(search(marker) + "&personnelGroup=helsefagarbeider&year=2025").then()
                .body("total", equalTo(2));
        as("vest-employee").get(search(marker) + "&year=2024").then().body("items.id", contains(sharing));
        as("vest-employee").get(search(marker) + "&fromGroup=kirurg").then().statusCode(400)
                .body("violations.field", hasItem("fromGroup"));
        // Search syntax is never an error: quotes, operators and stray punctuation are read as words.
        as("vest-employee").get("/api/v1/experience/reports?q=%22sykepleier%27s%22%20or%20-%3A*%20%26%21")
                .then().statusCode(200);
    }
}
