-- Creating POSTs may carry an Idempotency-Key: a repeat by the same caller returns the record the first one made.
alter table task add column idempotency_key varchar(100);
alter table sharing_mapping add column idempotency_key varchar(100);
alter table process_mapping add column idempotency_key varchar(100);
create unique index task_idempotency on task (created_by, idempotency_key) where idempotency_key is not null;
create unique index sharing_mapping_idempotency on sharing_mapping (created_by, idempotency_key)
    where idempotency_key is not null;
create unique index process_mapping_idempotency on process_mapping (created_by, idempotency_key)
    where idempotency_key is not null;
