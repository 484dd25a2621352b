-- Idempotency-Keys are kept by the platform (table idempotent_request: scoped to the caller, bound to a fingerprint
-- of the request, expiring); the per-entity keys of V2 are no longer read or written.
drop index if exists task_idempotency;
drop index if exists sharing_mapping_idempotency;
drop index if exists process_mapping_idempotency;
alter table task drop column idempotency_key;
alter table sharing_mapping drop column idempotency_key;
alter table process_mapping drop column idempotency_key;
