-- Each RHF locks its own pot (OPEN -> ALLOCATED) once its allocation is fixed; decisions in that RHF need only that
-- lock. Pots of rounds that were locked nationally before this change count as locked.
alter table rhf_pot add column status varchar(20) not null default 'OPEN';
update rhf_pot p set status = 'ALLOCATED'
  from grant_round r where r.id = p.round_id and r.status in ('ALLOCATED', 'CLOSED');

-- A granted application is an award, but public (open data, award list) only once the RHF publishes it; withdrawing
-- takes it off the public list again. Awards granted before this change were public at once and stay published.
alter table application add column published_at timestamptz;
alter table application add column published_by varchar(100);
-- When the public facts of the award last changed (published, withdrawn): the open data's Last-Modified.
alter table application add column public_changed_at timestamptz;
update application set published_at = coalesce(decided_at, submitted_at), published_by = coalesce(decided_by, 'migration'),
       public_changed_at = coalesce(decided_at, submitted_at)
 where status in ('GRANTED', 'CLOSED');
create index application_published on application (published_at) where published_at is not null;

-- Norwegian organisation numbers (Enhetsregisteret) of the funders and recipients, for 360Giving identifiers
-- (NO-BRC-<number>). Only numbers checked against a public source and the MOD11 check digit are listed; an
-- organisation missing here is left out of the 360Giving export rather than given an invented identifier.
--   helse-sor-ost 991324968: no.wikipedia.org/wiki/Helse_Sør-Øst (infobox "Org.nummer 991 324 968")
--   sunnaas       883971752: Wikipedia article "Sunnaas sykehus" (infobox "Org.nummer 883971752")
create table organisation_number (
    code       varchar(60) primary key,
    org_number char(9)     not null check (org_number ~ '^[0-9]{9}$'),
    source     text        not null
);
insert into organisation_number (code, org_number, source) values
  ('helse-sor-ost', '991324968', 'https://no.wikipedia.org/wiki/Helse_S%C3%B8r-%C3%98st'),
  ('sunnaas', '883971752', 'Wikipedia: Sunnaas sykehus (infobox Org.nummer)')
on conflict (code) do nothing;
