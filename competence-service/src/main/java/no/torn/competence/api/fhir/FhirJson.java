package no.torn.competence.api.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import no.torn.competence.application.Practitioners;
import no.torn.competence.domain.CompetenceCategory;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import no.torn.competence.domain.PersonnelGroup;
import no.torn.platform.problem.Problem;
import no.torn.platform.tenancy.HealthRegion;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * FHIR R4 JSON of our data, built as Jackson trees so that the service needs no FHIR library at run time. Every
 * resource is checked against the R4 core definitions by the FHIR validator in the tests.
 */
@ApplicationScoped
public class FhirJson {

    static final String FHIR_VERSION = "4.0.1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Volven 7426 speciality code per competence type code, from {@code torn.fhir.speciality-codes}. */
    private final Map<String, String> specialityCodes;

    FhirJson(@ConfigProperty(name = "torn.fhir.speciality-codes") Optional<List<String>> specialityCodes) {
        Map<String, String> codes = new HashMap<>();
        for (String entry : specialityCodes.orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("torn.fhir.speciality-codes: expected TYPE=CODE, got " + entry);
            }
            codes.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
        }
        this.specialityCodes = Map.copyOf(codes);
    }

    ObjectNode capabilityStatement(String base, LocalDate date) {
        ObjectNode cs = resource("CapabilityStatement", null);
        cs.put("url", base + "/metadata");
        cs.put("name", "TornCompetenceService");
        cs.put("title", "TØRN competence-service FHIR API");
        cs.put("status", "active");
        cs.put("date", date.toString());
        cs.put("publisher", "TØRN");
        cs.put("description", "Read-only FHIR R4 view of employees as health personnel (Practitioner) with their "
                + "formal qualifications, and of their place of work (PractitionerRole).");
        cs.put("kind", "instance");
        cs.putObject("implementation").put("description", "TØRN competence-service").put("url", base);
        cs.put("fhirVersion", FHIR_VERSION);
        cs.putArray("format").add("application/fhir+json").add("json");
        ObjectNode rest = cs.putArray("rest").addObject();
        rest.put("mode", "server");
        rest.put("documentation", "Bearer token of the TØRN realm required; records are visible to their own RHF "
                + "(HF-bound roles: their HF) or to a national admin. Errors are OperationOutcome resources.");
        rest.putObject("security").put("cors", false).put("description", "OAuth2 bearer token (Keycloak realm torn, "
                + "audience torn-api); roles national-admin, rhf-admin, hf-hr, unit-leader, hr-integration, auditor");
        ArrayNode resources = rest.putArray("resource");
        ObjectNode practitioner = resources.addObject();
        practitioner.put("type", "Practitioner");
        practitioner.put("documentation", "An employee; qualification lists formal competence (authorisation, "
                + "specialisation, education) valid on the day (asOf, default today in Europe/Oslo)");
        ArrayNode interactions = practitioner.putArray("interaction");
        interactions.addObject().put("code", "read");
        interactions.addObject().put("code", "search-type");
        ArrayNode params = practitioner.putArray("searchParam");
        params.addObject().put("name", "identifier").put("type", "token")
                .put("documentation", "Required. " + FhirCodes.HPR + "|<HPR number>, or "
                        + FhirCodes.EMPLOYEE_NUMBER + "<hf>|<employee number>");
        params.addObject().put("name", "asOf").put("type", "date")
                .put("documentation", "The day (YYYY-MM-DD) whose valid qualifications are listed; default today "
                        + "in Europe/Oslo. Also accepted on read.");
        ObjectNode role = resources.addObject();
        role.put("type", "PractitionerRole");
        role.put("documentation", "The employee's HF (organization), unit (location) and personnel group (code)");
        role.putArray("interaction").addObject().put("code", "search-type");
        role.putArray("searchParam").addObject().put("name", "practitioner").put("type", "reference")
                .put("documentation", "Required. Practitioner/<id> or the bare id");
        return cs;
    }

    ObjectNode practitioner(Practitioners.Practitioner p) {
        Employee e = p.employee();
        ObjectNode resource = resource("Practitioner", e.id.toString());
        resource.putObject("meta").put("lastUpdated", instant(e.updatedAt));
        ArrayNode identifiers = resource.putArray("identifier");
        if (e.hprNumber != null && !e.hprNumber.isBlank()) {
            identifiers.addObject().put("use", "official").put("system", FhirCodes.HPR).put("value", e.hprNumber);
        }
        identifiers.addObject().put("use", "usual").put("system", FhirCodes.EMPLOYEE_NUMBER + e.hf)
                .put("value", e.employeeNumber);
        resource.put("active", e.status == EmploymentStatus.ACTIVE);
        resource.putArray("name").add(name(e.name));
        if (!p.qualifications().isEmpty()) {
            ArrayNode qualifications = resource.putArray("qualification");
            p.qualifications().forEach(q -> qualifications.add(qualification(q.record(), q.type())));
        }
        return resource;
    }

    ObjectNode practitionerRole(Practitioners.Role r) {
        Employee e = r.employee();
        ObjectNode resource = resource("PractitionerRole", e.id.toString());
        resource.putObject("meta").put("lastUpdated", instant(e.updatedAt));
        resource.put("active", e.status == EmploymentStatus.ACTIVE);
        resource.putObject("practitioner").put("reference", "Practitioner/" + e.id).put("display", e.name);
        ObjectNode organization = resource.putObject("organization");
        organization.putObject("identifier").put("system", FhirCodes.HOSPITAL_TRUST).put("value", e.hf);
        HealthRegion.ofHospitalTrust(e.hf).flatMap(region -> region.trust(e.hf))
                .ifPresent(trust -> organization.put("display", trust.name()));
        ObjectNode code = resource.putArray("code").addObject();
        PersonnelGroup group = r.group();
        String groupName = group == null ? e.personnelGroup : group.name;
        code.putArray("coding").addObject().put("system", FhirCodes.PERSONNEL_GROUP).put("code", e.personnelGroup)
                .put("display", groupName);
        code.put("text", groupName);
        resource.putArray("location").addObject().put("display", e.unit);
        return resource;
    }

    /** A searchset with the matches and their absolute fullUrl. */
    ObjectNode searchset(String self, String base, List<ObjectNode> matches) {
        ObjectNode bundle = resource("Bundle", UUID.randomUUID().toString());
        bundle.putObject("meta").put("lastUpdated", instant(Instant.now()));
        bundle.put("type", "searchset");
        bundle.put("total", matches.size());
        bundle.putArray("link").addObject().put("relation", "self").put("url", self);
        if (!matches.isEmpty()) {
            ArrayNode entries = bundle.putArray("entry");
            for (ObjectNode match : matches) {
                ObjectNode entry = entries.addObject();
                entry.put("fullUrl", base + "/" + match.get("resourceType").asText() + "/" + match.get("id").asText());
                entry.set("resource", match);
                entry.putObject("search").put("mode", "match");
            }
        }
        return bundle;
    }

    /** A problem as an OperationOutcome: one error issue with the FHIR issue type that fits the status. */
    static ObjectNode operationOutcome(Problem problem) {
        ObjectNode outcome = resource("OperationOutcome", null);
        ObjectNode issue = outcome.putArray("issue").addObject();
        issue.put("severity", problem.status() >= 500 ? "fatal" : "error");
        issue.put("code", issueType(problem.status()));
        String detail = problem.detail() == null ? problem.title() : problem.detail();
        issue.putObject("details").put("text", problem.title());
        issue.put("diagnostics", detail);
        return outcome;
    }

    private static String issueType(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 406, 415 -> "not-supported";
            case 409 -> "conflict";
            case 429 -> "throttled";
            default -> status >= 500 ? "exception" : "processing";
        };
    }

    private ObjectNode qualification(CompetenceRecord record, CompetenceType type) {
        ObjectNode q = NODES.objectNode();
        q.putArray("identifier").addObject().put("system", "urn:ietf:rfc:3986").put("value", "urn:uuid:" + record.id);
        ObjectNode code = q.putObject("code");
        ArrayNode codings = code.putArray("coding");
        if (type.category == CompetenceCategory.AUTHORISATION) {
            FhirCodes.categoryOf(type).ifPresent(c -> coding(codings, FhirCodes.HEALTH_PERSONNEL_CATEGORY, c.code(),
                    c.display()));
            coding(codings, FhirCodes.APPROVAL_TYPE, FhirCodes.AUTHORISATION.code(), FhirCodes.AUTHORISATION.display());
        } else if (type.category == CompetenceCategory.SPECIALISATION && specialityCodes.containsKey(type.code)) {
            coding(codings, FhirCodes.SPECIALITY, specialityCodes.get(type.code), null);
        }
        coding(codings, FhirCodes.COMPETENCE_TYPE, type.code, type.name);
        code.put("text", type.name);
        ObjectNode period = q.putObject("period").put("start", record.acquiredOn.toString());
        if (record.validUntil != null) {
            period.put("end", record.validUntil.toString());
        }
        if (record.evidenceIssuer != null && !record.evidenceIssuer.isBlank()) {
            q.putObject("issuer").put("display", record.evidenceIssuer);
        }
        return q;
    }

    private static void coding(ArrayNode codings, String system, String code, String display) {
        ObjectNode coding = codings.addObject().put("system", system).put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
    }

    /** Text always; family and given when the name has at least two parts (the last part is taken as family). */
    private static ObjectNode name(String fullName) {
        ObjectNode name = NODES.objectNode().put("use", "official").put("text", fullName.strip());
        List<String> parts = new ArrayList<>(Arrays.asList(fullName.strip().split("\\s+")));
        if (parts.size() >= 2) {
            name.put("family", parts.remove(parts.size() - 1));
            ArrayNode given = name.putArray("given");
            parts.forEach(given::add);
        }
        return name;
    }

    private static ObjectNode resource(String type, String id) {
        ObjectNode node = NODES.objectNode().put("resourceType", type);
        if (id != null) {
            node.put("id", id);
        }
        return node;
    }

    private static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
