package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static no.torn.systemtest.Gateway.json;
import static no.torn.systemtest.Gateway.jsonAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Helse Vest data as its clients create it, only through the gateway: employees and competence records from the HR
 * system (CSV), a task, an approved sharing mapping, a process mapping, an approved responsibility clarification, a
 * delegation, a grant round with an application, and an experience report draft. Seeded once per test JVM, so every
 * sweep finds real Helse Vest records to probe.
 */
final class Scenario {

    static final String HF = "helse-bergen";
    static final String UNIT = "Sengepost scenario";

    private static Seeded seeded;

    /** What was seeded, so tests can name the records. */
    record Seeded(String taskCode, String mappingId, String processMappingId, String clarificationId,
                  String delegationId, String employeeId, String roundId, String applicationId, String reportId) {
    }

    private Scenario() {
    }

    /** The seed's task: a code of its own per run, so the seed also runs against a platform that is already up. */
    private static final String SEED_TASK = "SCN-TABLETT-" + tag();

    static synchronized Seeded seed() {
        if (seeded != null) {
            return seeded;
        }
        LocalDate today = LocalDate.now();
        importCsv("""
                hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,validUntil,evidenceDocumentReference
                helse-bergen,V2001,Scenario Sykepleier,Sengepost scenario,sykepleier,1002001,AUT-SYKEPLEIER,2015-06-01,,HPR-dok-2001
                helse-bergen,V2002,Scenario Helsefagarbeider,Sengepost scenario,helsefagarbeider,1002002,AUT-HELSEFAGARBEIDER,2018-06-01,,HPR-dok-2002
                helse-bergen,V2002,Scenario Helsefagarbeider,Sengepost scenario,helsefagarbeider,1002002,LEGEMIDDELHANDTERING,%s,%s,
                """.formatted(today.minusMonths(2), today.plusMonths(20)));
        String employeeId = employeeId(HF, "V2002");

        String task = SEED_TASK;
        createTask("vest-admin", task, false, "Utdeling av tabletter fra multidose", "MEDICATION", "MEDIUM",
                List.of("LEGEMIDDELHANDTERING"));
        String mapping = approvedMapping(task, "sykepleier", "helsefagarbeider", "AVAILABLE");
        String processMapping = jsonAs("vest-leader").body(json("hf", HF, "unit", UNIT,
                        "name", "Legemiddelrunden", "unionRepresentativeInvolved", true,
                        "participants", List.of("Sykepleier", "Helsefagarbeider")))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        String clarification = approvedClarification(mapping, UNIT);
        String delegation = delegation(clarification, employeeId);

        String round = openRound("scenario-" + System.nanoTime());
        String application = apply(round, HF, "Helsefagarbeidere deler ut multidose");
        String report = jsonAs("vest-hr").body(json("hf", HF, "title", "Multidose på sengepost (utkast)",
                        "fromGroup", "sykepleier", "toGroup", "helsefagarbeider", "taskCodes", List.of(task),
                        "summary", "Utkast: helsefagarbeidere deler ut multidose under tilsyn.", "year", today.getYear()))
                .post("/api/v1/experience/reports").then().statusCode(201).extract().path("id");
        seeded = new Seeded(task, mapping, processMapping, clarification, delegation, employeeId, round, application,
                report);
        return seeded;
    }

    // ---- building blocks, shared with the journey ----

    static JsonNode importCsv(String csv) {
        return Gateway.asHrIntegration("helse-vest").contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/competence/imports").then().statusCode(200).extract().as(JsonNode.class);
    }

    static String employeeId(String hf, String employeeNumber) {
        return Gateway.asHrIntegration("helse-vest").queryParam("hf", hf).queryParam("employeeNumber", employeeNumber)
                .get("/api/v1/competence/employees").then().statusCode(200)
                .extract().path("items[0].id");
    }

