-- The platform's audit trail (audit_trail) replaces this service's own audit_entry. Existing lines are copied with
-- their status change as before/after snapshots; actor_name and actor_role are unknown for them (the old trail kept
-- only the subject id).
insert into audit_trail (at, rhf, hf, actor_id, actor_name, actor_role, action, entity_type, entity_id,
                         before_state, after_state, reason)
select at, rhf, hf, actor, null, null, action, entity_type, entity_id::text,
       case when from_status is null then null else jsonb_build_object('status', from_status) end,
       case when to_status is null then null else jsonb_build_object('status', to_status) end,
       reason
from audit_entry
order by id;

-- audit_entry refuses deletes and truncation by trigger; the triggers go first, then the table and its function.
drop trigger audit_entry_no_update_or_delete on audit_entry;
drop trigger audit_entry_no_truncate on audit_entry;
drop table audit_entry;
drop function audit_entry_append_only();

-- Idempotency keys now live in the platform's idempotent_request, scoped to the caller and fingerprinted.
drop index clarification_idempotency;
alter table clarification drop column idempotency_key;
drop index delegation_idempotency;
alter table delegation drop column idempotency_key;
