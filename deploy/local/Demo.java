import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Loads the TØRN demo through the gateway's public API, as a real client would: tokens from Keycloak (demo users with
 * the password grant of {@code torn-cli}, the HR integrations with their client credentials), one request per
 * command, {@code Idempotency-Key}s derived from the demo item, and a look-up before every create so that a second
 * run changes nothing. A refusal is printed as the problem+json the platform answered, and the program exits 1.
 *
 * <pre>
 *   java deploy/local/Demo.java [gateway-url] [token-url]
 *     gateway-url  default $TORN_GATEWAY or http://localhost:8080
 *     token-url    default $TORN_TOKEN_URL or http://localhost:8180/realms/torn/protocol/openid-connect/token
 *     data         $TORN_DEMO_DATA, else deploy/local/demo (from the repository root) or demo/ beside the program
 * </pre>
 *
 * JDK only (no dependencies): a small JSON reader and writer are at the end of the file.
 */
public class Demo {

    private static final String PASSWORD = "torn-demo";
    private static final String CLI_CLIENT = "torn-cli";
    /** How long to wait for another service to learn of a change through events ("known within seconds"). */
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final String gateway;
    private final String tokenUrl;
    private final Path data;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Integer> created = new LinkedHashMap<>();
    private final Map<String, Integer> changed = new LinkedHashMap<>();

    private record Token(String value, long expiresAtNanos) {
    }

    /** An answer: status, body text and parsed JSON (null when not JSON). */
    record Resp(String method, String path, int status, String body, Object json) {
        Map<String, Object> obj() {
            return asObj(json);
        }

        String str(String key) {
            return Demo.str(obj().get(key));
        }
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : env("TORN_GATEWAY", "http://localhost:8080");
        String tokenUrl = args.length > 1 ? args[1]
                : env("TORN_TOKEN_URL", "http://localhost:8180/realms/torn/protocol/openid-connect/token");
        Path data = dataDir();
        new Demo(stripSlash(gateway), tokenUrl, data).run();
    }

    Demo(String gateway, String tokenUrl, Path data) {
        this.gateway = gateway;
        this.tokenUrl = tokenUrl;
        this.data = data;
    }

    void run() throws Exception {
        System.out.printf("TØRN demo through %s (tokens from %s, data in %s)%n", gateway, tokenUrl, data);
        Map<String, Object> vest = asObj(Json.parse(Files.readString(data.resolve("helse-vest.json"))));
        Map<String, Object> sorOst = asObj(Json.parse(Files.readString(data.resolve("helse-sor-ost.json"))));
        List<Map<String, Object>> regions = List.of(vest, sorOst);

        step("1. Reference data");
        referenceData();
        step("2. National competence types (national admin)");
        competenceTypes();
        step("3. National task catalogue (national admin)");
        taskCatalogue();
        for (Map<String, Object> region : regions) {
            step("4. Employees and their formal and real competence, " + region.get("rhf") + " (HR integration)");
            employees(region);
        }
        for (Map<String, Object> region : regions) {
            step("5. Sharing mappings, " + region.get("rhf") + " (unit leader proposes, RHF admin approves)");
            sharingMappings(region);
            step("6. TØRN process mapping with proposals, " + region.get("rhf"));
            processMapping(region);
            step("7. Responsibility clarifications and delegations, " + region.get("rhf") + " (four eyes)");
            clarificationsAndDelegations(region);
        }
        step("8. Grant round (national admin)");
        String roundId = grantRound();
        for (Map<String, Object> region : regions) {
            step("9. Pot split, allocation, applications, decisions, awards and reports, " + region.get("rhf"));
            grants(region, roundId);
            step("10. Experience arena, " + region.get("rhf"));
            experience(region, roundId);
        }
        step("Summary");
        summary(regions, roundId);
    }

    // ---- steps ----

    private void referenceData() {
        List<Object> regions = asList(expect(get("vest-admin", "/api/v1/competence/health-regions"), 200).json());
        int trusts = regions.stream().mapToInt(r -> asList(asObj(r).get("hospitalTrusts")).size()).sum();
        System.out.printf("  %d RHFs with %d HFs; personnel groups: %d%n", regions.size(), trusts,
                asList(expect(get("vest-admin", "/api/v1/competence/personnel-groups"), 200).json()).size());
    }

