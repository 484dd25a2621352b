-- Grant rounds: national, created by the programme group. rhf is 'national' so every table carries a tenant column.
create table grant_round (
    id              uuid         primary key,
    rhf             varchar(40)  not null default 'national',
    year            integer      not null check (year between 2000 and 2200),
    programme       varchar(60)  not null,
    title           varchar(200) not null,
    national_amount bigint       not null check (national_amount >= 0),
    status          varchar(20)  not null,
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null,
    unique (year, programme)
);

-- One RHF's share of a round and how the RHF splits it; participants are [{hf, baseFrame}].
create table rhf_pot (
    id                     uuid          primary key,
    round_id               uuid          not null references grant_round (id),
    rhf                    varchar(40)   not null,
    amount                 bigint        not null check (amount >= 0),
    rhf_activities_amount  bigint        check (rhf_activities_amount >= 0),
    rhf_activities_percent numeric(5, 2) check (rhf_activities_percent between 0 and 100),
    evaluation_reserve     bigint        not null default 0 check (evaluation_reserve >= 0),
    minimum_amount         bigint        not null default 0 check (minimum_amount >= 0),
    participants           jsonb         not null default '[]',
    updated_by             varchar(100)  not null,
    updated_at             timestamptz   not null,
    version                bigint        not null,
    unique (round_id, rhf)
);

-- Every computation of a pot's HF allocation, kept with its inputs and arithmetic so it can be audited later.
create table allocation (
    id                 uuid         primary key,
    round_id           uuid         not null references grant_round (id),
    pot_id             uuid         not null references rhf_pot (id),
    rhf                varchar(40)  not null,
    allocation_version integer      not null,
    current            boolean      not null,
    hf_pot             bigint       not null,
    inputs             jsonb        not null,
    arithmetic         jsonb        not null,
    computed_by        varchar(100) not null,
    computed_at        timestamptz  not null,
    version            bigint       not null,
    unique (pot_id, allocation_version)
);
create unique index allocation_one_current on allocation (pot_id) where current;

-- The amount each HF may be granted from an allocation; the row is locked while a grant is decided.
create table allocation_share (
    id            uuid        primary key,
    allocation_id uuid        not null references allocation (id),
    round_id      uuid        not null references grant_round (id),
    rhf           varchar(40) not null,
    hf            varchar(60) not null,
    amount        bigint      not null check (amount >= 0),
    granted       bigint      not null default 0 check (granted >= 0 and granted <= amount),
    version       bigint      not null,
    unique (allocation_id, hf)
);

create table application (
    id               uuid          primary key,
    round_id         uuid          not null references grant_round (id),
    rhf              varchar(40)   not null,
    hf               varchar(60)   not null,
    title            varchar(200)  not null,
    department       varchar(200)  not null,
    from_group       varchar(40)   not null,
    to_group         varchar(40)   not null,
    task_codes       text[]        not null default '{}',
    description      text          not null,
    kind             varchar(20)   not null,
    requested_amount bigint        not null check (requested_amount >= 0),
    contact_name     varchar(200)  not null,
    contact_email    varchar(200)  not null,
    status           varchar(20)   not null,
    granted_amount   bigint        check (granted_amount >= 0),
    decision_reason  text,
    decided_by       varchar(100),
    decided_at       timestamptz,
    submitted_by     varchar(100)  not null,
    submitted_at     timestamptz   not null,
    closed_at        timestamptz,
    idempotency_key  varchar(200),
    version          bigint        not null,
    unique (rhf, idempotency_key)
);
create index application_round on application (round_id, rhf, hf);
create index application_awards on application (rhf, status);

create table application_review (
    id             uuid         primary key,
    application_id uuid         not null references application (id),
    rhf            varchar(40)  not null,
    score          integer      not null check (score between 1 and 5),
    comment        text         not null,
    reviewed_by    varchar(100) not null,
    reviewed_at    timestamptz  not null
);
create index application_review_app on application_review (application_id);

create table project_report (
    id                   uuid          primary key,
    application_id       uuid          not null references application (id),
    rhf                  varchar(40)   not null,
    hf                   varchar(60)   not null,
    kind                 varchar(20)   not null,
    summary              text          not null,
    hours_per_week_moved numeric(7, 1) not null check (hours_per_week_moved >= 0),
    staff_trained        integer       not null check (staff_trained >= 0),
    delegations_active   integer       not null check (delegations_active >= 0),
    status               varchar(20)   not null,
    review_comment       text,
    submitted_by         varchar(100)  not null,
    submitted_at         timestamptz   not null,
    decided_by           varchar(100),
    decided_at           timestamptz,
    version              bigint        not null
);
create index project_report_app on project_report (application_id);

-- The experience-sharing arena. Published reports are readable by every RHF; drafts only by their own.
create table experience_report (
    id             uuid          primary key,
    rhf            varchar(40)   not null,
    hf             varchar(60)   not null,
    application_id uuid          references application (id),
    title          varchar(200)  not null,
    from_group     varchar(40)   not null,
    to_group       varchar(40)   not null,
    task_codes     text[]        not null default '{}',
    summary        text          not null,
    results        text          not null default '',
    lessons        text          not null default '',
    pitfalls       text          not null default '',
    contact        varchar(200)  not null default '',
    year           integer       not null,
    status         varchar(20)   not null,
    created_by     varchar(100)  not null,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    published_at   timestamptz,
    idempotency_key varchar(200),
    version        bigint        not null,
    search         tsvector generated always as (
        setweight(to_tsvector('norwegian', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('norwegian', coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('norwegian', coalesce(results, '') || ' ' || coalesce(lessons, '') || ' '
            || coalesce(pitfalls, '')), 'C')
    ) stored,
    unique (rhf, idempotency_key)
);
create index experience_report_search on experience_report using gin (search);
create index experience_report_published on experience_report (status, year, rhf, hf);
create index experience_report_tasks on experience_report using gin (task_codes);
