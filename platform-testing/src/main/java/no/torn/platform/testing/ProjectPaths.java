package no.torn.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root (Maven passes it in) and the ignored cache of downloaded infrastructure. */
final class ProjectPaths {

    private ProjectPaths() {
    }

    static Path root() {
        String configured = System.getProperty("torn.project.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("deploy/keycloak/torn-realm.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root from " + start);
    }

    static Path cache() {
        return root().resolve(".cache");
    }

    static Path runDir(String name) {
        Path dir = Path.of("target", name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }
}
