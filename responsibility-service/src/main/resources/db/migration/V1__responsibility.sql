-- Read models fed by competence-service and task-service events. source_version is the producer's aggregate
-- version: an event older than what is held is ignored, so redelivery and reordering cannot roll data back.
create table employee_view (
    employee_id      uuid primary key,
    rhf              varchar(40)  not null,
    hf               varchar(60),
    unit             varchar(120),
    employee_number  varchar(40),
    personnel_group  varchar(40),
    status           varchar(20)  not null,
    source_version   bigint       not null,
    updated_at       timestamptz  not null
);
create index employee_view_number on employee_view (rhf, employee_number);

create table competence_record_view (
    record_id        uuid primary key,
    employee_id      uuid          not null,
    rhf              varchar(40)   not null,
    hf               varchar(60),
    unit             varchar(120),
    personnel_group  varchar(40),
    competence_code  varchar(120)  not null,
    implied_codes    jsonb         not null default '[]',
    acquired_on      date,
    valid_until      date,
    status           varchar(20)   not null,
    trust_level      varchar(40),
    reason           varchar(1000),
    source_version   bigint        not null,
    updated_at       timestamptz   not null
);
create index competence_record_view_employee on competence_record_view (employee_id);

create table task_view (
    code                          varchar(120) primary key,
    task_id                       uuid,
    rhf                           varchar(40),
    variant_of                    varchar(120),
    title                         varchar(500),
    category                      varchar(120),
    risk_level                    varchar(20),
    requires_health_professional  boolean,
    allows_untrained_staff        boolean,
    required_competences          jsonb        not null default '[]',
    status                        varchar(20)  not null,
    source_version                bigint       not null,
    updated_at                    timestamptz  not null
);

create table sharing_mapping_view (
    mapping_id            uuid primary key,
    rhf                   varchar(40)   not null,
    task_code             varchar(120)  not null,
    from_group            varchar(40),
    to_group              varchar(40),
    required_competences  jsonb         not null default '[]',
    supervision_level     varchar(20),
    risk_level            varchar(20),
    legal_basis           varchar(2000),
    status                varchar(20)   not null,
    source_version        bigint        not null,
    updated_at            timestamptz   not null
);
create index sharing_mapping_view_task on sharing_mapping_view (task_code);

-- Responsibility clarifications (ansvarsavklaring) per HF/unit and sharing mapping or task.
create table clarification (
    id                 uuid primary key,
    rhf                varchar(40)   not null,
    hf                 varchar(60)   not null,
    unit               varchar(120)  not null,
    task_code          varchar(120)  not null,
    mapping_id         uuid,
    delegating_group   varchar(40)   not null,
    performing_group   varchar(40)   not null,
    supervisor_role    varchar(200)  not null,
    legal_basis        varchar(2000) not null,
    risk_assessment    varchar(8000) not null,
    conditions         varchar(8000),
    active_from        date          not null,
    review_date        date          not null,
    status             varchar(20)   not null,
    status_reason      varchar(1000),
    created_by         varchar(100)  not null,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    submitted_by       varchar(100),
    submitted_at       timestamptz,
    approved_by        varchar(100),
    approved_at        timestamptz,
    idempotency_key    varchar(200),
    version            bigint        not null
);
create index clarification_scope on clarification (rhf, hf, unit, task_code);
create index clarification_mapping on clarification (mapping_id);
create unique index clarification_idempotency on clarification (rhf, idempotency_key) where idempotency_key is not null;

-- RACI parties of a clarification, in the order given.
create table clarification_party (
    clarification_id  uuid         not null references clarification (id),
    position          integer      not null,
    raci              varchar(20)  not null,
    party             varchar(200) not null,
    primary key (clarification_id, position)
);

-- Health Personnel Act §5 delegations to named employees.
create table delegation (
    id                      uuid primary key,
    rhf                     varchar(40)   not null,
    hf                      varchar(60)   not null,
    unit                    varchar(120)  not null,
    clarification_id        uuid          not null references clarification (id),
    task_code               varchar(120)  not null,
    employee_id             uuid          not null,
    delegator               varchar(200)  not null,
    supervisor              varchar(200)  not null,
    valid_from              date          not null,
    valid_to                date,
    required_competences    jsonb         not null default '[]',
    status                  varchar(20)   not null,
    status_reason           varchar(1000),
    competence_code         varchar(120),
    confirmed_at            timestamptz,
    confirmed_by            varchar(100),
    created_by              varchar(100)  not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    idempotency_key         varchar(200),
    version                 bigint        not null
);
create index delegation_employee on delegation (employee_id, status);
create index delegation_clarification on delegation (clarification_id);
create unique index delegation_open_per_employee on delegation (clarification_id, employee_id)
    where status in ('CREATED', 'ACTIVE', 'SUSPENDED');
create unique index delegation_idempotency on delegation (rhf, idempotency_key) where idempotency_key is not null;

-- Append-only audit trail: who did what, when and why. The database itself refuses updates and deletes.
create table audit_entry (
    id           bigserial primary key,
    rhf          varchar(40)   not null,
    hf           varchar(60),
    entity_type  varchar(40)   not null,
    entity_id    uuid          not null,
    action       varchar(40)   not null,
    from_status  varchar(20),
    to_status    varchar(20),
    actor        varchar(100)  not null,
    reason       varchar(1000),
    at           timestamptz   not null
);
create index audit_entry_entity on audit_entry (entity_id, id);
create index audit_entry_rhf on audit_entry (rhf, id);

create function audit_entry_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
