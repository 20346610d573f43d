-- The company registry: one id per company across the whole suite.
create table company (
    id              uuid primary key,
    name            text        not null,
    -- case-, width- and space-insensitive key, so "Zhipu AI" and "zhipu  ai" are one company
    normalized_name text        not null unique,
    local_name      text,
    country         char(2)     not null,
    layer           text        not null,
    segments        jsonb       not null default '[]',
    created_at      timestamptz not null default now()
);
create index company_local_name on company (lower(local_name));

create table funding_round (
    id                  uuid primary key,
    company_id          uuid          not null references company (id),
    version             bigint        not null,
    status              text          not null,
    round_type          text          not null,
    -- the native amount is kept exactly as reported; the USD figures are derived from it
    amount_value        numeric(30, 4),
    amount_low          numeric(30, 4),
    amount_high         numeric(30, 4),
    currency            char(3)       not null,
    amount_precision    text          not null,
    usd_value           numeric(30, 2),
    usd_low             numeric(30, 2),
    usd_high            numeric(30, 2),
    units_per_usd       numeric(20, 8),
    rate_date           date,
    valuation_value     numeric(30, 4),
    valuation_currency  char(3),
    valuation_usd       numeric(30, 2),
    valuation_units_per_usd numeric(20, 8),
    valuation_rate_date date,
    announced_on        date          not null,
    investors           jsonb         not null default '[]',
    source              text,
    retraction_reason   text,
    recorded_at         timestamptz   not null,
    updated_at          timestamptz   not null
);
-- the list endpoint pages newest first by (announced_on, id)
create index funding_round_page on funding_round (announced_on desc, id desc);
-- duplicate detection: same company and round type near a date
create index funding_round_duplicates on funding_round (company_id, round_type, announced_on);

-- Monthly average exchange rates, units of a currency per USD. Shipped rows are inserted on start without
-- overwriting; an admin's amendment (origin ADMIN) therefore survives restarts.
create table fx_rate (
    currency      char(3)        not null,
    month         date           not null,
    units_per_usd numeric(20, 8) not null check (units_per_usd > 0),
    origin        text           not null,
    updated_at    timestamptz    not null default now(),
    primary key (currency, month)
);

-- Idempotency-Key (IETF draft): the first response to a key is kept and replayed.
create table idempotency_key (
    key               text primary key,
    request_hash      text        not null,
    state             text        not null,
    response_status   int,
    response_location text,
    response_etag     text,
    response_body     text,
    claimed_at        timestamptz not null default clock_timestamp(),
    completed_at      timestamptz
);
create index idempotency_key_age on idempotency_key (claimed_at);
