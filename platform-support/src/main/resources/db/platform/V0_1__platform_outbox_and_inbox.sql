-- Transactional outbox: written in the same transaction as the change it announces, relayed to Kafka afterwards.
create table outbox_event (
    seq         bigserial primary key,
    id          uuid          not null unique,
    topic       varchar(200)  not null,
    event_type  varchar(200)  not null,
    subject     varchar(200)  not null,
    rhf         varchar(40)   not null,
    envelope    jsonb         not null,
    created_at  timestamptz   not null,
    sent_at     timestamptz,
    attempts    integer       not null default 0,
    last_error  varchar(1000)
);
create index outbox_event_pending on outbox_event (seq) where sent_at is null;

-- Inbox: event ids a consumer has applied, inserted in the same transaction as the change the event caused.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
