-- Reference data in every installation: the TØRN 2023 grant round for Helse Sør-Øst, a closed round with ten HFs,
-- each with one published award, after the published 2023 award list. The project themes follow that list (the
-- first six are the examples named in the programme description); titles, HF assignment, base frames, the split and
-- all amounts are ILLUSTRATIVE, not the real figures. The allocation below is exactly what AllocationCalculator
-- computes from the stored inputs (HF pot 11 000 000, minimum 400 000, base frames in MNOK).
-- Idempotent: fixed ids, every insert skips rows that exist already (installations that loaded the former demo
-- script keep their rows), and the updates at the end bring such rows to the closed, published state.
insert into grant_round (id, rhf, year, programme, title, national_amount, status, created_by, created_at, updated_at, version)
values ('2023e000-0000-4000-8000-000000000001', 'national', 2023, 'specialist-health', 'TØRN 2023 – spesialisthelsetjenesten', 30000000, 'CLOSED', 'reference-data',
        '2023-03-01T08:00:00Z', '2023-05-01T08:00:00Z', 1)
on conflict do nothing;

insert into rhf_pot (id, round_id, rhf, amount, rhf_activities_amount, rhf_activities_percent, evaluation_reserve, minimum_amount,
                     participants, updated_by, updated_at, version)
values ('2023e000-0000-4000-8000-000000000002', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 13000000, 1500000, null, 500000, 400000,
        '[{"hf":"ous","baseFrame":23000},{"hf":"ahus","baseFrame":11000},{"hf":"sykehuset-innlandet","baseFrame":9500},{"hf":"sykehuset-ostfold","baseFrame":6500},{"hf":"sorlandet-sykehus","baseFrame":6000},{"hf":"sykehuset-telemark","baseFrame":4000},{"hf":"sykehuset-i-vestfold","baseFrame":5000},{"hf":"vestre-viken","baseFrame":8500},{"hf":"sunnaas","baseFrame":900},{"hf":"lovisenberg","baseFrame":1800}]', 'reference-data', '2023-03-15T08:00:00Z', 1)
on conflict do nothing;

