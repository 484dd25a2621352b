package no.torn.competence.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Dates only as ISO strings, no unknown properties, no control characters in paths. */
@QuarkusTest
class StrictInputTest {

    @Inject
    EntityManager em;

    private long outboxRowsAbout(String employee) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from outbox_event where envelope::jsonb -> 'data' ->> 'employeeId' = ?1
                        and event_type like 'no.torn.competence.record-%'""")
                .setParameter(1, employee).getSingleResult()).longValue());
    }

    @Test
    void aNumberForADateIsRefusedNamingTheFieldAndNothingIsStoredOrPublished() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        Map<String, Object> body = new java.util.HashMap<>(recordBody(employee, "HLR", today(), null, null));
        body.put("acquiredOn", 12345);
        as("vest-hr").body(body).post(ROOT + "/records").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations[0].field", equalTo("acquiredOn"));
        as("vest-hr").queryParam("employeeId", employee).get(ROOT + "/records").then().body("total", equalTo(0));
        assertThat(outboxRowsAbout(employee)).isZero();
    }

    @Test
    void anUnknownPropertyIsRefusedNamingIt() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        Map<String, Object> body = new java.util.HashMap<>(recordBody(employee, "HLR", today(), null, null));
        body.put("validFrom", today().toString());
        as("vest-hr").body(body).post(ROOT + "/records").then().statusCode(400)
                .body("violations[0].field", equalTo("validFrom"));
        Map<String, Object> employeeBody = Fixtures.employeeBody("helse-bergen", "post", Fixtures.unique("V"),
                "sykepleier");
        employeeBody.put("status", "LEFT");
        as("vest-hr").body(employeeBody).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        as("vest-hr").queryParam("employeeId", employee).get(ROOT + "/records").then().body("total", equalTo(0));
    }

    @Test
    void aControlCharacterInAPathIsAProblemNotAnError() {
        as("vest-hr").urlEncodingEnabled(false).get(ROOT + "/types/%00").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        as("vest-hr").urlEncodingEnabled(false).get(ROOT + "/personnel-groups/%00").then().statusCode(400);
        as("vest-hr").urlEncodingEnabled(false).get(ROOT + "/records/" + UUID.randomUUID() + "%00").then()
                .statusCode(400);
    }
}
