package no.torn.task.api;

import jakarta.ws.rs.Path;
import no.torn.platform.audit.AuditEndpoint;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail of task-service: catalogue changes, sharing mappings (drafts, proposals, approvals, retirements)
 * and process mappings. Entries about national tasks belong to the tenant {@code national}.
 */
@Path("/api/v1/tasks/audit")
@Tag(name = "Audit", description = "Who changed what in the task catalogue and the mappings, and when")
public class AuditResource extends AuditEndpoint {
}
