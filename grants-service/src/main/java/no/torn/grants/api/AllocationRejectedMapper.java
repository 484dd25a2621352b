package no.torn.grants.api;

import jakarta.ws.rs.core.Response;
import no.torn.grants.domain.AllocationRejected;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Calculator refusals that reach the API unconverted still answer 422 with the offending fields. */
public class AllocationRejectedMapper {

    @ServerExceptionMapper
    public Response rejected(AllocationRejected e) {
        return Access.rejected(e).problem().toResponse();
    }
}
