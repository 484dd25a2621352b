package no.torn.competence.application;

import jakarta.enterprise.context.ApplicationScoped;
import no.torn.competence.domain.CompetenceCategory;
import no.torn.competence.domain.CompetenceKind;
import no.torn.platform.tenancy.HealthRegion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public reference data every client needs to fill in a request: the RHFs with their HFs and the competence
 * categories. Read-only and the same for every caller (it names no person and no RHF's records).
 */
@ApplicationScoped
public class ReferenceData {

    /** An HF, with its organisation number only where verified (and then its source). */
    @Schema(name = "HospitalTrust")
    public record HospitalTrust(String code, String name, String organisationNumber, String organisationNumberSource) {
    }

    /** An RHF and its HFs. */
    @Schema(name = "HealthRegion")
    public record Region(String code, String name, String organisationNumber, String organisationNumberSource,
                         List<HospitalTrust> hospitalTrusts) {
    }

    /** A competence category and the kind of competence it documents. */
    @Schema(name = "CompetenceCategory")
    public record Category(String code, CompetenceKind kind, String description) {
    }

    private static final Map<CompetenceCategory, String> DESCRIPTIONS = Map.of(
            CompetenceCategory.EDUCATION, "Completed education (degree, vocational certificate)",
            CompetenceCategory.AUTHORISATION, "Authorisation or licence as health personnel (Helsepersonelloven §48)",
            CompetenceCategory.SPECIALISATION, "Approved specialisation or further education",
            CompetenceCategory.CERTIFICATION, "Time-limited certificate from an accredited course or body",
            CompetenceCategory.PROCEDURE, "Skill in a procedure, signed off under supervision",
            CompetenceCategory.COURSE, "Internal or national course without a formal certificate",
            CompetenceCategory.EXPERIENCE, "Documented practical experience");

    public List<Region> regions() {
        return Arrays.stream(HealthRegion.values()).map(ReferenceData::region).toList();
    }

    public Optional<Region> region(String code) {
        return HealthRegion.fromCode(code).map(ReferenceData::region);
    }

    public List<Category> categories() {
        return Arrays.stream(CompetenceCategory.values())
                .map(c -> new Category(c.name(), c.kind(), DESCRIPTIONS.get(c))).toList();
    }

    private static Region region(HealthRegion r) {
        return new Region(r.code(), r.displayName(), r.organisationNumber(), r.organisationNumberSource(),
                r.trusts().stream().map(t -> new HospitalTrust(t.code(), t.name(), t.organisationNumber(),
                        t.organisationNumberSource())).toList());
    }
}
