-- Benchmark data for task-service: one unit with :employees employees (default 2,000) and :tasks national tasks
-- (default 300), written straight into the service's own tables (catalogue, approved mappings and the competence
-- read model that competence-service events normally fill). Deterministic (setseed), so runs compare.
--
--   psql -h 127.0.0.1 -U postgres -d torn_task_bench -v employees=2000 -v tasks=300 -f seed.sql
--
-- Run it against a database the service has migrated (start the service once first). It removes earlier bench
-- rows (codes BENCH-*, unit "Bench unit") and inserts fresh ones.
\set ON_ERROR_STOP on
\if :{?employees} \else \set employees 2000 \endif
\if :{?tasks} \else \set tasks 300 \endif

begin;
select setseed(0.42);

delete from sharing_mapping_extra_competence where mapping_id in (select id from sharing_mapping where task_code like 'BENCH-%');
delete from sharing_mapping where task_code like 'BENCH-%';
delete from task_required_competence where task_id in (select id from task where code like 'BENCH-%');
delete from task where code like 'BENCH-%';
delete from cm_record_code where employee_id in (select id from cm_employee where unit = 'Bench unit');
delete from cm_record where employee_id in (select id from cm_employee where unit = 'Bench unit');
delete from cm_employee where unit = 'Bench unit';

-- Competence pool: authorisations plus 40 skills (BC-01 .. BC-40).
create temporary table bench_skill as
select 'BC-' || lpad(n::text, 2, '0') as code from generate_series(1, 40) n;

-- Tasks: two in three need health-professional competence; each requires one to three skills, and health tasks
-- also an authorisation.
insert into task (id, code, rhf, title, category, risk_level, requires_health_professional, allows_untrained_staff,
                  status, version, created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), 'BENCH-' || lpad(n::text, 4, '0'), null, 'Bench task ' || n,
       (array['CLINICAL','MEDICATION','LOGISTICS','SERVICE_MEALS','CLEANING','ADMINISTRATIVE'])[1 + n % 6],
       (array['LOW','MEDIUM','HIGH'])[1 + n % 3],
       n % 3 <> 0, n % 3 = 0, 'ACTIVE', 0, now(), 'bench', now(), 'bench'
from generate_series(1, :tasks) n;

insert into task_required_competence (task_id, competence_code)
select distinct t.id, s.code
from task t
cross join lateral (select code from bench_skill order by random() + length(t.code) * 0 limit 1 + (abs(hashtext(t.code)) % 3)) s
where t.code like 'BENCH-%';

insert into task_required_competence (task_id, competence_code)
select t.id, case when abs(hashtext(t.code)) % 2 = 0 then 'AUT-HELSEFAGARBEIDER' else 'AUT-SYKEPLEIER' end
from task t where t.code like 'BENCH-%' and t.requires_health_professional
on conflict do nothing;

-- Approved mappings sykepleier → helsefagarbeider for every fifth task, each with one extra skill.
insert into sharing_mapping (id, rhf, task_id, task_code, from_group, to_group, supervision_level, legal_basis,
                             status, version, created_at, created_by, updated_at, updated_by, approved_at, approved_by)
select gen_random_uuid(), 'helse-vest', t.id, t.code, 'sykepleier', 'helsefagarbeider', 'AVAILABLE',
       'Helsepersonelloven §5', 'APPROVED', 2, now(), 'bench', now(), 'bench', now(), 'bench'
from task t where t.code like 'BENCH-%' and right(t.code, 1) in ('0', '5');

insert into sharing_mapping_extra_competence (mapping_id, competence_code)
select m.id, 'BC-' || lpad((1 + abs(hashtext(m.task_code)) % 40)::text, 2, '0')
from sharing_mapping m where m.task_code like 'BENCH-%';

-- Employees of one unit, spread over the personnel groups like a large medical department.
insert into cm_employee (id, rhf, hf, unit, employee_number, personnel_group, status, version)
select gen_random_uuid(), 'helse-vest', 'helse-bergen', 'Bench unit', 'B' || lpad(n::text, 5, '0'),
       (array['sykepleier','sykepleier','sykepleier','sykepleier','helsefagarbeider','helsefagarbeider',
              'helsefagarbeider','lege','lis','spesialsykepleier','portor','matvert','renholder','helsesekretaer',
              'fysioterapeut','bioingenior','sykepleier','helsefagarbeider','lege','merkantil'])[1 + n % 20],
       case when n % 50 = 0 then 'LEFT' else 'ACTIVE' end, 1
from generate_series(1, :employees) n;

-- Authorisations for health professions (nurses' implies the health worker's), then 6-12 skills each, some
-- expired, some expiring within 90 days, a few revoked.
insert into cm_record (id, employee_id, rhf, competence_code, acquired_on, valid_until, status, version)
select gen_random_uuid(), e.id, 'helse-vest',
       case e.personnel_group when 'sykepleier' then 'AUT-SYKEPLEIER' when 'spesialsykepleier' then 'AUT-SYKEPLEIER'
           when 'helsefagarbeider' then 'AUT-HELSEFAGARBEIDER' when 'lege' then 'AUT-LEGE' when 'lis' then 'AUT-LEGE'
           else 'AUT-' || upper(e.personnel_group) end,
       date '2015-01-01', null, 'ACTIVE', 1
from cm_employee e
where e.unit = 'Bench unit' and e.personnel_group not in ('portor', 'matvert', 'renholder', 'merkantil');

insert into cm_record (id, employee_id, rhf, competence_code, acquired_on, valid_until, status, version)
select gen_random_uuid(), e.id, 'helse-vest', s.code, date '2020-01-01',
       case when random() < 0.5 then null else current_date + (random() * 900 - 150)::int end,
       case when random() < 0.03 then 'REVOKED' else 'ACTIVE' end, 1
from cm_employee e
cross join lateral (select code from bench_skill order by random() + length(e.employee_number) * 0
                    limit 6 + (abs(hashtext(e.employee_number)) % 7)) s
where e.unit = 'Bench unit';

insert into cm_record_code (record_id, employee_id, code, status, acquired_on, valid_until)
select r.id, r.employee_id, r.competence_code, r.status, r.acquired_on, r.valid_until
from cm_record r join cm_employee e on e.id = r.employee_id where e.unit = 'Bench unit';
insert into cm_record_code (record_id, employee_id, code, status, acquired_on, valid_until)
select r.id, r.employee_id, 'AUT-HELSEFAGARBEIDER', r.status, r.acquired_on, r.valid_until
from cm_record r join cm_employee e on e.id = r.employee_id
where e.unit = 'Bench unit' and r.competence_code = 'AUT-SYKEPLEIER';

commit;
analyze;

select (select count(*) from cm_employee where unit = 'Bench unit') as employees,
       (select count(*) from cm_record r join cm_employee e on e.id = r.employee_id where e.unit = 'Bench unit') as records,
       (select count(*) from task where code like 'BENCH-%') as tasks,
       (select count(*) from sharing_mapping where task_code like 'BENCH-%') as approved_mappings;
