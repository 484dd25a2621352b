package no.torn.systemtest;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.systemtest.Gateway.json;
import static no.torn.systemtest.Gateway.jsonAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What a client sees of addresses, through the gateway: the Location of a created resource names the gateway (never
 * a service's own port) and can be followed through it; an unknown path, also outside /api, and a control character
 * in the target are problems, not HTML or a 500.
 */
class PublicUrlsIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createdTaskResourceLocationNamesTheGatewayAndCanBeFollowed() {
        Response created = jsonAs("vest-leader").body(json("hf", Scenario.HF, "unit", "Sengepost adresser",
                        "name", "Adresser i svar", "unionRepresentativeInvolved", true,
                        "participants", List.of("Avdelingssykepleier")))
                .post("/api/v1/process-mappings");
        assertFollowable(created, "/api/v1/process-mappings/", "vest-leader");
    }

    @Test
    void createdCompetenceResourceLocationNamesTheGatewayAndCanBeFollowed() {
        String number = "URL-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = jsonAs("vest-hr").body(json("hf", Scenario.HF, "unit", "Sengepost adresser",
                        "employeeNumber", number, "name", "Adresse Testesen", "personnelGroup", "sykepleier"))
                .post("/api/v1/competence/employees");
        assertFollowable(created, "/api/v1/competence/employees/", "vest-hr");
    }

    @Test
    void createdGrantsResourceLocationNamesTheGatewayAndCanBeFollowed() {
        int year = LocalDate.now().getYear();
        Response created = jsonAs("vest-national").body(json("year", year,
                        "programme", "urls-" + UUID.randomUUID().toString().substring(0, 8),
                        "title", "TØRN adresser " + year, "nationalAmount", 1_000_000,
                        "pots", List.of(json("rhf", "helse-vest", "amount", 500_000))))
                .post("/api/v1/grants/rounds");
        assertFollowable(created, "/api/v1/grants/rounds/", "vest-national");
    }

    private static void assertFollowable(Response created, String collection, String user) {
        created.then().statusCode(201);
        String location = created.header("Location");
        String gateway = Platform.get().gatewayUrl();
        assertThat(location).as("Location of a created resource").startsWith(gateway + collection);
        for (String service : Platform.SERVICES) {
            assertThat(location).as("Location names no service").doesNotContain(Platform.get().serviceUrl(service));
        }
        String id = created.path("id");
        assertThat(location).endsWith("/" + id);
        // followed as a client would: the absolute URL exactly as given
        Gateway.as(user).get(location).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void unknownPathsAre404Problems() {
        for (String path : List.of("/nothing-here", "/favicon.ico", "/q/nothing-here", "/api/v1/nothing-here")) {
            // an /api path is authenticated first: anonymous callers learn nothing of it but 401
            List<RequestSpecification> clients = path.startsWith("/api/")
                    ? List.of(Gateway.as("vest-hr")) : List.of(Gateway.anonymous(), Gateway.as("vest-hr"));
            for (RequestSpecification client : clients) {
                client.get(path).then().statusCode(404).contentType(startsWith(PROBLEM))
                        .body("type", equalTo("https://torn.no/problems/not-found"))
                        .body("status", equalTo(404));
            }
        }
        Gateway.anonymous().contentType("application/json").body("{}").post("/nothing-here")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void controlCharactersAre400Problems() {
        Map<String, String> targets = Map.of(
                "/api/v1/tasks/%00", "path",
                "/api/v1/competence/types/%00", "path",
                "/api/v1/competence/employees?unit=a%0Ab", "unit",
                "/nothing-here/%00", "path");
        targets.forEach((target, where) -> {
            Gateway.as("vest-hr").get(target).then().statusCode(400).contentType(startsWith(PROBLEM))
                    .body("status", equalTo(400))
                    .body("violations[0].field", equalTo(where));
            Gateway.anonymous().get(target).then().statusCode(400).contentType(startsWith(PROBLEM));
        });
    }
}
