package no.torn.grants.api;

import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationReview;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.ProjectKind;
import no.torn.grants.domain.ProjectReport;
import no.torn.grants.domain.ReportKind;
import no.torn.grants.domain.ReportStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of applications, reviews, decisions and project reports. */
public final class ApplicationDtos {

    private ApplicationDtos() {
    }

    public record ReviewView(UUID id, int score, String comment, String reviewedBy, Instant reviewedAt) {
        static ReviewView of(ApplicationReview r) {
            return new ReviewView(r.id, r.score, r.comment, r.reviewedBy, r.reviewedAt);
        }
    }

    public record ApplicationView(UUID id, UUID roundId, String rhf, String hf, String title, String department,
                                  String fromGroup, String toGroup, List<String> taskCodes, String description,
                                  ProjectKind kind, long requestedAmount, String contactName, String contactEmail,
                                  ApplicationStatus status, Long grantedAmount, String decisionReason,
                                  Instant decidedAt, Instant submittedAt, Instant closedAt, List<ReviewView> reviews,
                                  long version) {
        static ApplicationView of(Application a, List<ApplicationReview> reviews) {
            return new ApplicationView(a.id, a.roundId, a.rhf, a.hf, a.title, a.department, a.fromGroup, a.toGroup,
                    List.of(a.taskCodes), a.description, a.kind, a.requestedAmount, a.contactName, a.contactEmail,
                    a.status, a.grantedAmount, a.decisionReason, a.decidedAt, a.submittedAt, a.closedAt,
                    reviews.stream().map(ReviewView::of).toList(), a.version);
        }
    }

    public record ReportView(UUID id, UUID applicationId, String rhf, String hf, ReportKind kind, String summary,
                             BigDecimal hoursPerWeekMoved, int staffTrained, int delegationsActive,
                             ReportStatus status, String reviewComment, Instant submittedAt, Instant decidedAt,
                             long version) {
        static ReportView of(ProjectReport r) {
            return new ReportView(r.id, r.applicationId, r.rhf, r.hf, r.kind, r.summary, r.hoursPerWeekMoved,
                    r.staffTrained, r.delegationsActive, r.status, r.reviewComment, r.submittedAt, r.decidedAt,
                    r.version);
        }
    }
}
