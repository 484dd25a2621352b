package no.torn.systemtest.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * CloudNativePG resources checked against the CRDs CloudNativePG publishes, by deploy/kubernetes/crd-check (Node,
 * the published models of those CRDs, unknown fields refused as {@code kubectl --validate=strict} refuses them).
 * Installs that folder's locked packages with {@code npm ci} when they are missing.
 */
final class CrdCheck {

    static final Set<String> TYPES = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database");

    private CrdCheck() {
    }

    static Path dir() {
        return Kustomize.deployment().resolve("crd-check");
    }

    /** One line per problem, "type name: field: problem"; empty when every object of {@link #TYPES} is valid. */
    static List<String> problems(List<JsonNode> objects) {
        List<JsonNode> checked = objects.stream().filter(o -> TYPES.contains(ManifestCheck.type(o))).toList();
        if (checked.isEmpty()) {
            return List.of();
        }
        Path input = null;
        try {
            input = Files.createTempFile("crd-check", ".yaml");
            StringBuilder yaml = new StringBuilder();
            for (JsonNode object : checked) {
                yaml.append(Kustomize.YAML.writeValueAsString(object));
            }
            Files.writeString(input, yaml);
            install();
            Result result = run(List.of("node", "check.mjs", input.toString()));
            if (result.exit() != 0 && result.exit() != 1) {
                fail("node check.mjs failed (exit " + result.exit() + "):\n" + result.output());
            }
            List<String> problems = result.stdout().lines().filter(l -> !l.isBlank()).toList();
            if (result.exit() == 1 && problems.isEmpty()) {
                fail("node check.mjs reported failure without problems:\n" + result.output());
            }
            return problems;
        } catch (IOException e) {
            return fail("cannot check against the CRDs: " + e.getMessage());
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static synchronized void install() {
        if (Files.isDirectory(dir().resolve("node_modules/@kubernetes-models/cloudnative-pg"))) {
            return;
        }
        Result result = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (result.exit() != 0) {
            fail("npm ci in " + dir() + " failed (exit " + result.exit() + "):\n" + result.output());
        }
    }

    private record Result(int exit, String stdout, String stderr) {
        String output() {
            return stderr + stdout;
        }
    }

    private static Result run(List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("crd-check", ".out");
            err = Files.createTempFile("crd-check", ".err");
            Process process = new ProcessBuilder(command).directory(dir().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " in " + dir() + " did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("Node.js and npm are required to check deploy/kubernetes against the CRDs (" + command.get(0)
                    + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + String.join(" ", command));
        } finally {
            for (Path file : new Path[] {out, err}) {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a temporary file left behind is harmless
                    }
                }
            }
        }
    }
}
