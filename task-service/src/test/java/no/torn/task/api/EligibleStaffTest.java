package no.torn.task.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.testing.TopicReader;
import no.torn.task.CompetenceFeed;
import no.torn.task.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Eligible staff and coverage from competence events published to the real broker, including a duplicate delivery,
 * an event delivered before an older one, and a poison message. One unit is fed once; each test reads one aspect.
 */
@QuarkusTest
class EligibleStaffTest {

    private static final String VALID_ON = "2026-12-01";

    /** What the feed created, shared by the tests of this class. */
    private record Seed(String unit, String dispensing, String meals, String nobody, String mappingId, UUID course,
                        UUID revoked, String poisonKey) {
        String eligibleStaff(String task) {
            return "/api/v1/tasks/" + task + "/eligible-staff?hf=helse-bergen&unit=" + unit;
        }

        String coverage() {
            return "/api/v1/coverage?hf=helse-bergen&unit=" + unit;
        }
    }

    private static Seed seed;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    private synchronized Seed seed() throws Exception {
        if (seed == null) {
            seed = feed();
        }
        return seed;
    }

    private Seed feed() throws Exception {
        String unit = "Post " + UUID.randomUUID().toString().substring(0, 6);
        String dispensing = nationalTask("MED-DISPENSING", "MEDICATION", "MEDIUM", true, false,
                List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        String meals = nationalTask("MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        String nobody = nationalTask("ADHD-FOLLOWUP", "MEDICATION", "HIGH", true, false, List.of("ADHD-OPPFOLGING"));
        String mappingId = createMapping("vest-admin", dispensing, "sykepleier", "helsefagarbeider", "AVAILABLE",
                List.of("LEGEMIDDELKURS-HFA")).statusCode(201).extract().path("id");
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + mappingId + "/propose")
                .then().statusCode(200);
        as("vest-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + mappingId + "/approve")
                .then().statusCode(200);

        CompetenceFeed feed = new CompetenceFeed(bootstrap);
        // A nurse: authorisation implies the health worker competence; medication handling expires in 30 days.
        UUID nurse = feed.employee("V-1", "sykepleier", unit, 1, "ACTIVE");
        feed.competence(nurse, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        feed.competence(nurse, "LEGEMIDDELHANDTERING", List.of(), "2026-12-31", "ACTIVE", 1);
        // A health worker with the mapping's extra course: eligible through the mapping. Its registration is
        // delivered twice.
        UUID worker = feed.employee("V-2", "helsefagarbeider", unit, 1, "ACTIVE");
        feed.competence(worker, "AUT-HELSEFAGARBEIDER", List.of(), null, "ACTIVE", 1);
        feed.competence(worker, "LEGEMIDDELHANDTERING", List.of(), "2028-01-01", "ACTIVE", 1);
        UUID course = UUID.randomUUID();
        String courseEvent = CompetenceFeed.recordEvent(UUID.randomUUID().toString(), "record-registered", course,
                worker, "LEGEMIDDELKURS-HFA", List.of(), null, "ACTIVE", 1);
        feed.send(course, courseEvent);
        feed.send(course, courseEvent);
        // Same key, so delivered after the duplicate: once version 2 is held, the duplicate has been seen too.
        feed.send(course, CompetenceFeed.recordEvent(UUID.randomUUID().toString(), "record-updated", course, worker,
                "LEGEMIDDELKURS-HFA", List.of(), "2029-06-30", "ACTIVE", 2));
        // A health worker without the extra course: not eligible, since the task was mapped to the group.
        UUID workerWithoutCourse = feed.employee("V-3", "helsefagarbeider", unit, 1, "ACTIVE");
        feed.competence(workerWithoutCourse, "AUT-HELSEFAGARBEIDER", List.of(), null, "ACTIVE", 1);
        feed.competence(workerWithoutCourse, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        // A porter: never eligible for a health task, whatever he holds; eligible for meal service.
        UUID porter = feed.employee("V-4", "portor", unit, 1, "ACTIVE");
        feed.competence(porter, "AUT-HELSEFAGARBEIDER", List.of(), null, "ACTIVE", 1);
        feed.competence(porter, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        // A nurse whose medication competence has expired by the date asked about.
        UUID expiredNurse = feed.employee("V-5", "sykepleier", unit, 1, "ACTIVE");
        feed.competence(expiredNurse, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        feed.competence(expiredNurse, "LEGEMIDDELHANDTERING", List.of(), "2026-11-01", "ACTIVE", 1);
        // A nurse whose medication competence was revoked (version 2), the revocation delivered before the
        // registration (version 1): the older registration must not bring it back.
        UUID revokedNurse = feed.employee("V-6", "sykepleier", unit, 1, "ACTIVE");
        feed.competence(revokedNurse, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        UUID revoked = UUID.randomUUID();
        feed.send(revoked, CompetenceFeed.recordEvent(UUID.randomUUID().toString(), "record-revoked", revoked,
                revokedNurse, "LEGEMIDDELHANDTERING", List.of(), null, "REVOKED", 2));
        feed.send(revoked, CompetenceFeed.recordEvent(UUID.randomUUID().toString(), "record-registered", revoked,
                revokedNurse, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1));
        // A nurse who left (version 2 after version 1), and one in another unit.
        UUID leaver = feed.employee("V-8", "sykepleier", unit, 1, "ACTIVE");
        feed.competence(leaver, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        feed.competence(leaver, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        feed.employeeEvent(leaver, "V-8", "sykepleier", unit, 2, "LEFT", "employee-left");
        UUID elsewhere = feed.employee("V-7", "sykepleier", unit + " B", 1, "ACTIVE");
        feed.competence(elsewhere, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        feed.competence(elsewhere, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        // A poison message (data without the required fields) goes to the dead-letter topic and stops nothing.
        String poisonKey = UUID.randomUUID().toString();
        feed.sendUnapplied(poisonKey, """
                {"specversion":"1.0","id":"%s","source":"/torn/competence-service",
                 "type":"no.torn.competence.record-registered.v1","subject":"%s","rhf":"helse-vest",
                 "data":{"recordId":"%s"}}""".formatted(UUID.randomUUID(), poisonKey, poisonKey));
        feed.flush();
        feed.awaitApplied(em);
        return new Seed(unit, dispensing, meals, nobody, mappingId, course, revoked, poisonKey);
    }

    @Test
    void aDuplicateIsAppliedOnceAndAnOlderVersionNeverOverwritesANewerOne() throws Exception {
        Seed s = seed();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from cm_record where id = ?1").setParameter(1, s.course()).getSingleResult())
                .longValue())).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status from cm_record where id = ?1").setParameter(1, s.revoked()).getSingleResult()))
                .isEqualTo("REVOKED");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopic() throws Exception {
        Seed s = seed();
        List<TopicReader.Raw> dead = TopicReader.awaitRaw(bootstrap, CompetenceFeed.VEST_TOPIC + ".dlq",
                r -> s.poisonKey().equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
    }

    @Test
    void eligibleStaffOnADateCarryTheirReasonAndExpiringCompetences() throws Exception {
        Seed s = seed();
        as("vest-leader").get(s.eligibleStaff(s.dispensing()) + "&validOn=" + VALID_ON).then().statusCode(200)
                .body("total", equalTo(2))
                .body("validOn", equalTo(VALID_ON))
                .body("items.employeeNumber", equalTo(List.of("V-1", "V-2")))
                .body("items[0].reason", equalTo("TASK_REQUIREMENTS"))
                .body("items[0].mappingId", nullValue())
                .body("items[0].expiringCompetences.competenceCode", equalTo(List.of("LEGEMIDDELHANDTERING")))
                .body("items[0].expiringCompetences[0].validUntil", equalTo("2026-12-31"))
                .body("items[1].reason", equalTo("SHARING_MAPPING"))
                .body("items[1].mappingId", equalTo(s.mappingId()))
                .body("items[1].mappingFromGroup", equalTo("sykepleier"))
                .body("items[1].expiringCompetences", hasSize(0));
    }

    @Test
    void anExpiredCompetenceNoLongerCountsAndPagesAreCutAfterTheRule() throws Exception {
        Seed s = seed();
        // After the nurse's medication competence expires, only the health worker remains.
        as("vest-admin").get(s.eligibleStaff(s.dispensing()) + "&validOn=2027-01-15").then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("V-2")));
        as("vest-admin").get(s.eligibleStaff(s.dispensing()) + "&validOn=" + VALID_ON + "&size=1&page=1")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("items.employeeNumber", equalTo(List.of("V-2")));
    }

    @Test
    void aTaskOpenToUntrainedStaffAdmitsEveryActiveEmployeeOfTheUnit() throws Exception {
        Seed s = seed();
        as("vest-hr").get(s.eligibleStaff(s.meals()) + "&validOn=" + VALID_ON).then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("V-1", "V-2", "V-3", "V-4", "V-5", "V-6")));
    }

    @Test
    void coverageCountsAndFlagsEveryTaskOfTheRhf() throws Exception {
        Seed s = seed();
        as("vest-leader").get(s.coverage() + "&validOn=" + VALID_ON + "&size=200").then().statusCode(200)
                .body("employees", equalTo(6))
                .body("items.find { it.taskCode == '" + s.dispensing() + "' }.eligibleStaff", equalTo(2))
                .body("items.find { it.taskCode == '" + s.dispensing() + "' }.flag", equalTo("COVERED"))
                .body("items.find { it.taskCode == '" + s.meals() + "' }.eligibleStaff", equalTo(6))
                .body("items.find { it.taskCode == '" + s.nobody() + "' }.flag", equalTo("NONE"));
    }

    @Test
    void coverageFiltersByCategoryAndMaximumEligible() throws Exception {
        Seed s = seed();
        as("vest-leader").get(s.coverage() + "&validOn=2027-01-15&maxEligible=1&category=MEDICATION&size=200")
                .then().statusCode(200)
                .body("items.find { it.taskCode == '" + s.dispensing() + "' }.flag", equalTo("SINGLE"))
                .body("items.find { it.taskCode == '" + s.meals() + "' }", nullValue())
                .body("items.findAll { it.eligibleStaff > 1 }", hasSize(0));
    }

    @Test
    void anotherRhfsUnitIsRefusedAndANationalAdminReadsIt() throws Exception {
        Seed s = seed();
        String query = s.eligibleStaff(s.dispensing());
        as("sorost-admin").get(query).then().statusCode(403);
        as("sorost-admin").get(s.coverage()).then().statusCode(403);
        as("sorost-national").get(query + "&validOn=" + VALID_ON).then().statusCode(200).body("total", equalTo(2));
        as("vest-employee").get(query).then().statusCode(403);
        // HF-bound roles ask only about their own HF.
        as("vest-leader").get("/api/v1/coverage?hf=helse-stavanger&unit=x").then().statusCode(403);
        String sorostLocal = Fixtures.uniqueCode("OUS-LOCAL");
        as("sorost-admin").body(Fixtures.task(sorostLocal, false, "CLINICAL", "LOW", false, false, List.of()))
                .post("/api/v1/tasks").then().statusCode(201);
        as("vest-admin").get("/api/v1/tasks/" + sorostLocal + "/eligible-staff?hf=helse-bergen&unit=x")
                .then().statusCode(404);
    }

    @Test
    void badQueriesAre400AndUnknownTasks404() throws Exception {
        Seed s = seed();
        as("vest-admin").get("/api/v1/tasks/" + s.dispensing() + "/eligible-staff?hf=helse-bergen").then()
                .statusCode(400);
        as("vest-admin").get(s.eligibleStaff(s.dispensing()) + "&validOn=tomorrow").then().statusCode(400)
                .body("violations[0].field", equalTo("validOn"));
        as("vest-admin").get(s.eligibleStaff(s.dispensing()) + "&validOn=12345").then().statusCode(400)
                .body("violations[0].field", equalTo("validOn"));
        as("vest-admin").get("/api/v1/coverage?hf=helse-bergen&unit=x&category=SURGERY").then().statusCode(400);
        as("vest-admin").get("/api/v1/coverage?hf=nowhere&unit=x").then().statusCode(400)
                .body("violations[0].field", equalTo("hf"));
        as("vest-admin").get("/api/v1/tasks/NO-SUCH/eligible-staff?hf=helse-bergen&unit=x").then().statusCode(404);
    }
}
