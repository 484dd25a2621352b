package no.torn.competence.application.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.competence.domain.register.ApprovalStatus;
import no.torn.competence.domain.register.ApprovalType;
import no.torn.competence.domain.register.HealthPersonnelRegister;
import no.torn.competence.domain.register.RegisterApproval;
import no.torn.competence.domain.register.RegisterPerson;
import no.torn.competence.domain.register.RegisterUnavailable;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * HPR over HTTP (JDK HttpClient): {@code GET <torn.hpr.url>/persons/<hprNumber>} answers 200 with the person (shape
 * in the README, "HPR reconciliation"), 404 for an unknown person. A refused connection, a timeout, a 429 or a 5xx
 * is a transient failure; another status or an unreadable body is not. Unknown properties are ignored, so the
 * register may add fields. An optional bearer token ({@code torn.hpr.bearer-token}) is sent as is.
 */
@ApplicationScoped
public class HttpHealthPersonnelRegister implements HealthPersonnelRegister {

    @ConfigProperty(name = "torn.hpr.url")
    String baseUrl;

    @ConfigProperty(name = "torn.hpr.connect-timeout", defaultValue = "2S")
    Duration connectTimeout;

    @ConfigProperty(name = "torn.hpr.request-timeout", defaultValue = "5S")
    Duration requestTimeout;

    @ConfigProperty(name = "torn.hpr.bearer-token")
    Optional<String> bearerToken;

    @Inject
    ObjectMapper mapper;

    HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<RegisterPerson> find(String hprNumber) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/persons/" + URLEncoder.encode(hprNumber, StandardCharsets.UTF_8)))
                .timeout(requestTimeout).header("Accept", "application/json").GET();
        bearerToken.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegisterUnavailable("HPR unreachable: " + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegisterUnavailable("Interrupted while asking HPR", true, e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 429 || status >= 500) {
            throw new RegisterUnavailable("HPR answered " + status, true, null);
        }
        if (status != 200) {
            throw new RegisterUnavailable("HPR answered " + status, false, null);
        }
        return Optional.of(parse(hprNumber, response.body()));
    }

    RegisterPerson parse(String hprNumber, String body) {
        try {
            JsonNode root = mapper.readTree(body);
            List<RegisterApproval> approvals = new ArrayList<>();
            for (JsonNode a : root.path("approvals")) {
                String category = text(a, "personnelCategory");
                ApprovalType type = ApprovalType.parse(text(a, "type"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown approval type"));
                ApprovalStatus status = ApprovalStatus.parse(text(a, "status"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown approval status"));
                if (category == null || category.isBlank()) {
                    throw new IllegalArgumentException("approval without personnelCategory");
                }
                approvals.add(new RegisterApproval(category.strip(), type, status, date(a, "validFrom"),
                        date(a, "validTo")));
            }
            return new RegisterPerson(hprNumber, approvals);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new RegisterUnavailable("HPR answered an unreadable person: " + e.getMessage(), false, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}
