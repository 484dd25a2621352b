package no.torn.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicAddressTest {

    private static final List<String> UPSTREAMS = List.of("http://127.0.0.1:8081", "http://task-service:8082",
            "https://responsibility.internal/base/");

    @Test
    void configuredBaseUrlGivesSchemeHostPortAndPrefix() {
        assertThat(PublicAddress.parse("https://api.torn.example.no"))
                .isEqualTo(new PublicAddress.Base("https", "api.torn.example.no", 443, ""));
        assertThat(PublicAddress.parse(" https://api.torn.example.no:8443/edge/ "))
                .isEqualTo(new PublicAddress.Base("https", "api.torn.example.no:8443", 8443, "/edge"));
        assertThat(PublicAddress.parse("HTTP://gateway/"))
                .isEqualTo(new PublicAddress.Base("http", "gateway", 80, ""));
    }

    @Test
    void unusableBaseUrlsAreRefusedAtStartup() {
        for (String url : new String[] {"api.torn.example.no", "ftp://api.torn.example.no", "https:///path",
                "https://user@api.torn.example.no", "https://api.torn.example.no/?a=1", "https://a b"}) {
            assertThatThrownBy(() -> PublicAddress.parse(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void internalAddressesAreRewrittenToThePublicBase() {
        PublicAddress address = new PublicAddress(Optional.empty(), UPSTREAMS);
        PublicAddress.Base base = new PublicAddress.Base("https", "api.torn.example.no", 443, "/edge");
        assertThat(address.rewrite("http://127.0.0.1:8081/api/v1/competence/employees/42?a=1#top", base))
                .isEqualTo("https://api.torn.example.no/edge/api/v1/competence/employees/42?a=1#top");
        assertThat(address.rewrite("HTTP://TASK-SERVICE:8082/api/v1/tasks/PVK", base))
                .isEqualTo("https://api.torn.example.no/edge/api/v1/tasks/PVK");
        // the service's base path is not part of the public path
        assertThat(address.rewrite("https://responsibility.internal:443/base/api/v1/responsibility/x", base))
                .isEqualTo("https://api.torn.example.no/edge/api/v1/responsibility/x");
        assertThat(address.rewrite("http://127.0.0.1:8081", base)).isEqualTo("https://api.torn.example.no/edge/");
    }

    @Test
    void otherLinksStayAsTheyAre() {
        PublicAddress address = new PublicAddress(Optional.empty(), UPSTREAMS);
        PublicAddress.Base base = new PublicAddress.Base("https", "api.torn.example.no", 443, "");
        for (String link : new String[] {"/api/v1/tasks/PVK", "api/v1/tasks/PVK", "https://elsewhere.example/x",
                "http://127.0.0.1:8089/api/v1/tasks", "https://127.0.0.1:8081/api/v1/tasks",
                "https://responsibility.internal/other/api", "http://[broken", "urn:x:y"}) {
            assertThat(address.rewrite(link, base)).as(link).isEqualTo(link);
        }
    }
}
