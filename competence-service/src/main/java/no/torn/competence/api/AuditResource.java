package no.torn.competence.api;

import jakarta.ws.rs.Path;
import no.torn.platform.audit.AuditEndpoint;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(Paths.ROOT + "/audit")
@Tag(name = "Audit trail", description = "Who changed employees, records and the catalogue, when, and how")
public class AuditResource extends AuditEndpoint {
}
