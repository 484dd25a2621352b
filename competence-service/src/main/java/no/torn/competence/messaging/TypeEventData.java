package no.torn.competence.messaging;

import no.torn.competence.domain.CompetenceType;
import no.torn.platform.audit.Audited;

import java.time.Instant;
import java.util.List;

/** Payloads of the competence-type-* events: what a consumer needs to keep a read model of the catalogue. */
public final class TypeEventData {

    private TypeEventData() {
    }

    /** The tenant of a type's events and of its {@code rhf} field: the owning RHF, or "national". */
    public static String tenant(CompetenceType t) {
        return t.isNational() ? Audited.NATIONAL : t.rhf;
    }

    /** competence-type-defined: the type as it stands after a create or update. */
    public record Defined(String code, String rhf, String name, String kind, String category, List<String> implies,
                          List<String> authorisesGroups, String status, long version) {

        public static Defined of(CompetenceType t, long version) {
            return new Defined(t.code, tenant(t), t.name, t.kind.name(), t.category.name(),
                    t.implies.stream().sorted().toList(), t.authorisesGroups.stream().sorted().toList(),
                    t.status.name(), version);
        }
    }

    /** competence-type-retired: retired (still readable) or deleted (gone); either way no longer in force. */
    public record Retired(String code, String rhf, Instant retiredAt, boolean deleted, long version) {
    }
}
