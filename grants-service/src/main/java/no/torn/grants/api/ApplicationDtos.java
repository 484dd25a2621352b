package no.torn.grants.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationReview;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.PersonnelGroups;
import no.torn.grants.domain.ProjectKind;
import no.torn.grants.domain.ProjectReport;
import no.torn.grants.domain.ReportKind;
import no.torn.grants.domain.ReportStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of applications, reviews, decisions and project reports. */
public final class ApplicationDtos {

    static final String TASK_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}";
    static final String TASK_CODE_MESSAGE = "must be a task code (letters, digits, '.', '_' or '-', at most 60)";
    static final String GROUP_MESSAGE = "must be a personnel group code";

    private ApplicationDtos() {
    }

    public record ApplicationRequest(
            @NotNull UUID roundId,
            @NotBlank @Size(max = 60) String hf,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String department,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = GROUP_MESSAGE) String fromGroup,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = GROUP_MESSAGE) String toGroup,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TASK_CODE, message = TASK_CODE_MESSAGE) String> taskCodes,
            @NotBlank @Size(max = 10000) String description,
            @NotNull ProjectKind kind,
            @NotNull @PositiveOrZero Long requestedAmount,
            @NotBlank @Size(max = 200) String contactName,
            @NotBlank @Email @Size(max = 200) String contactEmail) {
    }

    public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer score,
                                @NotBlank @Size(max = 5000) String comment) {
    }

    public enum Outcome { GRANTED, REJECTED }

    public record DecisionRequest(@NotNull Outcome outcome, @Positive Long grantedAmount,
                                  @Size(max = 5000) String reason, @NotNull Long version) {
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

    public record ReportRequest(
            @NotNull UUID applicationId,
            @NotNull ReportKind kind,
            @NotBlank @Size(max = 10000) String summary,
            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 1) BigDecimal hoursPerWeekMoved,
            @NotNull @PositiveOrZero Integer staffTrained,
            @NotNull @PositiveOrZero Integer delegationsActive) {
    }

    public record ReportDecisionRequest(@Size(max = 5000) String comment, @NotNull Long version) {
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
