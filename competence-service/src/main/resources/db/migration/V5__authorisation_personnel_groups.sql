-- An authorisation (Helsepersonelloven §48) is held only by the personnel groups it authorises, e.g. a doctor's
-- authorisation by doctors and doctors in specialisation. Only types of category AUTHORISATION name groups.
create table competence_type_authorises (
    type_code        varchar(60) not null references competence_type (code) on delete cascade,
    personnel_group  varchar(40) not null references personnel_group (code),
    primary key (type_code, personnel_group)
);

insert into competence_type_authorises (type_code, personnel_group)
select t.code, g.code
from (values
    ('AUT-LEGE', 'lege'),
    ('AUT-LEGE', 'lis'),
    ('AUT-SYKEPLEIER', 'sykepleier'),
    ('AUT-SYKEPLEIER', 'spesialsykepleier'),
    ('AUT-SYKEPLEIER', 'jordmor'),
    ('AUT-JORDMOR', 'jordmor'),
    ('AUT-HELSEFAGARBEIDER', 'helsefagarbeider'),
    ('AUT-HELSESEKRETAER', 'helsesekretaer'),
    ('AUT-FYSIOTERAPEUT', 'fysioterapeut'),
    ('AUT-ERGOTERAPEUT', 'ergoterapeut'),
    ('AUT-FARMASOYT', 'farmasoyt'),
    ('AUT-BIOINGENIOR', 'bioingenior')
) as v (type_code, personnel_group)
join competence_type t on t.code = v.type_code and t.category = 'AUTHORISATION'
join personnel_group g on g.code = v.personnel_group;

