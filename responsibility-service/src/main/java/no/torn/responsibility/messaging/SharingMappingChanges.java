package no.torn.responsibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.time.Today;
import no.torn.responsibility.application.ClarificationSuspension;
import no.torn.responsibility.domain.SharingMappingView;
import no.torn.responsibility.messaging.IncomingEvents.MappingData;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The local copy of sharing mappings. A mapping that is retired suspends the clarifications built on it
 * ({@link ClarificationSuspension#mappingRetired}); an event older than the version held is ignored.
 */
@ApplicationScoped
public class SharingMappingChanges {

    @Inject
    Today today;

    @Inject
    ClarificationSuspension clarifications;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(MappingData data) {
        SharingMappingView view = SharingMappingView.findById(data.mappingId());
        if (view != null && data.version() < view.sourceVersion) {
            return;
        }
        boolean fresh = view == null;
        boolean wasRetired = !fresh && SharingMappingView.RETIRED.equals(view.status);
        if (fresh) {
            view = new SharingMappingView();
            view.mappingId = data.mappingId();
        }
        view.rhf = data.rhf();
        view.taskCode = data.taskCode();
        view.fromGroup = data.fromGroup();
        view.toGroup = data.toGroup();
        view.requiredCompetences = requiredOf(data);
        view.extraCompetences = extraOf(data, view.requiredCompetences);
        view.supervisionLevel = data.supervisionLevel();
        view.riskLevel = data.riskLevel();
        view.legalBasis = CompetenceChanges.clip(data.legalBasis());
        view.status = data.status();
        view.sourceVersion = data.version();
        view.updatedAt = today.now();
        if (fresh) {
            view.persist();
        }
        if (SharingMappingView.RETIRED.equals(view.status) && !wasRetired) {
            clarifications.mappingRetired(TaskCatalogueView.ACTOR, view.mappingId);
        }
    }

    /** The mapping's own additions: given as such, or its full requirement less the task's. */
    private static List<String> extraOf(MappingData data, List<String> required) {
        if (data.extraRequiredCompetences() != null) {
            return new ArrayList<>(data.extraRequiredCompetences());
        }
        List<String> extra = new ArrayList<>(required);
        if (data.taskRequiredCompetences() != null) {
            extra.removeAll(data.taskRequiredCompetences());
        }
        return extra;
    }

    /** The mapping's full requirement: given as such, or the task's plus the mapping's extra ones. */
    private static List<String> requiredOf(MappingData data) {
        if (data.requiredCompetences() != null) {
            return new ArrayList<>(data.requiredCompetences());
        }
        Set<String> union = new LinkedHashSet<>();
        if (data.taskRequiredCompetences() != null) {
            union.addAll(data.taskRequiredCompetences());
        }
        if (data.extraRequiredCompetences() != null) {
            union.addAll(data.extraRequiredCompetences());
        }
        return new ArrayList<>(union);
    }
}
