package no.torn.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service owns which API path root (docs/architecture.md, "API conventions"). Each root has exactly one
 * owner; a path outside every root is not part of the API. The services' audit endpoints lie under their roots
 * ({@code /api/v1/competence/audit}, {@code /api/v1/tasks/audit}, ...).
 */
public final class RouteTable {

    public static final String COMPETENCE = "competence";
    public static final String TASK = "task";
    public static final String RESPONSIBILITY = "responsibility";
    public static final String GRANTS = "grants";

    /** Service names in the order the documentation lists them. */
    public static final List<String> SERVICES = List.of(COMPETENCE, TASK, RESPONSIBILITY, GRANTS);

    private static final Map<String, String> ROOTS = Map.of(
            "competence", COMPETENCE,
            "tasks", TASK,
            "sharing-mappings", TASK,
            "process-mappings", TASK,
            "coverage", TASK,
            "responsibility", RESPONSIBILITY,
            "grants", GRANTS,
            "experience", GRANTS,
            "open-data", GRANTS);

    private static final String API_PREFIX = "/api/v1/";

    private RouteTable() {
    }

    /** The service that serves {@code path} (already normalised, without query), if any. */
    public static Optional<String> serviceFor(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return Optional.empty();
        }
        int end = path.indexOf('/', API_PREFIX.length());
        String root = end < 0 ? path.substring(API_PREFIX.length()) : path.substring(API_PREFIX.length(), end);
        return Optional.ofNullable(ROOTS.get(root));
    }

    /** The path roots a service owns, as prefixes like {@code /api/v1/tasks}. */
    public static List<String> rootsOf(String service) {
        return ROOTS.entrySet().stream().filter(e -> e.getValue().equals(service))
                .map(e -> API_PREFIX + e.getKey()).sorted().toList();
    }

    /** True when {@code path} lies under one of the service's roots. */
    public static boolean owns(String service, String path) {
        return serviceFor(path).filter(service::equals).isPresent();
    }
}
