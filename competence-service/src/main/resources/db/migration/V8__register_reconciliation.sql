-- Reconciliation of authorisation records with Helsepersonellregisteret (HPR). The register's answer is kept beside
-- the record, not in it: these columns are written by the reconciliation only and do not change the record's
-- version, status or validity (the record's own commands and events are unaffected).
alter table competence_record
    add column register_status     varchar(20),
    add column register_checked_at timestamptz,
    add column register_mismatch   varchar(40);

comment on column competence_record.register_status is
    'What HPR reported at the last check: VALID, SUSPENDED, REVOKED, EXPIRED or NOT_FOUND';
comment on column competence_record.register_mismatch is
    'Why the record is flagged (NOT_FOUND, SUSPENDED, REVOKED, EXPIRED, CATEGORY_MISMATCH); null when it matches';

-- The flagged records of an RHF, for the list of open mismatches.
create index competence_record_register_flagged on competence_record (rhf, id) where register_mismatch is not null;

-- One row per reconciliation run: nightly (one per RHF) or on demand (an RHF, or one employee).
create table register_reconciliation_run (
    id            uuid         primary key,
    rhf           varchar(40)  not null,
    employee_id   uuid,
    trigger       varchar(20)  not null,
    started_by    varchar(200) not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz,
    status        varchar(20)  not null,
    checked       integer      not null default 0,
    mismatches    integer      not null default 0,
    cleared       integer      not null default 0,
    errors        integer      not null default 0,
    failure       varchar(1000)
);

create index register_reconciliation_run_rhf on register_reconciliation_run (rhf, started_at desc);
