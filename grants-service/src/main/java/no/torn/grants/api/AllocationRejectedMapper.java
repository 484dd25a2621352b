package no.torn.grants.api;

import jakarta.ws.rs.core.Response;
import no.torn.grants.domain.AllocationRejected;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Inputs the calculators refuse answer 422, naming each offending field. */
public class AllocationRejectedMapper {

    @ServerExceptionMapper
    public Response rejected(AllocationRejected e) {
        return ProblemException.rule(e.getMessage(), e.reasons().stream()
                .map(r -> new Problem.Violation(r.field(), r.message())).toList()).problem().toResponse();
    }
}
