-- pgbench script: the same holders SQL over a whole HF (helse-bergen: 40,000 employees, 400,000 records).
\set d random(0, 365)
with h as (
    select r.employee_id, r.employee_number, count(*) over () as total
    from competence_record r
    join competence_closure c on c.type_code = r.type_code
    where r.hf = 'helse-bergen' 
      and c.implied_code in ('AUT-SYKEPLEIER', 'HLR')
      and r.employee_active
      and r.status <> 'REVOKED'
      and r.acquired_on <= current_date - :d
      and (r.valid_until is null or r.valid_until >= current_date - :d)
    group by r.employee_id, r.employee_number
    having bit_or(case c.implied_code when 'AUT-SYKEPLEIER' then 1 when 'HLR' then 2 else 0 end) = 3
    order by r.employee_number, r.employee_id
    limit 50 offset 0)
select e.id, e.employee_number, e.name, e.hf, e.unit, e.personnel_group, h.total
from h join employee e on e.id = h.employee_id
where e.rhf = 'helse-vest'
order by h.employee_number, h.employee_id;
