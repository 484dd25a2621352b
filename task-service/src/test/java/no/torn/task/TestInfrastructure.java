package no.torn.task;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import no.torn.platform.testing.KafkaResource;
import no.torn.platform.testing.KeycloakResource;
import no.torn.platform.testing.PostgresResource;

/** Real PostgreSQL (own database per run), a real Kafka broker and real Keycloak for every test in this module. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "torn_task"))
@QuarkusTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = "client", value = "torn-task-service"))
@QuarkusTestResource(KeycloakResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
