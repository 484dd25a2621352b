-- Idempotency-Key is now kept by the platform's idempotent_request table, scoped to the caller and fingerprinted;
-- the per-RHF key columns (and their unique constraints, dropped with them) are no longer used.
alter table application drop column idempotency_key;
alter table experience_report drop column idempotency_key;
