-- Demo data (demo profile only, never a production migration): published arena reports about three of the 2023
-- Helse Sør-Øst projects. The 2023 round and its award list are reference data of every installation (migration
-- V6__helse_sor_ost_2023_awards.sql). Repeatable and idempotent: fixed ids, every insert skips rows that exist.

insert into experience_report (id, rhf, hf, application_id, title, from_group, to_group, task_codes, summary, results,
                               lessons, pitfalls, contact, year, status, created_by, created_at, updated_at, published_at, version)
values ('2023e000-0000-4000-8003-000000000001', 'helse-sor-ost', 'ous', '2023e000-0000-4000-8002-000000000001', 'Portørene frigjorde sykepleiertid', 'sykepleier', 'portor', array['PASIENTTRANSPORT']::text[],
        'Portører overtok pasienttransport og sengevask på fire sengeposter.', 'Sykepleierne fikk om lag tolv timer mer pasientnær tid per uke per post.', 'Avklar ansvar for overlevering av pasienten ved ankomst.', 'Uklare bestillingsrutiner ga ventetid de første ukene.', 'Prosjektleder', 2023, 'PUBLISHED', 'demo',
        '2023-11-01T08:00:00Z', '2023-11-15T08:00:00Z', '2023-11-15T08:00:00Z', 1)
on conflict do nothing;

insert into experience_report (id, rhf, hf, application_id, title, from_group, to_group, task_codes, summary, results,
                               lessons, pitfalls, contact, year, status, created_by, created_at, updated_at, published_at, version)
values ('2023e000-0000-4000-8003-000000000002', 'helse-sor-ost', 'sykehuset-ostfold', '2023e000-0000-4000-8002-000000000004', 'Matverter i medisinsk klinikk', 'sykepleier', 'matvert', array['MATSERVERING', 'ERNAERING']::text[],
        'Matvertene tok over bestilling og servering av måltider.', 'Bedre registrering av ernæring og mer ro ved måltidene.', 'Opplæring i spesialkost må være på plass før start.', 'Matverter må vite hvem de skal melde fra til ved endret allmenntilstand.', 'Prosjektleder', 2023, 'PUBLISHED', 'demo',
        '2023-11-01T08:00:00Z', '2023-11-15T08:00:00Z', '2023-11-15T08:00:00Z', 1)
on conflict do nothing;

insert into experience_report (id, rhf, hf, application_id, title, from_group, to_group, task_codes, summary, results,
                               lessons, pitfalls, contact, year, status, created_by, created_at, updated_at, published_at, version)
values ('2023e000-0000-4000-8003-000000000003', 'helse-sor-ost', 'sorlandet-sykehus', '2023e000-0000-4000-8002-000000000005', 'ADHD-sykepleiere i oppfølging', 'lege', 'sykepleier', array['ADHD-MEDISINOPPFOLGING']::text[],
        'Sykepleiere følger opp pasienter i medikamentell behandling etter prosedyre.', 'Kortere ventetid på kontroller; legene bruker tiden på utredning.', 'Skriftlig ansvarsavklaring og tydelige kriterier for når lege kontaktes.', 'Manglende tilgang i journalsystemet forsinket oppstarten.', 'Prosjektleder', 2023, 'PUBLISHED', 'demo',
        '2023-11-01T08:00:00Z', '2023-11-15T08:00:00Z', '2023-11-15T08:00:00Z', 1)
on conflict do nothing;
