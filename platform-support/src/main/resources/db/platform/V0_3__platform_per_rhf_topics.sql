-- Events now go to one topic per RHF (torn.<rhf>.<service>.v1, national ones to torn.national.<service>.v1).
-- Rows not yet relayed were addressed to the old shared topic (torn.<service>.v1): re-address them to their RHF's.
update outbox_event
   set topic = 'torn.' || rhf || substr(topic, 5)
 where sent_at is null
   and topic ~ '^torn\.[a-z]+\.v[0-9]+$';
