package no.torn.competence.api.fhir;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;

/**
 * The errors of the FHIR operations are OperationOutcomes ({@code application/fhir+json}), not problems: each error
 * answer of a FHIR path refers to a shared response of that content, keeping the operation's own description. A
 * reference is left alone by the platform's conventions whichever filter runs first. Applied at build time, like
 * the conventions.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class FhirOpenApi implements OASFilter {

    /** Component names and descriptions by status. */
    private static final Map<String, String[]> OUTCOMES = Map.of(
            "400", new String[]{"FhirBadRequest", "Invalid input (OperationOutcome naming the parameter)"},
            "401", new String[]{"FhirUnauthorized", "No valid bearer token: refused before the FHIR API with "
                    + "WWW-Authenticate: Bearer and no body"},
            "403", new String[]{"FhirForbidden", "The token's roles do not allow this operation (OperationOutcome)"},
            "404", new String[]{"FhirNotFound", "Not found in the caller's reach (OperationOutcome)"},
            "406", new String[]{"FhirNotAcceptable", "A _format other than JSON (OperationOutcome)"});

    private static final String RESPONSES = "#/components/responses/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean[] used = {false};
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(FhirResource.ROOT + "/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    return;
                }
                Map<String, APIResponse> declared = new java.util.LinkedHashMap<>(
                        operation.getResponses().getAPIResponses());
                declared.forEach((status, response) -> {
                    String[] outcome = OUTCOMES.get(status);
                    if (outcome != null) {
                        String description = response.getDescription() != null ? response.getDescription()
                                : outcome[1];
                        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                                .ref(RESPONSES + outcome[0]).description(description));
                        used[0] = true;
                    }
                });
                // Every FHIR operation takes _format, and a format other than JSON is a 406.
                if (!declared.containsKey("406")) {
                    String[] outcome = OUTCOMES.get("406");
                    operation.getResponses().addAPIResponse("406", OASFactory.createAPIResponse()
                            .ref(RESPONSES + outcome[0]).description(outcome[1]));
                }
            });
        });
        if (used[0]) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            OUTCOMES.values().forEach(outcome -> openAPI.getComponents().addResponse(outcome[0], outcome(outcome[0], outcome[1])));
        }
    }

    private static APIResponse outcome(String name, String description) {
        if (name.equals("FhirUnauthorized")) {
            return OASFactory.createAPIResponse().description(description);
        }
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(FhirResource.FHIR_JSON, OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description("FHIR R4 OperationOutcome (resourceType OperationOutcome, issue[])"))));
    }
}
