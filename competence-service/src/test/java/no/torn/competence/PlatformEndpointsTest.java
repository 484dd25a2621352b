package no.torn.competence;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.ServiceEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String openApiTitle() {
        return "TØRN competence-service";
    }
}
