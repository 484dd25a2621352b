package no.torn.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Helsepersonellregisteret (HPR) in the shape competence-service reads (its README, "HPR
 * reconciliation"): {@code GET /persons/<hprNumber>} answers 200 with the person, 404 for an unknown one, and 503 for
 * every request while {@link #down(boolean) down}. Tests set the people they need; {@link #main} serves a JSON data
 * file of demo people for deploy/local/up.sh:
 *
 * <pre>{@code java -cp platform-testing/target/classes:<jackson> no.torn.platform.testing.HprRegisterStub 8079 people.json}</pre>
 *
 * The data file is {@code {"persons": [ {"hprNumber": "...", "approvals": [ {"personnelCategory": "SP", "type":
 * "AUTHORISATION", "status": "VALID", "validFrom": "2015-06-20", "validTo": null} ] } ]}}.
 */
public final class HprRegisterStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, JsonNode> persons = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile boolean down;

    private HprRegisterStub(HttpServer server) {
        this.server = server;
    }

    /** Starts the stub on 127.0.0.1:{@code port} (0: a free port). */
    public static HprRegisterStub start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            HprRegisterStub stub = new HprRegisterStub(server);
            server.createContext("/persons/", stub::handle);
            server.createContext("/", exchange -> stub.send(exchange, 404, "{\"title\":\"Not Found\"}"));
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "hpr-register-stub");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("HPR stub could not start on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** While down, every request is answered 503 (the register being unavailable). */
    public HprRegisterStub down(boolean down) {
        this.down = down;
        return this;
    }

    /** Sets (or replaces) a person with one approval; more with {@link #approval}. */
    public HprRegisterStub person(String hprNumber, String personnelCategory, String type, String status,
                                  LocalDate validFrom, LocalDate validTo) {
        ObjectNode person = JSON.createObjectNode().put("hprNumber", hprNumber);
        person.putArray("approvals");
        persons.put(hprNumber, person);
        return approval(hprNumber, personnelCategory, type, status, validFrom, validTo);
    }

    /** Adds an approval to a person set before. */
    public HprRegisterStub approval(String hprNumber, String personnelCategory, String type, String status,
                                    LocalDate validFrom, LocalDate validTo) {
        ArrayNode approvals = (ArrayNode) persons.get(hprNumber).get("approvals");
        ObjectNode a = approvals.addObject().put("personnelCategory", personnelCategory).put("type", type)
                .put("status", status);
        a.put("validFrom", validFrom == null ? null : validFrom.toString());
        a.put("validTo", validTo == null ? null : validTo.toString());
        return this;
    }

    /** Sets a person as the register would answer it (a JSON object with hprNumber and approvals). */
    public HprRegisterStub person(JsonNode person) {
        persons.put(person.path("hprNumber").asText(), person.deepCopy());
        return this;
    }

    public HprRegisterStub forget(String hprNumber) {
        persons.remove(hprNumber);
        return this;
    }

    /** Requests received about {@code hprNumber}, answered or not. */
    public int requests(String hprNumber) {
        AtomicInteger n = requests.get(hprNumber);
        return n == null ? 0 : n.get();
    }

    /** Forgets every person and request count, and is up again. */
    public void reset() {
        persons.clear();
        requests.clear();
        down = false;
    }

    /** Loads the people of a data file ({@code {"persons": [...]}}). */
    public HprRegisterStub load(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        for (JsonNode person : root.path("persons")) {
            person(person);
        }
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String hpr = exchange.getRequestURI().getPath().substring("/persons/".length());
        requests.computeIfAbsent(hpr, k -> new AtomicInteger()).incrementAndGet();
        if (down) {
            send(exchange, 503, "{\"title\":\"Service Unavailable\"}");
        } else if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"title\":\"Method Not Allowed\"}");
        } else {
            JsonNode person = persons.get(hpr);
            if (person == null) {
                send(exchange, 404, "{\"title\":\"Not Found\"}");
            } else {
                send(exchange, 200, JSON.writeValueAsString(person));
            }
        }
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** {@code HprRegisterStub <port> [data file]}: serves until the process is stopped. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8079;
        HprRegisterStub stub = start(port);
        if (args.length > 1) {
            stub.load(Path.of(args[1]));
        }
        System.out.println("HPR register stub on " + stub.url() + " with " + stub.persons.size() + " people");
        // The server's threads are daemons: keep the process alive.
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
