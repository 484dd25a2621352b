import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load for competence-service against a running service (no dependencies: run with {@code java Bench.java}).
 *
 * <pre>
 *   java Bench.java holders [requests=2000] [concurrency=4] [hf=helse-bergen] [unit|-]
 *   java Bench.java import  [rows=10000]
 * </pre>
 * Environment: SERVICE_URL (default http://localhost:8081), KEYCLOAK_REALM_URL (default
 * http://localhost:8180/realms/torn). Tokens: vest-admin (password grant, torn-cli) for holders,
 * hr-integration-helse-vest (client credentials) for the import.
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String SERVICE = env("SERVICE_URL", "http://localhost:8081");
    static final String REALM = env("KEYCLOAK_REALM_URL", "http://localhost:8180/realms/torn");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "holders";
        if (mode.equals("import")) {
            importRows(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
        } else {
            holders(args.length > 1 ? Integer.parseInt(args[1]) : 2000, args.length > 2 ? Integer.parseInt(args[2]) : 4,
                    args.length > 3 ? args[3] : "helse-bergen", args.length > 4 ? args[4] : null);
        }
    }

    static void holders(int requests, int concurrency, String hf, String fixedUnit) throws Exception {
        String token = token("grant_type=password&client_id=torn-cli&username=vest-admin&password=torn-demo");
        String[][] codeSets = {{"AUT-SYKEPLEIER", "HLR"}, {"HLR"}, {"AUT-SYKEPLEIER", "LEGEMIDDELHANDTERING"},
                {"BLODPROVE", "PVK", "HLR"}};
        // Warm-up: JIT, connection pool, PostgreSQL buffers.
        for (int i = 0; i < Math.min(300, requests); i++) {
            call(token, holdersUrl(hf, fixedUnit, codeSets));
        }
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                call(token, holdersUrl(hf, fixedUnit, codeSets));
                micros.add((System.nanoTime() - t0) / 1000);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("holders hf=%s unit=%s requests=%d concurrency=%d throughput=%.0f/s%n", hf,
                fixedUnit == null ? "random" : fixedUnit, requests, concurrency, requests / seconds);
        System.out.printf("p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    static String holdersUrl(String hf, String fixedUnit, String[][] codeSets) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String unit = fixedUnit == null ? "unit-" + r.nextInt(60) : fixedUnit;
        String codes = String.join(",", codeSets[r.nextInt(codeSets.length)]);
        String validOn = LocalDate.now().minusDays(r.nextInt(365)).toString();
        return SERVICE + "/api/v1/competence/holders?hf=" + hf + (unit.equals("-") ? "" : "&unit=" + unit)
                + "&codes=" + codes + "&validOn=" + validOn + "&size=50";
    }

    static void importRows(int rows) throws Exception {
        String token = token("grant_type=client_credentials&client_id=hr-integration-helse-vest"
                + "&client_secret=hr-integration-helse-vest-secret");
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        StringBuilder json = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < rows; i++) {
            int employee = i / 2;
            String code = i % 2 == 0 ? "AUT-SYKEPLEIER" : "HLR";
            String acquired = i % 2 == 0 ? "2015-06-01" : LocalDate.now().minusMonths(3).toString();
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"hf\":\"helse-forde\",\"employeeNumber\":\"IMP").append(run).append('-').append(employee)
                    .append("\",\"name\":\"Import ").append(employee).append("\",\"unit\":\"unit-")
                    .append(employee % 40).append("\",\"personnelGroup\":\"sykepleier\",\"competenceCode\":\"")
                    .append(code).append("\",\"acquiredOn\":\"").append(acquired)
                    .append("\",\"evidenceDocumentReference\":\"HR-").append(i).append("\"}");
        }
        json.append("]}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVICE + "/api/v1/competence/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("import rows=%d status=%d time=%.2f s body=%s%n", rows, response.statusCode(), seconds,
                response.body().length() > 300 ? response.body().substring(0, 300) : response.body());
    }

    static void call(String token, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    static String token(String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + body);
        }
        return m.group(1);
    }

    static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    @SuppressWarnings("unused")
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
