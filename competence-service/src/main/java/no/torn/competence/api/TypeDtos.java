package no.torn.competence.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import no.torn.competence.domain.CompetenceCategory;
import no.torn.competence.domain.CompetenceKind;
import no.torn.competence.domain.CompetenceType;
import no.torn.competence.domain.TypeStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of the competence catalogue. */
public final class TypeDtos {

    private TypeDtos() {
    }

    @Schema(name = "CompetenceTypeCreate")
    public record Create(
            @NotBlank @Pattern(regexp = Dtos.CODE_PATTERN, message = Dtos.CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) @NoNationalId String name,
            @NotNull CompetenceKind kind,
            @NotNull CompetenceCategory category,
            @Positive @Max(600) Integer validityMonths,
            Boolean evidenceRequired,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = Dtos.CODE_PATTERN, message = Dtos.CODE_MESSAGE) String> implies,
            @Schema(description = "authorisations only: the personnel groups it authorises (required on create; "
                    + "absent on update keeps them)")
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> authorisesGroups,
            @Schema(description = "true: national catalogue (national-admin only); false/absent: local to the caller's RHF")
            Boolean national) {
    }

    @Schema(name = "CompetenceTypeUpdate")
    public record Update(
            @NotBlank @Size(max = 200) @NoNationalId String name,
            @NotNull CompetenceKind kind,
            @NotNull CompetenceCategory category,
            @Positive @Max(600) Integer validityMonths,
            Boolean evidenceRequired,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = Dtos.CODE_PATTERN, message = Dtos.CODE_MESSAGE) String> implies,
            @Schema(description = "authorisations only: the personnel groups it authorises (required on create; "
                    + "absent on update keeps them)")
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> authorisesGroups,
            @NotNull Long version) {
    }

    @Schema(name = "CompetenceType")
    public record View(String code, String name, CompetenceKind kind, CompetenceCategory category,
                       Integer validityMonths, boolean evidenceRequired, List<String> implies,
                       @Schema(description = "implied codes, transitively, excluding this one") List<String> impliedCodes,
                       @Schema(description = "authorisations: the personnel groups it authorises")
                       List<String> authorisesGroups,
                       @Schema(description = "NATIONAL or RHF") String scope, String rhf,
                       @Schema(description = "ACTIVE, or RETIRED: readable, existing records keep their validity, "
                               + "no new record of it") TypeStatus status,
                       @Schema(description = "when the type was retired; null while ACTIVE") Instant retiredAt,
                       long version, Instant updatedAt) {

        static View of(CompetenceType t, List<String> impliedCodes) {
            return new View(t.code, t.name, t.kind, t.category, t.validityMonths, t.evidenceRequired,
                    t.implies.stream().sorted().toList(), impliedCodes,
                    t.authorisesGroups.stream().sorted().toList(), t.isNational() ? "NATIONAL" : "RHF", t.rhf,
                    t.status, t.retiredAt, t.version, t.updatedAt);
        }
    }

    @Schema(name = "CompetenceTypeRetire")
    public record Retire(@Schema(description = "the version the client read") @NotNull Long version) {
    }
}
