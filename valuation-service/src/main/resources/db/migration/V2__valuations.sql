-- What this service knows of each company, from funding events: enough to label a valuation change.
create table company (
    id         uuid primary key,
    name       text        not null,
    local_name text,
    country    char(2),
    layer      text,
    updated_at timestamptz not null default now()
);

-- One reported or estimated valuation of a company at a date, from a round's post-money valuation or a mark.
-- A corrected round replaces its point; a retracted one deactivates it, so that history stays auditable.
create table valuation_point (
    id             uuid primary key,
    company_id     uuid           not null references company (id),
    cause_type     text           not null,
    cause_id       uuid           not null,
    cause_event_id uuid           not null,
    as_of          date           not null,
    amount         numeric(30, 4) not null,
    currency       char(3)        not null,
    usd            numeric(30, 2) not null,
    basis          text           not null,
    source         text,
    active         boolean        not null,
    recorded_at    timestamptz    not null,
    unique (cause_type, cause_id)
);
create index valuation_point_history on valuation_point (company_id, as_of, recorded_at);

-- The current valuation and unicorn status of each company, kept so that a change can be detected and dated.
create table company_valuation (
    company_id   uuid primary key references company (id),
    point_id     uuid,
    usd          numeric(30, 2),
    as_of        date,
    basis        text,
    status       text        not null,
    joined_on    date,
    left_on      date,
    left_reason  text,
    updated_at   timestamptz not null
);
create index company_valuation_ranking on company_valuation (status, usd desc);

-- The change log behind GET /valuation-changes: every valuation.changed event, kept after the outbox forgets it.
create table valuation_change (
    seq         bigserial primary key,
    event_id    uuid        not null unique,
    company_id  uuid        not null,
    occurred_at timestamptz not null,
    payload     text        not null
);
