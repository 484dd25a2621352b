package no.torn.grants.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.torn.grants.domain.ExperienceReport;
import no.torn.grants.domain.ExperienceStatus;
import no.torn.grants.domain.Organisations;
import no.torn.grants.domain.PersonnelGroups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the experience-sharing arena. */
public final class ExperienceDtos {

    private ExperienceDtos() {
    }

    public record ExperienceRequest(
            @NotBlank @Size(max = 60) String hf,
            UUID applicationId,
            @NotBlank @Size(max = 200) String title,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = ApplicationDtos.GROUP_MESSAGE)
            String fromGroup,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = ApplicationDtos.GROUP_MESSAGE)
            String toGroup,
            @Size(max = 50) List<@NotNull @Pattern(regexp = ApplicationDtos.TASK_CODE,
                    message = ApplicationDtos.TASK_CODE_MESSAGE) String> taskCodes,
            @NotBlank @Size(max = 10000) String summary,
            @Size(max = 10000) String results,
            @Size(max = 10000) String lessons,
            @Size(max = 10000) String pitfalls,
            @Size(max = 200) String contact,
            @Min(2000) @Max(2200) Integer year,
            /* Required on update, ignored on create. */
            Long version) {
    }

    public record PublishRequest(@NotNull Long version) {
    }

    public record ExperienceView(UUID id, String rhf, String rhfName, String hf, String hfName, UUID applicationId,
                                 String title, String fromGroup, String toGroup, List<String> taskCodes,
                                 String summary, String results, String lessons, String pitfalls, String contact,
                                 int year, ExperienceStatus status, Instant createdAt, Instant updatedAt,
                                 Instant publishedAt, long version) {
        static ExperienceView of(ExperienceReport e) {
            return new ExperienceView(e.id, e.rhf, Organisations.name(e.rhf), e.hf, Organisations.name(e.hf),
                    e.applicationId, e.title, e.fromGroup, e.toGroup, List.of(e.taskCodes), e.summary, e.results,
                    e.lessons, e.pitfalls, e.contact, e.year, e.status, e.createdAt, e.updatedAt, e.publishedAt,
                    e.version);
        }
    }
}
