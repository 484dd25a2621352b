package no.torn.responsibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.outbox.CloudEvent;
import no.torn.platform.time.Today;
import no.torn.responsibility.application.DelegationSuspension;
import no.torn.responsibility.domain.CompetenceRecordHistory;
import no.torn.responsibility.domain.CompetenceRecordView;
import no.torn.responsibility.messaging.IncomingEvents.RecordData;

import java.util.ArrayList;

/**
 * The local copy of competence records. After every change the employee's active delegations are checked against
 * what they still hold validly today ({@link DelegationSuspension#competenceChanged}); an event older than the
 * version held is ignored.
 */
@ApplicationScoped
public class CompetenceChanges {

    @Inject
    Today today;

    @Inject
    DelegationSuspension delegations;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event, RecordData data) {
        CompetenceRecordView view = CompetenceRecordView.findById(data.recordId());
        if (view != null && data.version() < view.sourceVersion) {
            return;
        }
        boolean fresh = view == null;
        if (fresh) {
            view = new CompetenceRecordView();
            view.recordId = data.recordId();
        }
        view.employeeId = data.employeeId();
        view.rhf = data.rhf();
        view.hf = data.hf();
        view.unit = data.unit();
        view.personnelGroup = data.personnelGroup();
        view.competenceCode = data.competenceCode();
        view.impliedCodes = data.impliedCodes() == null ? new ArrayList<>() : new ArrayList<>(data.impliedCodes());
        view.acquiredOn = data.acquiredOn();
        view.validUntil = data.validUntil();
        view.status = data.status();
        view.trustLevel = data.trustLevel() == null || data.trustLevel().isNull() ? null : data.trustLevel().asText();
        view.reason = clip(data.reason());
        view.sourceVersion = data.version();
        view.updatedAt = today.now();
        if (fresh) {
            view.persist();
        }
        // The history row commits with the view: what was known, and since when (the event's own time).
        CompetenceRecordHistory.of(view, event.id(), event.type(), event.time() == null ? view.updatedAt
                : event.time()).persist();
        delegations.competenceChanged(EmployeeDirectory.ACTOR, view.employeeId, view, cause(event.type(), view));
    }

    private static String cause(String type, CompetenceRecordView record) {
        String what;
        if (type.startsWith(CompetenceEvents.PREFIX + "record-expired.")) {
            what = "expired";
        } else if (type.startsWith(CompetenceEvents.PREFIX + "record-revoked.")) {
            what = "revoked" + (record.reason == null ? "" : ": " + record.reason);
        } else {
            what = "no longer valid (status " + record.status
                    + (record.validUntil == null ? "" : ", valid until " + record.validUntil) + ")";
        }
        return "Competence " + record.competenceCode + " (record " + record.recordId + ") " + what;
    }

    static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
