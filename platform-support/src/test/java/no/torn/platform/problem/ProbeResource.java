package no.torn.platform.problem;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Endpoints that exercise each kind of failure the problem mapping must turn into problem+json. */
@Path("/api/v1/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Kind { FORMAL, REAL }

    public record Item(@NotBlank String code) {
    }

    public record CreateRequest(@NotBlank @Size(max = 20) String name, @NotNull Kind kind, LocalDate acquiredOn,
                                @Valid List<Item> items) {
    }

    @POST
    public CreateRequest create(@Valid @NotNull CreateRequest request) {
        return request;
    }

    @GET
    @Path("/{id}")
    public String find(@PathParam("id") UUID id, @QueryParam("size") @Min(1) Integer size,
                       @QueryParam("on") LocalDate on, @jakarta.ws.rs.BeanParam @Valid no.torn.platform.api.PageRequest page) {
        throw ProblemException.notFound("Probe", id);
    }

    @GET
    @Path("/rule")
    public String rule() {
        throw ProblemException.rule("a high-risk task needs supervision");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    @POST
    @Path("/duplicate")
    @Transactional
    public String duplicate() {
        jakarta.persistence.EntityManager em = io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get();
        em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values ('p', 'dup', now())")
                .executeUpdate();
        em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at) values ('p', 'dup', now())")
                .executeUpdate();
        return "unreachable";
    }
}
