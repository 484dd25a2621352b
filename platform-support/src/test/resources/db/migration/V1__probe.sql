-- Test-only read model: one row per applied event; a duplicate application would violate nothing but show up as
-- a second row, which the tests count.
create table probe_applied (
    id       bigserial primary key,
    event_id varchar(200) not null,
    subject  varchar(200) not null
);
