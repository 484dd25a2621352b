-- One arena search as grants-service issues it (GET /api/v1/experience/reports?q=...&size=50): the ranked page with
-- the total as a window count in one statement (rank computed in the scan behind an "offset 0" fence), then the
-- page's rows by primary key (here joined into the same statement). Random Norwegian term; two of three queries also
-- filter by personnel group (from or to).
\set w random(1, 12)
\set g random(1, 45)
with page as (
  select m.id, count(*) over () as total
    from (select e.id, e.published_at,
                 ts_rank(e.search, websearch_to_tsquery('norwegian', (array['portør','matverter','sykepleier','pasienttransport','ventetid','opplæring','ansvar','renhold','blodprøver','legemiddelsamstemming','jordmor','forsvarlighet'])[:w])) as rank
            from experience_report e
           where e.status = 'PUBLISHED'
             and e.search @@ websearch_to_tsquery('norwegian', (array['portør','matverter','sykepleier','pasienttransport','ventetid','opplæring','ansvar','renhold','blodprøver','legemiddelsamstemming','jordmor','forsvarlighet'])[:w])
             and (:g > 30 or e.from_group = (array['lege','lis','sykepleier','spesialsykepleier','jordmor','helsefagarbeider','helsesekretaer','fysioterapeut','ergoterapeut','farmasoyt','bioingenior','portor','matvert','renholder','merkantil'])[1 + :g % 15]
                          or e.to_group = (array['lege','lis','sykepleier','spesialsykepleier','jordmor','helsefagarbeider','helsesekretaer','fysioterapeut','ergoterapeut','farmasoyt','bioingenior','portor','matvert','renholder','merkantil'])[1 + :g % 15])
          offset 0) m
   order by m.rank desc, m.published_at desc, m.id
   limit 50)
select r.*, page.total from page join experience_report r on r.id = page.id;
