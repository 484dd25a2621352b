-- Demo national task catalogue, loaded at start-up in profile "demo" only (torn.demo-data.enabled); never part of
-- the production migrations. Idempotent: tasks that already exist are left alone, and only newly added tasks are
-- announced on torn.task.v1 through the outbox, like tasks registered through the API.
drop table if exists demo_task;
drop table if exists demo_added;
create temporary table demo_task (
    code varchar(60), title varchar(200), description varchar(4000), category varchar(30), risk_level varchar(10),
    requires_health_professional boolean, allows_untrained_staff boolean, competences varchar[],
    safety_note varchar(4000)
);

insert into demo_task values
    ('MED-DISPENSING', 'Utdeling av legemidler', 'Utdeling av ferdig istandgjorte legemidler til pasient etter kurve; kontroll av pasientidentitet.', 'MEDICATION', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','LEGEMIDDELHANDTERING']::varchar[], 'Dobbeltkontroll ved høyrisikolegemidler; ansvarlig sykepleier tilgjengelig.'),
    ('MED-PREPARATION', 'Istandgjøring av tabletter i dosett', 'Istandgjøring av perorale legemidler etter forordning på medisinrommet.', 'MEDICATION', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','LEGEMIDDELHANDTERING']::varchar[], 'Følg lokal prosedyre for legemiddelhåndtering.'),
    ('MED-ROOM-STOCK', 'Varebestilling og påfylling på medisinrom', 'Bestilling fra sykehusapoteket, varemottak, påfylling og utløpskontroll på medisinrommet.', 'LOGISTICS', 'LOW', false, true, array['LEGEMIDDELLOGISTIKK']::varchar[], 'Ingen håndtering av narkotika uten sykepleier til stede.'),
    ('MED-IV-PREPARATION', 'Tilberedning av intravenøse legemidler', 'Blanding og tilberedning av legemidler til intravenøs bruk.', 'MEDICATION', 'HIGH', true, false, array['AUT-SYKEPLEIER','LEGEMIDDELHANDTERING','IV-LEGEMIDLER']::varchar[], 'Aseptisk teknikk; dobbeltkontroll av dose.'),
    ('MED-RECONCILIATION', 'Legemiddelsamstemming ved innleggelse', 'Innhenting og samstemming av pasientens legemiddelliste ved innleggelse.', 'MEDICATION', 'MEDIUM', true, false, array['LEGEMIDDELSAMSTEMMING']::varchar[], 'Avvik meldes ansvarlig lege.'),
    ('MED-ADHD-FOLLOWUP', 'Medisinsk oppfølging av ADHD-behandling', 'Oppfølgingskonsultasjoner ved legemiddelbehandling av ADHD: effekt, bivirkninger, vekt, puls og blodtrykk.', 'MEDICATION', 'HIGH', true, false, array['AUT-SYKEPLEIER','ADHD-OPPFOLGING']::varchar[], 'Lege tar beslutning om doseendring.'),
    ('MED-INFUSION-MONITORING', 'Overvåking av pågående infusjon', 'Kontroll av infusjonshastighet, innstikksted og pasientens tilstand under infusjon.', 'MEDICATION', 'HIGH', true, false, array['AUT-SYKEPLEIER','IV-LEGEMIDLER']::varchar[], 'Stopp infusjon og tilkall sykepleier ved reaksjon.'),
    ('BLOOD-SAMPLE-VENOUS', 'Venøs blodprøvetaking', 'Venøs blodprøvetaking på sengepost og poliklinikk.', 'CLINICAL', 'MEDIUM', true, false, array['BLODPROVE']::varchar[], 'Pasientidentifikasjon og merking før prøvetaking.'),
    ('BLOOD-SAMPLE-CAPILLARY', 'Kapillær blodprøvetaking', 'Kapillær prøvetaking, f.eks. blodsukker og CRP.', 'CLINICAL', 'LOW', true, false, array['BLODPROVE']::varchar[], null),
    ('BLOOD-CULTURE', 'Blodkultur', 'Prøvetaking til blodkultur med aseptisk teknikk.', 'CLINICAL', 'MEDIUM', true, false, array['BLODPROVE','SMITTEVERN']::varchar[], 'Aseptisk teknikk for å unngå kontaminering.'),
    ('VITAL-SIGNS', 'Måling av vitale parametre (NEWS2)', 'Måling av puls, blodtrykk, respirasjon, temperatur, metning og bevissthet med NEWS2-skår.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','NEWS2']::varchar[], 'Skår over terskel meldes sykepleier umiddelbart.'),
    ('ECG-RECORDING', 'Registrering av EKG', 'Opptak av 12-avlednings EKG.', 'CLINICAL', 'MEDIUM', true, false, array['EKG']::varchar[], 'Tolkning gjøres av lege.'),
    ('ED-TRIAGE', 'Triage i akuttmottak', 'Hastegradsvurdering av pasienter ved ankomst akuttmottak.', 'CLINICAL', 'HIGH', true, false, array['AUT-SYKEPLEIER','TRIAGE-RETTS']::varchar[], 'Lege tilkalles ved rød/oransje hastegrad.'),
    ('ED-MINOR-INJURIES', 'Vurdering og behandling av pasientgruppe med småskader i akuttmottak', 'Sykepleier overtar en avgrenset pasientgruppe (småskader) for å avlaste LIS.', 'CLINICAL', 'HIGH', true, false, array['AUT-SYKEPLEIER','TRIAGE-RETTS','SKADEBEHANDLING']::varchar[], 'Etter prosedyre godkjent av avdelingsoverlege; lege tilgjengelig.'),
    ('PAED-OUTPATIENT-FOLLOWUP', 'Sykepleierledet oppfølging i barnepoliklinikk', 'Kontroller av barn med kroniske tilstander etter fast protokoll.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-SYKEPLEIER','BARNESYKEPLEIE']::varchar[], 'Avvik fra protokoll henvises lege.'),
    ('PARENT-TRAINING', 'Opplæring av foreldre i behandling hjemme', 'Opplæring av foreldre i prosedyrer barnet trenger hjemme.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-SYKEPLEIER','PASIENTOPPLAERING']::varchar[], null),
    ('CPR-BASIC', 'Basal hjerte-lungeredning', 'Start av basal HLR og varsling av akutteam.', 'CLINICAL', 'HIGH', false, true, array['HLR']::varchar[], 'Årlig HLR-trening er forutsetning.'),
    ('WOUND-CARE-SIMPLE', 'Enkelt sårstell', 'Skift av bandasje og observasjon av ukompliserte sår.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','SARSTELL']::varchar[], 'Tegn på infeksjon meldes sykepleier.'),
    ('CATHETER-INSERTION', 'Innleggelse av urinkateter', 'Innleggelse av permanent eller intermitterende urinkateter.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-SYKEPLEIER','KATETERISERING']::varchar[], null),
    ('PERSONAL-CARE', 'Personlig stell av pasient', 'Hjelp til personlig hygiene, påkledning og munnstell.', 'CLINICAL', 'LOW', true, false, array['AUT-HELSEFAGARBEIDER']::varchar[], null),
    ('MOBILISATION', 'Mobilisering etter operasjon', 'Mobilisering av pasient etter plan fra fysioterapeut.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','MOBILISERING']::varchar[], 'Følg fysioterapeutens plan og belastningsrestriksjoner.'),
    ('PATIENT-WATCH', 'Fastvakt ved urolig pasient', 'Kontinuerlig observasjon av urolig eller forvirret pasient.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER']::varchar[], 'Tilkall sykepleier ved forverring.'),
    ('NUTRITION-SCREENING', 'Ernæringsscreening og registrering av matinntak', 'Screening for underernæring og registrering av mat- og væskeinntak.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','ERNAERINGSKARTLEGGING']::varchar[], null),
    ('FEEDING-ASSISTANCE', 'Måltidshjelp ved svelgvansker', 'Hjelp til måltid for pasienter med dysfagi etter tilpasset konsistens.', 'CLINICAL', 'MEDIUM', true, false, array['AUT-HELSEFAGARBEIDER','DYSFAGI']::varchar[], 'Aspirasjonsfare: kun personell med dysfagiopplæring.'),
    ('MEAL-SERVICE', 'Servering av måltider på sengepost', 'Matvert serverer frokost, middag og kveldsmat og rydder etter måltid.', 'SERVICE_MEALS', 'LOW', false, true, array['HYGIENE-MAT']::varchar[], 'Sjekk spesialkost og allergier mot pasientlisten.'),
    ('MEAL-ORDERING', 'Bestilling av pasientmat og spesialkost', 'Bestilling av pasientmat og spesialkost fra kjøkkenet.', 'SERVICE_MEALS', 'LOW', false, true, array['SPESIALKOST']::varchar[], null),
    ('BEVERAGE-ROUND', 'Drikkerunde og påfyll av vann', 'Faste runder med drikke til pasienter uten væskerestriksjon.', 'SERVICE_MEALS', 'LOW', false, true, array[]::varchar[], 'Væskerestriksjon står på pasientlisten.'),
    ('PATIENT-TRANSPORT-INTERNAL', 'Intern pasienttransport', 'Transport av stabile pasienter i seng eller rullestol mellom avdelinger.', 'LOGISTICS', 'LOW', false, true, array['PASIENTFORFLYTNING']::varchar[], 'Ustabile pasienter følges av sykepleier.'),
    ('PATIENT-TRANSPORT-MONITORED', 'Pasienttransport med overvåking', 'Transport av pasient med behov for overvåking, f.eks. til intensiv.', 'LOGISTICS', 'HIGH', true, false, array['AUT-SYKEPLEIER','HLR']::varchar[], null),
    ('SAMPLE-TRANSPORT', 'Transport av prøver til laboratoriet', 'Henting og levering av blodprøver og biologisk materiale.', 'LOGISTICS', 'LOW', false, true, array['PROVEHANDTERING']::varchar[], 'Smitteførende prøver i lukket beholder.'),
    ('EQUIPMENT-LOGISTICS', 'Henting og retur av utstyr', 'Henting og retur av senger, pumper og hjelpemidler.', 'LOGISTICS', 'LOW', false, true, array[]::varchar[], null),
    ('LINEN-SUPPLY', 'Påfylling av tøy og forbruksmateriell', 'Påfylling av sengetøy og forbruksmateriell på lagre og pasientrom.', 'LOGISTICS', 'LOW', false, true, array[]::varchar[], null),
    ('DECEASED-TRANSPORT', 'Transport av avdøde', 'Transport av avdøde fra avdeling til kapell.', 'LOGISTICS', 'LOW', false, true, array['PASIENTFORFLYTNING']::varchar[], null),
    ('BED-CLEANING', 'Rengjøring og oppreing av senger', 'Rengjøring, desinfeksjon og oppreing av senger etter utskrivning.', 'CLEANING', 'LOW', false, true, array['SMITTEVERN-BASIS']::varchar[], null),
    ('ISOLATION-ROOM-CLEANING', 'Rengjøring av isolat', 'Rengjøring og desinfeksjon av isolat etter smitteregime.', 'CLEANING', 'MEDIUM', false, true, array['SMITTEVERN']::varchar[], 'Bruk riktig beskyttelsesutstyr etter smitteregime.'),
    ('SLUICE-ROOM-TIDY', 'Rydding av skyllerom og pasientrom', 'Rydding av skyllerom, tømming av avfall og rydding av pasientrom.', 'CLEANING', 'LOW', false, true, array['SMITTEVERN-BASIS']::varchar[], null),
    ('ADMISSION-REGISTRATION', 'Innskriving og registrering av pasient', 'Registrering av pasient i pasientadministrativt system ved innleggelse.', 'ADMINISTRATIVE', 'LOW', false, true, array['DIPS-REGISTRERING']::varchar[], null),
    ('APPOINTMENT-BOOKING', 'Timebestilling og innkalling', 'Booking av timer og utsending av innkallinger.', 'ADMINISTRATIVE', 'LOW', false, true, array['DIPS-REGISTRERING']::varchar[], null),
    ('DISCHARGE-DOCUMENTATION', 'Klargjøring av epikrise og utskrivningsdokumenter', 'Klargjøring av dokumenter ved utskrivning for lege.', 'ADMINISTRATIVE', 'MEDIUM', true, false, array['AUT-HELSESEKRETAER','DOKUMENTASJON']::varchar[], 'Lege godkjenner epikrisen.');