    private void competenceTypes() throws IOException {
        Map<String, Object> file = asObj(Json.parse(Files.readString(data.resolve("competence-types.json"))));
        int present = 0;
        for (Object o : asList(file.get("types"))) {
            Map<String, Object> type = new LinkedHashMap<>(asObj(o));
            String code = str(type.get("code"));
            Resp found = get("vest-national", "/api/v1/competence/types/" + enc(code));
            if (found.status() == 200) {
                present++;
                continue;
            }
            expect(found, 404);
            type.putIfAbsent("evidenceRequired", false);
            type.put("national", true);
            expect(send("POST", "/api/v1/competence/types", "vest-national", type, key("type", code)), 201);
            count(created, "competence types");
        }
        System.out.printf("  %d demo competence types (%d already there, %d defined)%n", present
                + created.getOrDefault("competence types", 0), present, created.getOrDefault("competence types", 0));
    }

    private void taskCatalogue() throws IOException {
        Map<String, Object> file = asObj(Json.parse(Files.readString(data.resolve("tasks.json"))));
        int present = 0;
        for (Object o : asList(file.get("tasks"))) {
            Map<String, Object> task = new LinkedHashMap<>(asObj(o));
            String code = str(task.get("code"));
            Resp found = get("vest-national", "/api/v1/tasks/" + enc(code));
            if (found.status() == 200) {
                present++;
                continue;
            }
            expect(found, 404);
            task.put("national", true);
            // task-service learns of new competence types from competence-service's events: R-CAT-01 until then.
            expect(eventually(() -> send("POST", "/api/v1/tasks", "vest-national", task, key("task", code)),
                    r -> r.status() == 422 && r.body().contains("R-CAT-01")), 201);
            count(created, "tasks");
        }
        System.out.printf("  %d national demo tasks (%d already there, %d registered)%n",
                present + created.getOrDefault("tasks", 0), present, created.getOrDefault("tasks", 0));
    }

