package no.torn.responsibility.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.messaging.ProcessedEvents;
import no.torn.platform.outbox.CloudEvent;
import no.torn.responsibility.domain.ClarificationWorkflow;
import no.torn.responsibility.domain.CompetenceRecordView;
import no.torn.responsibility.domain.DelegationWorkflow;
import no.torn.responsibility.domain.EmployeeView;
import no.torn.responsibility.domain.SharingMappingView;
import no.torn.responsibility.domain.TaskView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies other services' events to the local read models, and the consequences to delegations and clarifications,
 * in one transaction with the processed-event mark. An event older than the version held is skipped, so
 * reordering and replays never roll the read model back.
 */
@ApplicationScoped
public class ReadModels {

    static final String COMPETENCE_CONSUMER = "responsibility-competence";
    static final String TASK_CONSUMER = "responsibility-task";
    private static final String COMPETENCE_PREFIX = "no.torn.competence.";
    private static final String TASK_PREFIX = "no.torn.task.";

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    Clock clock;

    @Inject
    DelegationWorkflow delegations;

    @Inject
    ClarificationWorkflow clarifications;

    @Transactional
    public void applyCompetenceEvent(CloudEvent event) {
        String name = name(event.type(), COMPETENCE_PREFIX);
        if (name == null || !processed.firstDelivery(COMPETENCE_CONSUMER, event.id())) {
            return;
        }
        if (name.startsWith("employee-")) {
            employee(read(event.data(), IncomingEvents.EmployeeData.class));
        } else if (name.startsWith("record-")) {
            record(read(event.data(), IncomingEvents.RecordData.class), name);
        }
    }

    @Transactional
    public void applyTaskEvent(CloudEvent event) {
        String name = name(event.type(), TASK_PREFIX);
        if (name == null || !processed.firstDelivery(TASK_CONSUMER, event.id())) {
            return;
        }
        if (name.startsWith("task-")) {
            task(read(event.data(), IncomingEvents.TaskData.class));
        } else if (name.startsWith("sharing-mapping-")) {
            mapping(read(event.data(), IncomingEvents.MappingData.class));
        }
    }

    private void employee(IncomingEvents.EmployeeData data) {
        data.check();
        EmployeeView view = EmployeeView.findById(data.employeeId());
        if (view != null && data.version() < view.sourceVersion) {
            return;
        }
        boolean fresh = view == null;
        if (fresh) {
            view = new EmployeeView();
            view.employeeId = data.employeeId();
        }
        view.rhf = data.rhf();
        view.hf = data.hf();
        view.unit = data.unit();
        view.employeeNumber = data.employeeNumber();
        view.personnelGroup = data.personnelGroup();
        view.status = data.status();
        view.sourceVersion = data.version();
        view.updatedAt = clock.instant();
        if (fresh) {
            view.persist();
        } else {
            delegations.reviewEmployment(view);
        }
    }

    private void record(IncomingEvents.RecordData data, String name) {
        data.check();
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
        view.reason = truncate(data.reason());
        view.sourceVersion = data.version();
        view.updatedAt = clock.instant();
        if (fresh) {
            view.persist();
        }
        delegations.reviewCompetences(view.employeeId, view, cause(name, view));
    }

    private void task(IncomingEvents.TaskData data) {
        data.check();
        TaskView view = TaskView.findById(data.code());
        if (view != null && data.version() < view.sourceVersion) {
            return;
        }
        boolean fresh = view == null;
        boolean wasRetired = !fresh && "RETIRED".equals(view.status);
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
        view.updatedAt = clock.instant();
        if (fresh) {
            view.persist();
        }
        if ("RETIRED".equals(view.status) && !wasRetired) {
            clarifications.suspendForRetiredTask(view.code, view.rhf);
        }
    }

    private void mapping(IncomingEvents.MappingData data) {
        data.check();
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
        view.supervisionLevel = data.supervisionLevel();
        view.riskLevel = data.riskLevel();
        view.legalBasis = truncate(data.legalBasis());
        view.status = data.status();
        view.sourceVersion = data.version();
        view.updatedAt = clock.instant();
        if (fresh) {
            view.persist();
        }
        if (SharingMappingView.RETIRED.equals(view.status) && !wasRetired) {
            clarifications.suspendForRetiredMapping(view.mappingId);
        }
    }

    private static List<String> requiredOf(IncomingEvents.MappingData data) {
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

    private static String cause(String eventName, CompetenceRecordView record) {
        String what = switch (eventName) {
            case "record-expired" -> "expired";
            case "record-revoked" -> "revoked" + (record.reason == null ? "" : ": " + record.reason);
            default -> "no longer valid (status " + record.status
                    + (record.validUntil == null ? "" : ", valid until " + record.validUntil) + ")";
        };
        return "Competence " + record.competenceCode + " (record " + record.recordId + ") " + what;
    }

    private <T> T read(JsonNode data, Class<T> type) {
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("event data does not match " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String name(String type, String prefix) {
        if (type == null || !type.startsWith(prefix) || !type.endsWith(".v1")) {
            return null;
        }
        return type.substring(prefix.length(), type.length() - ".v1".length());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
