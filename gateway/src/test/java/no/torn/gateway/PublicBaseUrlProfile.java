package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The gateway behind an ingress that serves it at {@link #BASE} (TLS and the path prefix handled there). */
public class PublicBaseUrlProfile implements QuarkusTestProfile {

    public static final String BASE = "https://api.torn.example.no/edge";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("torn.gateway.public-base-url", BASE + "/");
    }
}
