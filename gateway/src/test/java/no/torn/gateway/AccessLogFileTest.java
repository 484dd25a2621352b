package no.torn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The access log appended to its own file, as deployments that ship it apart from the application log do. */
@QuarkusTest
@TestProfile(AccessLogFileTest.ToFile.class)
class AccessLogFileTest {

    static final Path FILE = Path.of("target", "access-log-test", "access.log");

    public static class ToFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("torn.gateway.access-log.file", FILE.toAbsolutePath().toString());
        }
    }

    @Test
    void everyRequestIsOneJsonLineInTheFile() throws Exception {
        String token = TestTokens.user("sorost-hr");
        // the file is appended to across runs: this run's lines carry their own marker
        String run = "file-line-" + System.nanoTime() + "-";
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", "Bearer " + token).header("X-Request-Id", run + i)
                    .when().get("/api/v1/tasks").then().statusCode(200);
        }
        given().header("X-Request-Id", run + "anonymous").when().get("/api/v1/tasks").then().statusCode(401);

        await().atMost(Duration.ofSeconds(5)).until(() -> lines().stream().anyMatch(l -> l.contains(run + "19"))
                && lines().stream().anyMatch(l -> l.contains(run + "anonymous")));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> ours = lines().stream().filter(l -> l.contains("\"" + run)).map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        assertThat(ours).hasSize(21);
        assertThat(ours).filteredOn(l -> l.get("status").asInt() == 200).hasSize(20)
                .allSatisfy(l -> {
                    assertThat(l.get("rhf").asText()).isEqualTo("helse-sor-ost");
                    assertThat(l.get("service").asText()).isEqualTo("task-service");
                });
        assertThat(ours).filteredOn(l -> l.get("status").asInt() == 401).singleElement()
                .satisfies(l -> assertThat(l.get("clientId").isNull()).isTrue());
        assertThat(String.join("\n", lines())).doesNotContain(token);
    }

    private static List<String> lines() throws IOException {
        return Files.exists(FILE) ? Files.readAllLines(FILE) : List.of();
    }
}
