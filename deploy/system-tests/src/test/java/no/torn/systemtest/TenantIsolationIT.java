package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Driven by the gateway's aggregated OpenAPI document: for every operation, a token from a foreign RHF never sees or
 * changes Helse Vest's records (404, or 403 at the gateway), a token without a TØRN role gets 403 and no token 401.
 * Real record ids come from Helse Vest's own list endpoints, filled by {@link Scenario#seed()}.
 */
class TenantIsolationIT {

    /**
     * Open data: published awards, readable by anyone without a token (docs/architecture.md, "API conventions").
     */
    private static final String OPEN_DATA = "/api/v1/open-data";
    /**
     * Readable by every authenticated user by design (docs/architecture.md, "Tenancy and roles"): published awards
     * and the experience arena.
     */
    private static final List<String> OPEN_BY_DESIGN = List.of("/api/v1/grants/awards", "/api/v1/experience",
            OPEN_DATA);
    /** Tokens of another RHF: an admin and an employee of Helse Sør-Øst. */
    private static final List<String> FOREIGN_USERS = List.of("sorost-admin", "sorost-employee");
    /**
     * Operations excluded because of a defect found in the service (named, with the request and response, in the
     * system-test report); remove the entry once the service is fixed.
     */
    private static final Set<String> KNOWN_DEFECTS = Set.of();

    private static List<OpenApiOperations.Operation> operations;
    private static final Map<String, Set<String>> vestIdsByCollection = new HashMap<>();
    private static final Map<String, Set<String>> vestCodesByCollection = new HashMap<>();
    private static final Set<String> allVestIds = new LinkedHashSet<>();
    private static final Set<String> publicVestIds = new LinkedHashSet<>();
    private static Scenario.Seeded seeded;
    private static final java.util.regex.Pattern UUID_PATTERN =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @BeforeAll
    static void collectHelseVestRecords() {
        seeded = Scenario.seed();
        operations = OpenApiOperations.of(Gateway.openApi());
        for (OpenApiOperations.Operation op : operations) {
            if (!op.method().equals("get") || !op.pathParameters().isEmpty()) {
                continue;
            }
            Response response = Gateway.as("vest-admin").queryParam("size", 200).get(op.path());
            if (response.statusCode() != 200 || !String.valueOf(response.contentType()).contains("json")) {
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            Set<String> codes = new LinkedHashSet<>();
            JsonNode body = response.as(JsonNode.class);
            JsonNode items = body.has("items") ? body.get("items") : body;
            if (items.isArray()) {
                for (JsonNode item : items) {
                    // Only records that carry rhf = helse-vest are Helse Vest's; national ones (rhf null) are shared.
                    if (!"helse-vest".equals(item.path("rhf").asText(null))) {
                        continue;
                    }
                    String id = item.hasNonNull("id") ? item.get("id").asText()
                            : item.hasNonNull("applicationId") ? item.get("applicationId").asText() : null;
                    if (id == null || !UUID_PATTERN.matcher(id).matches()) {
                        continue; // sequence numbers (audit lines) are not record ids a foreign RHF could guess
                    }
                    ids.add(id);
                    if (item.hasNonNull("code")) {
                        codes.add(item.get("code").asText());
                    }
                    if (isPublic(op.path(), item)) {
                        publicVestIds.add(id);
                    }
                }
            }
            vestIdsByCollection.put(op.path(), ids);
            vestCodesByCollection.put(op.path(), codes);
            allVestIds.addAll(ids);
        }
        assertThat(allVestIds).as("Helse Vest records found through the list endpoints").hasSizeGreaterThan(5);
    }

    /** Published experience reports and award lines are readable by every RHF by design. */
    private static boolean isPublic(String path, JsonNode item) {
        return OPEN_BY_DESIGN.stream().anyMatch(path::startsWith)
                && ("PUBLISHED".equals(item.path("status").asText()) || path.startsWith("/api/v1/grants/awards")
                || path.startsWith(OPEN_DATA));
    }

    @Test
    void foreignRhfNeverReadsOrChangesHelseVestRecords() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        Set<String> privateVestIds = new LinkedHashSet<>(allVestIds);
        privateVestIds.removeAll(publicVestIds);
        for (OpenApiOperations.Operation op : operations) {
            if (op.pathParameters().isEmpty()) {
                if (op.method().equals("get")) {
                    for (String user : FOREIGN_USERS) {
                        cases++;
                        Response response = Gateway.as(user).queryParam("size", 200).get(op.path());
                        String body = response.asString();
                        privateVestIds.stream().filter(body::contains).findFirst().ifPresent(id ->
                                failures.add(op + " lists Helse Vest record " + id + " to " + user));
                    }
                }
                continue;
            }
            for (String id : candidateIds(op)) {
                Map<String, String> values = new HashMap<>();
                values.put(op.pathParameters().get(0), id);
                values.put("rhf", "helse-vest");
                values.put("employeeId", seeded.employeeId());
                String url = op.concrete(values);
                if (KNOWN_DEFECTS.contains(op.toString())) {
                    continue;
                }
                for (String user : FOREIGN_USERS) {
                    var request = Gateway.as(user);
                    if (op.hasJsonBody()) {
                        request = request.contentType("application/json")
                                .body("{\"rhf\":\"helse-sor-ost\",\"version\":0}");
                    }
                    Response response = request.request(op.method(), url);
                    cases++;
                    int status = response.statusCode();
                    boolean publicRead = op.method().equals("get") && publicVestIds.contains(id);
                    if (status >= 200 && status < 300 && !publicRead) {
                        failures.add(op + " " + url + " -> " + status + " for " + user + ": "
                                + abbreviate(response.asString()));
                    } else if (status >= 500 || status == 401) {
                        failures.add(op + " " + url + " -> " + status + " for " + user);
                    } else if (op.method().equals("get") && !publicRead && status != 404 && status != 403
                            && status != statusForMissing(op, user)) {
                        // Another 4xx is fine only if a record that does not exist gets the same answer: then the
                        // status does not tell whether the foreign record exists.
                        failures.add(op + " " + url + " -> " + status + " for " + user + " (expected 404)");
                    }
                    if (status < 300 && !publicRead && response.asString().contains(id)) {
                        failures.add(op + " returned Helse Vest record " + id + " to " + user);
                    }
                }
            }
        }
        report("foreign RHF", cases, failures);
    }

