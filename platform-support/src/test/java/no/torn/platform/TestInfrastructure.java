package no.torn.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import no.torn.platform.testing.KafkaResource;
import no.torn.platform.testing.PostgresResource;

/**
 * Real PostgreSQL and a real, secured Kafka broker for every test in this module; the probe application connects as
 * the event bus admin, because its test topics are not part of the platform's plan.
 */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "torn_platform"))
@QuarkusTestResource(value = KafkaResource.class, initArgs = {
        @ResourceArg(name = "client", value = "torn-kafka-admin"),
        @ResourceArg(name = "extra-topics", value = "torn.{rhf}.platform-test.v1,torn.{rhf}.platform-test.v1.dlq")})
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