insert into allocation (id, round_id, pot_id, rhf, allocation_version, current, hf_pot, inputs, arithmetic, computed_by, computed_at, version)
values ('2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', '2023e000-0000-4000-8000-000000000002', 'helse-sor-ost', 1, true, 11000000,
        '{"rhfPot":13000000,"rhfActivitiesAmount":1500000,"rhfActivitiesPercent":null,"evaluationReserve":500000,"minimumAmount":400000,"participants":[{"hf":"ous","baseFrame":23000},{"hf":"ahus","baseFrame":11000},{"hf":"sykehuset-innlandet","baseFrame":9500},{"hf":"sykehuset-ostfold","baseFrame":6500},{"hf":"sorlandet-sykehus","baseFrame":6000},{"hf":"sykehuset-telemark","baseFrame":4000},{"hf":"sykehuset-i-vestfold","baseFrame":5000},{"hf":"vestre-viken","baseFrame":8500},{"hf":"sunnaas","baseFrame":900},{"hf":"lovisenberg","baseFrame":1800}]}',
        '{"hfPot":11000000,"minimumAmount":400000,"participantCount":10,"minimumTotal":4000000,"distributable":7000000,"baseFrameTotal":"76200","floorTotal":6999995,"roundingUnits":5,"shares":[{"hf":"ahus","baseFrame":11000,"minimumPart":400000,"proportionalFraction":"385000000/381","proportionalDecimal":1010498.687664,"proportionalFloor":1010498,"remainder":"52400/76200","roundingAdjustment":1,"amount":1410499},{"hf":"lovisenberg","baseFrame":1800,"minimumPart":400000,"proportionalFraction":"21000000/127","proportionalDecimal":165354.330708,"proportionalFloor":165354,"remainder":"25200/76200","roundingAdjustment":0,"amount":565354},{"hf":"ous","baseFrame":23000,"minimumPart":400000,"proportionalFraction":"805000000/381","proportionalDecimal":2112860.892388,"proportionalFloor":2112860,"remainder":"68000/76200","roundingAdjustment":1,"amount":2512861},{"hf":"sorlandet-sykehus","baseFrame":6000,"minimumPart":400000,"proportionalFraction":"70000000/127","proportionalDecimal":551181.102362,"proportionalFloor":551181,"remainder":"7800/76200","roundingAdjustment":0,"amount":951181},{"hf":"sunnaas","baseFrame":900,"minimumPart":400000,"proportionalFraction":"10500000/127","proportionalDecimal":82677.165354,"proportionalFloor":82677,"remainder":"12600/76200","roundingAdjustment":0,"amount":482677},{"hf":"sykehuset-i-vestfold","baseFrame":5000,"minimumPart":400000,"proportionalFraction":"175000000/381","proportionalDecimal":459317.585301,"proportionalFloor":459317,"remainder":"44600/76200","roundingAdjustment":1,"amount":859318},{"hf":"sykehuset-innlandet","baseFrame":9500,"minimumPart":400000,"proportionalFraction":"332500000/381","proportionalDecimal":872703.412073,"proportionalFloor":872703,"remainder":"31400/76200","roundingAdjustment":0,"amount":1272703},{"hf":"sykehuset-ostfold","baseFrame":6500,"minimumPart":400000,"proportionalFraction":"227500000/381","proportionalDecimal":597112.860892,"proportionalFloor":597112,"remainder":"65600/76200","roundingAdjustment":1,"amount":997113},{"hf":"sykehuset-telemark","baseFrame":4000,"minimumPart":400000,"proportionalFraction":"140000000/381","proportionalDecimal":367454.068241,"proportionalFloor":367454,"remainder":"5200/76200","roundingAdjustment":0,"amount":767454},{"hf":"vestre-viken","baseFrame":8500,"minimumPart":400000,"proportionalFraction":"297500000/381","proportionalDecimal":780839.895013,"proportionalFloor":780839,"remainder":"68200/76200","roundingAdjustment":1,"amount":1180840}]}',
        'reference-data', '2023-04-01T08:00:00Z', 0)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000001', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'ous', 2512861, 2500000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000001', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'ous', 'Portøroppgaver flyttet fra helsepersonell til portører', 'Klinikk for indremedisin og laboratoriefag', 'sykepleier', 'portor', array['PASIENTTRANSPORT', 'SENGEVASK']::text[],
        'Portører overtar pasienttransport, sengevask og henting av prøver som i dag gjøres av sykepleiere og helsefagarbeidere.', 'ONGOING', 2500000, 'Prosjektleder', 'prosjekt@ous.example.org', 'GRANTED', 2500000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000002', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'ahus', 1410499, 1400000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000002', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'ahus', 'Akuttsykepleier tar imot en pasientgruppe og avlaster LIS', 'Akuttklinikken', 'lis', 'sykepleier', array['TRIAGE', 'SAARSKADE']::text[],
        'Erfarne akuttsykepleiere vurderer og behandler pasienter med enkle skader etter prosedyre, slik at leger i spesialisering kan prioritere de sykeste.', 'PLANNED', 1400000, 'Prosjektleder', 'prosjekt@ahus.example.org', 'GRANTED', 1400000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000003', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-innlandet', 1272703, 1250000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-innlandet', 'Teamorganisering med renholdere rundt pasienten', 'Medisinsk avdeling Hamar', 'helsefagarbeider', 'renholder', array['RENHOLD-PASIENTROM']::text[],
        'Renholdere inngår i teamet rundt pasienten og tar over daglig renhold av pasientnære flater.', 'PLANNED', 1250000, 'Prosjektleder', 'prosjekt@sykehuset-innlandet.example.org', 'GRANTED', 1250000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000004', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-ostfold', 997113, 950000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000004', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-ostfold', 'Matverter overtar matserveringen fra sykepleierne', 'Medisinsk klinikk', 'sykepleier', 'matvert', array['MATSERVERING', 'ERNAERING']::text[],
        'Matverter tar bestilling, servering og registrering av måltider, slik at sykepleierne får mer tid til pasientnært arbeid.', 'ONGOING', 950000, 'Prosjektleder', 'prosjekt@sykehuset-ostfold.example.org', 'GRANTED', 950000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000005', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sorlandet-sykehus', 951181, 950000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000005', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sorlandet-sykehus', 'ADHD-sykepleiere i medisinsk oppfølging', 'Klinikk for psykisk helse', 'lege', 'sykepleier', array['ADHD-MEDISINOPPFOLGING']::text[],
        'Sykepleiere med videreutdanning følger opp pasienter i medikamentell ADHD-behandling etter fastlagte prosedyrer, med lege i bakvakt.', 'ONGOING', 950000, 'Prosjektleder', 'prosjekt@sorlandet-sykehus.example.org', 'GRANTED', 950000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000006', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-telemark', 767454, 750000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000006', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-telemark', 'Bioingeniører tar blodprøver på sengepost', 'Laboratoriemedisin', 'sykepleier', 'bioingenior', array['BLODPROVE-VENOS']::text[],
        'Bioingeniører tar morgenprøvene på sengepostene. Prosjektet er illustrativt.', 'PLANNED', 750000, 'Prosjektleder', 'prosjekt@sykehuset-telemark.example.org', 'GRANTED', 750000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000007', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-i-vestfold', 859318, 850000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000007', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sykehuset-i-vestfold', 'Sykepleierdrevet poliklinikk for barn', 'Barne- og ungdomsklinikken', 'lege', 'sykepleier', array['BARN-POLIKLINIKK-KONTROLL']::text[],
        'Sykepleiere overtar kontroller lege gjorde før, og foreldrene læres opp til oppgaver hjemme (lege → sykepleier → foreldre).', 'ONGOING', 850000, 'Prosjektleder', 'prosjekt@sykehuset-i-vestfold.example.org', 'GRANTED', 850000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000008', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'vestre-viken', 1180840, 1150000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000008', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'vestre-viken', 'Merkantile oppgaver flyttet fra sykepleiere til helsesekretærer', 'Medisinsk klinikk Drammen', 'sykepleier', 'helsesekretaer', array['INNKALLING', 'TIMEBESTILLING']::text[],
        'Helsesekretærer tar over innkalling og timebestilling. Prosjektet er illustrativt.', 'PLANNED', 1150000, 'Prosjektleder', 'prosjekt@vestre-viken.example.org', 'GRANTED', 1150000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000009', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sunnaas', 482677, 480000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000009', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'sunnaas', 'Fysioterapeutledet oppfølging i rehabilitering', 'Rehabiliteringsavdelingen', 'lege', 'fysioterapeut', array['REHAB-OPPFOLGING']::text[],
        'Fysioterapeuter leder oppfølgingssamtaler i rehabiliteringsforløpet. Prosjektet er illustrativt.', 'PLANNED', 480000, 'Prosjektleder', 'prosjekt@sunnaas.example.org', 'GRANTED', 480000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

