package no.torn.platform.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.retention.Retention;
import no.torn.platform.testing.TestClock;
import no.torn.platform.tenancy.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class IdempotencyTest {

    /** What the probe command creates, and what it answers. */
    public record Created(String id, String subject) {
    }

    record Request(String subject, LocalDate on, Map<String, Integer> counts) {
    }

    @Inject
    Idempotency idempotency;

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static Actor person(String id, String client) {
        return new Actor(id, "Person " + id, Roles.UNIT_LEADER, client, "helse-vest", "helse-bergen", null,
                Set.of(Roles.UNIT_LEADER));
    }

    private Created create(Actor actor, String key, Request request) {
        return QuarkusTransaction.requiringNew().call(() -> idempotency.once(actor, key, "probe.create", request,
                Created.class, () -> {
                    String id = UUID.randomUUID().toString();
                    em.createNativeQuery("insert into probe_applied (event_id, subject) values (?1, ?2)")
                            .setParameter(1, id).setParameter(2, request.subject()).executeUpdate();
                    return new Created(id, request.subject());
                }));
    }

    private long count(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from probe_applied where subject = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }

    private static Request request(String subject) {
        return new Request(subject, LocalDate.of(2026, 1, 1), Map.of("a", 1, "b", 2));
    }

    @Test
    void sameKeyAndSameRequestAnswersTheFirstResponse() {
        String subject = UUID.randomUUID().toString();
        Actor leader = person(UUID.randomUUID().toString(), "torn-cli");
        Created first = create(leader, "key-1", request(subject));
        // The same request with its map written in another order is the same request.
        Created again = create(leader, "key-1", new Request(subject, LocalDate.of(2026, 1, 1),
                new java.util.TreeMap<>(Map.of("b", 2, "a", 1)).descendingMap()));
        assertThat(again).isEqualTo(first);
        assertThat(count(subject)).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherRequestIs422AndChangesNothing() {
        String subject = UUID.randomUUID().toString();
        Actor leader = person(UUID.randomUUID().toString(), "torn-cli");
        create(leader, "key-2", request(subject));
        assertThatThrownBy(() -> create(leader, "key-2", request(subject + "-other")))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(422))
                .satisfies(e -> assertThat(((ProblemException) e).problem().violations().get(0).field())
                        .isEqualTo("Idempotency-Key"));
        assertThat(count(subject + "-other")).isZero();
    }

    @Test
    void theKeyIsScopedToTheCallerAndTheClient() {
        String subject = UUID.randomUUID().toString();
        String leaderId = UUID.randomUUID().toString();
        Created leader = create(person(leaderId, "torn-cli"), "shared-key", request(subject));
        Created admin = create(person(UUID.randomUUID().toString(), "torn-cli"), "shared-key", request(subject));
        Created sameLeaderOtherClient = create(person(leaderId, "other-app"), "shared-key", request(subject));
        assertThat(admin.id()).isNotEqualTo(leader.id());
        assertThat(sameLeaderOtherClient.id()).isNotIn(leader.id(), admin.id());
        assertThat(count(subject)).isEqualTo(3);
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        String subject = UUID.randomUUID().toString();
        Actor leader = person(UUID.randomUUID().toString(), "torn-cli");
        create(leader, null, request(subject));
        create(leader, null, request(subject));
        assertThat(count(subject)).isEqualTo(2);
    }

    @Test
    void unusableKeysAre400NamingTheHeader() {
        Actor leader = person(UUID.randomUUID().toString(), "torn-cli");
        for (String key : new String[]{"", "  ", "x".repeat(256), "a\u0000b"}) {
            assertThatThrownBy(() -> create(leader, key, request("unused")))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400))
                    .satisfies(e -> assertThat(((ProblemException) e).problem().violations().get(0).field())
                            .isEqualTo("Idempotency-Key"));
        }
        assertThat(count("unused")).isZero();
    }

    @Test
    void aKeyIsForgottenAfterItsTimeToLive() {
        String subject = UUID.randomUUID().toString();
        Actor leader = person(UUID.randomUUID().toString(), "torn-cli");
        create(leader, "key-ttl", request(subject));
        TestClock.shift(Duration.ofHours(25));
        assertThat(retention.purge().idempotencyKeys()).isGreaterThanOrEqualTo(1);
        Created later = create(leader, "key-ttl", request(subject + "-new"));
        assertThat(later.subject()).isEqualTo(subject + "-new");
        assertThat(count(subject + "-new")).isEqualTo(1);
    }

    @Test
    void fingerprintsIgnorePropertyOrderButNotValues() {
        assertThat(Idempotency.fingerprint("op", Map.of("a", 1, "b", 2)))
                .isEqualTo(Idempotency.fingerprint("op", new java.util.TreeMap<>(Map.of("b", 2, "a", 1))));
        assertThat(Idempotency.fingerprint("op", Map.of("a", 1)))
                .isNotEqualTo(Idempotency.fingerprint("op", Map.of("a", 2)))
                .isNotEqualTo(Idempotency.fingerprint("other-op", Map.of("a", 1)));
    }
}
