package no.torn.responsibility.api;

import jakarta.ws.rs.Path;
import no.torn.platform.audit.AuditEndpoint;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform audit trail of this service: clarifications, delegations and reads of an employee's authorisations. */
@Path("/api/v1/responsibility/audit")
@Tag(name = "Audit trail", description = "Every change: who (name and role), when, before/after, why")
public class AuditResource extends AuditEndpoint {
}
