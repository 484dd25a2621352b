-- Personnel groups (DESIGN.md reference data); authorised = autorisert helsepersonellgruppe.
insert into personnel_group (code, name, authorised_health_profession) values
    ('lege', 'Lege', true),
    ('lis', 'Lege i spesialisering (LIS)', true),
    ('sykepleier', 'Sykepleier', true),
    ('spesialsykepleier', 'Spesialsykepleier (AKS, anestesi, intensiv, operasjon, barn)', true),
    ('jordmor', 'Jordmor', true),
    ('helsefagarbeider', 'Helsefagarbeider', true),
    ('helsesekretaer', 'Helsesekretær', true),
    ('fysioterapeut', 'Fysioterapeut', true),
    ('ergoterapeut', 'Ergoterapeut', true),
    ('farmasoyt', 'Farmasøyt', true),
    ('bioingenior', 'Bioingeniør', true),
    ('portor', 'Portør', false),
    ('matvert', 'Matvert', false),
    ('renholder', 'Renholder', false),
    ('merkantil', 'Merkantil', false);

-- National competence catalogue: authorisations per profession (Helsepersonelloven §48), specialisations,
-- education and common national courses and skills.
insert into competence_type (code, rhf, name, kind, category, validity_months, evidence_required) values
    ('AUT-LEGE', null, 'Autorisasjon som lege', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-SYKEPLEIER', null, 'Autorisasjon som sykepleier', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-JORDMOR', null, 'Autorisasjon som jordmor', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-HELSEFAGARBEIDER', null, 'Autorisasjon som helsefagarbeider', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-HELSESEKRETAER', null, 'Autorisasjon som helsesekretær', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-FYSIOTERAPEUT', null, 'Autorisasjon som fysioterapeut', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-ERGOTERAPEUT', null, 'Autorisasjon som ergoterapeut', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-FARMASOYT', null, 'Autorisasjon som farmasøyt', 'FORMAL', 'AUTHORISATION', null, true),
    ('AUT-BIOINGENIOR', null, 'Autorisasjon som bioingeniør', 'FORMAL', 'AUTHORISATION', null, true),
    ('SPES-INTENSIV', null, 'Spesialsykepleier, intensivsykepleie', 'FORMAL', 'SPECIALISATION', null, true),
    ('SPES-ANESTESI', null, 'Spesialsykepleier, anestesisykepleie', 'FORMAL', 'SPECIALISATION', null, true),
    ('SPES-OPERASJON', null, 'Spesialsykepleier, operasjonssykepleie', 'FORMAL', 'SPECIALISATION', null, true),
    ('SPES-BARN', null, 'Spesialsykepleier, barnesykepleie', 'FORMAL', 'SPECIALISATION', null, true),
    ('SPES-AKUTT', null, 'Akuttsykepleie (AKS)', 'FORMAL', 'SPECIALISATION', null, true),
    ('SPES-LEGE', null, 'Spesialistgodkjenning lege', 'FORMAL', 'SPECIALISATION', null, true),
    ('UTD-SYKEPLEIE', null, 'Bachelor i sykepleie', 'FORMAL', 'EDUCATION', null, true),
    ('UTD-HELSEFAG', null, 'Fagbrev helsearbeiderfaget', 'FORMAL', 'EDUCATION', null, true),
    ('HLR', null, 'Hjerte-lunge-redning (HLR), basal', 'REAL', 'COURSE', 12, false),
    ('AHLR', null, 'Avansert hjerte-lunge-redning (AHLR)', 'REAL', 'COURSE', 12, false),
    ('LEGEMIDDELHANDTERING', null, 'Legemiddelhåndtering, kurs', 'REAL', 'COURSE', 24, false),
    ('SMITTEVERN', null, 'Smittevern og basale smittevernrutiner', 'REAL', 'COURSE', 24, false),
    ('FORFLYTNING', null, 'Forflytningsteknikk', 'REAL', 'COURSE', 36, false),
    ('MATHYGIENE', null, 'Mathygiene (næringsmiddelhygiene)', 'REAL', 'COURSE', 36, false),
    ('BLODPROVE', null, 'Blodprøvetaking (venepunksjon)', 'REAL', 'PROCEDURE', null, false),
    ('PVK', null, 'Innleggelse av perifert venekateter (PVK)', 'REAL', 'PROCEDURE', null, false),
    ('EKG', null, 'Registrering av EKG', 'REAL', 'PROCEDURE', null, false),
    ('PASIENTTRANSPORT', null, 'Intern pasienttransport', 'REAL', 'EXPERIENCE', null, false);

insert into competence_type_implies (type_code, implied_code) values
    ('SPES-INTENSIV', 'AUT-SYKEPLEIER'),
    ('SPES-ANESTESI', 'AUT-SYKEPLEIER'),
    ('SPES-OPERASJON', 'AUT-SYKEPLEIER'),
    ('SPES-BARN', 'AUT-SYKEPLEIER'),
    ('SPES-AKUTT', 'AUT-SYKEPLEIER'),
    ('SPES-LEGE', 'AUT-LEGE'),
    ('AHLR', 'HLR');

insert into competence_closure (type_code, implied_code)
with recursive closure (type_code, implied_code) as (
    select code, code from competence_type
    union
    select c.type_code, i.implied_code
    from closure c join competence_type_implies i on i.type_code = c.implied_code
)
select type_code, implied_code from closure;