    private void employees(Map<String, Object> region) {
        String rhf = str(region.get("rhf"));
        String hf = str(region.get("hf"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : asList(region.get("employees"))) {
            Map<String, Object> e = asObj(o);
            for (Object r : asList(e.get("records"))) {
                Map<String, Object> rec = asObj(r);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("hf", e.getOrDefault("hf", hf));
                row.put("employeeNumber", e.get("employeeNumber"));
                row.put("name", e.get("name"));
                row.put("unit", e.getOrDefault("unit", region.get("unit")));
                row.put("personnelGroup", e.get("personnelGroup"));
                row.put("hprNumber", e.get("hprNumber"));
                row.put("competenceCode", rec.get("code"));
                row.put("acquiredOn", day(rec.get("acquiredOn")));
                row.put("validUntil", day(rec.get("validUntil")));
                row.put("evidenceDocumentReference", rec.get("evidence"));
                rows.add(row);
            }
        }
        Map<String, Object> body = Map.of("rows", rows);
        Map<String, Object> result = expect(send("POST", "/api/v1/competence/imports", hrIntegration(rhf), body,
                key("import", rhf, sha(Json.write(body)))), 200).obj();
        // Not counted in the summary: a repeated import with the same key answers the first import's result again
        // (and applies nothing), so its figures do not say what this run changed.
        System.out.printf("  %s rows: employees %s created, %s updated, %s unchanged; records %s created, "
                        + "%s updated, %s unchanged%n", result.get("rows"), result.get("employeesCreated"),
                result.get("employeesUpdated"), result.get("employeesUnchanged"), result.get("recordsCreated"),
                result.get("recordsUpdated"), result.get("recordsUnchanged"));
        LocalDate horizon = today.plusDays(30);
        long expiring = asList(expect(get(user(region, "hr"), "/api/v1/competence/records?size=200&status=ACTIVE&hf="
                + enc(hf)), 200).obj().get("items")).stream().map(Demo::asObj)
                .map(r -> str(r.get("validUntil"))).filter(Objects::nonNull).map(LocalDate::parse)
                .filter(d -> !d.isBefore(today) && !d.isAfter(horizon)).count();
        System.out.printf("  %d records of %s expire within 30 days%n", expiring, hf);
    }

    private void sharingMappings(Map<String, Object> region) {
        for (Object o : asList(region.get("sharingMappings"))) {
            Map<String, Object> m = asObj(o);
            Map<String, Object> mapping = approvedMapping(region, m);
            System.out.printf("  %-28s %s → %s: %s%n", m.get("taskCode"), m.get("fromGroup"), m.get("toGroup"),
                    mapping.get("status"));
        }
    }

    /** Finds the live mapping of the pair, or drafts it; then proposes and approves it as far as needed. */
    private Map<String, Object> approvedMapping(Map<String, Object> region, Map<String, Object> def) {
        String leader = user(region, "leader");
        String admin = user(region, "admin");
        Map<String, Object> mapping = findMapping(admin, str(def.get("taskCode")), str(def.get("fromGroup")),
                str(def.get("toGroup")));
        if (mapping == null) {
            mapping = expect(send("POST", "/api/v1/sharing-mappings", leader, def, key("mapping", region.get("rhf"),
                    def.get("taskCode"), def.get("fromGroup"), def.get("toGroup"))), 201).obj();
            count(created, "sharing mappings");
        }
        String path = "/api/v1/sharing-mappings/" + mapping.get("id");
        if ("DRAFT".equals(mapping.get("status"))) {
            mapping = expect(send("POST", path + "/propose", leader, version(mapping), null), 200).obj();
            count(changed, "sharing mappings proposed");
        }
        if ("PROPOSED".equals(mapping.get("status"))) {
            mapping = expect(send("POST", path + "/approve", admin, version(mapping), null), 200).obj();
            count(changed, "sharing mappings approved");
        }
        return mapping;
    }

    private Map<String, Object> findMapping(String user, String task, String from, String to) {
        List<Object> items = asList(expect(get(user, "/api/v1/sharing-mappings?size=200&taskCode=" + enc(task)
                + "&fromGroup=" + enc(from) + "&toGroup=" + enc(to)), 200).obj().get("items"));
        return items.stream().map(Demo::asObj).filter(m -> !"RETIRED".equals(m.get("status"))).findFirst()
                .orElse(null);
    }

    private void processMapping(Map<String, Object> region) {
        Map<String, Object> def = asObj(region.get("processMapping"));
        String leader = user(region, "leader");
        String hf = str(region.get("hf"));
        String unit = str(region.get("unit"));
        Map<String, Object> summary = asList(expect(get(leader, "/api/v1/process-mappings?size=200&hf=" + enc(hf)
                + "&unit=" + enc(unit)), 200).obj().get("items")).stream().map(Demo::asObj)
                .filter(m -> Objects.equals(m.get("name"), def.get("name"))).findFirst().orElse(null);
        String id;
        if (summary == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("hf", hf);
            body.put("unit", unit);
            for (String k : List.of("name", "description", "unionRepresentativeInvolved", "participants")) {
                body.put(k, def.get(k));
            }
            id = expect(send("POST", "/api/v1/process-mappings", leader, body,
                    key("process-mapping", region.get("rhf"), def.get("name"))), 201).str("id");
            count(created, "process mappings");
        } else {
            id = str(summary.get("id"));
        }
        String path = "/api/v1/process-mappings/" + id;
        Map<String, Object> pm = expect(get(leader, path), 200).obj();
        for (Object o : asList(def.get("steps"))) {
            Map<String, Object> step = asObj(o);
            if (stepOf(pm, step) == null) {
                Map<String, Object> body = new LinkedHashMap<>(version(pm));
                for (String k : List.of("description", "taskCode", "performerGroup", "occurrencesPerWeek",
                        "minutesPerOccurrence")) {
                    body.put(k, step.get(k));
                }
                pm = expect(send("POST", path + "/steps", leader, body, key("step", id, step.get("taskCode"),
                        step.get("performerGroup"))), 201).obj();
                count(created, "process mapping steps");
            }
        }
        if ("MAPPING".equals(pm.get("phase"))) {
            pm = phase(leader, path, pm, "ANALYSIS");
        }
        for (Object o : asList(def.get("steps"))) {
            Map<String, Object> step = asObj(o);
            Map<String, Object> stored = stepOf(pm, step);
            if (step.get("proposal") != null && stored.get("sharingMappingId") == null) {
                Map<String, Object> body = new LinkedHashMap<>(version(pm));
                body.putAll(asObj(step.get("proposal")));
                pm = expect(send("POST", path + "/steps/" + stored.get("id") + "/proposal", leader, body,
                        key("proposal", id, stored.get("id"))), 201).obj();
                count(created, "proposals");
            }
        }
        if ("ANALYSIS".equals(pm.get("phase"))) {
            pm = phase(leader, path, pm, "PROPOSAL");
        }
        // The RHF admin decides on each proposal: approved, it is a sharing mapping like any other.
        for (Object o : asList(pm.get("steps"))) {
            Map<String, Object> step = asObj(o);
            if ("PROPOSED".equals(step.get("proposalStatus"))) {
                String mappingPath = "/api/v1/sharing-mappings/" + step.get("sharingMappingId");
                Map<String, Object> mapping = expect(get(user(region, "admin"), mappingPath), 200).obj();
                expect(send("POST", mappingPath + "/approve", user(region, "admin"), version(mapping), null), 200);
                count(changed, "sharing mappings approved");
            }
        }
        pm = expect(get(leader, path), 200).obj();
        Map<String, Object> workload = asObj(pm.get("workload"));
        System.out.printf("  \"%s\" (%s/%s): phase %s, %d steps, %d proposals%s%n", pm.get("name"), hf, unit,
                pm.get("phase"), asList(pm.get("steps")).size(),
                asList(pm.get("steps")).stream().filter(s -> asObj(s).get("sharingMappingId") != null).count(),
                workload.isEmpty() ? "" : "; workload " + Json.write(workload));
    }

    private Map<String, Object> phase(String leader, String path, Map<String, Object> pm, String phase) {
        Map<String, Object> body = new LinkedHashMap<>(version(pm));
        body.put("phase", phase);
        count(changed, "process mapping phases");
        return expect(send("POST", path + "/phase", leader, body, null), 200).obj();
    }

    private static Map<String, Object> stepOf(Map<String, Object> pm, Map<String, Object> def) {
        return asList(pm.get("steps")).stream().map(Demo::asObj)
                .filter(s -> Objects.equals(s.get("taskCode"), def.get("taskCode"))
                        && Objects.equals(s.get("performerGroup"), def.get("performerGroup")))
                .findFirst().orElse(null);
    }

    private void clarificationsAndDelegations(Map<String, Object> region) {
        String leader = user(region, "leader");
        String leader2 = user(region, "leader2");
        String hf = str(region.get("hf"));
        String unit = str(region.get("unit"));
        for (Object o : asList(region.get("clarifications"))) {
            Map<String, Object> def = asObj(o);
            Map<String, Object> mapping = findMapping(user(region, "admin"), str(def.get("taskCode")),
                    str(def.get("fromGroup")), str(def.get("toGroup")));
            if (mapping == null || !"APPROVED".equals(mapping.get("status"))) {
                fail("no approved sharing mapping for " + def.get("taskCode") + " " + def.get("fromGroup") + " → "
                        + def.get("toGroup") + " (see the sharingMappings of " + region.get("rhf") + ")");
            }
            String mappingId = str(mapping.get("id"));
            Map<String, Object> clarification = asList(expect(get(leader, "/api/v1/responsibility/clarifications"
                    + "?size=200&hf=" + enc(hf) + "&unit=" + enc(unit) + "&mappingId=" + mappingId), 200).obj()
                    .get("items")).stream().map(Demo::asObj)
                    .filter(c -> !List.of("REVOKED", "LAPSED").contains(c.get("status"))).findFirst().orElse(null);
            if (clarification == null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("hf", hf);
                body.put("unit", unit);
                body.put("mappingId", mappingId);
                for (String k : List.of("supervisorRole", "legalBasis", "riskAssessment", "conditions")) {
                    body.put(k, def.get(k));
                }
                body.put("activeFrom", today.toString());
                body.put("reviewDate", today.plusYears(1).toString());
                body.put("parties", List.of(Map.of("raci", "ACCOUNTABLE", "party", "Avdelingsleder"),
                        Map.of("raci", "RESPONSIBLE", "party", def.get("toGroup")),
                        Map.of("raci", "CONSULTED", "party", def.get("fromGroup"))));
                // responsibility-service learns of the approved mapping from task-service's events.
                clarification = expect(eventually(() -> send("POST", "/api/v1/responsibility/clarifications", leader,
                        body, key("clarification", region.get("rhf"), mappingId, unit)),
                        r -> r.status() == 422 || r.status() == 404), 201).obj();
                count(created, "clarifications");
            }
            String path = "/api/v1/responsibility/clarifications/" + clarification.get("id");
            if ("DRAFT".equals(clarification.get("status"))) {
                clarification = expect(send("POST", path + "/submit", leader, version(clarification), null), 200)
                        .obj();
                count(changed, "clarifications submitted");
            }
            if ("SUBMITTED".equals(clarification.get("status"))) {
                // Four eyes (R-RESP-01): a second unit leader approves what the first submitted.
                clarification = expect(send("POST", path + "/approve", leader2, version(clarification), null), 200)
                        .obj();
                count(changed, "clarifications approved");
            }
            System.out.printf("  clarification %s %s → %s: %s%n", def.get("taskCode"), def.get("fromGroup"),
                    def.get("toGroup"), clarification.get("status"));
            for (Object d : asList(def.get("delegations"))) {
                delegation(region, str(clarification.get("id")), asObj(d));
            }
        }
    }

    private void delegation(Map<String, Object> region, String clarificationId, Map<String, Object> def) {
        String leader = user(region, "leader");
        String employeeNumber = str(def.get("employeeNumber"));
        String employeeId = employeeId(region, employeeNumber);
        Map<String, Object> delegation = asList(expect(get(leader, "/api/v1/responsibility/delegations?size=200"
                + "&clarificationId=" + clarificationId + "&employeeId=" + employeeId), 200).obj().get("items"))
                .stream().map(Demo::asObj).filter(d -> !"ENDED".equals(d.get("status"))).findFirst().orElse(null);
        if (delegation == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clarificationId", clarificationId);
            body.put("employeeId", employeeId);
            body.put("delegator", def.get("delegator"));
            body.put("supervisor", def.get("supervisor"));
            body.put("validFrom", today.toString());
            // The employee's competence reaches responsibility-service through events.
            delegation = expect(eventually(() -> send("POST", "/api/v1/responsibility/delegations", leader, body,
                    key("delegation", clarificationId, employeeId)), r -> r.status() == 422), 201).obj();
            count(created, "delegations");
        }
        if (Boolean.TRUE.equals(def.get("confirmedByEmployee")) && "CREATED".equals(delegation.get("status"))) {
            Map<String, Object> body = new LinkedHashMap<>(version(delegation));
            body.put("consideredCompetent", true);
            delegation = expect(send("POST", "/api/v1/responsibility/me/delegations/" + delegation.get("id")
                    + "/confirm", user(region, "employee"), body, null), 200).obj();
            count(changed, "delegations confirmed");
        }
        System.out.printf("    delegation to %s: %s%n", employeeNumber, delegation.get("status"));
    }

    private String grantRound() throws IOException {
        Map<String, Object> def = asObj(asObj(Json.parse(Files.readString(data.resolve("national.json"))))
                .get("round"));
        int year = today.getYear();
        Map<String, Object> round = asList(expect(get("vest-national", "/api/v1/grants/rounds?size=200&year=" + year),
                200).obj().get("items")).stream().map(Demo::asObj)
                .filter(r -> Objects.equals(r.get("programme"), def.get("programme"))).findFirst().orElse(null);
        if (round == null) {
            Map<String, Object> body = new LinkedHashMap<>(def);
            body.put("year", year);
            round = expect(send("POST", "/api/v1/grants/rounds", "vest-national", body,
                    key("round", year, def.get("programme"))), 201).obj();
            count(created, "grant rounds");
        }
        System.out.printf("  round %s %s \"%s\": %s%n", year, round.get("programme"), round.get("title"),
                round.get("status"));
        return str(round.get("id"));
    }

    private void grants(Map<String, Object> region, String roundId) {
        String rhf = str(region.get("rhf"));
        String admin = user(region, "admin");
        String hr = user(region, "hr");
        Map<String, Object> def = asObj(region.get("grants"));
        String potPath = "/api/v1/grants/rounds/" + roundId + "/pots/" + rhf;
        Map<String, Object> pot = expect(get(admin, potPath), 200).obj();
        if ("OPEN".equals(pot.get("status")) && asList(pot.get("participants")).isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>(asObj(def.get("split")));
            body.putAll(version(pot));
            pot = expect(send("PUT", potPath + "/split", admin, body, null), 200).obj();
            count(changed, "pot splits");
        }
        long allocations = total(expect(get(admin, "/api/v1/grants/allocations?roundId=" + roundId + "&rhf=" + rhf),
                200));
        if (allocations == 0) {
            expect(send("POST", "/api/v1/grants/allocations", admin, Map.of("roundId", roundId),
                    key("allocation", roundId, rhf)), 201);
            count(created, "allocations");
        }
        Map<String, Map<String, Object>> applications = new LinkedHashMap<>();
        for (Object o : asList(def.get("applications"))) {
            Map<String, Object> app = asObj(o);
            Map<String, Object> stored = application(admin, roundId, str(app.get("title")));
            if (stored == null) {
                Map<String, Object> body = new LinkedHashMap<>(app);
                body.keySet().removeAll(List.of("decision", "publish", "report"));
                body.put("roundId", roundId);
                body.putIfAbsent("hf", region.get("hf"));
                stored = expect(send("POST", "/api/v1/grants/applications", hr, body,
                        key("application", roundId, app.get("title"))), 201).obj();
                count(created, "applications");
            }
            applications.put(str(app.get("title")), stored);
        }
        pot = expect(get(admin, potPath), 200).obj();
        if ("OPEN".equals(pot.get("status"))) {
            // R-GRANT-01: the RHF locks its own pot (with its computed allocation) before it decides.
            Map<String, Object> body = new LinkedHashMap<>(version(pot));
            body.put("status", "ALLOCATED");
            pot = expect(send("POST", potPath + "/status", admin, body, null), 200).obj();
            count(changed, "pots locked");
        }
        List<Object> awarded = asList(expect(get(admin, "/api/v1/grants/awards?size=200&rhf=" + rhf + "&year="
                + today.getYear()), 200).obj().get("items"));
        for (Object o : asList(def.get("applications"))) {
            Map<String, Object> app = asObj(o);
            Map<String, Object> stored = applications.get(str(app.get("title")));
            String path = "/api/v1/grants/applications/" + stored.get("id");
            Map<String, Object> decision = asObj(app.get("decision"));
            if (!decision.isEmpty() && List.of("SUBMITTED", "UNDER_REVIEW").contains(stored.get("status"))) {
                Map<String, Object> body = new LinkedHashMap<>(decision);
                body.putAll(version(stored));
                stored = expect(send("POST", path + "/decision", admin, body, null), 200).obj();
                count(changed, "decisions");
            }
            String id = str(stored.get("id"));
            boolean published = awarded.stream().anyMatch(a -> id.equals(asObj(a).get("applicationId")));
            if (Boolean.TRUE.equals(app.get("publish")) && "GRANTED".equals(stored.get("status")) && !published) {
                expect(send("POST", "/api/v1/grants/awards/" + id + "/publish", admin, version(stored), null), 200);
                count(changed, "awards published");
                published = true;
            }
            Map<String, Object> report = asObj(app.get("report"));
            String reportStatus = "";
            if (!report.isEmpty() && "GRANTED".equals(stored.get("status"))) {
                Map<String, Object> storedReport = asList(expect(get(admin, "/api/v1/grants/reports?applicationId="
                        + id), 200).obj().get("items")).stream().map(Demo::asObj).findFirst().orElse(null);
                if (storedReport == null) {
                    Map<String, Object> body = new LinkedHashMap<>(report);
                    body.remove("approve");
                    body.put("applicationId", id);
                    storedReport = expect(send("POST", "/api/v1/grants/reports", hr, body,
                            key("report", id, report.get("kind"))), 201).obj();
                    count(created, "project reports");
                }
                if (Boolean.TRUE.equals(report.get("approve")) && "SUBMITTED".equals(storedReport.get("status"))) {
                    Map<String, Object> body = new LinkedHashMap<>(version(storedReport));
                    body.put("comment", "Godkjent");
                    storedReport = expect(send("POST", "/api/v1/grants/reports/" + storedReport.get("id")
                            + "/approve", admin, body, null), 200).obj();
                    count(changed, "project reports approved");
                }
                reportStatus = ", report " + storedReport.get("status");
            }
            System.out.printf("  \"%s\": %s%s%s%n", app.get("title"), stored.get("status"),
                    published ? ", published" : "", reportStatus);
        }
        System.out.printf("  pot %s: %s NOK, %s%n", rhf, pot.get("amount"), pot.get("status"));
    }

    private Map<String, Object> application(String user, String roundId, String title) {
        return asList(expect(get(user, "/api/v1/grants/applications?size=200&roundId=" + roundId), 200).obj()
                .get("items")).stream().map(Demo::asObj).filter(a -> title.equals(a.get("title"))).findFirst()
                .orElse(null);
    }

    private void experience(Map<String, Object> region, String roundId) {
        String rhf = str(region.get("rhf"));
        String hr = user(region, "hr");
        for (Object o : asList(region.get("experienceReports"))) {
            Map<String, Object> def = asObj(o);
            String title = str(def.get("title"));
            Map<String, Object> report = null;
            for (String status : List.of("PUBLISHED", "DRAFT")) {
                report = asList(expect(get(hr, "/api/v1/experience/reports?size=200&rhf=" + rhf + "&status="
                        + status), 200).obj().get("items")).stream().map(Demo::asObj)
                        .filter(r -> title.equals(r.get("title"))).findFirst().orElse(null);
                if (report != null) {
                    break;
                }
            }
            // An HF's own reports are written by its HR; reports for other HFs of the RHF by the RHF admin ("by").
            String author = user(region, def.get("by") == null ? "hr" : str(def.get("by")));
            if (report == null) {
                Map<String, Object> body = new LinkedHashMap<>(def);
                body.remove("application");
                body.remove("by");
                body.putIfAbsent("hf", region.get("hf"));
                body.putIfAbsent("year", today.getYear());
                if (def.get("application") != null) {
                    Map<String, Object> app = application(user(region, "admin"), roundId, str(def.get("application")));
                    body.put("applicationId", app == null ? null : app.get("id"));
                }
                report = expect(send("POST", "/api/v1/experience/reports", author, body,
                        key("experience", rhf, title)), 201).obj();
                count(created, "experience reports");
            }
            if ("DRAFT".equals(report.get("status"))) {
                report = expect(send("POST", "/api/v1/experience/reports/" + report.get("id") + "/publish", author,
                        version(report), null), 200).obj();
                count(changed, "experience reports published");
            }
            System.out.printf("  \"%s\": %s%n", title, report.get("status"));
        }
    }

    private void summary(List<Map<String, Object>> regions, String roundId) {
        for (Map<String, Object> region : regions) {
            String admin = user(region, "admin");
            String rhf = str(region.get("rhf"));
            System.out.printf("  %s: employees %d, records %d, sharing mappings %d, process mappings %d, "
                            + "clarifications %d, delegations %d, applications %d, awards %d, reports %d%n", rhf,
                    total(get(admin, "/api/v1/competence/employees?size=1")),
                    total(get(admin, "/api/v1/competence/records?size=1")),
                    total(get(admin, "/api/v1/sharing-mappings?size=1")),
                    total(get(admin, "/api/v1/process-mappings?size=1")),
                    total(get(admin, "/api/v1/responsibility/clarifications?size=1")),
                    total(get(admin, "/api/v1/responsibility/delegations?size=1")),
                    total(get(admin, "/api/v1/grants/applications?size=1&roundId=" + roundId)),
                    total(get(admin, "/api/v1/grants/awards?size=1&rhf=" + rhf)),
                    total(get(admin, "/api/v1/grants/reports?size=1")));
        }
        System.out.println("  created: " + (created.isEmpty() ? "nothing" : created));
        System.out.println("  changed: " + (changed.isEmpty() ? "nothing" : changed));
        System.out.println("Done. Try the calls in README.md, \"See it working in five minutes\".");
    }

    // ---- HTTP as a client ----

    private Resp get(String user, String path) {
        return send("GET", path, user, null, null);
    }

    private Resp send(String method, String path, String user, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // Over the caller's quota: wait as the gateway says (Retry-After) and ask again, as a client should.
            for (int attempt = 0; response.statusCode() == 429 && attempt < 10; attempt++) {
                String retryAfter = response.headers().firstValue("Retry-After").orElse("1");
                long seconds = retryAfter.matches("\\d{1,3}") ? Long.parseLong(retryAfter) : 1;
                Thread.sleep(Math.min(60, Math.max(1, seconds)) * 1000);
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            Object json = type.contains("json") && !text.isBlank() ? Json.parse(text) : null;
            return new Resp(method, path, response.statusCode(), text, json);
        } catch (IOException e) {
            fail(method + " " + gateway + path + ": " + e + " (is the platform up? deploy/local/up.sh)");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer if its status is one of {@code statuses}; otherwise the problem is printed and the demo ends. */
    private static Resp expect(Resp r, int... statuses) {
        for (int s : statuses) {
            if (r.status() == s) {
                return r;
            }
        }
        System.err.printf("%n%s %s answered %d%n%s%n", r.method(), r.path(), r.status(),
                r.json() == null ? r.body() : Json.pretty(r.json(), ""));
        System.exit(1);
        return r;
    }

    /** Repeats a request while {@code notYet} holds (another service has not yet learnt of a change), up to a minute. */
    private static Resp eventually(Supplier<Resp> request, Predicate<Resp> notYet) {
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (true) {
            Resp r = request.get();
            if (!notYet.test(r) || System.nanoTime() > deadline) {
                return r;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    private String token(String user) {
        Token cached = tokens.get(user);
        if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
            return cached.value();
        }
        String form;
        if (user.startsWith("hr-integration-")) {
            // The HR integrations' client secrets of the demo realm (deploy/keycloak/torn-realm.json).
            form = "grant_type=client_credentials&client_id=" + enc(user) + "&client_secret=" + enc(user + "-secret");
        } else {
            form = "grant_type=password&client_id=" + CLI_CLIENT + "&username=" + enc(user) + "&password="
                    + enc(PASSWORD);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("no token for " + user + " from " + tokenUrl + ": " + response.statusCode() + " "
                        + response.body());
            }
            Map<String, Object> body = asObj(Json.parse(response.body()));
            long seconds = Math.max(10, num(body.get("expires_in")) - 30);
            Token token = new Token(str(body.get("access_token")), System.nanoTime()
                    + Duration.ofSeconds(seconds).toNanos());
            tokens.put(user, token);
            return token.value();
        } catch (IOException e) {
            fail("no token for " + user + " from " + tokenUrl + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- small helpers ----

    private String employeeId(Map<String, Object> region, String employeeNumber) {
        List<Object> items = asList(expect(get(user(region, "admin"), "/api/v1/competence/employees?hf="
                + enc(str(region.get("hf"))) + "&employeeNumber=" + enc(employeeNumber)), 200).obj().get("items"));
        if (items.isEmpty()) {
            fail("employee " + employeeNumber + " is not in " + region.get("hf"));
        }
        return str(asObj(items.get(0)).get("id"));
    }

    private static String user(Map<String, Object> region, String role) {
        return str(asObj(region.get("users")).get(role));
    }

    private static String hrIntegration(String rhf) {
        return "hr-integration-" + rhf;
    }

    /** {@code today±N} in the data files is a day relative to today in Norway; anything else is taken as is. */
    private String day(Object value) {
        String s = str(value);
        if (s == null || !s.startsWith("today")) {
            return s;
        }
        String offset = s.substring(5);
        return offset.isEmpty() ? today.toString() : today.plusDays(Long.parseLong(offset)).toString();
    }

    /** An Idempotency-Key derived from the demo item, so a repeat is recognised as the same request. */
    private static String key(Object... parts) {
        StringBuilder b = new StringBuilder("torn-demo");
        for (Object p : parts) {
            b.append(':').append(p);
        }
        String k = b.toString();
        return k.length() <= 120 ? k.replaceAll("[^A-Za-z0-9:._-]", "_") : "torn-demo:" + sha(k);
    }

    private static Map<String, Object> version(Map<String, Object> resource) {
        return Map.of("version", resource.get("version"));
    }

    private static long total(Resp r) {
        return r.status() == 200 && r.json() instanceof Map<?, ?> m && m.get("total") instanceof Number n
                ? n.longValue() : -1;
    }

    private static void count(Map<String, Integer> counts, String what) {
        add(counts, what, 1);
    }

    private static void add(Map<String, Integer> counts, String what, int n) {
        if (n > 0) {
            counts.merge(what, n, Integer::sum);
        }
    }

    private static void step(String title) {
        System.out.println("== " + title);
    }

    private static void fail(String message) {
        System.err.println("demo: " + message);
        System.exit(1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObj(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }

    static int num(Object o) {
        return o instanceof Number n ? n.intValue() : 0;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Path dataDir() {
        String configured = System.getenv("TORN_DEMO_DATA");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String source = System.getProperty("jdk.launcher.sourcefile");
        if (source != null) {
            candidates.add(Path.of(source).toAbsolutePath().getParent().resolve("demo"));
        }
        candidates.add(Path.of("deploy/local/demo"));
        candidates.add(Path.of("demo"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("helse-vest.json"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        System.err.println("demo: no demo data in " + candidates + "; set TORN_DEMO_DATA");
        System.exit(1);
        return null;
    }

    /** A minimal JSON reader and writer: objects keep their order; numbers are Long or Double. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json p = new Json(text);
            Object v = p.value();
            p.ws();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing text at " + p.i);
            }
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        i++; // ':'
                        m.put(k, value());
                        ws();
                        if (s.charAt(i++) == '}') {
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i++) == ']') {
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String n = s.substring(start, i);
                    if (n.isEmpty()) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
                    }
                    return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.valueOf(n)
                            : (Object) Long.valueOf(n);
                }
            }
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        static String write(Object v) {
            StringBuilder b = new StringBuilder();
            write(b, v);
            return b.toString();
        }

        private static void write(StringBuilder b, Object v) {
            if (v == null) {
                b.append("null");
            } else if (v instanceof String s) {
                quote(b, s);
            } else if (v instanceof Number || v instanceof Boolean) {
                b.append(v);
            } else if (v instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    quote(b, String.valueOf(e.getKey()));
                    b.append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            } else if (v instanceof List<?> l) {
                b.append('[');
                for (int k = 0; k < l.size(); k++) {
                    if (k > 0) {
                        b.append(',');
                    }
                    write(b, l.get(k));
                }
                b.append(']');
            } else {
                quote(b, v.toString());
            }
        }

        private static void quote(StringBuilder b, String s) {
            b.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            b.append('"');
        }

        /** Indented, for problems printed to the terminal. */
        static String pretty(Object v, String indent) {
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                StringBuilder b = new StringBuilder("{\n");
                int k = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(indent).append("  ");
                    quote(b, String.valueOf(e.getKey()));
                    b.append(": ").append(pretty(e.getValue(), indent + "  "));
                    b.append(++k < m.size() ? ",\n" : "\n");
                }
                return b.append(indent).append('}').toString();
            }
            if (v instanceof List<?> l && !l.isEmpty()) {
                StringBuilder b = new StringBuilder("[\n");
                for (int k = 0; k < l.size(); k++) {
                    b.append(indent).append("  ").append(pretty(l.get(k), indent + "  "));
                    b.append(k + 1 < l.size() ? ",\n" : "\n");
                }
                return b.append(indent).append(']').toString();
            }
            return write(v);
        }
    }
}
