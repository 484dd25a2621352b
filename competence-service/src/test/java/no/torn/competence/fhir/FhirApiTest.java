package no.torn.competence.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.FhirValidation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.competence.Fixtures.unique;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * The read-only FHIR R4 API: every answer, errors included, is application/fhir+json and passes the HAPI FHIR
 * validator against R4 core; tenancy and the access log are those of the other employee reads.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirApiTest {

    static final String FHIR = ROOT + "/fhir";
    static final String FHIR_JSON = "application/fhir+json";
    static final String HPR = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String CATEGORY = "urn:oid:2.16.578.1.12.4.1.1.9060";
    static final String APPROVAL = "urn:oid:2.16.578.1.12.4.1.1.7704";
    static final String SPECIALITY = "urn:oid:2.16.578.1.12.4.1.1.7426";
    static final String COMPETENCE_TYPE = "https://torn.no/fhir/CodeSystem/competence-type";
    static final String EMPLOYEE_NUMBER = "https://torn.no/fhir/NamingSystem/employee-number/";
    /** Helse Vest's local type that the test configuration maps to HPR speciality 1 (Allmennmedisin). */
    static final String ALLMENNMEDISIN = "SPES-ALLMENNMEDISIN";

    /** A doctor with an HPR number, an authorisation and a speciality. */
    String doctor;
    String doctorHpr;
    String doctorNumber;
    /** A porter: no HPR number, only real competence. */
    String porter;
    /** A nurse whose authorisation lapsed a year ago. */
    String lapsedNurse;
    LocalDate lapsedOn;
    /** A specialist nurse with several specialisations, an education, a course and a revoked specialisation. */
    String specialist;

    @BeforeEach
    void practitionersOfHelseBergen() {
        if (doctor != null) {
            return;
        }
        LocalDate today = today();
        as("vest-admin").body(Map.of("code", ALLMENNMEDISIN, "name", "Spesialist i allmennmedisin", "kind",
                "FORMAL", "category", "SPECIALISATION", "evidenceRequired", true)).post(ROOT + "/types").then()
                .statusCode(201);

        doctorHpr = hprNumber();
        doctorNumber = unique("E");
        doctor = employee("helse-bergen", "Medisinsk avdeling", doctorNumber, "lege", "Kari Anne Nordmann",
                doctorHpr);
        record(doctor, "AUT-LEGE", today.minusYears(10), null);
        record(doctor, ALLMENNMEDISIN, today.minusYears(2), null);

        porter = employee("helse-bergen", "Portørtjenesten", unique("E"), "portor", "Ola", null);
        record(porter, "PASIENTTRANSPORT", today.minusYears(1), null);

        lapsedOn = today.minusYears(1);
        lapsedNurse = employee("helse-bergen", "Kirurgisk avdeling", unique("E"), "sykepleier", "Per Hansen",
                hprNumber());
        record(lapsedNurse, "AUT-SYKEPLEIER", today.minusYears(5), lapsedOn);

        specialist = employee("helse-bergen", "Intensiv", unique("E"), "spesialsykepleier", "Eva Berg", hprNumber());
        record(specialist, "AUT-SYKEPLEIER", today.minusYears(8), null);
        record(specialist, "UTD-SYKEPLEIE", today.minusYears(8), null);
        record(specialist, "SPES-INTENSIV", today.minusYears(3), null);
        record(specialist, "SPES-ANESTESI", today.minusYears(2), null);
        record(specialist, "HLR", today.minusMonths(2), null);
        String revoked = record(specialist, "SPES-OPERASJON", today.minusYears(1), null);
        as("vest-hr").body(Map.of("reason", "registered in error", "version", 0))
                .post(ROOT + "/records/" + revoked + "/revoke").then().statusCode(200);
    }

    @Test
    void theCapabilityStatementDescribesAnR4ServerOfPractitionersAndTheirRoles() {
        CapabilityStatement cs = FhirValidation.valid(fhir("vest-hr").get(FHIR + "/metadata").then()
                .statusCode(200).contentType(startsWith(FHIR_JSON)).extract().asString(), CapabilityStatement.class);
        assertThat(cs.getStatus().toCode()).isEqualTo("active");
        assertThat(cs.getKind().toCode()).isEqualTo("instance");
        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getFormat()).extracting(f -> f.getValue()).contains("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.getRestFirstRep();
        assertThat(rest.getMode().toCode()).isEqualTo("server");
        var practitioner = rest.getResource().stream().filter(r -> r.getType().equals("Practitioner")).findFirst()
                .orElseThrow();
        assertThat(practitioner.getInteraction()).extracting(i -> i.getCode().toCode())
                .containsExactlyInAnyOrder("read", "search-type");
        assertThat(practitioner.getSearchParam()).extracting(p -> p.getName())
                .containsExactlyInAnyOrder("identifier", "asOf");
        var role = rest.getResource().stream().filter(r -> r.getType().equals("PractitionerRole")).findFirst()
                .orElseThrow();
        assertThat(role.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("search-type");
        assertThat(role.getSearchParam()).extracting(p -> p.getName()).containsExactly("practitioner");
    }

    @Test
    void aDoctorWithAnHprNumberHasTheAuthorisationCodedAsInHprAndTheSpecialityOfTheConfiguredType() {
        Practitioner p = practitioner("vest-hr", doctor, null);
        assertThat(p.getIdPart()).isEqualTo(doctor);
        assertThat(identifier(p, HPR)).contains(doctorHpr);
        assertThat(identifier(p, EMPLOYEE_NUMBER + "helse-bergen")).contains(doctorNumber);
        assertThat(p.getActive()).isTrue();
        assertThat(p.getNameFirstRep().getText()).isEqualTo("Kari Anne Nordmann");
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("Nordmann");
        assertThat(p.getNameFirstRep().getGiven()).extracting(g -> g.getValue()).containsExactly("Kari", "Anne");
        assertThat(p.getQualification()).hasSize(2);

        var authorisation = qualification(p, "AUT-LEGE");
        assertThat(coding(authorisation.getCode(), CATEGORY)).map(Coding::getCode).contains("LE");
        assertThat(coding(authorisation.getCode(), APPROVAL)).map(Coding::getCode).contains("1");
        assertThat(authorisation.getCode().getText()).isEqualTo("Autorisasjon som lege");
        assertThat(authorisation.getPeriod().getStartElement().getValueAsString())
                .isEqualTo(today().minusYears(10).toString());
        assertThat(authorisation.getPeriod().hasEnd()).isFalse();
        assertThat(authorisation.getIssuer().getDisplay()).isEqualTo("Helsedirektoratet");

        var speciality = qualification(p, ALLMENNMEDISIN);
        assertThat(coding(speciality.getCode(), SPECIALITY)).map(Coding::getCode).contains("1");
        assertThat(coding(speciality.getCode(), CATEGORY)).isEmpty();
        assertThat(speciality.getCode().getText()).isEqualTo("Spesialist i allmennmedisin");
    }

    @Test
    void withoutAnHprNumberOnlyTheEmployeeNumberIdentifiesAndRealCompetenceIsNoQualification() {
        Practitioner p = practitioner("vest-hr", porter, null);
        assertThat(identifier(p, HPR)).isEmpty();
        assertThat(p.getIdentifier()).hasSize(1);
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo(EMPLOYEE_NUMBER + "helse-bergen");
        assertThat(p.getQualification()).isEmpty();
        assertThat(p.getNameFirstRep().getText()).isEqualTo("Ola");
        assertThat(p.getNameFirstRep().hasFamily()).isFalse();
    }

    @Test
    void aLapsedAuthorisationIsAbsentTodayAndPresentOnADayOfItsPeriod() {
        assertThat(practitioner("vest-hr", lapsedNurse, null).getQualification()).isEmpty();
        Practitioner then = practitioner("vest-hr", lapsedNurse, lapsedOn.minusYears(1));
        assertThat(then.getQualification()).hasSize(1);
        var authorisation = qualification(then, "AUT-SYKEPLEIER");
        assertThat(coding(authorisation.getCode(), CATEGORY)).map(Coding::getCode).contains("SP");
        assertThat(authorisation.getPeriod().getEndElement().getValueAsString()).isEqualTo(lapsedOn.toString());
        // the last valid day still counts, the day after does not
        assertThat(practitioner("vest-hr", lapsedNurse, lapsedOn).getQualification()).hasSize(1);
        assertThat(practitioner("vest-hr", lapsedNurse, lapsedOn.plusDays(1)).getQualification()).isEmpty();
    }

    @Test
    void severalSpecialisationsAndAnEducationAreListedButNeitherACourseNorARevokedRecord() {
        Practitioner p = practitioner("vest-hr", specialist, null);
        assertThat(p.getQualification()).extracting(q -> coding(q.getCode(), COMPETENCE_TYPE).orElseThrow()
                .getCode()).containsExactlyInAnyOrder("AUT-SYKEPLEIER", "UTD-SYKEPLEIE", "SPES-INTENSIV",
                "SPES-ANESTESI");
        var intensive = qualification(p, "SPES-INTENSIV");
        // no HPR speciality is known for the nursing specialisations: only our own code, with text
        assertThat(intensive.getCode().getCoding()).hasSize(1);
        assertThat(intensive.getCode().getText()).isEqualTo("Spesialsykepleier, intensivsykepleie");
        assertThat(coding(qualification(p, "UTD-SYKEPLEIE").getCode(), APPROVAL)).isEmpty();
    }

    @Test
    void searchByHprNumberFindsTheDoctorAndNothingElse() {
        Bundle hit = search("vest-hr", "Practitioner", Map.of("identifier", HPR + "|" + doctorHpr));
        assertThat(hit.getType().toCode()).isEqualTo("searchset");
        assertThat(hit.getTotal()).isEqualTo(1);
        Bundle.BundleEntryComponent entry = hit.getEntryFirstRep();
        assertThat(entry.getFullUrl()).startsWith("http").endsWith(FHIR + "/Practitioner/" + doctor);
        assertThat(entry.getSearch().getMode().toCode()).isEqualTo("match");
        assertThat(((Practitioner) entry.getResource()).getQualification()).hasSize(2);

        Bundle byNumber = search("vest-hr", "Practitioner",
                Map.of("identifier", EMPLOYEE_NUMBER + "helse-bergen|" + doctorNumber));
        assertThat(byNumber.getTotal()).isEqualTo(1);
        assertThat(byNumber.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(doctor);

        Bundle miss = search("vest-hr", "Practitioner", Map.of("identifier", HPR + "|" + hprNumber()));
        assertThat(miss.getTotal()).isZero();
        assertThat(miss.getEntry()).isEmpty();
    }

    @Test
    void searchWithAnUnknownSystemOrWithoutOneIsA400OperationOutcome() {
        outcome(fhir("vest-hr").queryParam("identifier", "urn:oid:2.16.578.1.12.4.1.4.1|12345678901")
                .get(FHIR + "/Practitioner"), 400, "identifier");
        outcome(fhir("vest-hr").queryParam("identifier", doctorHpr).get(FHIR + "/Practitioner"), 400, "identifier");
        outcome(fhir("vest-hr").get(FHIR + "/Practitioner"), 400, "identifier");
        outcome(fhir("vest-hr").queryParam("identifier", EMPLOYEE_NUMBER + "no-such-hf|X1")
                .get(FHIR + "/Practitioner"), 400, "identifier");
    }

    @Test
    void thePractitionerRoleNamesTheHfTheUnitAndThePersonnelGroup() {
        for (String reference : List.of("Practitioner/" + doctor, doctor)) {
            Bundle bundle = search("vest-hr", "PractitionerRole", Map.of("practitioner", reference));
            assertThat(bundle.getTotal()).isEqualTo(1);
            assertThat(bundle.getEntryFirstRep().getFullUrl()).endsWith(FHIR + "/PractitionerRole/" + doctor);
            PractitionerRole role = (PractitionerRole) bundle.getEntryFirstRep().getResource();
            assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + doctor);
            assertThat(role.getOrganization().getIdentifier().getValue()).isEqualTo("helse-bergen");
            assertThat(role.getOrganization().getDisplay()).isEqualTo("Helse Bergen HF");
            assertThat(role.getLocationFirstRep().getDisplay()).isEqualTo("Medisinsk avdeling");
            assertThat(role.getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("lege");
            assertThat(role.getActive()).isTrue();
        }
        assertThat(search("vest-hr", "PractitionerRole", Map.of("practitioner", "Practitioner/not-an-employee"))
                .getTotal()).isZero();
    }

    @Test
    void anotherRegionGets404AndFindsNothingWhileANationalAdminReadsAll() {
        outcome(fhir("sorost-admin").get(FHIR + "/Practitioner/" + doctor), 404, null);
        outcome(fhir("sorost-hr").get(FHIR + "/Practitioner/" + doctor), 404, null);
        assertThat(search("sorost-admin", "Practitioner", Map.of("identifier", HPR + "|" + doctorHpr)).getTotal())
                .isZero();
        assertThat(search("sorost-admin", "PractitionerRole", Map.of("practitioner", doctor)).getTotal()).isZero();
        assertThat(practitioner("sorost-national", doctor, null).getIdPart()).isEqualTo(doctor);
        assertThat(search("sorost-national", "Practitioner", Map.of("identifier", HPR + "|" + doctorHpr))
                .getTotal()).isEqualTo(1);
    }

    @Test
    void anHfBoundRoleSeesOnlyItsOwnHf() {
        String stavanger = employee("helse-stavanger", "Akuttmottak", unique("E"), "lege", "Jon Lie", hprNumber());
        outcome(fhir("vest-hr").get(FHIR + "/Practitioner/" + stavanger), 404, null);
        assertThat(practitioner("vest-admin", stavanger, null).getIdPart()).isEqualTo(stavanger);
        assertThat(search("vest-hr", "PractitionerRole", Map.of("practitioner", stavanger)).getTotal()).isZero();
        outcome(fhir("vest-hr").get(FHIR + "/Practitioner/00000000-0000-0000-0000-000000000000"), 404, null);
        outcome(fhir("vest-hr").get(FHIR + "/Practitioner/not-a-uuid"), 404, null);
    }

    @Test
    void badInputIsA400OperationOutcomeNamingTheParameter() {
        outcome(fhir("vest-hr").queryParam("asOf", "31.01.2026").get(FHIR + "/Practitioner/" + doctor), 400,
                "asOf");
        outcome(fhir("vest-hr").queryParam("asOf", "not-a-date").queryParam("identifier", HPR + "|" + doctorHpr)
                .get(FHIR + "/Practitioner"), 400, "asOf");
        outcome(fhir("vest-hr").queryParam("name", "Nordmann").queryParam("identifier", HPR + "|" + doctorHpr)
                .get(FHIR + "/Practitioner"), 400, "name");
        outcome(fhir("vest-hr").queryParam("_count", "10").get(FHIR + "/Practitioner/" + doctor), 400, "_count");
        outcome(fhir("vest-hr").queryParam("mode", "full").get(FHIR + "/metadata"), 400, "mode");
        outcome(fhir("vest-hr").queryParam("asOf", "2026-01-01").queryParam("asOf", "2026-01-02")
                .get(FHIR + "/Practitioner/" + doctor), 400, "asOf");
        outcome(fhir("vest-hr").get(FHIR + "/PractitionerRole"), 400, "practitioner");
        outcome(fhir("vest-hr").queryParam("practitioner", "Patient/" + doctor).get(FHIR + "/PractitionerRole"),
                400, "practitioner");
        outcome(fhir("vest-hr").queryParam("_format", "xml").get(FHIR + "/Practitioner/" + doctor), 406, "_format");
    }

    @Test
    void jsonIsAcceptedAsAcceptHeaderAndAsFormat() {
        FhirValidation.valid(as("vest-hr").accept("application/json").get(FHIR + "/Practitioner/" + doctor).then()
                .statusCode(200).contentType(startsWith(FHIR_JSON)).extract().asString(), Practitioner.class);
        FhirValidation.valid(fhir("vest-hr").queryParam("_format", "json").get(FHIR + "/Practitioner/" + doctor)
                .then().statusCode(200).contentType(startsWith(FHIR_JSON)).extract().asString(), Practitioner.class);
    }

    @Test
    void aTokenAndAReadingRoleAreRequired() {
        // refused before the FHIR API with a bearer challenge, as every other path of the service
        given().accept(FHIR_JSON).get(FHIR + "/Practitioner/" + doctor).then().statusCode(401);
        outcome(fhir("vest-norole").get(FHIR + "/Practitioner/" + doctor), 403, null);
        outcome(fhir("vest-employee").get(FHIR + "/metadata"), 403, null);
    }

    @Test
    void everyReadOfAPractitionerIsAccessLogged() {
        String nurse = employee("helse-bergen", "Barneavdeling", unique("E"), "sykepleier", "Siri Dahl", hprNumber());
        String hpr = as("vest-hr").get(ROOT + "/employees/" + nurse).then().statusCode(200).extract()
                .path("hprNumber");
        practitioner("vest-leader", nurse, null);
        search("vest-hr", "Practitioner", Map.of("identifier", HPR + "|" + hpr));
        search("vest-admin", "PractitionerRole", Map.of("practitioner", "Practitioner/" + nurse));
        fhir("sorost-admin").get(FHIR + "/Practitioner/" + nurse).then().statusCode(404);
        as("vest-auditor").queryParam("employeeId", nurse).get(ROOT + "/access-log").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.action", hasItems("employee", "fhir-practitioner", "fhir-practitioner-role"))
                .body("items.actorRhf", equalTo(List.of("helse-vest", "helse-vest", "helse-vest", "helse-vest")));
    }

    @Test
    void theOpenApiDocumentDescribesEveryFhirOperation() {
        var openApi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        for (String[] op : List.of(new String[]{"/metadata", "fhirCapabilities"},
                new String[]{"/Practitioner/{id}", "fhirReadPractitioner"},
                new String[]{"/Practitioner", "fhirSearchPractitioners"},
                new String[]{"/PractitionerRole", "fhirSearchPractitionerRoles"})) {
            String path = "paths.'" + FHIR + op[0] + "'.get";
            assertThat(openApi.getString(path + ".operationId")).isEqualTo(op[1]);
            assertThat(openApi.getString(path + ".summary")).isNotBlank();
            assertThat(openApi.getString(path + ".description")).isNotBlank();
            assertThat(openApi.getMap(path + ".responses.'200'.content")).containsKey(FHIR_JSON);
            for (String status : List.of("400", "401", "403", "404")) {
                String ref = openApi.getString(path + ".responses.'" + status + "'.$ref");
                assertThat(ref).as(op[1] + " " + status).startsWith("#/components/responses/Fhir");
                String component = "components.responses." + ref.substring(ref.lastIndexOf('/') + 1);
                assertThat(openApi.getString(component + ".description")).isNotBlank();
                if (!status.equals("401")) {
                    // 401 is answered before the API, without a body
                    assertThat(openApi.getMap(component + ".content")).as(op[1] + " " + status)
                            .containsOnlyKeys(FHIR_JSON);
                }
            }
            List<Map<String, Object>> parameters = openApi.getList(path + ".parameters");
            assertThat(parameters).isNotEmpty().allSatisfy(p -> {
                assertThat(p.get("description")).as(op[1] + " " + p.get("name")).isNotNull();
                assertThat(p.get("example")).as(op[1] + " " + p.get("name")).isNotNull();
            });
        }
    }

    @AfterAll
    void showValidatorWarnings() {
        System.out.println("FHIR validator warnings (" + FhirValidation.WARNINGS.size() + "):\n"
                + String.join("\n", FhirValidation.WARNINGS));
    }

    // --- helpers

    private static RequestSpecification fhir(String user) {
        return as(user).accept(FHIR_JSON);
    }

    private static Practitioner practitioner(String user, String id, LocalDate asOf) {
        RequestSpecification request = fhir(user);
        if (asOf != null) {
            request = request.queryParam("asOf", asOf.toString());
        }
        return FhirValidation.valid(request.get(FHIR + "/Practitioner/" + id).then().statusCode(200)
                .contentType(startsWith(FHIR_JSON)).extract().asString(), Practitioner.class);
    }

    private static Bundle search(String user, String type, Map<String, String> params) {
        return FhirValidation.valid(fhir(user).queryParams(params).get(FHIR + "/" + type).then().statusCode(200)
                .contentType(startsWith(FHIR_JSON)).extract().asString(), Bundle.class);
    }

    /** An OperationOutcome with the status, valid R4, whose diagnostics name {@code parameter} when given. */
    private static void outcome(Response response, int status, String parameter) {
        String body = response.then().statusCode(status).contentType(startsWith(FHIR_JSON)).extract().asString();
        OperationOutcome outcome = FhirValidation.valid(body, OperationOutcome.class);
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity().toCode()).isIn("error", "fatal");
        if (parameter != null) {
            assertThat(issue.getDiagnostics()).contains(parameter);
        }
    }

    private static Optional<String> identifier(Practitioner p, String system) {
        return p.getIdentifier().stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue)
                .findFirst();
    }

    private static Practitioner.PractitionerQualificationComponent qualification(Practitioner p, String type) {
        return p.getQualification().stream()
                .filter(q -> coding(q.getCode(), COMPETENCE_TYPE).map(c -> type.equals(c.getCode())).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no qualification " + type));
    }

    private static Optional<Coding> coding(CodeableConcept code, String system) {
        return code.getCoding().stream().filter(c -> system.equals(c.getSystem())).findFirst();
    }

    private static String hprNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
    }

    private static String employee(String hf, String unit, String number, String group, String name, String hpr) {
        Map<String, Object> body = new HashMap<>(Fixtures.employeeBody(hf, unit, number, group));
        body.put("name", name);
        if (hpr == null) {
            body.remove("hprNumber");
        } else {
            body.put("hprNumber", hpr);
        }
        return as("vest-admin").body(body).post(ROOT + "/employees").then().statusCode(201).extract().path("id");
    }

    private static String record(String employee, String code, LocalDate acquiredOn, LocalDate validUntil) {
        return as("vest-hr").body(recordBody(employee, code, acquiredOn, validUntil, "DOC-" + code))
                .post(ROOT + "/records").then().statusCode(201).extract().path("id");
    }
}