    /**
     * Well-formed commands with the right versions, sent by Helse Sør-Øst to Helse Vest's records: each is answered
     * 404 (or 403) and the record is unchanged afterwards. The generic sweep above often stops at validation; these
     * reach the tenant check.
     */
    @Test
    void foreignRhfCannotChangeHelseVestRecordsWithValidCommands() {
        String recordId = Gateway.as("vest-admin").queryParam("employeeId", seeded.employeeId())
                .get("/api/v1/competence/records").then().statusCode(200).extract().path("items[0].id");
        String mapping = "/api/v1/sharing-mappings/" + seeded.mappingId();
        String clarification = "/api/v1/responsibility/clarifications/" + seeded.clarificationId();
        String delegation = "/api/v1/responsibility/delegations/" + seeded.delegationId();
        String employee = "/api/v1/competence/employees/" + seeded.employeeId();
        String record = "/api/v1/competence/records/" + recordId;
        String pot = "/api/v1/grants/rounds/" + seeded.roundId() + "/pots/helse-vest";
        String application = "/api/v1/grants/applications/" + seeded.applicationId();
        String report = "/api/v1/experience/reports/" + seeded.reportId();
        String processMapping = "/api/v1/process-mappings/" + seeded.processMappingId();
        String task = "/api/v1/tasks/" + seeded.taskCode();
        List<String> records = List.of(mapping, clarification, delegation, employee, record, pot, application, report,
                processMapping, task);
        Map<String, Long> before = new HashMap<>();
        records.forEach(path -> before.put(path, version(path)));

        record Command(String user, String method, String path, Map<String, Object> body) {
        }
        List<Command> commands = List.of(
                new Command("sorost-admin", "post", mapping + "/retire", Gateway.json("version", before.get(mapping))),
                new Command("sorost-admin", "post", clarification + "/suspend",
                        Gateway.json("version", before.get(clarification), "reason", "Fremmed RHF")),
                new Command("sorost-admin", "post", delegation + "/end",
                        Gateway.json("version", before.get(delegation), "reason", "Fremmed RHF")),
                new Command("sorost-employee", "post", "/api/v1/responsibility/me/delegations/"
                        + seeded.delegationId() + "/confirm",
                        Gateway.json("version", before.get(delegation), "consideredCompetent", true)),
                new Command("sorost-admin", "post", employee + "/leave", Gateway.json("version", before.get(employee))),
                new Command("sorost-hr", "post", record + "/revoke",
                        Gateway.json("version", before.get(record), "reason", "Fremmed RHF")),
                new Command("sorost-admin", "put", pot + "/split", Gateway.json("rhfActivitiesPercent", 10,
                        "evaluationReserve", 0, "minimumAmount", 0, "version", before.get(pot),
                        "participants", List.of(Gateway.json("hf", "helse-bergen", "baseFrame", 1)))),
                new Command("sorost-admin", "post", application + "/reviews",
                        Gateway.json("score", 1, "comment", "Fremmed RHF")),
                new Command("sorost-admin", "post", application + "/decision", Gateway.json("outcome", "REJECTED",
                        "reason", "Fremmed RHF", "version", before.get(application))),
                new Command("sorost-hr", "post", report + "/publish", Gateway.json("version", before.get(report))),
                new Command("sorost-hr", "put", report, Gateway.json("hf", "ous", "title", "Overtatt",
                        "fromGroup", "sykepleier", "toGroup", "helsefagarbeider", "summary", "Overtatt",
                        "version", before.get(report))),
                new Command("sorost-admin", "post", processMapping + "/phase",
                        Gateway.json("version", before.get(processMapping), "phase", "ANALYSIS")),
                new Command("sorost-admin", "post", task + "/retire", Gateway.json("version", before.get(task))));
        List<String> failures = new ArrayList<>();
        for (Command c : commands) {
            Response response = Gateway.jsonAs(c.user()).body(c.body()).request(c.method(), c.path());
            if (response.statusCode() != 404 && response.statusCode() != 403) {
                failures.add(c.method().toUpperCase() + " " + c.path() + " as " + c.user() + " -> "
                        + response.statusCode() + " " + abbreviate(response.asString()));
            }
        }
        records.forEach(path -> {
            if (!before.get(path).equals(version(path))) {
                failures.add(path + " changed (version " + before.get(path) + " -> " + version(path) + ")");
            }
        });
        report("foreign RHF, valid commands", commands.size(), failures);
    }

