package no.torn.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A competence type as competence-service last announced it (competence-type-* events). {@code rhf == null} marks
 * the national catalogue; {@code deleted} a type that no longer exists (kept as RETIRED so the tasks that still
 * require it are flagged).
 */
@Entity
@Table(name = "competence_type_view")
public class CompetenceTypeView extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    public String code;

    public String rhf;

    public String name;

    public String category;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "source_version", nullable = false)
    public long sourceVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isNational() {
        return rhf == null;
    }

    public boolean isRetired() {
        return RETIRED.equals(status);
    }

    /** The known types among {@code codes}, by code. */
    public static Map<String, CompetenceTypeView> byCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return CompetenceTypeView.<CompetenceTypeView>list("code in ?1", Set.copyOf(codes)).stream()
                .collect(Collectors.toMap(v -> v.code, Function.identity()));
    }

    /** Every code no longer in force (retired or deleted); few, so one read serves a whole page of tasks. */
    public static Set<String> retiredCodes() {
        List<String> codes = getEntityManager().createQuery(
                "select v.code from CompetenceTypeView v where v.status = :retired", String.class)
                .setParameter("retired", RETIRED).getResultList();
        return new TreeSet<>(codes);
    }
}
