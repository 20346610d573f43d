-- Issue 14: every edit of a company's profile is kept, field by field, with who made it (the caller's key id) and
-- when; the profile's version at that edit orders the trail and pages it.
create table company_change (
    company_id  uuid        not null references company (id),
    version     bigint      not null,
    field       text        not null,
    before      jsonb,
    after       jsonb,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    primary key (company_id, version, field)
);

-- Exits and returns to ACTIVE, as recorded: the company row holds only the current status.
create table company_status_event (
    id            uuid        primary key,
    company_id    uuid        not null references company (id),
    version       bigint      not null,
    status_before text        not null,
    status        text        not null,
    effective_on  date        not null,
    source        text        not null,
    acquirer      text,
    changed_by    text        not null,
    changed_at    timestamptz not null
);
create index company_status_event_by_company on company_status_event (company_id, version desc);

-- A round whose company fields disagree with the profile is accepted (the profile wins) and the disagreement kept.
alter table funding_round add column disagreements jsonb not null default '[]';
