package no.torn.task.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.time.Today;
import no.torn.task.domain.CatalogueRules;
import no.torn.task.domain.CompetenceTypeView;
import no.torn.task.domain.Task;
import no.torn.task.domain.TaskStatus;
import no.torn.task.messaging.CompetenceEvents.TypeDefinedData;
import no.torn.task.messaging.CompetenceEvents.TypeRetiredData;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The competence catalogue as competence-service announces it: which codes the task catalogue may require
 * (R-CAT-01), and which required codes are no longer in force. A retirement writes one audit line per task that
 * requires the type, so the flag on the task has its provenance. An event older than the state held is ignored.
 */
@ApplicationScoped
public class CompetenceTypes {

    static final String CONSUMER_ACTOR = "competence-events";
    static final String FLAGGED = "COMPETENCE_TYPE_RETIRED";
    private static final Logger LOG = Logger.getLogger(CompetenceTypes.class);

    /** What a task's audit line keeps of the flag. */
    record Flag(String competenceCode, boolean deleted, List<String> retiredCompetences) {
    }

    @Inject
    AuditTrail audit;

    @Inject
    Today today;

    /** R-CAT-01 for {@code codes} required in {@code rhf} (null: a national task), added to {@code check}. */
    public RuleCheck check(RuleCheck check, String rhf, Collection<String> codes, String field) {
        return CatalogueRules.requiredCompetences(check, rhf, codes, CompetenceTypeView.byCode(codes), field);
    }

    /** competence-type-defined: the type as it now stands (a deleted type's code may be defined anew). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean defined(TypeDefinedData d) {
        CompetenceTypeView v = CompetenceTypeView.findById(d.code());
        if (v != null && !v.deleted && v.sourceVersion > d.version()) {
            LOG.debugf("Competence type %s version %d is older than the state held; ignored", d.code(), d.version());
            return false;
        }
        if (v == null) {
            v = new CompetenceTypeView();
            v.code = d.code();
        }
        v.rhf = TypeDefinedData.NATIONAL.equals(d.rhf()) ? null : d.rhf();
        v.name = d.name();
        v.category = d.category();
        v.status = d.status();
        v.deleted = false;
        v.retiredAt = CompetenceTypeView.RETIRED.equals(d.status()) ? v.retiredAt : null;
        v.sourceVersion = d.version();
        v.updatedAt = today.now();
        v.persist();
        return true;
    }

    /** competence-type-retired: the type is no longer in force; every task requiring it gets an audit line. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retired(TypeRetiredData d) {
        CompetenceTypeView v = CompetenceTypeView.findById(d.code());
        if (v != null && v.sourceVersion > d.version()) {
            LOG.debugf("Competence type %s version %d is older than the state held; ignored", d.code(), d.version());
            return false;
        }
        boolean wasInForce = v == null || !v.isRetired();
        boolean wasDeleted = v != null && v.deleted;
        if (v == null) {
            v = new CompetenceTypeView();
            v.code = d.code();
            v.rhf = TypeDefinedData.NATIONAL.equals(d.rhf()) ? null : d.rhf();
        }
        v.status = CompetenceTypeView.RETIRED;
        v.deleted = d.deleted();
        v.retiredAt = d.retiredAt();
        v.sourceVersion = d.version();
        v.updatedAt = today.now();
        v.persist();
        if (wasInForce || (d.deleted() && !wasDeleted)) {
            flagTasks(d);
        }
        return true;
    }

    private void flagTasks(TypeRetiredData d) {
        Actor system = Actor.system(CONSUMER_ACTOR);
        Set<String> retired = CompetenceTypeView.retiredCodes();
        List<Task> tasks = Task.list("?1 member of requiredCompetences and status <> ?2 order by code", d.code(),
                TaskStatus.RETIRED);
        for (Task task : tasks) {
            Set<String> now = new TreeSet<>(task.requiredCompetences);
            now.retainAll(retired);
            Set<String> before = new TreeSet<>(now);
            before.remove(d.code());
            audit.record(system, Audited.of(TaskCatalogue.AUDITED, task.code, task.tenant()), FLAGGED,
                    new Flag(d.code(), false, List.copyOf(before)), new Flag(d.code(), d.deleted(), List.copyOf(now)),
                    "competence type " + d.code() + (d.deleted() ? " was deleted" : " was retired")
                            + " in the competence catalogue");
        }
    }
}
