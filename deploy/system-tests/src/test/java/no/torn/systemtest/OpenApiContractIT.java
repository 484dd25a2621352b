package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import no.torn.client.ApiClient;
import no.torn.client.ApiException;
import no.torn.client.api.CompetenceServiceEmployeesApi;
import no.torn.client.model.Employee;
import no.torn.client.model.EmployeeCreate;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The gateway's aggregated OpenAPI document as an integrator reads it: Spectral ({@code spectral:oas} with the
 * repository's ruleset) finds nothing to report, every operation follows the API conventions, and the document is
 * the contract committed as {@code deploy/contracts/openapi.json}, from which the build generates the Java client
 * ({@code no.torn.client}) that one journey step here uses. {@code -Dtorn.contracts.update=true} rewrites the
 * committed file.
 */
class OpenApiContractIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private static Path contracts() {
        return Platform.get().root().resolve("deploy/contracts");
    }

    private static String pretty(JsonNode document) throws IOException {
        return Gateway.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
    }

    @Test
    void spectralFindsNothingToReportInTheAggregatedDocument() throws Exception {
        JsonNode document = Gateway.openApi();
        Path file = Path.of("target", "openapi.json").toAbsolutePath();
        Files.writeString(file, pretty(document), StandardCharsets.UTF_8);

        Path spectral = contracts().resolve("node_modules/.bin/spectral");
        assertThat(spectral).as("npm ci in deploy/contracts installs Spectral").exists();
        Process process = new ProcessBuilder("node", spectral.toString(), "lint",
                "--ruleset", contracts().resolve(".spectral.yaml").toString(),
                "-f", "json", "--quiet", file.toString())
                .redirectErrorStream(false).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        String json = out.strip();
        if (!json.startsWith("[")) {
            fail("Spectral did not answer with JSON (exit " + process.exitValue() + "):\n" + out + err);
        }
        JsonNode results = Gateway.JSON.readTree(json);
        if (!results.isEmpty()) {
            StringBuilder report = new StringBuilder();
            for (JsonNode r : results) {
                report.append(String.format("%s %s at %s: %s%n", severity(r.path("severity").asInt()),
                        r.path("code").asText(), r.path("path"), r.path("message").asText()));
            }
            fail(results.size() + " Spectral results on " + file + ":\n" + report);
        }
    }

    private static String severity(int level) {
        return switch (level) {
            case 0 -> "error";
            case 1 -> "warning";
            case 2 -> "info";
            default -> "hint";
        };
    }

    @Test
    void everyOperationFollowsTheApiConventions() {
        JsonNode document = Gateway.openApi();
        List<String> defects = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("violations")).isTrue();
        assertThat(problem.path("properties").has("rules")).isTrue();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = entry.getValue();
                if (!operationIds.add(op.path("operationId").asText(""))) {
                    defects.add(name + ": operationId missing or not unique");
                }
                if (op.path("summary").asText("").isBlank() || op.path("description").asText("").isBlank()) {
                    defects.add(name + ": summary or description missing");
                }
                boolean open = op.has("security") && op.path("security").isEmpty();
                if (!open && !op.path("description").asText().contains("Roles: ")) {
                    defects.add(name + ": roles not documented");
                }
                for (JsonNode p : op.path("parameters")) {
                    if (p.path("description").asText("").isBlank() || !p.has("example")) {
                        defects.add(name + ": parameter " + p.path("name").asText() + " without description"
                                + " or example");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    JsonNode response = resolve(document, r.getValue());
                    String status = r.getKey();
                    if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode content = response.path("content");
                        boolean shared = "#/components/schemas/Problem".equals(content
                                .path("application/problem+json").path("schema").path("$ref").asText());
                        // The FHIR API answers errors as FHIR does: an OperationOutcome (application/fhir+json),
                        // or nothing for a 401 refused before it.
                        boolean outcome = path.getKey().contains("/fhir/")
                                && (content.has("application/fhir+json") || content.isEmpty());
                        if (!shared && !outcome) {
                            defects.add(name + ": " + status + " is not the shared Problem");
                        }
                    } else if (status.equals("201") && !response.path("headers").has("Location")) {
                        defects.add(name + ": 201 without Location");
                    } else if (status.equals("204") && response.has("content")) {
                        defects.add(name + ": 204 with content");
                    } else if (status.startsWith("2") && !status.equals("204")
                            && !response.path("content").elements().hasNext()) {
                        defects.add(name + ": " + status + " without a schema");
                    }
                }
                if (!open && !op.path("responses").has("401")) {
                    defects.add(name + ": 401 not documented");
                }
            }
        }
        assertThat(operationIds).hasSizeGreaterThan(100);
        assertThat(defects).isEmpty();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.path("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    @Test
    void theCommittedContractIsTheDocumentTheGatewayServes() throws IOException {
        JsonNode live = Gateway.openApi();
        Path committed = contracts().resolve("openapi.json");
        if (Boolean.getBoolean("torn.contracts.update")) {
            Files.writeString(committed, pretty(live), StandardCharsets.UTF_8);
        }
        assertThat(committed).as("deploy/contracts/openapi.json (-Dtorn.contracts.update=true writes it)").exists();
        JsonNode file = Gateway.JSON.readTree(Files.readString(committed, StandardCharsets.UTF_8));
        // Object members compare regardless of order; a difference means the API changed without its contract.
        assertThat(file).as("deploy/contracts/openapi.json is out of date: run OpenApiContractIT with"
                + " -Dtorn.contracts.update=true and commit the file").isEqualTo(live);
    }

    /**
     * Journey step through the generated client: Helse Vest's HR registers an employee of Helse Bergen and reads
     * the employee back through the gateway with a bearer token; the read answers what the create answered, to the
     * microsecond.
     */
    @Test
    void theGeneratedClientRegistersAnEmployeeAndReadsItBack() throws Exception {
        CompetenceServiceEmployeesApi employees = new CompetenceServiceEmployeesApi(client("vest-hr"));

        String number = "OA" + System.nanoTime() % 1_000_000_000L;
        EmployeeCreate create = new EmployeeCreate().hf("helse-bergen").unit("Medisinsk avdeling")
                .employeeNumber(number).name("Kari Kontrakt").personnelGroup("helsefagarbeider");
        Employee created = employees.createEmployee(create, UUID.randomUUID().toString());
        assertThat(created.getId()).isNotNull();
        assertThat(created.getRhf()).isEqualTo("helse-vest");

        Employee read = employees.getEmployee(created.getId());
        assertThat(read.getEmployeeNumber()).isEqualTo(number);
        assertThat(read.getName()).isEqualTo("Kari Kontrakt");
        assertThat(read.getCreatedAt()).isEqualTo(created.getCreatedAt());

        ApiException foreign = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> new CompetenceServiceEmployeesApi(client("sorost-admin")).getEmployee(created.getId()));
        assertThat(foreign.getCode()).isEqualTo(404);
        assertThat(foreign.getResponseBody()).contains("\"status\":404");
    }

    /**
     * The generated client as an integrator configures it: the gateway's address and a user's bearer token. The JDK
     * client's defaults stay, so its writes travel over HTTP/2 (h2c) as an integrator's would.
     */
    private static ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Platform.get().gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization",
                TestTokens.bearer(TestTokens.user(user))));
        return client;
    }
}
