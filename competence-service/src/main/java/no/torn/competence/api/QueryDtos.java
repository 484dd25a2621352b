package no.torn.competence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of holders, gap report, personnel groups and access log. */
public final class QueryDtos {

    private QueryDtos() {
    }

    @Schema(name = "PersonnelGroup")
    public record PersonnelGroupView(String code, String name, boolean authorisedHealthProfession) {
    }

    @Schema(name = "Holder")
    public record Holder(UUID employeeId, String employeeNumber, String name, String hf, String unit,
                         String personnelGroup) {
    }

    @Schema(name = "GapLine")
    public record GapLine(String competenceCode, long valid, long expiring, long expired, long missing) {
    }

    @Schema(name = "SingleHolder")
    public record SingleHolder(String competenceCode, String unit, UUID employeeId, String employeeNumber,
                               String name) {
    }

    @Schema(name = "GapReport")
    public record GapReport(String hf, String unit, LocalDate asOf, int withinDays, long staff, List<GapLine> lines,
                            List<SingleHolder> singleHolders) {
    }

    @Schema(name = "AccessLogEntry")
    public record AccessLogView(Instant at, String actor, String actorRhf, UUID employeeId, String action) {
    }
}
