package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The event contract is served by the service and every schema the AsyncAPI document names exists. */
@QuarkusTest
class EventContractTest {

    @Test
    void asyncApiAndSchemasAreServed() throws Exception {
        String asyncApi = given().when().get("/events/asyncapi.yaml").then().statusCode(200)
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("torn.{rhf}.responsibility.v1"))
                .extract().asString();
        Matcher refs = Pattern.compile("schemas/([a-z-]+)\\.v1\\.json").matcher(asyncApi);
        int count = 0;
        while (refs.find()) {
            count++;
            String name = refs.group(1);
            assertThat(Files.exists(Path.of("src/main/resources/META-INF/resources/events/schemas/" + name + ".v1.json")))
                    .as(name).isTrue();
            given().when().get("/events/schemas/" + name + ".v1.json").then().statusCode(200)
                    .body("properties.type.const", equalTo("no.torn.responsibility." + name + ".v1"));
        }
        assertThat(count).isEqualTo(9);
    }
}
