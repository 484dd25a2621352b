-- pgbench script: the gap-report counts SQL (CompetenceQueries.gapCounts) over a whole HF, three codes, 30-day horizon.
\set w random(7, 90)
with held as (
    select r.employee_id, r.employee_number, r.unit, c.implied_code as code,
           bool_or(r.acquired_on <= current_date and (r.valid_until is null or r.valid_until >= current_date)) as valid_now,
           bool_or(r.acquired_on <= current_date and (r.valid_until is null or r.valid_until > current_date + :w)) as valid_beyond,
           bool_or(r.valid_until < current_date) as lapsed
    from competence_record r
    join competence_closure c on c.type_code = r.type_code
    where r.hf = 'helse-bergen'
      and c.implied_code in ('AUT-SYKEPLEIER', 'HLR', 'BLODPROVE')
      and r.employee_active and r.status <> 'REVOKED'
    group by r.employee_id, r.employee_number, r.unit, c.implied_code)
select h.code,
       count(*) filter (where h.valid_beyond),
       count(*) filter (where h.valid_now and not h.valid_beyond),
       count(*) filter (where not h.valid_now and h.lapsed)
from held h
group by h.code;
