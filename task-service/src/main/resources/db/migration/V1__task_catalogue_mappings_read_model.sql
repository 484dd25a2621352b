-- Personnel groups (professions). Reference data: whether a group is an authorised health profession decides
-- whether a task that requires health-professional competence may be moved to it.
create table personnel_group (
    code              varchar(40)  primary key,
    name              varchar(120) not null,
    health_profession boolean      not null
);
insert into personnel_group (code, name, health_profession) values
    ('lege', 'Lege', true),
    ('lis', 'Lege i spesialisering (LIS)', true),
    ('sykepleier', 'Sykepleier', true),
    ('spesialsykepleier', 'Spesialsykepleier (AKS, anestesi, intensiv, operasjon)', true),
    ('jordmor', 'Jordmor', true),
    ('helsefagarbeider', 'Helsefagarbeider', true),
    ('helsesekretaer', 'Helsesekretær', true),
    ('fysioterapeut', 'Fysioterapeut', true),
    ('ergoterapeut', 'Ergoterapeut', true),
    ('farmasoyt', 'Farmasøyt', true),
    ('bioingenior', 'Bioingeniør', true),
    ('portor', 'Portør', false),
    ('matvert', 'Matvert', false),
    ('renholder', 'Renholder', false),
    ('merkantil', 'Merkantil', false);

-- Task catalogue. rhf null = national task (readable by every RHF); otherwise an RHF-local task or, with
-- variant_of, an RHF-local variant of a national task. Codes are unique platform-wide because events and other
-- services refer to a task by its code.
create table task (
    id                           uuid         primary key,
    code                         varchar(60)  not null unique,
    rhf                          varchar(40),
    variant_of                   varchar(60)  references task (code),
    title                        varchar(200) not null,
    description                  varchar(4000),
    category                     varchar(30)  not null,
    risk_level                   varchar(10)  not null,
    requires_health_professional boolean      not null,
    allows_untrained_staff       boolean      not null,
    safety_note                  varchar(4000),
    status                       varchar(10)  not null,
    version                      bigint       not null,
    created_at                   timestamptz  not null,
    created_by                   varchar(100) not null,
    updated_at                   timestamptz  not null,
    updated_by                   varchar(100) not null
);
create index task_rhf on task (rhf, status);

create table task_required_competence (
    task_id         uuid        not null references task (id) on delete cascade,
    competence_code varchar(80) not null,
    primary key (task_id, competence_code)
);

-- Sharing mappings: a task moved from one personnel group to another within one RHF.
create table sharing_mapping (
    id                  uuid          primary key,
    rhf                 varchar(40)   not null,
    task_id             uuid          not null references task (id),
    task_code           varchar(60)   not null,
    from_group          varchar(40)   not null references personnel_group (code),
    to_group            varchar(40)   not null references personnel_group (code),
    required_training   varchar(2000),
    supervision_level   varchar(10)   not null,
    legal_basis         varchar(500)  not null,
    status              varchar(10)   not null,
    process_mapping_id  uuid,
    version             bigint        not null,
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(100)  not null,
    proposed_at         timestamptz,
    proposed_by         varchar(100),
    approved_at         timestamptz,
    approved_by         varchar(100),
    retired_at          timestamptz,
    retired_by          varchar(100)
);
-- At most one active (not retired) mapping per task and group pair in an RHF; the service checks first (422),
-- this index is the backstop against concurrent creation.
create unique index sharing_mapping_one_active on sharing_mapping (rhf, task_code, from_group, to_group)
    where status <> 'RETIRED';
create index sharing_mapping_approved on sharing_mapping (rhf, task_code, to_group) where status = 'APPROVED';

create table sharing_mapping_extra_competence (
    mapping_id      uuid        not null references sharing_mapping (id) on delete cascade,
    competence_code varchar(80) not null,
    primary key (mapping_id, competence_code)
);

-- Process mappings (TØRN method) per HF and unit.
create table process_mapping (
    id                            uuid          primary key,
    rhf                           varchar(40)   not null,
    hf                            varchar(60)   not null,
    unit                          varchar(120)  not null,
    name                          varchar(200)  not null,
    description                   varchar(4000),
    phase                         varchar(12)   not null,
    union_representative_involved boolean       not null,
    version                       bigint        not null,
    created_at                    timestamptz   not null,
    created_by                    varchar(100)  not null,
    updated_at                    timestamptz   not null,
    updated_by                    varchar(100)  not null
);
create index process_mapping_scope on process_mapping (rhf, hf, unit);

create table process_mapping_participant (
    process_mapping_id uuid         not null references process_mapping (id) on delete cascade,
    position           integer      not null,
    participant        varchar(200) not null,
    primary key (process_mapping_id, position)
);

create table process_step (
    id                     uuid          primary key,
    process_mapping_id     uuid          not null references process_mapping (id) on delete cascade,
    position               integer       not null,
    description            varchar(500),
    task_code              varchar(60)   not null,
    performer_group        varchar(40)   not null references personnel_group (code),
    occurrences_per_week   numeric(12,2) not null,
    minutes_per_occurrence integer       not null,
    proposed_group         varchar(40)   references personnel_group (code),
    sharing_mapping_id     uuid          references sharing_mapping (id)
);
create index process_step_mapping on process_step (process_mapping_id, position);

-- Read model of competence-service events: employees and their competence records. Validity is judged at read
-- time (status and valid_until against the date asked about); version guards against out-of-order delivery.
create table cm_employee (
    id              uuid         primary key,
    rhf             varchar(40)  not null,
    hf              varchar(60),
    unit            varchar(120),
    employee_number varchar(40),
    personnel_group varchar(40)  not null,
    status          varchar(10)  not null,
    version         bigint       not null
);
create index cm_employee_unit on cm_employee (rhf, hf, unit) where status = 'ACTIVE';

create table cm_record (
    id              uuid         primary key,
    employee_id     uuid         not null,
    rhf             varchar(40)  not null,
    competence_code varchar(80)  not null,
    acquired_on     date,
    valid_until     date,
    status          varchar(10)  not null,
    version         bigint       not null
);
create index cm_record_employee on cm_record (employee_id) where status = 'ACTIVE';

-- The record's own code plus everything it implies, with the record's validity copied in, so "which codes does
-- each employee of a unit hold on a date" is one join of employees and this table.
create table cm_record_code (
    record_id   uuid        not null references cm_record (id) on delete cascade,
    employee_id uuid        not null,
    code        varchar(80) not null,
    status      varchar(10) not null,
    acquired_on date,
    valid_until date,
    primary key (record_id, code)
);
create index cm_record_code_employee on cm_record_code (employee_id, code);
