package no.torn.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real Keycloak (the Quarkus distribution from Maven Central, fetched into {@code .cache/} by
 * {@code deploy/local/fetch.sh}) with the {@code torn} realm imported from {@code deploy/keycloak/torn-realm.json}
 * into an in-memory database, so every run starts from the realm file and nothing else.
 */
public final class KeycloakServer {

    public static final String VERSION = "26.5.6";

    /** User name and password of the master realm's admin in a Keycloak started here. */
    public static final String ADMIN = "admin";

    private static String sharedRealmUrl;

    /**
     * The realm this test JVM uses: {@code -Dtorn.test.keycloak-realm-url=...} (e.g. the one deploy/local/up.sh
     * started), else one Keycloak started on first use and stopped when the JVM exits. One per JVM, because the
     * broker (which checks tokens) and every restart of the application under test must see the same realm.
     */
    public static synchronized String sharedRealmUrl() {
        if (sharedRealmUrl == null) {
            String existing = System.getProperty("torn.test.keycloak-realm-url");
            if (existing != null && !existing.isBlank()) {
                sharedRealmUrl = existing;
            } else {
                KeycloakServer server = new KeycloakServer(ProjectPaths.runDir("keycloak"));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
                sharedRealmUrl = server.realmUrl();
            }
        }
        return sharedRealmUrl;
    }

    private final int port = FreePort.find();
    private final int managementPort = FreePort.find();
    private final Path logFile;
    private Process process;

    public KeycloakServer(Path runDir) {
        this.logFile = runDir.resolve("keycloak.log");
    }

    public String realmUrl() {
        return "http://localhost:" + port + "/realms/torn";
    }

    public void start() {
        Path home = ProjectPaths.cache().resolve("keycloak-" + VERSION);
        try {
            if (!Files.exists(home.resolve("bin/kc.sh"))) {
                run(List.of("bash", ProjectPaths.root().resolve("deploy/local/fetch.sh").toString(), "keycloak"),
                        Duration.ofMinutes(10));
            }
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Files.copy(ProjectPaths.root().resolve("deploy/keycloak/torn-realm.json"),
                    importDir.resolve("torn-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--health-enabled=true", "--import-realm", "--hostname=http://localhost:" + port,
                    "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
            // A master-realm admin, so tests can change the realm as an operator would (e.g. disable a client).
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
            awaitReady(Duration.ofMinutes(3));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start", e);
        }
    }

    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create(realmUrl() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + logFile);
    }

    private static void run(List<String> command, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
