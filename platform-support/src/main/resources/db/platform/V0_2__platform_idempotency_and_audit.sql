-- Idempotent requests (IETF draft "The Idempotency-Key HTTP Header Field"): a key is scoped to one caller (subject
-- and client), stored with a fingerprint of the request and the first response, and forgotten after expires_at.
create table idempotent_request (
    scope        varchar(400)  not null,
    key          varchar(255)  not null,
    operation    varchar(100)  not null,
    fingerprint  char(64)      not null,
    response     jsonb         not null,
    created_at   timestamptz   not null,
    expires_at   timestamptz   not null,
    primary key (scope, key)
);
create index idempotent_request_expiry on idempotent_request (expires_at);

-- Append-only audit trail of every service: who (id, display name, role at the time), what, when, before/after.
create table audit_trail (
    id           bigserial     primary key,
    at           timestamptz   not null,
    rhf          varchar(40)   not null,
    hf           varchar(60),
    actor_id     varchar(200)  not null,
    actor_name   varchar(200),
    actor_role   varchar(40),
    action       varchar(60)   not null,
    entity_type  varchar(60)   not null,
    entity_id    varchar(100)  not null,
    before_state jsonb,
    after_state  jsonb,
    reason       varchar(1000)
);
create index audit_trail_entity on audit_trail (entity_type, entity_id, id);
create index audit_trail_rhf on audit_trail (rhf, id);

create function audit_trail_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_trail is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_trail_no_update_or_delete
    before update or delete on audit_trail
    for each row execute function audit_trail_append_only();
create trigger audit_trail_no_truncate
    before truncate on audit_trail
    for each statement execute function audit_trail_append_only();

-- Retention removes sent outbox rows and old inbox marks by age.
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
create index processed_event_age on processed_event (processed_at);
