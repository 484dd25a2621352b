package no.torn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class AccessLogTest {

    @Test
    void oneJsonLinePerRequestWithoutTheToken() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("no.torn.gateway.access");
        access.addHandler(capture);
        try {
            String token = TestTokens.user("vest-hr");
            given().header("Authorization", "Bearer " + token).header("X-Request-Id", "log-line-check")
                    .queryParam("hf", "helse-bergen")
                    .when().get("/api/v1/competence/employees/\"quoted\"").then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("log-line-check")));
            String line = lines.stream().filter(l -> l.contains("log-line-check")).findFirst().orElseThrow();
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.get("method").asText()).isEqualTo("GET");
            assertThat(json.get("path").asText()).startsWith("/api/v1/competence/employees/");
            assertThat(json.get("status").asInt()).isEqualTo(200);
            assertThat(json.get("durationMs").isNumber()).isTrue();
            assertThat(json.get("clientId").asText()).isEqualTo("torn-cli");
            assertThat(json.get("rhf").asText()).isEqualTo("helse-vest");
            assertThat(json.get("service").asText()).isEqualTo("competence-service");
            assertThat(line).doesNotContain(token).doesNotContain("Bearer");
        } finally {
            access.removeHandler(capture);
        }
    }
}
