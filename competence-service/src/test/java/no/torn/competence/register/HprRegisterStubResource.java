package no.torn.competence.register;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.torn.platform.testing.HprRegisterStub;

import java.util.Map;

/**
 * The HPR stub for this module's tests, on a free port that {@code torn.hpr.url} names. Tests set its people, take it
 * down (503) or close its port altogether (connection refused) and open it again on the same port.
 */
@QuarkusTestResource(HprRegisterStubResource.class)
public class HprRegisterStubResource implements QuarkusTestResourceLifecycleManager {

    private static volatile HprRegisterStub stub;
    private static volatile int port;

    public static HprRegisterStub stub() {
        return stub;
    }

    /** Stops listening: every request is a refused connection until {@link #reopen()}. */
    public static synchronized void closePort() {
        stub.close();
    }

    public static synchronized void reopen() {
        stub = HprRegisterStub.start(port);
    }

    @Override
    public Map<String, String> start() {
        stub = HprRegisterStub.start(0);
        port = stub.port();
        return Map.of("torn.hpr.url", stub.url());
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
