package no.torn.systemtest;

import io.restassured.response.Response;
import no.torn.platform.testing.FhirValidation;
import no.torn.platform.testing.KeycloakServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo program ({@code deploy/local/Demo.java}) run as a process against the platform, as {@code demo.sh} runs
 * it: afterwards every list endpoint of the journey has data for both RHFs' admins, and a second run changes nothing —
 * neither a list nor an audit trail grows by one line. Then every FHIR resource the API serves for the demo people is
 * valid FHIR R4 (the HAPI validator against R4 core: no error).
 */
class DemoIT {

    private static final List<String> ADMINS = List.of("vest-admin", "sorost-admin");
    private static final List<String> AUDIT_TRAILS = List.of("/api/v1/competence/audit", "/api/v1/tasks/audit",
            "/api/v1/responsibility/audit", "/api/v1/grants/audit");

    private final int year = LocalDate.now(ZoneId.of("Europe/Oslo")).getYear();

    @Test
    void theDemoTellsTheWholeStoryAndASecondRunChangesNothing() throws Exception {
        String first = runDemo("first");
        assertThat(first).contains("== Summary");

        Map<String, Long> afterFirst = counts();
        for (String admin : ADMINS) {
            String rhf = admin.startsWith("vest") ? "helse-vest" : "helse-sor-ost";
            assertThat(afterFirst).as("list totals after the demo").allSatisfy((list, total) -> {
                if (list.startsWith(admin + " ")) {
                    assertThat(total).as(list).isPositive();
                }
            });
            assertThat(afterFirst.get("open-data " + rhf)).as("open-data awards of " + rhf).isPositive();
        }
        assertThat(afterFirst.get("vest-admin /api/v1/tasks?scope=NATIONAL")).isGreaterThanOrEqualTo(30);
        assertThat(afterFirst.get("vest-admin /api/v1/competence/employees")).isGreaterThanOrEqualTo(10);
        assertThat(afterFirst.get("sorost-admin /api/v1/competence/employees")).isGreaterThanOrEqualTo(10);

        String second = runDemo("second");
        Map<String, Long> afterSecond = counts();
        assertThat(afterSecond).as("every list and audit trail after a second run").isEqualTo(afterFirst);
        assertThat(second).contains("created: nothing").contains("changed: nothing");

        everyFhirResourceOfTheDemoPeopleIsValid();
    }

    private static final String FHIR = "/api/v1/competence/fhir";
    private static final String HPR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.4";

    /** Practitioner, PractitionerRole and the HPR search for each demo employee, and the CapabilityStatement. */
    private static void everyFhirResourceOfTheDemoPeopleIsValid() {
        FhirValidation.valid(fhir("vest-admin", FHIR + "/metadata"), CapabilityStatement.class);
        int practitioners = 0;
        int qualifications = 0;
        int roles = 0;
        for (String admin : ADMINS) {
            Response employees = Gateway.as(admin).get("/api/v1/competence/employees?size=200");
            assertThat(employees.statusCode()).as("employees of %s", admin).isEqualTo(200);
            List<Map<String, Object>> items = employees.path("items");
            for (Map<String, Object> employee : items) {
                String id = (String) employee.get("id");
                Practitioner practitioner = FhirValidation.valid(fhir(admin, FHIR + "/Practitioner/" + id),
                        Practitioner.class);
                practitioners++;
                qualifications += practitioner.getQualification().size();
                Bundle ofRoles = FhirValidation.valid(fhir(admin, FHIR + "/PractitionerRole?practitioner=" + id),
                        Bundle.class);
                assertThat(ofRoles.getEntry()).as("roles of %s", id).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getResource()).isInstanceOf(PractitionerRole.class));
                roles += ofRoles.getEntry().size();
                String hpr = (String) employee.get("hprNumber");
                if (hpr != null) {
                    Bundle found = FhirValidation.valid(fhir(admin, FHIR + "/Practitioner?identifier=" + HPR_SYSTEM
                            + "%7C" + hpr), Bundle.class);
                    assertThat(found.getEntry()).as("HPR search for %s", id).hasSize(1);
                }
            }
        }
        System.out.printf("FHIR over the demo data: %d Practitioners with %d qualifications, %d PractitionerRoles, "
                + "valid; validator warnings: %s%n", practitioners, qualifications, roles, FhirValidation.WARNINGS);
        assertThat(practitioners).as("Practitioners validated").isGreaterThanOrEqualTo(20);
        assertThat(qualifications).as("qualifications among them").isPositive();
    }

    private static String fhir(String user, String path) {
        Response response = Gateway.as(user).accept("application/fhir+json").get(path);
        assertThat(response.statusCode()).as("%s: %s", path, response.asString()).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("application/fhir+json");
        return response.asString();
    }

    /** Totals of every list endpoint of the journey per RHF admin, the open-data lists and the audit trails. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String admin : ADMINS) {
            String rhf = admin.startsWith("vest") ? "helse-vest" : "helse-sor-ost";
            for (String list : List.of("/api/v1/competence/employees", "/api/v1/competence/records",
                    "/api/v1/competence/types", "/api/v1/tasks?scope=NATIONAL", "/api/v1/sharing-mappings",
                    "/api/v1/process-mappings", "/api/v1/responsibility/clarifications",
                    "/api/v1/responsibility/delegations", "/api/v1/grants/rounds?year=" + year,
                    "/api/v1/grants/allocations", "/api/v1/grants/applications", "/api/v1/grants/reports",
                    "/api/v1/grants/awards?rhf=" + rhf + "&year=" + year, "/api/v1/experience/reports?rhf=" + rhf)) {
                counts.put(admin + " " + list, total(Gateway.as(admin), list));
            }
            // Reading a person's competence is access-logged: the demo reads none, so the log must not grow either.
            counts.put("access-log of " + admin, total(Gateway.as(admin), "/api/v1/competence/access-log"));
            counts.put("open-data " + rhf, total(Gateway.anonymous(), "/api/v1/open-data/awards?rhf=" + rhf
                    + "&year=" + year));
        }
        for (String trail : AUDIT_TRAILS) {
            counts.put("audit " + trail, total(Gateway.as("vest-national"), trail));
        }
        return counts;
    }

    private static long total(io.restassured.specification.RequestSpecification as, String list) {
        String path = list + (list.contains("?") ? "&" : "?") + "size=1";
        Response response = as.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(200);
        return response.jsonPath().getLong("total");
    }

    /** {@code java deploy/local/Demo.java <gateway> <token url>}, as demo.sh runs it; its output is kept. */
    private static String runDemo(String name) throws IOException, InterruptedException {
        Platform platform = Platform.get();
        Path root = platform.root();
        Path log = Path.of("target", "demo-" + name + ".log").toAbsolutePath();
        String tokenUrl = KeycloakServer.sharedRealmUrl() + "/protocol/openid-connect/token";
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                root.resolve("deploy/local/Demo.java").toString(), platform.gatewayUrl(), tokenUrl)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("---- demo run " + name + " ----\n" + output);
        assertThat(finished).as("demo run %s finished", name).isTrue();
        assertThat(process.exitValue()).as("demo run %s exit code; output:%n%s", name, output).isZero();
        return output;
    }
}
