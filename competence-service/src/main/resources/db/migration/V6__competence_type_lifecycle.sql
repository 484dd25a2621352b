-- Competence types are retired rather than removed once records use them: a retired type stays readable and its
-- records keep their validity, but no new record of it is registered (R-COMP-04).
alter table competence_type
    add column status     varchar(10)  not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
    add column retired_at timestamptz,
    add column retired_by varchar(100);
create index competence_type_status on competence_type (status);
