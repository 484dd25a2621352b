-- Consumers keep a read model of the competence catalogue from competence-type-defined events. Types that existed
-- before those events (the seeded national catalogue included) are announced once here, one outbox row per type,
-- in the envelope the Outbox writes (CloudEvents 1.0, structured mode; subject and Kafka key = type code; tenant
-- "national" for national types). Topic and source come from this service's torn.outbox.topic (a template naming the
-- scope as {rhf} is resolved per type, as the Outbox does) and torn.outbox.source, through Flyway placeholders.
insert into outbox_event (id, topic, event_type, subject, rhf, envelope, created_at, attempts)
select t.event_id, replace('${outbox_topic}', '{rhf}', coalesce(t.rhf, 'national')),
       'no.torn.competence.competence-type-defined.v1', t.code,
       coalesce(t.rhf, 'national'),
       jsonb_build_object(
           'specversion', '1.0',
           'id', t.event_id::text,
           'source', '${outbox_source}',
           'type', 'no.torn.competence.competence-type-defined.v1',
           'subject', t.code,
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'datacontenttype', 'application/json',
           'rhf', coalesce(t.rhf, 'national'),
           'data', jsonb_build_object(
               'code', t.code,
               'rhf', coalesce(t.rhf, 'national'),
               'name', t.name,
               'kind', t.kind,
               'category', t.category,
               'implies', coalesce((select jsonb_agg(i.implied_code order by i.implied_code)
                                    from competence_type_implies i where i.type_code = t.code), '[]'::jsonb),
               'authorisesGroups', coalesce((select jsonb_agg(a.personnel_group order by a.personnel_group)
                                             from competence_type_authorises a where a.type_code = t.code),
                                            '[]'::jsonb),
               'status', t.status,
               'version', t.version)),
       now(), 0
from (select gen_random_uuid() as event_id, c.* from competence_type c) t
order by t.code;