insert into allocation_share (id, allocation_id, round_id, rhf, hf, amount, granted, version)
values ('2023e000-0000-4000-8001-000000000010', '2023e000-0000-4000-8000-000000000003', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'lovisenberg', 565354, 550000, 1) on conflict do nothing;
insert into application (id, round_id, rhf, hf, title, department, from_group, to_group, task_codes, description, kind,
                         requested_amount, contact_name, contact_email, status, granted_amount, decision_reason, decided_by,
                         decided_at, submitted_by, submitted_at, version)
values ('2023e000-0000-4000-8002-000000000010', '2023e000-0000-4000-8000-000000000001', 'helse-sor-ost', 'lovisenberg', 'Farmasøyt i legemiddelsamstemming ved innleggelse', 'Medisinsk avdeling', 'lege', 'farmasoyt', array['LEGEMIDDELSAMSTEMMING']::text[],
        'Kliniske farmasøyter gjør legemiddelsamstemming ved innleggelse. Prosjektet er illustrativt.', 'PLANNED', 550000, 'Prosjektleder', 'prosjekt@lovisenberg.example.org', 'GRANTED', 550000, null, 'reference-data',
        '2023-06-15T08:00:00Z', 'reference-data', '2023-04-20T08:00:00Z', 1)
on conflict do nothing;

update grant_round set status = 'CLOSED' where id = '2023e000-0000-4000-8000-000000000001';
update rhf_pot set status = 'ALLOCATED' where id = '2023e000-0000-4000-8000-000000000002';
update application set published_at = '2023-06-20T08:00:00Z', published_by = 'reference-data',
       public_changed_at = '2023-06-20T08:00:00Z'
 where round_id = '2023e000-0000-4000-8000-000000000001' and status in ('GRANTED', 'CLOSED') and published_at is null;
