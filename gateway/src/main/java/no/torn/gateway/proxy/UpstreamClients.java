package no.torn.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The HTTP clients of one upstream: one per event loop, so that a request goes out on a connection owned by the
 * event loop that received it. With one shared pool, connections opened by one event loop served requests of the
 * others, and each such request and response crossed threads (a task hand-off and a selector wake-up each): about
 * a tenth of the gateway's CPU in front of a real service. The connection limit applies per event loop. Calls from
 * other threads (readiness checks, docs) share one more client.
 */
public final class UpstreamClients {

    private final Supplier<HttpClient> factory;
    private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();
    private volatile HttpClient shared;

    UpstreamClients(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    public HttpClient current() {
        if (Context.isOnEventLoopThread()) {
            return byEventLoop.computeIfAbsent(Thread.currentThread(), thread -> factory.get());
        }
        HttpClient client = shared;
        if (client == null) {
            synchronized (this) {
                client = shared;
                if (client == null) {
                    client = factory.get();
                    shared = client;
                }
            }
        }
        return client;
    }

    void close() {
        byEventLoop.values().forEach(HttpClient::close);
        HttpClient client = shared;
        if (client != null) {
            client.close();
        }
    }
}
