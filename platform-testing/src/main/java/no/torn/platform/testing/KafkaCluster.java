package no.torn.platform.testing;

import org.apache.kafka.common.Uuid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real KRaft cluster of several nodes (each broker and controller, in its own child JVM), secured and planned as
 * deployed: with three nodes, every topic has three replicas and {@code min.insync.replicas} 2, so a producer with
 * {@code acks=all} keeps writing while one node is down. Nodes can be killed and restarted one by one.
 */
public final class KafkaCluster {

    private final List<KafkaBroker> nodes = new ArrayList<>();
    private final EventBus bus;
    private final Path dir;

    public KafkaCluster(Path dir, String realmUrl, int size) {
        this.dir = dir;
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(FreePort.find());
        }
        String bootstrap = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        this.bus = new EventBus(bootstrap, realmUrl);
        EventBus.register(bus);
        for (int i = 0; i < size; i++) {
            nodes.add(new KafkaBroker(dir.resolve("node-" + (i + 1)), bus, ports.get(i)));
        }
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < size; i++) {
            voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(nodes.get(i).controllerPort());
        }
        String clusterId = Uuid.randomUuid().toString();
        int replication = Math.min(3, size);
        for (int i = 0; i < size; i++) {
            nodes.get(i).joinCluster(new KafkaBroker.Membership(i + 1, voters.toString(), clusterId, replication,
                    replication >= 3 ? 2 : 1));
        }
    }

    public String bootstrapServers() {
        return bus.bootstrapServers();
    }

    public EventBus bus() {
        return bus;
    }

    public List<KafkaBroker> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * Starts every node and applies the event bus plan once. The nodes start together, each on a thread of its own:
     * a node listens only once the controllers have a quorum, so starting them one after another never finishes.
     * (The common fork-join pool is no place for this: on a two-core machine it has a single worker on recent JDKs.)
     */
    public void start() {
        ExecutorService starters = Executors.newFixedThreadPool(nodes.size());
        try {
            CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::start, starters))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            starters.shutdown();
        }
        bus.applyPlan(dir, List.of());
    }

    public void stop() {
        nodes.forEach(KafkaBroker::stop);
    }
}
