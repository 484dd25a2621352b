package no.torn.grants.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events grants-service publishes on {@code torn.grants.v1} and their payloads. The JSON Schemas under
 * {@code META-INF/resources/events/schemas} describe exactly these records; change both together.
 */
public final class GrantsEvents {

    public static final String ROUND_OPENED = "no.torn.grants.round-opened.v1";
    public static final String ALLOCATION_COMPUTED = "no.torn.grants.allocation-computed.v1";
    public static final String APPLICATION_SUBMITTED = "no.torn.grants.application-submitted.v1";
    public static final String APPLICATION_DECIDED = "no.torn.grants.application-decided.v1";
    public static final String REPORT_APPROVED = "no.torn.grants.report-approved.v1";
    public static final String AWARD_PUBLISHED = "no.torn.grants.award-published.v1";
    public static final String AWARD_WITHDRAWN = "no.torn.grants.award-withdrawn.v1";
    public static final String EXPERIENCE_REPORT_PUBLISHED = "no.torn.grants.experience-report-published.v1";

    private GrantsEvents() {
    }

    public record PotAmount(String rhf, long amount) {
    }

    public record RoundOpened(UUID roundId, int year, String programme, String title, long nationalAmount,
                              String status, List<PotAmount> pots, long version) {
    }

    public record HfAmount(String hf, long baseFrame, long amount) {
    }

    public record AllocationComputed(UUID allocationId, UUID roundId, String rhf, int year, int allocationVersion,
                                     long rhfPot, long rhfActivities, long evaluationReserve, long hfPot,
                                     long minimumAmount, List<HfAmount> shares) {
    }

    public record ApplicationSubmitted(UUID applicationId, UUID roundId, String rhf, String hf, String title,
                                       String fromGroup, String toGroup, List<String> taskCodes, String kind,
                                       long requestedAmount, String status, long version) {
    }

    public record ApplicationDecided(UUID applicationId, UUID roundId, String rhf, String hf, String status,
                                     Long grantedAmount, String reason, long version) {
    }

    public record ReportApproved(UUID reportId, UUID applicationId, String rhf, String hf, String kind,
                                 BigDecimal hoursPerWeekMoved, int staffTrained, int delegationsActive,
                                 String projectStatus, long version) {
    }

    public record ExperienceReportPublished(UUID reportId, String rhf, String hf, UUID applicationId, String title,
                                            String fromGroup, String toGroup, List<String> taskCodes, int year,
                                            Instant publishedAt, long version) {
    }

    /** An award became public (award list and open data); the topic is the award's RHF. */
    public record AwardPublished(UUID applicationId, UUID roundId, String rhf, String hf, String title,
                                 long amountAwarded, Instant publishedAt, long version) {
    }

    /** A published award was taken off the public lists. */
    public record AwardWithdrawn(UUID applicationId, UUID roundId, String rhf, String hf, String reason,
                                 Instant withdrawnAt, long version) {
    }
}
