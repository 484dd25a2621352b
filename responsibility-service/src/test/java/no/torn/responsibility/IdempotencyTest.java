package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import no.torn.platform.application.Idempotency;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.clarificationBody;
import static no.torn.responsibility.Fixture.delegationBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Creates honour Idempotency-Key: scoped to the caller, the request fingerprinted, the first result answered again. */
@QuarkusTest
class IdempotencyTest {

    Fixture.Basis basis;

    @BeforeEach
    void basis() {
        basis = Fixture.basis(List.of(Fixture.code("IDEM")), List.of());
    }

    private static ValidatableResponse create(String user, String key, String path, Object body) {
        return Api.as(user).header(Idempotency.HEADER, key).body(body).when().post(API + path).then();
    }

    private long clarificationsIn(String unit) {
        return Api.as("vest-leader").get(API + "/clarifications?unit=" + unit + "&taskCode=" + basis.taskCode())
                .then().statusCode(200).extract().<Integer>path("total");
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstCreateAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = clarificationBody(basis, "idem-same");
        String first = create("vest-leader", key, "/clarifications", body).statusCode(201)
                .extract().path("id");
        create("vest-leader", key, "/clarifications", body).statusCode(201)
                .header("Location", endsWith("/clarifications/" + first))
                .body("id", equalTo(first));
        assertThat(clarificationsIn("idem-same")).isEqualTo(1);
        assertThat(Db.count("select count(*) from audit_trail where entity_id = ?1", first)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        create("vest-leader", key, "/clarifications", clarificationBody(basis, "idem-first")).statusCode(201);
        create("vest-leader", key, "/clarifications", clarificationBody(basis, "idem-other")).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(Idempotency.HEADER));
        assertThat(clarificationsIn("idem-other")).isZero();
    }

    @Test
    void twoPeopleUsingTheSameKeyEachGetTheirOwnResource() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = clarificationBody(basis, "idem-two");
        String leaders = create("vest-leader", key, "/clarifications", body).statusCode(201).extract().path("id");
        String leader2s = create("vest-leader2", key, "/clarifications", body).statusCode(201).extract().path("id");
        assertThat(leader2s).isNotEqualTo(leaders);
        assertThat(clarificationsIn("idem-two")).isEqualTo(2);
    }

    @Test
    void aBlankKeyIs400NamingTheHeader() {
        create("vest-leader", "   ", "/clarifications", clarificationBody(basis, "idem-blank")).statusCode(400)
                .body("violations.field", hasItem(Idempotency.HEADER));
        create("vest-leader", "x".repeat(256), "/clarifications", clarificationBody(basis, "idem-blank"))
                .statusCode(400).body("violations.field", hasItem(Idempotency.HEADER));
        assertThat(clarificationsIn("idem-blank")).isZero();
    }

    @Test
    void aDelegationIsCreatedOncePerKey() {
        Fixture.employeeV1001();
        String code = Fixture.code("IDEM-D");
        Fixture.Basis own = Fixture.basis(List.of(code), List.of());
        Fixture.grant(V1001, code, List.of());
        String clarification = Fixture.activeClarification(own, Fixture.UNIT);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = delegationBody(clarification, V1001);
        String first = create("vest-leader", key, "/delegations", body).statusCode(201).extract().path("id");
        create("vest-leader", key, "/delegations", body).statusCode(201).body("id", equalTo(first));
        body.put("supervisor", "Overlege i vakt");
        create("vest-leader", key, "/delegations", body).statusCode(422)
                .body("violations.field", hasItem(Idempotency.HEADER));
        assertThat(Db.count("select count(*) from delegation where clarification_id = ?1",
                UUID.fromString(clarification))).isEqualTo(1);
    }
}
