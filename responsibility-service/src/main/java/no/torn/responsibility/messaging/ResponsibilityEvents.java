package no.torn.responsibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.platform.outbox.Outbox;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;

import java.util.UUID;

/** The events this service publishes on torn.responsibility.v1, always through the outbox. */
@ApplicationScoped
public class ResponsibilityEvents {

    public static final String PREFIX = "no.torn.responsibility.";

    /** Payload of clarification-* events. */
    public record ClarificationData(UUID clarificationId, String rhf, String hf, String unit, String taskCode,
                                    UUID mappingId, String status, String reason) {
    }

    /** Payload of delegation-* events. */
    public record DelegationData(UUID delegationId, UUID clarificationId, String rhf, String hf, String unit,
                                 UUID employeeId, String taskCode, String status, String reason,
                                 String competenceCode) {
    }

    @Inject
    Outbox outbox;

    /** @param name e.g. {@code clarification-approved} */
    public void clarification(String name, Clarification c) {
        outbox.publish(PREFIX + name + ".v1", c.id, c.rhf, new ClarificationData(c.id, c.rhf, c.hf, c.unit,
                c.taskCode, c.mappingId, c.status.name(), c.statusReason));
    }

    /** @param name e.g. {@code delegation-suspended} */
    public void delegation(String name, Delegation d) {
        outbox.publish(PREFIX + name + ".v1", d.id, d.rhf, new DelegationData(d.id, d.clarificationId, d.rhf, d.hf,
                d.unit, d.employeeId, d.taskCode, d.status.name(), d.statusReason,
                d.status == DelegationStatus.SUSPENDED ? d.competenceCode : null));
    }
}