    /**
     * Creates a task. Right after the platform starts, task-service may not yet have received the competence
     * catalogue's announcements (competence-type-defined events; "known within seconds", as the API documents): a
     * refusal naming R-CAT-01 for an unknown type is retried for a while, anything else fails at once.
     */
    static void createTask(String user, String code, boolean national, String title, String category, String risk,
                           List<String> competences) {
        Map<String, Object> body = json("code", code, "national", national, "title", title, "category", category,
                "riskLevel", risk, "requiresHealthProfessional", true, "allowsUntrainedStaff", false,
                "requiredCompetences", competences);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = jsonAs(user).body(body).post("/api/v1/tasks");
            boolean catalogueNotYetKnown = response.statusCode() == 422
                    && response.asString().contains("R-CAT-01") && response.asString().contains("unknown competence");
            if (!catalogueNotYetKnown || System.nanoTime() > deadline) {
                response.then().statusCode(201);
                return;
            }
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        }
    }

    /** Draft → proposed by a unit leader → approved by the RHF admin. */
    static String approvedMapping(String task, String from, String to, String supervision) {
        Response created = jsonAs("vest-leader").body(json("taskCode", task, "fromGroup", from, "toGroup", to,
                        "supervisionLevel", supervision, "legalBasis", "Helsepersonelloven § 5",
                        "requiredTraining", "Opplæring i legemiddelhåndtering"))
                .post("/api/v1/sharing-mappings");
        created.then().statusCode(201);
        String id = created.path("id");
        int version = jsonAs("vest-leader").body(json("version", created.<Integer>path("version")))
                .post("/api/v1/sharing-mappings/" + id + "/propose").then().statusCode(200).extract().path("version");
        jsonAs("vest-admin").body(json("version", version))
                .post("/api/v1/sharing-mappings/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /**
     * A unit leader drafts and submits, a second unit leader approves (four eyes). The responsibility service learns
     * of the approved mapping from task events, so the draft is retried until its read model has it.
     */
    static String approvedClarification(String mappingId, String unit) {
        LocalDate today = LocalDate.now();
        Map<String, Object> body = json("hf", HF, "unit", unit, "mappingId", mappingId,
                "supervisorRole", "Ansvarlig sykepleier på vakt", "legalBasis", "Helsepersonelloven §§ 4 og 5",
                "riskAssessment", "Lav risiko med multidose og tilgjengelig sykepleier.",
                "conditions", "Kun ferdig pakket multidose.", "activeFrom", today.toString(),
                "reviewDate", today.plusYears(1).toString(),
                "parties", List.of(json("raci", "ACCOUNTABLE", "party", "Avdelingsleder"),
                        json("raci", "RESPONSIBLE", "party", "Helsefagarbeider"),
                        json("raci", "CONSULTED", "party", "Sykepleier")));
        AtomicReference<Response> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            created.set(jsonAs("vest-leader").body(body).post("/api/v1/responsibility/clarifications"));
            return created.get().statusCode() == 201;
        });
        String id = created.get().path("id");
        int version = jsonAs("vest-leader").body(json("version", created.get().<Integer>path("version")))
                .post("/api/v1/responsibility/clarifications/" + id + "/submit").then().statusCode(200)
                .extract().path("version");
        // Four eyes: the submitter may not approve it (R-RESP-01).
        jsonAs("vest-leader").body(json("version", version))
                .post("/api/v1/responsibility/clarifications/" + id + "/approve").then().statusCode(422)
                .body("rules.rule", org.hamcrest.Matchers.hasItem("R-RESP-01"));
        String status = jsonAs("vest-leader2").body(json("version", version))
                .post("/api/v1/responsibility/clarifications/" + id + "/approve").then().statusCode(200)
                .extract().path("status");
        assertThat(status).isIn("APPROVED", "ACTIVE");
        return id;
    }

    /** Created by the unit leader once the employee and their competences have reached the read model. */
    static String delegation(String clarificationId, String employeeId) {
        Map<String, Object> body = json("clarificationId", clarificationId, "employeeId", employeeId,
                "delegator", "Avdelingssykepleier", "supervisor", "Ansvarlig sykepleier på vakt",
                "validFrom", LocalDate.now().toString());
        AtomicReference<Response> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            created.set(jsonAs("vest-leader").body(body).post("/api/v1/responsibility/delegations"));
            return created.get().statusCode() == 201;
        });
        return created.get().path("id");
    }

    static String openRound(String programme) {
        return jsonAs("vest-national").body(json("year", LocalDate.now().getYear(), "programme", programme,
                        "title", "TØRN " + LocalDate.now().getYear(), "nationalAmount", 30_000_000,
                        "pots", List.of(json("rhf", "helse-vest", "amount", 5_000_000),
                                json("rhf", "helse-sor-ost", "amount", 10_000_000))))
                .post("/api/v1/grants/rounds").then().statusCode(201).extract().path("id");
    }

    static String apply(String roundId, String hf, String title) {
        return jsonAs("vest-hr").body(json("roundId", roundId, "hf", hf, "title", title,
                        "department", "Medisinsk klinikk", "fromGroup", "sykepleier", "toGroup", "helsefagarbeider",
                        "taskCodes", List.of(SEED_TASK), "description", "Oppgavedeling på sengepost.",
                        "kind", "PLANNED", "requestedAmount", 400_000, "contactName", "Kari Nordmann",
                        "contactEmail", "kari@example.org"))
                .post("/api/v1/grants/applications").then().statusCode(201).extract().path("id");
    }

    /** A short unique tag for names a drill creates (units, employee numbers), so runs never collide. */
    static String tag() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    /** Waits, keeping the thread's interrupt. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
