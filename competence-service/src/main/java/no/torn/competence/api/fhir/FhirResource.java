package no.torn.competence.api.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.torn.competence.application.Practitioners;
import no.torn.platform.api.QueryParams;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.problem.ProblemMappers;
import no.torn.platform.problem.ProblemType;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Read-only FHIR R4 API (JSON only): the capability statement, employees as Practitioner with their formal
 * qualifications, and their place of work as PractitionerRole. Access and access logging are those of the other
 * employee reads ({@link Practitioners}). Every answer, errors included, is {@code application/fhir+json}; an error
 * is an OperationOutcome instead of a problem, as FHIR clients expect.
 */
@Path(FhirResource.ROOT)
@Produces({FhirResource.FHIR_JSON, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR R4", description = "Read-only FHIR R4 (4.0.1) view of health personnel and their formal "
        + "qualifications (Norwegian basis profile no-basis-Practitioner as reference); answers and errors are "
        + "application/fhir+json")
public class FhirResource {

    static final String ROOT = "/api/v1/competence/fhir";
    static final String FHIR_JSON = "application/fhir+json";
    /** Written as text (the JSON tree's own serialisation), so the charset is named. */
    private static final String FHIR_JSON_UTF8 = FHIR_JSON + ";charset=UTF-8";

    private static final String FORMAT = "_format";
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", FHIR_JSON,
            "application/json+fhir");
    private static final ProblemMappers PROBLEMS = new ProblemMappers();
    private static final String UNAUTHORIZED = "No valid bearer token: refused before the FHIR API, with "
            + "WWW-Authenticate: Bearer and no body";
    private static final String EXAMPLE_ID = "3f2b8c1e-5a47-4d2b-9c61-0b7e4f1a2d93";
    private static final String FORMAT_DESCRIPTION = "Optional response format; only JSON is served (json, "
            + "application/json or application/fhir+json; anything else is a 406)";

    @Inject
    Caller caller;

    @Inject
    Practitioners practitioners;

    @Inject
    FhirJson json;

    @Inject
    Today today;

    @GET
    @Path("metadata")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "fhirCapabilities", summary = "FHIR capability statement",
            description = "The CapabilityStatement of this FHIR R4 server (kind instance, fhirVersion 4.0.1, JSON): "
                    + "Practitioner (read, search by identifier, asOf) and PractitionerRole (search by "
                    + "practitioner). Unknown query parameters other than _format are a 400 OperationOutcome.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement", content = @Content(
            mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "An unknown query parameter (OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The token's roles do not allow reading employees "
            + "(OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Not answered by this operation",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response metadata(@Parameter(description = FORMAT_DESCRIPTION, example = "json")
                             @QueryParam(FORMAT) String format, @Context UriInfo uri) {
        only(uri);
        return fhir(json.capabilityStatement(base(uri), today.date()));
    }

    @GET
    @Path("Practitioner/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "fhirReadPractitioner", summary = "An employee as a FHIR Practitioner",
            description = "The employee with this id (a UUID) as a Practitioner: identifier (HPR number, system "
                    + FhirCodes.HPR + ", when the employee has one; employee number, system "
                    + FhirCodes.EMPLOYEE_NUMBER + "<hf>), name, active (employment status) and qualification: the "
                    + "formal competence records (authorisation, specialisation, education) valid on asOf (default "
                    + "today in Europe/Oslo) and not revoked, coded with Volven 9060/7704 (authorisation) or 7426 "
                    + "(speciality) where known and always with the competence type (" + FhirCodes.COMPETENCE_TYPE
                    + "). An employee of another RHF, or of another HF for HF-bound roles, is a 404. The read is "
                    + "access-logged.")
    @APIResponse(responseCode = "200", description = "The Practitioner", content = @Content(
            mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "asOf is not a date, or an unknown query parameter "
            + "(OperationOutcome naming the parameter)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The token's roles do not allow reading employees "
            + "(OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No such employee in the caller's reach (another RHF's, or "
            + "another HF's for HF-bound roles, too) (OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response readPractitioner(@Parameter(description = "Id of the employee (UUID)", example = EXAMPLE_ID)
                                     @PathParam("id") String id,
                                     @Parameter(description = "Day whose valid qualifications are listed "
                                             + "(YYYY-MM-DD, Europe/Oslo); default today", example = "2026-01-31")
                                     @QueryParam("asOf") String asOf,
                                     @Parameter(description = FORMAT_DESCRIPTION, example = "json")
                                     @QueryParam(FORMAT) String format, @Context UriInfo uri) {
        only(uri, "asOf");
        LocalDate day = QueryParams.date(asOf, "asOf", today.date());
        UUID employee = employeeId(id).orElseThrow(() -> ProblemException.notFound("Practitioner", id));
        return fhir(json.practitioner(practitioners.read(caller.actor(), employee, day)));
    }

    @GET
    @Path("Practitioner")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "fhirSearchPractitioners", summary = "Find Practitioners by identifier",
            description = "A searchset Bundle of the employees with the identifier that the caller may see (one "
                    + "person may be employed in several HFs): " + FhirCodes.HPR + "|<HPR number> or "
                    + FhirCodes.EMPLOYEE_NUMBER + "<hf>|<employee number>. No match is an empty Bundle (total 0). "
                    + "Each match is access-logged. An identifier without a supported system, a missing "
                    + "identifier or an unknown query parameter is a 400 OperationOutcome.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle of Practitioners", content = @Content(
            mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "identifier missing, without a supported system, or asOf "
            + "not a date, or an unknown query parameter (OperationOutcome naming the parameter)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The token's roles do not allow reading employees "
            + "(OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Not answered by this operation: a search without a "
            + "match is an empty Bundle",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response searchPractitioners(@Parameter(description = "system|value of the identifier",
                                                example = FhirCodes.HPR + "|9144889")
                                        @QueryParam("identifier") String identifier,
                                        @Parameter(description = "Day whose valid qualifications are listed "
                                                + "(YYYY-MM-DD, Europe/Oslo); default today", example = "2026-01-31")
                                        @QueryParam("asOf") String asOf,
                                        @Parameter(description = FORMAT_DESCRIPTION, example = "json")
                                        @QueryParam(FORMAT) String format, @Context UriInfo uri) {
        only(uri, "identifier", "asOf");
        LocalDate day = QueryParams.date(asOf, "asOf", today.date());
        if (identifier == null || identifier.isBlank()) {
            throw ProblemException.invalid("identifier", "is required (system|value)");
        }
        int bar = identifier.indexOf('|');
        if (bar <= 0 || bar == identifier.length() - 1) {
            throw ProblemException.invalid("identifier", "must be system|value with system " + FhirCodes.HPR
                    + " or " + FhirCodes.EMPLOYEE_NUMBER + "<hf>");
        }
        String system = identifier.substring(0, bar);
        String value = identifier.substring(bar + 1);
        List<Practitioners.Practitioner> found;
        if (system.equals(FhirCodes.HPR)) {
            found = practitioners.withHprNumber(caller.actor(), value, day);
        } else if (system.startsWith(FhirCodes.EMPLOYEE_NUMBER)
                && HealthRegion.ofHospitalTrust(system.substring(FhirCodes.EMPLOYEE_NUMBER.length())).isPresent()) {
            found = practitioners.withEmployeeNumber(caller.actor(),
                    system.substring(FhirCodes.EMPLOYEE_NUMBER.length()), value, day);
        } else {
            throw ProblemException.invalid("identifier", "unknown identifier system " + system + "; supported: "
                    + FhirCodes.HPR + ", " + FhirCodes.EMPLOYEE_NUMBER + "<hf>");
        }
        return fhir(json.searchset(uri.getRequestUri().toString(), base(uri),
                found.stream().map(json::practitioner).toList()));
    }

    @GET
    @Path("PractitionerRole")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "fhirSearchPractitionerRoles", summary = "Find the PractitionerRole of a Practitioner",
            description = "A searchset Bundle with the employee's role: practitioner reference, organization (the "
                    + "HF: identifier " + FhirCodes.HOSPITAL_TRUST + "|<hf code> and its name), location (the unit, "
                    + "as display), code (the personnel group, " + FhirCodes.PERSONNEL_GROUP + ") and active. An "
                    + "employee the caller may not see gives an empty Bundle. The read is access-logged.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle of PractitionerRoles", content = @Content(
            mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "practitioner missing, or an unknown query parameter "
            + "(OperationOutcome naming the parameter)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "401", description = UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The token's roles do not allow reading employees "
            + "(OperationOutcome)",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Not answered by this operation: a search without a "
            + "match is an empty Bundle",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response searchPractitionerRoles(@Parameter(description = "The Practitioner: Practitioner/<id> or the "
                                                    + "bare id", example = "Practitioner/" + EXAMPLE_ID)
                                            @QueryParam("practitioner") String practitioner,
                                            @Parameter(description = FORMAT_DESCRIPTION, example = "json")
                                            @QueryParam(FORMAT) String format, @Context UriInfo uri) {
        only(uri, "practitioner");
        if (practitioner == null || practitioner.isBlank()) {
            throw ProblemException.invalid("practitioner", "is required (Practitioner/<id>)");
        }
        String id = practitioner.strip();
        if (id.startsWith("Practitioner/")) {
            id = id.substring("Practitioner/".length());
        } else if (id.contains("/")) {
            throw ProblemException.invalid("practitioner", "must reference a Practitioner (Practitioner/<id>)");
        }
        List<ObjectNode> roles = employeeId(id).flatMap(e -> practitioners.role(caller.actor(), e))
                .map(json::practitionerRole).stream().toList();
        return fhir(json.searchset(uri.getRequestUri().toString(), base(uri), roles));
    }

    // Errors of these paths are OperationOutcomes; the platform's mappers decide status and text.

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return outcome(e.problem(), null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return outcome(PROBLEMS.unauthorized(e));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return outcome(PROBLEMS.authenticationFailed(e));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return outcome(PROBLEMS.forbidden(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return outcome(PROBLEMS.web(e));
    }

    @ServerExceptionMapper
    public Response any(Throwable e) {
        return outcome(PROBLEMS.any(e));
    }

    private static Response outcome(Response problem) {
        return problem.getEntity() instanceof Problem p ? outcome(p, problem) : problem;
    }

    private static Response outcome(Problem problem, Response original) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(FHIR_JSON_UTF8)
                .entity(FhirJson.operationOutcome(problem).toString());
        if (original != null) {
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return builder.build();
    }

    private static Response fhir(ObjectNode resource) {
        return Response.ok(resource.toString()).type(FHIR_JSON_UTF8).build();
    }

    /**
     * Only the operation's own parameters and {@code _format}, each at most once; {@code _format} must ask for JSON.
     * FHIR lets a server ignore unknown parameters, but a typo would then widen a search silently.
     */
    private static void only(UriInfo uri, String... allowed) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Set<String> known = Set.of(allowed);
        for (var entry : query.entrySet()) {
            String name = entry.getKey();
            if (!known.contains(name) && !name.equals(FORMAT)) {
                throw ProblemException.invalid(name, "is not a supported parameter of this operation");
            }
            if (entry.getValue().size() > 1) {
                throw ProblemException.invalid(name, "must be given at most once");
            }
        }
        String format = query.getFirst(FORMAT);
        if (format != null && !JSON_FORMATS.contains(format.strip())) {
            throw new ProblemException(Problem.of(ProblemType.NOT_ACCEPTABLE,
                    "_format " + format + " is not served; only JSON (json, application/fhir+json)"));
        }
    }

    /** The public base of the FHIR API, as the gateway was called (X-Forwarded-* honoured). */
    private static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ROOT;
    }

    /** A FHIR id that is not a UUID names no employee. */
    private static Optional<UUID> employeeId(String id) {
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
