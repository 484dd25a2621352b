-- The sharing decision (docs/rules/sharing-decision.md) needs a mapping's extra competences apart from the task's,
-- and a clarification keeps the mapping it applies (named, or found among the RHF's mappings when it names only a
-- task) and the competences it therefore requires.
alter table sharing_mapping_view add column extra_competences jsonb not null default '[]';

alter table clarification add column applied_mapping_id uuid;
alter table clarification add column required_competences jsonb not null default '[]';
update clarification set applied_mapping_id = mapping_id where mapping_id is not null;
update clarification c set required_competences = m.required_competences
from sharing_mapping_view m where c.mapping_id = m.mapping_id;
update clarification c set required_competences = t.required_competences
from task_view t where c.mapping_id is null and c.task_code = t.code;
create index clarification_applied_mapping on clarification (applied_mapping_id);