    private static long version(String path) {
        return Gateway.as("vest-admin").get(path).then().statusCode(200).extract().<Number>path("version").longValue();
    }

    /**
     * A body that names another RHF, an id, a status or audit fields never takes effect: rhf comes from the token,
     * hf must belong to it, and the workflow sets the status.
     */
    @Test
    void massAssignmentNeverTakesEffect() {
        int cases = 0;
        String foreignId = "11111111-1111-4111-8111-111111111111";
        Response report = Gateway.jsonAs("vest-hr").body(Gateway.json("hf", "helse-bergen", "rhf", "helse-sor-ost",
                        "id", foreignId, "status", "PUBLISHED", "publishedAt", "2020-01-01T00:00:00Z",
                        "title", "Masseoppdrag", "fromGroup", "sykepleier", "toGroup", "helsefagarbeider",
                        "summary", "Forsøk på å sette felt klienten ikke eier."))
                .post("/api/v1/experience/reports");
        cases++;
        if (report.statusCode() == 201) {
            assertThat(report.<String>path("rhf")).isEqualTo("helse-vest");
            assertThat(report.<String>path("id")).isNotEqualTo(foreignId);
            assertThat(report.<String>path("status")).isNotEqualTo("PUBLISHED");
        } else {
            assertThat(report.statusCode()).isBetween(400, 499);
        }

        Response employee = Gateway.jsonAs("vest-hr").body(Gateway.json("hf", "ous", "unit", "Masse",
                        "employeeNumber", "MA-1", "name", "Masse Oppdrag", "personnelGroup", "sykepleier"))
                .post("/api/v1/competence/employees");
        cases++;
        assertThat(employee.statusCode()).as("employee in a foreign HF").isIn(400, 403, 422);

        Response employee2 = Gateway.jsonAs("vest-hr").body(Gateway.json("hf", "helse-bergen", "rhf", "helse-sor-ost",
                        "id", foreignId, "status", "LEFT", "unit", "Masse", "employeeNumber", "MA-2",
                        "name", "Masse Oppdrag", "personnelGroup", "sykepleier"))
                .post("/api/v1/competence/employees");
        cases++;
        if (employee2.statusCode() == 201) {
            assertThat(employee2.<String>path("rhf")).isEqualTo("helse-vest");
            assertThat(employee2.<String>path("id")).isNotEqualTo(foreignId);
            assertThat(employee2.<String>path("status")).isEqualTo("ACTIVE");
        } else {
            assertThat(employee2.statusCode()).isBetween(400, 499);
        }

        Response application = Gateway.jsonAs("vest-hr").body(Gateway.json("roundId", seeded.roundId(),
                        "hf", "helse-bergen", "rhf", "helse-sor-ost", "id", foreignId, "status", "GRANTED",
                        "grantedAmount", 9_999_999, "title", "Masseoppdrag", "department", "Klinikk",
                        "fromGroup", "sykepleier", "toGroup", "helsefagarbeider", "description", "x",
                        "kind", "PLANNED", "requestedAmount", 1, "contactName", "A", "contactEmail", "a@example.org"))
                .post("/api/v1/grants/applications");
        cases++;
        if (application.statusCode() == 201) {
            assertThat(application.<String>path("rhf")).isEqualTo("helse-vest");
            assertThat(application.<String>path("id")).isNotEqualTo(foreignId);
            assertThat(application.<String>path("status")).isEqualTo("SUBMITTED");
            assertThat(application.<Object>path("grantedAmount")).isNull();
        } else {
            assertThat(application.statusCode()).isBetween(400, 499);
        }
        Response foreignHf = Gateway.jsonAs("vest-leader").body(Gateway.json("hf", "ous", "unit", "Masse",
                        "name", "Masse", "unionRepresentativeInvolved", true, "participants", List.of("A")))
                .post("/api/v1/process-mappings");
        cases++;
        assertThat(foreignHf.statusCode()).as("process mapping in a foreign HF").isIn(400, 403, 422);
        System.out.printf("Tenant isolation sweep (mass assignment): %d cases, 0 failures%n", cases);
    }

