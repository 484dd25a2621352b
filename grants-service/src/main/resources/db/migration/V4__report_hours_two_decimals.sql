-- Hours moved are reported with two decimals, as task-service's process mappings compute them (1.69 h/week).
alter table project_report alter column hours_per_week_moved type numeric(8, 2);
