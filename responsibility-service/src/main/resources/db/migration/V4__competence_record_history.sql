-- What each competence record said over time, so a past day can be answered as it was known then: one row per
-- applied record event (written with the view, in the consumer's transaction). recorded_at is the event's time.
create table competence_record_history (
    id               bigserial primary key,
    record_id        uuid          not null,
    employee_id      uuid          not null,
    rhf              varchar(40)   not null,
    source_version   bigint        not null,
    competence_code  varchar(120)  not null,
    implied_codes    jsonb         not null default '[]',
    acquired_on      date,
    valid_until      date,
    status           varchar(20)   not null,
    trust_level      varchar(40),
    reason           varchar(1000),
    event_id         varchar(200),
    event_type       varchar(200),
    recorded_at      timestamptz   not null
);
create index competence_record_history_employee on competence_record_history (employee_id, record_id, recorded_at);

-- Until now only the latest state was kept: it is the first known state of every existing record.
insert into competence_record_history (record_id, employee_id, rhf, source_version, competence_code, implied_codes,
                                       acquired_on, valid_until, status, trust_level, reason, recorded_at)
select record_id, employee_id, rhf, source_version, competence_code, implied_codes, acquired_on, valid_until, status,
       trust_level, reason, updated_at
from competence_record_view;

-- History is evidence for incident review: the database refuses to change or remove it.
create function competence_record_history_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'competence_record_history is append-only: % is not allowed', tg_op;
end;
$$;
create trigger competence_record_history_no_update_or_delete
    before update or delete on competence_record_history
    for each row execute function competence_record_history_append_only();
create trigger competence_record_history_no_truncate
    before truncate on competence_record_history
    for each statement execute function competence_record_history_append_only();
