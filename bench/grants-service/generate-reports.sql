-- 50,000 published experience reports (plus 1,000 drafts) spread over the four RHFs, their HFs, personnel groups,
-- tasks and five years, for the arena search benchmark. Run against a grants-service database after its Flyway
-- migrations:  psql "$PGURL" -v n=50000 -f generate-reports.sql
-- Bench rows have created_by 'bench' so they can be removed again: delete from experience_report where created_by = 'bench';
\if :{?n}
\else
  \set n 50000
\endif

with vocab as (
  select array['Portører overtar pasienttransport', 'Matverter tar over matserveringen', 'Akuttsykepleier tar imot en pasientgruppe',
               'Renholdere i teamet rundt pasienten', 'ADHD-sykepleiere i medisinsk oppfølging', 'Sykepleierdrevet poliklinikk for barn',
               'Bioingeniører tar blodprøver på sengepost', 'Helsesekretærer tar timebestilling', 'Farmasøyt i legemiddelsamstemming',
               'Fysioterapeut leder rehabiliteringssamtaler', 'Jordmor overtar kontroller i svangerskapet', 'Helsefagarbeidere måler vitale parametre']
           as titles,
         array['portørene', 'matvertene', 'sykepleierne', 'legene', 'renholderne', 'bioingeniørene', 'farmasøytene', 'jordmødrene',
               'pasientene', 'pårørende', 'sengeposten', 'poliklinikken', 'akuttmottaket', 'operasjonsstuen', 'prosedyren', 'opplæringen',
               'veiledningen', 'delegeringen', 'ansvaret', 'forsvarligheten', 'kompetansen', 'ventetiden', 'overleveringen', 'turnusen',
               'vaktene', 'dokumentasjonen', 'journalen', 'medisineringen', 'ernæringen', 'transporten', 'hygienen', 'smittevernet']
           as words,
         array['lege', 'lis', 'sykepleier', 'spesialsykepleier', 'jordmor', 'helsefagarbeider', 'helsesekretaer', 'fysioterapeut',
               'ergoterapeut', 'farmasoyt', 'bioingenior', 'portor', 'matvert', 'renholder', 'merkantil'] as groups,
         array['PASIENTTRANSPORT', 'MATSERVERING', 'TRIAGE', 'SAARSKADE', 'RENHOLD-PASIENTROM', 'ADHD-MEDISINOPPFOLGING',
               'BLODPROVE-VENOS', 'TIMEBESTILLING', 'LEGEMIDDELSAMSTEMMING', 'REHAB-OPPFOLGING', 'VITALE-PARAMETRE', 'ERNAERING'] as tasks,
         array['helse-nord:unn', 'helse-nord:nordlandssykehuset', 'helse-midt:st-olavs', 'helse-midt:helse-more-og-romsdal',
               'helse-vest:helse-bergen', 'helse-vest:helse-stavanger', 'helse-vest:helse-fonna', 'helse-vest:helse-forde',
               'helse-sor-ost:ous', 'helse-sor-ost:ahus', 'helse-sor-ost:sykehuset-innlandet', 'helse-sor-ost:vestre-viken'] as orgs
), rows as (
  select i, v.*,
         split_part(v.orgs[1 + i % 12], ':', 1) as rhf, split_part(v.orgs[1 + i % 12], ':', 2) as hf,
         timestamptz '2021-01-01' + (i % 1800) * interval '1 day' + (i % 86400) * interval '1 second' as at
  from generate_series(1, :n + 1000) i, vocab v
)
insert into experience_report (id, rhf, hf, title, from_group, to_group, task_codes, summary, results, lessons, pitfalls,
                               contact, year, status, created_by, created_at, updated_at, published_at, version)
select gen_random_uuid(), rhf, hf,
       titles[1 + i % 12] || ' (' || i || ')',
       groups[1 + i % 15], groups[1 + (i % 15 + 1 + (i / 15) % 14) % 15],
       array[tasks[1 + i % 12], tasks[1 + (i / 12) % 12]],
       'Erfaring med ' || words[1 + i % 32] || ' og ' || words[1 + (i / 32) % 32] || ': ' || titles[1 + (i / 7) % 12] || '.',
       'Resultatet ble bedre ' || words[1 + (i / 5) % 32] || ' og mindre belastning for ' || words[1 + (i / 11) % 32] || '.',
       'Vi lærte at ' || words[1 + (i / 3) % 32] || ' må avklares før ' || words[1 + (i / 13) % 32] || '.',
       'Fallgruve: ' || words[1 + (i / 17) % 32] || ' uten ' || words[1 + (i / 19) % 32] || '.',
       'Prosjektleder', extract(year from at)::int,
       case when i > :n then 'DRAFT' else 'PUBLISHED' end, 'bench', at, at, case when i > :n then null else at end, 0
from rows;
-- vacuum, not only analyze: sets the visibility map, so counting the published reports is an index-only scan
vacuum analyze experience_report;
