-- The holders query over a whole HF reads tens of thousands of records: carry the (immutable) employee number and
-- whether the employee is still employed on the record, so the query is answered by an index-only scan and only
-- the returned page is joined to the employee table.
alter table competence_record add column employee_number varchar(40);
alter table competence_record add column employee_active boolean not null default true;
update competence_record r set employee_number = e.employee_number, employee_active = (e.status = 'ACTIVE')
from employee e where e.id = r.employee_id;
alter table competence_record alter column employee_number set not null;

drop index competence_record_holders;
create index competence_record_holders on competence_record (hf, type_code, unit)
    include (employee_id, employee_number, employee_active, acquired_on, valid_until, status);
