-- pgbench script: holders over a whole HF (40,000 employees, 400,000 records in helse-bergen), no unit filter.
\set d random(0, 365)
with h as (
    select r.employee_id
    from competence_record r
    join competence_closure c on c.type_code = r.type_code
    where r.hf = 'helse-bergen' and r.rhf = 'helse-vest'
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