create temporary table demo_added (id uuid, code varchar(60));

with added as (
    insert into task (id, code, rhf, variant_of, title, description, category, risk_level,
                      requires_health_professional, allows_untrained_staff, safety_note, status, version,
                      created_at, created_by, updated_at, updated_by)
    select gen_random_uuid(), d.code, null, null, d.title, d.description, d.category, d.risk_level,
           d.requires_health_professional, d.allows_untrained_staff, d.safety_note, 'ACTIVE', 0,
           now(), 'demo-data', now(), 'demo-data'
    from demo_task d
    on conflict (code) do nothing
    returning id, code
)
insert into demo_added select id, code from added;

insert into task_required_competence (task_id, competence_code)
select a.id, c.code
from demo_added a
join demo_task d on d.code = a.code
cross join lateral unnest(d.competences) as c(code);

insert into outbox_event (id, topic, event_type, subject, rhf, envelope, created_at, attempts)
select d.event_id, 'torn.task.v1', 'no.torn.task.task-registered.v1', d.code, 'national',
       jsonb_build_object(
           'specversion', '1.0',
           'id', d.event_id::text,
           'source', '/torn/task-service',
           'type', 'no.torn.task.task-registered.v1',
           'subject', d.code,
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'datacontenttype', 'application/json',
           'rhf', 'national',
           'data', jsonb_build_object(
               'taskId', d.task_id::text,
               'code', d.code,
               'rhf', null,
               'variantOf', null,
               'title', d.title,
               'category', d.category,
               'riskLevel', d.risk_level,
               'requiresHealthProfessional', d.requires_health_professional,
               'allowsUntrainedStaff', d.allows_untrained_staff,
               'requiredCompetences', to_jsonb(array(select unnest(d.competences) order by 1)),
               'status', 'ACTIVE',
               'version', 0)),
       now(), 0
from (select a.id as task_id, gen_random_uuid() as event_id, t.*
      from demo_added a join demo_task t on t.code = a.code) d;

drop table demo_task;
drop table demo_added;
