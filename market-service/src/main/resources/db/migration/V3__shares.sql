-- What each round adds to the aggregates now, so that a correction or retraction takes exactly that back out:
-- every event costs a constant amount of work, never a rescan of all rounds.
create table round_contribution (
    round_id   uuid primary key,
    buckets    text           not null,
    usd        numeric(30, 2) not null
);

-- Funding by dimension (QUARTER, LAYER, COUNTRY, ROUND, SEGMENT, INVESTOR, LEAD_INVESTOR) and bucket.
create table funding_aggregate (
    dimension text           not null,
    bucket    text           not null,
    rounds    bigint         not null,
    usd       numeric(30, 2) not null,
    primary key (dimension, bucket)
);

-- Each company's current valuation, as valuation-service last announced it.
create table company_value (
    company_id uuid primary key,
    name       text           not null,
    usd        numeric(30, 2),
    status     text           not null
);
create index company_value_unicorns on company_value (status) where status <> 'NONE';
