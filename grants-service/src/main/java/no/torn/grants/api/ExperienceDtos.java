package no.torn.grants.api;

import no.torn.grants.application.ExperienceSearch;
import no.torn.grants.domain.ExperienceReport;
import no.torn.grants.domain.ExperienceStatus;
import no.torn.grants.domain.Organisations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the experience-sharing arena. */
public final class ExperienceDtos {

    private ExperienceDtos() {
    }

    public record ExperienceView(UUID id, String rhf, String rhfName, String hf, String hfName, UUID applicationId,
                                 String title, String fromGroup, String toGroup, List<String> taskCodes,
                                 String summary, String results, String lessons, String pitfalls, String contact,
                                 int year, ExperienceStatus status, Instant createdAt, Instant updatedAt,
                                 Instant publishedAt, long version, Double rank, String snippet) {
        static ExperienceView of(ExperienceReport e) {
            return of(e, null);
        }

        /**
         * With a search hit: {@code rank} (ts_rank, higher is better) and {@code snippet}, HTML-escaped text with the
         * matches in {@code <mark>} tags; both null when the list was not searched by text.
         */
        static ExperienceView of(ExperienceReport e, ExperienceSearch.Hit hit) {
            return new ExperienceView(e.id, e.rhf, Organisations.name(e.rhf), e.hf, Organisations.name(e.hf),
                    e.applicationId, e.title, e.fromGroup, e.toGroup, List.of(e.taskCodes), e.summary, e.results,
                    e.lessons, e.pitfalls, e.contact, e.year, e.status, e.createdAt, e.updatedAt, e.publishedAt,
                    e.version, hit == null ? null : hit.rank(), hit == null ? null : hit.snippet());
        }
    }
}
