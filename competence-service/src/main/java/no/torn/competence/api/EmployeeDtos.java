package no.torn.competence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.annotation.JsonAlias;
import no.torn.competence.domain.Employee;
import no.torn.competence.domain.EmploymentStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of employees. */
public final class EmployeeDtos {

    private EmployeeDtos() {
    }

    @Schema(name = "EmployeeCreate")
    public record Create(
            @NotBlank @Size(max = 60) String hf,
            @NotBlank @Size(max = 100) @NoNationalId String unit,
            @NotBlank @Size(max = 40) @NoNationalId String employeeNumber,
            @NotBlank @Size(max = 200) @NoNationalId String name,
            @NotBlank String personnelGroup,
            @NoNationalId @Pattern(regexp = Dtos.HPR_PATTERN, message = Dtos.HPR_MESSAGE) String hprNumber,
            @Schema(hidden = true) @JsonAlias({"fodselsnummer", "fnr", "personnummer", "ssn", "nationalId"})
            @Null(message = Dtos.NO_NATIONAL_ID_FIELD) String nationalIdentityNumber) {
    }

    @Schema(name = "EmployeeUpdate")
    public record Update(
            @NotBlank @Size(max = 100) @NoNationalId String unit,
            @NotBlank @Size(max = 200) @NoNationalId String name,
            @NotBlank String personnelGroup,
            @NoNationalId @Pattern(regexp = Dtos.HPR_PATTERN, message = Dtos.HPR_MESSAGE) String hprNumber,
            @NotNull Long version,
            @Schema(hidden = true) @JsonAlias({"fodselsnummer", "fnr", "personnummer", "ssn", "nationalId"})
            @Null(message = Dtos.NO_NATIONAL_ID_FIELD) String nationalIdentityNumber) {
    }

    @Schema(name = "EmployeeLeave")
    public record Leave(@Schema(description = "expected version; omitted = no concurrency check") Long version) {
    }

    @Schema(name = "Employee")
    public record View(UUID id, String rhf, String hf, String unit, String employeeNumber, String name,
                       String personnelGroup, String hprNumber, EmploymentStatus status, long version,
                       Instant createdAt, Instant updatedAt) {

        static View of(Employee e) {
            return new View(e.id, e.rhf, e.hf, e.unit, e.employeeNumber, e.name, e.personnelGroup, e.hprNumber,
                    e.status, e.version, e.createdAt, e.updatedAt);
        }
    }
}
