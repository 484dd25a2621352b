-- Idempotency-Key is now handled by the platform (table idempotent_request): scoped to the caller's subject and
-- client, with a fingerprint of the request. The service's own table goes.
drop table idempotency_key;

-- The change history of records becomes the platform audit trail (audit_trail). Each history row kept the changed
-- fields as {"field": {"from": ..., "to": ...}}; they become the before/after snapshots of one audit line, so the
-- record's history reads the same. Display name and role were not recorded then and stay empty; the expiry job gets
-- the system actor it has now.
insert into audit_trail (at, rhf, hf, actor_id, actor_name, actor_role, action, entity_type, entity_id,
                         before_state, after_state, reason)
select h.at,
       h.rhf,
       r.hf,
       case when h.actor = 'expiry-job' then 'system:expiry-job' else h.actor end,
       case when h.actor = 'expiry-job' then 'expiry-job' end,
       case when h.actor = 'expiry-job' then 'system' end,
       h.action,
       'COMPETENCE_RECORD',
       h.record_id::text,
       case when h.action = 'REGISTERED' then null
            else (select jsonb_object_agg(c.key, c.value -> 'from') from jsonb_each(h.changes::jsonb) c) end,
       (select jsonb_object_agg(c.key, c.value -> 'to') from jsonb_each(h.changes::jsonb) c),
       case when h.action = 'REVOKED' then r.revocation_reason end
from record_history h
join competence_record r on r.id = h.record_id
order by h.at, h.id;

drop table record_history;
