-- Personnel groups (profesjoner): public reference data.
create table personnel_group (
    code                          varchar(40)  primary key,
    name                          varchar(200) not null,
    authorised_health_profession  boolean      not null
);

-- Competence catalogue. rhf null = national catalogue entry (readable by all); otherwise an RHF-local type.
create table competence_type (
    code               varchar(60)  primary key,
    rhf                varchar(40),
    name               varchar(200) not null,
    kind               varchar(10)  not null check (kind in ('FORMAL', 'REAL')),
    category           varchar(20)  not null,
    validity_months    integer      check (validity_months > 0),
    evidence_required  boolean      not null default false,
    version            bigint       not null default 0,
    created_at         timestamptz  not null default now(),
    created_by         varchar(100) not null default 'reference-data',
    updated_at         timestamptz  not null default now(),
    updated_by         varchar(100) not null default 'reference-data'
);
create index competence_type_rhf on competence_type (rhf);

-- Direct implications as entered (a specialist nurse implies nurse).
create table competence_type_implies (
    type_code     varchar(60) not null references competence_type (code) on delete cascade,
    implied_code  varchar(60) not null references competence_type (code),
    primary key (type_code, implied_code)
);

-- Reflexive-transitive closure of the implications, maintained on every catalogue change: lets holder queries
-- expand "who holds X" to "who holds any type that implies X" with one indexed join.
create table competence_closure (
    type_code     varchar(60) not null references competence_type (code) on delete cascade,
    implied_code  varchar(60) not null references competence_type (code) on delete cascade,
    primary key (type_code, implied_code)
);
create index competence_closure_by_implied on competence_closure (implied_code, type_code);

create table employee (
    id               uuid         primary key,
    rhf              varchar(40)  not null,
    hf               varchar(60)  not null,
    unit             varchar(100) not null,
    employee_number  varchar(40)  not null,
    name             varchar(200) not null,
    personnel_group  varchar(40)  not null references personnel_group (code),
    hpr_number       varchar(9),
    status           varchar(10)  not null check (status in ('ACTIVE', 'LEFT')),
    version          bigint       not null,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    constraint employee_number_per_hf unique (hf, employee_number)
);
create index employee_scope on employee (rhf, hf, unit, employee_number);

-- rhf/hf/unit are copied from the employee (kept in step on employee changes) so that holder and gap queries are
-- answered from one index without touching the employee table for every record.
create table competence_record (
    id                     uuid         primary key,
    employee_id            uuid         not null references employee (id),
    rhf                    varchar(40)  not null,
    hf                     varchar(60)  not null,
    unit                   varchar(100) not null,
    type_code              varchar(60)  not null references competence_type (code),
    acquired_on            date         not null,
    valid_until            date,
    evidence_issuer        varchar(200),
    evidence_document_ref  varchar(200),
    attested_by            uuid         references employee (id),
    attested_at            timestamptz,
    attestation_level      smallint     check (attestation_level between 1 and 3),
    source                 varchar(20)  not null check (source in ('MANUAL', 'HR_IMPORT', 'REGISTRY')),
    trust_level            varchar(20)  not null check (trust_level in ('SELF_DECLARED', 'ATTESTED', 'VERIFIED')),
    status                 varchar(10)  not null check (status in ('ACTIVE', 'EXPIRED', 'REVOKED')),
    revocation_reason      varchar(500),
    version                bigint       not null,
    created_at             timestamptz  not null,
    created_by             varchar(100) not null,
    updated_at             timestamptz  not null,
    updated_by             varchar(100) not null,
    constraint record_per_acquisition unique (employee_id, type_code, acquired_on)
);
create index competence_record_holders on competence_record (hf, type_code, unit)
    include (employee_id, acquired_on, valid_until, status);
create index competence_record_expiry on competence_record (valid_until)
    where status = 'ACTIVE' and valid_until is not null;

-- Change history per record: who, when, what (JSON of changed fields).
create table record_history (
    id         uuid         primary key,
    record_id  uuid         not null references competence_record (id),
    rhf        varchar(40)  not null,
    at         timestamptz  not null,
    actor      varchar(100) not null,
    action     varchar(30)  not null,
    changes    text         not null
);
create index record_history_by_record on record_history (record_id, at);

-- record-expiring is announced once per record and threshold; a new validUntil clears the record's rows.
create table record_expiry_notice (
    record_id       uuid        not null references competence_record (id),
    threshold_days  integer     not null,
    notified_at     timestamptz not null,
    primary key (record_id, threshold_days)
);

-- Reads of an employee's competence by anyone but the employee (privacy audit).
create table access_log (
    id            uuid         primary key,
    at            timestamptz  not null,
    actor         varchar(100) not null,
    actor_rhf     varchar(40)  not null,
    employee_id   uuid         not null,
    employee_rhf  varchar(40)  not null,
    action        varchar(60)  not null
);
create index access_log_by_employee on access_log (employee_id, at);
create index access_log_by_rhf on access_log (employee_rhf, at);

-- Idempotency-Key of creating POSTs: a repeat returns the first result.
create table idempotency_key (
    actor          varchar(100) not null,
    key            varchar(200) not null,
    resource_type  varchar(40)  not null,
    resource_id    uuid         not null,
    created_at     timestamptz  not null,
    primary key (actor, key)
);
