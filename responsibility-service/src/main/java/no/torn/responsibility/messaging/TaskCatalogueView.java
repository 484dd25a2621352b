package no.torn.responsibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.time.Today;
import no.torn.responsibility.application.ClarificationSuspension;
import no.torn.responsibility.domain.TaskView;
import no.torn.responsibility.messaging.IncomingEvents.TaskData;

import java.util.ArrayList;

/**
 * The local copy of task-service's catalogue. A task that is retired suspends the clarifications naming it
 * ({@link ClarificationSuspension#taskRetired}); a task whose requirements changed suspends those the sharing
 * decision no longer allows ({@link ClarificationSuspension#taskChanged}). An event older than the version held is
 * ignored.
 */
@ApplicationScoped
public class TaskCatalogueView {

    static final Actor ACTOR = Actor.system("task-events");
    static final String RETIRED = "RETIRED";

    @Inject
    Today today;

    @Inject
    ClarificationSuspension clarifications;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TaskData data) {
        TaskView view = TaskView.findById(data.code());
        if (view != null && data.version() < view.sourceVersion) {
            return;
        }
        boolean fresh = view == null;
        boolean wasRetired = !fresh && RETIRED.equals(view.status);
        if (fresh) {
            view = new TaskView();
            view.code = data.code();
        }
        view.taskId = data.taskId();
        view.rhf = data.rhf();
        view.variantOf = data.variantOf();
        view.title = data.title();
        view.category = data.category();
        view.riskLevel = data.riskLevel();
        view.requiresHealthProfessional = data.requiresHealthProfessional();
        view.allowsUntrainedStaff = data.allowsUntrainedStaff();
        view.requiredCompetences = data.requiredCompetences() == null ? new ArrayList<>()
                : new ArrayList<>(data.requiredCompetences());
        view.status = data.status();
        view.sourceVersion = data.version();
        view.updatedAt = today.now();
        if (fresh) {
            view.persist();
        }
        if (RETIRED.equals(view.status) && !wasRetired) {
            clarifications.taskRetired(ACTOR, view.code, view.rhf);
        } else if (!fresh) {
            clarifications.taskChanged(ACTOR, view.code, view.rhf);
        }
    }
}
