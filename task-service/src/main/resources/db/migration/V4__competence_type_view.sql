-- The competence catalogue as competence-service announces it (competence-type-defined / -retired events): the task
-- catalogue accepts only known codes in force (R-CAT-01) and flags tasks whose required type was retired or deleted.
-- rhf is null for national types; source_version is the type's version in competence-service (older events are
-- ignored).
create table competence_type_view (
    code            varchar(80)  primary key,
    rhf             varchar(40),
    name            varchar(200),
    category        varchar(30),
    status          varchar(10)  not null check (status in ('ACTIVE', 'RETIRED')),
    deleted         boolean      not null default false,
    retired_at      timestamptz,
    source_version  bigint       not null,
    updated_at      timestamptz  not null
);
create index competence_type_view_retired on competence_type_view (code) where status = 'RETIRED';
create index task_required_competence_by_code on task_required_competence (competence_code);
