package no.torn.responsibility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.time.Today;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.Raci;
import no.torn.responsibility.domain.TaskView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Who is responsible for a task in a unit, and a unit's responsibility matrix, as of today (Norwegian day). */
@ApplicationScoped
public class ResponsibilityQueries {

    private static final List<ClarificationStatus> IN_FORCE_OR_PENDING = List.of(ClarificationStatus.APPROVED,
            ClarificationStatus.ACTIVE);

    public record ResponsibleDelegation(UUID delegationId, UUID employeeId, String delegator, String supervisor,
                                        LocalDate validFrom, LocalDate validTo) {
    }

    public record Responsibility(UUID clarificationId, String status, String hf, String unit, String taskCode,
                                 UUID mappingId, List<String> accountable, List<String> responsible,
                                 List<String> consulted, List<String> informed, String delegatingGroup,
                                 String performingGroup, String supervisorRole, String legalBasis,
                                 String conditions, LocalDate activeFrom, LocalDate reviewDate,
                                 List<ResponsibleDelegation> delegations) {
    }

    public record WhoIsResponsible(String taskCode, String hf, String unit, LocalDate asOf,
                                   List<Responsibility> clarifications) {
    }

    public record MatrixRow(String taskCode, String taskTitle, UUID clarificationId, String status,
                            List<String> responsible, List<String> accountable, List<String> consulted,
                            List<String> informed, String performingGroup, String supervisorRole,
                            LocalDate reviewDate) {
    }

    public record Matrix(String rhf, String hf, String unit, LocalDate asOf, List<MatrixRow> rows) {
    }

    @Inject
    Today today;

    @Transactional
    public WhoIsResponsible whoIsResponsible(Actor actor, String taskCode, String hf, String unit) {
        String rhf = scopeRhf(actor, hf);
        LocalDate day = today.date();
        QueryFilter filter = new QueryFilter().eq("taskCode", taskCode).eq("rhf", rhf).eq("hf", hf).eq("unit", unit);
        filter.params().put("statuses", IN_FORCE_OR_PENDING);
        List<Clarification> found = Clarification.list(filter.where() + " and status in :statuses"
                + " order by hf, unit, activeFrom", filter.params());
        List<Responsibility> result = found.stream().filter(c -> c.inForceOn(day)).map(c -> new Responsibility(
                c.id, c.status.name(), c.hf, c.unit, c.taskCode, c.mappingId, c.partiesOf(Raci.ACCOUNTABLE),
                c.partiesOf(Raci.RESPONSIBLE), c.partiesOf(Raci.CONSULTED), c.partiesOf(Raci.INFORMED),
                c.delegatingGroup, c.performingGroup, c.supervisorRole, c.legalBasis, c.conditions, c.activeFrom,
                c.reviewDate, Delegation.<Delegation>list("clarificationId = ?1 and status = ?2 order by validFrom",
                        c.id, DelegationStatus.ACTIVE).stream().map(d -> new ResponsibleDelegation(d.id,
                        d.employeeId, d.delegator, d.supervisor, d.validFrom, d.validTo)).toList())).toList();
        return new WhoIsResponsible(taskCode, hf, unit, day, result);
    }

    @Transactional
    public Matrix matrix(Actor actor, String hf, String unit) {
        String rhf = scopeRhf(actor, hf);
        List<Clarification> found = Clarification.list(
                "rhf = ?1 and hf = ?2 and unit = ?3 and status in ?4 order by taskCode, activeFrom", rhf, hf, unit,
                IN_FORCE_OR_PENDING);
        List<MatrixRow> rows = found.stream().map(c -> {
            TaskView task = TaskView.findById(c.taskCode);
            return new MatrixRow(c.taskCode, task == null ? null : task.title, c.id, c.status.name(),
                    c.partiesOf(Raci.RESPONSIBLE), c.partiesOf(Raci.ACCOUNTABLE), c.partiesOf(Raci.CONSULTED),
                    c.partiesOf(Raci.INFORMED), c.performingGroup, c.supervisorRole, c.reviewDate);
        }).toList();
        return new Matrix(rhf, hf, unit, today.date(), rows);
    }

    /**
     * The RHF a query naming {@code hf} reads: the actor's own (an HF of another RHF is refused), any for a national
     * admin; without an HF, the actor's own RHF or, for a national admin, all (null).
     */
    private static String scopeRhf(Actor actor, String hf) {
        if (hf == null) {
            return actor.isNationalAdmin() ? null : actor.homeRhf();
        }
        HealthRegion region = HealthRegion.ofHospitalTrust(hf)
                .orElseThrow(() -> ProblemException.invalid("hf", "unknown hospital trust " + hf));
        if (actor.isNationalAdmin()) {
            return region.code();
        }
        if (!region.code().equals(actor.homeRhf())) {
            throw ProblemException.forbidden("hf " + hf + " does not belong to " + actor.homeRhf());
        }
        return actor.homeRhf();
    }
}
