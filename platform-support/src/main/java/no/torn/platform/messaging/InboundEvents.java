package no.torn.platform.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import no.torn.platform.outbox.CloudEvent;
import no.torn.platform.outbox.Topics;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The one shape of an event consumer: parse the CloudEvent, pick the route by type, and in one transaction mark the
 * event id in the inbox (first delivery only) and apply the consequence to typed, validated data. A lost
 * optimistic-lock race with a concurrent command is retried, because the event itself is fine; anything else is
 * rethrown, so the channel's failure strategy sends the message to the dead-letter topic.
 *
 * <p>Event data is read leniently (unknown properties ignored): producers may add fields within a version.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    static final int ATTEMPTS = 5;

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    Validator validator;

    private ObjectReader lenient;

    @PostConstruct
    void init() {
        lenient = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Consumes one record of a channel subscribed to a topic pattern (one topic per RHF): acknowledged once applied
     * (or ignored), otherwise refused with its dead-letter topic set beside the topic it came from, so a poison
     * event of one RHF lands in that RHF's dead-letter topic.
     */
    public CompletionStage<Void> consume(String consumer, Message<String> message, EventRoutes routes) {
        try {
            consume(consumer, message.getPayload(), routes);
        } catch (RuntimeException e) {
            Metadata deadLetter = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(in -> Metadata.of(OutgoingKafkaRecordMetadata.builder()
                            .withTopic(Topics.deadLetterOf(in.getTopic())).build()))
                    .orElse(Metadata.empty());
            LOG.warnf("Event on %s not applied (%s); sent to its dead-letter topic", message
                    .getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                    .orElse("?"), e.getClass().getSimpleName());
            return message.nack(e, deadLetter);
        }
        return message.ack();
    }

    /**
     * @param consumer the inbox name of this consumer, e.g. {@code task-service.competence}
     * @param json     the record value as received
     * @return true when a route applied the event now; false for an unrouted type or a repeat
     */
    public boolean consume(String consumer, String json, EventRoutes routes) {
        CloudEvent event = CloudEvent.parse(mapper, json);
        var route = routes.find(event.type());
        if (route.isEmpty()) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> apply(consumer, event, route.get()));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConcurrencyConflict(e)) {
                    throw e;
                }
                LOG.debugf("Event %s lost a concurrent update (attempt %d); retrying", event.id(), attempt);
            }
        }
    }

    private <T> boolean apply(String consumer, CloudEvent event, EventRoutes.Route<T> route) {
        if (!processed.firstDelivery(consumer, event.id())) {
            return false;
        }
        route.handler().handle(event, data(event, route.dataType()));
        return true;
    }

    <T> T data(CloudEvent event, Class<T> type) {
        if (event.data() == null || !event.data().isObject()) {
            throw new IllegalArgumentException("event " + event.id() + " has no data object");
        }
        T data;
        try {
            data = lenient.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new IllegalArgumentException("event " + event.id() + " has unreadable data: " + e.getMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("event " + event.id() + " has invalid data: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }

    static boolean isConcurrencyConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
