package no.torn.task.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.messaging.ProcessedEvents;
import no.torn.platform.outbox.CloudEvent;
import no.torn.task.domain.CompetenceReadModel;
import no.torn.task.domain.CompetenceReadModel.EmployeeState;
import no.torn.task.domain.CompetenceReadModel.RecordState;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Feeds the competence read model from {@code torn.competence.v1}. Idempotent (event ids are remembered in the same
 * transaction) and order-safe (older versions are ignored). An event that cannot be read goes to the dead-letter
 * topic; event types this service does not need are acknowledged and skipped.
 */
@ApplicationScoped
public class CompetenceEventConsumer {

    static final String CONSUMER = "task-service.competence";
    private static final String PREFIX = "no.torn.competence.";
    private static final Logger LOG = Logger.getLogger(CompetenceEventConsumer.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    CompetenceReadModel readModel;

    @Incoming("competence-events")
    @Transactional
    public void consume(String json) {
        CloudEvent event = CloudEvent.parse(mapper, json);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String name = event.type().startsWith(PREFIX) ? event.type().substring(PREFIX.length()) : "";
        boolean applied;
        if (name.startsWith("employee-") && name.endsWith(".v1")) {
            applied = readModel.apply(employee(event.data()));
        } else if (name.startsWith("record-") && name.endsWith(".v1")) {
            applied = readModel.apply(record(event.data()));
        } else {
            return;
        }
        if (!applied) {
            LOG.debugf("Event %s (%s) is older than the state held; ignored", event.id(), event.type());
        }
    }

    static EmployeeState employee(JsonNode data) {
        return new EmployeeState(uuid(data, "employeeId"), text(data, "rhf", true), text(data, "hf", false),
                text(data, "unit", false), text(data, "employeeNumber", false), text(data, "personnelGroup", true),
                text(data, "status", true), version(data));
    }

    static RecordState record(JsonNode data) {
        List<String> implied = new ArrayList<>();
        JsonNode array = data.get("impliedCodes");
        if (array != null && array.isArray()) {
            array.forEach(code -> implied.add(code.asText()));
        }
        return new RecordState(uuid(data, "recordId"), uuid(data, "employeeId"), text(data, "rhf", true),
                text(data, "competenceCode", true), implied, date(data, "acquiredOn"), date(data, "validUntil"),
                text(data, "status", true), version(data));
    }

    private static String text(JsonNode data, String field, boolean required) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw new IllegalArgumentException("data." + field + " is missing");
            }
            return null;
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(text(data, field, true));
    }

    private static LocalDate date(JsonNode data, String field) {
        String value = text(data, field, false);
        return value == null ? null : LocalDate.parse(value);
    }

    private static long version(JsonNode data) {
        JsonNode value = data.get("version");
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("data.version is missing");
        }
        return value.asLong();
    }
}