    @Test
    void withoutRoleIsForbiddenAndWithoutTokenUnauthorized() {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (OpenApiOperations.Operation op : operations) {
            String url = op.concrete(Map.of());
            // Open data is read by anyone, with or without a token or role; everything else needs both.
            boolean open = op.method().equalsIgnoreCase("GET") && op.path().startsWith(OPEN_DATA);
            Response anonymous = open ? Gateway.anonymous().request(op.method(), url)
                    : Gateway.anonymous().contentType("application/json").body("{}").request(op.method(), url);
            cases++;
            if (anonymous.statusCode() != (open ? 200 : 401)) {
                failures.add(op + " without token -> " + anonymous.statusCode());
            }
            Response noRole = open ? Gateway.as("vest-norole").request(op.method(), url)
                    : Gateway.as("vest-norole").contentType("application/json").body("{}").request(op.method(), url);
            cases++;
            if (noRole.statusCode() != (open ? 200 : 403)) {
                failures.add(op + " without role -> " + noRole.statusCode());
            }
        }
        report("no role / no token", cases, failures);
    }

    private static List<String> candidateIds(OpenApiOperations.Operation op) {
        String collection = op.path().substring(0, op.path().indexOf("/{"));
        String first = op.pathParameters().get(0);
        Set<String> ids = first.equals("code") ? vestCodesByCollection.getOrDefault(collection, Set.of())
                : vestIdsByCollection.getOrDefault(collection, Set.of());
        List<String> result = new ArrayList<>(ids.stream().limit(3).toList());
        if (first.equals("employeeId")) {
            result.add(seeded.employeeId());
        }
        if (collection.equals("/api/v1/grants/rounds") && op.path().contains("{rhf}")) {
            // Rounds are national; their Helse Vest pot is Helse Vest's.
            result.add(seeded.roundId());
        }
        if (result.isEmpty()) {
            result.add("00000000-0000-4000-8000-000000000000");
        }
        return result;
    }

    private static int statusForMissing(OpenApiOperations.Operation op, String user) {
        Map<String, String> values = new HashMap<>();
        values.put(op.pathParameters().get(0), op.pathParameters().get(0).equals("code") ? "NO-SUCH-CODE"
                : "00000000-0000-4000-8000-000000000000");
        values.put("rhf", "helse-vest");
        values.put("employeeId", "00000000-0000-4000-8000-000000000000");
        return Gateway.as(user).get(op.concrete(values)).statusCode();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static void report(String sweep, int cases, List<String> failures) {
        System.out.printf("Tenant isolation sweep (%s): %d cases, %d failures%n", sweep, cases, failures.size());
        assertThat(cases).isGreaterThan(10);
        assertThat(failures).isEmpty();
    }
}
