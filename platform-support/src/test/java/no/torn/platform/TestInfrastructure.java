package no.torn.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import no.torn.platform.testing.KafkaResource;
import no.torn.platform.testing.PostgresResource;

/** Real PostgreSQL and a real Kafka broker for every test in this module. */
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "torn_platform"))
@QuarkusTestResource(KafkaResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
