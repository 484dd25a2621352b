package no.torn.platform.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conventions every operation of a service's OpenAPI document follows, applied in one place instead of on each
 * resource method (docs/architecture.md "API conventions"): one shared {@code Problem} schema for every error status
 * the platform can answer, the {@code Location} header on a 201, no content on a 204, the roles of
 * {@code @RolesAllowed} as {@code x-roles} and in the description (not as bearer scopes), and descriptions with an
 * example for the parameters every service shares. Resources keep their own {@code @Operation(operationId, summary,
 * description)} and {@code @Parameter(description, example)}; this fills in only what they leave out. It runs when
 * the application is built: the document is the same for every instance, so none rebuilds it while starting.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    public static final String PROBLEM = "Problem";
    private static final String VIOLATION = "Violation";
    private static final String UNMET_RULE = "UnmetRule";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String RESPONSES = "#/components/responses/";
    private static final String EXAMPLE_ID = "3f2b8c1e-5a47-4d2b-9c61-0b7e4f1a2d93";

    /** Error responses by status: component name and description. */
    private static final Map<String, String[]> ERRORS = Map.of(
            "400", new String[]{"BadRequest", "Invalid input: a malformed body, an unknown property, a value out of"
                    + " range or a control character; violations name each field"},
            "401", new String[]{"Unauthorized", "No valid bearer token"},
            "403", new String[]{"Forbidden", "The token's roles do not allow this operation, or the request names"
                    + " another RHF or HF"},
            "404", new String[]{"NotFound", "No such record in the caller's RHF (a record of another RHF answers 404"
                    + " too)"},
            "409", new String[]{"Conflict", "The record changed since the version sent (stale-version), its status"
                    + " does not allow the change, or the same Idempotency-Key is in use by a racing request"},
            "422", new String[]{"UnprocessableEntity", "A business rule is not met (rules names each rule code and"
                    + " field), or an Idempotency-Key was reused for a different request"},
            "429", new String[]{"TooManyRequests", "Rate limit of the caller or its client reached; retry after the"
                    + " time in Retry-After"});

    /** Descriptions Quarkus gives the error responses it adds by itself. */
    private static final Set<String> GENERIC = java.util.Set.of("Not Authorized", "Not Allowed",
            "Bad Request");

    /** Descriptions and examples of the parameters the services share, by name, for those a resource leaves bare. */
    private static final Map<String, String[]> PARAMETERS = Map.ofEntries(
            Map.entry("page", new String[]{"Page number, from 0", "0"}),
            Map.entry("size", new String[]{"Page size, 1 to 200 (default 50)", "50"}),
            Map.entry("rhf", new String[]{"Regional health authority (RHF) code; only a national admin may name"
                    + " another RHF than the token's", "helse-vest"}),
            Map.entry("hf", new String[]{"Hospital trust (HF) code within the RHF", "helse-bergen"}),
            Map.entry("unit", new String[]{"Unit (department or ward) within the HF", "Medisinsk avdeling"}),
            Map.entry("id", new String[]{"Id of the record", EXAMPLE_ID}),
            Map.entry("stepId", new String[]{"Id of the process step", EXAMPLE_ID}),
            Map.entry("applicationId", new String[]{"Id of the grant application", EXAMPLE_ID}),
            Map.entry("employeeId", new String[]{"Id of the employee", EXAMPLE_ID}),
            Map.entry("clarificationId", new String[]{"Id of the responsibility clarification", EXAMPLE_ID}),
            Map.entry("mappingId", new String[]{"Id of the sharing mapping", EXAMPLE_ID}),
            Map.entry("processMappingId", new String[]{"Id of the process mapping", EXAMPLE_ID}),
            Map.entry("roundId", new String[]{"Id of the grant round", EXAMPLE_ID}),
            Map.entry("code", new String[]{"Readable code of the record", "AUT-SPL"}),
            Map.entry("taskCode", new String[]{"Task code of the catalogue", "T-MED-ADM-01"}),
            Map.entry("competenceCode", new String[]{"Competence type code", "AUT-SPL"}),
            Map.entry("personnelGroup", new String[]{"Personnel group (profession) code", "sykepleier"}),
            Map.entry("fromGroup", new String[]{"Personnel group that performs the task today", "sykepleier"}),
            Map.entry("toGroup", new String[]{"Personnel group the task moves to", "helsefagarbeider"}),
            Map.entry("group", new String[]{"Personnel group (profession) code", "helsefagarbeider"}),
            Map.entry("status", new String[]{"Status to filter by (one of the values listed)", null}),
            Map.entry("phase", new String[]{"Phase to filter by (one of the values listed)", null}),
            Map.entry("validOn", new String[]{"Calendar day (Europe/Oslo), YYYY-MM-DD; default today",
                    "2026-03-01"}),
            Map.entry("date", new String[]{"Calendar day (Europe/Oslo), YYYY-MM-DD; default today", "2026-03-01"}),
            Map.entry("on", new String[]{"Calendar day (Europe/Oslo), YYYY-MM-DD; default today", "2026-03-01"}),
            Map.entry("q", new String[]{"Free text to search for", "legemiddelhåndtering"}),
            Map.entry("year", new String[]{"Year", "2026"}),
            Map.entry("version", new String[]{"The version of the record the client read", "3"}),
            Map.entry("entityType", new String[]{"Audit trail: type of the changed record", "Employee"}),
            Map.entry("entityId", new String[]{"Audit trail: id or code of the changed record", EXAMPLE_ID}),
            Map.entry("actorId", new String[]{"Audit trail: id (token subject) of who made the change",
                    "7d1e2f30-8a4b-4c5d-9e6f-a1b2c3d4e5f6"}),
            Map.entry("from", new String[]{"From this instant (ISO-8601, UTC), inclusive", "2026-01-01T00:00:00Z"}),
            Map.entry("to", new String[]{"Until this instant (ISO-8601, UTC), exclusive", "2026-02-01T00:00:00Z"}),
            Map.entry("employeeNumber", new String[]{"The employer's own employee number", "V1001"}),
            Map.entry("codes", new String[]{"Competence type codes (repeat the parameter for several)", "AUT-SPL"}),
            Map.entry("competence", new String[]{"Competence type code the task requires", "AUT-SPL"}),
            Map.entry("withinDays", new String[]{"Days ahead that count as expiring (default 30)", "30"}),
            Map.entry("asOf", new String[]{"Calendar day (Europe/Oslo), YYYY-MM-DD; default today", "2026-03-01"}),
            Map.entry("task", new String[]{"Task code of the catalogue", "T-MED-ADM-01"}),
            Map.entry("current", new String[]{"true: only the current allocation of each RHF pot", "true"}),
            Map.entry("flagged", new String[]{"true: only tasks that require a retired or deleted competence type",
                    "true"}),
            Map.entry(Idempotency.HEADER, new String[]{Idempotency.HEADER_DESCRIPTION,
                    "7c0e8a52-3d1f-4b7e-a0a4-51f1d2c9e6b8"}));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(OpenApiConventions::anyJson);
            // A Jackson JsonNode is scanned as a bean (isArray, nodeType, ...); what it carries is any JSON value.
            if (components.getSchemas().containsKey("JsonNode")) {
                components.addSchema("JsonNode", OASFactory.createSchema().description("Any JSON value"));
                components.removeSchema("JsonNodeType");
            }
        }
        components.addSchema(VIOLATION, violationSchema());
        components.addSchema(UNMET_RULE, unmetRuleSchema());
        components.addSchema(PROBLEM, problemSchema());
        Set<String> used = new TreeSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> apply(path, method, operation, used)));
        }
        // Only the answers some operation refers to: an unused component is a lint warning.
        ERRORS.forEach((status, error) -> {
            if (used.contains(status)) {
                components.addResponse(error[0], OASFactory.createAPIResponse().description(error[1])
                        .content(problemContent()));
            }
        });
    }

    private void apply(String path, PathItem.HttpMethod method, Operation op, Set<String> used) {
        if (op.getOperationId() == null) {
            op.setOperationId(operationId(path, method));
        }
        List<String> roles = roles(op);
        // Quarkus adds a requirement to every operation with @RolesAllowed or @Authenticated; none means open.
        boolean open = op.getSecurity() == null || op.getSecurity().isEmpty();
        String base = op.getDescription() != null ? op.getDescription() : op.getSummary();
        String access = open ? "No token needed." : roles.isEmpty() ? "Roles: any authenticated caller."
                : "Roles: " + String.join(", ", roles) + ".";
        op.setDescription((base == null ? "" : base.strip() + (base.strip().endsWith(".") ? "" : ".") + "\n\n")
                + access);
        if (!roles.isEmpty()) {
            op.addExtension("x-roles", roles);
        }
        // Roles are documented above, not as bearer scopes: the document's bearer requirement applies, and an
        // open operation says so with an empty requirement.
        op.setSecurity(open ? new ArrayList<>() : null);
        if (op.getParameters() != null) {
            op.getParameters().forEach(OpenApiConventions::describe);
        }
        responses(path, method, op, open, used);
    }

    private static void responses(String path, PathItem.HttpMethod method, Operation op, boolean open,
                                  Set<String> used) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        APIResponse created = responses.getAPIResponse("201");
        if (created != null) {
            int braces = path.indexOf('{');
            String location = braces < 0 ? path + "/" + EXAMPLE_ID : path.substring(0, braces) + EXAMPLE_ID;
            created.addHeader("Location", OASFactory.createHeader()
                    .description("Public address (through the gateway) of the created resource")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))
                    .example(location));
        }
        APIResponse noContent = responses.getAPIResponse("204");
        if (noContent != null) {
            noContent.setContent(null);
        }
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean addressed = path.contains("{");
        boolean input = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        List<String> statuses = new ArrayList<>();
        if (input) {
            statuses.add("400");
        }
        if (!open) {
            statuses.add("401");
            statuses.add("403");
        }
        if (addressed) {
            statuses.add("404");
        }
        if (changes) {
            statuses.add("409");
            statuses.add("422");
        }
        statuses.add("429");
        for (String status : statuses) {
            APIResponse declared = responses.getAPIResponse(status);
            // Quarkus adds bare 400/401/403 answers of its own; the shared ones say more.
            if (declared == null || declared.getDescription() == null || GENERIC.contains(declared.getDescription())) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .ref(RESPONSES + ERRORS.get(status)[0]));
                used.add(status);
            }
        }
        // Whatever else a resource declared for an error status answers a problem too.
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getRef() == null) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    private static void describe(Parameter parameter) {
        if (parameter.getRef() != null || parameter.getName() == null) {
            return;
        }
        String[] known = PARAMETERS.get(parameter.getName());
        if (parameter.getDescription() == null || parameter.getDescription().isBlank()) {
            parameter.setDescription(known != null ? known[0] : parameter.getName());
        }
        if (parameter.getExample() == null && parameter.getExamples() == null) {
            Object example = example(parameter, known);
            if (example != null) {
                parameter.setExample(example);
            }
        }
    }

    /** An example that is valid for the parameter's schema: an enum's first value, a number for numbers. */
    private static Object example(Parameter parameter, String[] known) {
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        List<Schema.SchemaType> types = schema == null || schema.getType() == null ? List.of() : schema.getType();
        String value = known == null ? null : known[1];
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            if (value != null && value.matches("-?\\d+")) {
                return Integer.valueOf(value);
            }
            return schema.getDefaultValue() != null ? schema.getDefaultValue() : 1;
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return Boolean.TRUE;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            return value == null ? null : List.of(value);
        }
        if (schema != null && "uuid".equals(schema.getFormat())) {
            return EXAMPLE_ID;
        }
        if (schema != null && "date".equals(schema.getFormat())) {
            return "2026-03-01";
        }
        return value;
    }

    private static List<String> roles(Operation op) {
        TreeSet<String> roles = new TreeSet<>();
        if (op.getSecurity() != null) {
            for (SecurityRequirement requirement : op.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(scopes -> {
                        if (scopes != null) {
                            roles.addAll(scopes);
                        }
                    });
                }
            }
        }
        return List.copyOf(roles);
    }

    /** {@code GET /api/v1/competence/audit} → {@code getCompetenceAudit}, for operations without an explicit id. */
    static String operationId(String path, PathItem.HttpMethod method) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.matches("v\\d+")) {
                continue;
            }
            String word = segment.startsWith("{") ? "By-" + segment.substring(1, segment.length() - 1) : segment;
            for (String part : word.split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /**
     * A Jackson {@code JsonNode} (audit before/after, change sets) is scanned as an array without items; it is any
     * JSON value.
     */
    private static void anyJson(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)
                && schema.getItems() == null) {
            schema.setType(null);
            if (schema.getDescription() == null) {
                schema.setDescription("Any JSON value");
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConventions::anyJson);
        }
        anyJson(schema.getItems());
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(OpenApiConventions::anyJson);
            }
        }
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid input")
                .addProperty("field", string("JSON path of the offending value, or the parameter or header name")
                        .example("rows[2].hprNumber"))
                .addProperty("message", string("What is wrong with it").example("must be a 9-digit number"))
                .required(List.of("field", "message"));
    }

    private static Schema unmetRuleSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One business rule the request did not meet (docs/rules.md)")
                .addProperty("rule", string("Rule code").example("R-AUTH-01"))
                .addProperty("detail", string("What was not met"))
                .addProperty("field", string("The request field it concerns, when there is one"))
                .required(List.of("rule", "detail"));
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION);
        Schema rule = OASFactory.createSchema().ref("#/components/schemas/" + UNMET_RULE);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: every error of the platform has this shape")
                .addProperty("type", string("URI naming the kind of problem; for a rule refusal the first rule")
                        .format("uri").example("https://torn.no/problems/validation-error"))
                .addProperty("title", string("Short summary of the kind of problem").example("Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").description("HTTP status code").example(400))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("instance", string("Identifies this occurrence (error id of a 500)"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Invalid inputs, one per field (400)").items(violation))
                .addProperty("rules", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Unmet business rules (422)").items(rule))
                .required(List.of("type", "title", "status"));
    }
}
