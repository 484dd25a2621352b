-- Browsing the arena without a search term lists the newest reports first: serve that page from an index.
create index experience_report_recent
    on experience_report (status, published_at desc nulls last, updated_at desc, id);
