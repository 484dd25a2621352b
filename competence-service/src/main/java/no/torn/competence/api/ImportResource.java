package no.torn.competence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.competence.application.HrImport;
import no.torn.competence.domain.ImportRow;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path(Paths.ROOT + "/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "HR import", description = "Bulk upsert of employees and competence records from an HR system")
@RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HR_INTEGRATION})
public class ImportResource {

    static final String DESCRIPTION = """
            Upserts employees and competence records of the caller's RHF. One row = one employee, optionally with \
            one competence record; repeat the employee's columns (identically) for each further record.

            Columns / JSON fields (all text): `hf` (required, an HF of the caller's RHF), `employeeNumber` \
            (required, unique per HF), `name` (required), `unit` (required), `personnelGroup` (required, e.g. \
            sykepleier), `hprNumber` (optional, 7-9 digits), `competenceCode` (optional, catalogue code), \
            `acquiredOn` (YYYY-MM-DD, required with a competenceCode), `validUntil` (YYYY-MM-DD, optional, \
            defaults from the type's validity), `evidenceIssuer` (optional), `evidenceDocumentReference` \
            (optional; required by types that require evidence).

            CSV (`text/csv`, UTF-8): a header row naming the columns above in any order, comma separated, \
            double quotes around values containing commas or quotes (a quote inside is doubled). Row numbers \
            `rows[i]` count data rows from 0, not counting the header.

            Upsert keys: (hf, employeeNumber) for employees, (employee, competenceCode, acquiredOn) for records; \
            an identical repeat changes nothing and publishes nothing. Every row is validated first: any error \
            answers 400 with `violations` such as `rows[3].acquiredOn` and applies nothing. `dryRun=true` \
            validates and reports the counts without applying. At most 10,000 rows per request. A value of \
            exactly 11 digits is refused: national identity numbers are not stored.

            Partial feeds: an optional column (`hprNumber`, `validUntil`, `evidenceIssuer`, \
            `evidenceDocumentReference`) that is absent from the file, or a cell left empty, keeps the stored value. \
            To clear a stored value, send the cell value `-` (a single hyphen-minus); for `validUntil` that means \
            "no end of validity". On a new record an absent `validUntil` defaults from the type's validity.

            `Idempotency-Key` supported: a repeat with the same key and the same rows answers the first import's \
            result and applies nothing again; the same key with other rows is a 422.""";

    @Inject
    HrImport hrImport;

    @Inject
    Caller caller;

    @Schema(name = "ImportRequest")
    public record ImportRequest(@NotNull List<ImportRow> rows) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importHrJson",
                summary = "Import employees and competence records (JSON)", description = DESCRIPTION)
    public HrImport.Result importJson(@RequestBody(required = true) ImportRequest request,
                                      @QueryParam("dryRun") boolean dryRun,
                                      @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        if (request == null || request.rows() == null) {
            throw ProblemException.invalid("rows", "must not be null");
        }
        return hrImport.run(caller.actor(), idempotencyKey, request.rows(), dryRun);
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importHrCsv",
                summary = "Import employees and competence records (CSV)", description = DESCRIPTION)
    public HrImport.Result importCsv(String body, @QueryParam("dryRun") boolean dryRun,
                                     @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return hrImport.run(caller.actor(), idempotencyKey, CsvRows.parse(body), dryRun);
    }
}
