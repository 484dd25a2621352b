package no.torn.platform.messaging;

import no.torn.platform.outbox.CloudEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which event types a consumer applies, each with the type its {@code data} is read into and the consequence that
 * handles it. Types no route matches are acknowledged and skipped.
 */
public final class EventRoutes {

    /** What a route does with one event: its envelope and its typed data. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(CloudEvent event, T data);
    }

    record Route<T>(Predicate<String> matches, Class<T> dataType, Handler<T> handler) {
    }

    private final List<Route<?>> routes = new ArrayList<>();

    /** Applies events whose type starts with {@code typePrefix}, e.g. {@code no.torn.competence.record-}. */
    public <T> EventRoutes on(String typePrefix, Class<T> dataType, Handler<T> handler) {
        return on(type -> type.startsWith(typePrefix), dataType, handler);
    }

    public <T> EventRoutes on(Predicate<String> matches, Class<T> dataType, Handler<T> handler) {
        routes.add(new Route<>(matches, dataType, handler));
        return this;
    }

    Optional<Route<?>> find(String type) {
        return routes.stream().filter(r -> r.matches().test(type)).findFirst();
    }
}
