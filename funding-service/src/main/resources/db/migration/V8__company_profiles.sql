-- Issue 14: a company is a profile analysts edit (PATCH /api/companies/{id} with If-Match), not only what its first
-- round said. version is what the ETag names; status is ACTIVE until an exit or closure is recorded.
alter table company
    add column aliases      jsonb       not null default '[]',
    add column founded_on   date,
    add column headquarters text,
    add column website      text,
    add column status       text        not null default 'ACTIVE',
    add column status_since date,
    add column version      bigint      not null default 1,
    add column updated_at   timestamptz;
update company set updated_at = created_at;
alter table company alter column updated_at set not null, alter column updated_at set default now();
