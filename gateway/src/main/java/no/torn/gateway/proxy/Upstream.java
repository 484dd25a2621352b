package no.torn.gateway.proxy;

import no.torn.gateway.resilience.CircuitBreaker;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service behind the gateway: its instances (balanced round-robin among those in rotation), its timeout and its
 * circuit breaker (the service as a whole).
 */
public final class Upstream {

    private final String name;
    private final List<Instance> instances;
    private final long timeoutMillis;
    private final CircuitBreaker breaker;
    private final AtomicInteger next = new AtomicInteger();

    Upstream(String name, List<Instance> instances, long timeoutMillis, CircuitBreaker breaker) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("Service " + name + " has no instance");
        }
        this.name = name;
        this.instances = List.copyOf(instances);
        this.timeoutMillis = timeoutMillis;
        this.breaker = breaker;
    }

    public String name() {
        return name;
    }

    public List<Instance> instances() {
        return instances;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Human name used in problem details, e.g. "competence-service". */
    public String serviceName() {
        return name + "-service";
    }

    /**
     * The next instance in rotation other than {@code avoid} (null: any); when none is in rotation, the next one
     * anyway (a probe may be behind, and a refused request costs little), or null when {@code avoid} is the only one.
     */
    public Instance pick(Instance avoid) {
        int size = instances.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        Instance fallback = null;
        for (int i = 0; i < size; i++) {
            Instance candidate = instances.get((start + i) % size);
            if (candidate == avoid) {
                continue;
            }
            if (candidate.healthy()) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }
}
