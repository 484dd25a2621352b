package no.torn.competence.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.Employee;
import no.torn.platform.outbox.Outbox;

import java.time.Instant;
import java.util.List;

/** Publishes the events of torn.competence.v1 through the outbox, inside the caller's transaction. */
@ApplicationScoped
public class CompetenceEvents {

    public static final String EMPLOYEE_REGISTERED = "employee-registered";
    public static final String EMPLOYEE_UPDATED = "employee-updated";
    public static final String EMPLOYEE_LEFT = "employee-left";
    public static final String RECORD_REGISTERED = "record-registered";
    public static final String RECORD_UPDATED = "record-updated";
    public static final String RECORD_ATTESTED = "record-attested";
    public static final String RECORD_REVOKED = "record-revoked";
    public static final String RECORD_EXPIRING = "record-expiring";
    public static final String RECORD_EXPIRED = "record-expired";
    public static final String TYPE_DEFINED = "competence-type-defined";
    public static final String TYPE_RETIRED = "competence-type-retired";

    public static String type(String name) {
        return "no.torn.competence." + name + ".v1";
    }

    @Inject
    Outbox outbox;

    @Inject
    Catalogue catalogue;

    /** {@code version} is the version the change commits with (Hibernate bumps it at flush). */
    public void employee(String name, Employee e, long version) {
        outbox.publish(type(name), e.id, e.rhf, EmployeeEventData.of(e, version));
    }

    public void record(String name, CompetenceRecord r, Employee e, long version) {
        record(name, r, e, catalogue.impliedCodes(r.typeCode), null, version);
    }

    public Outbox.Pending pendingEmployee(String name, Employee e, long version) {
        return new Outbox.Pending(type(name), e.id, e.rhf, EmployeeEventData.of(e, version));
    }

    public Outbox.Pending pendingRecord(String name, CompetenceRecord r, Employee e, List<String> impliedCodes,
                                            long version) {
        return new Outbox.Pending(type(name), r.id, r.rhf, RecordEventData.of(r, e, impliedCodes, null, version));
    }

    public void record(String name, CompetenceRecord r, Employee e, List<String> impliedCodes, Integer thresholdDays,
                       long version) {
        outbox.publish(type(name), r.id, r.rhf, RecordEventData.of(r, e, impliedCodes, thresholdDays, version));
    }

    /** competence-type-defined, keyed by the type code; {@code version} is the one the change commits with. */
    public void typeDefined(CompetenceType t, long version) {
        outbox.publish(type(TYPE_DEFINED), t.code, TypeEventData.tenant(t), TypeEventData.Defined.of(t, version));
    }

    /** competence-type-retired, keyed by the type code; {@code deleted} when the type is gone altogether. */
    public void typeRetired(CompetenceType t, Instant retiredAt, boolean deleted, long version) {
        outbox.publish(type(TYPE_RETIRED), t.code, TypeEventData.tenant(t),
                new TypeEventData.Retired(t.code, TypeEventData.tenant(t), retiredAt, deleted, version));
    }
}
