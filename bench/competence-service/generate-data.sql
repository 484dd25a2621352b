-- Benchmark data for competence-service: 100,000 employees and 1,000,000 competence records in helse-vest.
-- Run against a competence-service database whose migrations have been applied (start the service once, or copy
-- the schema), e.g.:  psql -h 127.0.0.1 -U postgres -d torn_competence_bench -f generate-data.sql
-- Employee numbers are B1..B100000; HFs are weighted like real trusts (Bergen largest), 60 units per HF.
\set ON_ERROR_STOP on
begin;

create temporary table bench_profile (slot int primary key, personnel_group text, first_code text);
insert into bench_profile values
    (0, 'sykepleier', 'AUT-SYKEPLEIER'), (1, 'sykepleier', 'AUT-SYKEPLEIER'), (2, 'sykepleier', 'AUT-SYKEPLEIER'),
    (3, 'spesialsykepleier', 'SPES-INTENSIV'), (4, 'helsefagarbeider', 'AUT-HELSEFAGARBEIDER'),
    (5, 'helsefagarbeider', 'AUT-HELSEFAGARBEIDER'), (6, 'lege', 'AUT-LEGE'), (7, 'lis', 'AUT-LEGE'),
    (8, 'portor', 'FORFLYTNING'), (9, 'bioingenior', 'AUT-BIOINGENIOR');

insert into employee (id, rhf, hf, unit, employee_number, name, personnel_group, hpr_number, status, version,
                      created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), 'helse-vest',
       case when i % 20 < 8 then 'helse-bergen' when i % 20 < 14 then 'helse-stavanger'
            when i % 20 < 17 then 'helse-fonna' else 'helse-forde' end,
       'unit-' || ((i / 20) % 60),
       'B' || i, 'Bench Employee ' || i, p.personnel_group, null,
       case when i % 50 = 0 then 'LEFT' else 'ACTIVE' end, 0, now(), 'bench', now(), 'bench'
from generate_series(1, 100000) as i
join bench_profile p on p.slot = (i / 7) % 10;

-- Ten records per employee: the profile's formal competence plus nine national courses/skills, acquired at
-- spread-out dates in the last five years; validity from the catalogue, so a realistic share has lapsed.
insert into competence_record (id, employee_id, rhf, hf, unit, type_code, acquired_on, valid_until,
                               evidence_issuer, evidence_document_ref, source, trust_level, status, version,
                               created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), e.id, e.rhf, e.hf, e.unit, c.code, a.acquired,
       case when t.validity_months is null then null else a.acquired + make_interval(months => t.validity_months) end,
       'Bench', 'BENCH-' || e.employee_number || '-' || c.code, 'HR_IMPORT', 'VERIFIED',
       case when t.validity_months is not null
                 and a.acquired + make_interval(months => t.validity_months) < current_date then 'EXPIRED'
            when hashtext(e.employee_number || c.code) % 97 = 0 then 'REVOKED'
            else 'ACTIVE' end,
       0, now(), 'bench', now(), 'bench'
from employee e
join bench_profile p on p.personnel_group = e.personnel_group and p.first_code is not null
cross join lateral (
    select p.first_code as code
    union all select unnest(array['HLR', 'AHLR', 'LEGEMIDDELHANDTERING', 'SMITTEVERN', 'BLODPROVE', 'PVK', 'EKG',
                                  'PASIENTTRANSPORT', 'MATHYGIENE'])) c
cross join lateral (select current_date - (abs(hashtext(e.employee_number || c.code)) % 1800) as acquired) a
join competence_type t on t.code = c.code
where e.employee_number like 'B%'
  and p.slot = (select min(slot) from bench_profile p2 where p2.personnel_group = e.personnel_group);

commit;
vacuum analyze employee;
vacuum analyze competence_record;
select count(*) as employees from employee where employee_number like 'B%';
select count(*) as records from competence_record where created_by = 'bench';
