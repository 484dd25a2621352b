package no.torn.responsibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.torn.platform.testing.EventSchemas;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events these tests publish in place of competence-service and task-service match those services' committed
 * schemas, so what the consumers are tested with is what the producers really send.
 */
class ProducerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path COMPETENCE = Path.of("../competence-service/src/main/resources/META-INF/resources/events/schemas");
    private static final Path TASK = Path.of("../task-service/src/main/resources/META-INF/resources/events/schemas");

    @Test
    void competenceEventsMatchCompetenceServiceSchemas() throws Exception {
        UUID employee = UUID.randomUUID();
        UUID record = UUID.randomUUID();
        String code = Fixture.code("HLR");
        check(COMPETENCE, "employee-registered", Fixture.employeeEvent("employee-registered", employee, "V1001",
                Fixture.HF, Fixture.UNIT, "helsefagarbeider", "ACTIVE", 1));
        check(COMPETENCE, "employee-left", Fixture.employeeEvent("employee-left", employee, "V1001",
                Fixture.HF, Fixture.UNIT, "helsefagarbeider", "LEFT", 2));
        check(COMPETENCE, "record-registered", Fixture.recordEvent("record-registered", record, employee, code,
                List.of(Fixture.code("IMPLIED")), LocalDate.now().plusYears(1), "ACTIVE", 1, null));
        check(COMPETENCE, "record-updated", Fixture.recordEvent("record-updated", record, employee, code,
                List.of(), LocalDate.now().minusDays(1), "ACTIVE", 2, null));
        check(COMPETENCE, "record-expired", Fixture.recordEvent("record-expired", record, employee, code,
                List.of(), LocalDate.now().minusDays(1), "EXPIRED", 3, null));
        check(COMPETENCE, "record-revoked", Fixture.recordEvent("record-revoked", record, employee, code,
                List.of(), null, "REVOKED", 4, "Feilregistrert"));
    }

    @Test
    void taskEventsMatchTaskServiceSchemas() throws Exception {
        String task = Fixture.code("T");
        UUID mapping = UUID.randomUUID();
        check(TASK, "task-registered", Fixture.taskEvent("task-registered", task, null, List.of("HLR"), "ACTIVE", 1));
        check(TASK, "task-retired", Fixture.taskEvent("task-retired", task, null, List.of("HLR"), "RETIRED", 2));
        check(TASK, "sharing-mapping-approved", Fixture.mappingEvent("sharing-mapping-approved", mapping,
                "helse-vest", task, List.of("HLR"), List.of("IV"), "APPROVED", 2));
        check(TASK, "sharing-mapping-retired", Fixture.mappingEvent("sharing-mapping-retired", mapping,
                "helse-vest", task, List.of("HLR"), List.of("IV"), "RETIRED", 3));
    }

    private static void check(Path dir, String name, String event) throws Exception {
        Path schema = dir.resolve(name + ".v1.json");
        Assumptions.assumeTrue(Files.exists(schema), "no committed schema " + schema);
        JsonNode json = JSON.readTree(event);
        EventSchemas.assertValid(schema, json);
    }
}
