package no.torn.platform.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.torn.platform.problem.Problem;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.problem.ProblemType;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotent creates, as the IETF draft "The Idempotency-Key HTTP Header Field" describes. The key is scoped to the
 * caller (subject and client), so two people never share one; the request's fingerprint is stored with the first
 * response. The same key with the same request answers the first response again; with a different request it is a
 * 422 problem. Keys are forgotten after {@code torn.idempotency.ttl} (default 24 hours) by the retention job.
 * Everything happens in the command's transaction: a key is remembered exactly when the command committed.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** How the header is described in every service's OpenAPI document. */
    public static final String HEADER_DESCRIPTION = "Optional. A repeat with the same key and the same request "
            + "answers the first response; the same key with another request is a 422. Keys are scoped to the caller "
            + "(subject and client) and expire after 24 hours.";
    static final int MAX_KEY_LENGTH = 255;

    /** Canonical form for fingerprints: property and map order never change the fingerprint. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Today today;

    @ConfigProperty(name = "torn.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;

    /**
     * Runs {@code command} once per (actor, key). Without a key the command simply runs.
     *
     * @param key       the raw header value (null when absent); blank, over-long or control characters are a 400
     * @param operation a stable name of the command, e.g. {@code grants.create-application}
     * @param request   what the caller asked for (the command's input); its canonical JSON is fingerprinted
     * @param type      the result type, read back from the stored first response on a repeat
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T once(Actor actor, String key, String operation, Object request, Class<T> type, Supplier<T> command) {
        String validKey = validate(key);
        if (validKey == null) {
            return command.get();
        }
        String scope = scope(actor);
        String fingerprint = fingerprint(operation, request);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select operation, fingerprint, cast(response as text) from idempotent_request
                        where scope = ?1 and key = ?2 and expires_at > ?3""")
                .setParameter(1, scope).setParameter(2, validKey).setParameter(3, utc(today.now()))
                .getResultList();
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            if (!operation.equals(row[0]) || !fingerprint.equals(row[1])) {
                throw new ProblemException(Problem.of(ProblemType.RULE_VIOLATION, HEADER + " " + validKey
                        + " was already used for a different request; use a new key for a new request",
                        List.of(new Problem.Violation(HEADER, "reused for a different request"))));
            }
            return read((String) row[2], type);
        }
        T result = command.get();
        Instant now = today.now();
        // An expired row with the same key is replaced; a concurrent first use of the key fails on the primary key
        // and the whole command rolls back (409), so only one of two racing requests takes effect.
        em.createNativeQuery("delete from idempotent_request where scope = ?1 and key = ?2 and expires_at <= ?3")
                .setParameter(1, scope).setParameter(2, validKey).setParameter(3, utc(now)).executeUpdate();
        em.createNativeQuery("""
                        insert into idempotent_request (scope, key, operation, fingerprint, response, created_at,
                                                        expires_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)""")
                .setParameter(1, scope).setParameter(2, validKey).setParameter(3, operation)
                .setParameter(4, fingerprint).setParameter(5, write(result)).setParameter(6, utc(now))
                .setParameter(7, utc(now.plus(ttl))).executeUpdate();
        return result;
    }

    /** Subject and client: the same person through two clients, or two people through one, never share keys. */
    static String scope(Actor actor) {
        return actor.id() + "|" + (actor.clientId() == null ? "" : actor.clientId());
    }

    /** The key, or null when absent; a present but unusable key is a 400 naming the header. */
    static String validate(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank()) {
            throw ProblemException.invalid(HEADER, "must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalid(HEADER, "must not contain control characters");
        }
        return key;
    }

    static String fingerprint(String operation, Object request) {
        try {
            JsonNode tree = CANONICAL.valueToTree(request);
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(tree, Object.class));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request of " + operation, e);
        }
    }

    private String write(Object result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the stored response", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
