-- pgbench script: the exact SQL of GET /api/v1/competence/holders (CompetenceQueries.holders), random HF unit,
-- two codes (one only held through an implication for specialist nurses), first page of 50.
\set u random(0, 59)
\set d random(0, 365)
with h as (
    select r.employee_id
    from competence_record r
    join competence_closure c on c.type_code = r.type_code
    where r.hf = 'helse-bergen' and r.rhf = 'helse-vest' and r.unit = 'unit-' || :u
      and c.implied_code in ('AUT-SYKEPLEIER', 'HLR')
      and r.status <> 'REVOKED'
      and r.acquired_on <= current_date - :d
      and (r.valid_until is null or r.valid_until >= current_date - :d)
    group by r.employee_id
    having count(distinct c.implied_code) = 2)
select e.id, e.employee_number, e.name, e.hf, e.unit, e.personnel_group, count(*) over () as total
from h join employee e on e.id = h.employee_id
where e.status = 'ACTIVE'
order by e.employee_number
limit 50 offset 0;
