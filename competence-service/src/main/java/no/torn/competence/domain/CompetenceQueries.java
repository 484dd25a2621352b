package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read-side queries answered in SQL on the holders index: who holds what, and where the gaps are. Implied
 * competences count through the closure table: holding SPES-INTENSIV answers a question about AUT-SYKEPLEIER.
 */
@ApplicationScoped
public class CompetenceQueries {

    @Inject
    EntityManager em;

    public record HolderRow(UUID employeeId, String employeeNumber, String name, String hf, String unit,
                            String personnelGroup) {
    }

    public record HolderPage(List<HolderRow> rows, long total) {
    }

    public record GapCounts(String code, long valid, long expiring, long expired) {
    }

    public record SingleHolderRow(String code, String unit, UUID employeeId, String employeeNumber, String name) {
    }

    /**
     * Active employees of {@code hf} (optionally {@code unit}) holding ALL {@code codes} validly on {@code day}.
     * Answered from the covering index alone; each requested code is a bit, an employee qualifies when the OR of
     * the bits of their valid holdings is full (hash-aggregable, unlike count(distinct)). Only the returned page is
     * joined to the employee table. An HF belongs to exactly one RHF, so {@code hf} also fixes the tenant.
     */
    public HolderPage holders(String rhf, String hf, String unit, List<String> codes, LocalDate day, int page,
                              int size) {
        StringBuilder bits = new StringBuilder("case c.implied_code");
        for (int i = 0; i < codes.size(); i++) {
            bits.append(" when :c").append(i).append(" then ").append(1 << i);
        }
        bits.append(" else 0 end");
        String sql = """
                with h as (
                    select r.employee_id, r.employee_number, count(*) over () as total
                    from competence_record r
                    join competence_closure c on c.type_code = r.type_code
                    where r.hf = :hf %s
                      and c.implied_code in (:codes)
                      and r.employee_active
                      and r.status <> 'REVOKED'
                      and r.acquired_on <= :day
                      and (r.valid_until is null or r.valid_until >= :day)
                    group by r.employee_id, r.employee_number
                    having bit_or(%s) = :full
                    order by r.employee_number, r.employee_id
                    limit :limit offset :offset)
                select e.id, e.employee_number, e.name, e.hf, e.unit, e.personnel_group, h.total
                from h join employee e on e.id = h.employee_id
                where e.rhf = :rhf
                order by h.employee_number, h.employee_id""".formatted(unit == null ? "" : "and r.unit = :unit", bits);
        Query q = em.createNativeQuery(sql)
                .setParameter("hf", hf).setParameter("rhf", rhf).setParameter("codes", codes)
                .setParameter("day", day).setParameter("full", (1 << codes.size()) - 1)
                .setParameter("limit", size).setParameter("offset", (long) page * size);
        for (int i = 0; i < codes.size(); i++) {
            q.setParameter("c" + i, codes.get(i));
        }
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<HolderRow> result = new ArrayList<>(rows.size());
        long total = 0;
        for (Object[] row : rows) {
            result.add(new HolderRow((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5]));
            total = ((Number) row[6]).longValue();
        }
        if (rows.isEmpty() && page > 0) {
            total = holders(rhf, hf, unit, codes, day, 0, 1).total();
        }
        return new HolderPage(result, total);
    }

    /**
     * Per (employee, code) in scope: valid on the day, valid beyond the horizon, lapsed. Read from the covering
     * holders index (records carry hf, unit and whether the employee is still employed), like the holders query.
     */
    private static final String HELD = """
            with held as (
                select r.employee_id, r.employee_number, r.unit, c.implied_code as code,
                       bool_or(r.acquired_on <= :day and (r.valid_until is null or r.valid_until >= :day)) as valid_now,
                       bool_or(r.acquired_on <= :day and (r.valid_until is null or r.valid_until > :horizon)) as valid_beyond,
                       bool_or(r.valid_until < :day) as lapsed
                from competence_record r
                join competence_closure c on c.type_code = r.type_code
                where r.hf = :hf %s
                  and c.implied_code in (:codes)
                  and r.employee_active
                  and r.status <> 'REVOKED'
                group by r.employee_id, r.employee_number, r.unit, c.implied_code)
            """;

    private Query gapQuery(String select, String hf, String unit, List<String> codes, LocalDate day,
                           int withinDays) {
        String sql = HELD.formatted(unit == null ? "" : "and r.unit = :unit") + select;
        Query q = em.createNativeQuery(sql).setParameter("hf", hf)
                .setParameter("codes", codes).setParameter("day", day)
                .setParameter("horizon", day.plusDays(withinDays));
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        return q;
    }

    /** Staff in scope. */
    public long staff(String rhf, String hf, String unit) {
        Query q = em.createNativeQuery("select count(*) from employee where rhf = :rhf and hf = :hf"
                        + " and status = 'ACTIVE'" + (unit == null ? "" : " and unit = :unit"))
                .setParameter("rhf", rhf).setParameter("hf", hf);
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Per code: valid beyond the horizon, valid but expiring within it, and lapsed without a valid one. */
    public Map<String, GapCounts> gapCounts(String rhf, String hf, String unit, List<String> codes, LocalDate day,
                                            int withinDays) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = gapQuery("""
                select h.code,
                       count(*) filter (where h.valid_beyond),
                       count(*) filter (where h.valid_now and not h.valid_beyond),
                       count(*) filter (where not h.valid_now and h.lapsed)
                from held h
                group by h.code""", hf, unit, codes, day, withinDays).getResultList();
        Map<String, GapCounts> result = new java.util.HashMap<>();
        for (Object[] row : rows) {
            result.put((String) row[0], new GapCounts((String) row[0], ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue(), ((Number) row[3]).longValue()));
        }
        return result;
    }

    /** People who are the only valid holder of a code in their unit: the unit's single point of failure. */
    public List<SingleHolderRow> singleHolders(String rhf, String hf, String unit, List<String> codes,
                                               LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = gapQuery("""
                select x.code, x.unit, e.id, e.employee_number, e.name
                from (select h.code, h.unit, (array_agg(h.employee_id))[1] as employee_id
                      from held h
                      where h.valid_now
                      group by h.code, h.unit
                      having count(*) = 1) x
                join employee e on e.id = x.employee_id
                where e.rhf = :rhf
                order by x.code, x.unit""", hf, unit, codes, day, 0).setParameter("rhf", rhf).getResultList();
        return rows.stream().map(r -> new SingleHolderRow((String) r[0], (String) r[1], (UUID) r[2],
                (String) r[3], (String) r[4])).toList();
    }

    /** Codes an employee holds validly on {@code day}, implied ones included. */
    public List<String> validCodes(UUID employeeId, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("""
                        select distinct c.implied_code
                        from competence_record r join competence_closure c on c.type_code = r.type_code
                        where r.employee_id = :employee and r.status <> 'REVOKED' and r.acquired_on <= :day
                          and (r.valid_until is null or r.valid_until >= :day)
                        order by 1""")
                .setParameter("employee", employeeId).setParameter("day", day).getResultList();
        return codes;
    }
}
