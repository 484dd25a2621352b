package no.torn.grants.api;

import jakarta.ws.rs.Path;
import no.torn.platform.audit.AuditEndpoint;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who did what in grants: splits, allocations, decisions, report approvals, publication and every other command. */
@Path("/api/v1/grants/audit")
@Tag(name = "Audit", description = "The append-only audit trail of grants-service, scoped to the caller's RHF")
public class AuditResource extends AuditEndpoint {
}
